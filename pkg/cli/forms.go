package cli

import (
	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
)

func newFormsCmd(s *IO, root *rootOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "forms",
		Short: "List magnesium forms and variants with formula, molar mass and % Mg",
		Long: `Every form and variant in mgcalc's table, with its molecular formula, molar
mass and magnesium share, computed from IUPAC atomic weights, and how the
sources rate it for the gut. The default variant (the one sold as a
supplement) is marked; name another as FORM:VARIANT.`,
		Example: `  mgcalc forms
  mgcalc forms -o json | jq '.[] | select(.default) | {form, fraction}'
  mgcalc forms show citrate`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				m := msg.Errorf("unknown command %q for %q", args[0], cmd.CommandPath())
				cmd.SuggestionsMinimumDistance = 2
				if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
					return usageError(m.WithHint("did you mean %s?", s[0]))
				}
				return usageError(m.WithHint("run 'mgcalc forms show FORM' for one form"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			t, err := kb.Forms()
			if err != nil {
				return dataError(err)
			}
			return s.Print(root.format, formList(t))
		},
	}
	cmd.AddCommand(newFormsShowCmd(s, root))
	return cmd
}

func newFormsShowCmd(s *IO, root *rootOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "show FORM",
		Short: "One form in full: variants, gut tolerance, typical uses, sources",
		Long: `One form in full: each variant's formula, molar mass and Mg share, the gut
tolerance and typical uses the sources give, raw-material assay ranges, label
cross-checks (a real label's stated amount beside the computed one) and every
source with its address.

-o value prints the Mg fraction (0-1) of the variant named as FORM:VARIANT,
or of the default one.`,
		Example: `  mgcalc forms show citrate
  mgcalc forms show glycinaat -o json`,
		Args:              argsUsage(1, "one FORM"),
		ValidArgsFunction: completeForms,
		RunE: func(_ *cobra.Command, args []string) error {
			t, err := kb.Forms()
			if err != nil {
				return dataError(err)
			}
			f, v, err := t.Resolve(args[0])
			if err != nil {
				return usageError(err)
			}
			d := formDetail(t, f)
			d.Selected = v.Key
			return s.Print(root.format, d)
		},
	}
}

func formList(t *forms.Table) render.FormList {
	var out render.FormList
	for _, f := range t.Forms {
		for _, v := range f.Variants {
			out = append(out, render.FormRow{
				Form: f.Key, Name: f.Name, Variant: v.Key, VariantName: v.Name, Default: v.Default,
				Formula: v.Formula, MolarMass: render.Round(v.MolarMass, 3), Fraction: render.Round(v.Fraction, 6),
				Tolerance: f.Tolerance.Level, Aliases: nonNil(f.Aliases), VariantAliases: nonNil(v.Aliases),
			})
		}
	}
	return out
}

func formDetail(t *forms.Table, f *forms.Form) *render.FormDetail {
	d := &render.FormDetail{
		Form: f.Key, Name: f.Name, Aliases: nonNil(f.Aliases),
		Tolerance: f.Tolerance.Level, ToleranceNote: f.Tolerance.Note, ToleranceSrc: nonNil(f.Tolerance.Sources),
		UsesSources: nonNil(f.UsesSources), Uses: []render.UseDetail{}, Notes: []render.NoteDetail{},
	}
	ids := append([]string{}, f.Tolerance.Sources...)
	for _, v := range f.Variants {
		vd := render.VariantDetail{
			Variant: v.Key, Name: v.Name, Aliases: nonNil(v.Aliases), Default: v.Default, Formula: v.Formula,
			Hill: v.Composition.String(), MolarMass: render.Round(v.MolarMass, 3), Fraction: render.Round(v.Fraction, 6),
			Sources: v.Sources, Labels: []render.LabelDetail{},
		}
		for _, l := range v.Labels {
			vd.Labels = append(vd.Labels, render.LabelDetail{CompoundMg: l.CompoundMg, StatedMg: l.ElementalMg,
				ComputedMg: render.Round(l.CompoundMg*v.Fraction, 2), Sources: l.Sources})
			ids = append(ids, l.Sources...)
		}
		ids = append(ids, v.Sources...)
		d.Variants = append(d.Variants, vd)
	}
	for _, u := range f.Uses {
		d.Uses = append(d.Uses, render.UseDetail{Goal: u.Goal, Choice: u.Choice, Note: u.Note})
	}
	ids = append(ids, f.UsesSources...)
	if a := f.Assay; a != nil {
		d.Assay = &render.AssayDetail{MinPercent: a.MinPercent, MaxPercent: a.MaxPercent, Sources: a.Sources}
		ids = append(ids, a.Sources...)
	}
	for _, n := range f.Notes {
		d.Notes = append(d.Notes, render.NoteDetail{Text: n.Text, Sources: n.Sources})
		ids = append(ids, n.Sources...)
	}
	d.Sources = t.Sources.Lookup(unique(ids))
	return d
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func unique(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
