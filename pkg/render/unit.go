package render

import (
	"strings"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// Unit is the unit elemental magnesium is shown in: mg (the default), mmol
// or mEq (1 mmol = 2 mEq, magnesium being divalent). JSON always carries
// mg as well.
type Unit struct {
	Key   string  // mg, mmol, meq
	Label string  // mg, mmol, mEq
	MgPer float64 // mg of magnesium in one unit
}

// MgUnit shows milligrams.
var MgUnit = Unit{Key: "mg", Label: "mg", MgPer: 1}

// ParseUnit reads --unit; mgPerMmol is magnesium's atomic weight.
func ParseUnit(s string, mgPerMmol float64) (Unit, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "mg":
		return MgUnit, nil
	case "mmol":
		return Unit{Key: "mmol", Label: "mmol", MgPer: mgPerMmol}, nil
	case "meq":
		return Unit{Key: "meq", Label: "mEq", MgPer: mgPerMmol / 2}, nil
	}
	return Unit{}, msg.Errorf("unknown unit %q", text.Clip(s)).WithHint("use mg, mmol or meq")
}

// Of converts mg to the unit.
func (u Unit) Of(mg float64) float64 { return mg / u.MgPer }

// dec is the decimals the unit is shown with.
func (u Unit) dec(machine bool) int {
	switch {
	case u.Key == "mg" && machine:
		return MassDec
	case u.Key == "mg":
		return ValueDec
	}
	return 2
}

// unitFields are the extra JSON fields of a unit other than mg.
type unitFields struct {
	ElementalMmol *float64 `json:"elemental_mmol,omitempty"`
	ElementalMeq  *float64 `json:"elemental_meq,omitempty"`
}

func (u Unit) fields(mg float64) unitFields {
	var f unitFields
	switch u.Key {
	case "mmol":
		f.ElementalMmol = ptr(Round(u.Of(mg), 3))
	case "meq":
		f.ElementalMeq = ptr(Round(u.Of(mg), 3))
	}
	return f
}
