package kb

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/data"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/source"
)

const regenerate = "pkg/kb/tables_gen.go does not match data/*.yaml: run `go generate ./pkg/kb`"

func TestTablesLoad(t *testing.T) {
	if _, err := Forms(); err != nil {
		t.Fatal(err)
	}
	if _, err := Limits(); err != nil {
		t.Fatal(err)
	}
	if _, err := Plan(); err != nil {
		t.Fatal(err)
	}
}

// yamlTables loads every table from the embedded YAML, as mgcalc did
// before the tables were generated.
type yamlTables struct {
	sources source.Registry
	forms   *forms.Table
	limits  *limits.Tables
	plan    *plan.Knowledge
}

func loadYAML(t testing.TB) yamlTables {
	t.Helper()
	reg, err := source.Load(data.Sources)
	if err != nil {
		t.Fatal(err)
	}
	w, err := forms.LoadWeights(data.Elements, reg)
	if err != nil {
		t.Fatal(err)
	}
	ft, err := forms.LoadWithNames(data.Forms, data.Names, w, reg)
	if err != nil {
		t.Fatal(err)
	}
	lt, err := limits.Load(data.Limits, reg)
	if err != nil {
		t.Fatal(err)
	}
	pk, err := plan.Load(data.Plan, ft, reg)
	if err != nil {
		t.Fatal(err)
	}
	return yamlTables{reg, ft, lt, pk}
}

