// Package units parses the amounts people type: "500", "500mg", "500 mg",
// "0.5g", "250 mcg". The result is always milligrams.
package units

import (
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

var unitMg = map[string]float64{
	"":     1,
	"mg":   1,
	"g":    1000,
	"gram": 1000,
	"mcg":  0.001,
	"µg":   0.001,
	"μg":   0.001, // Greek mu
	"ug":   0.001,
}

// ParseMass reads an amount and returns it in milligrams. A bare number is
// milligrams. Errors are *msg.Message.
func ParseMass(s string) (float64, error) { return parseMass(s, false) }

// ParseMassOrZero is ParseMass that also accepts zero (for magnesium from
// food: none is a real answer).
func ParseMassOrZero(s string) (float64, error) { return parseMass(s, true) }

func parseMass(s string, zeroOK bool) (float64, error) {
	if len(s) > maxLen {
		return 0, msg.Errorf("amount is longer than %d characters", maxLen)
	}
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "" {
		return 0, msg.Errorf("no amount given").WithHint("give an amount such as 500, 500mg or 0.5g")
	}
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.' || t[i] == ',' || t[i] == '-' || t[i] == '+') {
		i++
	}
	num, unit := t[:i], strings.TrimSpace(t[i:])
	if strings.Contains(num, ",") {
		return 0, msg.Errorf("amount %q has a comma", s).
			WithHint("write decimals with a point (1.5g) and thousands without a separator (1500)")
	}
	if strings.HasPrefix(num, "-") {
		return 0, msg.Errorf("amount %q is negative", s)
	}
	if num == "" || strings.Count(num, ".") > 1 || strings.ContainsAny(num, "+-") || num == "." {
		return 0, msg.Errorf("amount %q is not a number", s).WithHint("give an amount such as 500, 500mg or 0.5g")
	}
	factor, ok := unitMg[unit]
	if !ok {
		return 0, msg.Errorf("amount %q has an unknown unit %q", s, unit).WithHint("use mg, g or mcg")
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
	if mg > MaxMg {
		return 0, msg.Errorf("amount %q is more than 100 g, not a plausible dose", s).WithHint("amounts without a unit are milligrams")
	}
	return mg, nil
}
