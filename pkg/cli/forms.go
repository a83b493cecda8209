package cli

import (
	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/render"
)

func newFormsCmd(s *IO, root *rootOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "forms",
		Short: s.P.Help("forms.short", "List magnesium forms and variants with formula, molar mass and %% Mg"),
		Long: s.P.Help("forms.long", `Every form and variant in mgcalc's table, with its molecular formula, molar
mass and magnesium share, computed from IUPAC atomic weights, and how the
sources rate it for the gut. The default variant (the one sold as a
supplement) is marked; name another as FORM:VARIANT.

Exit status: 0, 1 for a broken config file, 2 for bad arguments (-o value
has no single number here).`),
		Example: s.P.Help("forms.example", `  mgcalc forms
  mgcalc forms -o json | jq '.[] | select(.default) | {form, fraction}'
  mgcalc forms show citrate`),
		Args: func(cmd *cobra.Command, args []string) error {
			return unknownCommandHint(cmd, args, msg.New("run 'mgcalc forms show FORM' for one form"))
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			t, err := root.tables.Forms()
			if err != nil {
				return dataError(err)
			}
			return root.print(s, render.NewFormList(t))
		},
	}
	outputFlag(cmd, root, s.P, listOutput)
	cmd.AddCommand(newFormsShowCmd(s, root))
	return cmd
}

func newFormsShowCmd(s *IO, root *rootOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "show FORM",
		Short: s.P.Help("forms.show.short", "One form in full: variants, gut tolerance, typical uses, sources"),
		Long: s.P.Help("forms.show.long", `One form in full: each variant's formula, molar mass and Mg share, the gut
tolerance and typical uses the sources give, raw-material assay ranges, label
cross-checks (a real label's stated amount beside the computed one) and every
source with its address.

-o value prints the Mg fraction (0-1) of the variant named as FORM:VARIANT,
or of the default one.

Exit status: 0, 1 for a broken config file, 2 for an unknown form or bad
arguments.`),
		Example: s.P.Help("forms.show.example", `  mgcalc forms show citrate
  mgcalc forms show glycinaat -o json`),
		Args:              argsUsage(1, msg.New("one FORM")),
		ValidArgsFunction: completeForms,
		RunE: func(_ *cobra.Command, args []string) error {
			t, err := root.tables.Forms()
			if err != nil {
				return dataError(err)
			}
			f, v, err := t.Resolve(args[0])
			if err != nil {
				return formError(err)
			}
			// the goals this form serves; with a --table of the user's that
			// the plan's knowledge does not fit, none, and a warning says why
			var goals []plan.GoalChoice
			k, err := root.tables.Plan()
			known := err == nil
			switch {
			case known:
				goals = k.GoalsFor(f.Key)
			case root.Table == "":
				return dataError(err)
			default:
				s.Warn(msg.New("goals are not shown: %s", err))
			}
			return root.print(s, render.NewFormDetail(t, f, v, goals, known))
		},
	}
	outputFlag(cmd, root, s.P, valueOutput)
	return cmd
}
