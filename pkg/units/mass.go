// Package units parses the numbers people type: amounts ("500", "500mg",
// "500 mg", "0.5g", "250 mcg"; the result is always milligrams), plain
// decimals (ParseDecimal) and whole counts (ParseCount). All of them take
// only plain digits with at most one decimal point: no sign, exponent,
// base prefix, digit separator, inf or nan.
package units

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// MaxMg is the largest amount accepted: 100 g. More is no supplement dose
// and most likely a typo or a unit mix-up.
const MaxMg = 100_000

// MinMg is the smallest non-zero amount accepted: 1 mcg.
const MinMg = 0.001

// maxLen bounds the text of one amount.
const maxLen = 64

// unitMg is the milligrams in one of a mass unit, read in lower case ("µg"
// with the micro sign, "μg" with the Greek mu). The units are a switch, not
// a map: a map literal is built when the program starts, in every call.
func unitMg(w string) (float64, bool) {
	switch w {
	case "", "mg", "milligram", "milligrams":
		return 1, true
	case "g", "gram", "grams":
		return 1000, true
	case "mcg", "µg", "μg", "ug", "microgram", "micrograms":
		return 0.001, true
	}
	return 0, false
}

// IsUnit reports whether s is a mass unit mgcalc reads (mg, g, mcg, …).
func IsUnit(s string) bool {
	_, ok := unitMg(strings.ToLower(s))
	return ok && s != ""
}

// ParseMass reads an amount and returns it in milligrams. A bare number is
// milligrams. The number is plain digits with at most one decimal
// separator (.5g and 5.g are read as 0.5 g and 5 g). The separator is a
// point, or a comma followed by one or two digits (187,5 mg, 0,5 g): a
// comma there cannot separate thousands. A separator followed by exactly
// three digits is refused where both readings are plausible: 1.830 mg and
// 1,830 mg are 1.83 mg or 1830 mg (1.830 g is not ambiguous: 1830 g is no
// dose). Errors are *msg.Message.
func ParseMass(s string) (float64, error) { return parseMass(s, false, MaxMg, 0) }

// ParseMassOrZero is ParseMass that also accepts zero (for magnesium from
// food: none is a real answer).
func ParseMassOrZero(s string) (float64, error) { return parseMass(s, true, MaxMg, 0) }

// MaxSkinMg is the largest amount of a product for the skin: a bath takes
// several hundred grams of Epsom salt, which is no oral dose.
const MaxSkinMg = 1_000_000

// ParseSkinMass is ParseMass for products applied to the skin, up to
// MaxSkinMg.
func ParseSkinMass(s string) (float64, error) { return parseMass(s, false, MaxSkinMg, 0) }

// ParseElemental reads an amount of elemental magnesium: a mass, or
// mmol or mEq of magnesium (1 mmol = 2 mEq, magnesium being divalent),
// converted with mgPerMmol, magnesium's standard atomic weight (from the
// table of weights, not typed here).
func ParseElemental(s string, mgPerMmol float64) (float64, error) {
	return parseMass(s, false, MaxMg, mgPerMmol)
}

// ParseElementalOrZero is ParseElemental that also accepts zero.
func ParseElementalOrZero(s string, mgPerMmol float64) (float64, error) {
	return parseMass(s, true, MaxMg, mgPerMmol)
}

// magnesiumItself reports whether unit is a mass unit followed by a word
// for magnesium ("mg Mg", "mg magnesium", "mg elemental"), in any case.
func magnesiumItself(unit string) bool {
	f := strings.Fields(strings.ToLower(unit))
	if len(f) < 2 {
		return false
	}
	if _, ok := unitMg(f[0]); !ok {
		return false
	}
	switch strings.Join(f[1:], " ") {
	case "mg", "magnesium", "elemental", "elemental magnesium", "elementair", "elementair magnesium":
		return true
	}
	return false
}

