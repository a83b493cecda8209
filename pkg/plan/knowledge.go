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
	"strconv"
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
	// FormCautions are sourced cautions that belong to a form, not to a
	// goal (long-term magnesium oxide in older people), printed with every
	// plan whose form is one of theirs.
	FormCautions []*FormCaution `yaml:"form_cautions"`
	// MgProducts are medicines and products that are themselves magnesium
	// (antacids, laxatives): named in --meds, they count toward the limit.
	MgProducts []*MgProduct `yaml:"magnesium_products"`
	Gates      Gates        `yaml:"gates"`

	// Index finds medicines and what each form is: Build makes it.
	Index Index `yaml:"-"`
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
	Notes []Note `yaml:"notes"`
	// RankedBy is "tolerance" where the evidence is the same for every
	// form (cramps: no effect shown for magnesium in general): the forms
	// are then ordered by gut tolerance alone, all with the goal's one
	// grade, and a no-effect-shown grade may be ranked. Empty: by evidence.
	RankedBy string `yaml:"ranked_by"`
	// UntestedDose is said when the plan's target is below the lowest dose
	// the goal's trials tested (migraine, heart): the schedule stops at the
	// upper limit, below what was shown to work.
	UntestedDose *Untested `yaml:"untested_dose"`
}

// Untested says that a target below BelowMg (elemental mg/day, the lowest
// dose the trials behind the goal used) is untested for the goal.
type Untested struct {
	BelowMg float64  `yaml:"below_mg"`
	Text    string   `yaml:"text"`
	Short   string   `yaml:"short"`
	Sources []string `yaml:"sources"`
}

// RankedByTolerance marks a goal whose forms are ordered by gut tolerance.
const RankedByTolerance = "tolerance"

// Choice is one form for a goal, with its evidence.
type Choice struct {
	Form    string   `yaml:"form"`
	Rank    int      `yaml:"rank"`
	Grade   Grade    `yaml:"grade"`
	Finding string   `yaml:"finding"`
	Sources []string `yaml:"sources"`
	// TrialMg is the daily elemental dose the evidence used; whether it
	// is above the person's limit is decided when a plan is made.
	TrialMg *float64 `yaml:"trial_mg"`
	// Certainty is how certain the source rates its evidence (GRADE), and
	// Strength how strongly a guideline recommends; empty where the source
	// gives neither.
	Certainty Certainty `yaml:"certainty"`
	Strength  Strength  `yaml:"strength"`

	// Resolved is the form as the knowledge's table has it (Build).
	Resolved *forms.Form `yaml:"-"`
}

// Certainty is a source's GRADE certainty of evidence.
type Certainty string

// The certainties, highest first; LowToVeryLow is a review's own range.
const (
	CertaintyHigh         Certainty = "high"
	CertaintyModerate     Certainty = "moderate"
	CertaintyLow          Certainty = "low"
	CertaintyLowToVeryLow Certainty = "low-to-very-low"
	CertaintyVeryLow      Certainty = "very-low"
)

// Certainties lists the certainties, highest first.
var Certainties = []Certainty{CertaintyHigh, CertaintyModerate, CertaintyLow, CertaintyLowToVeryLow, CertaintyVeryLow}

// Strength is how strongly a guideline recommends.
type Strength string

// The strengths: GRADE's strong and conditional, and the AAN's Level B
// ("probably effective").
const (
	StrengthStrong      Strength = "strong"
	StrengthConditional Strength = "conditional"
	StrengthLevelB      Strength = "level-b"
)

// Strengths lists the strengths.
var Strengths = []Strength{StrengthStrong, StrengthConditional, StrengthLevelB}

// FormRef returns the resolved form.
func (c *Choice) FormRef() *forms.Form { return c.Resolved }

// Fact is a sourced sentence. Short, where set, says it in a few words
// for the default text of a plan; --explain, -o md and JSON carry Text.
type Fact struct {
	Text    string   `yaml:"text"`
	Short   string   `yaml:"short"`
	Sources []string `yaml:"sources"`
}

// Brief is the fact in a few words: Short, else Text.
func (f Fact) Brief() string {
	if f.Short != "" {
		return f.Short
	}
	return f.Text
}

// Note is a goal's further sourced fact. Forms, when set, limit it to
// plans on those forms (matched by what a form is): advice about a form
// the person does not take is not printed. Brief puts it in the default
// text; without it the note is in --explain, -o md and JSON only.
type Note struct {
	Text    string   `yaml:"text"`
	Short   string   `yaml:"short"`
	Sources []string `yaml:"sources"`
	Forms   []string `yaml:"forms"`
	Brief   bool     `yaml:"brief"`
}

