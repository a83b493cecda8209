package render

import (
	"slices"
	"strings"
	"time"

	"github.com/mgcalc/mgcalc/pkg/journal"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/source"
	"github.com/mgcalc/mgcalc/pkg/text"
)

type savedIntakeJSON struct {
	When        string   `json:"when"`
	Time        string   `json:"time"`
	ElementalMg float64  `json:"elemental_mg"`
	CompoundMg  *float64 `json:"compound_mg"`
	Units       *float64 `json:"units"`
}

type savedStepJSON struct {
	StartDay         int               `json:"start_day"`
	EndDay           int               `json:"end_day"`
	StartDate        string            `json:"start_date"`
	EndDate          string            `json:"end_date"`
	DailyElementalMg float64           `json:"daily_elemental_mg"`
	DailyCompoundMg  *float64          `json:"daily_compound_mg"`
	Intakes          []savedIntakeJSON `json:"intakes"`
}

type savedPlanJSON struct {
	ID          uint64          `json:"id"`
	SavedAt     string          `json:"saved_at"`
	Start       string          `json:"start"`
	Goal        string          `json:"goal"`
	Gut         string          `json:"gut"`
	Form        string          `json:"form"`
	Variant     string          `json:"variant"`
	Formula     string          `json:"formula"`
	Fraction    float64         `json:"fraction"`
	TargetMg    float64         `json:"target_mg"`
	ReachedMg   float64         `json:"reached_mg"`
	Supervised  bool            `json:"supervised"`
	Limit       *entryLimitJSON `json:"limit"`
	Steps       []savedStepJSON `json:"steps"`
	Spacing     []medJSON       `json:"spacing"`
	Day         *int            `json:"day"`
	State       string          `json:"state"`
	DoseMg      *float64        `json:"dose_mg"`
	Reasons     []reasonJSON    `json:"reasons"`
	Days        []dayJSON       `json:"days"`
	Rules       []loopRuleJSON  `json:"rules"`
	Warnings    []string        `json:"warnings"`
	EffectiveMg *float64        `json:"effective_target_mg"` // the target after the loop lowered it; null when not lowered
	LimitCut    *capJSON        `json:"limit_cut"`           // as today's: null unless the limit in force is below the plan's dose
}

// SavedPlan is the report of `plan --show`: the saved plan, where the
// loop stands today, and the days so far as bars.
type SavedPlan struct {
	bib source.Registry
	td  *journal.Today
	per *journal.Period
	j   savedPlanJSON
}

// NewSavedPlan makes the report from today's view of the active plan and
// the days from its start to today.
func NewSavedPlan(td *journal.Today, per *journal.Period) *SavedPlan {
	pl := td.Plan
	loc := td.Now.Location()
	j := savedPlanJSON{ID: pl.ID, SavedAt: pl.SavedAt.In(loc).Format(time.RFC3339), Start: pl.Start.Format(time.DateOnly),
		Goal: pl.Goal, Gut: pl.Gut, Form: pl.Form, Variant: pl.Variant, Formula: pl.Formula, Fraction: Round(pl.Fraction, FractionDec),
		TargetMg: Round(pl.TargetMg, MassDec), ReachedMg: Round(pl.ReachedMg, MassDec), Supervised: pl.Supervised,
		Steps: []savedStepJSON{}, Spacing: []medJSON{}, State: td.Day.State, Reasons: reasonsJSON(td.Reasons),
		Days: []dayJSON{}, Rules: loopRulesJSON(td.Rules), Warnings: []string{}}
	for _, w := range pl.WarningsUnder(td.Limit, td.Others) {
		j.Warnings = append(j.Warnings, w.Error())
	}
	if l := pl.Limit; l != nil {
		j.Limit = &entryLimitJSON{Authority: l.Authority, AuthorityName: l.AuthorityName, Mg: l.Mg, Sources: nonNil(l.Sources)}
	}
	for _, s := range pl.Steps {
		sj := savedStepJSON{StartDay: s.FirstDay, EndDay: s.LastDay, StartDate: pl.DateOf(s.FirstDay).Format(time.DateOnly),
			EndDate: pl.DateOf(s.LastDay).Format(time.DateOnly), DailyElementalMg: Round(s.ElementalMg, MassDec), Intakes: []savedIntakeJSON{}}
		if pl.CompoundKnown {
			sj.DailyCompoundMg = ptr(Round(s.CompoundMg, MassDec))
		}
		for _, in := range s.Intakes {
			ij := savedIntakeJSON{When: in.When, Time: in.Clock(pl), ElementalMg: Round(in.ElementalMg, MassDec)}
			if pl.CompoundKnown {
				ij.CompoundMg = ptr(Round(in.CompoundMg, MassDec))
			}
			if in.Units > 0 {
				ij.Units = ptr(Round(in.Units, 2))
			}
			sj.Intakes = append(sj.Intakes, ij)
		}
		j.Steps = append(j.Steps, sj)
	}
	for i := range pl.Spacing {
		e := newEntryJSON(&journal.Entry{Med: &pl.Spacing[i]}, loc)
		j.Spacing = append(j.Spacing, *e.Med)
	}
	if n := pl.DayNumber(td.Date); n >= 1 {
		j.Day = &n
		j.DoseMg = ptr(Round(td.Day.DoseMg, MassDec))
	}
	j.LimitCut = newCapJSON(td.Cap)
	if st := td.State; st != nil && st.Lowered != nil {
		j.EffectiveMg = ptr(Round(st.Lowered.ToMg, MassDec))
	}
	if per != nil {
		j.Days = NewJournal(per, td.Now, td.Limit, "").j.Days
	}
	return &SavedPlan{td: td, per: per, j: j}
}