// volumeUnits are units of volume (read in lower case): a volume of a
// liquid product is no weight of its salt. The Dutch (theelepel,
// eetlepel) are in data/i18n/nl.words.yaml, read as these.
func volumeUnits(w string) bool {
	switch w {
	case "ml", "l", "cl", "dl", "cc", "tsp", "tbsp", "teaspoon", "tablespoon":
		return true
	}
	return false
}

// isVolume reports whether unit (lower case) is a unit of volume, in
// any language mgcalc reads.
func isVolume(unit string) bool {
	if volumeUnits(unit) {
		return true
	}
	en, ok := msg.Word("unit", unit)
	return ok && volumeUnits(en)
}

// Readings reads an amount of elemental magnesium as ParseElemental does,
// but where ParseElemental refuses a number as ambiguous (1.830 mg: 1.83 or
// 1830 mg?) it returns both readings, the decimal one first, so a caller
// that knows more (a label's other figures) can rule one out. Otherwise it
// returns the one reading, or ParseElemental's error.
func Readings(s string, mgPerMmol float64) ([]float64, error) {
	mg, err := readMass(s, false, MaxMg, mgPerMmol)
	var amb *ambiguity
	if errors.As(err, &amb) {
		return []float64{amb.decimal, amb.thousands}, nil
	}
	if err != nil {
		return nil, err
	}
	return []float64{mg}, nil
}

// ambiguity carries the two readings of an ambiguous amount with its
// message; parseMass returns its message, and Readings the readings.
type ambiguity struct {
	*msg.Message
	decimal, thousands float64 // mg
}

func (a *ambiguity) Unwrap() error { return a.Message }

func parseMass(s string, zeroOK bool, maxMg, mgPerMmol float64) (float64, error) {
	mg, err := readMass(s, zeroOK, maxMg, mgPerMmol)
	if err != nil { // (amb escapes: declared here, it is made only for an error)
		var amb *ambiguity
		if errors.As(err, &amb) {
			return 0, amb.Message
		}
	}
	return mg, err
}

