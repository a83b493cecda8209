package cli

import (
	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
)

// limitsOptions are the options of `limits`.
type limitsOptions struct {
	IO     *IO
	Root   *rootOptions
	Person personOptions
}

func newLimitsCmd(s *IO, root *rootOptions) *cobra.Command {
	o := &limitsOptions{IO: s, Root: root}
	cmd := &cobra.Command{
		Use:   "limits",
		Short: s.P.Help("limits.short", "Upper limits, RDA/AI and label reference values for a person"),
		Long: s.P.Help("limits.long", `The reference values that apply to a person: the supplemental upper limit
under each authority (US IOM/NIH, EU SCF/EFSA, UK EVM), the US RDA or AI, the
EFSA adequate intake, and the label reference values (US Daily Value, EU NRV),
each with its source.

The upper limit covers magnesium from supplements and medicines only; the
RDA/AI covers total intake from food, water and supplements. Without --age
mgcalc assumes an adult; without --sex (from age 14) the RDA is a range. Where
an authority sets no value for an age, mgcalc says so and never invents one.

-o value prints the chosen authority's upper limit in mg/day (exit 1 where
none is set).

Exit status: 0; 1 for -o value where no upper limit is set, or a broken
config file; 2 for bad arguments (an age outside 0-130, --pregnant with
--sex male, …).`),
		Example: s.P.Help("limits.example", `  mgcalc limits
  mgcalc limits --age 6
  mgcalc limits --age 34 --sex female --pregnant
  mgcalc limits --age 16 --sex male --authority efsa -o json`),
		Args: argsUsage(0, msg.New("no arguments")),
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.Person.read(cmd)
			return runLimits(o)
		},
	}
	outputFlag(cmd, root, s.P, valueOutput)
	o.Person.addFlags(cmd, true, s.P)
	return cmd
}

// runLimits looks up and prints the reference values.
func runLimits(o *limitsOptions) error {
	lt, l, err := o.Person.applied(o.Root.tables, o.Root.config)
	if err != nil {
		return err
	}
	// "No single value" is decided here, once: the limit is the value.
	if o.Root.format == render.Value && l.Mg() == nil {
		m := withOrigin(msg.Errorf("%s sets no supplemental upper limit for %s, so -o value has nothing to print", l.Authority.Name, limits.Who(l.Person)), o.Root.config, "output")
		return dataError(m)
	}
	return o.Root.print(o.IO, render.NewLimits(lt, l))
}
