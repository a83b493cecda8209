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
	// Name is what a unit is called: tablet, capsule, sachet or scoop
	// (UnitNames); empty: DefaultUnitName.
	Name string
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
	// Others are the other authorities' limits for the person: a daily
	// amount above one of them is said, though the chosen limit governs.
	Others []limits.Applied
	// OtherMg is the magnesium a day the person takes besides this plan
	// (another supplement, a multivitamin, an antacid: --with, --stack).
	// It counts toward the same limit: the target is capped by the room
	// it leaves.
	OtherMg    float64
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

// UnitError is a unit (a tablet, a capsule, or half of one) that no
// schedule can start with: it carries more magnesium than the top of the
// sourced start range, or more than the target. It is the person's input
// to change, not a refusal for safety.
type UnitError struct {
	Msg *msg.Message
}

func (e *UnitError) Error() string { return e.Msg.Error() }
func (e *UnitError) Unwrap() error { return e.Msg }

// Plan is a recommendation and a titration schedule.
type Plan struct {
	Goal    *Goal
	Gut     Gut
	Choice  *Choice // the form's place in the goal; nil: not rated for it
	Form    *forms.Form
	Variant *forms.Variant
	// FormIs names the forms the knowledge's rules name that Form is
	// (Knowledge.NamedAs): what the journal matches a medicine's rules by.
	FormIs       []string
	Share        forms.Share
	Alternatives []*Choice
	Chosen       bool // the person named the form
	TargetMg     float64
	Target       AppliedRule
	Unit         Unit
	UnitElMg     float64 // elemental magnesium per whole unit; 0 without a unit
	// UnitStart is true where one unit (or half a unit) is above the start
	// dose but within the sourced start range: the first step is one unit.
	UnitStart bool
	// CompoundKnown is false where the units are given by their magnesium
	// (--capsule-elemental): the compound weight would be a guess.
	CompoundKnown bool
	// ReachedMg is the highest daily amount the schedule reaches: the
	// target; with units, the nearest whole units, which may pass the
	// target up to the top of its sourced range, or stay below it where
	// the next unit would pass that range or the limit.
	ReachedMg float64
	// OtherMg is the magnesium a day from the person's other products; the
	// steps' Check is of the step and OtherMg together.
	OtherMg  float64
	Steps    []Step
	Rules    []AppliedRule
	Evaluate []EvalPoint
	Spacing  []MedSpacing
	// Midday names the medicines taken on waking that moved the morning
	// intakes to midday; empty: the intakes are morning and evening.
	Midday      []*Interaction
	Depleting   []*MedClass
	Products    []NamedProduct
	UnknownMeds []string
	// Cautions are the form cautions that apply to this plan.
	Cautions []*FormCaution
	// Notes are the goal's notes that apply to the plan's form.
	Notes []Note
	// Notices are the plan's warnings and advice, safety warnings first.
	// Warnings and Advice are their full texts, in the same order.
	Notices  []Notice
	Warnings []*msg.Message
	Advice   []*msg.Message
	// AboveOthers are the other authorities whose limit the highest daily
	// amount (with OtherMg) is above, though within the chosen one.
	AboveOthers []limits.Applied
	Sources     []string
	Supervised  bool
	Limit       limits.Applied
	// TrialAboveUL marks choices whose trial dose is above the person's limit.
	TrialAboveUL map[*Choice]bool
}

// NamedProduct is a product named in --meds that is magnesium.
type NamedProduct struct {
	Named   []string
	Product *MgProduct
}

// Notice is a warning or a piece of advice. A safety notice is in the
// default text whatever else is left out, before everything else; a
// brief one is in the default text too. Short says it in a few words for
// the default text (nil: Text); --explain, -o md and JSON carry Text.
type Notice struct {
	Key     string // what it is about: supervised, pregnancy, egfr, …
	Warning bool   // a warning; else advice
	Safety  bool
	Brief   bool
	Text    *msg.Message
	Short   *msg.Message
	Sources []string
}

// BriefText is the notice in a few words: Short, else Text.
func (n Notice) BriefText() *msg.Message {
	if n.Short != nil {
		return n.Short
	}
	return n.Text
}

// AppliedRule is a rule as a plan used it.
type AppliedRule struct {
	Key   string
	Value float64 // 0 for a rule that is only text
	// Max, on the target, is the top of its sourced range (Rule.Max): a
	// schedule in whole units may end above the target up to it.
	Max     float64
	Unit    string // mg/day, mg, days
	Basis   Basis
	Sources []string
	Note    string // the rule's own note, as the data words it
	// CappedAtMg is set where the rule's value was lowered to fit the
	// person's upper limit (a goal's target above it): Note stays the
	// rule's, and a report adds the cap in its reader's language.
	CappedAtMg *float64
	// CapOtherMg is the other magnesium a day the cap leaves room for
	// (plan --with, --stack); 0 when the cap is the upper limit itself.
	CapOtherMg float64
}