// readMass is parseMass, with an ambiguous amount's error an *ambiguity.
func readMass(s string, zeroOK bool, maxMg, mgPerMmol float64) (float64, error) {
	if mg, ok := plainMg(s, maxMg); ok {
		return mg, nil
	}
	if len(s) > maxLen {
		return 0, msg.Errorf("amount is longer than %d characters", maxLen)
	}
	t := strings.ToLower(strings.TrimSpace(Typed(s)))
	if t == "" {
		return 0, msg.Errorf("no amount given").WithHint("give an amount such as 500, 500mg or 0.5g")
	}
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.' || t[i] == ',' || t[i] == '-' || t[i] == '+') {
		i++
	}
	num, unit := t[:i], strings.TrimSpace(t[i:])
	if m := digitRefusal(s, t[i:]); m != nil {
		return 0, m
	}
	num, err := decimalComma(s, num)
	if err != nil {
		return 0, err
	}
	if strings.HasPrefix(num, "-") {
		return 0, msg.Errorf("amount %q is negative", s)
	}
	if num == "" || strings.Count(num, ".") > 1 || strings.ContainsAny(num, "+-") || num == "." {
		return 0, msg.Errorf("amount %q is not a number", s).WithHint("give an amount such as 500, 500mg or 0.5g")
	}
	factor, ok := unitMg(unit)
	if m, molar := molarUnits(unit); molar {
		if mgPerMmol == 0 {
			return 0, msg.Errorf("amount %q is in %s, which counts magnesium, not the compound", s, unit).
				WithHint("give the compound in mg or g, or ask the reverse: mgcalc compound FORM %s", strings.TrimSpace(s))
		}
		factor, ok = m.mmol*mgPerMmol, true
	}
	if !ok && isVolume(unit) {
		return 0, msg.Errorf("amount %q is a volume, not a weight", s).
			WithHint("mgcalc converts the weight of a salt: how much a mL holds depends on the product (a suspension, a solution), so give the label's salt per dose, such as 1200mg")
	}
	if !ok {
		// the unit as typed (mg Mg, not mg mg), where lower case kept
		// the offsets
		typed := strings.TrimSpace(s)
		if len(typed) == len(t) {
			unit = strings.TrimSpace(typed[i:])
		}
		m := msg.Errorf("amount %q has an unknown unit %q", s, unit)
		if magnesiumItself(unit) {
			// "100 mg Mg", "100 mg magnesium": a label's magnesium, not a
			// weight of the salt (review K6, R5)
			typed, amount := strings.TrimSpace(s), strings.TrimSpace(num)+strings.Fields(unit)[0]
			if mgPerMmol > 0 {
				// an amount of magnesium where magnesium is asked for
				// (check --stated, compound, magnesium:AMOUNT)
				return 0, m.WithHint("%s is magnesium already: give the amount alone, such as %s", typed, amount)
			}
			// the way to give it follows the command in use: a product
			// of its magnesium where products are FORM:AMOUNT (total,
			// log), the reverse question where they are FORM AMOUNT
			return 0, m.WithHint("%s is magnesium itself, not the weight of a salt: give the salt's weight, or %s", typed, msg.BySyntax{
				Arg:  msg.New("ask mgcalc compound FORM %s for the salt that carries it", amount),
				Item: msg.New("add the label's magnesium as %s", msg.Item{Form: "magnesium", Amount: amount}),
			})
		}
		if strings.EqualFold(unit, "gr") {
			return 0, m.WithHint("gr is a gram or a grain: write g for grams, or the milligrams")
		}
		if strings.ContainsAny(unit, "0123456789_") {
			// 1e3, 0x10, 0b11, 1_000: the number goes on past the
			// digits, in a notation people do not mean on a label.
			return 0, m.WithHint("write the amount in plain digits with at most one decimal point (1500 or 1.5g), then mg, g or mcg")
		}
		if mgPerMmol > 0 {
			return 0, m.WithHint("use mg, g, mcg, mmol or mEq")
		}
		return 0, m.WithHint("use mg, g or mcg")
	}
	if err := ambiguous(s, num, unit, factor); err != nil {
		return 0, err
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, msg.Errorf("amount %q is not a number", s)
	}
	mg := v * factor
	if mg == 0 && zeroOK {
		return 0, nil
	}
	if mg <= 0 {
		return 0, msg.Errorf("amount %q is zero", s).WithHint("give an amount above zero")
	}
	if mg < MinMg {
		return 0, msg.Errorf("amount %q is less than 1 mcg", s).WithHint("amounts without a unit are milligrams")
	}
	if mg > maxMg && maxMg == MaxMg {
		return 0, msg.Errorf("amount %q is more than 100 g, not a plausible dose", s).
			WithHint("amounts without a unit are milligrams; a product for the skin (a bath) is marked route: skin in a stack file")
	}
	if mg > maxMg {
		return 0, msg.Errorf("amount %q is more than %s g, not a plausible amount", s, msg.A(maxMg/1000)).WithHint("amounts without a unit are milligrams")
	}
	return mg, nil
}

// plainMg reads the most common amounts quickly: milligrams in plain
// digits, whole or with one or two decimals after a point (500, 1250.5,
// 6070.60), above zero and at most maxMg. For anything else (a unit, white
// space, a comma, three decimals, which may be a thousands separator,
// zero, too large) ok is false and the full parser decides; for these it
// would return the same number: the digits as a whole number divided by
// an exact power of ten is one correctly rounded division, the value
// strconv.ParseFloat gives (its own exact path).
func plainMg(s string, maxMg float64) (mg float64, ok bool) {
	if len(s) == 0 || len(s) > 12 {
		return 0, false
	}
	n, dec, point := 0, 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			n = n*10 + int(c-'0')
			if point {
				dec++
			}
		case c == '.' && !point && i > 0 && i < len(s)-1:
			point = true
		default:
			return 0, false
		}
	}
	if n == 0 || dec > 2 {
		return 0, false
	}
	mg = float64(n) / [...]float64{1, 10, 100}[dec]
	if mg > maxMg {
		return 0, false
	}
	return mg, true
}

