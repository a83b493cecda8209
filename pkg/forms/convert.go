package forms

import (
	"math"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// Basis says where a conversion's Mg share came from.
type Basis string

// The bases, strongest last: a label's stated amount beats an assay, which
// beats the formula.
const (
	BasisFormula Basis = "formula"
	BasisAssay   Basis = "assay"
	BasisLabel   Basis = "label"
)

// Share is the Mg mass fraction used for a conversion and where it came from.
type Share struct {
	Fraction float64
	Basis    Basis
}

// Elemental is the elemental magnesium in compoundMg of the compound. It
// and Compound are the one place amounts are multiplied.
func (s Share) Elemental(compoundMg float64) float64 { return compoundMg * s.Fraction }

// Compound is the compound weight that carries elementalMg of magnesium.
// The share must be above zero (every validated share is).
func (s Share) Compound(elementalMg float64) float64 { return elementalMg / s.Fraction }

// ComputedMg is the elemental amount v's formula gives for the label's
// compound amount, to set beside the label's stated one.
func (l Label) ComputedMg(v *Variant) float64 { return ShareOf(v, 0).Elemental(l.CompoundMg) }

// ShareOf returns the variant's formula fraction, or the assay's when
// assayPercent > 0. Validate the assay first with CheckAssay.
func ShareOf(v *Variant, assayPercent float64) Share {
	if assayPercent > 0 {
		return Share{Fraction: assayPercent / 100, Basis: BasisAssay}
	}
	return Share{Fraction: v.Fraction, Basis: BasisFormula}
}

// MinAssayPercent is the lowest assay accepted: no magnesium salt in the
// table carries less than 5 %, so a value below 1 is a fraction typed for
// a percentage (0.145 for 14.5 %).
const MinAssayPercent = 1

// CheckAssay rejects an assay outside [1, 100] and returns a warning (nil
// if none) when it lies outside what variant v plausibly carries: the
// form's specification range for its default variant, else within 20 %
// below and 2 % above the formula's share.
func CheckAssay(f *Form, v *Variant, pct float64) (warning *msg.Message, err error) {
	if math.IsNaN(pct) || math.IsInf(pct, 0) || pct <= 0 || pct > 100 {
		return nil, msg.Errorf("assay must be a percentage above 0 and at most 100, not %v", pct)
	}
	if pct < MinAssayPercent {
		return nil, msg.Errorf("assay %s %% is below %d %%", msg.A(pct), MinAssayPercent).
			WithHint("give a percentage, not a fraction: did you mean %s?", msg.A(pct*100))
	}
	if most := f.MaxFraction() * 100; pct > most*1.02 {
		return nil, msg.Errorf("assay %s %% is more than any %s carries: at most %s %% by its formulas", msg.A(pct), f.Name, msg.N(most, 2)).
			WithHint("check the percentage: an assay is the raw material's magnesium content")
	}
	formula := v.Fraction * 100
	if a := f.Assay; a != nil && v.Default {
		if pct >= a.MinPercent && pct <= a.MaxPercent {
			return nil, nil
		}
		if a.As != "" {
			return msg.Errorf("assay %s %% is outside the %s-%s %% (%s-%s %% %s) a %s specification allows", msg.A(pct),
				msg.A(a.MinPercent), msg.A(a.MaxPercent), msg.A(a.StatedMin), msg.A(a.StatedMax), a.As, f.Name), nil
		}
		return msg.Errorf("assay %s %% is outside the %s-%s %% a %s specification allows", msg.A(pct), msg.A(a.MinPercent), msg.A(a.MaxPercent), f.Name), nil
	}
	switch {
	case pct > formula*1.02:
		return msg.Errorf("assay %s %% is more than %s:%s carries by its formula (%s %%)", msg.A(pct), f.Key, v.Key, n2(formula)), nil
	case pct < formula*0.8:
		return msg.Errorf("assay %s %% is far below the %s %% of %s:%s by its formula: check the variant", msg.A(pct), n2(formula), f.Key, v.Key), nil
	}
	return nil, nil
}

// n2 is a percentage argument for messages, two decimals.
func n2(x float64) msg.Number { return msg.N(x, 2) }

// MgPerMmol is magnesium's standard atomic weight in mg per mmol, as the
// table's formulas were computed with it (24.305 with the IUPAC abridged
// weight), for amounts in mmol or mEq.
func (t *Table) MgPerMmol() float64 {
	for _, f := range t.Forms {
		for _, v := range f.Variants {
			if n := v.Composition.Count("Mg"); n > 0 {
				return math.Round(v.Fraction*v.MolarMass/float64(n)*1e9) / 1e9
			}
		}
	}
	return 0
}
