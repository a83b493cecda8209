package dose

import (
	"math"

	"github.com/mgcalc/mgcalc/pkg/forms"
)

// LabelTolerance is how far (relative) a label's implied magnesium share
// may be from a variant's and still be consistent with it: labels round
// their amounts, and real products drift. No source gives this number; it
// is mgcalc's rule, and the README says so. The real labels in data/ are
// all within it.
const LabelTolerance = 0.03

// Verdict is what a label check concludes.
type Verdict string

// The verdicts.
const (
	// Consistent: the stated amount fits a variant's formula, or the
	// form's raw-material assay range.
	Consistent Verdict = "consistent"
	// Unmatched: possible, but no variant fits: another hydrate, a blend
	// with a poorer salt, or a label error.
	Unmatched Verdict = "unmatched"
	// Impossible: more magnesium than any variant of the form carries: a
	// blend with a richer salt (buffered with oxide) where a salt of the
	// table is rich enough (LabelCheck.RicherSalt), a mislabelled form, or
	// a typo; where none is, a typo or swapped amounts.
	Impossible Verdict = "impossible"
)

// VariantMatch is a variant a label is consistent with.
type VariantMatch struct {
	Variant *forms.Variant
	OffPct  float64 // (implied − formula) / formula × 100
}

// LabelCheck is a label's compound amount and stated magnesium, checked
// against the form's chemistry.
type LabelCheck struct {
	Form       *forms.Form
	Variant    *forms.Variant // the variant named, or nil
	CompoundMg float64
	StatedMg   float64
	Implied    float64 // stated / compound
	Matches    []VariantMatch
	// Others are the form's other variants the label fits, where a variant
	// was named and did not fit: the mislabelled-hydrate case.
	Others  []VariantMatch
	InAssay bool // within the form's raw-material assay range (its own ends)
	Verdict Verdict
	// RicherSalt is set for an Impossible verdict that a richer salt mixed
	// in could explain (RicherSaltCarries): false, no magnesium salt
	// carries that much.
	RicherSalt bool
}

// CheckLabel checks a label: which variants (or assay range) the stated
// amount is consistent with, within LabelTolerance; impossible when it is
// above the form's richest variant by more than that, and then whether a
// richer salt of table t mixed in could carry it. check and the label
// reader both decide by it.
func CheckLabel(t *forms.Table, f *forms.Form, v *forms.Variant, compoundMg, statedMg float64) LabelCheck {
	c := LabelCheck{Form: f, Variant: v, CompoundMg: compoundMg, StatedMg: statedMg, Implied: statedMg / compoundMg}
	for _, cand := range f.Variants {
		off := (c.Implied - cand.Fraction) / cand.Fraction
		if math.Abs(off) <= LabelTolerance {
			m := VariantMatch{Variant: cand, OffPct: off * 100}
			if v == nil || cand == v {
				c.Matches = append(c.Matches, m)
			} else {
				c.Others = append(c.Others, m)
			}
		}
	}
	if a := f.Assay; a != nil && (v == nil || v.Default) {
		pct := c.Implied * 100
		// the range's own ends, read at its precision (a label stating
		// 144 mg in 2000 mg is 7.2 %, the bottom of 7.2-8.3 %)
		c.InAssay = pct >= a.MinPercent-0.005 && pct <= a.MaxPercent+0.005
	}
	switch {
	case c.Implied > f.MaxFraction()*(1+LabelTolerance):
		c.Verdict = Impossible
		c.RicherSalt = RicherSaltCarries(t, c.Implied)
	case len(c.Matches) > 0 || c.InAssay:
		c.Verdict = Consistent
	default:
		c.Verdict = Unmatched
	}
	return c
}

// RicherSaltCarries reports whether some salt of table t carries a share
// implied (magnesium / compound) of magnesium, within LabelTolerance: then
// a label stating more magnesium than its own salt carries may be a blend
// with that richer salt (a bisglycinate "buffered" with oxide). Above the
// richest salt of the table (and, for a user's table, of the built-in
// one: Table.RichestKnown), no magnesium salt carries that much: the
// label has a typo or its amounts are swapped.
func RicherSaltCarries(t *forms.Table, implied float64) bool {
	if t == nil || !(implied > 0) {
		return false
	}
	return implied <= max(t.RichestKnown, t.MaxFraction())*(1+LabelTolerance)
}