// ambiguous refuses a number that reads as well with a decimal point as
// with a thousands separator, as 1.830 mg does on a Dutch label: exactly
// one point, one to three digits before it not starting with 0, exactly
// three after it, and the thousands reading (1830 mg) a plausible amount.
// The decimal reading is then plausible too: it is smaller and at least
// 1.000 × the unit, so at least 1 mcg. num is digits and at most one point
// (parseMass checked), factor is the unit's milligrams.
//
// The readings in the message are msg.N, printed in the reader's language;
// the hint shows what to type, which always has a decimal point, so its
// numbers are plain text.
func ambiguous(s, num, unit string, factor float64) *ambiguity {
	whole, frac, ok := strings.Cut(num, ".")
	if !ok || len(whole) < 1 || len(whole) > 3 || whole[0] == '0' || len(frac) != 3 {
		return nil
	}
	thousandsText := whole + frac // no leading zero: whole starts with 1-9
	thousands, err := strconv.ParseFloat(thousandsText, 64)
	if err != nil {
		return nil
	}
	if mg := thousands * factor; mg < MinMg || mg > MaxMg {
		return nil
	}
	decimalText := strings.TrimSuffix(strings.TrimRight(num, "0"), ".") // 1.830 → 1.83, 1.000 → 1
	decimal, err := strconv.ParseFloat(decimalText, 64)
	if err != nil {
		return nil
	}
	decimals := 0
	if _, f, ok := strings.Cut(decimalText, "."); ok {
		decimals = len(f)
	}
	mg := func(x float64) float64 { return x * factor }
	if unit == "" || factor == 1 {
		unit = "mg" // a bare number is milligrams
	}
	// the hint spells each reading so that it is not ambiguous: the larger
	// without a separator (in mg, or as grams, which are never ambiguous),
	// the smaller with fewer than three decimals, else in mcg (1.835 mg
	// is 1835 mcg), else with a fourth decimal
	smaller := decimalText + " " + unit
	switch {
	case decimals < 3:
	case factor == 1:
		smaller = thousandsText + " mcg"
	default:
		smaller = decimalText + "0 " + unit
	}
	hint := msg.New("write %s %s for the larger, %s for the smaller", thousandsText, unit, smaller)
	if factor == 1 {
		hint = msg.New("write %s mg or %s g for the larger, %s for the smaller", thousandsText, decimalText, smaller)
	}
	m := msg.Errorf("amount %q is ambiguous: %s %s or %s %s?", s, msg.N(decimal, decimals), unit, msg.N(thousands, 0), unit).
		WithHint("%s", hint)
	return &ambiguity{Message: m, decimal: mg(decimal), thousands: mg(thousands)}
}

// decimalComma reads a comma in num (the digits, points and commas of s)
// as a decimal separator where it can only be one: one comma, no point,
// and one or two digits after it (187,5 and 0,5; 1,5,0 and 1.830,5 are
// refused). A comma followed by three digits is treated as the point would
// be (1,830 mg is ambiguous; 1,830 g is 1.83 g). num is returned with a
// point for the comma.
func decimalComma(s, num string) (string, error) {
	if !strings.Contains(num, ",") {
		return num, nil
	}
	whole, frac, _ := strings.Cut(num, ",")
	if strings.Contains(frac, ",") || strings.Contains(num, ".") || strings.ContainsAny(frac, "+-") ||
		len(frac) == 0 || len(frac) > 3 {
		return "", msg.Errorf("amount %q has a comma", s).
			WithHint("write decimals with one comma or point (1,5g or 1.5g) and thousands without a separator (1500)")
	}
	return whole + "." + frac, nil
}
