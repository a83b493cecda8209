package cli

import (
	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
)

func newLimitsCmd(s *IO, root *rootOptions) *cobra.Command {
	o := &personOptions{}
	cmd := &cobra.Command{
		Use:   "limits",
		Short: "Upper limits, RDA/AI and label reference values for a person",
		Long: `The reference values that apply to a person: the supplemental upper limit
under each authority (US IOM/NIH, EU SCF/EFSA, UK EVM), the US RDA or AI, the
EFSA adequate intake, and the label reference values (US Daily Value, EU NRV),
each with its source.

The upper limit covers magnesium from supplements and medicines only; the
RDA/AI covers total intake from food, water and supplements. Without --age
mgcalc assumes an adult; without --sex (from age 14) the RDA is a range. Where
an authority sets no value for an age, mgcalc says so and never invents one.

-o value prints the chosen authority's upper limit in mg/day (exit 1 where
none is set).`,
		Example: `  mgcalc limits
  mgcalc limits --age 6
  mgcalc limits --age 34 --sex female --pregnant
  mgcalc limits --age 16 --sex male --authority efsa -o json`,
		Args: argsUsage(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, err := o.person(cmd)
			if err != nil {
				return err
			}
			t, err := kb.Limits()
			if err != nil {
				return dataError(err)
			}
			a, err := authority(t, o.Authority)
			if err != nil {
				return err
			}
			r := limitsReport(t, a, p)
			if root.format == render.Value && r.Limit.Mg == nil {
				return dataError(msg.Errorf("%s sets no supplemental upper limit for %s", a.Name, who(p)))
			}
			return s.Print(root.format, r)
		},
	}
	o.addFlags(cmd)
	return cmd
}

func limitsReport(t *limits.Tables, chosen *limits.Authority, p limits.Person) *render.Limits {
	r := &render.Limits{Limit: makeLimit(chosen, p)}
	if p.AgeSet {
		r.Person.Age = &p.Age
	}
	if p.Sex != "" {
		sex := string(p.Sex)
		r.Person.Sex = &sex
	}
	r.Person.Pregnant, r.Person.Lactating = p.Pregnant, p.Lactating
	for _, a := range t.UpperLimits {
		band := a.UL(p)
		r.UpperLimits = append(r.UpperLimits, render.ULRow{Authority: a.Key, Name: a.Name, Kind: a.Kind,
			Mg: band.Mg, Note: band.Note, Sources: band.Sources})
	}
	r.Intake = intakeOf(t.USRDA, p)
	ai := t.EFSAAI.Lookup(p)
	r.AI = &render.AI{Sources: ai.Sources}
	if ai.Set {
		r.AI.MinMg, r.AI.MaxMg = &ai.Min, &ai.Max
		if ai.Exact() {
			r.AI.Mg = &ai.Min
		}
	}
	for _, l := range t.LabelValues {
		r.LabelValues = append(r.LabelValues, render.LabelRow{Key: l.Key, Name: l.Name, Mg: l.Mg, Note: l.Note, Sources: l.Sources})
	}
	r.Cautions = personCautions(p, r.Limit, r.Limit.AdultMg)
	return r
}

// intakeOf looks up the US RDA/AI for the report.
func intakeOf(it *limits.IntakeTable, p limits.Person) *render.Intake {
	in := it.Lookup(p)
	out := &render.Intake{Kind: "RDA", Sources: in.Sources}
	if in.Set {
		out.Kind = in.Kind
		out.MinMg, out.MaxMg = &in.Min, &in.Max
		if in.Exact() {
			out.Mg = &in.Min
		}
	}
	return out
}
