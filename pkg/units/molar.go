package units

import (
	"strings"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// Unit is a unit elemental magnesium is shown in: mg, or an amount of
// substance, mmol or mEq. Magnesium is divalent, so 1 mmol is 2 mEq; a
// millimole weighs magnesium's standard atomic weight in mg (from the
// table of weights, never typed here). This is the one home of that rule:
// parsing an amount in mmol (ParseElemental) and choosing --unit both
// read molarUnits.
type Unit struct {
	Key   string  // mg, mmol, meq
	Label string  // mg, mmol, mEq
	MgPer float64 // mg of magnesium in one unit
}

// Mg is milligrams.
var Mg = Unit{Key: "mg", Label: "mg", MgPer: 1}

// molarUnits are the amount-of-substance units of magnesium: mmol per
// unit, and how a label writes it. mEq and the German mval (Millival)
// are the same, magnesium being divalent; mval is read in amounts only
// (--unit shows mg, mmol or mEq).
func molarUnits(k string) (u struct {
	mmol  float64
	label string
}, ok bool) {
	switch k {
	case "mmol":
		u.mmol, u.label = 1, "mmol"
	case "meq", "mval":
		u.mmol, u.label = 0.5, "mEq"
	default:
		return u, false
	}
	return u, true
}

// UnitNames are the --unit values, in the order help lists them.
var UnitNames = []string{"mg", "mmol", "meq"}

// IsMolarUnit reports whether s is mmol, mEq or mval.
func IsMolarUnit(s string) bool { _, ok := molarUnits(strings.ToLower(s)); return ok }

// ParseUnit reads a --unit value: mg (or nothing), mmol or meq;
// mgPerMmol is magnesium's atomic weight.
// The unit is read by the one fold of typed names (any case, full-width
// letters); a character the fold does not read is refused, never dropped.
func ParseUnit(s string, mgPerMmol float64) (Unit, error) {
	k, err := text.Fold(s)
	if r := msg.NameRefusal(s, err); r != nil {
		return Unit{}, r
	}
	if k == "" || k == "mg" {
		return Mg, nil
	}
	if m, ok := molarUnits(k); ok && k != "mval" {
		return Unit{Key: k, Label: m.label, MgPer: mgPerMmol * m.mmol}, nil
	}
	return Unit{}, msg.Errorf("unknown unit %q", text.Clip(s)).WithHint("use mg, mmol or meq")
}

// Of converts mg to the unit.
func (u Unit) Of(mg float64) float64 { return mg / u.MgPer }
