package plan

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
)

// Gut is how the person's gut takes magnesium.
type Gut string

// The gut profiles.
const (
	GutNormal    Gut = "normal"
	GutSensitive Gut = "sensitive"
)

// Unit is what one capsule or tablet carries, when the schedule is to be
// given in whole units. The zero value means no rounding to units.
type Unit struct {
	// CompoundMg is the compound per unit (converted with the variant's
	// share), or ElementalMg the label's stated magnesium per unit.
	CompoundMg  float64
	ElementalMg float64
	Half        bool // half units allowed
}

// IsSet reports whether a unit was given.
func (u Unit) IsSet() bool { return u.CompoundMg > 0 || u.ElementalMg > 0 }

// Request is what a plan is made for.
type Request struct {
	Goal *Goal
	Gut  Gut
	// Form and Variant override the recommendation; nil: recommend.
	Form    *forms.Form
	Variant *forms.Variant
	// TargetMg is the daily elemental target; 0: the goal's default.
	TargetMg float64
	Unit     Unit
	Limit    limits.Applied
	// Others are the other authorities' limits for the person: a target
	// above one of them is said, though the chosen limit governs.
	Others     []limits.Applied
	Kidney     Kidney
	EGFR       *float64 // mL/min/1.73 m²; nil: not given
	Conditions []*Gate
	Meds       []string
	Supervised bool
}

// Kidney is what the person says of their kidneys.
type Kidney string

// The kidney states.
const (
	KidneyUnknown  Kidney = ""
	KidneyNormal   Kidney = "normal"
	KidneyImpaired Kidney = "impaired"
)

// Refusal is a plan mgcalc will not print: the reason, and what to do.
type Refusal struct {
	Reason *msg.Message
}

func (r *Refusal) Error() string { return r.Reason.Error() }
func (r *Refusal) Unwrap() error { return r.Reason }

// Plan is a recommendation and a titration schedule.
type Plan struct {
	Goal         *Goal
	Gut          Gut
	Choice       *Choice // the form's place in the goal; nil: not rated for it
	Form         *forms.Form
	Variant      *forms.Variant
	Share        forms.Share
	Alternatives []*Choice
	Chosen       bool // the person named the form
	TargetMg     float64
	Target       AppliedRule
	Unit         Unit
	UnitElMg     float64 // elemental magnesium per whole unit; 0 without a unit
	// CompoundKnown is false where the units are given by their magnesium
	// (--capsule-elemental): the compound weight would be a guess.
	CompoundKnown bool
	// ReachedMg is the highest daily amount the schedule reaches: the
	// target, or less where whole units do not fit it.
	ReachedMg   float64
	Steps       []Step
	Rules       []AppliedRule
	Evaluate    []EvalPoint
	Spacing     []MedSpacing
	Depleting   []*MedClass
	UnknownMeds []string
	Warnings    []*msg.Message
	Advice      []*msg.Message
	Sources     []string
	Supervised  bool
	Limit       limits.Applied
	// TrialAboveUL marks choices whose trial dose is above the person's limit.
	TrialAboveUL map[*Choice]bool
}

// AppliedRule is a rule as a plan used it.
type AppliedRule struct {
	Key     string
	Value   float64 // 0 for a rule that is only text
	Unit    string  // mg/day, mg, days
	Basis   Basis
	Sources []string
	Note    string // the rule's own note, as the data words it
	// CappedAtMg is set where the rule's value was lowered to the
	// person's upper limit (a goal's target above it): Note stays the
	// rule's, and a report adds the cap in its reader's language.
	CappedAtMg *float64
}

// Text is the note in English with the cap, for the machine formats and
// the English exports.
func (r AppliedRule) Text() string {
	if r.CappedAtMg == nil {
		return r.Note
	}
	return r.Note + "; capped at the upper limit of " + trimFloat(*r.CappedAtMg)
}

// Step is a run of days at one daily dose.
type Step struct {
	FirstDay, LastDay int
	ElementalMg       float64 // per day, unrounded
	CompoundMg        float64 // per day
	Units             float64 // per day; 0 without a unit
	Intakes           []Intake
	Check             limits.Check
}

// Intake is one time of day's dose within a step.
type Intake struct {
	When        TimeOfDay
	ElementalMg float64
	CompoundMg  float64
	Units       float64 // 0 without a unit
}

