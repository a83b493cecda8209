package render

import (
	"math"

	"github.com/mgcalc/mgcalc/pkg/units"
)

// The unit elemental magnesium is shown in is a units.Unit, parsed in
// pkg/units (mg, mmol, mEq); here is only how it is displayed: its
// decimals and its JSON fields.

// unitDec is the decimals u is shown with.
func unitDec(u units.Unit, machine bool) int {
	switch {
	case u.Key == "mg" && machine:
		return MassDec
	case u.Key == "mg":
		return ValueDec
	}
	return 2
}

// unitDecOf is the decimals text shows v in u with: unitDec's, or for a
// molar amount below 0.1 as many as two significant digits take, so that
// a small amount never reads as 0.00 mmol.
func unitDecOf(u units.Unit, v float64) int {
	d := unitDec(u, false)
	if u.Key == "mg" || v <= 0 || v >= 0.1 {
		return d
	}
	return min(6, max(d, 1-int(math.Floor(math.Log10(v)))))
}

// unitFields are the extra JSON fields of a unit other than mg.
type unitFields struct {
	ElementalMmol *float64 `json:"elemental_mmol,omitempty"`
	ElementalMeq  *float64 `json:"elemental_meq,omitempty"`
}

func unitFieldsOf(u units.Unit, mg float64) unitFields {
	var f unitFields
	switch u.Key {
	case "mmol":
		f.ElementalMmol = ptr(Round(u.Of(mg), 3))
	case "meq":
		f.ElementalMeq = ptr(Round(u.Of(mg), 3))
	}
	return f
}