// CapNote is the cap in words, nil for a rule not capped: "capped at the
// upper limit of 350", or with other magnesium the room it leaves.
func (r AppliedRule) CapNote() *msg.Message {
	switch {
	case r.CappedAtMg == nil:
		return nil
	case r.CapOtherMg > 0:
		return msg.New("capped at %s so that with your other %s mg a day the total stays at the upper limit of %s",
			msg.A(*r.CappedAtMg), msg.A(r.CapOtherMg), msg.A(*r.CappedAtMg+r.CapOtherMg))
	}
	return msg.New("capped at the upper limit of %s", msg.A(*r.CappedAtMg))
}

// Text is the note in English with the cap, for the machine formats and
// the English exports.
func (r AppliedRule) Text() string {
	if c := r.CapNote(); c != nil {
		return r.Note + "; " + c.Error()
	}
	return r.Note
}

// Step is a run of days at one daily dose.
type Step struct {
	FirstDay, LastDay int
	ElementalMg       float64 // per day, unrounded
	CompoundMg        float64 // per day
	Units             float64 // per day; 0 without a unit
	Intakes           []Intake
	// Check is of the day's dose and the person's other magnesium
	// together, against the limit.
	Check limits.Check
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
	// Applies is false where the interaction belongs to other forms than
	// the plan's (the antacid salts): the medicine is named, with the
	// forms the sources give it for, and no spacing.
	Applies bool
	// Rules are the indexes of the interaction's spacings that apply to
	// the plan's form (ApplyingRules); BeforeHours and AfterHours the
	// longest of them (Longest: ClosedHours for a way none gives a time
	// for; 0 where none applies). OneWay is set where a rule applied gives
	// a time one way only, so the other is closed by mgcalc's rule.
	Rules                   []int
	BeforeHours, AfterHours float64
	OneWay                  bool
	// Forms are the forms the interaction is given for, where it is
	// limited to some (the class's own, else its rules').
	Forms []*forms.Form
	// General is the spacing the sources give for any medicine, where the
	// interaction does not apply to the plan's form.
	General *Fact
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
	if !(r.OtherMg >= 0) {
		return nil, msg.Errorf("other magnesium of %v mg a day", r.OtherMg)
	}
	if err := k.Gate(r); err != nil {
		return nil, err
	}
	p := &Plan{Goal: r.Goal, Gut: r.Gut, Limit: r.Limit, Supervised: r.Supervised, Unit: r.Unit, OtherMg: r.OtherMg, TrialAboveUL: map[*Choice]bool{}}
	if p.Gut == "" {
		p.Gut = GutNormal
	}
	if p.Unit.IsSet() && p.Unit.Name == "" {
		p.Unit.Name = DefaultUnitName(p.Unit.Half)
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
	p.FormIs = k.NamedAs(p.Form)
	k.meds(p, r.Meds)
	k.advise(p, r)
	p.order()
	p.Sources = p.collectSources(k, r)
	return p, nil
}

// Gate refuses where the sources say "see a doctor first": the one check
// of the person (age, kidneys, eGFR, conditions, a limit to stay under, a
// form ruled out in pregnancy, room left by other magnesium) that a new
// plan passes, and that a saved plan passes again, from the person in
// force, before its schedule is shown (plan --show, today). r needs the
// person's facts, the limit and the form (nil: none chosen yet); the goal
// is not read.
func (k *Knowledge) Gate(r Request) error {
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
	for _, c := range r.Conditions {
		if !c.Caution {
			return &Refusal{Reason: msg.Errorf("no plan with %s: %s", c.Name, c.Reason.Text).WithHint("see your doctor before taking magnesium")}
		}
	}
	if r.Limit.Mg() == nil {
		return &Refusal{Reason: msg.Errorf("%s sets no supplemental upper limit for %s, so mgcalc cannot keep a schedule under it", r.Limit.Authority.Name, limits.Who(person)).
			WithHint("ask a doctor")}
	}
	if (person.Pregnant || person.Lactating) && r.Form != nil && len(g.NotPregnant) > 0 && k.FormIsAny(r.Form, g.NotPregnant) {
		return &Refusal{Reason: msg.Errorf("no plan with %s in pregnancy or lactation: %s", r.Form.Name, g.NotPregnantWhy.Text).
			WithHint("choose another form, and talk to your doctor or midwife")}
	}
	// the other products already fill the limit: no room for a schedule
	// (a supervised target above the limit is the target's to decide)
	if ul := *r.Limit.Mg(); r.OtherMg > 0 && ul-r.OtherMg <= limits.Tolerance && !(r.Supervised && r.TargetMg > 0) {
		return &Refusal{Reason: msg.Errorf("your other magnesium, %s mg/day, already reaches the %s mg/day upper limit (%s): there is no room for a supplement",
			msg.N(r.OtherMg, 1), msg.N(ul, 0), r.Limit.Authority.Name).
			WithHint("take less of the other products, or talk to your doctor or pharmacist")}
	}
	return nil
}

// excluded reports whether a choice may not be recommended to this person.
func (k *Knowledge) excluded(c *Choice, person limits.Person) bool {
	return (person.Pregnant || person.Lactating) && len(k.Gates.NotPregnant) > 0 && k.FormIsAny(c.Resolved, k.Gates.NotPregnant)
}

// notice adds a notice to the plan.
func (p *Plan) notice(n Notice) { p.Notices = append(p.Notices, n) }

// choose recommends a form (or takes the one named) with alternatives.
func (k *Knowledge) choose(p *Plan, r Request) error {
	g := r.Goal
	person := r.Limit.Person
	var ranked []*Choice
	excluded := false
	for _, c := range g.Forms {
		if c.Rank > 0 && k.excluded(c, person) {
			excluded = true
		} else if c.Rank > 0 {
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
			p.notice(Notice{Key: "evidence", Warning: true, Brief: true,
				Text: msg.New("mgcalc's sources rate %s for no goal like %s: the schedule is only arithmetic", r.Form.Name, g.Name)})
		} else if p.Choice.Rank == 0 {
			p.notice(Notice{Key: "evidence", Warning: true, Brief: true, Sources: p.Choice.Sources,
				Text:  msg.New("for %s, %s is never recommended (%s): %s", g.Name, r.Form.Name, p.Choice.Grade.Word(), p.Choice.Finding),
				Short: msg.New("for %s, %s is never recommended (%s)", g.Name, r.Form.Name, p.Choice.Grade.Word())})
		}
	} else {
		if len(ranked) == 0 && excluded {
			// cognition in pregnancy: the one form with evidence is excluded,
			// and no other form is put in its place
			return &Refusal{Reason: msg.Errorf("no form for %s can be recommended in pregnancy or lactation: %s", g.Name, k.Gates.NotPregnantWhy.Text).
				WithHint("talk to your doctor or midwife")}
		}
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
		p.Form = p.Choice.Resolved
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
			p.notice(Notice{Key: "gut", Warning: true, Brief: true, Text: msg.New("%s", c.Text), Short: short(*c), Sources: c.Sources})
		}
		if len(g.Sensitive.Avoid) > 0 && k.FormIsAny(p.Form, g.Sensitive.Avoid) || p.Form.Tolerance.Level == forms.Laxative {
			p.notice(Notice{Key: "gut", Warning: true, Brief: true, Sources: p.Form.Tolerance.Sources,
				Text:  msg.New("%s is not a good start for a sensitive gut (%s)", p.Form.Name, p.Form.Tolerance.Note),
				Short: msg.New("%s is not a good start for a sensitive gut", p.Form.Name)})
		}
	}
	for _, c := range g.Forms {
		if c.TrialMg != nil && r.Limit.Check(*c.TrialMg).Over {
			p.TrialAboveUL[c] = true
		}
	}
	return nil
}