// MedSpacing is how to space one medicine class from magnesium.
type MedSpacing struct {
	Named       []string // what the person typed
	Interaction *Interaction
	// BeforeHours and AfterHours are the longest of the sources' rules.
	BeforeHours, AfterHours float64
}

// tolerance for comparing planned amounts with the target (mg).
const eps = 1e-9

// maxUnitsPerDay bounds a schedule in units: more is a unit typed wrong.
const maxUnitsPerDay = 100

// Make checks the gates and builds the plan.
func Make(k *Knowledge, r Request) (*Plan, error) {
	if r.Goal == nil {
		return nil, msg.Errorf("no goal given")
	}
	if err := k.gate(r); err != nil {
		return nil, err
	}
	p := &Plan{Goal: r.Goal, Gut: r.Gut, Limit: r.Limit, Supervised: r.Supervised, Unit: r.Unit, TrialAboveUL: map[*Choice]bool{}}
	if p.Gut == "" {
		p.Gut = GutNormal
	}
	if err := k.choose(p, r); err != nil {
		return nil, err
	}
	if err := k.target(p, r); err != nil {
		return nil, err
	}
	if err := k.schedule(p); err != nil {
		return nil, err
	}
	k.meds(p, r.Meds)
	k.advise(p, r)
	return p, nil
}

// gate refuses where the sources say "see a doctor first".
func (k *Knowledge) gate(r Request) error {
	g := k.Gates
	person := r.Limit.Person
	if person.AgeSet && person.Age < g.AdultAge.Value {
		m := msg.Errorf("no plan for a person under %s: %s", msg.N(g.AdultAge.Value, 0), g.Children.Text)
		if l := r.Limit.Mg(); l != nil {
			m.Hint = msg.Errorf("the supplemental upper limit for %s is %s mg/day (%s); ask a doctor", limits.Who(person), msg.N(*l, 0), r.Limit.Authority.Name)
		} else {
			m.Hint = msg.Errorf("%s sets no supplemental upper limit for %s; ask a doctor", r.Limit.Authority.Name, limits.Who(person))
		}
		return &Refusal{Reason: m}
	}
	if r.Kidney == KidneyImpaired {
		return &Refusal{Reason: msg.Errorf("no plan with impaired kidneys: %s", g.Kidney.Text).WithHint("see your doctor before taking magnesium")}
	}
	if r.EGFR != nil && *r.EGFR < g.KidneyEGFR.Value {
		return &Refusal{Reason: msg.Errorf("no plan with an eGFR of %s (below %s mL/min): %s", msg.A(*r.EGFR), msg.N(g.KidneyEGFR.Value, 0), g.Kidney.Text).
			WithHint("see your doctor before taking magnesium")}
	}
	if len(r.Conditions) > 0 {
		c := r.Conditions[0]
		return &Refusal{Reason: msg.Errorf("no plan with %s: %s", c.Name, c.Reason.Text).WithHint("see your doctor before taking magnesium")}
	}
	if r.Limit.Mg() == nil {
		return &Refusal{Reason: msg.Errorf("%s sets no supplemental upper limit for %s, so mgcalc cannot keep a schedule under it", r.Limit.Authority.Name, limits.Who(person)).
			WithHint("ask a doctor")}
	}
	if (person.Pregnant || person.Lactating) && r.Form != nil && slices.Contains(g.NotPregnant, r.Form.Key) {
		return &Refusal{Reason: msg.Errorf("no plan with %s in pregnancy or lactation: %s", r.Form.Name, g.NotPregnantWhy.Text).
			WithHint("choose another form, and talk to your doctor or midwife")}
	}
	return nil
}

// excluded reports whether a form may not be recommended to this person.
func (k *Knowledge) excluded(f string, person limits.Person) bool {
	return (person.Pregnant || person.Lactating) && slices.Contains(k.Gates.NotPregnant, f)
}

