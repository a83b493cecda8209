package forms_test

import (
	"math"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/data"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/source"
)

func table(t testing.TB) *forms.Table {
	t.Helper()
	tb, err := kb.Forms()
	if err != nil {
		t.Fatalf("the embedded form table does not load: %v", err)
	}
	return tb
}

// The chemistry table of DOMAIN.md section 1: molar mass and % Mg, read
// there; mgcalc must reproduce each % to 0.01 percentage points from the
// formula alone.
var domainTable = []struct {
	name    string
	molar   float64
	percent float64
}{
	{"oxide", 40.304, 60.30},
	{"hydroxide", 58.319, 41.68},
	{"carbonate", 84.313, 28.83},
	{"citrate:anhydrous", 451.11, 16.16},
	{"citrate:nonahydrate", 613.25, 11.89},
	{"citrate:monomagnesium", 214.41, 11.34},
	{"bisglycinate:anhydrous", 172.42, 14.10},
	{"bisglycinate:dihydrate", 208.45, 11.66},
	{"lysinate-glycinate", 243.55, 9.98},
	{"malate:anhydrous", 156.38, 15.54},
	{"malate:trihydrate", 210.43, 11.55},
	{"taurate", 272.57, 8.92},
	{"threonate:anhydrous", 294.50, 8.25},
	{"threonate:monohydrate", 312.51, 7.78},
	{"chloride:anhydrous", 95.21, 25.53},
	{"chloride:hexahydrate", 203.30, 11.96},
	{"sulfate:heptahydrate", 246.47, 9.86},
	{"lactate:anhydrous", 202.45, 12.01},
	{"lactate:dihydrate", 238.48, 10.19},
	{"gluconate:anhydrous", 414.60, 5.86},
	{"gluconate:dihydrate", 450.63, 5.39},
	{"aspartate:anhydrous", 288.50, 8.42},
	{"aspartate:dihydrate", 324.53, 7.49},
	{"orotate:anhydrous", 334.48, 7.27},
	{"orotate:dihydrate", 370.51, 6.56},
	{"glycerophosphate", 194.36, 12.51},
	{"pidolate", 280.52, 8.66},
}

func TestDomainChemistryTable(t *testing.T) {
	tb := table(t)
	for _, row := range domainTable {
		_, v, err := tb.Resolve(row.name)
		if err != nil {
			t.Errorf("%s: %v", row.name, err)
			continue
		}
		if d := math.Abs(v.Fraction*100 - row.percent); d > 0.01 {
			t.Errorf("%s: %.4f %% Mg, DOMAIN.md gives %.2f %% (off by %.4f pp)", row.name, v.Fraction*100, row.percent, d)
		}
		if d := math.Abs(v.MolarMass - row.molar); d > 0.015 {
			t.Errorf("%s: M = %.3f g/mol, DOMAIN.md gives %.3f", row.name, v.MolarMass, row.molar)
		}
	}
	// Every variant in the table is in DOMAIN.md's list: nothing unchecked.
	n := 0
	for _, f := range tb.Forms {
		n += len(f.Variants)
	}
	if n != len(domainTable) {
		t.Errorf("the table has %d variants, the DOMAIN.md check covers %d", n, len(domainTable))
	}
}

func TestCitrateNonahydrateIsNotTheConverterBug(t *testing.T) {
	_, v, err := table(t).Resolve("citrate:nonahydrate")
	if err != nil {
		t.Fatal(err)
	}
	if got := math.Round(v.Fraction*10000) / 100; got != 11.89 {
		t.Fatalf("citrate nonahydrate = %.2f %% Mg, want 11.89 (a published converter gets 3.96)", got)
	}
}

// Real labels' stated amounts must agree with the computed ones to within
// 10 %: labels round and raw materials vary (threonate's spec assay is
// 7.2-8.3 %), but a formula with a wrong Mg count would be off by far more.
func TestLabelCrossChecks(t *testing.T) {
	checked := 0
	for _, f := range table(t).Forms {
		for _, v := range f.Variants {
			for _, l := range v.Labels {
				computed := l.CompoundMg * v.Fraction
				if rel := math.Abs(computed-l.ElementalMg) / l.ElementalMg; rel > 0.10 {
					t.Errorf("%s:%s: label %v mg -> %v mg, computed %.1f mg (%.0f %% off)", f.Key, v.Key, l.CompoundMg, l.ElementalMg, computed, rel*100)
				}
				checked++
			}
		}
	}
	if checked < 12 {
		t.Errorf("only %d label checks ran", checked)
	}
}

func TestDefaults(t *testing.T) {
	want := map[string]string{
		"citrate": "anhydrous", "chloride": "hexahydrate", "sulfate": "heptahydrate",
		"lactate": "dihydrate", "gluconate": "dihydrate", "orotate": "dihydrate",
		"threonate": "monohydrate", "oxide": "anhydrous", "bisglycinate": "anhydrous",
		"malate": "anhydrous", "aspartate": "anhydrous",
	}
	tb := table(t)
	for form, variant := range want {
		f, v, err := tb.Resolve(form)
		if err != nil || v.Key != variant || f.Key != form {
			t.Errorf("Resolve(%s) = %v, %v; want default %s", form, v, err, variant)
		}
	}
}