// short is a fact's Short as a message, or nil.
func short(f Fact) *msg.Message {
	if f.Short == "" {
		return nil
	}
	return msg.New("%s", f.Short)
}

// target settles the daily target: the person's, else the goal's, else
// the titration default, never above the limit (less the person's other
// magnesium) without supervision.
func (k *Knowledge) target(p *Plan, r Request) error {
	ul := *r.Limit.Mg()
	def := k.Titration.Target
	key := "target"
	if g := p.Goal; g.Target != nil && (g.TargetForm == "" || k.FormIs(p.Form, g.TargetForm)) {
		def = *g.Target
		key = "goal_target"
	}
	person := r.Limit.Person
	switch {
	case r.TargetMg > 0:
		p.TargetMg = r.TargetMg
		p.Target = AppliedRule{Key: "target", Value: r.TargetMg, Max: r.TargetMg, Unit: "mg/day", Basis: FromPerson, Note: "the target you gave"}
		over := r.Limit.Check(r.TargetMg + r.OtherMg).Over
		amount := msg.New("a target of %s mg/day", msg.A(r.TargetMg))
		if r.OtherMg > 0 {
			amount = msg.New("a target of %s mg/day with your other %s mg/day", msg.A(r.TargetMg), msg.N(r.OtherMg, 1))
		}
		if over && (person.Pregnant || person.Lactating) {
			return &Refusal{Reason: msg.Errorf("%s is above the %s mg/day upper limit (%s), which stays the same in pregnancy and lactation: %s",
				amount, msg.N(ul, 0), r.Limit.Authority.Name, k.Gates.Pregnancy.Text).
				WithHint("talk to your doctor or midwife")}
		}
		if over && !r.Supervised && r.OtherMg > 0 && r.TargetMg <= ul {
			return &Refusal{Reason: msg.Errorf("%s is above the %s mg/day upper limit (%s)", amount, msg.N(ul, 0), r.Limit.Authority.Name).
				WithHint("beside your other magnesium at most %s mg/day fits: give a lower --target, or take less of the other products", msg.N(math.Floor((ul-r.OtherMg)*10)/10, 1))}
		}
		if over && !r.Supervised {
			return &Refusal{Reason: msg.Errorf("%s is above the %s mg/day upper limit (%s): %s",
				amount, msg.N(ul, 0), r.Limit.Authority.Name, k.Gates.AboveUL.Text).
				WithHint("a doctor can supervise a dose above the limit; mgcalc prints such a plan only when it is supervised")}
		}
	default:
		p.TargetMg = def.Value
		p.Target = AppliedRule{Key: key, Value: def.Value, Max: def.Max, Unit: "mg/day", Basis: def.Basis, Sources: def.Sources, Note: def.Note}
		if room := ul - r.OtherMg; def.Value > room {
			p.TargetMg = room
			p.Target.Value = room
			p.Target.Max = room
			p.Target.CappedAtMg = &room
			p.Target.CapOtherMg = r.OtherMg
			p.Target.Sources = append(append([]string{}, def.Sources...), r.Limit.Band.Sources...)
		}
	}
	return nil
}

