package units

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

func TestParseDecimal(t *testing.T) {
	ok := map[string]float64{
		"14.5": 14.5, " 14.5 ": 14.5, "\t3\n": 3, "0": 0, "00": 0, "0.0": 0, "500": 500,
		"010": 10, "007.50": 7.5, // leading zeros are decimal, never octal
		".5": 0.5, "5.": 5, // digits on one side of the point are enough
		"1.830": 1.83, // no thousands check: the caller's range decides
		// a comma with one or two digits after it cannot separate
		// thousands: a decimal comma, as in amounts
		"14,5": 14.5, "0,5": 0.5, " 187,25 ": 187.25, ",5": 0.5, "010,50": 10.5,
		"123456789012345678901234567890": 123456789012345678901234567890,
	}
	for in, want := range ok {
		if got, err := ParseDecimal(in); err != nil || got != want {
			t.Errorf("ParseDecimal(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func TestParseDecimalErrors(t *testing.T) {
	bad := map[string]string{
		"":                      "no number given",
		"  ":                    "no number given",
		"1,500":                 `"1,500" has a comma`, // thousands or a decimal: ambiguous
		"1,5,0":                 "has a comma",
		"1.5,0":                 "has a comma",
		"1,":                    "has a comma",
		"1,555":                 "has a comma",
		",":                     "has a comma",
		"-1,5":                  "is negative",
		"1,5e":                  "has a comma",
		"-1":                    `"-1" is negative`,
		"-0":                    "is negative",
		"-.5":                   "is negative",
		"+1":                    "not a number",
		"--1":                   "not a number",
		"-":                     "not a number",
		"1e3":                   "not a number",
		"1E3":                   "not a number",
		"1e-3":                  "not a number",
		"0x10":                  "not a number",
		"0X10":                  "not a number",
		"0o17":                  "not a number",
		"0b11":                  "not a number",
		"0x1p4":                 "not a number",
		"1_0":                   "not a number",
		"1_000":                 "not a number",
		"inf":                   "not a number",
		"+Inf":                  "not a number",
		"Infinity":              "not a number",
		"nan":                   "not a number",
		"NaN":                   "not a number",
		".":                     "not a number",
		"1.2.3":                 "not a number",
		"1..2":                  "not a number",
		"1 000":                 "not a number",
		"14.5%":                 "not a number",
		"5 mg":                  "not a number",
		"٤":                     "U+0664 '٤', which mgcalc does not read in numbers", // Arabic-Indic digit: named
		"1٤":                    "U+0664 '٤', which mgcalc does not read in numbers",
		strings.Repeat("9", 65): "longer than 64 characters",
	}
	for in, want := range bad {
		v, err := ParseDecimal(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDecimal(%q) = %v, %v; want an error mentioning %q", in, v, err, want)
		}
	}
}

func TestParseDecimalHints(t *testing.T) {
	for in, want := range map[string]string{
		"1,500": "write decimals with a point (14.5) and thousands without a separator (1500)",
		"1e3":   "write plain digits with at most one decimal point, such as 14.5",
		"":      "give a number such as 14.5",
	} {
		_, err := ParseDecimal(in)
		var m *msg.Message
		if !errors.As(err, &m) || m.Hint == nil || m.Hint.Error() != want {
			t.Errorf("ParseDecimal(%q) = %v, want hint %q", in, err, want)
		}
	}
}

func TestParseCount(t *testing.T) {
	ok := map[string]int{"2": 2, " 2 ": 2, "0": 0, "010": 10, "0008": 8, "1500": 1500,
		strconv.Itoa(math.MaxInt): math.MaxInt}
	for in, want := range ok {
		if got, err := ParseCount(in); err != nil || got != want {
			t.Errorf("ParseCount(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	bad := map[string]string{
		"2.5":                   `a whole number is needed, not "2.5"`,
		"2.0":                   "a whole number is needed",
		"2.":                    "a whole number is needed",
		".5":                    "a whole number is needed",
		"2,5":                   "has a comma",
		"1,000":                 "has a comma",
		"-2":                    "is negative",
		"+2":                    "not a number",
		"1e3":                   "not a number",
		"0x10":                  "not a number",
		"0o17":                  "not a number",
		"0b11":                  "not a number",
		"1_0":                   "not a number",
		"inf":                   "not a number",
		"nan":                   "not a number",
		"":                      "no number given",
		".":                     "not a number",
		"99999999999999999999":  "too large", // more than MaxInt64
		strings.Repeat("9", 65): "longer than 64 characters",
	}
	for in, want := range bad {
		v, err := ParseCount(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseCount(%q) = %v, %v; want an error mentioning %q", in, v, err, want)
		}
	}
	_, err := ParseCount("2,5")
	if m := err.(*msg.Message); m.Hint == nil || m.Hint.Error() != "write a whole number without a separator, such as 1500" {
		t.Errorf("ParseCount(2,5) hint = %v", m.Hint)
	}
}

// TestNoFlagNames: the messages are reused for stack-file fields and batch
// lines, so none names a flag or a command.
func TestNoFlagNames(t *testing.T) {
	for _, in := range []string{"", "14,5", "-1", "1e3", "2.5", "1.830", "5 kg", "200 g", "0", strings.Repeat("9", 80), "99999999999999999999"} {
		for _, err := range []error{
			func() error { _, err := ParseDecimal(in); return err }(),
			func() error { _, err := ParseCount(in); return err }(),
			func() error { _, err := ParseMass(in); return err }(),
		} {
			var m *msg.Message
			if !errors.As(err, &m) {
				continue
			}
			text := m.Error()
			if m.Hint != nil {
				text += "\n" + m.Hint.Error()
			}
			if strings.Contains(text, "--") || strings.Contains(text, "mgcalc") {
				t.Errorf("%q: message names a flag or command: %q", in, text)
			}
		}
	}
}

var (
	decimalRE = regexp.MustCompile(`^[0-9]*\.?[0-9]*$`)
	countRE   = regexp.MustCompile(`^[0-9]+$`)
	// a decimal comma: one or two digits after it, no point
	commaRE = regexp.MustCompile(`^[0-9]*,[0-9]{1,2}$`)
)

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"14.5", " 14.5 ", ".5", "5.", "010", "14,5", "-1", "+1", "1e3", "0x10", "0o17", "0b11", "1_0",
		"inf", "nan", ".", "", "2", "2.5", "99999999999999999999", strings.Repeat("9", 64),
		"６", "１４．５", "１４，５", "\u3000５\u3000", "٥"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// A number is read as it looks (Typed: full-width digits, points
		// and commas are ASCII ones); the properties hold of that reading.
		trimmed := strings.TrimSpace(Typed(s))
		v, err := ParseDecimal(s)
		if err != nil {
			var m *msg.Message
			if !errors.As(err, &m) || err.Error() == "" {
				t.Fatalf("ParseDecimal(%q): error %#v is no message", s, err)
			}
		} else {
			if !decimalRE.MatchString(trimmed) && !commaRE.MatchString(trimmed) {
				t.Fatalf("ParseDecimal(%q) = %v: %q is no plain decimal", s, v, trimmed)
			}
			trimmed = strings.Replace(trimmed, ",", ".", 1)
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				t.Fatalf("ParseDecimal(%q) = %v", s, v)
			}
			if want, _ := strconv.ParseFloat(trimmed, 64); v != want {
				t.Fatalf("ParseDecimal(%q) = %v, want %v", s, v, want)
			}
		}
		n, cerr := ParseCount(s)
		if cerr != nil {
			var m *msg.Message
			if !errors.As(cerr, &m) || cerr.Error() == "" {
				t.Fatalf("ParseCount(%q): error %#v is no message", s, cerr)
			}
			return
		}
		if !countRE.MatchString(trimmed) || n < 0 {
			t.Fatalf("ParseCount(%q) = %d", s, n)
		}
		if err != nil || v != float64(n) {
			t.Fatalf("ParseCount(%q) = %d but ParseDecimal = %v, %v", s, n, v, err)
		}
	})
}

// Full-width digits, points and commas are what they look like, as in
// names, dates and times (acceptance audit 3, item 9): one reading of
// every number typed.
func TestParseFullWidth(t *testing.T) {
	for in, want := range map[string]float64{"１４": 14, "１４．５": 14.5, "１４，５": 14.5, " ５００ ": 500} {
		if v, err := ParseDecimal(in); err != nil || v != want {
			t.Errorf("ParseDecimal(%q) = %v, %v; want %v", in, v, err, want)
		}
	}
	if n, err := ParseCount("２"); err != nil || n != 2 {
		t.Errorf("ParseCount(２) = %v, %v", n, err)
	}
	for in, want := range map[string]float64{"５００": 500, "500ｍｇ": 500, "０．５ｇ": 500, "５００ ｍｇ": 500, "250 µg": 0.25, "250 μg": 0.25} {
		if v, err := ParseMass(in); err != nil || v != want {
			t.Errorf("ParseMass(%q) = %v, %v; want %v", in, v, err, want)
		}
	}
	if _, err := ParseMass("５٠٠"); err == nil || !strings.Contains(err.Error(), "U+0660") {
		t.Errorf("ParseMass(５٠٠): %v; want the character named", err)
	}
}
