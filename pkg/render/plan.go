package render

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/source"
	"github.com/mgcalc/mgcalc/pkg/text"
)

type evidenceJSON struct {
	Form      string   `json:"form"`
	Grade     string   `json:"grade"`
	Certainty *string  `json:"certainty"` // GRADE certainty, where the source gives it
	Strength  *string  `json:"strength"`  // a guideline's strength of recommendation
	Finding   string   `json:"finding"`
	Sources   []string `json:"sources"`
	TrialMg   *float64 `json:"trial_mg"`
	// TrialAboveUL is whether the trial dose is above the person's limit;
	// null where there is no trial dose or no limit to compare it with.
	TrialAboveUL *bool `json:"trial_above_ul"`
}

type factJSON struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

type unitJSON struct {
	Name        string   `json:"name"` // tablet, capsule, sachet or scoop
	CompoundMg  *float64 `json:"compound_mg"`
	ElementalMg float64  `json:"elemental_mg"` // per whole unit
	Half        bool     `json:"half"`
	// FirstIsOne is true where one unit (or half) is above the start dose
	// but within the sourced start range: the first step is one unit.
	FirstIsOne bool `json:"first_step_one_unit"`
}

type intakeJSON struct {
	Time        string   `json:"time"` // morning, midday or evening
	ElementalMg float64  `json:"elemental_mg"`
	CompoundMg  *float64 `json:"compound_mg"` // null where units are given by their magnesium
	Units       *float64 `json:"units"`
}

type stepJSON struct {
	StartDay         int      `json:"start_day"`
	EndDay           int      `json:"end_day"`
	StartDate        *string  `json:"start_date"`
	EndDate          *string  `json:"end_date"`
	DailyElementalMg float64  `json:"daily_elemental_mg"`
	DailyCompoundMg  *float64 `json:"daily_compound_mg"`
	DailyUnits       *float64 `json:"daily_units"`
	// ULPercent and Over are of the day's dose with the person's other
	// magnesium (other_mg).
	ULPercent float64      `json:"ul_percent"`
	Over      bool         `json:"over"`
	Intakes   []intakeJSON `json:"intakes"`
}

type ruleJSON struct {
	Key     string   `json:"key"`
	Value   *float64 `json:"value"`
	Max     *float64 `json:"max,omitempty"` // the target's: the top of its sourced range
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
	Forms       []string `json:"forms"`   // empty: every form
	Applies     bool     `json:"applies"` // to the plan's form
	Text        string   `json:"text"`
	Sources     []string `json:"sources"`
}

type spacingJSON struct {
	Class     string   `json:"class"`
	Name      string   `json:"name"`
	Medicines []string `json:"medicines"`
	// Applies is false where the interaction belongs to other forms (the
	// antacid salts) than the plan's; Forms names them (empty: every form).
	Applies     bool              `json:"applies"`
	Forms       []string          `json:"forms"`
	BeforeHours float64           `json:"before_hours"`
	AfterHours  float64           `json:"after_hours"`
	Rules       []spacingRuleJSON `json:"rules"`
	Advice      *factJSON         `json:"advice"`    // where no spacing is given, or none works
	General     *factJSON         `json:"general"`   // the rule for any medicine, where this one does not apply
	OnWaking    *factJSON         `json:"on_waking"` // the medicine is taken on waking
}

type depletingJSON struct {
	Class   string   `json:"class"`
	Name    string   `json:"name"`
	Advice  string   `json:"advice"`
	Sources []string `json:"sources"`
}

type productJSON struct {
	Key       string   `json:"key"`
	Name      string   `json:"name"`
	Medicines []string `json:"medicines"`
	Form      *string  `json:"form"` // its magnesium salt, where one is known
	Text      string   `json:"text"`
	Sources   []string `json:"sources"`
}

type noticeJSON struct {
	Key     string   `json:"key"`
	Kind    string   `json:"kind"`   // warning or advice
	Safety  bool     `json:"safety"` // in the default text whatever else is left out, first
	Brief   bool     `json:"brief"`  // in the default text
	Text    string   `json:"text"`
	Short   string   `json:"short"`
	Sources []string `json:"sources"`
}

type otherLimitJSON struct {
	Authority string  `json:"authority"`
	Name      string  `json:"name"`
	ULMg      float64 `json:"ul_mg"`
}

