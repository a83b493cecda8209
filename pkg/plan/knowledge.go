// Package plan recommends a magnesium form for a goal and makes a
// titration schedule: start low, step up, split, never pass the person's
// upper limit, evaluate, keep the lowest dose that works, step back on
// loose stools. It refuses where a schedule would be unsafe. Every rule
// says whether a source gives it or mgcalc chose it. It does no I/O and
// never reads the clock: days count from 1.
package plan

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/source"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// Grade is how strong the evidence for a form × goal pair is, strongest
// first. One vocabulary for every pair (EVIDENCE.md B.0).
type Grade string

// The grades, strongest first.
const (
	Guideline        Grade = "guideline"
	SystematicReview Grade = "systematic-review"
	RandomisedTrial  Grade = "randomised-trial"
	PracticeBased    Grade = "practice-based"
	MarketingClaim   Grade = "marketing-claim"
	NoEffectShown    Grade = "no-effect-shown"
)

// Grades lists the grades, strongest first.
var Grades = []Grade{Guideline, SystematicReview, RandomisedTrial, PracticeBased, MarketingClaim, NoEffectShown}

// Basis says where a rule's number comes from.
type Basis string

// The bases: a source gives the number, or mgcalc chose it where no
// source gives one (and says so).
const (
	FromSource Basis = "source"
	FromMgcalc Basis = "mgcalc"
	// FromPerson marks a number the person gave (--target).
	FromPerson Basis = "person"
)

// Knowledge is the validated data/plan.yaml.
type Knowledge struct {
	Goals        []*Goal        `yaml:"goals"`
	Titration    Titration      `yaml:"titration"`
	Interactions []*Interaction `yaml:"interactions"`
	Depleting    []*MedClass    `yaml:"depleting"`
	Gates        Gates          `yaml:"gates"`
}

// Goal is what a person takes magnesium for.
type Goal struct {
	Key     string   `yaml:"key"`
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	// Finding is what the evidence for magnesium and this goal found,
	// whatever the form; First puts it before the schedule (cramps: a
	// Cochrane review found no benefit).
	Finding Fact `yaml:"finding"`
	First   bool `yaml:"first"`
	// Forms are ranked (1 best); a form with rank 0 is listed with its
	// grade but never recommended (a marketing claim).
	Forms []*Choice `yaml:"forms"`
	// Timing is when to take a single daily intake.
	Timing Timing `yaml:"timing"`
	// Target is the goal's default daily target (elemental mg), capped at
	// the person's upper limit; nil: the titration's default target.
	// TargetForm, when set, is the form whose trial gave it: with another
	// form the titration's default applies.
	Target     *Rule  `yaml:"target"`
	TargetForm string `yaml:"target_form"`
	// Evaluate is when to judge whether it helps (day numbers).
	Evaluate []EvalPoint `yaml:"evaluate"`
	// Sensitive is what a sensitive gut changes for this goal.
	Sensitive Sensitive `yaml:"sensitive"`
	// Notes are further sourced facts printed with the plan.
	Notes []Fact `yaml:"notes"`
}

// Choice is one form for a goal, with its evidence.
type Choice struct {
	Form    string   `yaml:"form"`
	Rank    int      `yaml:"rank"`
	Grade   Grade    `yaml:"grade"`
	Finding string   `yaml:"finding"`
	Sources []string `yaml:"sources"`
	// TrialMg is the daily elemental dose the evidence used; AboveUL is
	// filled in against the person's limit when a plan is made.
	TrialMg *float64 `yaml:"trial_mg"`

	form *forms.Form
}

// FormRef returns the resolved form.
func (c *Choice) FormRef() *forms.Form { return c.form }

// Fact is a sourced sentence.
type Fact struct {
	Text    string   `yaml:"text"`
	Sources []string `yaml:"sources"`
}

// Timing says when to take a single daily intake.
type Timing struct {
	When    TimeOfDay `yaml:"when"`
	Basis   Basis     `yaml:"basis"`
	Sources []string  `yaml:"sources"`
	Note    string    `yaml:"note"`
}

// TimeOfDay is when an intake is taken.
type TimeOfDay string

// The times of day.
const (
	Morning TimeOfDay = "morning"
	Evening TimeOfDay = "evening"
)

