package limits_test

import (
	"math"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/data"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/source"
)

func tables(t *testing.T) *limits.Tables {
	t.Helper()
	tb, err := kb.Limits()
	if err != nil {
		t.Fatalf("the embedded limits do not load: %v", err)
	}
	return tb
}

func age(a float64) limits.Person { return limits.Person{Age: a, AgeSet: true} }

func TestUpperLimitBands(t *testing.T) {
	tb := tables(t)
	cases := []struct {
		auth string
		p    limits.Person
		want float64 // NaN: none set
	}{
		{"nih", age(0), math.NaN()}, {"nih", age(0.999), math.NaN()}, {"nih", age(1), 65}, {"nih", age(3.99), 65},
		{"nih", age(4), 110}, {"nih", age(8.5), 110}, {"nih", age(9), 350}, {"nih", limits.Person{}, 350},
		{"efsa", age(3.99), math.NaN()}, {"efsa", age(4), 250}, {"efsa", limits.Person{}, 250},
		{"evm", age(17.9), math.NaN()}, {"evm", age(18), 400}, {"evm", limits.Person{}, 400},
	}
	for _, c := range cases {
		b := tb.Authority(c.auth).UL(c.p)
		switch {
		case math.IsNaN(c.want) && b.Mg != nil:
			t.Errorf("%s at %v: UL %v, want none", c.auth, c.p.Age, *b.Mg)
		case !math.IsNaN(c.want) && (b.Mg == nil || *b.Mg != c.want):
			t.Errorf("%s at %v: UL %v, want %v", c.auth, c.p.Age, b.Mg, c.want)
		}
	}
}

func TestIntakeRanges(t *testing.T) {
	tb := tables(t)
	in := tb.USRDA.Lookup(limits.Person{})
	if !in.Set || in.Min != 310 || in.Max != 420 || in.Exact() {
		t.Errorf("adult, sex unknown: %+v, want 310-420", in)
	}
	in = tb.USRDA.Lookup(limits.Person{Sex: limits.Female, Pregnant: true})
	if in.Min != 350 || in.Max != 360 {
		t.Errorf("pregnant adult, age unknown: %+v, want 350-360", in)
	}
	in = tb.EFSAAI.Lookup(age(0.2))
	if in.Set {
		t.Errorf("EFSA sets no AI under 6 months, got %+v", in)
	}
	in = tb.USRDA.Lookup(limits.Person{Age: 60, AgeSet: true, Sex: limits.Female, Pregnant: true})
	if in.Set {
		t.Errorf("no pregnancy value past 50 is sourced, got %+v", in)
	}
}

func TestPersonValidate(t *testing.T) {
	bad := []limits.Person{
		{Age: -1, AgeSet: true}, {Age: 131, AgeSet: true}, {Age: math.NaN(), AgeSet: true},
		{Pregnant: true, Lactating: true}, {Sex: limits.Male, Pregnant: true},
		{Age: 5, AgeSet: true, Pregnant: true}, {Age: 13.9, AgeSet: true, Lactating: true}, {Age: 51, AgeSet: true, Pregnant: true},
	}
	for _, p := range bad {
		if p.Validate() == nil {
			t.Errorf("%+v accepted", p)
		}
	}
	good := []limits.Person{{}, age(0), age(130), {Age: 14, AgeSet: true, Pregnant: true}, {Age: 50.9, AgeSet: true, Lactating: true}, {Pregnant: true}}
	for _, p := range good {
		if err := p.Validate(); err != nil {
			t.Errorf("%+v: %v", p, err)
		}
	}
	if p := (limits.Person{Pregnant: true}).Normalized(); p.Sex != limits.Female {
		t.Error("pregnancy should imply female")
	}
	for in, want := range map[string]limits.Sex{"m": limits.Male, "Female": limits.Female, "": ""} {
		if got, err := limits.ParseSex(in); err != nil || got != want {
			t.Errorf("ParseSex(%q) = %v, %v", in, got, err)
		}
	}
}

func TestBrokenLimits(t *testing.T) {
	reg, err := source.Load(data.Sources)
	if err != nil {
		t.Fatal(err)
	}
	orig := string(data.Limits)
	cases := []struct{ name, old, new, want string }{
		{"gap", "{from: 4, to: 9, mg: 110", "{from: 5, to: 9, mg: 110", "gap or overlap"},
		{"unsourced", "{from: 4, to: 9, mg: 110, sources: [iom-1997, nih-ods]}", "{from: 4, to: 9, mg: 110, sources: []}", "has no source"},
		{"unknown source", "sources: [evm-2003]}", "sources: [evm-2030]}", `unknown source "evm-2030"`},
		{"unknown key", "    kind: safe-upper-level\n", "    kind: safe-upper-level\n    colour: red\n", "field colour not found"},
		{"bad ul kind", "    kind: safe-upper-level\n", "    kind: safe upper level\n", `kind "safe upper level" is not`},
		{"bad intake", "    intake: efsa_ai\n", "    intake: nl_adh\n", `intake "nl_adh"`},
		{"implausible", "{from: 9, mg: 350,", "{from: 9, mg: -350,", "not a plausible limit"},
		{"closed last band", "{from: 18, mg: 400,", "{from: 18, to: 99, mg: 400,", "open-ended"},
		{"bad kind", "kind: RDA, male: 80", "kind: EAR, male: 80", `kind "EAR"`},
		{"no default authority", "  - key: nih\n", "  - key: usa\n", `default authority "nih" is missing`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(orig, c.old) {
				t.Fatalf("limits.yaml no longer contains %q; update the test", c.old)
			}
			_, err := limits.Load([]byte(strings.Replace(orig, c.old, c.new, 1)), reg)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want %q", err, c.want)
			}
		})
	}
}
