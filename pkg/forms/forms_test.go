package forms_test

import (
	"errors"
	"golang.org/x/text/unicode/norm"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/data"
	"github.com/mgcalc/mgcalc/pkg/chem"
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

func registry(t testing.TB) (source.Registry, chem.Weights) {
	t.Helper()
	reg, err := source.Load(data.Sources)
	if err != nil {
		t.Fatal(err)
	}
	w, err := forms.LoadWeights(data.Elements, reg)
	if err != nil {
		t.Fatal(err)
	}
	return reg, w
}

// The chemistry table of DOMAIN.md section 1: molar mass and % Mg, read
// there; mgcalc must reproduce each % to 0.01 percentage points from the
// formula alone, and each molar mass to about one unit of the last digit
// DOMAIN.md gives (it writes 485.7 for the basic carbonate pentahydrate,
// which computes to 485.65).
var domainTable = []struct {
	name    string
	molar   float64
	percent float64
}{
	{"oxide", 40.304, 60.30},
	{"hydroxide", 58.319, 41.68},
	{"carbonate:anhydrous", 84.313, 28.83},
	{"carbonate:basic", 485.7, 25.02},
	{"carbonate:basic-tetrahydrate", 467.6, 25.99},
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
	{"sulfate:anhydrous", 120.37, 20.19},
	{"sulfate:monohydrate", 138.38, 17.56},
	{"lactate:anhydrous", 202.45, 12.01},
	{"lactate:dihydrate", 238.48, 10.19},
	{"gluconate:anhydrous", 414.60, 5.86},
	{"gluconate:dihydrate", 450.63, 5.39},
	{"aspartate:anhydrous", 288.50, 8.42},
	{"aspartate:dihydrate", 324.53, 7.49},
	{"aspartate:hydrochloride", 245.90, 9.88},
	{"orotate:anhydrous", 334.48, 7.27},
	{"orotate:dihydrate", 370.51, 6.56},
	{"glycerophosphate", 194.36, 12.51},
	{"pidolate", 280.52, 8.66},
	{"picolinate", 268.51, 9.05},
}

// notInDomain are variants DOMAIN.md does not list; each is checked by a
// real label in TestLabelCrossChecks instead.
var notInDomain = map[string]bool{"aspartate:tetrahydrate": true}

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
		tol := 0.015
		if row.molar*10 == math.Round(row.molar*10) {
			tol = 0.1 // DOMAIN.md gives one decimal
		}
		if d := math.Abs(v.MolarMass - row.molar); d > tol {
			t.Errorf("%s: M = %.3f g/mol, DOMAIN.md gives %v", row.name, v.MolarMass, row.molar)
		}
	}
	// Every variant in the table is checked: by DOMAIN.md or by a label.
	n := 0
	for _, f := range tb.Forms {
		for _, v := range f.Variants {
			n++
			if notInDomain[f.Key+":"+v.Key] && len(v.Labels) == 0 {
				t.Errorf("%s:%s is in neither DOMAIN.md nor a label check", f.Key, v.Key)
			}
		}
	}
	if n != len(domainTable)+len(notInDomain) {
		t.Errorf("the table has %d variants, the checks cover %d", n, len(domainTable)+len(notInDomain))
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
				computed := l.ComputedMg(v)
				if rel := math.Abs(computed-l.ElementalMg) / l.ElementalMg; rel > 0.10 {
					t.Errorf("%s:%s: label %v mg -> %v mg, computed %.1f mg (%.0f %% off)", f.Key, v.Key, l.CompoundMg, l.ElementalMg, computed, rel*100)
				}
				checked++
			}
		}
	}
	if checked < 15 {
		t.Errorf("only %d label checks ran", checked)
	}
}

