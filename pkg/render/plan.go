package render

import (
	"strings"
	"time"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/text"
)

type evidenceJSON struct {
	Form         string   `json:"form"`
	Grade        string   `json:"grade"`
	Finding      string   `json:"finding"`
	Sources      []string `json:"sources"`
	TrialMg      *float64 `json:"trial_mg"`
	TrialAboveUL bool     `json:"trial_above_ul"`
}

type factJSON struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

type unitJSON struct {
	CompoundMg  *float64 `json:"compound_mg"`
	ElementalMg float64  `json:"elemental_mg"` // per whole unit
	Half        bool     `json:"half"`
}

type intakeJSON struct {
	Time        string   `json:"time"`
	ElementalMg float64  `json:"elemental_mg"`
	CompoundMg  *float64 `json:"compound_mg"` // null where units are given by their magnesium
	Units       *float64 `json:"units"`
}

type stepJSON struct {
	StartDay         int          `json:"start_day"`
	EndDay           int          `json:"end_day"`
	StartDate        *string      `json:"start_date"`
	EndDate          *string      `json:"end_date"`
	DailyElementalMg float64      `json:"daily_elemental_mg"`
	DailyCompoundMg  *float64     `json:"daily_compound_mg"`
	DailyUnits       *float64     `json:"daily_units"`
	ULPercent        float64      `json:"ul_percent"`
	Over             bool         `json:"over"`
	Intakes          []intakeJSON `json:"intakes"`
}

type ruleJSON struct {
	Key     string   `json:"key"`
	Value   *float64 `json:"value"`
	Unit    string   `json:"unit,omitempty"`
	Basis   string   `json:"basis"`
	Sources []string `json:"sources"`
	Note    string   `json:"note"`
}

type evalJSON struct {
	Day     int      `json:"day"`
	Date    *string  `json:"date"`
	What    string   `json:"what"`
	Sources []string `json:"sources"`
}

type spacingRuleJSON struct {
	BeforeHours float64  `json:"before_hours"`
	AfterHours  float64  `json:"after_hours"`
	Text        string   `json:"text"`
	Sources     []string `json:"sources"`
}

type spacingJSON struct {
	Class       string            `json:"class"`
	Name        string            `json:"name"`
	Medicines   []string          `json:"medicines"`
	BeforeHours float64           `json:"before_hours"`
	AfterHours  float64           `json:"after_hours"`
	Rules       []spacingRuleJSON `json:"rules"`
}

type depletingJSON struct {
	Class   string   `json:"class"`
	Name    string   `json:"name"`
	Advice  string   `json:"advice"`
	Sources []string `json:"sources"`
}

type planJSON struct {
	Goal          string          `json:"goal"`
	GoalName      string          `json:"goal_name"`
	GoalFinding   factJSON        `json:"goal_finding"`
	Gut           string          `json:"gut"`
	Form          string          `json:"form"`
	FormName      string          `json:"form_name"`
	Variant       string          `json:"variant"`
	Fraction      float64         `json:"fraction"`
	ChosenBy      string          `json:"chosen_by"` // recommendation | person
	Evidence      *evidenceJSON   `json:"evidence"`  // null: the form is not rated for the goal
	Alternatives  []evidenceJSON  `json:"alternatives"`
	TargetMg      float64         `json:"target_mg"`
	ReachedMg     float64         `json:"reached_mg"`
	Authority     string          `json:"authority"`
	AuthorityName string          `json:"authority_name"`
	ULMg          float64         `json:"ul_mg"`
	ULSources     []string        `json:"ul_sources"`
	Supervised    bool            `json:"supervised"`
	Unit          *unitJSON       `json:"unit"`
	StartDate     *string         `json:"start_date"`
	Steps         []stepJSON      `json:"steps"`
	Rules         []ruleJSON      `json:"rules"`
	EvaluateDays  []evalJSON      `json:"evaluate_days"`
	Spacing       []spacingJSON   `json:"spacing"`
	Depleting     []depletingJSON `json:"depleting"`
	UnknownMeds   []string        `json:"unknown_meds"`
	Warnings      []string        `json:"warnings"`
	Advice        []string        `json:"advice"`
	Sources       []string        `json:"sources"`
}