type planJSON struct {
	Goal          string           `json:"goal"`
	GoalName      string           `json:"goal_name"`
	GoalFinding   factJSON         `json:"goal_finding"`
	Gut           string           `json:"gut"`
	Pregnant      bool             `json:"pregnant"`
	Lactating     bool             `json:"lactating"`
	Form          string           `json:"form"`
	FormName      string           `json:"form_name"`
	Variant       string           `json:"variant"`
	Fraction      float64          `json:"fraction"`
	ChosenBy      string           `json:"chosen_by"` // recommendation | person
	Evidence      *evidenceJSON    `json:"evidence"`  // null: the form is not rated for the goal
	Alternatives  []evidenceJSON   `json:"alternatives"`
	TargetMg      float64          `json:"target_mg"`
	ReachedMg     float64          `json:"reached_mg"`
	OtherMg       float64          `json:"other_mg"` // magnesium a day from the person's other products
	Authority     string           `json:"authority"`
	AuthorityName string           `json:"authority_name"`
	ULMg          float64          `json:"ul_mg"`
	ULSources     []string         `json:"ul_sources"`
	AboveOthers   []otherLimitJSON `json:"above_other_limits"`
	Supervised    bool             `json:"supervised"`
	Unit          *unitJSON        `json:"unit"`
	StartDate     *string          `json:"start_date"`
	Steps         []stepJSON       `json:"steps"`
	Rules         []ruleJSON       `json:"rules"`
	EvaluateDays  []evalJSON       `json:"evaluate_days"`
	Spacing       []spacingJSON    `json:"spacing"`
	MiddayFor     []string         `json:"midday_for"` // medicines taken on waking that moved the morning intake
	Depleting     []depletingJSON  `json:"depleting"`
	Products      []productJSON    `json:"magnesium_products"`
	UnknownMeds   []string         `json:"unknown_meds"`
	Notices       []noticeJSON     `json:"notices"`
	Warnings      []string         `json:"warnings"`
	Advice        []string         `json:"advice"`
	Sources       []string         `json:"sources"`
}