func TestDefaults(t *testing.T) {
	want := map[string]string{
		"citrate": "anhydrous", "chloride": "hexahydrate", "sulfate": "heptahydrate",
		"lactate": "dihydrate", "gluconate": "dihydrate", "orotate": "dihydrate",
		"threonate": "monohydrate", "oxide": "anhydrous", "bisglycinate": "anhydrous",
		"malate": "anhydrous", "picolinate": "anhydrous",
		// what is sold: USP basic carbonate, not MgCO3 (EVIDENCE A1-3); the
		// Ph. Eur./UK licensed aspartate dihydrate (A1-6)
		"carbonate": "basic", "aspartate": "dihydrate",
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
		"magnesium bisglycinate:dihydrate": "bisglycinate:dihydrate",
		"picolinate":                       "picolinate:anhydrous", "magnesium picolinate": "picolinate:anhydrous",
		"sulfate:anhydrous": "sulfate:anhydrous", "sulfate:monohydrate": "sulfate:monohydrate",
		"aspartate:hcl": "aspartate:hydrochloride", "carbonate:anhydrous": "carbonate:anhydrous",
		// known separators are dropped: apostrophes, dots, the hydrate dot, underscores
		"magnesium_citrate": "citrate:anhydrous", "magnesium citrate.": "citrate:anhydrous",
		"magnesium\u00b7citrate": "citrate:anhydrous", "l\u2019threonate": "threonate:monohydrate",
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
	cases := []struct {
		in   string
		kind forms.NameErrorKind
		err  string
		hint string // "" for no hint
	}{
		{"bisglycnate", forms.UnknownForm, `unknown form "bisglycnate"`, "did you mean bisglycinate?"},
		{"citrat", forms.UnknownForm, `unknown form "citrat"`, "did you mean citrate?"},
		{"bisgly", forms.UnknownForm, `unknown form "bisgly"`, "did you mean bisglycinate?"},
		{"xyzzy", forms.UnknownForm, `unknown form "xyzzy"`, ""},
		{"citrate:decahydrate", forms.UnknownVariant, `citrate has no variant "decahydrate"`, "anhydrous, nonahydrate, monomagnesium; the default is anhydrous"},
		{"citrate:anhydrous:500", forms.UnknownVariant, `"citrate:anhydrous:500" has more than one colon`, "FORM:VARIANT"},
		{"citrate::nonahydrate", forms.UnknownVariant, `"citrate::nonahydrate" has more than one colon`, "FORM:VARIANT"},
		{"", forms.Empty, "no form given", "such as citrate"},
		{"  :anhydrous", forms.Empty, "no form given", "such as citrate"},
		{"magnesium", forms.UnknownForm, `unknown form "magnesium"`, ""},
		{strings.Repeat("a", 200), forms.TooLong, "longer than", ""},
		{"MgSO4·6H2O", forms.UnknownFormula, "no form in mgcalc's table has the formula MgSO4·6H2O", "elemental magnesium amount the label states"},
		{"MgBr2", forms.UnknownFormula, "has the formula MgBr2", ""},
		{"Mg", forms.UnknownFormula, "has the formula Mg", ""},
		{"MgCl2:hexahydrate", forms.FormulaConflict, "MgCl2 is the formula of chloride:anhydrous, not of chloride:hexahydrate", "formula alone"},
		{"MgCl2:dodecahydrate", forms.FormulaConflict, "chloride:anhydrous", ""},
		{"fumarate", forms.Lacking, "mgcalc knows magnesium fumarate exists but has no formula for it", "elemental magnesium amount the label states"},
		{"Magnesium Phosphate", forms.Lacking, "several salts of orthophosphoric acid", "label states"},
		{"magnesium oil", forms.Refused, "magnesium oil is not a magnesium salt mgcalc computes: it is magnesium chloride dissolved in water", "chloride:hexahydrate"},
		{"magnesiumolie", forms.Refused, "magnesium oil", "magnesium chloride the label states"},
		// a Cyrillic д (U+0434) must not vanish and leave "hyroxide", or
		// worse, a different name
		{"hy\u0434roxide", forms.BadChar, `form name: "hyдroxide" contains the character U+0434 'д'`, "letters a-z"},
		{"oxide\u200b", forms.BadChar, "U+200B", ""},
		{"citrate:nona\u0068ydrat\u0435", forms.BadChar, "U+0435", ""},
		{"citr\xffate", forms.BadChar, "not valid UTF-8", ""},
		{"malate (1:1)", forms.BadChar, "U+0028 '('", ""},
	}
	for _, c := range cases {
		_, _, err := tb.Resolve(c.in)
		var ne *forms.NameError
		if !errors.As(err, &ne) {
			t.Errorf("Resolve(%q) error = %v (%T), want a *forms.NameError", c.in, err, err)
			continue
		}
		if ne.Kind != c.kind {
			t.Errorf("Resolve(%q) kind = %v, want %v", c.in, ne.Kind, c.kind)
		}
		if !strings.Contains(ne.Error(), c.err) {
			t.Errorf("Resolve(%q) error = %q, want %q", c.in, ne.Error(), c.err)
		}
		var m *msg.Message
		if !errors.As(err, &m) || m != ne.Msg {
			t.Errorf("Resolve(%q): errors.As does not reach the *msg.Message", c.in)
		}
		switch {
		case c.hint == "" && c.kind == forms.UnknownForm && ne.Msg.Hint != nil:
			t.Errorf("Resolve(%q) hint = %q, want none (the CLI adds its own)", c.in, ne.Msg.Hint.Error())
		case c.hint != "" && (ne.Msg.Hint == nil || !strings.Contains(ne.Msg.Hint.Error(), c.hint)):
			t.Errorf("Resolve(%q) hint = %v, want %q", c.in, ne.Msg.Hint, c.hint)
		}
		assertNeutral(t, c.in, ne)
	}
}

// assertNeutral fails when a domain message names a CLI command or flag:
// the same errors reach batch rows and plans, where those mean nothing.
func assertNeutral(t *testing.T, in string, ne *forms.NameError) {
	t.Helper()
	texts := []string{ne.Msg.Error()}
	if ne.Msg.Hint != nil {
		texts = append(texts, ne.Msg.Hint.Error())
	}
	for _, s := range texts {
		for _, bad := range []string{"mgcalc forms", "'mgcalc", " --", "run "} {
			if strings.Contains(strings.ReplaceAll(s, in, ""), bad) {
				t.Errorf("Resolve(%q): %q names a command or flag (%q)", in, s, bad)
			}
		}
	}
}

// A formula typed as a name resolves to the variant with exactly that
// composition, never to a neighbour: MgCl2 used to reach, through an
// alias, the hexahydrate at 11.96 % instead of 25.53 %.
func TestResolveFormula(t *testing.T) {
	tb := table(t)
	cases := []struct {
		in, want string
		percent  float64
	}{
		{"MgCl2", "chloride:anhydrous", 25.53},
		{"mgcl2", "chloride:anhydrous", 25.53},
		{"MgCl2·6H2O", "chloride:hexahydrate", 11.96},
		{"[Mg(H2O)6]Cl2", "chloride:hexahydrate", 11.96},
		{"MgCl2.6H2O", "chloride:hexahydrate", 11.96},
		{"mgcl2·6h2o", "chloride:hexahydrate", 11.96},
		{"MgSO4", "sulfate:anhydrous", 20.19},
		{"MgSO4·H2O", "sulfate:monohydrate", 17.56},
		{"mgso4.7h2o", "sulfate:heptahydrate", 9.86},
		{"Mg(OH)2", "hydroxide:anhydrous", 41.68},
		{"mg(oh)2", "hydroxide:anhydrous", 41.68},
		{"MgO", "oxide:anhydrous", 60.30},
		{" MgO ", "oxide:anhydrous", 60.30},
		// the old alias MgCO3 must not follow the new basic default
		{"MgCO3", "carbonate:anhydrous", 28.83},
		{"mgco3", "carbonate:anhydrous", 28.83},
		{"(MgCO3)4·Mg(OH)2·5H2O", "carbonate:basic", 25.02},
		{"C8H16MgO11", "threonate:monohydrate", 7.78},
		{"C4H5MgNO4·HCl·3H2O", "aspartate:hydrochloride", 9.88},
		{"Mg(C6H4NO2)2", "picolinate:anhydrous", 9.05},
		{"MgCl2:anhydrous", "chloride:anhydrous", 25.53},
		{"MgSO4·7H2O:7H2O", "sulfate:heptahydrate", 9.86},
	}
	for _, c := range cases {
		f, v, err := tb.Resolve(c.in)
		if err != nil {
			t.Errorf("Resolve(%q): %v", c.in, err)
			continue
		}
		if got := f.Key + ":" + v.Key; got != c.want {
			t.Errorf("Resolve(%q) = %s, want %s", c.in, got, c.want)
		}
		if d := math.Abs(v.Fraction*100 - c.percent); d > 0.01 {
			t.Errorf("Resolve(%q) = %.2f %% Mg, want %.2f", c.in, v.Fraction*100, c.percent)
		}
	}
	// Every variant is reached by its own formula, as written and folded
	// to lower case, and by its Hill formula.
	for _, f := range tb.Forms {
		for _, v := range f.Variants {
			for _, in := range []string{v.Formula, strings.ToLower(v.Formula), v.Composition.String()} {
				gf, gv, err := tb.Resolve(in)
				if err != nil || gf != f || gv != v {
					t.Errorf("Resolve(%q) = %v, %v, %v; want %s:%s", in, gf, gv, err, f.Key, v.Key)
				}
			}
		}
	}
}

// No alias is a formula: formulas resolve by their composition alone.
func TestNoAliasIsAFormula(t *testing.T) {
	for _, f := range table(t).Forms {
		for _, a := range f.Aliases {
			if c, err := chem.Parse(a); err == nil && c.Count("Mg") > 0 {
				t.Errorf("%s: alias %q is a formula", f.Key, a)
			}
		}
	}
}

// Suggestions fix typos; they never turn one real compound into another.
func TestSuggest(t *testing.T) {
	tb := table(t)
	typos := map[string]string{
		"picolinat": "picolinate", "pidolat": "pidolate", "bisgly": "bisglycinate", "bisglycnate": "bisglycinate",
		"ctirate": "citrate", "orotat": "orotate", "magnesium gluconat": "gluconate", "acetat": "acetate",
		"threonat": "threonate", "Magnesium Pidolaatt": "pidolate",
	}
	for in, want := range typos {
		if got := tb.Suggest(in); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
	// Real names of other salts, and beginnings shared by two forms.
	for _, in := range []string{"picolinate", "pidolate", "nitrate", "tartrate", "glutamate", "succinate",
		"stearate", "oxalate", "pyruvate", "malonate", "orotic acid", "glyc", "hy\u0434roxide", ""} {
		if got := tb.Suggest(in); got != "" && got != strings.ToLower(in) {
			t.Errorf("Suggest(%q) = %q, want no suggestion", in, got)
		}
	}
	// Before picolinate was in the table, it was suggested pidolate: a
	// different compound. Without it, it must still suggest nothing.
	reg, w := registry(t)
	orig := string(data.Forms)
	cut := strings.Index(orig, "- key: picolinate")
	if cut < 0 {
		t.Fatal("forms.yaml has no picolinate")
	}
	without, err := forms.Load([]byte(orig[:cut]), w, reg)
	if err != nil {
		t.Fatal(err)
	}
	if got := without.Suggest("picolinate"); got != "" {
		t.Errorf("without picolinate, Suggest(picolinate) = %q, want none", got)
	}
	_, _, err = without.Resolve("picolinate")
	var ne *forms.NameError
	if !errors.As(err, &ne) || ne.Kind != forms.UnknownForm || ne.Msg.Hint != nil {
		t.Errorf("without picolinate, Resolve(picolinate) = %v, want an unknown form with no suggestion", err)
	}
}

// Every lacking and refused name is recognised, and none shadows a form.
func TestLackingAndRefused(t *testing.T) {
	tb := table(t)
	if len(tb.Lacking) < 6 || len(tb.Refused) < 1 {
		t.Fatalf("%d lacking and %d refused names", len(tb.Lacking), len(tb.Refused))
	}
	check := func(list []*forms.Other, kind forms.NameErrorKind) {
		for _, o := range list {
			for _, in := range append([]string{o.Key, o.Name}, o.Aliases...) {
				_, _, err := tb.Resolve(in)
				var ne *forms.NameError
				if !errors.As(err, &ne) || ne.Kind != kind || !strings.Contains(ne.Error(), o.Name) {
					t.Errorf("Resolve(%q) = %v, want a %v error naming %s", in, err, kind, o.Name)
				}
			}
		}
	}
	check(tb.Lacking, forms.Lacking)
	check(tb.Refused, forms.Refused)
	// magnesium oil was an alias of chloride: it is refused now, and
	// chloride itself still resolves.
	if f := tb.Lookup("magnesium oil"); f != nil {
		t.Errorf("magnesium oil is a name of %s", f.Key)
	}
	if f, _, err := tb.Resolve("magnesium chloride"); err != nil || f.Key != "chloride" {
		t.Errorf("magnesium chloride: %v, %v", f, err)
	}
}

func TestMalatePrefersTheLabel(t *testing.T) {
	tb := table(t)
	f := tb.Lookup("malate")
	if f.PreferLabel == nil {
		t.Fatal("malate has no prefer_label")
	}
	// the placeholders are filled from the formulas: trihydrate to anhydrous
	for _, frag := range []string{"from 11.6 to 15.5 %", "label states"} {
		if !strings.Contains(f.PreferLabel.Text, frag) {
			t.Errorf("malate prefer_label %q lacks %q", f.PreferLabel.Text, frag)
		}
	}
	if len(f.PreferLabel.Sources) == 0 {
		t.Error("malate prefer_label has no source")
	}
	if tb.Lookup("citrate").PreferLabel != nil {
		t.Error("citrate has a prefer_label; its default is pharmacopoeial")
	}
}

// USP states the carbonate range as 40.0-43.5 % MgO; mgcalc converts it
// with MgO's formula, and the basic default lies inside it.
func TestCarbonateAssay(t *testing.T) {
	tb := table(t)
	f, v, err := tb.Resolve("carbonate")
	if err != nil {
		t.Fatal(err)
	}
	a := f.Assay
	if a == nil || a.As != "MgO" || a.StatedMin != 40 || a.StatedMax != 43.5 {
		t.Fatalf("carbonate assay = %+v", a)
	}
	if a.MinPercent != 24.12 || a.MaxPercent != 26.23 {
		t.Errorf("carbonate assay = %v-%v %% Mg, want 24.12-26.23", a.MinPercent, a.MaxPercent)
	}
	if !(v.Fraction*100 > a.MinPercent && v.Fraction*100 < a.MaxPercent) {
		t.Errorf("the default %s (%.2f %%) is outside its specification", v.Key, v.Fraction*100)
	}
	if w, err := forms.CheckAssay(f, v, 25); w != nil || err != nil {
		t.Errorf("25 %%: %v, %v", w, err)
	}
	w, _ := forms.CheckAssay(f, v, 28.8)
	if w == nil || !strings.Contains(w.Error(), "outside the 24.12-26.23 % (40-43.5 % MgO) a magnesium carbonate specification allows") {
		t.Errorf("28.8 %%: warning %v", w)
	}
}

func TestShareArithmetic(t *testing.T) {
	_, v, err := table(t).Resolve("citrate")
	if err != nil {
		t.Fatal(err)
	}
	s := forms.ShareOf(v, 0)
	if got := s.Elemental(1830); math.Abs(got-1830*v.Fraction) > 1e-9 || math.Abs(got-295.7) > 0.2 {
		t.Errorf("Elemental(1830) = %v", got)
	}
	if got := s.Compound(s.Elemental(618.43)); math.Abs(got-618.43) > 1e-9 {
		t.Errorf("Compound(Elemental(618.43)) = %v", got)
	}
	a := forms.ShareOf(v, 14.5)
	if a.Basis != forms.BasisAssay || math.Abs(a.Elemental(1000)-145) > 1e-9 || math.Abs(a.Compound(145)-1000) > 1e-9 {
		t.Errorf("assay share %+v: %v, %v", a, a.Elemental(1000), a.Compound(145))
	}
	// a label check computes the elemental amount from the formula: the
	// citrate label of data/forms.yaml, 1830 mg, carries 295.8 mg
	l := forms.Label{CompoundMg: 1830}
	if got := l.ComputedMg(v); math.Abs(got-295.79) > 0.01 {
		t.Errorf("ComputedMg(1830 mg citrate) = %v, want 295.79", got)
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
		{"citrate", 16.45, "outside the 14.5-16.4 % a magnesium citrate specification allows"},
		{"citrate", 10, "outside the 14.5-16.4 %"},
		// the specification is for the default variant; a hydrate is judged by its formula
		{"citrate:nonahydrate", 11.9, ""},
		{"citrate:nonahydrate", 14, "more than citrate:nonahydrate carries by its formula (11.89 %)"},
		{"oxide", 58, ""},
		{"oxide", 14.5, "far below the 60.30 % of oxide:anhydrous"},
		{"carbonate", 24.5, ""},
		{"carbonate", 28, "outside the 24.12-26.23 %"},
		{"carbonate:anhydrous", 28, ""},
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

// Broken copies of the real tables must fail to load, each with a message
// that names the problem.
func TestBrokenTables(t *testing.T) {
	reg, w := registry(t)
	orig := string(data.Forms)
	cases := []struct{ name, old, new, want string }{
		{"unknown key", "  aliases: [mag oxide, magnesia usta", "  aliasses: [mag oxide, magnesia usta", "field aliasses not found"},
		{"formula without Mg", "formula: MgO\n", "formula: CaO\n", "contains no Mg"},
		{"unknown variant key", "      formula: MgO\n", "      formulas: MgO\n", "field formulas not found"},
		{"unparsable formula", "formula: MgO\n", "formula: Mg(O\n", "unclosed"},
		{"unknown element", "formula: MgO\n", "formula: MgFe\n", "no atomic weight"},
		{"two defaults", "    - key: nonahydrate\n", "    - key: nonahydrate\n      default: true\n", "2 default variants"},
		{"no default", "      formula: MgO\n      default: true\n", "      formula: MgO\n", "0 default variants"},
		{"unknown source", "sources: [label-mgo-400]", "sources: [label-nowhere]", `unknown source "label-nowhere"`},
		{"unsourced variant", "      formula: MgO\n      default: true\n      sources: [pubchem]\n", "      formula: MgO\n      default: true\n", "formula has no source"},
		{"unsourced tolerance", "not a source's ranking\"\n    sources: [nih-ods]\n  variants:", "not a source's ranking\"\n  variants:", "tolerance has no source"},
		{"bad tolerance level", "    level: gentle\n", "    level: soft\n", "not one of gentle"},
		{"alias clash", "aliases: [carbonaat, magnesia alba]", "aliases: [carbonaat, magnesia alba, citraat]", `name "citraat" is also a name of`},
		{"formula as alias", "aliases: [carbonaat, magnesia alba]", "aliases: [carbonaat, magnesia alba, MgCO3]", `alias "MgCO3" is a formula`},
		{"name that reads as a formula", "aliases: [carbonaat, magnesia alba]", "aliases: [carbonaat, magnesia alba, mgo]", `name "mgo" reads as the formula of oxide:anhydrous`},
		{"alias with a foreign letter", "aliases: [carbonaat, magnesia alba]", "aliases: [carbonaat, magnesia alba, \"carbonat\u0435\"]", "U+0435"},
		{"one formula twice", "      formula: Mg(OH)2\n", "      formula: MgO\n", "has the formula of oxide:anhydrous"},
		{"formulas equal once folded", "      formula: Mg(OH)2\n", "      formula: MgCl26H2O\n", "reads like that of hydroxide:anhydrous once case is folded"},
		{"bad label", "{compound_mg: 400, elemental_mg: 241.3,", "{compound_mg: 400, elemental_mg: 500,", "elemental below compound"},
		{"bad assay", "min_percent: 14.5", "min_percent: 17", "not a range"},
		{"assay excludes the default", "min_percent: 14.5\n    max_percent: 16.4", "min_percent: 11\n    max_percent: 12", "excludes the default variant anhydrous (16.16 %"},
		{"carbonate default back to MgCO3", "      formula: (MgCO3)4·Mg(OH)2·5H2O\n      default: true\n", "      formula: (MgCO3)4·Mg(OH)2·5H2O\n", "0 default variants"},
		{"assay as a formula without Mg", "    as: MgO\n", "    as: SO3\n", "contains no Mg"},
		{"typed percentage", "carries {pct} %", "carries 8.9 %", "types a percentage by hand"},
		{"unknown placeholder", "carries {pct} %", "carries {avg_pct} %", "unknown placeholder"},
		{"prefer_label without source", "    sources: [efsa-dmm-2018, ciaaw-2021, pubchem]\n", "    sources: []\n", "prefer_label has no source"},
		{"prefer_label typed percentage", "run from {min_pct} to {max_pct} %", "run from 11.6 to 15.5 %", "prefer_label types a percentage"},
		{"duplicate variant", "    - key: monomagnesium\n", "    - key: nonahydrate\n", "used twice"},
		{"empty entry", "- key: pidolate\n", "-\n- key: pidolate\n", "is empty"},
		{"escape in a name", "name: magnesium oxide\n", "name: \"magnesium \\e[2Joxide\"\n", "name contains the control character U+001B"},
		{"DEL in a name", "name: magnesium oxide\n", "name: \"magnesium \\x7Foxide\"\n", "U+007F"},
		{"bidi override in a name", "name: magnesium oxide\n", "name: \"magnesium \\u202Eoxide\"\n", "U+202E"},
		{"line separator in a note", "carries {pct} %", "carries {pct} %\\u2028mgcalc: hint: fake", "U+2028"},
		{"tab in a note", "carries {pct} %", "carries {pct} %\\tx", "U+0009"},
		{"line break in a note", "carries {pct} %", "carries {pct} %\\nmgcalc: hint: fake", "U+000A"},
		{"formula under 1 % Mg", "formula: MgO\n", "formula: Mg(C1000)999\n", "under mgcalc's floor of 1 %"},
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

func TestBrokenNames(t *testing.T) {
	reg, w := registry(t)
	orig := string(data.Names)
	cases := []struct{ name, old, new, want string }{
		{"unknown field", "    note: \"a mixed salt of magnesium and potassium\"\n", "    notes: \"a mixed salt\"\n", "field notes not found"},
		{"name of a form", "aliases: [fumaraat]", "aliases: [fumaraat, citraat]", `name "citraat" is a name of the form citrate`},
		{"a formula", "aliases: [fumaraat]", "aliases: [fumaraat, mgcl2]", "reads as the formula of chloride:anhydrous"},
		{"twice", "aliases: [fumaraat]", "aliases: [fumaraat, trisilicate]", `name "trisilicate" is also a name of fumarate`},
		{"unsourced", "    sources: [eu-derogation-2009]\n  - key: trisilicate", "    sources: []\n  - key: trisilicate", "fumarate has no source"},
		{"refused without hint", "    hint: \"give the amount", "    note: \"give the amount", "needs a reason and a hint"},
		{"lacking with a reason", "    note: \"a mixed salt of magnesium and potassium\"\n", "    reason: \"a mixed salt\"\n", "no reason or hint"},
		{"bad key", "key: fumarate", "key: Fumarate", "must be lowercase"},
		{"item without placeholder", "({item} for 15 mL", "(hydroxide:1200mg for 15 mL", "must name its item once"},
		{"placeholder without item", "    item: {form: hydroxide, amount: 1200mg}\n", "", "there is no item"},
		{"item of no form", "item: {form: hydroxide,", "item: {form: hydroxyde,", "not a form's key"},
		{"item by alias", "item: {form: hydroxide,", "item: {form: magnesium hydroxide,", "not a form's key"},
		{"item amount", "amount: 1200mg}", "amount: 15 mL}", "not digits and a unit"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(orig, c.old) {
				t.Fatalf("names.yaml no longer contains %q; update the test", c.old)
			}
			broken := strings.Replace(orig, c.old, c.new, 1)
			_, err := forms.LoadWithNames(data.Forms, []byte(broken), w, reg)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want it to mention %q", err, c.want)
			}
		})
	}
}

func TestNotePercentagesAreComputed(t *testing.T) {
	want := map[string]string{"oxide": "(60.3 %)", "carbonate": "about 25.0 % magnesium; even anhydrous MgCO3 carries only 28.8 %", "taurate": "carries 8.9 %"}
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
	for _, s := range []string{"citrate", "citrate:nonahydrate", "Magnesium-L-threonaat", "bisglycnate", ":", "::", "magnesium",
		"MgCl2", "mgso4.7h2o", "MgCl2:hexahydrate", "Mg(OH)2", "hy\u0434roxide", "magnesium oil", "fumarate", "MgSO4·6H2O"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fm, v, err := tb.Resolve(s)
		if err != nil {
			var ne *forms.NameError
			if !errors.As(err, &ne) || ne.Msg == nil || ne.Kind == 0 {
				t.Fatalf("Resolve(%q) error %v (%T) is not a *forms.NameError", s, err, err)
			}
			return
		}
		if fm == nil || v == nil || !(v.Fraction > 0 && v.Fraction < 1) || !slices.Contains(fm.Variants, v) {
			t.Fatalf("Resolve(%q) = %v, %v", s, fm, v)
		}
		// A formula resolves to exactly its own composition, never a neighbour.
		formPart, _, _ := strings.Cut(s, ":")
		if c, err := chem.Parse(strings.TrimSpace(formPart)); err == nil && c.Count("Mg") > 0 && !c.Equal(v.Composition) {
			t.Fatalf("Resolve(%q) = %s:%s (%s), not the formula typed (%s)", s, fm.Key, v.Key, v.Composition, c)
		}
		// A name resolves to the form whose name it visibly is: the letters
		// and digits typed (nothing dropped) spell the key or an alias.
		visible := alnumOnly(norm.NFKC.String(strings.ToLower(strings.TrimSpace(formPart))))
		names := []string{}
		for _, n := range append([]string{fm.Key, fm.Name}, fm.Aliases...) {
			names = append(names, alnumOnly(strings.ToLower(n)))
		}
		for _, vv := range fm.Variants {
			names = append(names, alnumOnly(strings.ToLower(vv.Formula)), alnumOnly(strings.ToLower(vv.Composition.String())))
		}
		ok := false
		for _, n := range names {
			if visible == n || strings.TrimPrefix(visible, "magnesium") == n || strings.TrimPrefix(visible, "mag") == n {
				ok = true
			}
		}
		typed := strings.Trim(strings.TrimSpace(norm.NFKC.String(formPart)), ".*\u00b7\u2022 ")
		if c, err := chem.Parse(typed); !ok && !(err == nil && c.Count("Mg") > 0) {
			t.Fatalf("Resolve(%q) = %s, but the name typed spells %q, none of %v", s, fm.Key, visible, names)
		}
	})
}

// alnumOnly keeps ASCII letters and digits, and marks anything else that
// is not a separator, so a dropped character shows.
func alnumOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case strings.ContainsRune(" \t\u00a0-_'\u2018\u2019.*\u00b7\u2022()[]", r):
		default:
			b.WriteRune('#')
		}
	}
	return b.String()
}