// choose recommends a form (or takes the one named) with alternatives.
func (k *Knowledge) choose(p *Plan, r Request) error {
	g := r.Goal
	person := r.Limit.Person
	var ranked []*Choice
	for _, c := range g.Forms {
		if c.Rank > 0 && !k.excluded(c.Form, person) {
			ranked = append(ranked, c)
		}
	}
	if r.Form != nil {
		p.Chosen = true
		p.Form = r.Form
		for _, c := range g.Forms {
			if c.Form == r.Form.Key {
				p.Choice = c
			}
		}
		if p.Choice == nil {
			p.Warnings = append(p.Warnings, msg.New("mgcalc's sources rate %s for no goal like %s: the schedule is only arithmetic", r.Form.Name, g.Name))
		} else if p.Choice.Rank == 0 {
			p.Warnings = append(p.Warnings, msg.New("for %s, %s is never recommended (%s): %s", g.Name, r.Form.Name, p.Choice.Grade.Word(), p.Choice.Finding))
		}
	} else {
		if len(ranked) == 0 {
			return &Refusal{Reason: msg.Errorf("no form for %s can be recommended to this person", g.Name).WithHint("talk to your doctor or pharmacist")}
		}
		p.Choice = ranked[0]
		if p.Gut == GutSensitive {
			for _, pref := range g.Sensitive.Prefer {
				if i := slices.IndexFunc(ranked, func(c *Choice) bool { return c.Form == pref }); i >= 0 {
					p.Choice = ranked[i]
					break
				}
			}
		}
		p.Form = p.Choice.form
	}
	for _, c := range ranked {
		if c != p.Choice && !(p.Gut == GutSensitive && slices.Contains(g.Sensitive.Avoid, c.Form)) {
			p.Alternatives = append(p.Alternatives, c)
		}
	}
	p.Variant = r.Variant
	if p.Variant == nil {
		p.Variant = p.Form.Default()
	}
	p.Share = forms.ShareOf(p.Variant, 0)
	if p.Gut == GutSensitive {
		if c := g.Sensitive.Conflict; c != nil {
			p.Warnings = append(p.Warnings, msg.New("%s", c.Text))
		}
		if slices.Contains(g.Sensitive.Avoid, p.Form.Key) || p.Form.Tolerance.Level == forms.Laxative {
			p.Warnings = append(p.Warnings, msg.New("%s is not a good start for a sensitive gut (%s)", p.Form.Name, p.Form.Tolerance.Note))
		}
	}
	for _, c := range g.Forms {
		if c.TrialMg != nil && r.Limit.Check(*c.TrialMg).Over {
			p.TrialAboveUL[c] = true
		}
	}
	return nil
}

// target settles the daily target: the person's, else the goal's, else
// the titration default, never above the limit without supervision.
func (k *Knowledge) target(p *Plan, r Request) error {
	ul := *r.Limit.Mg()
	def := k.Titration.Target
	key := "target"
	if g := p.Goal; g.Target != nil && (g.TargetForm == "" || g.TargetForm == p.Form.Key) {
		def = *g.Target
		key = "goal_target"
	}
	switch {
	case r.TargetMg > 0:
		p.TargetMg = r.TargetMg
		p.Target = AppliedRule{Key: "target", Value: r.TargetMg, Unit: "mg/day", Basis: FromPerson, Note: "the target you gave"}
		person := r.Limit.Person
		if r.Limit.Check(r.TargetMg).Over && (person.Pregnant || person.Lactating) {
			return &Refusal{Reason: msg.Errorf("a target of %s mg/day is above the %s mg/day upper limit (%s), which stays the same in pregnancy and lactation: %s",
				msg.A(r.TargetMg), msg.N(ul, 0), r.Limit.Authority.Name, k.Gates.Pregnancy.Text).
				WithHint("talk to your doctor or midwife")}
		}
		if r.Limit.Check(r.TargetMg).Over && !r.Supervised {
			return &Refusal{Reason: msg.Errorf("a target of %s mg/day is above the %s mg/day upper limit (%s): %s",
				msg.A(r.TargetMg), msg.N(ul, 0), r.Limit.Authority.Name, k.Gates.AboveUL.Text).
				WithHint("a doctor can supervise a dose above the limit; mgcalc prints such a plan only when it is supervised")}
		}
	default:
		p.TargetMg = def.Value
		p.Target = AppliedRule{Key: key, Value: def.Value, Unit: "mg/day", Basis: def.Basis, Sources: def.Sources, Note: def.Note}
		if def.Value > ul {
			p.TargetMg = ul
			p.Target.Value = ul
			p.Target.CappedAtMg = &ul
			p.Target.Sources = append(append([]string{}, def.Sources...), r.Limit.Band.Sources...)
		}
	}
	for _, o := range r.Others {
		if o.Authority != r.Limit.Authority && o.Check(p.TargetMg).Over {
			p.Warnings = append(p.Warnings, msg.New("%s mg/day is above the %s upper limit of %s mg/day, though within the %s one you chose",
				msg.A(p.TargetMg), o.Authority.Name, msg.N(*o.Mg(), 0), r.Limit.Authority.Name))
		}
	}
	return nil
}

