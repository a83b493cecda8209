package chem

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// IUPAC/CIAAW abridged standard atomic weights (the values data/elements.yaml
// carries), repeated here so this package tests alone.
var iupac = Weights{"H": 1.0080, "C": 12.011, "N": 14.007, "O": 15.999, "Mg": 24.305, "P": 30.974, "S": 32.06, "Cl": 35.45}

func TestParse(t *testing.T) {
	cases := []struct {
		in   string
		want Composition
	}{
		{"MgO", Composition{{"Mg", 1}, {"O", 1}}},
		{"Mg(OH)2", Composition{{"H", 2}, {"Mg", 1}, {"O", 2}}},
		{"Mg3(C6H5O7)2", Composition{{"C", 12}, {"H", 10}, {"Mg", 3}, {"O", 14}}},
		{"Mg3(C6H5O7)2·9H2O", Composition{{"C", 12}, {"H", 28}, {"Mg", 3}, {"O", 23}}},
		{"Mg3(C6H5O7)2.9H2O", Composition{{"C", 12}, {"H", 28}, {"Mg", 3}, {"O", 23}}},
		{"Mg3(C6H5O7)2*9H2O", Composition{{"C", 12}, {"H", 28}, {"Mg", 3}, {"O", 23}}},
		{"MgCl2·6H2O", Composition{{"Cl", 2}, {"H", 12}, {"Mg", 1}, {"O", 6}}},
		{"MgSO4·H2O", Composition{{"H", 2}, {"Mg", 1}, {"O", 5}, {"S", 1}}},
		{"[Mg(H2O)6]Cl2", Composition{{"Cl", 2}, {"H", 12}, {"Mg", 1}, {"O", 6}}},
		{"C8H17MgN3O4", Composition{{"C", 8}, {"H", 17}, {"Mg", 1}, {"N", 3}, {"O", 4}}},
		{"Mg((CH3)2)2", Composition{{"C", 4}, {"H", 12}, {"Mg", 1}}},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Parse(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := map[string]string{
		"":                  "empty",
		"mgO":               "expected an element",
		"Mg(OH":             "unclosed",
		"Mg(OH]2":           "unclosed",
		"MgO)":              "unexpected",
		"Mg0":               "zero",
		"MgO·":              "nothing after",
		"MgO··H2O":          "expected an element",
		"Mg O":              "unexpected",
		"Mg2000":            "larger than",
		"()":                "expected an element",
		"2H2O":              "expected an element",
		"Mg3(C6H5O7)2·0H2O": "zero",
		strings.Repeat("(", 20) + "Mg" + strings.Repeat(")", 20): "nested deeper",
		strings.Repeat("Mg", 200):                                "longer than",
		"((((((((Mg999)999)999)999)999)999)999)999)":             "atoms",
	}
	for in, want := range cases {
		_, err := Parse(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) error = %v, want it to mention %q", in, err, want)
		}
	}
}

func TestMolarMassAndFraction(t *testing.T) {
	c, _ := Parse("MgO")
	m, err := iupac.MolarMass(c)
	if err != nil || math.Abs(m-40.304) > 1e-9 {
		t.Fatalf("MolarMass(MgO) = %v, %v; want 40.304", m, err)
	}
	f, _ := iupac.MassFraction(c, "Mg")
	if math.Abs(f-24.305/40.304) > 1e-12 {
		t.Errorf("fraction = %v", f)
	}
	// The published converter bug: citrate nonahydrate at 3.96 % forgot
	// that trimagnesium dicitrate carries three Mg.
	c, _ = Parse("Mg3(C6H5O7)2·9H2O")
	f, _ = iupac.MassFraction(c, "Mg")
	if got := math.Round(f*10000) / 100; got != 11.89 {
		t.Errorf("citrate nonahydrate = %.2f %%, want 11.89 %% (not 3.96 %%)", got)
	}
	if _, err := iupac.MolarMass(Composition{{"Xx", 1}}); err == nil {
		t.Error("an unknown element gave no error")
	}
}

// Hill order: carbon first, hydrogen second, then the other elements
// alphabetically; without carbon every element, hydrogen included, is
// alphabetical. A count of 1 is not written.
func TestHillString(t *testing.T) {
	for in, want := range map[string]string{
		"Mg3(C6H5O7)2·9H2O": "C12H28Mg3O23",
		"MgCl2·6H2O":        "Cl2H12MgO6",
		"MgO":               "MgO",
		"Mg(OH)2":           "H2MgO2",
		"MgSO4·7H2O":        "H14MgO11S",
		"MgC3H7O6P":         "C3H7MgO6P",
	} {
		c, err := Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.String(); got != want {
			t.Errorf("%s: String() = %q, want %q", in, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"MgO", "Mg3(C6H5O7)2·9H2O", "[Mg(H2O)6]Cl2", "Mg(", "Mg999999", "·", "Mg.2H2O"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err != nil {
			return
		}
		if len(c) == 0 {
			t.Fatalf("Parse(%q) succeeded with no elements", s)
		}
		for _, a := range c {
			if a.N <= 0 || a.N > maxAtoms {
				t.Fatalf("Parse(%q): %s count %d out of range", s, a.Element, a.N)
			}
		}
		for _, a := range c {
			if a.N > MaxCount {
				return // its Hill form would need a count the parser refuses
			}
		}
		// The Hill rendering is itself a formula with the same atoms.
		again, err := Parse(c.String())
		if err != nil || !reflect.DeepEqual(again, c) {
			t.Fatalf("Parse(%q) = %v; its Hill form %q parses to %v, %v", s, c, c.String(), again, err)
		}
	})
}
