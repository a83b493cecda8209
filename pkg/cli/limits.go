package cli

import (
	"github.com/spf13/cobra"

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
			o.read(cmd)
			lt, l, err := o.applied(root.tables, root.origins)
			if err != nil {
				return err
			}
			if root.format == render.Value && l.Mg() == nil {
				return dataError(msg.Errorf("%s sets no supplemental upper limit for %s", l.Authority.Name, limits.Who(l.Person)))
			}
			return s.Print(root.format, render.NewLimits(lt, l))
		},
	}
	o.addFlags(cmd, true)
	return cmd
}