// The generated literals are the YAML exactly as the strict decoders read
// it, before validation.
func TestGeneratedEqualsDecodedYAML(t *testing.T) {
	decode := func(f func() (any, error)) any {
		v, err := f()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, c := range []struct {
		file      string
		yaml, gen any
	}{
		{"sources.yaml", decode(func() (any, error) { return source.Decode(data.Sources) }), genSources()},
		{"elements.yaml", decode(func() (any, error) { return forms.DecodeElements(data.Elements) }), genElements()},
		{"forms.yaml", decode(func() (any, error) { return forms.DecodeForms(data.Forms) }), genForms()},
		{"names.yaml", decode(func() (any, error) { return forms.DecodeNames(data.Names) }), genNames()},
		{"limits.yaml", decode(func() (any, error) { return limits.Decode(data.Limits) }), genLimits()},
		{"plan.yaml", decode(func() (any, error) { return plan.Decode(data.Plan) }), genPlan()},
	} {
		if !reflect.DeepEqual(c.yaml, c.gen) {
			t.Errorf("data/%s: %s", c.file, regenerate)
		}
	}
}

// The tables mgcalc builds from the generated literals are the tables the
// YAML loaders build: every form, variant (formula, molar mass, fraction),
// name, limit band, goal and rule, deep-equal.
func TestGeneratedTablesEqualYAMLTables(t *testing.T) {
	y := loadYAML(t)
	reg, err := Sources()
	if err != nil {
		t.Fatal(err)
	}
	ft, err := Forms()
	if err != nil {
		t.Fatal(err)
	}
	lt, err := Limits()
	if err != nil {
		t.Fatal(err)
	}
	pk, err := Plan()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(reg, y.sources) {
		t.Errorf("the sources differ: %s", regenerate)
	}
	if !reflect.DeepEqual(lt, y.limits) {
		t.Errorf("the limits differ: %s", regenerate)
	}
	if !reflect.DeepEqual(pk, y.plan) {
		t.Errorf("the plan knowledge differs: %s", regenerate)
	}
	if !reflect.DeepEqual(ft, y.forms) {
		t.Errorf("the form tables differ: %s", regenerate)
	}
	// Name the variants whose chemistry differs, to make a failure readable.
	if len(ft.Forms) != len(y.forms.Forms) {
		t.Fatalf("%d forms, YAML %d: %s", len(ft.Forms), len(y.forms.Forms), regenerate)
	}
	for i, f := range ft.Forms {
		yf := y.forms.Forms[i]
		if f.Key != yf.Key || len(f.Variants) != len(yf.Variants) {
			t.Errorf("form %d: %s with %d variants, YAML %s with %d", i+1, f.Key, len(f.Variants), yf.Key, len(yf.Variants))
			continue
		}
		for j, v := range f.Variants {
			yv := yf.Variants[j]
			got := fmt.Sprintf("%s %s %v %v %v", v.Key, v.Formula, v.Composition, v.MolarMass, v.Fraction)
			want := fmt.Sprintf("%s %s %v %v %v", yv.Key, yv.Formula, yv.Composition, yv.MolarMass, yv.Fraction)
			if got != want {
				t.Errorf("%s: %s, YAML %s", f.Key, got, want)
			}
		}
	}
}

// Each call of a generated function is a new copy: building a table
// completes it in place, and must not change the next one.
func TestGeneratedCopiesAreFresh(t *testing.T) {
	a, b := genForms(), genForms()
	if a[0] == b[0] || &a[0].Variants[0] == &b[0].Variants[0] {
		t.Fatal("genForms returns shared values")
	}
	reg, err := Sources()
	if err != nil {
		t.Fatal(err)
	}
	w, err := forms.BuildWeights(genElements(), reg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := forms.Build(a, genNames(), w, reg); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(b, genForms()) {
		t.Fatal("building one copy changed another")
	}
}

// BenchmarkLoadTables is what every mgcalc call paid before the tables
// were generated: decoding and validating the embedded YAML.
func BenchmarkLoadTables(b *testing.B) {
	for b.Loop() {
		reg, err := source.Load(data.Sources)
		if err != nil {
			b.Fatal(err)
		}
		w, err := forms.LoadWeights(data.Elements, reg)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := forms.LoadWithNames(data.Forms, data.Names, w, reg); err != nil {
			b.Fatal(err)
		}
		if _, err := limits.Load(data.Limits, reg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildTables is the start-up cost a call that converts pays
// now: the bibliography, the form table and the limits built and
// validated from the generated literals (formulas parsed, fractions
// computed).
func BenchmarkBuildTables(b *testing.B) {
	for b.Loop() {
		reg, err := source.Build(genSources())
		if err != nil {
			b.Fatal(err)
		}
		w, err := forms.BuildWeights(genElements(), reg)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := forms.Build(genForms(), genNames(), w, reg); err != nil {
			b.Fatal(err)
		}
		if err := limits.Validate(genLimits(), reg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildPlan is what `plan` and `forms show` add: the plan
// knowledge built and validated against the form table.
func BenchmarkBuildPlan(b *testing.B) {
	reg, err := Sources()
	if err != nil {
		b.Fatal(err)
	}
	ft, err := Forms()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := plan.Build(genPlan(), ft, reg); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFormsFromKeepsTheGuardsThatFit: a table of the user's keeps the
// built-in name guards where they fit its forms, and only there.
func TestFormsFromKeepsTheGuardsThatFit(t *testing.T) {
	errText := func(tb *forms.Table, name string) string {
		t.Helper()
		_, _, err := tb.Resolve(name)
		if err == nil {
			t.Fatalf("%q resolved", name)
		}
		return err.Error()
	}
	same, err := FormsFrom(data.Forms)
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := Forms()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sulfite", "maleate", "acetate", "magnesium oil"} {
		if got, want := errText(same, name), errText(builtin, name); got != want {
			t.Errorf("%s with the built-in YAML as --table: %q, built in: %q", name, got, want)
		}
	}

	// without sulfate, "sulfite" is not "another salt than sulfate": unknown
	src := string(data.Forms)
	i, j := strings.Index(src, "- key: sulfate\n"), strings.Index(src, "- key: lactate\n")
	if i < 0 || j < i {
		t.Fatal("forms.yaml no longer has sulfate before lactate; update the test")
	}
	noSulfate, err := FormsFrom([]byte(src[:i] + src[j:]))
	if err != nil {
		t.Fatal(err)
	}
	if got := errText(noSulfate, "sulfite"); strings.Contains(got, "sulfate") {
		t.Errorf("sulfite without sulfate: %q", got)
	}
	if got := errText(noSulfate, "magnesium oil"); got != errText(builtin, "magnesium oil") {
		t.Errorf("magnesium oil without sulfate: %q", got)
	}

	// a file that defines acetate has it; the "no formula" entry gives way
	acetate := "- key: acetate\n  name: magnesium acetate\n  tolerance: {level: unknown, note: n}\n  variants:\n" +
		"    - {key: tetrahydrate, name: tetrahydrate, formula: Mg(C2H3O2)2·4H2O, default: true, sources: [pubchem]}\n"
	own, err := FormsFrom([]byte(acetate))
	if err != nil {
		t.Fatal(err)
	}
	if f, _, err := own.Resolve("acetate"); err != nil || f.Key != "acetate" {
		t.Errorf("acetate in its own table: %v", err)
	}
}

// A --table form is matched by what it is: a hydrate of L-threonate under
// another key meets the pregnancy gate, a hydrate of oxide under another
// key meets the interactions of the antacid salts, and hydroxide, which
// is oxide plus water by composition, stays hydroxide. (A form table
// refuses a formula that another form already has.)
func TestPlanForMatchesFormsByFormula(t *testing.T) {
	extra := `
- key: brainmag
  name: brain magnesium
  tolerance: {level: unknown, note: "none"}
  variants:
    - {key: dihydrate, name: brain magnesium dihydrate, formula: Mg(C4H7O5)2·2H2O, default: true, sources: [pubchem]}
- key: mgo-tabs
  name: oxide tablets
  tolerance: {level: unknown, note: "none"}
  variants:
    - {key: plain, name: oxide tablets, formula: MgO·2H2O, default: true, sources: [pubchem]}
`
	ft, err := FormsFrom(append(append([]byte{}, data.Forms...), extra...))
	if err != nil {
		t.Fatal(err)
	}
	k, err := PlanFor(ft)
	if err != nil {
		t.Fatal(err)
	}
	lt, _ := Limits()
	a, _ := lt.ResolveAuthority("nih")
	pregnant := a.For(limits.Person{Age: 30, AgeSet: true, Sex: limits.Female, Pregnant: true})
	brain, v, err := ft.Resolve("brainmag")
	if err != nil {
		t.Fatal(err)
	}
	_, err = plan.Make(k, plan.Request{Goal: k.Goal("sleep"), Form: brain, Variant: v, Limit: pregnant})
	var ref *plan.Refusal
	if !errors.As(err, &ref) || !strings.Contains(err.Error(), "pregnancy") {
		t.Errorf("a threonate hydrate under another key in pregnancy: %v", err)
	}
	mgo, v, _ := ft.Resolve("mgo-tabs")
	p, err := plan.Make(k, plan.Request{Goal: k.Goal("sleep"), Form: mgo, Variant: v, Limit: a.For(limits.Person{}), Meds: []string{"sinemet"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Spacing) != 1 || !p.Spacing[0].Applies {
		t.Errorf("levodopa with oxide under another key: %+v", p.Spacing)
	}
	hyd, _, _ := ft.Resolve("hydroxide")
	if k.FormIs(hyd, "oxide") || !k.FormIs(hyd, "hydroxide") || !k.FormIs(mgo, "oxide") || k.FormIs(brain, "oxide") {
		t.Errorf("identities: hydroxide is oxide %v, hydroxide %v; mgo-tabs oxide %v; brainmag oxide %v",
			k.FormIs(hyd, "oxide"), k.FormIs(hyd, "hydroxide"), k.FormIs(mgo, "oxide"), k.FormIs(brain, "oxide"))
	}
}
