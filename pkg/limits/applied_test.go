package limits_test

import (
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
)

func applied(t *testing.T, auth string, p limits.Person) limits.Applied {
	t.Helper()
	a, err := tables(t).ResolveAuthority(auth)
	if err != nil {
		t.Fatal(err)
	}
	return a.For(p)
}

// The verdict is taken on the unrounded amount at the one documented
// tolerance: equal (up to float noise) is not over; 0.006 mg above is.
func TestCheckTolerance(t *testing.T) {
	l := applied(t, "nih", limits.Person{})
	cases := []struct {
		mg   float64
		over bool
	}{
		{349.995, false}, {350, false}, {350 + 1e-9, false}, {350.004, false}, {350.0051, true}, {350.006, true}, {400, true},
		{3 * 116.66666666666667, false}, // 350 with float noise
	}
	for _, c := range cases {
		if got := l.Check(c.mg); !got.HasLimit || got.Over != c.over {
			t.Errorf("Check(%v) = %+v, want over=%v", c.mg, got, c.over)
		}
	}
	if got := l.Check(175); got.Percent != 50 {
		t.Errorf("percent of 175 = %v, want 50", got.Percent)
	}
}

// Without a limit nothing is over, and the check says there is no limit.
func TestCheckWithoutLimit(t *testing.T) {
	for _, c := range []struct {
		auth string
		age  float64
	}{{"nih", 0.5}, {"efsa", 3}, {"evm", 12}} {
		l := applied(t, c.auth, age(c.age))
		if got := l.Check(1000); got.HasLimit || got.Over {
			t.Errorf("%s at %v: %+v, want no limit and not over", c.auth, c.age, got)
		}
	}
}

func texts(ms []*msg.Message) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m.Error() + "\n")
	}
	return b.String()
}

// Children get the "ask a doctor" advice under every authority, whether
// or not the authority sets a limit for them.
func TestChildCautionsDoNotDependOnAuthority(t *testing.T) {
	for _, auth := range []string{"nih", "efsa", "evm"} {
		for _, a := range []float64{2, 6, 12, 17.5} {
			got := texts(applied(t, auth, age(a)).Cautions())
			if !strings.Contains(got, "ask a doctor before giving magnesium supplements") {
				t.Errorf("%s, age %v: cautions %q lack the children's advice", auth, a, got)
			}
		}
	}
	if got := texts(applied(t, "nih", age(0.5)).Cautions()); !strings.Contains(got, "infants") {
		t.Errorf("infant cautions: %q", got)
	}
	if got := texts(applied(t, "nih", limits.Person{}).Cautions()); got != "" {
		t.Errorf("an adult gets cautions: %q", got)
	}
	got := texts(applied(t, "nih", limits.Person{Sex: limits.Female, Pregnant: true}).Cautions())
	if !strings.Contains(got, "midwife") {
		t.Errorf("pregnancy cautions: %q", got)
	}
}

// Ages are never rounded up into another band's label.
func TestWhoTruncates(t *testing.T) {
	for a, want := range map[float64]string{17.99: "age 17.9", 3.96: "age 3.9", 6: "age 6", 0.5: "age 6 months"} {
		if got := limits.Who(age(a)).Error(); got != want {
			t.Errorf("Who(%v) = %q, want %q", a, got, want)
		}
	}
}

// --diet compares with the authority's own intake reference where it
// sets one; EFSA 2015 gives pregnant and lactating teenagers the AI of
// girls of the same age.
func TestReference(t *testing.T) {
	tb := tables(t)
	for auth, want := range map[string]string{"nih": "us_rda", "efsa": "efsa_ai", "evm": "us_rda"} {
		a, _ := tb.ResolveAuthority(auth)
		r := tb.Reference(a)
		if r.Key != want || r.Fallback != (auth == "evm") {
			t.Errorf("%s: reference %+v", auth, r)
		}
	}
	in := tb.EFSAAI.Lookup(limits.Person{Age: 16, AgeSet: true, Sex: limits.Female, Pregnant: true})
	if !in.Exact() || in.Min != 250 {
		t.Errorf("EFSA AI, pregnant at 16: %+v, want 250", in)
	}
}

func TestResolveAuthority(t *testing.T) {
	if a, err := tables(t).ResolveAuthority(" EFSA "); err != nil || a.Key != "efsa" {
		t.Errorf("ResolveAuthority(EFSA) = %v, %v", a, err)
	}
	if _, err := tables(t).ResolveAuthority("who"); err == nil || strings.Contains(err.Error(), "--") {
		t.Errorf("unknown authority: %v (a domain error names no flag)", err)
	}
}
