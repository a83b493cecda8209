package label_test

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/label"
	"github.com/mgcalc/mgcalc/pkg/limits"
)

func opts(t testing.TB) label.Options {
	t.Helper()
	ft, err := kb.Forms()
	if err != nil {
		t.Fatal(err)
	}
	lt, err := kb.Limits()
	if err != nil {
		t.Fatal(err)
	}
	return label.Options{Forms: ft, Refs: lt.LabelValues}
}

// One line of each kind, in English, Dutch and German: what it is, how it
// states its magnesium, its salt, and the magnesium per serving (the
// label's figure, or the compound times its formula's share).
func TestLines(t *testing.T) {
	o := opts(t)
	citrate := o.Forms.Lookup("citrate").Default().Fraction
	cases := []struct {
		text     string
		kind     label.Kind
		declared label.Declared
		form     string // a form key, mixed, unknown, or ""
		mg       float64
	}{
		{"Magnesium (as magnesium citrate) 200 mg", label.Dose, label.Elemental, "citrate", 200},
		{"Magnesium (uit magnesiumcitraat) 200 mg", label.Dose, label.Elemental, "citrate", 200},
		{"Magnesium (aus Magnesiumcitrat) 200 mg", label.Dose, label.Elemental, "citrate", 200},
		{"Magnesium citrate 500 mg", label.Dose, label.Compound, "citrate", 500 * citrate},
		{"Magnesiumcitraat 1830 mg", label.Dose, label.Compound, "citrate", 1830 * citrate},
		{"Magnesiumcitrat 1,5 g", label.Dose, label.Compound, "citrate", 1500 * citrate},
		{"Magnesiumbisglycinaat 500 mg waarvan magnesium 70 mg", label.Dose, label.Both, "bisglycinate", 70},
		{"1 g Magnesiumcitrat, davon 109 mg Magnesium", label.Dose, label.Both, "citrate", 109},
		{"Magnesium oxide 400 mg (241.3 mg elemental magnesium)", label.Dose, label.Both, "oxide", 241.3},
		{"Magnesium 100 mg", label.Dose, label.Elemental, "unknown", 100},
		{"Magnesium (as magnesium oxide, magnesium glycinate) 250 mg", label.Dose, label.Elemental, "mixed", 250},
		{"Magnesium 12,4 mmol", label.Dose, label.Elemental, "unknown", 12.4 * 24.305},
		{"Magnesium 24,8 mval", label.Dose, label.Elemental, "unknown", 12.4 * 24.305},
		{"Magnesium 250000 µg", label.Dose, label.Elemental, "unknown", 250},
		{"Magnesium stearate", label.Excipient, "", "", 0},
		{"Zink 10 mg", label.Other, "", "", 0},
		{"Vitamin C (as magnesium ascorbate) 318 mg", label.Other, "", "", 0},
		{"Die DGE empfiehlt 300-400 mg Magnesium täglich", label.Other, "", "", 0},
		{"Kinderen 4-8 jaar: 110 mg magnesium per dag", label.Other, "", "", 0},
		{"6 mg magnesium per kg lichaamsgewicht", label.Other, "", "", 0},
		{"Magnesiumcitraat 1.830 mg", label.Unreadable, "", "", 0},
		{"Magnesiumbisglycinaat 500 mg waarvan magnesium", label.Unreadable, "", "", 0},
		// more than the pure salt carries (20 % against 14.1 %), less than
		// a richer salt mixed in gives: a buffered blend, the label's figure
		{"Magnesium glycinate 500 mg providing 100 mg magnesium", label.Dose, label.Both, "bisglycinate", 100},
		// more than any magnesium salt carries (90 %): refused
		{"Magnesium citrate 100 mg of which magnesium 90 mg", label.Unreadable, "", "", 0},
		{"Proprietary Blend 500 mg: magnesium citrate", label.Unreadable, "", "", 0},
		{"Magnesium", label.Unreadable, "", "", 0},
	}
	for _, c := range cases {
		l, err := label.ParseText(c.text, o)
		if err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		var got *label.Line
		for i := range l.Lines {
			if l.Lines[i].Kind == c.kind {
				got = &l.Lines[i]
			}
		}
		if got == nil {
			t.Errorf("%q: no %s line in %+v", c.text, c.kind, l.Lines)
			continue
		}
		form := got.FormName
		if got.Form != nil {
			form = got.Form.Key
		}
		if got.Declared != c.declared || form != c.form || math.Abs(got.ElementalMg-c.mg) > 1e-9 {
			t.Errorf("%q: %s %q form %q %v mg; want %s %q form %q %v mg", c.text, got.Kind, got.Declared, form, got.ElementalMg,
				c.kind, c.declared, c.form, c.mg)
		}
		if c.kind == label.Unreadable && (got.Err == nil || l.Err() == nil) {
			t.Errorf("%q: unreadable without an error", c.text)
		}
	}
}

