package cli

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/units"
)

// personOptions are the options of every command that compares with a
// limit: which authority, and who for.
type personOptions struct {
	Authority string
	Age       float64
	AgeSet    bool // filled in RunE
	Sex       string
	Pregnant  bool
	Lactating bool
}

// addFlags declares the person flags; withSex adds --sex, which only the
// commands that look up an intake reference (RDA/AI) use.
func (o *personOptions) addFlags(cmd *cobra.Command, withSex bool, p msg.Printer) {
	f := cmd.Flags()
	f.StringVar(&o.Authority, "authority", defaultAuthority(p.Lang()), p.Help("person.flag.authority", "upper-limit authority: nih (US IOM/NIH), efsa (EU SCF/EFSA), evm (UK EVM) or bfr (DE BfR)"))
	decimalFlag(f, &o.Age, "age", p.Help("person.flag.age", "age in years; fractions allowed (0.5 is six months) (default adult)"))
	if withSex {
		f.StringVar(&o.Sex, "sex", "", p.Help("person.flag.sex", "male or female (selects the RDA/AI column)"))
		_ = cmd.RegisterFlagCompletionFunc("sex", fixedCompletion("male", "female"))
	}
	f.BoolVar(&o.Pregnant, "pregnant", false, p.Help("person.flag.pregnant", "use the pregnancy values"))
	f.BoolVar(&o.Lactating, "lactating", false, p.Help("person.flag.lactating", "use the lactation values"))
	standing(f, "authority", "age", "pregnant", "lactating")
	if withSex {
		standing(f, "sex")
	}
	_ = cmd.RegisterFlagCompletionFunc("authority", completeAuthorities)
}

// read takes what only cobra knows; call it in RunE.
func (o *personOptions) read(cmd *cobra.Command) { o.AgeSet = cmd.Flags().Changed("age") }

// applied validates the options and looks up the limit that applies.
// st says which values came from the environment or a config file, so a
// conflict they cause can name them; a standing sex applies under a
// command without --sex too.
func (o *personOptions) applied(t tables, origins *configState) (*limits.Tables, limits.Applied, error) {
	sexText := o.Sex
	s, ok, err := origins.standingValue("sex")
	if err != nil {
		return nil, limits.Applied{}, err
	}
	if ok && sexText == "" {
		sexText = s
	}
	sex, err := limits.ParseSex(sexText)
	if err != nil {
		return nil, limits.Applied{}, usageError(withOrigin(err.(*msg.Message), origins, "sex"))
	}
	p := limits.Person{Age: o.Age, AgeSet: o.AgeSet, Sex: sex, Pregnant: o.Pregnant, Lactating: o.Lactating}
	if err := p.Validate(); err != nil {
		return nil, limits.Applied{}, usageError(personError(err, origins))
	}
	if p.KidneyImpaired, err = standingKidney(t, origins); err != nil {
		return nil, limits.Applied{}, err
	}
	lt, err := t.Limits()
	if err != nil {
		return nil, limits.Applied{}, dataError(err)
	}
	a, err := lt.ResolveAuthority(o.Authority)
	if err != nil {
		return nil, limits.Applied{}, usageError(withOrigin(err.(*msg.Message), origins, "authority"))
	}
	return lt, a.For(p.Normalized()), nil
}

// personError words a person conflict with the flags that cause it.
func personError(err error, origins *configState) *msg.Message {
	var pe *limits.PersonError
	if !errors.As(err, &pe) {
		return msg.Errorf("%s", err.Error())
	}
	var m *msg.Message
	var involved []string
	switch pe.Problem {
	case limits.AgeOutOfRange:
		m, involved = msg.Errorf("--age must be between 0 and %d years", limits.MaxAge), []string{"age"}
	case limits.PregnantAndLactating:
		m, involved = msg.Errorf("--pregnant and --lactating cannot both be given"), []string{"pregnant", "lactating"}
		m.Hint = pe.Msg.Hint
	case limits.PregnantMale:
		m, involved = msg.Errorf("--pregnant and --lactating apply to --sex female only"), []string{"pregnant", "lactating", "sex"}
	case limits.PregnancyAge:
		m, involved = pe.Msg, []string{"pregnant", "lactating", "age"}
	default:
		m = pe.Msg
	}
	return withOrigin(m, origins, involved...)
}

// withOrigin adds, for each named flag whose value came from a standing
// setting, where it came from and how to override it.
func withOrigin(m *msg.Message, origins *configState, flags ...string) *msg.Message {
	var from *msg.Message
	var override []string
	for _, f := range flags {
		if o, ok := origins.origin(f); ok {
			if from == nil {
				from = o
			} else {
				from = msg.New("%s; %s", from, o)
			}
			switch f {
			case "pregnant", "lactating":
				override = append(override, "--"+f+"=false")
			default:
				// a standing setting the command has no flag for (--sex
				// under elemental, --kidney under total) is overridden
				// where it stands
				if s, ok := origins.settings[f]; !ok || s.Flag {
					override = append(override, "--"+f)
				}
			}
		}
	}
	if from == nil {
		return m
	}
	out := msg.Errorf("%s (%s)", m, from)
	if len(override) == 0 {
		out.Hint = msg.Errorf("a standing setting caused this: change or unset it where it is set")
		return out
	}
	out.Hint = msg.Errorf("a standing setting caused this: override it on the command line with %s", strings.Join(override, " or "))
	return out
}

// others are every authority's limit for the same person: what a dose
// above another authority's limit is compared with.
func (o *personOptions) others(lt *limits.Tables) []limits.Applied {
	p := limits.Person{Age: o.Age, AgeSet: o.AgeSet, Pregnant: o.Pregnant, Lactating: o.Lactating}.Normalized()
	var out []limits.Applied
	for _, a := range lt.UpperLimits {
		out = append(out, a.For(p))
	}
	return out
}

// standingKidney reads a standing kidney: or egfr: setting for a command
// without those flags (total, elemental, compound, limits): impaired
// kidneys, or an eGFR below the plan's kidney gate, are impaired. The
// words are read as plan reads --kidney (parseKidney).
func standingKidney(t tables, origins *configState) (bool, error) {
	impaired := false
	v, ok, err := origins.standingValue("kidney")
	if err != nil {
		return false, err
	}
	if ok {
		k, _ := parseKidney(v)
		impaired = k == plan.KidneyImpaired
	}
	v, ok, err = origins.standingValue("egfr")
	if err != nil {
		return false, err
	}
	if ok {
		e, err := units.ParseDecimal(v)
		if err != nil {
			return false, usageError(err)
		}
		k, err := t.Plan()
		if err != nil {
			return false, dataError(err)
		}
		impaired = impaired || e < k.Gates.KidneyEGFR.Value
	}
	return impaired, nil
}

// dutchAuthority is the default authority with Dutch output: the limit
// that applies in the Netherlands and Belgium, the EU's.
const dutchAuthority = "efsa"

// defaultAuthority is the authority used when none is set: the EU's
// SCF/EFSA with Dutch output (--lang nl, or a Dutch or Belgian locale),
// else limits.DefaultAuthority.
func defaultAuthority(l msg.Lang) string {
	if l == msg.Dutch {
		return dutchAuthority
	}
	return limits.DefaultAuthority
}

// completeAuthorities offers the authorities of the limits table.
func completeAuthorities(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	lt, err := defaultTables.Limits()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []string
	for _, a := range lt.UpperLimits {
		out = append(out, a.Key)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
