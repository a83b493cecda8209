package stack_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/stack"
)

func table(t testing.TB) *forms.Table {
	t.Helper()
	tb, err := kb.Forms()
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestParseItem(t *testing.T) {
	tb := table(t)
	cases := map[string]struct {
		name string
		mg   float64
	}{
		"citrate:500":             {"citrate", 80.817},
		"chloride:anhydrous:1g":   {"chloride:anhydrous", 255.291},
		"Magnesium Oxide:250 mg":  {"oxide", 150.760},
		"citrate:nonahydrate:500": {"citrate:nonahydrate", 59.450},
	}
	for in, want := range cases {
		it, err := stack.ParseItem(tb, in)
		if err != nil {
			t.Errorf("ParseItem(%q): %v", in, err)
			continue
		}
		if it.Name != want.name || math.Abs(it.ElementalMg()-want.mg) > 0.001 {
			t.Errorf("ParseItem(%q) = %s %.3f mg, want %s %.3f", in, it.Name, it.ElementalMg(), want.name, want.mg)
		}
	}
	for _, bad := range []string{"citrate", "citrate:", ":500", "citrat:500", "citrate:decahydrate:500", "citrate:1,5,0g", "::"} {
		if _, err := stack.ParseItem(tb, bad); err == nil {
			t.Errorf("ParseItem(%q) accepted", bad)
		}
	}
}

func TestParseStack(t *testing.T) {
	file := `
- name: A
  form: bisglycinate
  amount: 500 mg
  per_day: 2
- form: glycinate
  elemental: 100 mg
- form: citrate
  amount: 1g
  assay: "14.5%"
`
	items, err := stack.ParseStack(table(t), []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("%d items", len(items))
	}
	if items[0].Line != 2 || items[1].Line != 6 || items[2].Line != 8 {
		t.Errorf("lines = %d %d %d", items[0].Line, items[1].Line, items[2].Line)
	}
	if b := items[1].Basis(); b != forms.BasisLabel || items[1].ElementalMg() != 100 {
		t.Errorf("label item: %v %v", b, items[1].ElementalMg())
	}
	if b := items[2].Basis(); b != forms.BasisAssay || math.Abs(items[2].ElementalMg()-145) > 1e-9 {
		t.Errorf("assay item: %v %v", b, items[2].ElementalMg())
	}
	if got := items[0].ElementalMg(); math.Abs(got-1000*items[0].Variant.Fraction) > 1e-9 {
		t.Errorf("2 × 500 mg bisglycinate = %v mg", got)
	}
}

func TestParseStackErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"- form: citrate\n  amount: 500\n  dose: 2\n", "line 3: dose: unknown field"},
		{"- amount: 500\n", "line 1: form: missing"},
		{"- form: citrate\n", "line 1: amount: missing"},
		{"- form: citrate\n  amount: 0\n", "line 2: amount: amount \"0\" is zero"},
		{"- form: citrate\n  amount: 500\n  per_day: 0\n", "line 3: per_day"},
		{"- form: citrate\n  amount: 500\n  per_day: 101\n", "line 3: per_day"},
		{"- form: citrate\n  amount: 500\n  per_day: .nan\n", "line 3: per_day"},
		{"- form: citrate\n  amount: 500\n  assay: 200\n", "line 3: assay"},
		{"- form: citrate\n  amount: 500\n  elemental: 600\n", "600 mg of magnesium is more than 500 mg of citrate can carry (at most 80.82 mg)"},
		{"- form: citrate\n  form: oxide\n  amount: 5\n", "line 2: form: given twice"},
		{"form: citrate\n", "a stack file is a list"},
		{"", "lists no products"},
		{"[]", "lists no products"},
		{"- citrate\n", "must be a mapping"},
		{"- form: [citrate]\n  amount: 5\n", "must be a single value"},
		{"- {form: citrate, amount: 5\n", "not valid YAML"},
		{"- {form: citrate, amount: 500}\n---\n- {form: oxide, amount: 5 g}\n", "line 2: the file holds more than one YAML document"},
	}
	for _, c := range cases {
		_, err := stack.ParseStack(table(t), []byte(c.in))
		var se *stack.StackError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseStack(%q) error = %v, want %q", c.in, err, c.want)
		}
	}
	big := strings.Repeat("- {form: citrate, amount: 5}\n", stack.MaxItems+1)
	if _, err := stack.ParseStack(table(t), []byte(big)); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("%d items: %v", stack.MaxItems+1, err)
	}
}

func TestStackNamesArePrintable(t *testing.T) {
	items, err := stack.ParseStack(table(t), []byte("- {name: \"a\\e[31mRED\\nnext\", form: citrate, amount: 5}"))
	if err != nil {
		t.Fatal(err)
	}
	if got := items[0].Name; got != "a[31mREDnext" {
		t.Errorf("name = %q: control characters must go", got)
	}
}

func FuzzParseStack(f *testing.F) {
	tb := table(f)
	for _, s := range []string{"- {form: citrate, amount: 500}", "- form: oxide\n  elemental: 5\n  per_day: 3", "a: &x [*x]", "- !!binary abc", "[[[[", "- {form: citrate:nonahydrate, amount: 1g, assay: 12}",
		"- {name: Multi, elemental: 100 mg}", "- {form: magnesium, elemental: 4 mmol, per_day: 2}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		items, err := stack.ParseStack(tb, b)
		if err != nil {
			var se *stack.StackError
			if !errors.As(err, &se) || se.Line < 0 {
				t.Fatalf("error %v is not a located StackError", err)
			}
			return
		}
		for _, it := range items {
			if mg := it.ElementalMg(); !(mg > 0) || math.IsInf(mg, 0) {
				t.Fatalf("item %+v gives %v mg", it, mg)
			}
		}
	})
}

