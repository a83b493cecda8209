package journal

import (
	"fmt"
	"slices"
	"time"

	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
)

// Plan is the journal's own snapshot of a saved schedule: what `plan …
// --save` printed, kept so that a later change to plan's output or tables
// never changes a saved plan.
type Plan struct {
	ID      uint64    `json:"id"`
	SavedAt time.Time `json:"saved_at"`
	// Start is the plan's first day (day 1), a calendar date at UTC
	// midnight.
	Start time.Time `json:"start"`
	// Ended is the last day of a plan that a newer one replaced (the day
	// before the newer one starts); nil for the active plan.
	Ended *time.Time `json:"ended,omitempty"`

	// FormIs names the forms the interaction table's rules name that the
	// plan's form is (matched by formula when saved).
	FormIs      []string `json:"form_is,omitempty"`
	Goal        string   `json:"goal"`
	GoalName    string   `json:"goal_name"`
	Gut         string   `json:"gut"`
	Form        string   `json:"form"`
	FormName    string   `json:"form_name"`
	Variant     string   `json:"variant"`
	VariantName string   `json:"variant_name"`
	Formula     string   `json:"formula"`
	Fraction    float64  `json:"fraction"`
	TargetMg    float64  `json:"target_mg"`
	ReachedMg   float64  `json:"reached_mg"`
	Supervised  bool     `json:"supervised"`
	Pregnant    bool     `json:"pregnant,omitempty"`
	Lactating   bool     `json:"lactating,omitempty"`
	Limit       *Limit   `json:"limit"`
	// OtherMg is the other magnesium a day (--with, --stack) the plan was
	// made beside; 0 in plans saved before it was kept.
	OtherMg float64 `json:"other_mg,omitempty"`
	// UnitElMg is the magnesium per whole unit (capsule); 0 without units.
	UnitElMg float64 `json:"unit_elemental_mg,omitempty"`
	UnitMg   float64 `json:"unit_compound_mg,omitempty"`
	Half     bool    `json:"half,omitempty"`
	// UnitName is what a unit is called (tablet, capsule, sachet,
	// scoop); empty in plans saved before it was kept.
	UnitName      string `json:"unit_name,omitempty"`
	CompoundKnown bool   `json:"compound_known"`
	Steps         []Step `json:"steps"`
	// Morning and Evening are the clock times of the intakes (HH:MM).
	Morning string `json:"morning"`
	Evening string `json:"evening"`
	// IntervalDays is the plan's step interval, which the loop holds a
	// stepped-back dose for.
	IntervalDays int    `json:"interval_days"`
	StepBack     Fact   `json:"step_back"`
	KeepLowest   Fact   `json:"keep_lowest"`
	Spacing      []Med  `json:"spacing,omitempty"`
	Evaluate     []Eval `json:"evaluate,omitempty"`
	// Warnings are the plan's warnings in English, as saved; WarningTexts
	// the same as messages (format and arguments), so a report prints
	// them in the reader's language (none in plans saved before they
	// were kept: the English then).
	Warnings     []string `json:"warnings,omitempty"`
	WarningTexts []Text   `json:"warning_texts,omitempty"`
}

// Text is a message kept in the journal so that it prints in the
// reader's language later: its English format (the catalogue's key) and
// its arguments.
type Text struct {
	Format string    `json:"format"`
	Args   []TextArg `json:"args,omitempty"`
}

// TextArg is one argument of a Text: a string (S), a number printed with
// the reader's decimal separator (N with Dec; Dec -1: an amount), an
// integer (I), another float (F) or a message (M).
type TextArg struct {
	S   *string  `json:"s,omitempty"`
	N   *float64 `json:"n,omitempty"`
	Dec int      `json:"dec,omitempty"`
	I   *int64   `json:"i,omitempty"`
	F   *float64 `json:"f,omitempty"`
	M   *Text    `json:"m,omitempty"`
}

// TextOf keeps message m.
func TextOf(m *msg.Message) Text {
	t := Text{Format: m.Format}
	for _, a := range m.Args {
		var ta TextArg
		switch v := a.(type) {
		case *msg.Message:
			sub := TextOf(v)
			ta.M = &sub
		case msg.Number:
			n := v.V
			ta.N, ta.Dec = &n, v.Dec
		case string:
			ta.S = &v
		case int:
			i := int64(v)
			ta.I = &i
		case int64:
			ta.I = &v
		case float64:
			ta.F = &v
		default:
			s := fmt.Sprint(v)
			ta.S = &s
		}
		t.Args = append(t.Args, ta)
	}
	return t
}