// schedule builds the steps from the start dose to the target.
func (k *Knowledge) schedule(p *Plan) error {
	t := k.Titration
	start, interval := t.StartNormal, t.IntervalNormal
	if p.Gut == GutSensitive {
		start, interval = t.StartSensitive, t.IntervalSens
	}
	p.Rules = []AppliedRule{
		applied("start", start, "mg/day"), applied("step", t.Step, "mg/day"), applied("interval", interval, "days"),
		p.Target, applied("split_above", t.SplitAbove, "mg/day"),
		{Key: "timing", Unit: string(p.Goal.Timing.When), Basis: p.Goal.Timing.Basis, Sources: p.Goal.Timing.Sources, Note: p.Goal.Timing.Note},
		{Key: "step_back", Basis: FromMgcalc, Sources: t.StepBack.Sources, Note: t.StepBack.Text},
		{Key: "keep_lowest", Basis: FromSource, Sources: t.KeepLowest.Sources, Note: t.KeepLowest.Text},
	}
	// the planned daily amounts: start, start+step, …, the target
	var amounts []float64
	for d := math.Min(start.Value, p.TargetMg); ; d += t.Step.Value {
		if d >= p.TargetMg-eps {
			amounts = append(amounts, p.TargetMg)
			break
		}
		amounts = append(amounts, d)
		// a last step too small to show (under 0.05 mg) is no step
		if p.TargetMg-d < 0.05 {
			break
		}
	}
	// whole units: each day's amount rounded down to the units it holds,
	// so rounding never passes the target or the limit
	grain := 0.0
	p.CompoundKnown = p.Unit.ElementalMg == 0
	if p.Unit.IsSet() {
		p.UnitElMg = p.Unit.ElementalMg
		if p.UnitElMg == 0 {
			p.UnitElMg = p.Share.Elemental(p.Unit.CompoundMg)
		}
		grain = p.UnitElMg
		if p.Unit.Half {
			grain /= 2
		}
	}
	interval_ := int(interval.Value)
	lastEval := p.Goal.Evaluate[len(p.Goal.Evaluate)-1].Day
	day := 1
	for _, a := range amounts {
		daily, n := a, 0.0
		if grain > 0 {
			n = math.Floor(a/grain + eps)
			if n == 0 {
				// a unit is more than the start dose: starting higher would
				// break the first rule of titration
				what := msg.New("one unit")
				if p.Unit.Half {
					what = msg.New("half a unit")
				}
				m := msg.Errorf("%s of %s carries %s mg of magnesium, more than the %s mg/day start dose", what, p.Form.Name, msg.N(grain, 1), msg.A(a))
				if a >= p.TargetMg-eps {
					m = msg.Errorf("%s of %s carries %s mg of magnesium, more than the %s mg/day target", what, p.Form.Name, msg.N(grain, 1), msg.A(a))
				}
				if p.Unit.Half || grain/2 > a {
					return m.WithHint("use smaller units, or choose a form with less magnesium per unit")
				}
				return m.WithHint("use smaller units, allow half units, or choose a form with less magnesium per unit")
			}
			daily = n * grain
			if units := daily / p.UnitElMg; units > maxUnitsPerDay {
				return msg.Errorf("that is %s units a day: more than %d", msg.A(units), maxUnitsPerDay).
					WithHint("give the amount per unit as it is on the label (mg of compound per capsule)")
			}
		}
		if len(p.Steps) > 0 && math.Abs(p.Steps[len(p.Steps)-1].ElementalMg-daily) < eps {
			p.Steps[len(p.Steps)-1].LastDay += interval_ // rounding made two steps equal: one longer step
			day += interval_
			continue
		}
		s := Step{FirstDay: day, LastDay: day + interval_ - 1, ElementalMg: daily, CompoundMg: p.Share.Compound(daily), Check: p.Limit.Check(daily)}
		if grain > 0 {
			s.Units = n * grain / p.UnitElMg
		}
		s.Intakes = k.split(p, daily, n, grain)
		p.Steps = append(p.Steps, s)
		day += interval_
	}
	// the goal's evaluation days count from the day the target dose is
	// reached: the trials judged the effect after so long at their dose
	last := &p.Steps[len(p.Steps)-1]
	offset := last.FirstDay - 1
	p.Evaluate = make([]EvalPoint, len(p.Goal.Evaluate))
	for i, e := range p.Goal.Evaluate {
		e.Day += offset
		p.Evaluate[i] = e
	}
	last.LastDay = max(last.LastDay, lastEval+offset)
	p.ReachedMg = last.ElementalMg
	if p.ReachedMg < p.TargetMg-0.05 {
		p.Warnings = append(p.Warnings, msg.New("in whole units the schedule reaches %s mg/day, below the %s mg/day target", msg.N(p.ReachedMg, 1), msg.A(p.TargetMg)))
	}
	for _, s := range p.Steps {
		if s.Check.Over && !p.Supervised {
			return fmt.Errorf("internal: a step of %v mg/day passes the limit", s.ElementalMg) // Make refused such targets
		}
	}
	return nil
}