// Plan is the report of `plan`.
type Plan struct {
	p     *plan.Plan
	start *time.Time
	j     planJSON
}

// DateOf is the date of a plan day (day 1 is start).
func DateOf(start time.Time, day int) time.Time { return start.AddDate(0, 0, day-1) }

func dateStr(start *time.Time, day int) *string {
	if start == nil {
		return nil
	}
	s := DateOf(*start, day).Format(time.DateOnly)
	return &s
}

func evidenceOf(c *plan.Choice, above bool) evidenceJSON {
	return evidenceJSON{Form: c.Form, Grade: string(c.Grade), Finding: c.Finding, Sources: nonNil(c.Sources), TrialMg: c.TrialMg, TrialAboveUL: above}
}

func optUnits(u float64, set bool) *float64 {
	if !set {
		return nil
	}
	return ptr(Round(u, 2))
}

// NewPlan maps a plan; start (nil: none) dates its days. Warnings and
// advice are machine text in English: they are the sources' words.
func NewPlan(p *plan.Plan, start *time.Time) *Plan {
	j := planJSON{
		Goal: p.Goal.Key, GoalName: p.Goal.Name, GoalFinding: factJSON{p.Goal.Finding.Text, nonNil(p.Goal.Finding.Sources)},
		Gut: string(p.Gut), Form: p.Form.Key, FormName: p.Form.Name, Variant: p.Variant.Key,
		Fraction: Round(p.Share.Fraction, FractionDec), ChosenBy: "recommendation",
		Alternatives: []evidenceJSON{}, TargetMg: Round(p.TargetMg, MassDec), ReachedMg: Round(p.ReachedMg, MassDec),
		Authority: p.Limit.Authority.Key, AuthorityName: p.Limit.Authority.Name, ULMg: *p.Limit.Mg(), ULSources: nonNil(p.Limit.Band.Sources),
		Supervised: p.Supervised, Steps: []stepJSON{}, Rules: []ruleJSON{}, EvaluateDays: []evalJSON{},
		Spacing: []spacingJSON{}, Depleting: []depletingJSON{}, UnknownMeds: nonNil(p.UnknownMeds),
		Warnings: []string{}, Advice: []string{}, Sources: nonNil(p.Sources),
	}
	if start != nil {
		s := start.Format(time.DateOnly)
		j.StartDate = &s
	}
	if p.Chosen {
		j.ChosenBy = "person"
	}
	if p.Choice != nil {
		e := evidenceOf(p.Choice, p.TrialAboveUL[p.Choice])
		j.Evidence = &e
	}
	for _, c := range p.Alternatives {
		j.Alternatives = append(j.Alternatives, evidenceOf(c, p.TrialAboveUL[c]))
	}
	if p.Unit.IsSet() {
		u := &unitJSON{ElementalMg: Round(p.UnitElMg, MassDec), Half: p.Unit.Half}
		if p.Unit.CompoundMg > 0 {
			u.CompoundMg = ptr(p.Unit.CompoundMg)
		}
		j.Unit = u
	}
	for _, s := range p.Steps {
		sj := stepJSON{StartDay: s.FirstDay, EndDay: s.LastDay, StartDate: dateStr(start, s.FirstDay), EndDate: dateStr(start, s.LastDay),
			DailyElementalMg: Round(s.ElementalMg, MassDec), DailyCompoundMg: compoundOpt(p, s.CompoundMg),
			DailyUnits: optUnits(s.Units, p.Unit.IsSet()), ULPercent: Round(s.Check.Percent, PercentDec), Over: s.Check.Over}
		for _, in := range s.Intakes {
			sj.Intakes = append(sj.Intakes, intakeJSON{Time: string(in.When), ElementalMg: Round(in.ElementalMg, MassDec),
				CompoundMg: compoundOpt(p, in.CompoundMg), Units: optUnits(in.Units, p.Unit.IsSet())})
		}
		j.Steps = append(j.Steps, sj)
	}
	for _, r := range p.Rules {
		rj := ruleJSON{Key: r.Key, Unit: r.Unit, Basis: string(r.Basis), Sources: nonNil(r.Sources), Note: r.Text()}
		if r.Value != 0 {
			rj.Value = ptr(r.Value)
		}
		j.Rules = append(j.Rules, rj)
	}
	for _, e := range p.Evaluate {
		j.EvaluateDays = append(j.EvaluateDays, evalJSON{Day: e.Day, Date: dateStr(start, e.Day), What: e.What, Sources: nonNil(e.Sources)})
	}
	for _, s := range p.Spacing {
		sj := spacingJSON{Class: s.Interaction.Key, Name: s.Interaction.Name, Medicines: s.Named, BeforeHours: s.BeforeHours, AfterHours: s.AfterHours}
		for _, r := range s.Interaction.Spacings {
			sj.Rules = append(sj.Rules, spacingRuleJSON{r.BeforeHours, r.AfterHours, r.Text, nonNil(r.Sources)})
		}
		j.Spacing = append(j.Spacing, sj)
	}
	for _, d := range p.Depleting {
		j.Depleting = append(j.Depleting, depletingJSON{d.Key, d.Name, d.Advice.Text, nonNil(d.Advice.Sources)})
	}
	for _, w := range p.Warnings {
		j.Warnings = append(j.Warnings, w.Error())
	}
	for _, a := range p.Advice {
		j.Advice = append(j.Advice, a.Error())
	}
	return &Plan{p: p, start: start, j: j}
}