// Message is the kept message again, for a Printer.
func (t Text) Message() *msg.Message {
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		switch {
		case a.M != nil:
			args[i] = a.M.Message()
		case a.N != nil:
			args[i] = msg.Number{V: *a.N, Dec: a.Dec}
		case a.I != nil:
			args[i] = int(*a.I)
		case a.F != nil:
			args[i] = *a.F
		case a.S != nil:
			args[i] = *a.S
		default:
			args[i] = ""
		}
	}
	return msg.New(t.Format, args...)
}

// Step is a run of days at one daily dose.
type Step struct {
	FirstDay    int      `json:"first_day"`
	LastDay     int      `json:"last_day"`
	ElementalMg float64  `json:"elemental_mg"` // per day
	CompoundMg  float64  `json:"compound_mg"`
	Units       float64  `json:"units,omitempty"`
	Intakes     []Intake `json:"intakes"`
}

// Intake is one time of day's dose within a step.
type Intake struct {
	When string `json:"when"` // morning, midday or evening
	// At is the intake's clock time (HH:MM) as the plan set it when saved
	// (a midday intake moved past a medicine taken on waking); empty in
	// plans saved before it was kept: the morning or evening time then.
	At          string  `json:"at,omitempty"`
	ElementalMg float64 `json:"elemental_mg"`
	CompoundMg  float64 `json:"compound_mg"`
	Units       float64 `json:"units,omitempty"`
}

// Fact is a sourced sentence.
type Fact struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// Eval is a day on which to judge whether it helps.
type Eval struct {
	Day     int      `json:"day"`
	What    string   `json:"what"`
	Sources []string `json:"sources"`
}

// PlanOf snapshots p, to start on start (a date; its clock is dropped),
// with intakes at morning and evening (HH:MM).
func PlanOf(p *plan.Plan, start time.Time, morning, evening string, savedAt time.Time) Plan {
	s := Plan{SavedAt: savedAt, Start: Day(start), Goal: p.Goal.Key, GoalName: p.Goal.Name, Gut: string(p.Gut),
		Form: p.Form.Key, FormName: p.Form.Name, Variant: p.Variant.Key, VariantName: p.Variant.Name,
		Formula: p.Variant.Formula, Fraction: p.Share.Fraction, TargetMg: p.TargetMg, ReachedMg: p.ReachedMg,
		Supervised: p.Supervised, Pregnant: p.Limit.Person.Pregnant, Lactating: p.Limit.Person.Lactating,
		Limit: LimitOf(p.Limit), OtherMg: p.OtherMg, UnitElMg: p.UnitElMg, UnitMg: p.Unit.CompoundMg, Half: p.Unit.Half, UnitName: p.Unit.Name,
		CompoundKnown: p.CompoundKnown, Morning: morning, Evening: evening}
	for _, st := range p.Steps {
		step := Step{FirstDay: st.FirstDay, LastDay: st.LastDay, ElementalMg: st.ElementalMg, CompoundMg: st.CompoundMg, Units: st.Units}
		for _, in := range st.Intakes {
			at := ""
			if m, okM := clockOffset(morning); okM {
				if e, okE := clockOffset(evening); okE {
					at = hhmm(p.IntakeTime(in.When, m, e))
				}
			}
			step.Intakes = append(step.Intakes, Intake{When: string(in.When), At: at, ElementalMg: in.ElementalMg, CompoundMg: in.CompoundMg, Units: in.Units})
		}
		s.Steps = append(s.Steps, step)
	}
	for _, r := range p.Rules {
		switch r.Key {
		case "interval":
			s.IntervalDays = int(r.Value)
		case "step_back":
			s.StepBack = Fact{Text: r.Note, Sources: r.Sources}
		case "keep_lowest":
			s.KeepLowest = Fact{Text: r.Note, Sources: r.Sources}
		}
	}
	s.FormIs = p.FormIs
	for i := range p.Spacing {
		sp := &p.Spacing[i]
		m := MedOf(sp.Interaction.Name, sp, nil, true)
		if len(sp.Named) > 0 {
			m.Name = sp.Named[0]
		}
		// the plan's form: the rules that apply to it, and their hours
		for j := range m.Rules {
			applies := slices.Contains(sp.Rules, j)
			m.Rules[j].Applies = &applies
		}
		m.BeforeHours, m.AfterHours = sp.BeforeHours, sp.AfterHours
		s.Spacing = append(s.Spacing, *m)
	}
	for _, e := range p.Evaluate {
		s.Evaluate = append(s.Evaluate, Eval{Day: e.Day, What: e.What, Sources: e.Sources})
	}
	for _, w := range p.Warnings {
		s.Warnings = append(s.Warnings, w.Error())
		s.WarningTexts = append(s.WarningTexts, TextOf(w))
	}
	return s
}