// Fact is the note as a fact.
func (n Note) Fact() Fact { return Fact{Text: n.Text, Short: n.Short, Sources: n.Sources} }

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
	// Midday is where a morning intake goes when a medicine taken on
	// waking must be kept apart from magnesium (levothyroxine).
	Midday TimeOfDay = "midday"
)

// EvalPoint is a day on which to judge the effect. Forms, when set, make
// it the point for plans on those forms: it replaces the point of the same
// day without forms, so that a plan cites the trial of the form it is on.
type EvalPoint struct {
	Day     int      `yaml:"day"`
	Forms   []string `yaml:"forms"`
	What    string   `yaml:"what"`
	Sources []string `yaml:"sources"`
}

// Key is the point's key in the data texts: its day, and its forms where
// it has any (28, 28.bisglycinate).
func (e EvalPoint) Key() string {
	k := strconv.Itoa(e.Day)
	if len(e.Forms) > 0 {
		k += "." + strings.Join(e.Forms, ".")
	}
	return k
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

// Rule is one number a titration uses, with its basis. Max, on a target,
// is the top of the sourced range the target is taken from (250-350 mg:
// 350): a schedule in whole units may end above the target, up to Max and
// never above the limit, rather than a unit below it.
type Rule struct {
	Value   float64  `yaml:"value"`
	Max     float64  `yaml:"max"`
	Basis   Basis    `yaml:"basis"`
	Sources []string `yaml:"sources"`
	Note    string   `yaml:"note"`
}

// Titration holds the rules that turn a target into steps.
type Titration struct {
	StartNormal    Rule `yaml:"start_normal"`    // mg/day
	StartSensitive Rule `yaml:"start_sensitive"` // mg/day
	// StartMax is the top of the sourced start range: a whole (or half)
	// unit up to it may be the first step even where it is above the start
	// dose; a larger unit is refused.
	StartMax       Rule `yaml:"start_max"`
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
	// OtherMagnesium: multivitamins, antacids and laxatives count toward
	// the same limit (every plan says so).
	OtherMagnesium Fact `yaml:"other_magnesium"`
	// SupervisedRamp: the ramp is mgcalc's; a supervising doctor may
	// shorten it (supervised plans).
	SupervisedRamp Fact `yaml:"supervised_ramp"`
	// ClosedWay is how a spacing rule that gives a time one way only is
	// read: the other way closed for ClosedHours (mgcalc's rule).
	ClosedWay Rule `yaml:"closed_way"`
	// GeneralSpacing is the spacing the sources give for any medicine,
	// said where a medicine's own interaction concerns other forms.
	GeneralSpacing Fact `yaml:"general_spacing"`
}

// Interaction is a class of medicines that magnesium interacts with: a
// spacing, or advice where no spacing is given or none works.
type Interaction struct {
	Key     string   `yaml:"key"`
	Name    string   `yaml:"name"`
	Members []string `yaml:"members"` // generic, brand and Dutch names, lower case
	// Forms, when set, are the forms the interaction belongs to (the
	// antacid salts): it applies only when the plan's form is one of them,
	// matched by what the form is (identity.go), not by its key alone.
	Forms []string `yaml:"forms"`
	// Spacings are the rules the sources give; where they disagree all are
	// carried and the longest of those that apply is applied.
	Spacings []Spacing `yaml:"spacings"`
	// Advice is what to do where no source gives a spacing (levodopa with
	// oxide) or none works (raltegravir).
	Advice *Fact `yaml:"advice"`
	// OnWaking, where set, says that the medicine is taken on waking
	// (levothyroxine, bisphosphonates): a morning intake of magnesium moves
	// to midday, the spacing after it.
	OnWaking *Fact `yaml:"on_waking"`
}

// MgProduct is a medicine or product that is itself magnesium (an
// antacid, a laxative), or a class of them: named in --meds it is
// magnesium that counts toward the same upper limit. Form, where set, is
// the form key of its magnesium salt (for --with).
type MgProduct struct {
	Key     string   `yaml:"key"`
	Name    string   `yaml:"name"`
	Members []string `yaml:"members"`
	Form    string   `yaml:"form"`
	Fact    Fact     `yaml:"fact"`
}

// Spacing is one source's rule: the medicine at least BeforeHours before
// magnesium, or at least AfterHours after it. 0 is a way the source gives
// no time for: that way is closed ("take Biktarvy at least 2 h before
// magnesium" means not after it), never open at any time (Hours).
type Spacing struct {
	BeforeHours float64 `yaml:"before_hours"` // medicine this long before magnesium
	AfterHours  float64 `yaml:"after_hours"`  // or this long after magnesium
	// Forms, when set, limit this rule to those forms (an antacid rule
	// beside a supplement rule for the same medicine).
	Forms   []string `yaml:"forms"`
	Text    string   `yaml:"text"`
	Sources []string `yaml:"sources"`
}

// FormCaution is a sourced caution that belongs to forms. MinAge, when
// set, limits it to people of at least that age (and to those whose age
// is not given).
type FormCaution struct {
	Key     string   `yaml:"key"`
	Forms   []string `yaml:"forms"`
	MinAge  *Rule    `yaml:"min_age"`
	Text    string   `yaml:"text"`
	Short   string   `yaml:"short"`
	Sources []string `yaml:"sources"`
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
	KidneyEGFR Rule `yaml:"kidney_egfr"` // below: refused
	KidneyWarn Rule `yaml:"kidney_warn"` // below (and at or above KidneyEGFR): a warning
	Kidney     Fact `yaml:"kidney"`      // the refusal's reason
	// Screen is said in every plan made without --kidney, --egfr or
	// --condition: the conditions that rule magnesium out.
	Screen         Fact     `yaml:"screen"`
	Conditions     []Gate   `yaml:"conditions"`   // heart block, myasthenia gravis, infection stones; dehydration (a caution)
	Children       Fact     `yaml:"children"`     // no source gives a paediatric titration
	AdultAge       Rule     `yaml:"adult_age"`    // 18
	AboveUL        Fact     `yaml:"above_ul"`     // trial doses above the UL: supervision only
	Pregnancy      Fact     `yaml:"pregnancy"`    // plan under the unchanged UL, consult
	NotPregnant    []string `yaml:"not_pregnant"` // forms excluded in pregnancy and lactation
	NotPregnantWhy Fact     `yaml:"not_pregnant_why"`
}

// Gate is a condition that stops the plan, or, with Caution, one that
// the plan warns of (dehydration).
type Gate struct {
	Key     string   `yaml:"key"`
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Caution bool     `yaml:"caution"`
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
	return BuildWith(k, t, nil, reg)
}

// BuildWith is Build against a form table t of the user's: the forms the
// rules name are known by their compositions in t and in builtin (the
// built-in table), so that a form of t is matched by what it is, whatever
// its key (identity.go).
func BuildWith(k *Knowledge, t, builtin *forms.Table, reg source.Registry) (*Knowledge, error) {
	if err := k.validate(t, reg); err != nil {
		return nil, fmt.Errorf("plan: %w", err)
	}
	k.identify(t, builtin)
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
	formKeys := func(what string, fs []string) error {
		for _, f := range fs {
			if ff := t.Lookup(f); ff == nil || ff.Key != f {
				return fmt.Errorf("%s: %q is not a form key", what, f)
			}
		}
		return nil
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
		if g.RankedBy != "" && g.RankedBy != RankedByTolerance {
			return fmt.Errorf("goal %s: ranked_by %q is not %s", g.Key, g.RankedBy, RankedByTolerance)
		}
		if u := g.UntestedDose; u != nil {
			if !(u.BelowMg > 0 && u.BelowMg < 5000) {
				return fmt.Errorf("goal %s: untested_dose below_mg %v", g.Key, u.BelowMg)
			}
			if err := checkFact(reg, g.Key+" untested_dose", Fact{Text: u.Text, Short: u.Short, Sources: u.Sources}); err != nil {
				return err
			}
		}
		recommended := 0
		seen := map[string]bool{}
		for _, c := range g.Forms {
			what := g.Key + " × " + c.Form
			c.Resolved = t.Lookup(c.Form)
			if c.Resolved == nil || c.Resolved.Key != c.Form {
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
				if c.Grade == MarketingClaim || c.Grade == NoEffectShown && g.RankedBy != RankedByTolerance {
					return fmt.Errorf("%s: a %s is never recommended: give it rank 0", what, c.Grade)
				}
			}
			if g.RankedBy == RankedByTolerance && c.Grade != g.Forms[0].Grade {
				return fmt.Errorf("%s: a goal ranked by tolerance gives every form one grade, not %s and %s", what, g.Forms[0].Grade, c.Grade)
			}
			if c.Certainty != "" && !slices.Contains(Certainties, c.Certainty) {
				return fmt.Errorf("%s: certainty %q is not one of %v", what, c.Certainty, Certainties)
			}
			if c.Strength != "" && (!slices.Contains(Strengths, c.Strength) || c.Grade != Guideline) {
				return fmt.Errorf("%s: strength %q: one of %v, for a guideline only", what, c.Strength, Strengths)
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
			if m := g.Target.Max; m != 0 && !(m >= g.Target.Value && m <= 2000) {
				return fmt.Errorf("goal %s: target max %v is below the target or above 2000", g.Key, m)
			}
		}
		if g.TargetForm != "" && (g.Target == nil || t.Lookup(g.TargetForm) == nil) {
			return fmt.Errorf("goal %s: target_form %q needs a target and a form key", g.Key, g.TargetForm)
		}
		if len(g.Evaluate) == 0 {
			return fmt.Errorf("goal %s: no evaluation point", g.Key)
		}
		general := 0
		for i, e := range g.Evaluate {
			if e.Day < 1 || e.Day > 365 || i > 0 && e.Day < g.Evaluate[i-1].Day || e.What == "" {
				return fmt.Errorf("goal %s: evaluation points must be days 1-365, rising, each with a text", g.Key)
			}
			if len(e.Forms) == 0 {
				if i > 0 && general > 0 && e.Day == g.Evaluate[i-1].Day && len(g.Evaluate[i-1].Forms) == 0 {
					return fmt.Errorf("goal %s: two evaluation points for every form on day %d", g.Key, e.Day)
				}
				general++
			} else if !slices.ContainsFunc(g.Evaluate, func(o EvalPoint) bool { return o.Day == e.Day && len(o.Forms) == 0 }) {
				return fmt.Errorf("goal %s: the point of day %d for %v replaces none for every form", g.Key, e.Day, e.Forms)
			}
			if err := formKeys(g.Key+" evaluation", e.Forms); err != nil {
				return err
			}
			if err := reg.Check(g.Key+" evaluation", e.Sources); err != nil {
				return err
			}
		}
		if general == 0 {
			return fmt.Errorf("goal %s: no evaluation point for every form", g.Key)
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
			what := fmt.Sprintf("%s note %d", g.Key, i+1)
			if err := checkFact(reg, what, n.Fact()); err != nil {
				return err
			}
			if err := formKeys(what, n.Forms); err != nil {
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
		{"target", tr.Target, 25, 1000}, {"split_above", tr.SplitAbove, 25, 1000}, {"start_max", tr.StartMax, 25, 400},
		{"closed_way", tr.ClosedWay, ClosedHours, ClosedHours},
	} {
		if err := checkRule(reg, "titration "+r.what, r.r, r.lo, r.hi); err != nil {
			return err
		}
	}
	if tr.StartSensitive.Value > tr.StartNormal.Value || tr.IntervalSens.Value < tr.IntervalNormal.Value {
		return errors.New("titration: a sensitive gut must start no higher and step no faster")
	}
	if tr.StartMax.Value < tr.StartNormal.Value {
		return errors.New("titration: start_max is below the normal start")
	}
	if m := tr.Target.Max; m != 0 && !(m >= tr.Target.Value && m <= 1000) {
		return fmt.Errorf("titration: target max %v is below the target or above 1000", m)
	}
	for _, f := range []struct {
		what string
		f    Fact
	}{{"step_back", tr.StepBack}, {"keep_lowest", tr.KeepLowest}, {"with_food", tr.WithFood}, {"monitoring", tr.Monitoring},
		{"other_magnesium", tr.OtherMagnesium}, {"supervised_ramp", tr.SupervisedRamp}, {"general_spacing", tr.GeneralSpacing}} {
		if err := checkFact(reg, "titration "+f.what, f.f); err != nil {
			return err
		}
	}
	// A medicine is in at most one interaction class and at most one
	// depleting class: erlotinib is spaced and lowers magnesium too.
	spaced, depleting := map[string]string{}, map[string]string{}
	index := medIndex{}
	display := map[string]bool{} // the classes' display names
	// med claims a name a person may type for a medicine class: its key
	// and members must fold; its display name, which may carry an
	// explanation in brackets ("levothyroxine (thyroid hormone)"), is
	// matched only where it folds. It returns the folded name, "" for a
	// display name that does not fold.
	med := func(meds map[string]string, name, owner string) (string, error) {
		n, err := text.Fold(name)
		if err != nil {
			if display[name] {
				return "", nil
			}
			return "", fmt.Errorf("%s: medicine %q %v, which no one can type", owner, name, err)
		}
		if n == "" {
			return "", fmt.Errorf("%s: an empty medicine name", owner)
		}
		if o, ok := meds[n]; ok && o != owner {
			return "", fmt.Errorf("medicine %q is in both %s and %s", name, o, owner)
		}
		meds[n] = owner
		return n, nil
	}
	for _, in := range k.Interactions {
		if !text.IsKey(in.Key) || in.Name == "" || len(in.Members) == 0 || len(in.Spacings) == 0 && in.Advice == nil {
			return fmt.Errorf("interaction %q: needs a key, a name, members, and spacings or advice", in.Key)
		}
		display[in.Name] = true
		for _, m := range append([]string{in.Key, in.Name}, in.Members...) {
			n, err := med(spaced, m, in.Key)
			if err != nil {
				return err
			}
			if n != "" {
				index.at(n).Spaced = in
			}
		}
		if err := formKeys("interaction "+in.Key, in.Forms); err != nil {
			return err
		}
		for i, s := range in.Spacings {
			what := fmt.Sprintf("interaction %s spacing %d", in.Key, i+1)
			if !(s.BeforeHours >= 0 && s.AfterHours >= 0 && s.BeforeHours+s.AfterHours > 0 && s.BeforeHours <= 24 && s.AfterHours <= 24) || s.Text == "" {
				return fmt.Errorf("%s: hours must be 0-24, not both 0, with a text", what)
			}
			if err := reg.Check(what, s.Sources); err != nil {
				return err
			}
			if err := formKeys(what, s.Forms); err != nil {
				return err
			}
		}
		if in.Advice != nil {
			if err := checkFact(reg, "interaction "+in.Key+" advice", *in.Advice); err != nil {
				return err
			}
		}
		if in.OnWaking != nil {
			if len(in.Spacings) == 0 {
				return fmt.Errorf("interaction %s: on_waking needs a spacing", in.Key)
			}
			if err := checkFact(reg, "interaction "+in.Key+" on_waking", *in.OnWaking); err != nil {
				return err
			}
		}
	}
	// A product that is magnesium is no medicine to space or to watch:
	// its names are its own.
	products := map[string]*MgProduct{}
	for _, mp := range k.MgProducts {
		what := "magnesium product " + mp.Key
		if !text.IsKey(mp.Key) || mp.Name == "" || len(mp.Members) == 0 {
			return fmt.Errorf("%s: needs a key, a name and members", what)
		}
		if mp.Form != "" {
			if err := formKeys(what, []string{mp.Form}); err != nil {
				return err
			}
		}
		if err := checkFact(reg, what, mp.Fact); err != nil {
			return err
		}
		for _, m := range append([]string{mp.Key, mp.Name}, mp.Members...) {
			n, err := text.Fold(m)
			if err != nil && m == mp.Name {
				continue // a display name matched only where it folds
			}
			if err != nil {
				return fmt.Errorf("%s: name %q %v, which no one can type", what, m, err)
			}
			if n == "" {
				return fmt.Errorf("%s: an empty name", what)
			}
			if o := products[n]; o != nil && o != mp {
				return fmt.Errorf("medicine %q is in both %s and %s", m, o.Key, mp.Key)
			}
			if spaced[n] != "" {
				return fmt.Errorf("medicine %q is in both %s and %s", m, spaced[n], mp.Key)
			}
			products[n] = mp
		}
	}
	for _, c := range k.FormCautions {
		what := "form caution " + c.Key
		if !text.IsKey(c.Key) || len(c.Forms) == 0 {
			return fmt.Errorf("%s: needs a key and forms", what)
		}
		if err := formKeys(what, c.Forms); err != nil {
			return err
		}
		if err := checkFact(reg, what, Fact{Text: c.Text, Short: c.Short, Sources: c.Sources}); err != nil {
			return err
		}
		if c.MinAge != nil {
			if err := checkRule(reg, what+" min_age", *c.MinAge, 18, 100); err != nil {
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
			n, err := med(depleting, m, d.Key)
			if err != nil {
				return err
			}
			if n != "" {
				index.at(n).Depleting = d
			}
		}
		if err := checkFact(reg, "depleting "+d.Key, d.Advice); err != nil {
			return err
		}
	}
	for n, mp := range products {
		if o := depleting[n]; o != "" {
			return fmt.Errorf("medicine %q is in both %s and %s", n, o, mp.Key)
		}
		index.at(n).Product = mp
	}
	k.Index.Meds = index.sorted()
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
	}{{"kidney", g.Kidney}, {"screen", g.Screen}, {"children", g.Children}, {"above_ul", g.AboveUL}, {"pregnancy", g.Pregnancy}, {"not_pregnant_why", g.NotPregnantWhy}} {
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