// DefaultUnitName is the name of a unit when the person gives none: a
// tablet where it may be halved, else a capsule.
func DefaultUnitName(half bool) string {
	if half {
		return "tablet"
	}
	return "capsule"
}

// UnitNames are the names a unit may have.
var UnitNames = []string{"tablet", "capsule", "sachet", "scoop"}

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
	p.CompoundKnown = p.Unit.ElementalMg == 0
	var amounts, counts []float64
	grain := 0.0
	if p.Unit.IsSet() {
		p.UnitElMg = p.Unit.ElementalMg
		if p.UnitElMg == 0 {
			p.UnitElMg = p.Share.Elemental(p.Unit.CompoundMg)
		}
		grain = p.UnitElMg
		if p.Unit.Half {
			grain /= 2
		}
		p.Rules = append(p.Rules[:1], append([]AppliedRule{applied("start_max", t.StartMax, "mg/day")}, p.Rules[1:]...)...)
		var err error
		if amounts, counts, err = k.unitLadder(p, start.Value, grain); err != nil {
			return err
		}
	} else {
		// the planned daily amounts: start, start+step, …, the target
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
	}
	interval_ := int(interval.Value)
	day := 1
	for i, daily := range amounts {
		n := 0.0
		if grain > 0 {
			n = counts[i]
			if units := daily / p.UnitElMg; units > maxUnitsPerDay {
				return &UnitError{msg.Errorf("that is %s units a day: more than %d", msg.A(units), maxUnitsPerDay).
					WithHint("give the amount per unit as it is on the label (mg of compound per capsule)")}
			}
		}
		s := Step{FirstDay: day, LastDay: day + interval_ - 1, ElementalMg: daily, CompoundMg: p.Share.Compound(daily), Check: p.Limit.Check(daily + p.OtherMg)}
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
	for _, e := range k.evaluation(p.Goal, p.Form) {
		e.Day += offset
		p.Evaluate = append(p.Evaluate, e)
	}
	last.LastDay = max(last.LastDay, p.Evaluate[len(p.Evaluate)-1].Day)
	p.ReachedMg = last.ElementalMg
	for _, s := range p.Steps {
		if s.Check.Over && !p.Supervised {
			return fmt.Errorf("internal: a step of %v mg/day passes the limit", s.ElementalMg) // Make refused such targets
		}
	}
	return nil
}