// An assay above anything a form can carry is an error, not a warning:
// 100 % on citrate would turn 500 mg of salt into 500 mg of magnesium.
func TestCheckAssayImpossible(t *testing.T) {
	tb := table(t)
	for name, pct := range map[string]float64{"citrate": 100, "citrate:nonahydrate": 17, "oxide": 70, "carbonate": 30} {
		f, v, err := tb.Resolve(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := forms.CheckAssay(f, v, pct); err == nil || !strings.Contains(err.Error(), "more than any") {
			t.Errorf("%s at %v %%: %v, want an error", name, pct, err)
		}
	}
}

// FuzzLoad: any forms.yaml loads into a valid table or is refused with an
// error; a loaded table's every variant has a fraction computed from its
// formula, at least forms.MinFraction and below 1, and one default per form.
func FuzzLoad(f *testing.F) {
	reg, err := source.Load(data.Sources)
	if err != nil {
		f.Fatal(err)
	}
	w, err := forms.LoadWeights(data.Elements, reg)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data.Forms))
	f.Add("- key: x\n  name: x\n  tolerance: {level: unknown, note: n}\n  variants:\n    - {key: a, name: a, formula: MgO, default: true, sources: [pubchem]}\n")
	f.Add("- {key: x}\n")
	f.Add("[]")
	f.Fuzz(func(t *testing.T, s string) {
		tb, err := forms.Load([]byte(s), w, reg)
		if err != nil {
			return
		}
		for _, fm := range tb.Forms {
			defaults := 0
			for _, v := range fm.Variants {
				if !(v.Fraction >= forms.MinFraction && v.Fraction < 1) || v.Composition.Count("Mg") == 0 {
					t.Fatalf("%s:%s: fraction %v from %q", fm.Key, v.Key, v.Fraction, v.Formula)
				}
				if v.Default {
					defaults++
				}
			}
			if defaults != 1 {
				t.Fatalf("%s has %d defaults", fm.Key, defaults)
			}
		}
	})
}

func TestIsMagnesium(t *testing.T) {
	for _, s := range []string{"magnesium", "Magnesium", "Mg", "MG", "mg", "elemental magnesium", "Magnesium (elemental)",
		"elementair magnesium", "elementares Magnesium", " magnesium "} {
		if !forms.IsMagnesium(s) {
			t.Errorf("forms.IsMagnesium(%q) = false", s)
		}
	}
	for _, s := range []string{"magnesium citrate", "citrate", "MgO", "Mg(OH)2", "magnesia", "", "magnesiumcitraat", "mag"} {
		if forms.IsMagnesium(s) {
			t.Errorf("forms.IsMagnesium(%q) = true", s)
		}
	}
}