// The servings a day: a serving of N units and directions in units (a
// range keeps both ends), a day's amount, directions for children left out.
func TestServings(t *testing.T) {
	o := opts(t)
	cases := []struct {
		text     string
		min, max float64
		stated   bool
	}{
		{"Per tablet:\nMagnesium 100 mg\nNeem 1-2 tabletten per dag", 1, 2, true},
		{"Per 2 capsules:\nMagnesium 100 mg\nTake 2 capsules twice daily", 2, 2, true},
		{"Serving Size 3 Capsules\nMagnesium 400 mg\nTake three capsules daily", 1, 1, true},
		{"Per dagdosis (2 tabletten):\nMagnesium 250 mg", 1, 1, true},
		{"Zweimal täglich 1 Messlöffel (ca. 1 g Magnesiumcitrat, davon 109 mg Magnesium)", 2, 2, true},
		{"Each tablespoon (15 ml) contains: Magnesium 250 mg\nAdults: Take one tablespoon once or twice a day", 1, 2, true},
		{"Per tablet: Magnesium 100 mg\nVolwassenen: 2 tabletten per dag\nKinderen 4-12 jaar: 1 tablet per dag", 2, 2, true},
		{"Magnesium 100 mg", 1, 1, false},
	}
	for _, c := range cases {
		l, err := label.ParseText(c.text, o)
		if err != nil {
			t.Fatal(err)
		}
		if l.PerDay.Min != c.min || l.PerDay.Max != c.max || l.PerDayStated != c.stated {
			t.Errorf("%q: %v a day (stated %v); want %v-%v (%v)", c.text, l.PerDay, l.PerDayStated, c.min, c.max, c.stated)
		}
	}
}

// The label's total is its lines': the doses as stack items, added up by
// pkg/dose at the top of the servings a day, are the sum of the dose
// lines times that top.
func TestItemsAreTheLines(t *testing.T) {
	o := opts(t)
	files, _ := filepath.Glob("../../testdata/labels/*.txt")
	lt, _ := kb.Limits()
	limit := lt.Authority(limits.DefaultAuthority).For(limits.Person{})
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		l, err := label.ParseText(string(b), o)
		if err != nil || l.Err() != nil {
			t.Fatalf("%s: %v, %v", f, err, l.Err())
		}
		total := dose.Sum(l.Items(""), limit, nil, lt.Reference(limit.Authority))
		if want := l.ElementalPerServing() * l.PerDay.Max; math.Abs(total.ElementalMg-want) > 1e-9 {
			t.Errorf("%s: items add up to %v, the lines to %v", f, total.ElementalMg, want)
		}
	}
}