func TestResolveNames(t *testing.T) {
	cases := map[string]string{
		"citrate": "citrate:anhydrous", "CITRATE": "citrate:anhydrous", "Magnesium Citrate": "citrate:anhydrous",
		"magnesium-citrate": "citrate:anhydrous", "magnesiumcitraat": "citrate:anhydrous", "mag citrate": "citrate:anhydrous",
		"citraat": "citrate:anhydrous", "glycinate": "bisglycinate:anhydrous", "bisglycinaat": "bisglycinate:anhydrous",
		"malaat": "malate:anhydrous", "tauraat": "taurate:anhydrous", "threonaat": "threonate:monohydrate",
		"L-threonate": "threonate:monohydrate", "magnesium-L-threonaat": "threonate:monohydrate",
		"oxide": "oxide:anhydrous", "chloride": "chloride:hexahydrate", "Epsom salt": "sulfate:heptahydrate",
		"citrate:nonahydrate": "citrate:nonahydrate", "citrate:NONAHYDRATE": "citrate:nonahydrate",
		"citrate:9H2O": "citrate:nonahydrate", "chloride:anhydrous": "chloride:anhydrous",
		"magnesium bisglycinate:dihydrate": "bisglycinate:dihydrate", "milk of magnesia": "hydroxide:anhydrous",
	}
	tb := table(t)
	for in, want := range cases {
		f, v, err := tb.Resolve(in)
		if err != nil {
			t.Errorf("Resolve(%q): %v", in, err)
			continue
		}
		if got := f.Key + ":" + v.Key; got != want {
			t.Errorf("Resolve(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestResolveErrors(t *testing.T) {
	tb := table(t)
	cases := []struct{ in, err, hint string }{
		{"bisglycnate", `unknown form "bisglycnate"`, "did you mean bisglycinate?"},
		{"citrat", `unknown form "citrat"`, "did you mean citrate?"},
		{"bisgly", `unknown form "bisgly"`, "did you mean bisglycinate?"},
		{"xyzzy", `unknown form "xyzzy"`, "mgcalc forms"},
		{"citrate:decahydrate", `citrate has no variant "decahydrate"`, "anhydrous (default), nonahydrate, monomagnesium"},
		{"", "no form given", "mgcalc forms"},
		{"magnesium", `unknown form "magnesium"`, ""},
		{strings.Repeat("a", 200), "longer than", ""},
	}
	for _, c := range cases {
		_, _, err := tb.Resolve(c.in)
		m, ok := err.(*msg.Message)
		if !ok {
			t.Errorf("Resolve(%q) error = %v (%T), want a *msg.Message", c.in, err, err)
			continue
		}
		if !strings.Contains(m.Error(), c.err) {
			t.Errorf("Resolve(%q) error = %q, want %q", c.in, m.Error(), c.err)
		}
		if c.hint != "" && (m.Hint == nil || !strings.Contains(m.Hint.Error(), c.hint)) {
			t.Errorf("Resolve(%q) hint = %v, want %q", c.in, m.Hint, c.hint)
		}
	}
}

func TestCheckAssay(t *testing.T) {
	tb := table(t)
	resolve := func(name string) (*forms.Form, *forms.Variant) {
		f, v, err := tb.Resolve(name)
		if err != nil {
			t.Fatal(err)
		}
		return f, v
	}
	cases := []struct {
		name string
		pct  float64
		warn string // "" for no warning
	}{
		{"citrate", 14.5, ""},
		{"citrate", 16.4, ""},
		{"citrate", 30, "outside the 14.5-16.4 % a citrate specification allows"},
		{"citrate", 10, "outside the 14.5-16.4 %"},
		// the specification is for the default variant; a hydrate is judged by its formula
		{"citrate:nonahydrate", 11.9, ""},
		{"citrate:nonahydrate", 14, "more than citrate:nonahydrate carries by its formula (11.89 %)"},
		{"oxide", 58, ""},
		{"oxide", 70, "more than oxide:anhydrous carries"},
		{"oxide", 14.5, "far below the 60.30 % of oxide:anhydrous"},
	}
	for _, c := range cases {
		f, v := resolve(c.name)
		w, err := forms.CheckAssay(f, v, c.pct)
		switch {
		case err != nil:
			t.Errorf("%s at %v %%: error %v", c.name, c.pct, err)
		case c.warn == "" && w != nil:
			t.Errorf("%s at %v %%: unexpected warning %q", c.name, c.pct, w.Error())
		case c.warn != "" && (w == nil || !strings.Contains(w.Error(), c.warn)):
			t.Errorf("%s at %v %%: warning %v, want %q", c.name, c.pct, w, c.warn)
		}
	}
	f, v := resolve("citrate")
	for _, bad := range []float64{0, -1, 101, 0.145, math.NaN(), math.Inf(1)} {
		if _, err := forms.CheckAssay(f, v, bad); err == nil {
			t.Errorf("assay %v accepted", bad)
		}
	}
	_, err := forms.CheckAssay(f, v, 0.145)
	if m, ok := err.(*msg.Message); !ok || m.Hint == nil || !strings.Contains(m.Hint.Error(), "did you mean 14.5?") {
		t.Errorf("0.145: %v, want a hint to 14.5", err)
	}
}

// Broken copies of the real table must fail to load, each with a message
// that names the problem.
func TestBrokenTables(t *testing.T) {
	reg, err := source.Load(data.Sources)
	if err != nil {
		t.Fatal(err)
	}
	w, err := forms.LoadWeights(data.Elements, reg)
	if err != nil {
		t.Fatal(err)
	}
	orig := string(data.Forms)
	cases := []struct{ name, old, new, want string }{
		{"unknown key", "  aliases: [mag oxide, MgO, magnesia]", "  aliasses: [mag oxide]", "field aliasses not found"},
		{"formula without Mg", "formula: MgO\n", "formula: CaO\n", "contains no Mg"},
		{"unparsable formula", "formula: MgO\n", "formula: Mg(O\n", "unclosed"},
		{"unknown element", "formula: MgO\n", "formula: MgFe\n", "no atomic weight"},
		{"two defaults", "    - key: nonahydrate\n", "    - key: nonahydrate\n      default: true\n", "2 default variants"},
		{"no default", "      formula: MgO\n      default: true\n", "      formula: MgO\n", "0 default variants"},
		{"unknown source", "sources: [label-mgo-400]", "sources: [label-nowhere]", `unknown source "label-nowhere"`},
		{"unsourced variant", "      formula: MgCO3\n      default: true\n      sources: [pubchem]\n", "      formula: MgCO3\n      default: true\n", "formula has no source"},
		{"unsourced tolerance", "    note: \"among the forms most often reported to cause diarrhoea\"\n    sources: [nih-ods]\n  notes:", "    note: \"among the forms most often reported to cause diarrhoea\"\n  notes:", "tolerance has no source"},
		{"bad tolerance level", "    level: gentle\n", "    level: soft\n", "not one of gentle"},
		{"alias clash", "aliases: [carbonaat, MgCO3]", "aliases: [carbonaat, citraat]", `name "citraat" is also a name of`},
		{"unknown goal", "{goal: heart, choice: first}", "{goal: hair, choice: first}", `unknown goal "hair"`},
		{"bad label", "{compound_mg: 400, elemental_mg: 241.3,", "{compound_mg: 400, elemental_mg: 500,", "elemental below compound"},
		{"bad assay", "min_percent: 14.5", "min_percent: 17", "not a range"},
		{"typed percentage", "carries {pct} %", "carries 8.9 %", "types a percentage by hand"},
		{"duplicate variant", "    - key: monomagnesium\n", "    - key: nonahydrate\n", "used twice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(orig, c.old) {
				t.Fatalf("the table no longer contains %q; update the test", c.old)
			}
			broken := strings.Replace(orig, c.old, c.new, 1)
			_, err := forms.Load([]byte(broken), w, reg)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want it to mention %q", err, c.want)
			}
		})
	}
	if _, err := forms.Load([]byte("[]"), w, reg); err == nil {
		t.Error("an empty table loaded")
	}
	if _, err := forms.Load([]byte("{"), w, reg); err == nil {
		t.Error("broken YAML loaded")
	}
}