func (r *SavedPlan) MarshalJSON() ([]byte, error) { return marshal(r.j) }

// WithSources gives the bibliography the text's sources list is titled
// from.
func (r *SavedPlan) WithSources(bib source.Registry) *SavedPlan { r.bib = bib; return r }

// Warnings implements Report.
func (r *SavedPlan) Warnings() []*msg.Message {
	return r.td.Plan.WarningsUnder(r.td.Limit, r.td.Others)
}

// Formats implements Report.
func (r *SavedPlan) Formats() []Format { return ValueFormats }

// Value implements Report: the dose for today after the loop.
func (r *SavedPlan) Value() (string, bool) {
	if r.j.DoseMg == nil {
		return "", false
	}
	return FormatFloat(r.td.Day.DoseMg, ValueDec), true
}

// TSV implements Report: one row per intake of each step.
func (r *SavedPlan) TSV() [][]string {
	rows := [][]string{{"start_day", "end_day", "start_date", "end_date", "daily_elemental_mg", "time", "elemental_mg"}}
	for _, s := range r.j.Steps {
		for _, in := range s.Intakes {
			rows = append(rows, []string{itoa(s.StartDay), itoa(s.EndDay), s.StartDate, s.EndDate,
				FormatFloat(s.DailyElementalMg, MassDec), in.Time, FormatFloat(in.ElementalMg, MassDec)})
		}
	}
	return rows
}

