package plan_test

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/plan"
)

func knowledge(t *testing.T) (*plan.Knowledge, *limits.Tables) {
	t.Helper()
	k, err := kb.Plan()
	if err != nil {
		t.Fatalf("the embedded plan knowledge does not load: %v", err)
	}
	lt, err := kb.Limits()
	if err != nil {
		t.Fatal(err)
	}
	return k, lt
}

const eps = 1e-9

// checkPlan asserts the schedule's invariants.
func checkPlan(t *testing.T, k *plan.Knowledge, p *plan.Plan, r plan.Request, what string) {
	t.Helper()
	start := k.Titration.StartNormal.Value
	if r.Gut == plan.GutSensitive {
		start = k.Titration.StartSensitive.Value
	}
	if len(p.Steps) == 0 {
		t.Fatalf("%s: no steps", what)
	}
	first := start
	if p.UnitStart {
		// one unit above the start dose, within the sourced start range
		first = k.Titration.StartMax.Value
		if p.Steps[0].Units != 1 && p.Steps[0].Units != 0.5 {
			t.Fatalf("%s: a first step above the start is %v units, not one", what, p.Steps[0].Units)
		}
	}
	if p.Steps[0].FirstDay != 1 || p.Steps[0].ElementalMg > first+eps {
		t.Fatalf("%s: first step %+v, want day 1 at or below %v mg", what, p.Steps[0], first)
	}
	if math.Abs(p.ReachedMg-p.Steps[len(p.Steps)-1].ElementalMg) > eps {
		t.Fatalf("%s: reached %v, the last step %v", what, p.ReachedMg, p.Steps[len(p.Steps)-1].ElementalMg)
	}
	ul := *r.Limit.Mg()
	for i, s := range p.Steps {
		if i > 0 {
			prev := p.Steps[i-1]
			if s.ElementalMg < prev.ElementalMg-eps {
				t.Fatalf("%s: step %d decreases: %v after %v", what, i+1, s.ElementalMg, prev.ElementalMg)
			}
			if s.FirstDay != prev.LastDay+1 {
				t.Fatalf("%s: step %d starts on day %d after a step ending on day %d", what, i+1, s.FirstDay, prev.LastDay)
			}
		}
		if s.LastDay < s.FirstDay {
			t.Fatalf("%s: step %d ends before it starts", what, i+1)
		}
		if !r.Supervised && (s.ElementalMg > ul+limits.Tolerance || s.Check.Over) {
			t.Fatalf("%s: step %d is %v mg, above the %v mg limit", what, i+1, s.ElementalMg, ul)
		}
		if ceiling := math.Max(p.TargetMg, p.Target.Max); s.ElementalMg > p.TargetMg+eps && (!r.Unit.IsSet() || s.ElementalMg > ceiling+eps) {
			t.Fatalf("%s: step %d is %v mg, above the %v mg target (range top %v)", what, i+1, s.ElementalMg, p.TargetMg, p.Target.Max)
		}
		if s.ElementalMg > p.TargetMg+eps && i != len(p.Steps)-1 {
			t.Fatalf("%s: step %d passes the target before the last step", what, i+1)
		}
		sum, units := 0.0, 0.0
		for _, in := range s.Intakes {
			sum += in.ElementalMg
			units += in.Units
			if in.ElementalMg <= 0 {
				t.Fatalf("%s: step %d has an empty intake", what, i+1)
			}
		}
		if math.Abs(sum-s.ElementalMg) > 1e-6 {
			t.Fatalf("%s: step %d intakes add up to %v, the day is %v", what, i+1, sum, s.ElementalMg)
		}
		split := s.ElementalMg > k.Titration.SplitAbove.Value+eps
		if r.Unit.IsSet() {
			grain := p.UnitElMg
			if r.Unit.Half {
				grain /= 2
			}
			n := s.ElementalMg / grain
			if math.Abs(n-math.Round(n)) > 1e-6 {
				t.Fatalf("%s: step %d is %v mg, not whole units of %v", what, i+1, s.ElementalMg, grain)
			}
			for _, in := range s.Intakes {
				if m := in.ElementalMg / grain; math.Abs(m-math.Round(m)) > 1e-6 {
					t.Fatalf("%s: an intake of %v mg is not whole units of %v", what, in.ElementalMg, grain)
				}
			}
			if math.Abs(units-s.Units) > 1e-9 {
				t.Fatalf("%s: step %d intakes hold %v units, the day %v", what, i+1, units, s.Units)
			}
			split = split && math.Round(n) >= 2
		}
		if want := map[bool]int{true: 2, false: 1}[split]; len(s.Intakes) != want {
			t.Fatalf("%s: step %d (%v mg) has %d intakes, want %d by the split rule", what, i+1, s.ElementalMg, len(s.Intakes), want)
		}
		if !split && s.Intakes[0].When != p.Goal.Timing.When {
			t.Fatalf("%s: a single intake at %s, the goal's timing is %s", what, s.Intakes[0].When, p.Goal.Timing.When)
		}
	}
}