func TestNotePercentagesAreComputed(t *testing.T) {
	want := map[string]string{"oxide": "(60.3 %)", "carbonate": "28.8 % (anhydrous)", "taurate": "carries 8.9 %"}
	for key, frag := range want {
		f := table(t).Lookup(key)
		found := false
		for _, n := range f.Notes {
			found = found || strings.Contains(n.Text, frag)
		}
		if !found {
			t.Errorf("%s notes %v lack %q", key, f.Notes, frag)
		}
	}
}

func TestBrokenWeights(t *testing.T) {
	reg, _ := source.Load(data.Sources)
	for _, b := range []string{"source: ciaaw-2021\nweights: {Mg: -1}", "source: nowhere\nweights: {Mg: 24.305}", "source: ciaaw-2021\nweights: {mg: 24.305}", "source: ciaaw-2021\nweight: {}"} {
		if _, err := forms.LoadWeights([]byte(b), reg); err == nil {
			t.Errorf("weights %q loaded", b)
		}
	}
}

func FuzzResolve(f *testing.F) {
	tb := table(f)
	for _, s := range []string{"citrate", "citrate:nonahydrate", "Magnesium-L-threonaat", "bisglycnate", ":", "::", "magnesium"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fm, v, err := tb.Resolve(s)
		if err != nil {
			if _, ok := err.(*msg.Message); !ok {
				t.Fatalf("Resolve(%q) error %T is not a message", s, err)
			}
			return
		}
		if fm == nil || v == nil || !(v.Fraction > 0 && v.Fraction < 1) {
			t.Fatalf("Resolve(%q) = %v, %v", s, fm, v)
		}
	})
}