// Text implements Report.
func (r *SavedPlan) Text(t *Term) string {
	p, td, pl := t.P, r.td, r.td.Plan
	loc := td.Now.Location()
	c := &citations{bib: r.bib}
	var b strings.Builder
	if pl.Supervised {
		b.WriteString(t.Warn(p.S("this plan is for use under medical supervision only")) + "\n")
	}
	b.WriteString(p.S("saved plan: %s (saved %s)", planLine(p, pl), pl.SavedAt.In(loc).Format("2006-01-02 15:04")) + "\n")
	form, variant := p.Data(msg.KeyForm(pl.Form, "name"), pl.FormName), p.Data(msg.KeyVariantName(pl.Form, pl.Variant), pl.VariantName)
	if strings.HasPrefix(text.Loose(variant), text.Loose(form)) {
		// "magnesium bisglycinate, anhydrous": the form's name once (review K8)
		b.WriteString(p.S("form: %s (%s, %s %% Mg)", t.Num(variant), pl.Formula, p.Num(pl.Fraction*100, 2)) + "\n")
	} else {
		b.WriteString(p.S("form: %s (%s, %s, %s %% Mg)", t.Num(form), variant, pl.Formula, p.Num(pl.Fraction*100, 2)) + "\n")
	}
	// as the plan said it: the target, and what whole units reach
	reached := pl.ReachedMg
	if reached == 0 {
		reached = pl.TargetMg // a plan saved before it was kept
	}
	// judged against the limit in force now, as the days' bars and today
	// are (one limit in one report); the limit the plan was saved under
	// is said where it differs
	limit := td.Limit
	if limit.Authority == nil {
		limit = pl.Limit.Applied()
	}
	b.WriteString(targetText(t, pl.TargetMg, reached, 0, limit) + "\n")
	if l := pl.Limit; l != nil && l.Mg != nil && td.Limit.Authority != nil && (td.Limit.Mg() == nil || *td.Limit.Mg() != *l.Mg || td.Limit.Authority.Key != l.Authority) {
		b.WriteString(t.Dim(p.S("(saved under the %s mg/day upper limit of %s)", p.Num(*l.Mg, 0), p.Data(msg.KeyAuthorityName(l.Authority), l.AuthorityName))) + "\n")
	}
	switch n := pl.DayNumber(td.Date); {
	case n < 1:
		b.WriteString(p.Message(msg.Plural(float64(td.StartsIn()), "it starts in %d day", "it starts in %d days", td.StartsIn())) + "\n")
	case td.Day.State == journal.StateStopped:
		b.WriteString(t.Bad(p.S("today, day %d: no doses: the schedule has stopped", n)) + "\n")
	case td.Day.State == journal.StatePause:
		b.WriteString(t.Warn(p.S("today, day %d: no dose, a pause", n)) + "\n")
	case td.Cap != nil && td.Cap.Today:
		b.WriteString(t.Warn(p.S("today, day %d: %s mg/day, cut to the upper limit in force", n, p.Num(td.TakenMg+td.StillDueMg(), ValueDec))) + "\n")
	default:
		b.WriteString(p.S("today, day %d: %s mg/day", n, t.Num(p.Num(td.Day.DoseMg, ValueDec))) + "\n")
	}
	for _, rs := range td.Reasons {
		b.WriteString("  " + p.Message(rs.Msg) + basisText(t, c, rs.Basis, rs.Sources) + "\n")
	}
	b.WriteString("\n")
	first := p.S("morning")
	var clocks []string
	for _, s := range pl.Steps {
		for _, in := range s.Intakes {
			if in.When == "midday" {
				first = p.S("midday")
			}
			if c := in.Clock(pl); !slices.Contains(clocks, c) {
				clocks = append(clocks, c)
			}
		}
	}
	slices.Sort(clocks)
	header := []string{p.S("dates"), p.S("per day"), first, p.S("evening")}
	var rows [][]string
	for _, s := range pl.Steps {
		morning, evening := "", ""
		for _, in := range s.Intakes {
			v := p.Num(in.ElementalMg, ValueDec) + " mg"
			if in.When == "evening" {
				evening = v
			} else {
				morning = v
			}
		}
		row := []string{pl.DateOf(s.FirstDay).Format(time.DateOnly) + " – " + pl.DateOf(s.LastDay).Format(time.DateOnly),
			p.Num(s.ElementalMg, ValueDec) + " mg", morning, evening}
		if td.Cap != nil {
			// a step above the limit in force now is marked, as plan
			// marks its rows (today cuts it: rule limit_now)
			mark := ""
			if limit.Check(s.ElementalMg).Over {
				mark = t.Bad(p.S("over the limit"))
			}
			row = append(row, mark)
		}
		rows = append(rows, row)
	}
	if td.Cap != nil {
		header = append(header, "")
	}
	b.WriteString(t.Table(header, rows, map[int]bool{1: true, 2: true, 3: true}))
	if len(clocks) == 2 {
		b.WriteString(p.S("intakes at %s and %s", clocks[0], clocks[1]) + "\n")
	} else if len(clocks) == 1 {
		b.WriteString(p.S("intakes at %s", clocks[0]) + "\n")
	}
	for _, m := range pl.Spacing {
		// the spacing from the plan's form, by the rules that apply to it
		switch g := m.Gap(pl.Is()); {
		case g.Spaced():
			b.WriteString(p.S("%s: %s", medText(p, &m), p.Message(g.Words())) + c.cite(t, m.SourcesOf(g.Rules)) + "\n")
		case m.Advice != nil:
			b.WriteString(p.S("%s: %s", medText(p, &m), p.Data(msg.KeyInteraction(m.Class, "advice"), m.Advice.Text)) + c.cite(t, m.Advice.Sources) + "\n")
		case m.Spaced():
			b.WriteString(p.S("%s: mgcalc's sources give a spacing for %s, not for %s", medText(p, &m), medForms(p, &m, m.NamedForms()),
				p.Data(msg.KeyForm(pl.Form, "name"), pl.FormName)) + c.cite(t, m.Sources()) + "\n")
		}
	}
	if r.per != nil && len(r.per.Days) > 0 {
		b.WriteString("\n" + Bars(t, r.per.Days, td.Limit, td.Date))
	}
	b.WriteString("\n" + p.S("rules of the loop:") + "\n")
	for _, ru := range td.Rules {
		b.WriteString("  " + p.Message(ru.Note) + basisText(t, c, ru.Basis, ru.Sources) + "\n")
	}
	for _, w := range r.Warnings() {
		b.WriteString(t.Label("warning", w) + "\n")
	}
	b.WriteString(c.list(t))
	return b.String()
}