// unitLadder is the schedule in whole units of grain mg (a unit, or half
// of one): the first step is the whole units the start dose holds, or one
// unit where it holds none and one is within the sourced start range
// (StartMax); each step adds the units of a step (at least one); the last
// step reaches the target, passing it by less than a unit where the top
// of the target's sourced range and the limit allow, and else stops below
// it. It returns the daily amounts and their counts of grains.
func (k *Knowledge) unitLadder(p *Plan, start, grain float64) (amounts, counts []float64, err error) {
	t := k.Titration
	what := UnitCount(p.Unit.Name, 1)
	if p.Unit.Half {
		what = UnitCount(p.Unit.Name, 0.5)
	}
	if grain > t.StartMax.Value+eps {
		m := msg.Errorf("%s of %s carries %s mg of magnesium, more than a first step may be (at most %s mg a day)",
			what, p.Form.Name, msg.N(grain, 1), msg.N(t.StartMax.Value, 0))
		if p.Unit.Half {
			return nil, nil, &UnitError{m.WithHint("give the label's magnesium per unit with --capsule-elemental MG, or use a smaller product (--target changes the daily amount, not the first step)")}
		}
		return nil, nil, &UnitError{m.WithHint("use --half if it can be split, or --capsule-elemental MG with the label's magnesium per unit (--target changes the daily amount, not the first step)")}
	}
	// the highest daily amount the schedule may reach: the target, or up
	// to the top of its sourced range; never above the limit (with the
	// other magnesium) unless a supervised target is above it
	ceiling := math.Max(p.TargetMg, p.Target.Max)
	fits := func(d float64) bool {
		if d > ceiling+eps {
			return false
		}
		return !p.Limit.Check(d+p.OtherMg).Over || p.Supervised && d <= p.TargetMg+eps
	}
	n := math.Floor(start/grain + eps)
	if n == 0 {
		n = 1
		p.UnitStart = true
	}
	if !fits(n * grain) {
		m := msg.Errorf("%s of %s carries %s mg of magnesium, more than the %s mg/day target", what, p.Form.Name, msg.N(grain, 1), msg.A(p.TargetMg))
		if p.OtherMg > 0 && p.Limit.Check(n*grain+p.OtherMg).Over {
			m = msg.Errorf("%s of %s carries %s mg of magnesium, more than fits under the limit beside your other %s mg/day", what, p.Form.Name, msg.N(grain, 1), msg.N(p.OtherMg, 1))
		}
		return nil, nil, &UnitError{m.WithHint("use --half if it can be split, a higher --target, or --capsule-elemental MG with the label's magnesium per unit")}
	}
	per := math.Max(1, math.Floor(k.Titration.Step.Value/grain+eps))
	for {
		amounts, counts = append(amounts, n*grain), append(counts, n)
		if n*grain >= p.TargetMg-eps {
			return amounts, counts, nil
		}
		next := n + per
		if next*grain > p.TargetMg+eps {
			// the step that reaches the target: the fewest units that do,
			// where they fit, else the most that fit
			next = math.Ceil(p.TargetMg/grain - eps)
			for next > n && !fits(next*grain) {
				next--
			}
		}
		if next <= n || !fits(next*grain) {
			p.notice(Notice{Key: "units", Warning: true, Brief: true,
				Text: msg.New("in whole units the schedule reaches %s mg/day, below the %s mg/day target: %s more would pass %s",
					msg.N(n*grain, 1), msg.A(p.TargetMg), what, k.passes(p, (n+1)*grain))})
			return amounts, counts, nil
		}
		n = next
	}
}

// passes words what an amount would pass: the limit, or the top of the
// target's range.
func (k *Knowledge) passes(p *Plan, d float64) *msg.Message {
	if p.Limit.Check(d + p.OtherMg).Over {
		if p.OtherMg > 0 {
			return msg.New("the %s mg/day upper limit with your other magnesium", msg.N(*p.Limit.Mg(), 0))
		}
		return msg.New("the %s mg/day upper limit", msg.N(*p.Limit.Mg(), 0))
	}
	return msg.New("%s mg/day, the top of the target's range", msg.A(math.Max(p.TargetMg, p.Target.Max)))
}

// UnitCount words n units named name (tablet, capsule, sachet, scoop) as
// people count them: ½ tablet, 1 tablet, 1½ tablets, 2 tablets.
func UnitCount(name string, n float64) *msg.Message {
	whole := math.Floor(n + eps)
	half := n-whole > 0.25
	w := int(whole)
	switch name {
	case "capsule":
		switch {
		case half && w == 0:
			return msg.New("½ capsule")
		case half && w == 1:
			return msg.New("1½ capsules")
		case half:
			return msg.New("%d½ capsules", w)
		case w == 1:
			return msg.New("1 capsule")
		}
		return msg.New("%d capsules", w)
	case "sachet":
		switch {
		case half && w == 0:
			return msg.New("½ sachet")
		case half && w == 1:
			return msg.New("1½ sachets")
		case half:
			return msg.New("%d½ sachets", w)
		case w == 1:
			return msg.New("1 sachet")
		}
		return msg.New("%d sachets", w)
	case "scoop":
		switch {
		case half && w == 0:
			return msg.New("½ scoop")
		case half && w == 1:
			return msg.New("1½ scoops")
		case half:
			return msg.New("%d½ scoops", w)
		case w == 1:
			return msg.New("1 scoop")
		}
		return msg.New("%d scoops", w)
	}
	switch {
	case half && w == 0:
		return msg.New("½ tablet")
	case half && w == 1:
		return msg.New("1½ tablets")
	case half:
		return msg.New("%d½ tablets", w)
	case w == 1:
		return msg.New("1 tablet")
	}
	return msg.New("%d tablets", w)
}