// checkLabel asserts what holds for every label read, whatever the text:
// each line is one of the kinds; a dose has a finite amount above zero
// that its text prints (no number for a line that names none); an
// unreadable line says why; the label's total is its dose lines'; the
// servings a day are a range within bounds.
func checkLabel(t *testing.T, in string, l *label.Label) {
	t.Helper()
	sum := 0.0
	for _, ln := range l.Lines {
		switch ln.Kind {
		case label.Dose:
			if !(ln.ElementalMg > 0) || math.IsInf(ln.ElementalMg, 0) || ln.Declared == "" {
				t.Fatalf("%q: dose line %+v", in, ln)
			}
			if !strings.ContainsFunc(ln.Text, unicode.IsDigit) {
				t.Fatalf("%q: a dose from a line without a number: %+v", in, ln)
			}
			if ln.Form == nil && ln.FormName == "" {
				t.Fatalf("%q: a dose without a form or mixed/unknown: %+v", in, ln)
			}
			sum += ln.ElementalMg
		case label.Unreadable:
			if ln.Err == nil {
				t.Fatalf("%q: unreadable line without a reason: %+v", in, ln)
			}
		case label.Excipient, label.Other:
			if ln.ElementalMg != 0 {
				t.Fatalf("%q: %s line with an amount: %+v", in, ln.Kind, ln)
			}
		default:
			t.Fatalf("%q: kind %q", in, ln.Kind)
		}
	}
	// the label's total, as label and total --label count it, comes from
	// the doses as stack items added up by pkg/dose (each compound line
	// converted again by its formula): never from this sum's own loop
	lt, err := kb.Limits()
	if err != nil {
		t.Fatal(err)
	}
	limit := lt.Authority(limits.DefaultAuthority).For(limits.Person{})
	got := 0.0
	if items := l.Items(""); len(items) > 0 {
		got = dose.Sum(items, limit, nil, lt.Reference(limit.Authority)).ElementalMg / l.PerDay.Max
	}
	if math.Abs(got-sum) > 1e-9*math.Max(1, sum) {
		t.Fatalf("%q: the lines add up to %v, the label's total to %v", in, sum, got)
	}
	// a line that states only its compound gives the formula's magnesium
	for _, ln := range l.Lines {
		if ln.Kind != label.Dose || ln.Declared != label.Compound {
			continue
		}
		v := ln.Variant
		if v == nil {
			v = ln.Form.Default()
		}
		if want := ln.CompoundMg * v.Fraction; math.Abs(ln.ElementalMg-want) > 1e-9*math.Max(1, want) {
			t.Fatalf("%q: %v mg %s gives %v mg, its formula %v", in, ln.CompoundMg, ln.Form.Key, ln.ElementalMg, want)
		}
	}
	if !(l.PerDay.Min > 0) || l.PerDay.Min > l.PerDay.Max || l.PerDay.Max > label.MaxServingsPerDay {
		t.Fatalf("%q: servings a day %v", in, l.PerDay)
	}
	if (l.Err() == nil) == (len(l.Unreadable()) > 0) {
		t.Fatalf("%q: Err %v with %d unreadable lines", in, l.Err(), len(l.Unreadable()))
	}
}

func FuzzParseText(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/labels/*.txt")
	for _, p := range files {
		b, _ := os.ReadFile(p)
		f.Add(string(b))
	}
	for _, s := range []string{
		"Magnesium (as magnesium citrate) 200 mg", "Magnesiumbisglycinaat 500 mg waarvan magnesium 70 mg",
		"Magnesium 200 mg 50% (from 2,000 mg magnesium lysinate glycinate chelate)", "Magnesium\n200 mg",
		"Per dagdosis (2 tabletten):\nMagnesium 1.830 mg\nNeem 1-2 tabletten per dag", "((((", "Magnesium-bis(hydrogen-L-aspartat)·4H2O 1803 mg",
		"Ingredients: magnesium stearate, E470b,", "Zweimal täglich 1 Messlöffel (1 g Magnesiumcitrat, davon 109 mg Magnesium)",
		"Magnesium 100 mg = 4,1 mmol = 8,2 mval (27% RI)", "Take 2 tablets twice daily\nPer 2 tablets: Magnesium 999999 mg",
	} {
		f.Add(s)
	}
	o := opts(f)
	f.Fuzz(func(t *testing.T, s string) {
		l, err := label.ParseText(s, o)
		if err != nil {
			if l != nil {
				t.Fatalf("%q: a label and an error", s)
			}
			return
		}
		checkLabel(t, s, l)
		if !strings.ContainsFunc(s, unicode.IsDigit) && l.ElementalPerServing() != 0 {
			t.Fatalf("%q: no number, %v mg", s, l.ElementalPerServing())
		}
	})
}

func FuzzParseDSLD(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/labels/*.json")
	for _, p := range files {
		b, _ := os.ReadFile(p)
		f.Add(b)
	}
	f.Add([]byte(`{"id":1,"ingredientRows":[{"name":"Magnesium","quantity":[{"quantity":100,"unit":"mg"}],"nestedRows":[{"name":"Magnesium Oxide","quantity":[{"quantity":166,"unit":"mg"}]}]}]}`))
	f.Add([]byte(`[{"servingSizes":[{"minQuantity":2,"maxQuantity":2,"minDailyServings":1,"maxDailyServings":3,"unit":"Tablet(s)"}],"ingredientRows":[{"name":"Magnesium","forms":[{"prefix":"as","name":"Magnesium Citrate"}],"quantity":[{"quantity":200,"unit":"mg","servingSizeQuantity":2}]}]}]`))
	o := opts(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		ls, err := label.ParseDSLD(b, o)
		if err != nil {
			return
		}
		for _, l := range ls {
			checkLabel(t, string(b), l)
		}
	})
}