// Doctor is the report of `journal doctor`.
type Doctor struct {
	checks []doctorCheck
	ok     bool
	path   string
}

type doctorCheck struct {
	Name   string `json:"name"`
	OK     bool   `json:"ok"`
	Fixed  bool   `json:"fixed"`
	Detail string `json:"detail"`
	detail *msg.Message
}

// NewDoctor reports the checks of the journal at path.
func NewDoctor(path string, ok bool, checks []DoctorCheck) *Doctor {
	d := &Doctor{ok: ok, path: path}
	for _, c := range checks {
		dc := doctorCheck{Name: c.Name, OK: c.OK, Fixed: c.Fixed, detail: c.Detail}
		if c.Detail != nil {
			dc.Detail = c.Detail.Error()
		}
		d.checks = append(d.checks, dc)
	}
	return d
}

// DoctorCheck is one check, as the store made it.
type DoctorCheck struct {
	Name   string
	OK     bool
	Fixed  bool
	Detail *msg.Message
}

func (d *Doctor) MarshalJSON() ([]byte, error) {
	return marshal(struct {
		Journal string        `json:"journal"`
		OK      bool          `json:"ok"`
		Checks  []doctorCheck `json:"checks"`
	}{d.path, d.ok, d.checks})
}

// Warnings implements Report.
func (d *Doctor) Warnings() []*msg.Message { return nil }

// Formats implements Report.
func (d *Doctor) Formats() []Format { return ValueFormats }

// Value implements Report.
func (d *Doctor) Value() (string, bool) { return boolStr(d.ok), true }

// TSV implements Report.
func (d *Doctor) TSV() [][]string {
	rows := [][]string{{"check", "ok", "fixed", "detail"}}
	for _, c := range d.checks {
		rows = append(rows, []string{c.Name, boolStr(c.OK), boolStr(c.Fixed), c.Detail})
	}
	return rows
}

// Text implements Report.
func (d *Doctor) Text(t *Term) string {
	p := t.P
	var b strings.Builder
	b.WriteString(p.S("journal %s", d.path) + "\n")
	for _, c := range d.checks {
		mark := t.Good(p.S("ok"))
		switch {
		case c.Fixed:
			mark = t.Good(p.S("fixed"))
		case !c.OK:
			mark = t.Bad(p.S("problem"))
		}
		line := "  " + mark + "  " + checkName(p, c.Name)
		if c.detail != nil {
			line += ": " + p.Message(c.detail)
		}
		b.WriteString(line + "\n")
	}
	if d.ok {
		b.WriteString(t.Good(p.S("the journal is healthy")) + "\n")
	} else {
		b.WriteString(t.Bad(p.S("the journal has problems: 'mgcalc journal doctor --fix' repairs what it can")) + "\n")
	}
	return b.String()
}

// checkName is a doctor check's name in the reader's language (JSON and
// TSV keep the machine name).
func checkName(p msg.Printer, name string) string {
	switch name {
	case "file":
		return p.S("file")
	case "leftovers":
		return p.S("leftovers")
	case "open":
		return p.S("open")
	case "permissions":
		return p.S("permissions")
	case "pages":
		return p.S("pages")
	case "entries":
		return p.S("entries")
	case "plans":
		return p.S("plans")
	}
	return name
}

// Done is a one-line report of something done to the journal (backup,
// restore, delete).
type Done struct {
	What string `json:"done"`
	Path string `json:"journal"`
	File string `json:"file,omitempty"`
	N    *int   `json:"entries,omitempty"`
	m    *msg.Message
}

// NewDone reports m; what is its machine name.
func NewDone(what, path, file string, n *int, m *msg.Message) *Done {
	return &Done{What: what, Path: path, File: file, N: n, m: m}
}

// Formats implements Report.
func (d *Done) Formats() []Format { return ListFormats }

func (d *Done) Warnings() []*msg.Message { return nil }
func (d *Done) Value() (string, bool)    { return "", false }
func (d *Done) TSV() [][]string {
	return [][]string{{"done", "journal", "file"}, {d.What, d.Path, d.File}}
}
func (d *Done) Text(t *Term) string { return t.P.Message(d.m) + "\n" }