// evaluation is the goal's evaluation points for form f: each point for
// every form, replaced by the point of the same day for f where there is
// one.
func (k *Knowledge) evaluation(g *Goal, f *forms.Form) []EvalPoint {
	var out []EvalPoint
	for _, e := range g.Evaluate {
		if len(e.Forms) > 0 {
			continue
		}
		for _, o := range g.Evaluate {
			if o.Day == e.Day && len(o.Forms) > 0 && k.FormIsAny(f, o.Forms) {
				e = o
				break
			}
		}
		out = append(out, e)
	}
	return out
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
	return AppliedRule{Key: key, Value: r.Value, Max: r.Max, Unit: unit, Basis: r.Basis, Sources: r.Sources, Note: r.Note}
}

// meds finds each medicine's class: magnesium that counts, a spacing, a
// reason to see a doctor, or unknown (reported, never ignored). A
// medicine taken on waking moves the morning intakes to midday.
func (k *Knowledge) meds(p *Plan, names []string) {
	for _, name := range names {
		if strings.TrimSpace(name) == "" {
			continue
		}
		n := fold(name) // "" for a name with a character no name has: unknown
		med := k.Index.med(n)
		if mp := med.Product; mp != nil {
			i := slices.IndexFunc(p.Products, func(np NamedProduct) bool { return np.Product == mp })
			if i < 0 {
				p.Products = append(p.Products, NamedProduct{Product: mp})
				i = len(p.Products) - 1
			}
			p.Products[i].Named = append(p.Products[i].Named, name)
			continue
		}
		in, d := med.Spaced, med.Depleting
		if in != nil {
			i := slices.IndexFunc(p.Spacing, func(s MedSpacing) bool { return s.Interaction == in })
			if i < 0 {
				p.Spacing = append(p.Spacing, k.spacing(in, p.Form))
				i = len(p.Spacing) - 1
			}
			p.Spacing[i].Named = append(p.Spacing[i].Named, name)
		}
		if d != nil && !slices.Contains(p.Depleting, d) {
			p.Depleting = append(p.Depleting, d)
		}
		if in == nil && d == nil {
			p.UnknownMeds = append(p.UnknownMeds, name)
		}
	}
	// a one-way rule applied: mgcalc's reading of the other way, citing
	// the rules it reads
	var oneWay []string
	for _, s := range p.Spacing {
		for _, i := range s.Rules {
			if sp := s.Interaction.Spacings[i]; s.Applies && sp.OneWay() {
				for _, id := range sp.Sources {
					if !slices.Contains(oneWay, id) {
						oneWay = append(oneWay, id)
					}
				}
			}
		}
	}
	if len(oneWay) > 0 {
		r := applied("closed_way", k.Titration.ClosedWay, "h")
		r.Sources = oneWay
		p.Rules = append(p.Rules, r)
	}
	for _, s := range p.Spacing {
		// a medicine taken on waking moves the morning magnesium after it,
		// where its rule lets magnesium follow it
		if s.Applies && len(s.Rules) > 0 && s.Interaction.OnWaking != nil && s.BeforeHours < ClosedHours {
			p.Midday = append(p.Midday, s.Interaction)
		}
	}
	if len(p.Midday) == 0 {
		return
	}
	moved := false
	for i := range p.Steps {
		for j := range p.Steps[i].Intakes {
			if in := &p.Steps[i].Intakes[j]; in.When == Morning {
				in.When, moved = Midday, true
			}
		}
	}
	if !moved {
		p.Midday = nil
	}
}