// split divides a day's dose into intakes: one, at the goal's time of day,
// up to the split threshold; morning and evening above it (mgcalc's rule:
// the sources say to split higher doses but give no number). With units,
// the evening takes the larger half.
func (k *Knowledge) split(p *Plan, daily, grains, grain float64) []Intake {
	one := func(when TimeOfDay, el float64) Intake {
		in := Intake{When: when, ElementalMg: el, CompoundMg: p.Share.Compound(el)}
		if grain > 0 {
			in.Units = el / p.UnitElMg
		}
		return in
	}
	if daily <= k.Titration.SplitAbove.Value+eps || grain > 0 && grains < 2 {
		return []Intake{one(p.Goal.Timing.When, daily)}
	}
	if grain > 0 {
		morning := math.Floor(grains/2) * grain
		return []Intake{one(Morning, morning), one(Evening, daily-morning)}
	}
	return []Intake{one(Morning, daily/2), one(Evening, daily/2)}
}

func applied(key string, r Rule, unit string) AppliedRule {
	return AppliedRule{Key: key, Value: r.Value, Unit: unit, Basis: r.Basis, Sources: r.Sources, Note: r.Note}
}

// meds finds each medicine's class: a spacing, a reason to see a doctor,
// or unknown (reported, never ignored).
func (k *Knowledge) meds(p *Plan, names []string) {
	for _, name := range names {
		if strings.TrimSpace(name) == "" {
			continue
		}
		n := fold(name) // "" for a name with a character no name has: unknown
		found := false
		for _, in := range k.Interactions {
			if matches(n, in.Key, in.Name, in.Members) {
				found = true
				i := slices.IndexFunc(p.Spacing, func(s MedSpacing) bool { return s.Interaction == in })
				if i < 0 {
					s := MedSpacing{Interaction: in}
					for _, sp := range in.Spacings {
						s.BeforeHours = math.Max(s.BeforeHours, sp.BeforeHours)
						s.AfterHours = math.Max(s.AfterHours, sp.AfterHours)
					}
					p.Spacing = append(p.Spacing, s)
					i = len(p.Spacing) - 1
				}
				p.Spacing[i].Named = append(p.Spacing[i].Named, name)
			}
		}
		for _, d := range k.Depleting {
			if matches(n, d.Key, d.Name, d.Members) {
				found = true
				if !slices.Contains(p.Depleting, d) {
					p.Depleting = append(p.Depleting, d)
				}
			}
		}
		if !found {
			p.UnknownMeds = append(p.UnknownMeds, name)
		}
	}
}

func matches(n, key, name string, members []string) bool {
	if n == "" {
		return false
	}
	if n == fold(key) || n == fold(name) {
		return true
	}
	for _, m := range members {
		if n == fold(m) {
			return true
		}
	}
	return false
}

