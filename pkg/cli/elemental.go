package cli

import (
	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
	"github.com/mgcalc/mgcalc/pkg/units"
)

// MaxCount bounds --count.
const MaxCount = 1000

type convertOptions struct {
	Assay  float64
	Count  int
	person personOptions
}

func newElementalCmd(s *IO, root *rootOptions) *cobra.Command {
	o := &convertOptions{}
	cmd := &cobra.Command{
		Use:   "elemental FORM[:VARIANT] AMOUNT",
		Short: "Elemental magnesium in an amount of a magnesium compound",
		Long: `Elemental magnesium in AMOUNT of a magnesium compound, computed from the
variant's molecular formula and IUPAC atomic weights, and its share of the
supplemental upper limit.

FORM is a form name or alias in any case, with or without "magnesium"
(citrate, glycinate, magnesiumcitraat); add :VARIANT for a hydrate or salt
other than the default (citrate:nonahydrate). 'mgcalc forms' lists them.
AMOUNT is the weight of the compound: 500, 500mg, "500 mg", 0.5g or 250mcg;
a bare number is milligrams.

--assay replaces the formula's Mg share with a raw material's stated
percentage; a label's stated elemental amount beats both, so use it when the
label gives one.

-o value prints the elemental mg with one decimal.`,
		Example: `  mgcalc elemental citrate 500
  mgcalc elemental magnesium-bisglycinate 1g --count 2
  mgcalc elemental citrate 500 --assay 14.5
  mgcalc elemental chloride:anhydrous 1g -o value
  mgcalc elemental oxide 400 --age 6 --authority efsa`,
		Args: argsUsage(2, "FORM and AMOUNT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.Count < 1 || o.Count > MaxCount {
				return usageError(msg.Errorf("--count must be between 1 and %d, not %d", MaxCount, o.Count))
			}
			c, err := convert(cmd, o, args[0], args[1], false)
			if err != nil {
				return err
			}
			return s.Print(root.format, c)
		},
	}
	cmd.Flags().Float64Var(&o.Assay, "assay", 0, "the raw material's stated Mg `percent`, replacing the formula's share")
	cmd.Flags().IntVarP(&o.Count, "count", "n", 1, "number of capsules or servings of AMOUNT each")
	o.person.addFlags(cmd)
	cmd.ValidArgsFunction = completeForms
	return cmd
}

func newCompoundCmd(s *IO, root *rootOptions) *cobra.Command {
	o := &convertOptions{Count: 1}
	cmd := &cobra.Command{
		Use:   "compound FORM[:VARIANT] ELEMENTAL",
		Short: "Compound needed for an amount of elemental magnesium",
		Long: `The reverse of 'elemental': how much of a magnesium compound carries
ELEMENTAL mg of magnesium, from the variant's molecular formula (or --assay).

-o value prints the compound mg with one decimal.`,
		Example: `  mgcalc compound bisglycinate 200
  mgcalc compound citrate:nonahydrate 150mg -o value
  mgcalc compound citrate 100 --assay 14.5`,
		Args: argsUsage(2, "FORM and ELEMENTAL"),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := convert(cmd, o, args[0], args[1], true)
			if err != nil {
				return err
			}
			return s.Print(root.format, c)
		},
	}
	cmd.Flags().Float64Var(&o.Assay, "assay", 0, "the raw material's stated Mg `percent`, replacing the formula's share")
	o.person.addFlags(cmd)
	cmd.ValidArgsFunction = completeForms
	return cmd
}

// convert runs both directions: amount is compound mg per unit, or the
// elemental mg wanted when reverse.
func convert(cmd *cobra.Command, o *convertOptions, name, amountText string, reverse bool) (*render.Conversion, error) {
	t, err := kb.Forms()
	if err != nil {
		return nil, dataError(err)
	}
	f, v, err := t.Resolve(name)
	if err != nil {
		return nil, usageError(err)
	}
	amount, err := units.ParseMass(amountText)
	if err != nil {
		return nil, usageError(err)
	}
	var warnings []*msg.Message
	if cmd.Flags().Changed("assay") {
		w, err := forms.CheckAssay(f, v, o.Assay)
		if err != nil {
			return nil, usageError(err)
		}
		if w != nil {
			warnings = append(warnings, w)
		}
	}
	limit, person, err := o.person.limitFor(cmd)
	if err != nil {
		return nil, err
	}
	share := forms.ShareOf(v, o.Assay)
	c := &render.Conversion{
		Form: f.Key, FormName: f.Name, Variant: v.Key, VariantName: v.Name, Formula: v.Formula,
		MolarMass: v.MolarMass, Fraction: share.Fraction, FormulaFraction: v.Fraction, Basis: string(share.Basis),
		Count: o.Count, Limit: limit, Reverse: reverse, Cautions: warnings,
	}
	if share.Basis == forms.BasisAssay {
		c.AssayPercent = &o.Assay
	}
	if reverse {
		c.ElementalMg = amount
		c.CompoundMg = amount / share.Fraction
		c.UnitMg = c.CompoundMg
	} else {
		c.UnitMg = amount
		c.CompoundMg = amount * float64(o.Count)
		c.ElementalMg = c.CompoundMg * share.Fraction
	}
	for _, other := range f.Variants {
		if other != v {
			c.Others = append(c.Others, render.VariantShare{Variant: other.Key, Percent: other.Fraction * 100})
		}
	}
	c.Cautions = append(c.Cautions, personCautions(person, limit, limit.AdultMg)...)
	c.Finish()
	return c, nil
}

func completeForms(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	t, err := kb.Forms()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []string
	for _, f := range t.Forms {
		out = append(out, f.Key)
		for _, v := range f.Variants {
			out = append(out, f.Key+":"+v.Key)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