// spacing is how interaction in applies to form f: the rules that apply
// to f and the longest of them, or, where the interaction belongs to other
// forms, none.
func (k *Knowledge) spacing(in *Interaction, f *forms.Form) MedSpacing {
	s := MedSpacing{Interaction: in}
	keys := in.Forms
	if len(keys) == 0 {
		for _, sp := range in.Spacings {
			for _, fk := range sp.Forms {
				if !slices.Contains(keys, fk) {
					keys = append(keys, fk)
				}
			}
		}
	}
	for _, fk := range keys {
		if nf, ok := k.Index.named(fk); ok {
			s.Forms = append(s.Forms, nf.Form)
		}
	}
	if !k.FormIsAny(f, in.Forms) {
		s.General = &k.Titration.GeneralSpacing
		return s
	}
	s.Rules = ApplyingRules(in.Spacings, in.Forms, func(keys []string) bool { return k.FormIsAny(f, keys) })
	s.BeforeHours, s.AfterHours = Longest(in.Spacings, s.Rules)
	s.OneWay = anyOneWay(in.Spacings, s.Rules)
	s.Applies = len(s.Rules) > 0 || in.Advice != nil
	if !s.Applies {
		s.General = &k.Titration.GeneralSpacing
	}
	return s
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
	person := r.Limit.Person
	warn := func(key string, safety bool, f Fact, text *msg.Message) {
		p.notice(Notice{Key: key, Warning: true, Safety: safety, Brief: true, Text: text, Short: short(f), Sources: f.Sources})
	}
	if p.Supervised {
		warn("supervised", true, g.AboveUL, msg.New("this plan is for use under medical supervision only: %s", g.AboveUL.Text))
		p.Notices[len(p.Notices)-1].Short = msg.New("for use under medical supervision only: the schedule goes above the upper limit")
		if !slices.ContainsFunc(p.Steps, func(s Step) bool { return s.Check.Over }) {
			p.Notices[len(p.Notices)-1].Short = msg.New("for use under medical supervision only")
		}
	}
	if person.Pregnant || person.Lactating {
		warn("pregnancy", true, g.Pregnancy, msg.New("%s", g.Pregnancy.Text))
	}
	if r.EGFR != nil && *r.EGFR < g.KidneyWarn.Value {
		warn("egfr", true, Fact{Sources: append(append([]string{}, g.KidneyWarn.Sources...), t.Monitoring.Sources...)},
			msg.New("an eGFR of %s mL/min is below %s: talk to your doctor before taking magnesium, and have your serum magnesium checked", msg.A(*r.EGFR), msg.N(g.KidneyWarn.Value, 0)))
	}
	for _, c := range r.Conditions {
		if c.Caution {
			warn("condition", true, c.Reason, msg.New("%s: %s", c.Name, c.Reason.Text))
			if c.Reason.Short != "" {
				p.Notices[len(p.Notices)-1].Short = msg.New("%s: %s", c.Name, c.Reason.Short)
			}
		}
	}
	if r.Kidney == KidneyUnknown && r.EGFR == nil && len(r.Conditions) == 0 {
		warn("screen", true, g.Screen, msg.New("%s", g.Screen.Text))
	}
	for _, d := range p.Depleting {
		warn("depleting", true, d.Advice, msg.New("%s: %s", d.Name, d.Advice.Text))
	}
	for _, np := range p.Products {
		f, named := np.Product.Fact, strings.Join(np.Named, ", ")
		n := Notice{Key: "magnesium-product", Warning: true, Safety: true, Brief: true, Sources: f.Sources}
		if form := np.Product.Form; form != "" {
			n.Text = msg.New("%s (%s) is magnesium too: %s. It counts toward the same upper limit: give your daily amount with --with %s:MG", np.Product.Name, named, f.Text, form)
			n.Short = msg.New("%s is magnesium too: it counts toward the same limit; give your daily amount with --with %s:MG", np.Product.Name, form)
		} else {
			n.Text = msg.New("%s (%s): %s. What it holds counts toward the same upper limit: give your daily amount with --with FORM:MG", np.Product.Name, named, f.Text)
			n.Short = msg.New("many %s contain magnesium: read the label; what it holds counts toward the same limit (--with FORM:MG)", np.Product.Name)
		}
		p.notice(n)
	}
	for _, name := range p.UnknownMeds {
		p.notice(Notice{Key: "unknown-medicine", Warning: true, Safety: true, Brief: true,
			Text: msg.New("mgcalc does not know the medicine %q: ask your pharmacist whether it interacts with magnesium", name)})
	}
	for _, c := range k.FormCautions {
		if k.FormIsAny(p.Form, c.Forms) && (c.MinAge == nil || !person.AgeSet || person.Age >= c.MinAge.Value) {
			warn("form-caution", true, Fact{Text: c.Text, Short: c.Short, Sources: c.Sources}, msg.New("%s", c.Text))
			p.Cautions = append(p.Cautions, c)
		}
	}
	if u := p.Goal.UntestedDose; u != nil && p.TargetMg < u.BelowMg-eps {
		warn("untested-dose", false, Fact{Text: u.Text, Short: u.Short, Sources: u.Sources}, msg.New("%s", u.Text))
	}
	if p.Goal.TargetForm != "" && !k.FormIs(p.Form, p.Goal.TargetForm) {
		trial := p.Goal.TargetForm
		if f := k.formNamed(trial); f != nil {
			trial = f.Name
		}
		p.notice(Notice{Key: "target-form", Warning: true, Brief: true,
			Text: msg.New("the evidence for %s is for %s; with %s the evaluation days come from that trial and the target is the general one", p.Goal.Name, trial, p.Form.Name)})
	}
	if pl := p.Form.PreferLabel; pl != nil && p.CompoundKnown {
		lo, hi := shareRange(p.Form)
		p.notice(Notice{Key: "prefer-label", Warning: true, Brief: true, Sources: pl.Sources,
			Text:  msg.New("the compound amounts are for %s: %s; if the label states the magnesium per unit, plan with --capsule-elemental", p.Variant.Name, pl.Text),
			Short: msg.New("%s holds %s-%s %% Mg, blends more: if the label states the magnesium per unit, use --capsule-elemental", p.Form.Name, msg.N(lo*100, 1), msg.N(hi*100, 1))})
	}
	advice := func(key string, brief bool, f Fact) {
		p.notice(Notice{Key: key, Brief: brief, Text: msg.New("%s", f.Text), Short: short(f), Sources: f.Sources})
	}
	if p.Supervised {
		advice("supervised-ramp", false, t.SupervisedRamp)
	}
	advice("keep-lowest", false, t.KeepLowest)
	advice("step-back", true, t.StepBack)
	advice("with-food", true, t.WithFood)
	advice("other-magnesium", true, t.OtherMagnesium)
	if r.EGFR != nil && *r.EGFR < g.KidneyWarn.Value {
		advice("monitoring", true, t.Monitoring)
	}
	for _, n := range p.Goal.Notes {
		if k.FormIsAny(p.Form, n.Forms) {
			p.Notes = append(p.Notes, n)
			advice("goal-note", n.Brief, n.Fact())
		}
	}
	// the highest daily amount, with the other magnesium, against the
	// other authorities' limits
	peak := p.ReachedMg + p.OtherMg
	if !p.Limit.Check(peak).Over {
		p.AboveOthers = p.Limit.OverOthers(peak, r.Others)
		if len(p.AboveOthers) > 0 {
			var srcs []string
			for _, o := range p.AboveOthers {
				srcs = append(srcs, o.Band.Sources...)
			}
			p.notice(Notice{Key: "other-limit", Warning: true, Safety: true, Brief: true, Sources: srcs,
				Text: limits.AboveOthers(peak, p.Limit, p.AboveOthers)})
		}
	}
}

