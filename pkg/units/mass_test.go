package units

import (
	"math"
	"strings"
	"testing"
)

func TestParseMass(t *testing.T) {
	ok := map[string]float64{
		"500": 500, "500mg": 500, "500 mg": 500, " 500 MG ": 500, "0.5g": 500, "0.5 g": 500,
		"1g": 1000, "1.5g": 1500, ".5g": 500, "250mcg": 0.25, "250 µg": 0.25, "250ug": 0.25,
		"618.43": 618.43, "100000": 100000, "100g": 100000, "2 gram": 2000,
	}
	for in, want := range ok {
		got, err := ParseMass(in)
		if err != nil || math.Abs(got-want) > 1e-9 {
			t.Errorf("ParseMass(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func TestParseMassErrors(t *testing.T) {
	bad := map[string]string{
		"1,5 g":                 "comma",
		"1,500":                 "comma",
		"0":                     "zero",
		"0mg":                   "zero",
		"-5":                    "negative",
		"NaN":                   "not a number",
		"Inf":                   "not a number",
		"1e3":                   "unknown unit",
		"":                      "no amount",
		"   ":                   "no amount",
		"mg":                    "not a number",
		"1.2.3":                 "not a number",
		"5 kg":                  "unknown unit",
		"200 g":                 "more than 100 g",
		"100001":                "more than 100 g",
		"5+5":                   "not a number",
		".":                     "not a number",
		strings.Repeat("9", 80): "longer than",
	}
	for in, want := range bad {
		_, err := ParseMass(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseMass(%q) error = %v, want it to mention %q", in, err, want)
		}
	}
}

func FuzzParseMass(f *testing.F) {
	for _, s := range []string{"500", "0.5g", "1,5 g", "250 mcg", "-1", "1e308", "999999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		mg, err := ParseMass(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ParseMass(%q): empty error", s)
			}
			return
		}
		if !(mg > 0 && mg <= MaxMg) || math.IsNaN(mg) {
			t.Fatalf("ParseMass(%q) = %v, outside (0, %v]", s, mg, float64(MaxMg))
		}
	})
}