// WarningMessages are the plan's warnings as messages, in the reader's
// language when printed; a plan saved before they were kept has its
// English.
func (p *Plan) WarningMessages() []*msg.Message {
	var out []*msg.Message
	if len(p.WarningTexts) == len(p.Warnings) && len(p.Warnings) > 0 {
		for _, t := range p.WarningTexts {
			out = append(out, t.Message())
		}
		return out
	}
	for _, w := range p.Warnings {
		out = append(out, msg.New("%s", w))
	}
	return out
}

// WarningsUnder are the plan's warnings for a reader under limit l, with
// others every authority's limit for the same person: the saved ones, but
// the line that the plan's highest daily amount (with the other
// magnesium it was made beside) is above another authority's limit is
// worked out again against l, never replayed from the limit the plan was
// saved under (a plan saved under the UK EVM's 400 mg/day read under the
// EU's 250 mg/day is above the limit in force, not "within the UK EVM
// limit that mgcalc applies"). The rule is plan's: only a daily amount
// within l is compared with the others.
func (p *Plan) WarningsUnder(l limits.Applied, others []limits.Applied) []*msg.Message {
	saved := p.WarningMessages()
	var out []*msg.Message
	at := -1
	for _, m := range saved {
		if limits.IsAboveOthers(m.Format) {
			if at < 0 {
				at = len(out)
			}
			continue
		}
		out = append(out, m)
	}
	if l.Mg() == nil || len(p.Steps) == 0 {
		return out
	}
	peak := p.OtherMg
	for _, s := range p.Steps {
		peak = max(peak, s.ElementalMg+p.OtherMg)
	}
	if l.Check(peak).Over {
		return out
	}
	over := l.OverOthers(peak, others)
	if len(over) == 0 {
		return out
	}
	if at < 0 {
		at = len(out)
	}
	return slices.Insert(out, at, limits.AboveOthers(peak, l, over))
}

// LastDay is the plan's last day number.
func (p *Plan) LastDay() int { return p.Steps[len(p.Steps)-1].LastDay }

// DayNumber is day d's number in the plan (1 on the start; 0 or less
// before it).
func (p *Plan) DayNumber(d time.Time) int { return DaysBetween(p.Start, d) + 1 }

// DateOf is the date of plan day n.
func (p *Plan) DateOf(n int) time.Time { return p.Start.AddDate(0, 0, n-1) }

// Covers reports whether the plan was the active one on day d.
func (p *Plan) Covers(d time.Time) bool {
	return !d.Before(p.Start) && (p.Ended == nil || !d.After(*p.Ended))
}

// stepAt is the index of the step that holds plan day n; past the last
// day, the last step (its dose continues).
func (p *Plan) stepAt(n int) int {
	for i, s := range p.Steps {
		if n <= s.LastDay {
			return i
		}
	}
	return len(p.Steps) - 1
}

// Check judges a daily amount against the plan's limit (pkg/limits
// decides).
func (p *Plan) Check(mg float64) limits.Check { return p.Limit.Applied().Check(mg) }

// Day is the calendar date of t in t's own location, as a time at UTC
// midnight: the unit the journal counts in.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// DayIn is the calendar date of t in loc.
func DayIn(t time.Time, loc *time.Location) time.Time { return Day(t.In(loc)) }

// DaysBetween is the number of days from a to b (dates at UTC midnight).
func DaysBetween(a, b time.Time) int {
	return int(b.Sub(a).Hours()/24 + 0.5*sign(b.Sub(a).Hours()))
}

func sign(x float64) float64 {
	if x < 0 {
		return -1
	}
	return 1
}

// ClockOn is the time hh:mm on date d (a date at UTC midnight) in loc.
func ClockOn(d time.Time, hhmm string, loc *time.Location) (time.Time, bool) {
	c, err := time.Parse("15:04", hhmm)
	if err != nil {
		return time.Time{}, false
	}
	return time.Date(d.Year(), d.Month(), d.Day(), c.Hour(), c.Minute(), 0, 0, loc), true
}

// clockOffset reads HH:MM as an offset from midnight.
func clockOffset(s string) (time.Duration, bool) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, false
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, true
}

// hhmm writes an offset from midnight as HH:MM.
func hhmm(d time.Duration) string {
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Add(d).Format("15:04")
}

// Clock is the intake's clock time (HH:MM) in plan p.
func (in Intake) Clock(p *Plan) string {
	switch {
	case in.At != "":
		return in.At
	case in.When == string(plan.Morning):
		return p.Morning
	}
	return p.Evening
}

// Is says which forms the plan's form is, for a medicine's rules.
func (p *Plan) Is() func(keys []string) bool { return isForm(p.Form, p.FormIs) }
