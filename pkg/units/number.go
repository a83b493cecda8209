package units

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// ParseDecimal reads a number a person typed, as it looks (Typed: a
// full-width ６ is 6): plain digits with at most one decimal point, and
// white space around it. Either side of the
// point may be empty but not both, so ".5" is 0.5 and "5." is 5, as in
// amounts (ParseMass takes ".5g"). Leading zeros are decimal: "010" is 10.
// Refused: a sign, an exponent (1e3), a base prefix (0x10, 0o17, 0b11), a
// digit separator (1_0), inf, nan and more than 64 characters. A comma
// followed by one or two digits, with no point, is a decimal comma (14,5
// is 14.5: it cannot separate thousands), as in amounts (ParseMass); any
// other comma (1,500, 1,5,0, 1.5,0) is refused. The range is left to
// the caller; the result is finite and at least 0. Errors are *msg.Message
// and name no flag or field: callers add where the number came from.
func ParseDecimal(s string) (float64, error) {
	t, err := plainNumber(s, false)
	if err != nil {
		return 0, err
	}
	v, perr := strconv.ParseFloat(t, 64)
	if perr != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		// Not reachable within 64 digits; kept so no infinity escapes.
		return 0, msg.Errorf("%q is too large", s)
	}
	return v, nil
}

// ParseCount reads a whole count a person typed, as it looks (Typed): plain digits and
// white space around them, with the rules of ParseDecimal and no decimal
// point ("2.5" and "2.0" are refused). Leading zeros are decimal: "010" is
// 10. The range is left to the caller, except that a count too large for
// an int is refused. Errors are *msg.Message.
func ParseCount(s string) (int, error) {
	t, err := plainNumber(s, true)
	if err != nil {
		return 0, err
	}
	n, perr := strconv.ParseInt(t, 10, 0)
	if perr != nil {
		return 0, msg.Errorf("%q is too large", s)
	}
	return int(n), nil
}

// Typed is a number or an amount as typed, read for its characters: its
// compatibility form (text.Compat, NFKC), so full-width digits, points,
// commas and units (５００ｍｇ, １４．５) are what they look like, as in
// names, dates and times. The one reading of every number a person types:
// ParseMass, ParseElemental, Readings, ParseDecimal and ParseCount call it;
// messages quote what was typed.
// The micro sign of µg is kept as typed (NFKC makes it a Greek mu, which
// reads the same), so a hint spells the unit the person wrote.
func Typed(s string) string {
	if !strings.Contains(s, "µ") {
		return text.Compat(s)
	}
	parts := strings.Split(s, "µ")
	for i, p := range parts {
		parts[i] = text.Compat(p)
	}
	return strings.Join(parts, "µ")
}

// plainNumber checks that s is plain digits with at most one point (none
// when whole), and returns it without the white space around it.
func plainNumber(s string, whole bool) (string, error) {
	if len(s) > maxLen {
		return "", msg.Errorf("number is longer than %d characters", maxLen)
	}
	t := strings.TrimSpace(Typed(s))
	if t == "" {
		if whole {
			return "", msg.Errorf("no number given").WithHint("give a whole number such as 2")
		}
		return "", msg.Errorf("no number given").WithHint("give a number such as 14.5")
	}
	if c := decimalCommaAt(t); c >= 0 && !whole {
		t = t[:c] + "." + t[c+1:]
	}
	if strings.ContainsRune(t, ',') {
		m := msg.Errorf("%q has a comma", s)
		if whole {
			return "", m.WithHint("write a whole number without a separator, such as 1500")
		}
		return "", m.WithHint("write decimals with a point (14.5) and thousands without a separator (1500)")
	}
	body, negative := strings.CutPrefix(t, "-")
	digits, points := 0, 0
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			points++
		default:
			if m := digitRefusal(s, body[i:]); m != nil {
				return "", m
			}
			return "", notNumber(s, whole)
		}
	}
	if digits == 0 || points > 1 {
		return "", notNumber(s, whole)
	}
	if negative {
		return "", msg.Errorf("%q is negative", s)
	}
	if whole && points > 0 {
		return "", msg.Errorf("a whole number is needed, not %q", s).WithHint("give a whole number such as 2")
	}
	return t, nil
}

// decimalCommaAt is the index of t's comma where it can only be a
// decimal comma: one comma, no point, and one or two digits after it (the
// rule of amounts, decimalComma); -1 otherwise. What comes before it is
// left to plainNumber's checks.
func decimalCommaAt(t string) int {
	c := strings.IndexByte(t, ',')
	if c < 0 || strings.Count(t, ",") > 1 || strings.ContainsRune(t, '.') {
		return -1
	}
	frac := t[c+1:]
	if len(frac) < 1 || len(frac) > 2 {
		return -1
	}
	for i := 0; i < len(frac); i++ {
		if frac[i] < '0' || frac[i] > '9' {
			return -1
		}
	}
	return c
}

// notNumber is the error for text that is no plain number. The formats
// are literal: they are the keys of translations.
// digitRefusal names a digit mgcalc does not read at the start of rest
// (what is left of s after Typed): a digit of another script (٥, ५) that
// no compatibility form makes 0-9 is refused naming the character, as a
// name's is, never as a number misread; nil for any other character.
func digitRefusal(s, rest string) *msg.Message {
	r, _ := utf8.DecodeRuneInString(rest)
	if r < utf8.RuneSelf || !unicode.IsNumber(r) {
		return nil
	}
	return msg.Errorf("%q contains the character %s, which mgcalc does not read in numbers", text.Clip(s), text.Describe(r)).
		WithHint("write numbers with the digits 0-9, such as 500")
}

func notNumber(s string, whole bool) error {
	if whole {
		return msg.Errorf("%q is not a number", s).WithHint("write plain digits, such as 2")
	}
	return msg.Errorf("%q is not a number", s).WithHint("write plain digits with at most one decimal point, such as 14.5")
}