// EvalPoint is a day on which to judge the effect.
type EvalPoint struct {
	Day     int      `yaml:"day"`
	What    string   `yaml:"what"`
	Sources []string `yaml:"sources"`
}

// Sensitive is what a sensitive gut changes for a goal.
type Sensitive struct {
	// Prefer overrides the ranking with these forms, in order.
	Prefer []string `yaml:"prefer"`
	// Avoid are forms that contradict a sensitive gut (a warning when
	// chosen with --form).
	Avoid []string `yaml:"avoid"`
	// Conflict is set where the goal itself needs what upsets a sensitive
	// gut (constipation: the laxative effect is the point).
	Conflict *Fact    `yaml:"conflict"`
	Sources  []string `yaml:"sources"`
}

// Rule is one number a titration uses, with its basis.
type Rule struct {
	Value   float64  `yaml:"value"`
	Basis   Basis    `yaml:"basis"`
	Sources []string `yaml:"sources"`
	Note    string   `yaml:"note"`
}

// Titration holds the rules that turn a target into steps.
type Titration struct {
	StartNormal    Rule `yaml:"start_normal"`    // mg/day
	StartSensitive Rule `yaml:"start_sensitive"` // mg/day
	Step           Rule `yaml:"step"`            // mg/day added per step
	IntervalNormal Rule `yaml:"interval_normal"` // days per step
	IntervalSens   Rule `yaml:"interval_sensitive"`
	Target         Rule `yaml:"target"` // mg/day, when the goal sets none
	// SplitAbove: a day's dose above this is split morning and evening
	// (mgcalc's rule: above the start dose); the sources say "split", give
	// no number.
	SplitAbove Rule `yaml:"split_above"`
	StepBack   Fact `yaml:"step_back"`
	KeepLowest Fact `yaml:"keep_lowest"`
	WithFood   Fact `yaml:"with_food"`
	Monitoring Fact `yaml:"monitoring"`
}

// Interaction is a class of medicines to space from magnesium.
type Interaction struct {
	Key     string   `yaml:"key"`
	Name    string   `yaml:"name"`
	Members []string `yaml:"members"` // generic, brand and Dutch names, lower case
	// Spacings are the rules the sources give; where they disagree all are
	// carried and the longest is applied.
	Spacings []Spacing `yaml:"spacings"`
}

// Spacing is one source's rule: the medicine at least BeforeHours before
// magnesium, or at least AfterHours after it.
type Spacing struct {
	BeforeHours float64  `yaml:"before_hours"` // medicine this long before magnesium
	AfterHours  float64  `yaml:"after_hours"`  // or this long after magnesium
	Text        string   `yaml:"text"`
	Sources     []string `yaml:"sources"`
}

// MedClass is a class of medicines that lower (or raise) magnesium: a
// reason to talk to a doctor, not a spacing.
type MedClass struct {
	Key     string   `yaml:"key"`
	Name    string   `yaml:"name"`
	Members []string `yaml:"members"`
	Advice  Fact     `yaml:"advice"`
}

// Gates are the conditions under which no schedule is printed.
type Gates struct {
	KidneyEGFR     Rule     `yaml:"kidney_egfr"`  // below: refused
	KidneyWarn     Rule     `yaml:"kidney_warn"`  // below (and at or above KidneyEGFR): a warning
	Kidney         Fact     `yaml:"kidney"`       // the refusal's reason
	Conditions     []Gate   `yaml:"conditions"`   // heart block, myasthenia gravis
	Children       Fact     `yaml:"children"`     // no source gives a paediatric titration
	AdultAge       Rule     `yaml:"adult_age"`    // 18
	AboveUL        Fact     `yaml:"above_ul"`     // trial doses above the UL: supervision only
	Pregnancy      Fact     `yaml:"pregnancy"`    // plan under the unchanged UL, consult
	NotPregnant    []string `yaml:"not_pregnant"` // forms excluded in pregnancy and lactation
	NotPregnantWhy Fact     `yaml:"not_pregnant_why"`
}

// Gate is a condition that stops the plan.
type Gate struct {
	Key     string   `yaml:"key"`
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Reason  Fact     `yaml:"reason"`
}

// Load decodes plan.yaml strictly and validates it against the form table
// and the bibliography.
func Load(b []byte, t *forms.Table, reg source.Registry) (*Knowledge, error) {
	k, err := Decode(b)
	if err != nil {
		return nil, err
	}
	return Build(k, t, reg)
}