// compoundOpt is a compound weight, or nil where the units are given by
// their magnesium and the compound is unknown.
func compoundOpt(p *plan.Plan, mg float64) *float64 {
	if !p.CompoundKnown {
		return nil
	}
	return ptr(Round(mg, MassDec))
}

// MarshalJSON implements json.Marshaler.
func (r *Plan) MarshalJSON() ([]byte, error) { return marshal(r.j) }

// Warnings implements Report.
func (r *Plan) Warnings() []*msg.Message { return r.p.Warnings }

// Value implements Report: the daily target in mg. A supervised plan has
// none: a bare number cannot carry "for medical supervision only".
func (r *Plan) Value() (string, bool) {
	if r.p.Supervised {
		return "", false
	}
	return FormatFloat(r.p.TargetMg, ValueDec), true
}

// TSV implements Report: one row per intake.
func (r *Plan) TSV() [][]string {
	rows := [][]string{{"step", "start_day", "end_day", "start_date", "end_date", "time", "elemental_mg", "compound_mg", "units", "daily_elemental_mg", "ul_percent", "supervised"}}
	for i, s := range r.j.Steps {
		for _, in := range s.Intakes {
			rows = append(rows, []string{itoa(i + 1), itoa(s.StartDay), itoa(s.EndDay), strOpt(s.StartDate), strOpt(s.EndDate), in.Time,
				FormatFloat(in.ElementalMg, MassDec), fmtOpt(in.CompoundMg, MassDec), fmtOpt(in.Units, 1),
				FormatFloat(s.DailyElementalMg, MassDec), FormatFloat(s.ULPercent, PercentDec), boolStr(r.p.Supervised)})
		}
	}
	return rows
}

