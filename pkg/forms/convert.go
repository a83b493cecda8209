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

// ShareOf returns the variant's formula fraction, or the assay's when
// assayPercent > 0. Validate the assay first with CheckAssay.
func ShareOf(v *Variant, assayPercent float64) Share {
	if assayPercent > 0 {
		return Share{Fraction: assayPercent / 100, Basis: BasisAssay}
	}
	return Share{Fraction: v.Fraction, Basis: BasisFormula}
}

// CheckAssay rejects an assay outside (0, 100] and returns a warning (nil
// if none) when it lies outside what the form can plausibly carry.
func CheckAssay(f *Form, pct float64) (warning *msg.Message, err error) {
	if math.IsNaN(pct) || math.IsInf(pct, 0) || pct <= 0 || pct > 100 {
		return nil, msg.Errorf("assay must be a percentage above 0 and at most 100, not %v", pct)
	}
	if a := f.Assay; a != nil {
		if pct < a.MinPercent || pct > a.MaxPercent {
			return msg.Errorf("assay %v %% is outside the %v-%v %% a %s specification allows", pct, a.MinPercent, a.MaxPercent, f.Key), nil
		}
		return nil, nil
	}
	if max := f.MaxFraction() * 100; pct > max*1.02 {
		return msg.Errorf("assay %v %% is more than any %s variant carries (%.2f %%)", pct, f.Key, max), nil
	}
	return nil, nil
}