// Over every goal × gut × authority × adult age × sex × pregnancy, with and
// without whole units: the schedule's invariants hold, or the plan is
// refused for a reason the sources give.
func TestPropertySchedules(t *testing.T) {
	k, lt := knowledge(t)
	type person struct {
		limits.Person
		name string
	}
	var people []person
	for _, age := range []float64{18, 25, 40, 60, 85} {
		for _, sex := range []limits.Sex{"", limits.Male, limits.Female} {
			people = append(people, person{limits.Person{Age: age, AgeSet: true, Sex: sex}, fmt.Sprintf("%v %s", age, sex)})
			if sex == limits.Female && age <= 50 {
				people = append(people, person{limits.Person{Age: age, AgeSet: true, Sex: sex, Pregnant: true}, fmt.Sprintf("%v pregnant", age)})
				people = append(people, person{limits.Person{Age: age, AgeSet: true, Sex: sex, Lactating: true}, fmt.Sprintf("%v lactating", age)})
			}
		}
	}
	people = append(people, person{limits.Person{}, "adult"})
	units := []plan.Unit{{}, {CompoundMg: 500}, {ElementalMg: 100}, {ElementalMg: 120, Half: true}, {CompoundMg: 250, Half: true}}
	n := 0
	for _, g := range k.Goals {
		for _, gut := range []plan.Gut{plan.GutNormal, plan.GutSensitive} {
			for _, auth := range lt.UpperLimits {
				for _, pe := range people {
					for _, u := range units {
						r := plan.Request{Goal: g, Gut: gut, Limit: auth.For(pe.Person), Unit: u}
						what := fmt.Sprintf("%s/%s/%s/%s/%+v", g.Key, gut, auth.Key, pe.name, u)
						p, err := plan.Make(k, r)
						if err != nil {
							var ref *plan.Refusal
							if errors.As(err, &ref) && g.Key == "cognition" && (pe.Pregnant || pe.Lactating) {
								continue // the one form with evidence is excluded; nothing replaces it
							}
							if errors.As(err, &ref) {
								t.Fatalf("%s: refused: %v", what, err)
							}
							// a unit larger than the sourced start range (or
							// the target) is the person's to change
							var ue *plan.UnitError
							if u.IsSet() && errors.As(err, &ue) {
								continue
							}
							t.Fatalf("%s: %v", what, err)
						}
						n++
						checkPlan(t, k, p, r, what)
						if (pe.Pregnant || pe.Lactating) && (p.Form.Key == "threonate" || containsForm(p.Alternatives, "threonate")) {
							t.Fatalf("%s: threonate offered in pregnancy or lactation", what)
						}
					}
				}
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d plans were checked", n)
	}
}

func containsForm(cs []*plan.Choice, f string) bool {
	for _, c := range cs {
		if c.Form == f {
			return true
		}
	}
	return false
}

func adultPlan(t *testing.T, k *plan.Knowledge, lt *limits.Tables, goal, auth string, mod func(*plan.Request)) (*plan.Plan, error) {
	t.Helper()
	a, err := lt.ResolveAuthority(auth)
	if err != nil {
		t.Fatal(err)
	}
	r := plan.Request{Goal: k.Goal(goal), Gut: plan.GutNormal, Limit: a.For(limits.Person{})}
	if mod != nil {
		mod(&r)
	}
	return plan.Make(k, r)
}

func refused(t *testing.T, err error, want string) {
	t.Helper()
	var ref *plan.Refusal
	if !errors.As(err, &ref) || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want a refusal mentioning %q", err, want)
	}
}

// The gates: kidneys, heart block, myasthenia, children, targets above
// the limit without supervision.
func TestGates(t *testing.T) {
	k, lt := knowledge(t)
	_, err := adultPlan(t, k, lt, "sleep", "nih", func(r *plan.Request) { r.Kidney = plan.KidneyImpaired })
	refused(t, err, "kidney")
	low, ok := 29.0, 45.0
	_, err = adultPlan(t, k, lt, "sleep", "nih", func(r *plan.Request) { r.EGFR = &low })
	refused(t, err, "eGFR")
	p, err := adultPlan(t, k, lt, "sleep", "nih", func(r *plan.Request) { r.EGFR = &ok })
	if err != nil || !strings.Contains(fmt.Sprint(p.Warnings), "eGFR") {
		t.Errorf("eGFR 45: %v, warnings %v", err, p)
	}
	for _, c := range []string{"heart-block", "bradycardia", "myasthenia-gravis"} {
		g := k.Condition(c)
		if g == nil {
			t.Fatalf("condition %s unknown", c)
		}
		_, err = adultPlan(t, k, lt, "heart", "nih", func(r *plan.Request) { r.Conditions = []*plan.Gate{g} })
		refused(t, err, "no plan with")
	}
	a, _ := lt.ResolveAuthority("nih")
	_, err = plan.Make(k, plan.Request{Goal: k.Goal("sleep"), Limit: a.For(limits.Person{Age: 16, AgeSet: true})})
	refused(t, err, "under 18")
	_, err = adultPlan(t, k, lt, "migraine", "nih", func(r *plan.Request) { r.TargetMg = 600 })
	refused(t, err, "above the 350 mg/day upper limit")
	p, err = adultPlan(t, k, lt, "migraine", "nih", func(r *plan.Request) { r.TargetMg = 600; r.Supervised = true })
	if err != nil || p.Steps[len(p.Steps)-1].ElementalMg != 600 || !strings.Contains(fmt.Sprint(p.Warnings), "medical supervision") {
		t.Errorf("supervised 600 mg: %v", err)
	}
}

// The default target never passes the authority's limit.
func TestTargetCappedAtLimit(t *testing.T) {
	k, lt := knowledge(t)
	for _, g := range k.Goals {
		for _, auth := range []string{"nih", "efsa", "evm"} {
			p, err := adultPlan(t, k, lt, g.Key, auth, nil)
			if err != nil {
				t.Fatalf("%s/%s: %v", g.Key, auth, err)
			}
			if ul := *p.Limit.Mg(); p.TargetMg > ul {
				t.Errorf("%s/%s: target %v above the limit %v", g.Key, auth, p.TargetMg, ul)
			}
		}
	}
}

// A sensitive gut starts lower, steps slower and gets a gentle form.
func TestSensitiveGut(t *testing.T) {
	k, lt := knowledge(t)
	n, _ := adultPlan(t, k, lt, "sleep", "nih", nil)
	s, _ := adultPlan(t, k, lt, "sleep", "nih", func(r *plan.Request) { r.Gut = plan.GutSensitive })
	if s.Steps[0].ElementalMg >= n.Steps[0].ElementalMg || s.Steps[0].LastDay <= n.Steps[0].LastDay {
		t.Errorf("sensitive %+v vs normal %+v", s.Steps[0], n.Steps[0])
	}
	if s.Form.Tolerance.Level != "gentle" {
		t.Errorf("sensitive gut got %s (%s)", s.Form.Key, s.Form.Tolerance.Level)
	}
	c, _ := adultPlan(t, k, lt, "constipation", "nih", func(r *plan.Request) { r.Gut = plan.GutSensitive })
	if len(c.Warnings) == 0 {
		t.Error("constipation with a sensitive gut: no warning of the conflict")
	}
}

// Medicines: spacing for known classes (the longest rule where sources
// differ), doctor advice for depleting ones, unknown names reported.
func TestMeds(t *testing.T) {
	k, lt := knowledge(t)
	p, err := adultPlan(t, k, lt, "sleep", "nih", func(r *plan.Request) {
		r.Meds = []string{"Levothyroxine", "doxycycline", "omeprazole", "unobtainium"}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Spacing) != 2 || len(p.Depleting) != 1 || len(p.UnknownMeds) != 1 || p.UnknownMeds[0] != "unobtainium" {
		t.Fatalf("spacing %d, depleting %d, unknown %v", len(p.Spacing), len(p.Depleting), p.UnknownMeds)
	}
	for _, s := range p.Spacing {
		for _, sp := range s.Interaction.Spacings {
			if sp.BeforeHours > s.BeforeHours || sp.AfterHours > s.AfterHours {
				t.Errorf("%s: applied %v/%v h, a source says %v/%v", s.Interaction.Key, s.BeforeHours, s.AfterHours, sp.BeforeHours, sp.AfterHours)
			}
		}
	}
	if !strings.Contains(fmt.Sprint(p.Warnings), "unobtainium") {
		t.Error("the unknown medicine is not reported")
	}
}

// Threonate is refused by name in pregnancy.
func TestThreonateInPregnancy(t *testing.T) {
	k, lt := knowledge(t)
	ft, _ := kb.Forms()
	f, v, _ := ft.Resolve("threonate")
	a, _ := lt.ResolveAuthority("nih")
	_, err := plan.Make(k, plan.Request{Goal: k.Goal("cognition"), Form: f, Variant: v,
		Limit: a.For(limits.Person{Age: 30, AgeSet: true, Sex: limits.Female, Pregnant: true})})
	refused(t, err, "pregnancy")
}

// In pregnancy, cognition has no form to recommend: threonate is excluded
// and no form without cognition evidence is put in its place.
func TestPregnancyNoSubstitute(t *testing.T) {
	k, lt := knowledge(t)
	a, _ := lt.ResolveAuthority("efsa")
	_, err := plan.Make(k, plan.Request{Goal: k.Goal("cognition"), Limit: a.For(limits.Person{Age: 30, AgeSet: true, Sex: limits.Female, Pregnant: true})})
	refused(t, err, "in pregnancy or lactation")
	p, err := plan.Make(k, plan.Request{Goal: k.Goal("sleep"), Limit: a.For(limits.Person{Age: 30, AgeSet: true, Sex: limits.Female, Lactating: true})})
	if err != nil || p.Form.Key == "threonate" {
		t.Errorf("sleep while lactating: %v, %v", err, p)
	}
}

func warned(p *plan.Plan, sub string) bool {
	return strings.Contains(fmt.Sprint(p.Warnings), sub)
}

// Every plan made without kidney, eGFR or conditions says when magnesium is
// ruled out; a plan that was told does not.
func TestScreenLine(t *testing.T) {
	k, lt := knowledge(t)
	p, _ := adultPlan(t, k, lt, "sleep", "nih", nil)
	if !warned(p, "myasthenia gravis") || !warned(p, "kidney disease") {
		t.Errorf("no screening line: %v", p.Warnings)
	}
	egfr := 90.0
	p, _ = adultPlan(t, k, lt, "sleep", "nih", func(r *plan.Request) { r.EGFR = &egfr })
	if warned(p, "myasthenia gravis") {
		t.Errorf("the screening line with an eGFR given: %v", p.Warnings)
	}
	// dehydration is a caution (a plan with a warning), infection stones a gate
	p, err := adultPlan(t, k, lt, "sleep", "nih", func(r *plan.Request) { r.Conditions = []*plan.Gate{k.Condition("uitdroging")} })
	if err != nil || !warned(p, "dehydration") || warned(p, "myasthenia gravis") {
		t.Errorf("dehydration: %v, %v", err, p)
	}
	_, err = adultPlan(t, k, lt, "sleep", "nih", func(r *plan.Request) { r.Conditions = []*plan.Gate{k.Condition("struvite")} })
	refused(t, err, "infection stones")
}

// Every plan says that other magnesium counts.
func TestOtherMagnesiumInEveryPlan(t *testing.T) {
	k, lt := knowledge(t)
	for _, g := range k.Goals {
		p, err := adultPlan(t, k, lt, g.Key, "efsa", nil)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(fmt.Sprint(p.Advice), "multivitamins, antacids and laxatives") {
			t.Errorf("%s: the advice does not say other magnesium counts", g.Key)
		}
	}
}

// Migraine and heart plans stop below the tested doses and say so; a
// supervised target at the trial dose does not.
func TestUntestedDose(t *testing.T) {
	k, lt := knowledge(t)
	for goal, want := range map[string]string{"migraine": "whether it prevents attacks is untested", "heart": "whether a lower dose lowers blood pressure is untested"} {
		p, _ := adultPlan(t, k, lt, goal, "nih", nil)
		if !warned(p, want) {
			t.Errorf("%s: no untested-dose warning: %v", goal, p.Warnings)
		}
	}
	p, err := adultPlan(t, k, lt, "migraine", "nih", func(r *plan.Request) { r.TargetMg = 600; r.Supervised = true })
	if err != nil || warned(p, "prevents attacks is untested") || !strings.Contains(fmt.Sprint(p.Advice), "mgcalc's rule for self-care") {
		t.Errorf("supervised 600 mg: %v, warnings %v, advice %v", err, p.Warnings, p.Advice)
	}
	p, _ = adultPlan(t, k, lt, "sleep", "nih", nil)
	if warned(p, "untested") {
		t.Errorf("sleep: an untested-dose warning: %v", p.Warnings)
	}
}

// The oxide caution belongs to the form: any goal with oxide, from 65 or
// with no age given; not to constipation with another form.
func TestOxideCautionBelongsToTheForm(t *testing.T) {
	k, lt := knowledge(t)
	ft, _ := kb.Forms()
	oxide, _, _ := ft.Resolve("oxide")
	citrate, _, _ := ft.Resolve("citrate")
	a, _ := lt.ResolveAuthority("nih")
	mk := func(goal string, f *forms.Form, person limits.Person) *plan.Plan {
		t.Helper()
		p, err := plan.Make(k, plan.Request{Goal: k.Goal(goal), Form: f, Limit: a.For(person)})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	const caution = "long-term magnesium oxide"
	if p := mk("sleep", oxide, limits.Person{Age: 70, AgeSet: true}); !warned(p, caution) {
		t.Errorf("sleep with oxide at 70: no caution: %v", p.Warnings)
	}
	if p := mk("sleep", oxide, limits.Person{}); !warned(p, caution) {
		t.Errorf("sleep with oxide, no age: no caution: %v", p.Warnings)
	}
	if p := mk("constipation", oxide, limits.Person{Age: 40, AgeSet: true}); warned(p, caution) {
		t.Errorf("constipation with oxide at 40: the caution for older people: %v", p.Warnings)
	}
	if p := mk("constipation", citrate, limits.Person{Age: 80, AgeSet: true}); warned(p, caution) || warned(p, "act as antacids") {
		t.Errorf("constipation with citrate: an oxide caution: %v", p.Warnings)
	}
}

// An interaction of the antacid salts applies with them and is named, not
// applied, with another form; a spacing of its own applies as the longest
// of the rules that apply.
func TestFormScopedInteractions(t *testing.T) {
	k, lt := knowledge(t)
	ft, _ := kb.Forms()
	oxide, _, _ := ft.Resolve("oxide")
	meds := []string{"mycofenolaat", "sinemet", "biktarvy", "isentress", "tarceva", "resonium", "neurontin", "zithromax"}
	find := func(p *plan.Plan, key string) plan.MedSpacing {
		for _, s := range p.Spacing {
			if s.Interaction.Key == key {
				return s
			}
		}
		t.Fatalf("no %s in %v", key, p.Spacing)
		return plan.MedSpacing{}
	}
	g, _ := adultPlan(t, k, lt, "sleep", "nih", func(r *plan.Request) { r.Meds = meds })
	o, _ := adultPlan(t, k, lt, "sleep", "nih", func(r *plan.Request) { r.Meds = meds; r.Form = oxide; r.Variant = oxide.Default() })
	if len(g.UnknownMeds)+len(o.UnknownMeds) != 0 {
		t.Fatalf("unknown: %v %v", g.UnknownMeds, o.UnknownMeds)
	}
	for key, want := range map[string][2]bool{ // applies with glycinate, with oxide
		"antacid-absorption": {false, true}, "levodopa": {false, true}, "bictegravir": {true, true},
		"raltegravir": {true, true}, "erlotinib": {false, true}, "polystyrene-sulfonate": {true, true},
		"gabapentin": {true, true},
	} {
		if s := find(g, key); s.Applies != want[0] {
			t.Errorf("%s with glycinate: applies %v", key, s.Applies)
		}
		if s := find(o, key); s.Applies != want[1] {
			t.Errorf("%s with oxide: applies %v", key, s.Applies)
		}
	}
	// bictegravir: one rule whatever the form (the label's figures for an
	// antacid with magnesium, with the food alternative), never a gentler
	// form held to a stricter rule than an antacid salt (evidence audit 2,
	// M1): 2 h before or 6 h after, 03:00-06:00 and 14:00-19:00 with
	// magnesium at 08:00 and 21:00
	times := []time.Duration{8 * time.Hour, 21 * time.Hour}
	want := []plan.Window{{3 * time.Hour, 6 * time.Hour}, {14 * time.Hour, 19 * time.Hour}}
	for name, p := range map[string]*plan.Plan{"glycinate": g, "oxide": o} {
		s := find(p, "bictegravir")
		if s.BeforeHours != 2 || s.AfterHours != 6 || s.OneWay || len(s.Rules) != 1 || s.Rules[0] != 0 {
			t.Errorf("bictegravir with %s: %v/%v h, rules %v", name, s.BeforeHours, s.AfterHours, s.Rules)
		}
		if w := plan.MedWindows(s, times); !slices.Equal(w, want) {
			t.Errorf("bictegravir with %s fits %v, want %v", name, w, want)
		}
	}
	// gabapentin's rule gives no time before magnesium: not before it, a
	// whole day (never "any time before"), which no time of day keeps with
	// magnesium taken each day
	if s := find(g, "gabapentin"); s.BeforeHours != 24 || s.AfterHours != 2 || !s.OneWay {
		t.Errorf("gabapentin: %v/%v h, one way %v", s.BeforeHours, s.AfterHours, s.OneWay)
	} else if w := plan.MedWindows(s, times); w != nil {
		t.Errorf("gabapentin fits %v: a closed way must leave no time", w)
	}
	// the antacid SmPCs' further examples are members (M5): azithromycin
	// applies with oxide only
	if s := find(g, "antacid-absorption"); !slices.Contains(s.Named, "zithromax") {
		t.Errorf("zithromax is not read as antacid-absorption: %v", s.Named)
	}
	if !slices.ContainsFunc(g.Rules, func(r plan.AppliedRule) bool {
		return r.Key == "closed_way" && r.Value == 24 && r.Basis == plan.FromMgcalc
	}) {
		t.Errorf("a plan with a one-way spacing carries no closed_way rule (mgcalc's): %v", g.Rules)
	}
	if s := find(o, "erlotinib"); s.BeforeHours != 2 || s.AfterHours != 4 {
		t.Errorf("erlotinib with oxide: %v/%v h", s.BeforeHours, s.AfterHours)
	}
	if s := find(o, "levodopa"); s.BeforeHours+s.AfterHours != 0 || s.Interaction.Advice == nil {
		t.Errorf("levodopa with oxide: a spacing %v/%v h, or no advice", s.BeforeHours, s.AfterHours)
	}
	if len(g.Depleting) != 1 || g.Depleting[0].Key != "egfr-inhibitors" { // erlotinib lowers magnesium whatever the form
		t.Errorf("depleting %v", g.Depleting)
	}
}