// Decode decodes plan.yaml strictly, without validating it.
func Decode(b []byte) (*Knowledge, error) {
	var k Knowledge
	if err := source.DecodeStrict(b, &k); err != nil {
		return nil, fmt.Errorf("plan: %w", err)
	}
	return &k, nil
}

// Build validates decoded knowledge against the form table and the
// bibliography, resolves each goal's forms and ranks them. It completes k
// in place and returns it.
func Build(k *Knowledge, t *forms.Table, reg source.Registry) (*Knowledge, error) {
	if err := k.validate(t, reg); err != nil {
		return nil, fmt.Errorf("plan: %w", err)
	}
	return k, nil
}

func checkFact(reg source.Registry, what string, f Fact) error {
	if strings.TrimSpace(f.Text) == "" {
		return fmt.Errorf("%s has no text", what)
	}
	return reg.Check(what, f.Sources)
}

func checkRule(reg source.Registry, what string, r Rule, lo, hi float64) error {
	if !(r.Value >= lo && r.Value <= hi) {
		return fmt.Errorf("%s: %v is outside [%v, %v]", what, r.Value, lo, hi)
	}
	switch r.Basis {
	case FromSource:
		return reg.Check(what, r.Sources)
	case FromMgcalc:
		// mgcalc's own rule says why; sources, if any, are what it leans on.
		if strings.TrimSpace(r.Note) == "" {
			return fmt.Errorf("%s: mgcalc's own rule needs a note saying why", what)
		}
		for _, id := range r.Sources {
			if err := reg.Check(what, []string{id}); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("%s: basis %q is not source or mgcalc", what, r.Basis)
}

func (k *Knowledge) validate(t *forms.Table, reg source.Registry) error {
	if len(k.Goals) == 0 {
		return errors.New("no goals")
	}
	names := map[string]string{}
	claim := func(name, owner string) error {
		n, err := text.Fold(name)
		if err != nil {
			return fmt.Errorf("%s: name %q %v, which no one can type", owner, name, err)
		}
		if n == "" {
			return fmt.Errorf("%s: an empty name", owner)
		}
		if other, ok := names[n]; ok && other != owner {
			return fmt.Errorf("%s: name %q is also a name of %s", owner, name, other)
		}
		names[n] = owner
		return nil
	}
	for _, g := range k.Goals {
		if !text.IsKey(g.Key) || g.Name == "" {
			return fmt.Errorf("goal %q: a key of lowercase letters and a name are needed", g.Key)
		}
		for _, n := range append([]string{g.Key, g.Name}, g.Aliases...) {
			if err := claim(n, g.Key); err != nil {
				return err
			}
		}
		if err := checkFact(reg, g.Key+" finding", g.Finding); err != nil {
			return err
		}
		if len(g.Forms) == 0 {
			return fmt.Errorf("goal %s: no forms", g.Key)
		}
		recommended := 0
		seen := map[string]bool{}
		for _, c := range g.Forms {
			what := g.Key + " × " + c.Form
			c.form = t.Lookup(c.Form)
			if c.form == nil || c.form.Key != c.Form {
				return fmt.Errorf("%s: %q is not a form key", what, c.Form)
			}
			if seen[c.Form] {
				return fmt.Errorf("%s: listed twice", what)
			}
			seen[c.Form] = true
			if !slices.Contains(Grades, c.Grade) {
				return fmt.Errorf("%s: grade %q is not one of %v", what, c.Grade, Grades)
			}
			if c.Rank < 0 {
				return fmt.Errorf("%s: rank %d", what, c.Rank)
			}
			if c.Rank > 0 {
				recommended++
				if c.Grade == MarketingClaim || c.Grade == NoEffectShown {
					return fmt.Errorf("%s: a %s is never recommended: give it rank 0", what, c.Grade)
				}
			}
			if c.Finding == "" {
				return fmt.Errorf("%s: no finding", what)
			}
			if err := reg.Check(what, c.Sources); err != nil {
				return err
			}
			if c.TrialMg != nil && !(*c.TrialMg > 0 && *c.TrialMg < 5000) {
				return fmt.Errorf("%s: trial dose %v mg", what, *c.TrialMg)
			}
		}
		if recommended == 0 {
			return fmt.Errorf("goal %s: no form is recommended (rank > 0)", g.Key)
		}
		slices.SortStableFunc(g.Forms, func(a, b *Choice) int {
			ra, rb := a.Rank, b.Rank
			if ra == 0 {
				ra = 1 << 20
			}
			if rb == 0 {
				rb = 1 << 20
			}
			return ra - rb
		})
		if g.Timing.When != Morning && g.Timing.When != Evening {
			return fmt.Errorf("goal %s: timing %q is not morning or evening", g.Key, g.Timing.When)
		}
		if g.Timing.Basis == FromSource {
			if err := reg.Check(g.Key+" timing", g.Timing.Sources); err != nil {
				return err
			}
		} else if g.Timing.Basis != FromMgcalc || g.Timing.Note == "" {
			return fmt.Errorf("goal %s: timing needs basis source (with sources) or mgcalc (with a note)", g.Key)
		}
		if g.Target != nil {
			if err := checkRule(reg, g.Key+" target", *g.Target, 25, 2000); err != nil {
				return err
			}
		}
		if g.TargetForm != "" && (g.Target == nil || t.Lookup(g.TargetForm) == nil) {
			return fmt.Errorf("goal %s: target_form %q needs a target and a form key", g.Key, g.TargetForm)
		}
		if len(g.Evaluate) == 0 {
			return fmt.Errorf("goal %s: no evaluation point", g.Key)
		}
		for i, e := range g.Evaluate {
			if e.Day < 1 || e.Day > 365 || i > 0 && e.Day <= g.Evaluate[i-1].Day || e.What == "" {
				return fmt.Errorf("goal %s: evaluation points must be days 1-365, rising, each with a text", g.Key)
			}
			if err := reg.Check(g.Key+" evaluation", e.Sources); err != nil {
				return err
			}
		}
		for _, f := range append(append([]string{}, g.Sensitive.Prefer...), g.Sensitive.Avoid...) {
			if t.Lookup(f) == nil {
				return fmt.Errorf("goal %s: sensitive names unknown form %q", g.Key, f)
			}
		}
		if len(g.Sensitive.Prefer)+len(g.Sensitive.Avoid) > 0 || g.Sensitive.Conflict != nil {
			if err := reg.Check(g.Key+" sensitive", g.Sensitive.Sources); err != nil {
				return err
			}
		}
		if c := g.Sensitive.Conflict; c != nil {
			if err := checkFact(reg, g.Key+" sensitive conflict", *c); err != nil {
				return err
			}
		}
		for i, n := range g.Notes {
			if err := checkFact(reg, fmt.Sprintf("%s note %d", g.Key, i+1), n); err != nil {
				return err
			}
		}
	}
	tr := k.Titration
	for _, r := range []struct {
		what   string
		r      Rule
		lo, hi float64
	}{
		{"start_normal", tr.StartNormal, 25, 400}, {"start_sensitive", tr.StartSensitive, 25, 400},
		{"step", tr.Step, 10, 200}, {"interval_normal", tr.IntervalNormal, 1, 60}, {"interval_sensitive", tr.IntervalSens, 1, 60},
		{"target", tr.Target, 25, 1000}, {"split_above", tr.SplitAbove, 25, 1000},
	} {
		if err := checkRule(reg, "titration "+r.what, r.r, r.lo, r.hi); err != nil {
			return err
		}
	}
	if tr.StartSensitive.Value > tr.StartNormal.Value || tr.IntervalSens.Value < tr.IntervalNormal.Value {
		return errors.New("titration: a sensitive gut must start no higher and step no faster")
	}
	for _, f := range []struct {
		what string
		f    Fact
	}{{"step_back", tr.StepBack}, {"keep_lowest", tr.KeepLowest}, {"with_food", tr.WithFood}, {"monitoring", tr.Monitoring}} {
		if err := checkFact(reg, "titration "+f.what, f.f); err != nil {
			return err
		}
	}
	meds := map[string]string{}
	display := map[string]bool{} // the classes' display names
	// med claims a name a person may type for a medicine class: its key
	// and members must fold; its display name, which may carry an
	// explanation in brackets ("levothyroxine (thyroid hormone)"), is
	// matched only where it folds
	med := func(name, owner string) error {
		n, err := text.Fold(name)
		if err != nil {
			if display[name] {
				return nil
			}
			return fmt.Errorf("%s: medicine %q %v, which no one can type", owner, name, err)
		}
		if n == "" {
			return fmt.Errorf("%s: an empty medicine name", owner)
		}
		if o, ok := meds[n]; ok && o != owner {
			return fmt.Errorf("medicine %q is in both %s and %s", name, o, owner)
		}
		meds[n] = owner
		return nil
	}
	for _, in := range k.Interactions {
		if !text.IsKey(in.Key) || in.Name == "" || len(in.Members) == 0 || len(in.Spacings) == 0 {
			return fmt.Errorf("interaction %q: needs a key, a name, members and spacings", in.Key)
		}
		display[in.Name] = true
		for _, m := range append([]string{in.Key, in.Name}, in.Members...) {
			if err := med(m, in.Key); err != nil {
				return err
			}
		}
		for i, s := range in.Spacings {
			if !(s.BeforeHours >= 0 && s.AfterHours >= 0 && s.BeforeHours+s.AfterHours > 0 && s.BeforeHours <= 24 && s.AfterHours <= 24) || s.Text == "" {
				return fmt.Errorf("interaction %s spacing %d: hours must be 0-24, not both 0, with a text", in.Key, i+1)
			}
			if err := reg.Check(fmt.Sprintf("interaction %s spacing %d", in.Key, i+1), s.Sources); err != nil {
				return err
			}
		}
	}
	for _, d := range k.Depleting {
		if !text.IsKey(d.Key) || d.Name == "" || len(d.Members) == 0 {
			return fmt.Errorf("depleting %q: needs a key, a name and members", d.Key)
		}
		display[d.Name] = true
		for _, m := range append([]string{d.Key, d.Name}, d.Members...) {
			if err := med(m, d.Key); err != nil {
				return err
			}
		}
		if err := checkFact(reg, "depleting "+d.Key, d.Advice); err != nil {
			return err
		}
	}
	g := k.Gates
	if err := checkRule(reg, "gates kidney_egfr", g.KidneyEGFR, 5, 90); err != nil {
		return err
	}
	if err := checkRule(reg, "gates kidney_warn", g.KidneyWarn, g.KidneyEGFR.Value, 120); err != nil {
		return err
	}
	if err := checkRule(reg, "gates adult_age", g.AdultAge, 12, 21); err != nil {
		return err
	}
	for _, f := range []struct {
		what string
		f    Fact
	}{{"kidney", g.Kidney}, {"children", g.Children}, {"above_ul", g.AboveUL}, {"pregnancy", g.Pregnancy}, {"not_pregnant_why", g.NotPregnantWhy}} {
		if err := checkFact(reg, "gates "+f.what, f.f); err != nil {
			return err
		}
	}
	for _, c := range g.Conditions {
		if !text.IsKey(c.Key) || c.Name == "" {
			return fmt.Errorf("gate %q: needs a key and a name", c.Key)
		}
		if err := checkFact(reg, "gate "+c.Key, c.Reason); err != nil {
			return err
		}
	}
	for _, f := range g.NotPregnant {
		if t.Lookup(f) == nil {
			return fmt.Errorf("gates not_pregnant: unknown form %q", f)
		}
	}
	return nil
}

// fold is the one fold of every name a person types (text.Fold): a name
// with a character it does not read (a Cyrillic letter, a zero-width
// space) folds to "" and matches nothing.
func fold(s string) string {
	f, err := text.Fold(s)
	if err != nil {
		return ""
	}
	return f
}

// Goal returns the goal with key, name or alias, or nil.
func (k *Knowledge) Goal(name string) *Goal {
	n := fold(name)
	if n == "" {
		return nil
	}
	for _, g := range k.Goals {
		if fold(g.Key) == n || fold(g.Name) == n {
			return g
		}
		for _, a := range g.Aliases {
			if fold(a) == n {
				return g
			}
		}
	}
	return nil
}

// GoalsFor lists the goals a form serves, with its choice for each.
func (k *Knowledge) GoalsFor(formKey string) []GoalChoice {
	var out []GoalChoice
	for _, g := range k.Goals {
		for _, c := range g.Forms {
			if c.Form == formKey {
				out = append(out, GoalChoice{Goal: g, Choice: c})
			}
		}
	}
	return out
}

// GoalChoice is a form's place in one goal.
type GoalChoice struct {
	Goal   *Goal
	Choice *Choice
}