func FuzzParseItem(f *testing.F) {
	tb := table(f)
	for _, s := range []string{"citrate:500", "chloride:anhydrous:1g", "::", "a:b:c:d", "citrate:1,5g", "magnesium:100x2", "Mg:4 mmol"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		it, err := stack.ParseItem(tb, s)
		if err == nil && !(it.ElementalMg() > 0) {
			t.Fatalf("ParseItem(%q) = %v mg", s, it.ElementalMg())
		}
	})
}

// A product known by its label's magnesium alone: magnesium:AMOUNT (the
// amount is elemental, mmol too), and a stack entry with elemental and no
// form; an amount or assay without a form is refused.
func TestMagnesiumOnly(t *testing.T) {
	tb := table(t)
	for in, want := range map[string]float64{"magnesium:100": 100, "Mg:100x2": 200, "elemental magnesium:4 mmol": 4 * tb.MgPerMmol(), "magnesium:0,5 g": 500} {
		it, err := stack.ParseItem(tb, in)
		if err != nil || it.Form != nil || math.Abs(it.ElementalMg()-want) > 1e-9 || it.Basis() != forms.BasisLabel {
			t.Errorf("ParseItem(%q) = %+v, %v; want %v mg, no form", in, it, err, want)
		}
	}
	items, err := stack.ParseStack(tb, []byte("- name: Multi\n  elemental: 100 mg\n  per_day: 2\n- form: magnesium\n  elemental: 50 mg\n"))
	if err != nil || len(items) != 2 || items[0].Form != nil || items[0].ElementalMg() != 200 || items[1].ElementalMg() != 50 {
		t.Fatalf("ParseStack = %+v, %v", items, err)
	}
	for _, bad := range []string{"- {elemental: 100 mg, amount: 500 mg}", "- {elemental: 100 mg, assay: 14}", "- {name: x}"} {
		if _, err := stack.ParseStack(tb, []byte(bad)); err == nil {
			t.Errorf("ParseStack(%q) accepted", bad)
		}
	}
}

// A product's name says its form when its letters contain the form's key,
// name or an alias; otherwise a report shows the form beside it.
func TestNameSaysForm(t *testing.T) {
	tb := table(t)
	cases := []struct {
		name, form string
		says       bool
	}{
		{"citrate 500 mg", "oxide", false},
		{"Calm Night", "bisglycinate", false},
		{"Magnesium Glycinate 200", "bisglycinate", true},
		{"Mag-Citraat Forte", "citrate", true},
		{"Citrate®", "citrate", true},
		{"oxide", "oxide", true},
		{"", "oxide", false},
	}
	for _, c := range cases {
		f, v, err := tb.Resolve(c.form)
		if err != nil {
			t.Fatal(err)
		}
		it := stack.Item{Name: c.name, Form: f, Variant: v}
		if got := it.NameSaysForm(); got != c.says {
			t.Errorf("%q for %s: says the form %v, want %v", c.name, c.form, got, c.says)
		}
	}
}

// A stack as CSV goes through the same field rules as a stack file.
func TestParseCSV(t *testing.T) {
	ft := table(t)
	items, err := stack.ParseCSV(strings.NewReader("name,form,amount,per_day,route\n\"Calm, Night\",bisglycinate,500 mg,2,\n,sulfate,100 g,,skin\n"), ft, 0, nil)
	if err != nil || len(items) != 2 || items[0].Name != "Calm, Night" || items[0].PerDay != 2 || items[1].Route != stack.Skin {
		t.Fatalf("%+v %v", items, err)
	}
	_, err = stack.ParseCSV(strings.NewReader("form,amount,colour\ncitrate,5,red\n"), ft, 0, nil)
	if err == nil || !strings.Contains(err.Error(), `unknown column "colour"`) {
		t.Errorf("unknown column: %v", err)
	}
	_, err = stack.ParseCSV(strings.NewReader("form,amount\ncitrate,1.830 mg\n"), ft, 0, nil)
	var se *stack.StackError
	if !errors.As(err, &se) || se.Line != 2 || se.Field != "amount" {
		t.Errorf("bad amount: %v", err)
	}
}

// FuzzParseCSV: a stack as CSV either loads items that each carry
// magnesium, or is refused with a located error.
func FuzzParseCSV(f *testing.F) {
	ft := table(f)
	for _, s := range []string{"form,amount\ncitrate,500 mg\n", "name,form,elemental,per_day\nx,bisglycinate,100 mg,2\n", "form,amount,route\nsulfate,100 g,skin\n", "form\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		items, err := stack.ParseCSV(strings.NewReader(s), ft, 0, nil)
		if err != nil {
			var se *stack.StackError
			if !errors.As(err, &se) || se.Err == nil {
				t.Fatalf("error %v (%T) is not located", err, err)
			}
			return
		}
		for _, it := range items {
			if mg := it.ElementalMg(); !(mg > 0) || math.IsInf(mg, 0) {
				t.Fatalf("item %+v carries %v mg", it, mg)
			}
		}
	})
}
