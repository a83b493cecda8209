package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
)

// personOptions are the options of every command that compares with a
// limit: which authority, and who for.
type personOptions struct {
	Authority string
	Age       float64
	Sex       string
	Pregnant  bool
	Lactating bool

	ageSet bool
}

func (o *personOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.Authority, "authority", limits.DefaultAuthority, "upper-limit authority: nih (US IOM/NIH), efsa (EU SCF/EFSA) or evm (UK EVM)")
	f.Float64Var(&o.Age, "age", 0, "age in years; fractions allowed (0.5 is six months) (default adult)")
	f.StringVar(&o.Sex, "sex", "", "male or female (selects the RDA/AI column)")
	f.BoolVar(&o.Pregnant, "pregnant", false, "use the pregnancy values")
	f.BoolVar(&o.Lactating, "lactating", false, "use the lactation values")
	_ = cmd.RegisterFlagCompletionFunc("authority", fixedCompletion("nih", "efsa", "evm"))
	_ = cmd.RegisterFlagCompletionFunc("sex", fixedCompletion("male", "female"))
}

// person validates the options into a limits.Person.
func (o *personOptions) person(cmd *cobra.Command) (limits.Person, error) {
	o.ageSet = cmd.Flags().Changed("age")
	sex, err := limits.ParseSex(o.Sex)
	if err != nil {
		return limits.Person{}, usageError(err)
	}
	p := limits.Person{Age: o.Age, AgeSet: o.ageSet, Sex: sex, Pregnant: o.Pregnant, Lactating: o.Lactating}
	if err := p.Validate(); err != nil {
		return limits.Person{}, usageError(err)
	}
	return p.Normalized(), nil
}

// authority resolves --authority.
func authority(t *limits.Tables, key string) (*limits.Authority, error) {
	a := t.Authority(strings.ToLower(strings.TrimSpace(key)))
	if a == nil {
		return nil, usageError(msg.Errorf("unknown authority %q", key).
			WithHint("use one of: %s", strings.Join(t.AuthorityKeys(), ", ")))
	}
	return a, nil
}

// limitFor looks up the supplemental upper limit for the options.
func (o *personOptions) limitFor(cmd *cobra.Command) (render.Limit, limits.Person, error) {
	p, err := o.person(cmd)
	if err != nil {
		return render.Limit{}, p, err
	}
	t, err := kb.Limits()
	if err != nil {
		return render.Limit{}, p, dataError(err)
	}
	a, err := authority(t, o.Authority)
	if err != nil {
		return render.Limit{}, p, err
	}
	return makeLimit(a, p), p, nil
}

func makeLimit(a *limits.Authority, p limits.Person) render.Limit {
	band := a.UL(p)
	return render.Limit{
		Authority: a.Key, AuthorityName: a.Name, Mg: band.Mg, Sources: band.Sources,
		Who: who(p), Adult: !p.AgeSet,
		AdultMg: a.UL(limits.Person{}).Mg,
	}
}

// who describes the person for text output: "adults", "age 6", "age 6 months".
func who(p limits.Person) *msg.Message {
	switch {
	case !p.AgeSet:
		return msg.New("adults")
	case p.Age < 1:
		return msg.New("age %d months", int(p.Age*12+1e-9))
	case p.Age == float64(int(p.Age)):
		return msg.New("age %d", int(p.Age))
	default:
		return msg.New("age %s", msg.N(p.Age, 1))
	}
}