// shareRange is the lowest and highest Mg fraction of f's variants.
func shareRange(f *forms.Form) (lo, hi float64) {
	lo, hi = math.Inf(1), 0
	for _, v := range f.Variants {
		lo, hi = math.Min(lo, v.Fraction), math.Max(hi, v.Fraction)
	}
	return lo, hi
}

// order puts the notices in the order the text reads them: safety
// warnings first (in the order they were found), then the other warnings,
// then advice; and fills Warnings and Advice with their full texts.
func (p *Plan) order() {
	rank := func(n Notice) int {
		switch {
		case n.Warning && n.Safety:
			return 0
		case n.Warning:
			return 1
		}
		return 2
	}
	slices.SortStableFunc(p.Notices, func(a, b Notice) int { return rank(a) - rank(b) })
	p.Warnings, p.Advice = nil, nil
	for _, n := range p.Notices {
		if n.Warning {
			p.Warnings = append(p.Warnings, n.Text)
		} else {
			p.Advice = append(p.Advice, n.Text)
		}
	}
}

func (p *Plan) collectSources(k *Knowledge, r Request) []string {
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
		for _, i := range s.Rules {
			add(s.Interaction.Spacings[i].Sources)
		}
		if a := s.Interaction.Advice; a != nil && s.Applies {
			add(a.Sources)
		}
		if !s.Applies {
			for _, sp := range s.Interaction.Spacings {
				add(sp.Sources)
			}
			if a := s.Interaction.Advice; a != nil {
				add(a.Sources)
			}
			add(k.Titration.GeneralSpacing.Sources)
		}
	}
	for _, in := range p.Midday {
		add(in.OnWaking.Sources)
	}
	for _, n := range p.Notices {
		add(n.Sources)
	}
	for _, c := range p.Cautions {
		if c.MinAge != nil {
			add(c.MinAge.Sources)
		}
	}
	for _, c := range r.Conditions {
		add(c.Reason.Sources)
	}
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