// advise collects the warnings and advice every plan carries.
func (k *Knowledge) advise(p *Plan, r Request) {
	g, t := k.Gates, k.Titration
	if p.Supervised {
		p.Warnings = append([]*msg.Message{msg.New("this plan is for use under medical supervision only: %s", g.AboveUL.Text)}, p.Warnings...)
	}
	if r.EGFR != nil && *r.EGFR < g.KidneyWarn.Value {
		p.Warnings = append(p.Warnings, msg.New("an eGFR of %s mL/min is below %s: talk to your doctor before taking magnesium, and have your serum magnesium checked", msg.A(*r.EGFR), msg.N(g.KidneyWarn.Value, 0)))
	}
	for _, name := range p.UnknownMeds {
		p.Warnings = append(p.Warnings, msg.New("mgcalc does not know the medicine %q: ask your pharmacist whether it interacts with magnesium", name))
	}
	for _, d := range p.Depleting {
		p.Warnings = append(p.Warnings, msg.New("%s: %s", d.Name, d.Advice.Text))
	}
	person := r.Limit.Person
	if person.Pregnant || person.Lactating {
		p.Advice = append(p.Advice, msg.New("%s", g.Pregnancy.Text))
	}
	p.Advice = append(p.Advice,
		msg.New("%s", t.KeepLowest.Text),
		msg.New("%s", t.StepBack.Text),
		msg.New("%s", t.WithFood.Text))
	if r.EGFR != nil && *r.EGFR < g.KidneyWarn.Value {
		p.Advice = append(p.Advice, msg.New("%s", t.Monitoring.Text))
	}
	for _, n := range p.Goal.Notes {
		p.Advice = append(p.Advice, msg.New("%s", n.Text))
	}
	if p.Goal.TargetForm != "" && p.Form.Key != p.Goal.TargetForm {
		p.Warnings = append(p.Warnings, msg.New("the evidence for %s is for %s; with %s the evaluation days come from that trial and the target is the general one", p.Goal.Name, p.Goal.TargetForm, p.Form.Name))
	}
	p.Sources = p.collectSources(k)
}

func (p *Plan) collectSources(k *Knowledge) []string {
	var ids []string
	add := func(s []string) {
		for _, id := range s {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	add(p.Goal.Finding.Sources)
	if p.Choice != nil {
		add(p.Choice.Sources)
	}
	for _, c := range p.Alternatives {
		add(c.Sources)
	}
	add(p.Goal.Timing.Sources)
	for _, r := range p.Rules {
		add(r.Sources)
	}
	for _, e := range p.Evaluate {
		add(e.Sources)
	}
	for _, s := range p.Spacing {
		for _, sp := range s.Interaction.Spacings {
			add(sp.Sources)
		}
	}
	for _, d := range p.Depleting {
		add(d.Advice.Sources)
	}
	for _, n := range p.Goal.Notes {
		add(n.Sources)
	}
	if p.Supervised {
		add(k.Gates.AboveUL.Sources)
	}
	add(k.Titration.WithFood.Sources)
	add(p.Limit.Band.Sources)
	return ids
}

func trimFloat(x float64) string {
	s := fmt.Sprintf("%.2f", x)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// Condition finds a gate condition by key, name or alias, or nil.
func (k *Knowledge) Condition(name string) *Gate {
	n := fold(name)
	for i := range k.Gates.Conditions {
		c := &k.Gates.Conditions[i]
		if matches(n, c.Key, c.Name, c.Aliases) {
			return c
		}
	}
	return nil
}

// ConditionKeys lists the known conditions.
func (k *Knowledge) ConditionKeys() []string {
	var out []string
	for _, c := range k.Gates.Conditions {
		out = append(out, c.Key)
	}
	return out
}

// Word is the grade in words, the one vocabulary of every report and
// message ("randomised trial").
func (g Grade) Word() *msg.Message {
	switch g {
	case Guideline:
		return msg.New("guideline")
	case SystematicReview:
		return msg.New("systematic review")
	case RandomisedTrial:
		return msg.New("randomised trial")
	case PracticeBased:
		return msg.New("practice-based")
	case MarketingClaim:
		return msg.New("marketing claim")
	case NoEffectShown:
		return msg.New("no effect shown")
	}
	return msg.New("%s", string(g))
}