// Plan is the report of `plan`.
type Plan struct {
	p     *plan.Plan
	start *time.Time
	j     planJSON
	// explain prints everything the default text leaves out: the
	// evidence, every rule with its basis, every warning and advice in
	// full, and the sources with their titles.
	explain bool
	// bib is the bibliography, for the titles of the sources (--explain).
	bib source.Registry
	// morning and evening are the intake times (--morning, --evening):
	// the text says when a spaced medicine fits between them.
	morning, evening time.Duration
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

func evidenceOf(c *plan.Choice, above *bool) evidenceJSON {
	e := evidenceJSON{Form: c.Form, Grade: string(c.Grade), Finding: c.Finding, Sources: nonNil(c.Sources), TrialMg: c.TrialMg}
	if c.TrialMg != nil {
		e.TrialAboveUL = above
	}
	if c.Certainty != "" {
		v := string(c.Certainty)
		e.Certainty = &v
	}
	if c.Strength != "" {
		v := string(c.Strength)
		e.Strength = &v
	}
	return e
}

func optUnits(u float64, set bool) *float64 {
	if !set {
		return nil
	}
	return ptr(Round(u, 2))
}

func boolPtr(b bool) *bool { return &b }

// NewPlan maps a plan; start (nil: none) dates its days. Warnings and
// advice are machine text in English: they are the sources' words.
func NewPlan(p *plan.Plan, start *time.Time) *Plan {
	j := planJSON{
		Goal: p.Goal.Key, GoalName: p.Goal.Name, GoalFinding: factJSON{p.Goal.Finding.Text, nonNil(p.Goal.Finding.Sources)},
		Gut: string(p.Gut), Pregnant: p.Limit.Person.Pregnant, Lactating: p.Limit.Person.Lactating,
		Form: p.Form.Key, FormName: p.Form.Name, Variant: p.Variant.Key,
		Fraction: Round(p.Share.Fraction, FractionDec), ChosenBy: "recommendation",
		Alternatives: []evidenceJSON{}, TargetMg: Round(p.TargetMg, MassDec), ReachedMg: Round(p.ReachedMg, MassDec), OtherMg: Round(p.OtherMg, MassDec),
		Authority: p.Limit.Authority.Key, AuthorityName: p.Limit.Authority.Name, ULMg: *p.Limit.Mg(), ULSources: nonNil(p.Limit.Band.Sources),
		AboveOthers: []otherLimitJSON{}, Supervised: p.Supervised, Steps: []stepJSON{}, Rules: []ruleJSON{}, EvaluateDays: []evalJSON{},
		Spacing: []spacingJSON{}, MiddayFor: []string{}, Depleting: []depletingJSON{}, Products: []productJSON{}, UnknownMeds: nonNil(p.UnknownMeds),
		Notices: []noticeJSON{}, Warnings: []string{}, Advice: []string{}, Sources: nonNil(p.Sources),
	}
	if start != nil {
		s := start.Format(time.DateOnly)
		j.StartDate = &s
	}
	if p.Chosen {
		j.ChosenBy = "person"
	}
	if p.Choice != nil {
		e := evidenceOf(p.Choice, boolPtr(p.TrialAboveUL[p.Choice]))
		j.Evidence = &e
	}
	for _, c := range p.Alternatives {
		j.Alternatives = append(j.Alternatives, evidenceOf(c, boolPtr(p.TrialAboveUL[c])))
	}
	for _, o := range p.AboveOthers {
		j.AboveOthers = append(j.AboveOthers, otherLimitJSON{o.Authority.Key, o.Authority.Name, *o.Mg()})
	}
	if p.Unit.IsSet() {
		u := &unitJSON{Name: p.Unit.Name, ElementalMg: Round(p.UnitElMg, MassDec), Half: p.Unit.Half, FirstIsOne: p.UnitStart}
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
		if r.Max > r.Value {
			rj.Max = ptr(r.Max)
		}
		j.Rules = append(j.Rules, rj)
	}
	for _, e := range p.Evaluate {
		j.EvaluateDays = append(j.EvaluateDays, evalJSON{Day: e.Day, Date: dateStr(start, e.Day), What: e.What, Sources: nonNil(e.Sources)})
	}
	for _, s := range p.Spacing {
		sj := spacingJSON{Class: s.Interaction.Key, Name: s.Interaction.Name, Medicines: s.Named, Applies: s.Applies, Forms: []string{},
			BeforeHours: s.BeforeHours, AfterHours: s.AfterHours, Rules: []spacingRuleJSON{}}
		for _, f := range s.Forms {
			sj.Forms = append(sj.Forms, f.Key)
		}
		for i, r := range s.Interaction.Spacings {
			sj.Rules = append(sj.Rules, spacingRuleJSON{r.BeforeHours, r.AfterHours, nonNil(r.Forms), slices.Contains(s.Rules, i), r.Text, nonNil(r.Sources)})
		}
		if a := s.Interaction.Advice; a != nil {
			sj.Advice = &factJSON{a.Text, nonNil(a.Sources)}
		}
		if g := s.General; g != nil {
			sj.General = &factJSON{g.Text, nonNil(g.Sources)}
		}
		if w := s.Interaction.OnWaking; w != nil {
			sj.OnWaking = &factJSON{w.Text, nonNil(w.Sources)}
		}
		j.Spacing = append(j.Spacing, sj)
	}
	for _, in := range p.Midday {
		j.MiddayFor = append(j.MiddayFor, in.Key)
	}
	for _, d := range p.Depleting {
		j.Depleting = append(j.Depleting, depletingJSON{d.Key, d.Name, d.Advice.Text, nonNil(d.Advice.Sources)})
	}
	for _, np := range p.Products {
		pj := productJSON{Key: np.Product.Key, Name: np.Product.Name, Medicines: np.Named, Text: np.Product.Fact.Text, Sources: nonNil(np.Product.Fact.Sources)}
		if np.Product.Form != "" {
			f := np.Product.Form
			pj.Form = &f
		}
		j.Products = append(j.Products, pj)
	}
	for _, n := range p.Notices {
		kind := "advice"
		if n.Warning {
			kind = "warning"
		}
		j.Notices = append(j.Notices, noticeJSON{Key: n.Key, Kind: kind, Safety: n.Safety, Brief: n.Brief,
			Text: n.Text.Error(), Short: n.BriefText().Error(), Sources: nonNil(n.Sources)})
	}
	for _, w := range p.Warnings {
		j.Warnings = append(j.Warnings, w.Error())
	}
	for _, a := range p.Advice {
		j.Advice = append(j.Advice, a.Error())
	}
	return &Plan{p: p, start: start, j: j, morning: 8 * time.Hour, evening: 21 * time.Hour}
}

// WithExplain makes the text carry everything: the evidence, every rule
// with its basis, every warning and advice in full, and the sources with
// their titles (from bib).
func (r *Plan) WithExplain(explain bool) *Plan {
	r.explain = explain
	return r
}

// WithTimes sets the intake times the text and the calendar use.
func (r *Plan) WithTimes(morning, evening time.Duration) *Plan {
	r.morning, r.evening = morning, evening
	return r
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

// Value implements Report: the daily dose the schedule reaches, in mg (the
// target, or the nearest whole units). A supervised plan has none: a bare
// number cannot carry "for medical supervision only".
func (r *Plan) Value() (string, bool) {
	if r.p.Supervised {
		return "", false
	}
	return FormatFloat(r.p.ReachedMg, ValueDec), true
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

// Text implements Report. The default text is what a person acts on, on
// one screen: a heading, the form and its evidence in words, the target,
// the schedule, when to evaluate, the medicines' spacing, the safety
// warnings (always, first), the other brief warnings and advice, and how
// to see the rest. --explain adds the evidence, the evaluation points,
// every rule with its basis, every warning and advice in full, and the
// sources with their titles; citations are numbers into that list.
func (r *Plan) Text(t *Term) string {
	p, pp := t.P, r.p
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	// a supervised plan says so first, before anything else
	notices := r.notices()
	for _, n := range notices {
		if n.Key == "supervised" {
			line(t.Label("warning", r.noticeText(n)) + r.cite(t, n.Sources))
		}
	}
	if pp.Goal.First {
		f := pp.Goal.Finding
		text := goalFinding(p, pp.Goal)
		if !r.explain && f.Short != "" {
			text = p.Data(msg.KeyShort(msg.KeyGoal(pp.Goal.Key, "finding")), f.Short)
		}
		line(t.Warn(p.S("first: %s", text)) + r.cite(t, f.Sources))
	}
	line(r.heading(t))
	// pregnancy and lactation: the consult line comes before the plan
	for _, n := range notices {
		if n.Key == "pregnancy" {
			line(t.Label("warning", r.noticeText(n)) + r.cite(t, n.Sources))
		}
	}
	line(r.formLine(t))
	if r.explain {
		r.evidence(t, &b)
	}
	line(r.targetLine(t))
	if pp.Unit.IsSet() {
		line(r.unitLine(t))
	}
	b.WriteString("\n")
	b.WriteString(r.table(t))
	if pp.OtherMg > 0 {
		line(t.Dim(p.S("(of UL: with your other %s mg of magnesium a day)", p.Num(pp.OtherMg, 1))))
	}
	line(r.evaluateLine(t))
	if r.explain {
		for _, e := range pp.Evaluate {
			line("  " + r.when(p, e.Day) + ": " + evalWhat(p, pp.Goal.Key, e) + r.cite(t, e.Sources))
		}
	}
	r.medicines(t, &b)
	for _, n := range notices {
		if n.Key == "supervised" || n.Key == "pregnancy" {
			continue
		}
		if n.Warning {
			line(t.Label("warning", r.noticeText(n)) + r.cite(t, n.Sources))
		} else {
			line(t.Label("advice", r.noticeText(n)) + r.cite(t, n.Sources))
		}
	}
	if r.explain {
		line(p.S("rules:"))
		for _, ru := range pp.Rules {
			if ru.Key != "step_back" && ru.Key != "keep_lowest" { // those are the advice above
				line("  " + r.ruleLine(t, ru))
			}
		}
		line(p.S("sources:"))
		for i, id := range pp.Sources {
			title := id
			if s, ok := r.bib.Get(id); ok {
				title = sourceTitle(p, s) + " (" + id + ")"
			}
			line(t.Dim(fmt.Sprintf("  [%d] %s", i+1, text.Strip(title))))
		}
		return b.String()
	}
	more := p.S("more: --explain adds the evidence, rules and sources")
	if !pp.Unit.IsSet() {
		more = p.S("more: --capsule MG gives tablets; --explain adds evidence, rules, sources")
	}
	line(t.Dim(more))
	return b.String()
}

// notices are the notices the text prints: in the default text the
// safety warnings and the brief ones, in their short words; with
// --explain all of them, in full.
func (r *Plan) notices() []plan.Notice {
	var out []plan.Notice
	for _, n := range r.p.Notices {
		if r.explain || n.Safety || n.Brief {
			out = append(out, n)
		}
	}
	return out
}

// noticeText is a notice's words: in full with --explain, else short.
func (r *Plan) noticeText(n plan.Notice) *msg.Message {
	if r.explain {
		return n.Text
	}
	return n.BriefText()
}

// cite is the numbers of the sources ids in the plan's source list, with
// --explain; nothing in the default text, which names no source.
func (r *Plan) cite(t *Term, ids []string) string {
	if !r.explain || len(ids) == 0 {
		return ""
	}
	var nums []string
	for _, id := range ids {
		if i := slices.Index(r.p.Sources, id); i >= 0 && !slices.Contains(nums, itoa(i+1)) {
			nums = append(nums, itoa(i+1))
		}
	}
	if len(nums) == 0 {
		return ""
	}
	return " " + t.Dim("["+strings.Join(nums, ", ")+"]")
}

// heading is the first line: the goal, the gut, and the person where it
// matters (pregnant, breastfeeding, under supervision).
func (r *Plan) heading(t *Term) string {
	p, pp := t.P, r.p
	parts := []string{t.Num(goalName(p, pp.Goal))}
	if pp.Gut == plan.GutSensitive {
		parts = append(parts, p.S("sensitive gut"))
	} else {
		parts = append(parts, p.S("normal gut"))
	}
	switch person := pp.Limit.Person; {
	case person.Pregnant:
		parts = append(parts, t.Warn(p.S("pregnant")))
	case person.Lactating:
		parts = append(parts, t.Warn(p.S("breastfeeding")))
	}
	if pp.Supervised {
		parts = append(parts, t.Warn(p.S("under medical supervision")))
	}
	return p.S("plan for %s", strings.Join(parts, " · "))
}

// formLine is the form, its share of magnesium, and its evidence in words.
func (r *Plan) formLine(t *Term) string {
	p, pp := t.P, r.p
	form, variant := formName(p, pp.Form), variantName(p, pp.Form, pp.Variant)
	pct := p.Num(pp.Variant.Fraction*100, 2)
	var s string
	named := strings.HasPrefix(text.Loose(variant), text.Loose(form)) // "magnesium bisglycinate, anhydrous"
	switch {
	case r.explain && named:
		s = p.S("form: %s (%s, %s %% Mg)", t.Num(variant), pp.Variant.Formula, pct)
	case r.explain:
		s = p.S("form: %s (%s, %s, %s %% Mg)", t.Num(form), variant, pp.Variant.Formula, pct)
	case pp.Variant == pp.Form.Default():
		s = p.S("form: %s (%s %% Mg)", t.Num(form), pct)
	case named:
		s = p.S("form: %s (%s %% Mg)", t.Num(variant), pct)
	default:
		s = p.S("form: %s (%s, %s %% Mg)", t.Num(form), variant, pct)
	}
	if pp.Chosen {
		s += " " + p.S("(your choice)")
	}
	if c := pp.Choice; c != nil {
		return s + " · " + p.S("evidence: %s", gradeLabel(p, c))
	}
	return s + " · " + p.S("evidence: not rated for this goal")
}

// evidence is what --explain adds under the form: the finding for the
// form, the alternatives, and the finding for the goal in general.
func (r *Plan) evidence(t *Term, b *strings.Builder) {
	p, pp := t.P, r.p
	if c := pp.Choice; c != nil {
		b.WriteString("  " + p.S("evidence: %s: %s", gradeLabel(p, c), choiceFinding(p, pp.Goal.Key, c)) + r.trial(t, c) + r.cite(t, c.Sources) + "\n")
	}
	if len(pp.Alternatives) > 0 {
		var alts, srcs []string
		for _, c := range pp.Alternatives {
			name := c.Form
			if f := c.FormRef(); f != nil {
				name = formName(p, f)
			}
			alts = append(alts, name+" ("+gradeText(p, c.Grade)+")")
			srcs = append(srcs, c.Sources...)
		}
		b.WriteString("  " + p.S("alternatives: %s", strings.Join(alts, ", ")) + r.cite(t, srcs) + "\n")
	}
	if !pp.Goal.First {
		b.WriteString("  " + p.S("for %s in general: %s", goalName(p, pp.Goal), goalFinding(p, pp.Goal)) + r.cite(t, pp.Goal.Finding.Sources) + "\n")
	}
}

// targetLine is the target and its share of the limit; where whole units
// reach another amount, that amount and its share.
func (r *Plan) targetLine(t *Term) string {
	return targetText(t, r.p.TargetMg, r.p.ReachedMg, r.p.OtherMg, r.p.Limit)
}

// targetText is a plan's target and its share of the limit l; where whole
// units reach another amount, that amount and its share: the one wording
// for a plan and a saved plan (plan --show).
func targetText(t *Term, targetMg, reachedMg, otherMg float64, l limits.Applied) string {
	p := t.P
	target := t.Num(p.Amount(math.Round(targetMg*10) / 10))
	if l.Mg() == nil {
		return p.S("target: %s mg magnesium a day", target)
	}
	limit := p.S("the %s mg/day upper limit (%s)", p.Num(*l.Mg(), 0), authorityName(p, l.Authority))
	reached := math.Abs(reachedMg-targetMg) >= 0.05
	share := p.Num(l.Check(reachedMg+otherMg).Percent, 0)
	var s string
	switch {
	case reached && otherMg > 0:
		s = p.S("target: %s mg magnesium a day; in whole units %s mg, with your other %s mg %s %% of %s",
			target, t.Num(p.Num(reachedMg, 1)), p.Num(otherMg, 1), share, limit)
	case reached:
		s = p.S("target: %s mg magnesium a day; in whole units %s mg, %s %% of %s", target, t.Num(p.Num(reachedMg, 1)), share, limit)
	case otherMg > 0:
		s = p.S("target: %s mg magnesium a day; with your other %s mg, %s %% of %s", target, p.Num(otherMg, 1), share, limit)
	default:
		s = p.S("target: %s mg magnesium a day, %s %% of %s", target, share, limit)
	}
	if l.Check(reachedMg + otherMg).Over {
		s += " " + t.Bad(p.S("ABOVE THE LIMIT"))
	}
	return s
}

// unitLine is what one unit holds, whether halves are allowed, and, where
// one unit is above the start dose, that the first step is one unit.
func (r *Plan) unitLine(t *Term) string {
	p, pp := t.P, r.p
	one := p.Message(plan.UnitCount(pp.Unit.Name, 1))
	var s string
	if pp.Unit.CompoundMg > 0 {
		s = p.S("%s = %s mg %s = %s mg magnesium", one, p.Amount(pp.Unit.CompoundMg), formName(p, pp.Form), p.Num(pp.UnitElMg, 1))
	} else {
		s = p.S("%s = %s mg magnesium (the label's)", one, p.Amount(pp.UnitElMg))
	}
	if pp.Unit.Half {
		s += "; " + p.S("halves allowed")
	}
	if pp.UnitStart {
		first := pp.Steps[0]
		s += "; " + p.S("the first step is %s (%s mg): above the %s mg start, within the %s mg a first step may be",
			p.Message(plan.UnitCount(pp.Unit.Name, first.Units)), p.Num(first.ElementalMg, 1), p.Amount(r.ruleValue("start")), p.Amount(r.ruleValue("start_max")))
	}
	return s
}

// ruleValue is the value of the plan's rule with key.
func (r *Plan) ruleValue(key string) float64 {
	for _, ru := range r.p.Rules {
		if ru.Key == key {
			return ru.Value
		}
	}
	return 0
}

// when is a plan day as the text shows it: its date with --start, else
// "day N".
func (r *Plan) when(p msg.Printer, day int) string {
	if r.start != nil {
		return DateOf(*r.start, day).Format(time.DateOnly)
	}
	return p.S("day %d", day)
}

// evaluateLine says when to judge the effect, counted from the day the
// schedule reaches its full dose, and to keep the lowest dose that works.
func (r *Plan) evaluateLine(t *Term) string {
	p, pp := t.P, r.p
	first := pp.Steps[len(pp.Steps)-1].FirstDay
	var days []string
	for _, e := range pp.Evaluate {
		days = append(days, r.when(p, e.Day))
	}
	list, after := joinAnd(p, days), spansText(p, pp.Evaluate, first)
	keep := p.DataText(ruleText(pp, "keep_lowest"))
	if first == 1 {
		return p.S("evaluate: %s, after %s; %s", list, after, keep)
	}
	return p.S("evaluate: %s, after %s at the full dose (from %s); %s", list, after, r.when(p, first), keep)
}

// span words a number of days: "4 weeks" where it is whole weeks.
func span(p msg.Printer, days int) string {
	if days%7 == 0 {
		if days == 7 {
			return p.S("1 week")
		}
		return p.S("%d weeks", days/7)
	}
	return p.Message(msg.Plural(float64(days), "%d day", "%d days", days))
}

// spansText words how long after day first each evaluation point is: "4
// and 8 weeks" where all are whole weeks.
func spansText(p msg.Printer, points []plan.EvalPoint, first int) string {
	var weeks, days, spans []string
	for _, e := range points {
		d := e.Day - first + 1
		if d%7 == 0 {
			weeks = append(weeks, itoa(d/7))
		}
		days = append(days, itoa(d))
		spans = append(spans, span(p, d))
	}
	switch {
	case len(points) == 1:
		return spans[0]
	case len(weeks) == len(points):
		return p.S("%s weeks", joinAnd(p, weeks))
	case len(weeks) == 0:
		return p.S("%s days", joinAnd(p, days))
	}
	return joinAnd(p, spans)
}

// joinAnd joins words as a list: "a", "a and b", "a, b and c".
func joinAnd(p msg.Printer, s []string) string {
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return p.S("%s and %s", strings.Join(s[:len(s)-1], ", "), s[len(s)-1])
}

// medicines is the spacing from the person's medicines: each medicine's
// rule, and when it fits between the intakes at the person's times; with
// --explain every source's rule too.
func (r *Plan) medicines(t *Term, b *strings.Builder) {
	p, pp := t.P, r.p
	if len(pp.Spacing) == 0 {
		return
	}
	b.WriteString(p.S("time between magnesium and your medicines:") + "\n")
	times := pp.IntakeTimes(r.morning, r.evening)
	for _, s := range pp.Spacing {
		text := "  " + medName(p, s) + ": " + medRule(p, s, pp.Form)
		if w := plan.MedWindows(s, times); s.Applies && len(s.Rules) > 0 {
			text += "; " + windowsText(p, s, w, times)
		}
		if s.Applies && len(s.Rules) == 0 {
			text += r.cite(t, s.Interaction.Advice.Sources)
		}
		if !s.Applies {
			text += r.cite(t, s.General.Sources)
		}
		b.WriteString(text + "\n")
		if r.explain {
			for i, sp := range s.Interaction.Spacings {
				b.WriteString("    " + t.Dim(spacingNote(p, s.Interaction, i)) + r.cite(t, sp.Sources) + "\n")
			}
			if a := s.Interaction.Advice; a != nil && (!s.Applies || len(s.Rules) > 0) {
				b.WriteString("    " + t.Dim(interactionAdvice(p, s.Interaction)) + r.cite(t, a.Sources) + "\n")
			}
		}
	}
	for _, in := range pp.Midday {
		b.WriteString("  " + p.S("%s is taken on waking: the morning magnesium moves to midday (%s)", interactionName(p, in), clockText(pp.IntakeTime(plan.Midday, r.morning, r.evening))))
		if r.explain {
			b.WriteString(": " + p.Data(msg.KeyInteraction(in.Key, "on_waking"), in.OnWaking.Text) + r.cite(t, in.OnWaking.Sources))
		}
		b.WriteString("\n")
	}
}

// medName names a medicine class, with what the person typed where it is
// another name than the class's own: "levothyroxine (thyroid hormone)",
// "Thyrax → levothyroxine (thyroid hormone)".
func medName(p msg.Printer, s plan.MedSpacing) string {
	name := interactionName(p, s.Interaction)
	// the class's own name: its key, or the start of its display name
	// ("levothyroxine" of "levothyroxine (thyroid hormone)")
	head, _, _ := strings.Cut(s.Interaction.Name, " (")
	own, _ := text.Fold(head)
	var other []string
	for _, n := range s.Named {
		f, err := text.Fold(n)
		if err != nil || f == "" || !text.Same(n, s.Interaction.Key) && !strings.HasPrefix(own, f) {
			other = append(other, text.Strip(n))
		}
	}
	if len(other) == 0 {
		return name
	}
	return strings.Join(other, ", ") + " → " + name
}

// windowsText says when a medicine fits between the intakes.
func windowsText(p msg.Printer, s plan.MedSpacing, w []plan.Window, times []time.Duration) string {
	var at []string
	for _, x := range times {
		at = append(at, clockText(x))
	}
	if len(w) == 0 {
		out := p.S("with magnesium at %s no time of day is far enough from it: ask your pharmacist", joinAnd(p, at))
		if s.OneWay {
			// the rule's own alternative (Biktarvy: together with food)
			// is in its words: say them where no time is left
			for _, i := range s.Rules {
				if sp := s.Interaction.Spacings[i]; sp.OneWay() {
					out += "; " + spacingNote(p, s.Interaction, i)
					break
				}
			}
		}
		return out
	}
	var spans []string
	for _, x := range w {
		spans = append(spans, clockText(x.From)+"-"+clockText(x.To))
	}
	return p.S("with magnesium at %s, take it %s", joinAnd(p, at), joinOr(p, spans))
}

// joinOr joins alternatives: "a", "a or b", "a, b or c".
func joinOr(p msg.Printer, s []string) string {
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return p.S("%s or %s", strings.Join(s[:len(s)-1], ", "), s[len(s)-1])
}

// clockText is a clock time, HH:MM.
func clockText(d time.Duration) string {
	m := int(d / time.Minute)
	return fmt.Sprintf("%02d:%02d", m/60%24, m%60)
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
	p := t.P
	header := r.header(p)
	var rows [][]string
	for _, s := range r.p.Steps {
		rows = append(rows, r.stepCells(p, s))
	}
	right := map[int]bool{}
	for i := 1; i < len(header); i++ {
		right[i] = true
	}
	return t.Table(header, rows, right)
}

// header is the schedule's column headings, in text and Markdown alike:
// without units, days (or dates), magnesium per day, morning (or midday),
// evening, the product per day and the share of the limit; with units,
// the units per intake and per day before the magnesium per day.
func (r *Plan) header(p msg.Printer) []string {
	pp := r.p
	days := p.S("days")
	if r.start != nil {
		days = p.S("dates")
	}
	first := p.S("morning")
	if len(pp.Midday) > 0 {
		first = p.S("midday")
	}
	if pp.Unit.IsSet() {
		return []string{days, first, p.S("evening"), p.S("per day"), p.S("magnesium"), p.S("of UL")}
	}
	return []string{days, p.S("per day"), first, p.S("evening"), p.S("product/day"), p.S("of UL")}
}

// stepCells are one step's cells, in text and Markdown alike (see header).
// A day above the limit is marked.
func (r *Plan) stepCells(p msg.Printer, s plan.Step) []string {
	pp := r.p
	days := p.S("%d-%d", s.FirstDay, s.LastDay)
	if r.start != nil {
		days = DateOf(*r.start, s.FirstDay).Format(time.DateOnly) + " – " + DateOf(*r.start, s.LastDay).Format(time.DateOnly)
	}
	share := p.Num(s.Check.Percent, 0) + " %"
	if s.Check.Over {
		share = p.S("%s %% over", p.Num(s.Check.Percent, 0))
	}
	var first, evening string
	if pp.Unit.IsSet() {
		for _, in := range s.Intakes {
			if in.When == plan.Evening {
				evening = p.Message(plan.UnitCount(pp.Unit.Name, in.Units))
			} else {
				first = p.Message(plan.UnitCount(pp.Unit.Name, in.Units))
			}
		}
		return []string{days, first, evening, p.Message(plan.UnitCount(pp.Unit.Name, s.Units)), p.Num(s.ElementalMg, 1) + " mg", share}
	}
	for _, in := range s.Intakes {
		if in.When == plan.Evening {
			evening = p.Num(in.ElementalMg, 1) + " mg"
		} else {
			first = p.Num(in.ElementalMg, 1) + " mg"
		}
	}
	compound := "-"
	if pp.CompoundKnown {
		compound = p.Num(s.CompoundMg, 1) + " mg"
	}
	return []string{days, p.Num(s.ElementalMg, 1) + " mg", first, evening, compound, share}
}

// spacingsDiffer reports whether the spacings that apply give different
// hours.
func spacingsDiffer(s plan.MedSpacing) bool {
	sp := s.Interaction.Spacings
	for _, i := range s.Rules {
		if sp[i].BeforeHours != sp[s.Rules[0]].BeforeHours || sp[i].AfterHours != sp[s.Rules[0]].AfterHours {
			return true
		}
	}
	return false
}

// medRule words what to do with a medicine, in text and Markdown alike:
// its spacing (the longest that applies); its advice, where no spacing
// applies; or, where the interaction belongs to other forms than the
// plan's, which forms, and the rule for any medicine.
func medRule(p msg.Printer, s plan.MedSpacing, form *forms.Form) string {
	switch {
	case !s.Applies:
		var names []string
		for _, f := range s.Forms {
			names = append(names, formName(p, f))
		}
		return p.S("mgcalc's sources give this for %s, not for %s: %s", strings.Join(names, ", "), formName(p, form), p.DataText(s.General.Text))
	case len(s.Rules) == 0:
		return interactionAdvice(p, s.Interaction)
	}
	rule := spacingRule(p, s)
	if spacingsDiffer(s) {
		rule += " " + p.S("(the longest the sources give)")
	}
	return rule
}

// gradeLabel is a choice's grade with the certainty and strength its
// source gives: "guideline, conditional recommendation, very low
// certainty".
func gradeLabel(p msg.Printer, c *plan.Choice) string {
	s := gradeText(p, c.Grade)
	switch c.Strength {
	case plan.StrengthStrong:
		s += ", " + p.S("strong recommendation")
	case plan.StrengthConditional:
		s += ", " + p.S("conditional recommendation")
	case plan.StrengthLevelB:
		s += ", " + p.S("Level B")
	}
	switch c.Certainty {
	case plan.CertaintyHigh:
		s += ", " + p.S("high certainty")
	case plan.CertaintyModerate:
		s += ", " + p.S("moderate certainty")
	case plan.CertaintyLow:
		s += ", " + p.S("low certainty")
	case plan.CertaintyLowToVeryLow:
		s += ", " + p.S("low to very low certainty")
	case plan.CertaintyVeryLow:
		s += ", " + p.S("very low certainty")
	}
	return s
}

func gradeText(p msg.Printer, g plan.Grade) string { return p.Message(g.Word()) }

var ruleNames = map[string]string{
	"start": "start", "start_max": "a first step of one unit up to", "step": "step up by", "interval": "every", "target": "target",
	"goal_target": "target for this goal", "split_above": "split morning and evening above", "step_back": "loose stools", "keep_lowest": "keep",
	"timing": "a single daily intake", "closed_way": "a spacing given one way only closes the other for",
}

// ruleLine is a rule with its basis, for --explain: its value, mgcalc's
// own rule or the sources' words, and the sources' numbers.
func (r *Plan) ruleLine(t *Term, ru plan.AppliedRule) string {
	p := t.P
	name := p.S(ruleNames[ru.Key])
	var s string
	switch {
	case ru.Key == "timing":
		when := p.S("in the evening")
		if ru.Unit == string(plan.Morning) {
			when = p.S("in the morning")
		}
		return name + " " + when + " — " + ruleNoteText(p, ru) + r.cite(t, ru.Sources)
	case ru.Value != 0:
		s = name + " " + p.Amount(ru.Value) + " " + unitWord(p, ru.Unit)
		if ru.Max > ru.Value {
			s += " " + p.S("(in whole units up to %s)", p.Amount(ru.Max))
		}
	default:
		s = name + ": " + ruleNoteText(p, ru)
	}
	switch ru.Basis {
	case plan.FromMgcalc:
		if ru.Value != 0 {
			return s + " — " + p.S("mgcalc's rule: %s", ruleNoteText(p, ru)) + r.cite(t, ru.Sources)
		}
		return s + " — " + p.S("mgcalc's wording") + r.cite(t, ru.Sources)
	case plan.FromPerson:
		return s + " — " + p.S("your target")
	}
	if ru.Value != 0 && ru.Note != "" {
		return s + " — " + ruleNoteText(p, ru) + r.cite(t, ru.Sources)
	}
	return s + r.cite(t, ru.Sources)
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

// NewGoalList maps the goals. A form's trial_above_ul is computed against
// limit, the person's (null where no limit is set for them).
func NewGoalList(k *plan.Knowledge, limit limits.Applied) *GoalList {
	gl := &GoalList{k: k}
	for _, g := range k.Goals {
		gj := goalJSON{Goal: g.Key, Name: g.Name, Aliases: nonNil(g.Aliases), Finding: factJSON{g.Finding.Text, nonNil(g.Finding.Sources)}}
		for _, c := range g.Forms {
			var above *bool
			if c.TrialMg != nil && limit.Mg() != nil {
				above = boolPtr(limit.Check(*c.TrialMg).Over)
			}
			gj.Forms = append(gj.Forms, evidenceOf(c, above))
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
			name := c.Form
			if f := c.FormRef(); f != nil && p.Lang() != msg.English {
				name = formName(p, f)
			}
			s := name + " (" + gradeText(p, c.Grade) + ")"
			if c.Rank == 0 {
				s = t.Dim(s)
			}
			fs = append(fs, s)
		}
		name := p.Data(msg.KeyGoal(goal.Key, "key"), goal.Key) // what --goal takes; in another language, with the goal's name
		if n := goalName(p, goal); p.Lang() != msg.English && n != name {
			name += " (" + n + ")"
		}
		rows = append(rows, []string{name, strings.Join(fs, ", ")})
	}
	return t.Table([]string{p.S("GOAL"), p.S("FORMS (recommended first; evidence)")}, rows, nil) +
		t.Dim(p.S("the order weighs how well the gut takes a form as well as the grade of its evidence")) + "\n" +
		t.Dim(p.S("mgcalc plan --goal GOAL makes a schedule; -o json has each finding and its sources")) + "\n"
}

// unitWord is a rule's unit in words.
func unitWord(p msg.Printer, unit string) string {
	switch unit {
	case "mg/day":
		return p.S("mg/day")
	case "days":
		return p.S("days")
	case "h":
		return p.S("h")
	}
	return unit
}
