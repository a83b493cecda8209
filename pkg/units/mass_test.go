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

func TestParseMass(t *testing.T) {
	ok := map[string]float64{
		"500": 500, "500mg": 500, "500 mg": 500, " 500 MG ": 500, "0.5g": 500, "0.5 g": 500,
		"1g": 1000, "1.5g": 1500, ".5g": 500, "5.g": 5000, "250mcg": 0.25, "250 µg": 0.25, "250ug": 0.25,
		"618.43": 618.43, "100000": 100000, "100g": 100000, "2 gram": 2000,
		// A point and three digits that cannot be a thousands separator.
		"1.830 g":    1830,    // 1830 g is no dose
		"193.461 mg": 193.461, // 193461 mg is more than 100 g
		"100.001":    100.001, // 100001 mg likewise
		"999.999 mg": 999.999,
		"0.125 g":    125, // leading zero: 0125 is no way to write 125
		"0.001 g":    1,
		"012.500":    12.5, // leading zero
		"1.5":        1.5, "1.83": 1.83, "1.8300": 1.83, "1830": 1830,
		"1.83 mg": 1.83, "12.5 mg": 12.5, "1234.567": 1234.567, // four digits before the point
		"010": 10, // leading zeros are decimal, never octal
		// A decimal comma with one or two digits cannot separate thousands.
		"187,5 mg": 187.5, "0,5 g": 500, "1,5g": 1500, "44,25": 44.25, ",5g": 500, "12,0 mg": 12,
		// With three digits, as with a point: only where one reading is no dose.
		"1,830 g": 1830, "193,461 mg": 193.461, "0,125 g": 125,
	}
	for in, want := range ok {
		got, err := ParseMass(in)
		if err != nil || math.Abs(got-want) > 1e-9 {
			t.Errorf("ParseMass(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func TestParseMassOrZero(t *testing.T) {
	for in, want := range map[string]float64{"0": 0, "0 mg": 0, "0.000": 0, "0.000 g": 0, "500": 500, "0.125 g": 125} {
		if got, err := ParseMassOrZero(in); err != nil || got != want {
			t.Errorf("ParseMassOrZero(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"1.830", "1.830 mg", "-1", "1e3", "1,830", "1,5,0"} {
		if _, err := ParseMassOrZero(in); err == nil {
			t.Errorf("ParseMassOrZero(%q) accepted", in)
		}
	}
}

func TestParseMassErrors(t *testing.T) {
	bad := map[string]string{
		"1,5,0 g":               "comma",
		"1.830,5 mg":            "comma",
		"1,":                    "comma",
		"1,5000":                "comma",
		"1,5+":                  "comma",
		"1,500":                 "ambiguous",
		"2,000 mg":              "ambiguous: 2 mg or 2000 mg?",
		"0":                     "zero",
		"0mg":                   "zero",
		"-5":                    "negative",
		"NaN":                   "not a number",
		"Inf":                   "not a number",
		"inf mg":                "not a number",
		"+5":                    "not a number",
		"1e3":                   "unknown unit",
		"1E3 mg":                "unknown unit",
		"1e-3 g":                "unknown unit",
		"0x10 mg":               "unknown unit",
		"0X10":                  "unknown unit",
		"0o17":                  "unknown unit",
		"0b11":                  "unknown unit",
		"1_000":                 "unknown unit",
		"1_000 mg":              "unknown unit",
		"0x1p4":                 "unknown unit",
		"١٢":                    "U+0661", // Arabic-Indic digits: named (full-width ones are read: TestParseFullWidth)
		"":                      "no amount",
		"   ":                   "no amount",
		"mg":                    "not a number",
		"1.2.3":                 "not a number",
		"5 kg":                  "unknown unit",
		"200 g":                 "more than 100 g",
		"100001":                "more than 100 g",
		"5+5":                   "not a number",
		".":                     "not a number",
		".g":                    "not a number",
		strings.Repeat("9", 80): "longer than",
	}
	for in, want := range bad {
		_, err := ParseMass(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseMass(%q) error = %v, want it to mention %q", in, err, want)
		}
	}
}

// TestParseMassNotation: a notation that runs on past the digits gets a
// hint about plain digits, not just a list of units.
func TestParseMassNotation(t *testing.T) {
	for _, in := range []string{"1e3", "0x10 mg", "0o17", "0b11", "1_000"} {
		_, err := ParseMass(in)
		var m *msg.Message
		if !errors.As(err, &m) || m.Hint == nil || !strings.Contains(m.Hint.Error(), "plain digits") {
			t.Errorf("ParseMass(%q) = %v, want a hint about plain digits", in, err)
		}
	}
	_, err := ParseMass("5 kg")
	if m := err.(*msg.Message); m.Hint == nil || m.Hint.Error() != "use mg, g or mcg" {
		t.Errorf("ParseMass(5 kg) hint = %v", m.Hint)
	}
}

func TestParseMassAmbiguous(t *testing.T) {
	cases := []struct{ in, err, hint string }{
		{"1.830 mg", `amount "1.830 mg" is ambiguous: 1.83 mg or 1830 mg?`, "write 1830 mg or 1.83 g for the larger, 1.83 mg for the smaller"},
		{"1.830", `amount "1.830" is ambiguous: 1.83 mg or 1830 mg?`, "write 1830 mg or 1.83 g for the larger, 1.83 mg for the smaller"},
		{" 1.830MG ", `amount " 1.830MG " is ambiguous: 1.83 mg or 1830 mg?`, "write 1830 mg or 1.83 g for the larger, 1.83 mg for the smaller"},
		{"1.835 mg", `amount "1.835 mg" is ambiguous: 1.835 mg or 1835 mg?`, "write 1835 mg or 1.835 g for the larger, 1835 mcg for the smaller"},
		{"1.000", `amount "1.000" is ambiguous: 1 mg or 1000 mg?`, "write 1000 mg or 1 g for the larger, 1 mg for the smaller"},
		{"2.500 mg", `amount "2.500 mg" is ambiguous: 2.5 mg or 2500 mg?`, "write 2500 mg or 2.5 g for the larger, 2.5 mg for the smaller"},
		{"12.345", `amount "12.345" is ambiguous: 12.345 mg or 12345 mg?`, "write 12345 mg or 12.345 g for the larger, 12345 mcg for the smaller"},
		{"100.000 mg", `amount "100.000 mg" is ambiguous: 100 mg or 100000 mg?`, "write 100000 mg or 100 g for the larger, 100 mg for the smaller"},
		{"1.500 mcg", `amount "1.500 mcg" is ambiguous: 1.5 mcg or 1500 mcg?`, "write 1500 mcg for the larger, 1.5 mcg for the smaller"},
		{"999.999 µg", `amount "999.999 µg" is ambiguous: 999.999 µg or 999999 µg?`, "write 999999 µg for the larger, 999.9990 µg for the smaller"},
		{"1.000ug", `amount "1.000ug" is ambiguous: 1 ug or 1000 ug?`, "write 1000 ug for the larger, 1 ug for the smaller"},
		// a comma and three digits as a point: the hint writes the point
		{"1,830 mg", `amount "1,830 mg" is ambiguous: 1.83 mg or 1830 mg?`, "write 1830 mg or 1.83 g for the larger, 1.83 mg for the smaller"},
		{"2,000", `amount "2,000" is ambiguous: 2 mg or 2000 mg?`, "write 2000 mg or 2 g for the larger, 2 mg for the smaller"},
	}
	for _, c := range cases {
		for name, parse := range map[string]func(string) (float64, error){"ParseMass": ParseMass, "ParseMassOrZero": ParseMassOrZero} {
			v, err := parse(c.in)
			var m *msg.Message
			if !errors.As(err, &m) {
				t.Errorf("%s(%q) = %v, %v; want it refused as ambiguous", name, c.in, v, err)
				continue
			}
			if m.Error() != c.err || m.Hint == nil || m.Hint.Error() != c.hint {
				t.Errorf("%s(%q):\n error %q\n hint  %v\nwant\n error %q\n hint  %q", name, c.in, m.Error(), m.Hint, c.err, c.hint)
			}
		}
	}
}

// TestParseMassAmbiguousLocalised: the two readings are msg.Numbers and
// print with the reader's decimal separator; the hint is what to type and
// keeps the point.
func TestParseMassAmbiguousLocalised(t *testing.T) {
	_, err := ParseMass("1.835 mg")
	m := err.(*msg.Message)
	var nums []msg.Number
	for _, a := range m.Args {
		if n, ok := a.(msg.Number); ok {
			nums = append(nums, n)
		}
	}
	if len(nums) != 2 || nums[0] != msg.N(1.835, 3) || nums[1] != msg.N(1835, 0) {
		t.Errorf("readings = %v, want msg.N(1.835, 3) and msg.N(1835, 0)", nums)
	}
	for _, a := range m.Hint.Args {
		if _, ok := a.(msg.Number); ok {
			t.Errorf("hint argument %v is localised; the hint shows input, which takes a point", a)
		}
	}
}

// Independent of the implementation: the ambiguous pattern and the units.
var (
	ambiguousRE = regexp.MustCompile(`^([1-9][0-9]{0,2})[.,]([0-9]{3})\s*(mg|g|gram|mcg|µg|μg|ug)?$`)
	testFactor  = map[string]float64{"": 1, "mg": 1, "g": 1000, "gram": 1000, "mcg": 0.001, "µg": 0.001, "μg": 0.001, "ug": 0.001}
)

// isAmbiguous tells whether s reads as an amount both with a decimal point
// and with a thousands separator.
func isAmbiguous(s string) bool {
	m := ambiguousRE.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil {
		return false
	}
	n, err := strconv.Atoi(m[1] + m[2])
	if err != nil {
		return false
	}
	mg := float64(n) * testFactor[m[3]]
	return mg >= MinMg && mg <= MaxMg
}

func TestIsAmbiguous(t *testing.T) {
	for in, want := range map[string]bool{"1,830 mg": true, "1,830 g": false, "1.830 mg": true, "1.830": true, "100.000": true, "1.830 g": false, "193.461 mg": false, "0.125 g": false, "1.83": false, "1.5": false, "500": false} {
		if isAmbiguous(in) != want {
			t.Errorf("isAmbiguous(%q) = %v", in, !want)
		}
	}
}

func FuzzParseMass(f *testing.F) {
	for _, s := range []string{"500", "0.5g", "1,5 g", "250 mcg", "-1", "1e308", "999999999999999999999",
		"1.830 mg", "1.830", "1.830 g", "1,830 mg", "187,5 mg", "1,5,0", "193.461 mg", "0.125 g", "100.000", "100.001", "1.500 µg", "0x10 mg", "1_000", ".5g", "5."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		mg, err := ParseMass(s)
		zmg, zerr := ParseMassOrZero(s)
		if err == nil && (zerr != nil || zmg != mg) {
			t.Fatalf("ParseMass(%q) = %v but ParseMassOrZero = %v, %v", s, mg, zmg, zerr)
		}
		if zerr == nil && zmg != 0 && (err != nil || zmg != mg) {
			t.Fatalf("ParseMassOrZero(%q) = %v but ParseMass = %v, %v", s, zmg, mg, err)
		}
		if zerr != nil {
			var m *msg.Message
			if !errors.As(zerr, &m) || zerr.Error() == "" {
				t.Fatalf("ParseMassOrZero(%q): error %#v is no message", s, zerr)
			}
		}
		if isAmbiguous(s) && (err == nil || zerr == nil) {
			t.Fatalf("ambiguous %q accepted: %v, %v", s, mg, zmg)
		}
		if err != nil {
			var m *msg.Message
			if !errors.As(err, &m) || err.Error() == "" {
				t.Fatalf("ParseMass(%q): error %#v is no message", s, err)
			}
			return
		}
		if math.IsNaN(mg) || math.IsInf(mg, 0) || mg < MinMg || mg > MaxMg {
			t.Fatalf("ParseMass(%q) = %v, outside [%v, %v]", s, mg, MinMg, float64(MaxMg))
		}
		again := strconv.FormatFloat(mg, 'f', -1, 64) + " mg"
		if isAmbiguous(again) {
			return
		}
		if mg2, err := ParseMass(again); err != nil || mg2 != mg {
			t.Fatalf("ParseMass(%q) = %v, but ParseMass(%q) = %v, %v", s, mg, again, mg2, err)
		}
	})
}

// TestReadings: an ambiguous amount gives both readings (decimal first),
// anything else ParseElemental's one reading or its error.
func TestReadings(t *testing.T) {
	const mgPerMmol = 24.305
	cases := []struct {
		in   string
		want []float64
	}{
		{"1.830 mg", []float64{1.83, 1830}},
		{"1,830 mg", []float64{1.83, 1830}},
		{"2,000 mg", []float64{2, 2000}},
		{"1.830 g", []float64{1830}},
		{"187,5 mg", []float64{187.5}},
		{"12,4 mmol", []float64{12.4 * mgPerMmol}},
		{"24,8 mval", []float64{24.8 * mgPerMmol / 2}},
		{"500", []float64{500}},
	}
	for _, c := range cases {
		got, err := Readings(c.in, mgPerMmol)
		if err != nil || len(got) != len(c.want) {
			t.Errorf("Readings(%q) = %v, %v; want %v", c.in, got, err, c.want)
			continue
		}
		for i := range got {
			if math.Abs(got[i]-c.want[i]) > 1e-9 {
				t.Errorf("Readings(%q) = %v; want %v", c.in, got, c.want)
			}
		}
	}
	for _, in := range []string{"1,5,0 mg", "0 mg", "abc", "1.830,5"} {
		if got, err := Readings(in, mgPerMmol); err == nil {
			t.Errorf("Readings(%q) = %v; want an error", in, got)
		}
	}
}

// --unit: mg, mmol and mEq, one millimole being the atomic weight in mg
// and two milliequivalents (magnesium is divalent).
func TestParseUnit(t *testing.T) {
	const w = 24.305
	for _, c := range []struct {
		in    string
		key   string
		label string
		mgPer float64
	}{{"", "mg", "mg", 1}, {" MG ", "mg", "mg", 1}, {"mmol", "mmol", "mmol", w}, {"mEq", "meq", "mEq", w / 2}} {
		u, err := ParseUnit(c.in, w)
		if err != nil || u.Key != c.key || u.Label != c.label || u.MgPer != c.mgPer {
			t.Errorf("ParseUnit(%q) = %+v, %v", c.in, u, err)
		}
	}
	if u, _ := ParseUnit("meq", w); u.Of(24.305) != 2 {
		t.Errorf("24.305 mg is %v mEq, want 2", u.Of(24.305))
	}
	if _, err := ParseUnit("gram", w); err == nil || err.Error() != `unknown unit "gram"` {
		t.Errorf("gram: %v", err)
	}
}

// TestAmbiguityHintSpellsReadings: the hint of an ambiguous amount gives
// spellings that are not ambiguous, each of which reads as one of the two
// readings, both readings spelled (issue 18 item 13: "1.234 mg" suggested
// "1.234 mg" again).
func TestAmbiguityHintSpellsReadings(t *testing.T) {
	spelling := regexp.MustCompile(`[0-9]+(\.[0-9]+)? (mg|g|mcg|µg|ug)\b`)
	for _, whole := range []string{"1", "2", "12", "100", "999"} {
		for _, frac := range []string{"000", "001", "100", "234", "830", "999"} {
			for _, unit := range []string{"", " mg", "mg", " milligram", " mcg", " µg"} {
				in := whole + "." + frac + unit
				readings, err := Readings(in, 24.305)
				if err != nil || len(readings) != 2 {
					continue
				}
				_, err = ParseMass(in)
				m, ok := err.(*msg.Message)
				if !ok || m.Hint == nil {
					t.Fatalf("%q: %v", in, err)
				}
				hint := m.Hint.Error()
				seen := map[float64]bool{}
				for _, sp := range spelling.FindAllString(hint, -1) {
					mg, err := ParseMass(sp)
					if err != nil {
						t.Errorf("%q: the hint %q spells %q, which reads as %v", in, hint, sp, err)
						continue
					}
					if math.Abs(mg-readings[0]) > 1e-9 && math.Abs(mg-readings[1]) > 1e-9 {
						t.Errorf("%q: the hint %q spells %q = %v mg, not %v", in, hint, sp, mg, readings)
					}
					seen[math.Round(mg*1e6)] = true
				}
				if len(seen) != 2 {
					t.Errorf("%q: the hint %q does not spell both readings %v", in, hint, readings)
				}
			}
		}
	}
}

// TestParseMassUnitAsTyped: an unknown unit is quoted as typed, and the
// spelled-out units read as their symbols (issue 18 item 14, review K6).
func TestParseMassUnitAsTyped(t *testing.T) {
	_, err := ParseMass("100 mg Mg")
	if err == nil || !strings.Contains(err.Error(), `unknown unit "mg Mg"`) {
		t.Errorf("100 mg Mg: %v", err)
	}
	for in, want := range map[string]float64{"500 milligram": 500, "500 Milligrams": 500, "2 grams": 2000, "250 micrograms": 0.25, "250 microgram": 0.25} {
		if mg, err := ParseMass(in); err != nil || mg != want {
			t.Errorf("%q = %v, %v; want %v", in, mg, err, want)
		}
	}
}