func strOpt(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Text implements Report.
func (r *Plan) Text(t *Term) string {
	p, pp := t.P, r.p
	var b strings.Builder
	gut := p.S("normal gut")
	if pp.Gut == plan.GutSensitive {
		gut = p.S("sensitive gut")
	}
	if pp.Goal.First {
		b.WriteString(t.Warn(p.S("first: %s", goalFinding(p, pp.Goal))) + cite(t, pp.Goal.Finding.Sources) + "\n\n")
	}
	b.WriteString(p.S("goal: %s (%s)", goalName(p, pp.Goal), gut) + "\n")
	b.WriteString(p.S("form: %s (%s, %s, %s %% Mg)", t.Num(formName(p, pp.Form)), variantName(p, pp.Form, pp.Variant), pp.Variant.Formula, p.Num(pp.Variant.Fraction*100, 2)))
	if pp.Chosen {
		b.WriteString(" " + p.S("(your choice)"))
	}
	b.WriteString("\n")
	if c := pp.Choice; c != nil {
		b.WriteString("  " + p.S("evidence: %s: %s", gradeText(p, c.Grade), choiceFinding(p, pp.Goal.Key, c)) + r.trial(t, c) + cite(t, c.Sources) + "\n")
	}
	if len(pp.Alternatives) > 0 {
		var alts []string
		for _, c := range pp.Alternatives {
			name := c.Form
			if f := c.FormRef(); f != nil && p.Lang() != msg.English {
				name = formName(p, f)
			}
			alts = append(alts, name+" ("+gradeText(p, c.Grade)+")")
		}
		b.WriteString("  " + p.S("alternatives: %s", strings.Join(alts, ", ")) + "\n")
	}
	if !pp.Goal.First {
		b.WriteString("  " + p.S("for %s in general: %s", goalName(p, pp.Goal), goalFinding(p, pp.Goal)) + cite(t, pp.Goal.Finding.Sources) + "\n")
	}
	l := pp.Limit
	b.WriteString(p.S("target: %s mg/day elemental magnesium, %s %% of the %s mg/day upper limit (%s)", t.Num(p.Amount(pp.TargetMg)),
		p.Num(l.Check(pp.TargetMg).Percent, 0), p.Num(*l.Mg(), 0), authorityName(p, l.Authority)) + " " + t.Dim(ruleNote(p, pp.Target)) + "\n")
	if pp.Unit.IsSet() {
		if pp.Unit.CompoundMg > 0 {
			b.WriteString(p.S("units: %s mg of compound each, %s mg magnesium", p.Amount(pp.Unit.CompoundMg), p.Num(pp.UnitElMg, 1)))
		} else {
			b.WriteString(p.S("units: %s mg magnesium each (label)", p.Amount(pp.UnitElMg)))
		}
		if pp.Unit.Half {
			b.WriteString("; " + p.S("half units allowed"))
		}
		b.WriteString("; " + p.S("every amount is rounded down to whole units") + "\n")
	}
	b.WriteString("\n")
	b.WriteString(r.table(t))
	b.WriteString("\n")
	var evals []string
	for _, e := range pp.Evaluate {
		when := p.S("day %d", e.Day)
		if r.start != nil {
			when = DateOf(*r.start, e.Day).Format(time.DateOnly)
		}
		evals = append(evals, when+" ("+evalWhat(p, pp.Goal.Key, e)+")")
	}
	if last := pp.Steps[len(pp.Steps)-1]; last.FirstDay > 1 {
		b.WriteString(t.Dim(p.S("(counted from day %d, when the schedule reaches its last dose)", last.FirstDay)) + "\n")
	}
	b.WriteString(p.S("evaluate: %s", strings.Join(evals, "; ")) + "\n")
	if len(pp.Spacing) > 0 {
		b.WriteString(p.S("spacing from your medicines:") + "\n")
		for _, s := range pp.Spacing {
			var rule string
			switch {
			case s.BeforeHours == 0:
				rule = p.S("take the medicine at least %s h after magnesium", p.Amount(s.AfterHours))
			case s.AfterHours == 0:
				rule = p.S("take the medicine at least %s h before magnesium", p.Amount(s.BeforeHours))
			default:
				rule = p.S("take the medicine at least %s h before or %s h after magnesium", p.Amount(s.BeforeHours), p.Amount(s.AfterHours))
			}
			b.WriteString("  " + interactionName(p, s.Interaction) + " (" + text.Strip(strings.Join(s.Named, ", ")) + "): " + rule)
			if spacingsDiffer(s.Interaction.Spacings) {
				b.WriteString("; " + p.S("the sources differ, so mgcalc takes the longest"))
			}
			b.WriteString("\n")
			for i, sp := range s.Interaction.Spacings {
				b.WriteString("    " + t.Dim(spacingNote(p, s.Interaction, i)+" ["+strings.Join(sp.Sources, ", ")+"]") + "\n")
			}
		}
	}
	b.WriteString(p.S("rules:") + "\n")
	for _, ru := range pp.Rules {
		if ru.Key != "step_back" && ru.Key != "keep_lowest" { // those are the advice below
			b.WriteString("  " + ruleLine(p, ru) + "\n")
		}
	}
	for _, a := range pp.Advice {
		b.WriteString(t.Label("advice", a) + "\n")
	}
	for _, w := range pp.Warnings {
		b.WriteString(t.Label("warning", w) + "\n")
	}
	b.WriteString(t.Dim(p.S("sources: %s", strings.Join(pp.Sources, ", "))) + "\n")
	return b.String()
}

func (r *Plan) trial(t *Term, c *plan.Choice) string {
	if c.TrialMg == nil {
		return ""
	}
	s := " " + t.P.S("(trial dose %s mg/day", t.P.Amount(*c.TrialMg))
	if r.p.TrialAboveUL[c] {
		s += ", " + t.P.S("above your upper limit: only under medical supervision")
	}
	return s + ")"
}

// table is the schedule: one row per step.
func (r *Plan) table(t *Term) string {
	p, pp := t.P, r.p
	header := []string{p.S("days"), p.S("per day"), p.S("morning"), p.S("evening"), p.S("compound/day"), p.S("of UL")}
	if r.start != nil {
		header[0] = p.S("dates")
	}
	var rows [][]string
	for _, s := range pp.Steps {
		rows = append(rows, r.stepCells(p, s))
	}
	out := t.Table(header, rows, map[int]bool{1: true, 2: true, 3: true, 4: true, 5: true})
	if pp.Unit.IsSet() {
		out += t.Dim(p.S("(n) = units a day or per intake")) + "\n"
	}
	return out
}

// stepCells are one step's cells, in text and Markdown alike: days (or
// dates), per day, morning, evening, compound per day ("-" where the units
// give no compound weight), share of the limit.
func (r *Plan) stepCells(p msg.Printer, s plan.Step) []string {
	pp := r.p
	amount := func(el, units float64) string {
		a := p.Num(el, 1) + " mg"
		if pp.Unit.IsSet() {
			a += " (" + p.Amount(units) + ")"
		}
		return a
	}
	days := p.S("%d-%d", s.FirstDay, s.LastDay)
	if r.start != nil {
		days = DateOf(*r.start, s.FirstDay).Format(time.DateOnly) + " – " + DateOf(*r.start, s.LastDay).Format(time.DateOnly)
	}
	var morning, evening string
	for _, in := range s.Intakes {
		if in.When == plan.Morning {
			morning = amount(in.ElementalMg, in.Units)
		} else {
			evening = amount(in.ElementalMg, in.Units)
		}
	}
	compound := "-"
	if pp.CompoundKnown {
		compound = p.Num(s.CompoundMg, 1) + " mg"
	}
	return []string{days, amount(s.ElementalMg, s.Units), morning, evening, compound, p.Num(s.Check.Percent, 0) + " %"}
}

// spacingsDiffer reports whether the sources' spacings give different hours.
func spacingsDiffer(sp []plan.Spacing) bool {
	for _, s := range sp[1:] {
		if s.BeforeHours != sp[0].BeforeHours || s.AfterHours != sp[0].AfterHours {
			return true
		}
	}
	return false
}

func gradeText(p msg.Printer, g plan.Grade) string { return p.Message(g.Word()) }

func ruleNote(p msg.Printer, r plan.AppliedRule) string {
	switch r.Basis {
	case plan.FromMgcalc:
		return "(" + p.S("mgcalc's rule: %s", ruleNoteText(p, r)) + ")"
	case plan.FromPerson:
		return "(" + p.S("your target") + ")"
	}
	s := "[" + strings.Join(r.Sources, ", ") + "]"
	if r.Note != "" {
		s = "(" + ruleNoteText(p, r) + ") " + s
	}
	return s
}

var ruleNames = map[string]string{
	"start": "start", "step": "step up by", "interval": "every", "target": "target", "goal_target": "target for this goal",
	"split_above": "split morning and evening above", "step_back": "loose stools", "keep_lowest": "keep",
	"timing": "a single daily intake",
}

func ruleLine(p msg.Printer, r plan.AppliedRule) string {
	name := p.S(ruleNames[r.Key])
	var s string
	switch {
	case r.Key == "timing":
		when := p.S("in the evening")
		if r.Unit == string(plan.Morning) {
			when = p.S("in the morning")
		}
		return name + " " + when + " — " + ruleNoteText(p, r) + " [" + strings.Join(r.Sources, ", ") + "]"
	case r.Value != 0:
		s = name + " " + p.Amount(r.Value) + " " + unitWord(p, r.Unit)
	default:
		s = name + ": " + ruleNoteText(p, r)
	}
	switch r.Basis {
	case plan.FromMgcalc:
		if r.Value != 0 {
			return s + " — " + p.S("mgcalc's rule: %s", ruleNoteText(p, r))
		}
		return s + " — " + p.S("mgcalc's wording") + " [" + strings.Join(r.Sources, ", ") + "]"
	case plan.FromPerson:
		return s + " — " + p.S("your target")
	}
	src := " [" + strings.Join(r.Sources, ", ") + "]"
	if r.Value != 0 && r.Note != "" {
		return s + " — " + ruleNoteText(p, r) + src
	}
	return s + src
}

func itoa(i int) string { return FormatFloat(float64(i), 0) }

// GoalList is the report of `plan goals`.
type GoalList struct {
	k *plan.Knowledge
	j []goalJSON
}

type goalJSON struct {
	Goal    string         `json:"goal"`
	Name    string         `json:"name"`
	Aliases []string       `json:"aliases"`
	Finding factJSON       `json:"finding"`
	Forms   []evidenceJSON `json:"forms"`
}

// NewGoalList maps the goals.
func NewGoalList(k *plan.Knowledge) *GoalList {
	gl := &GoalList{k: k}
	for _, g := range k.Goals {
		gj := goalJSON{Goal: g.Key, Name: g.Name, Aliases: nonNil(g.Aliases), Finding: factJSON{g.Finding.Text, nonNil(g.Finding.Sources)}}
		for _, c := range g.Forms {
			e := evidenceOf(c, false)
			gj.Forms = append(gj.Forms, e)
		}
		gl.j = append(gl.j, gj)
	}
	return gl
}

// MarshalJSON implements json.Marshaler.
func (g *GoalList) MarshalJSON() ([]byte, error) { return marshal(g.j) }

// Warnings implements Report.
func (g *GoalList) Warnings() []*msg.Message { return nil }

// Value implements Report: a list has no single value.
func (g *GoalList) Value() (string, bool) { return "", false }

// Formats implements Report.
func (g *GoalList) Formats() []Format { return ListFormats }

// TSV implements Report: one row per goal and form.
func (g *GoalList) TSV() [][]string {
	rows := [][]string{{"goal", "form", "rank", "grade", "trial_mg"}}
	for _, goal := range g.k.Goals {
		for _, c := range goal.Forms {
			trial := ""
			if c.TrialMg != nil {
				trial = FormatFloat(*c.TrialMg, 0)
			}
			rows = append(rows, []string{goal.Key, c.Form, itoa(c.Rank), string(c.Grade), trial})
		}
	}
	return rows
}

// Text implements Report.
func (g *GoalList) Text(t *Term) string {
	p := t.P
	var rows [][]string
	for _, goal := range g.k.Goals {
		var fs []string
		for _, c := range goal.Forms {
			s := c.Form + " (" + gradeText(p, c.Grade) + ")"
			if c.Rank == 0 {
				s = t.Dim(s)
			}
			fs = append(fs, s)
		}
		name := goal.Key // what --goal takes; in another language, with the goal's name
		if p.Lang() != msg.English {
			name += " (" + goalName(p, goal) + ")"
		}
		rows = append(rows, []string{name, strings.Join(fs, ", ")})
	}
	return t.Table([]string{p.S("GOAL"), p.S("FORMS (best first; evidence)")}, rows, nil) +
		t.Dim(p.S("mgcalc plan --goal GOAL makes a schedule; -o json has each finding and its sources")) + "\n"
}

// unitWord is a rule's unit in words.
func unitWord(p msg.Printer, unit string) string {
	switch unit {
	case "mg/day":
		return p.S("mg/day")
	case "days":
		return p.S("days")
	}
	return unit
}
