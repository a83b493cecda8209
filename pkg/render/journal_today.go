package render

import (
	"strings"
	"time"

	"github.com/mgcalc/mgcalc/pkg/journal"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/source"
)

type dueJSON struct {
	When        string   `json:"when"`
	ElementalMg float64  `json:"elemental_mg"`
	CompoundMg  *float64 `json:"compound_mg"`
	Units       *float64 `json:"units"`
	PlannedTime string   `json:"planned_time"`
	Earliest    string   `json:"earliest"`
	MovedBy     *string  `json:"moved_by"`
	TakenMg     float64  `json:"taken_mg"`
	Status      string   `json:"status"`
	// PlannedMg is the plan's amount where the limit in force cut it
	// (elemental_mg is then what fits); null when not cut.
	PlannedMg *float64 `json:"planned_elemental_mg"`
}

// capJSON says that the upper limit in force now is below the saved
// plan's dose (rule limit_now).
type capJSON struct {
	LimitMg float64  `json:"ul_mg"`
	PlanMg  float64  `json:"plan_mg"`
	FromDay int      `json:"from_day"`
	Today   bool     `json:"today"`
	DueMg   *float64 `json:"due_mg"` // the most still due today; null when today is not cut
}

type planRefJSON struct {
	ID       uint64  `json:"id"`
	Goal     string  `json:"goal"`
	Form     string  `json:"form"`
	Variant  string  `json:"variant"`
	Start    string  `json:"start"`
	TargetMg float64 `json:"target_mg"`
}

type todayJSON struct {
	Date      string       `json:"date"`
	Time      string       `json:"time"`
	Plan      *planRefJSON `json:"plan"`
	Day       *int         `json:"day"`      // of the calendar since the plan's start
	PlanDay   *int         `json:"plan_day"` // of the saved schedule it follows
	State     string       `json:"state"`
	PlannedMg *float64     `json:"planned_mg"` // the saved schedule's dose for today
	DoseMg    *float64     `json:"dose_mg"`    // after the loop
	Intakes   []dueJSON    `json:"intakes"`
	Entries   []entryJSON  `json:"entries"`
	TakenMg   float64      `json:"taken_mg"`
	LimitJSON
	RemainingMg *float64       `json:"remaining_mg"` // still planned today
	LimitCut    *capJSON       `json:"limit_cut"`    // null unless the limit in force is below the plan's dose
	Reasons     []reasonJSON   `json:"reasons"`
	Flags       []flagJSON     `json:"flags"`
	Rules       []loopRuleJSON `json:"rules"`
}

func newCapJSON(c *journal.Cap) *capJSON {
	if c == nil {
		return nil
	}
	j := &capJSON{LimitMg: c.LimitMg, PlanMg: Round(c.PlanMg, MassDec), FromDay: c.FromDay, Today: c.Today}
	if c.Today {
		j.DueMg = ptr(Round(c.DueMg, MassDec))
	}
	return j
}

// Today is the report of `today`.
type Today struct {
	bib source.Registry
	t   *journal.Today
	j   todayJSON
}

func planRef(p *journal.Plan) *planRefJSON {
	return &planRefJSON{ID: p.ID, Goal: p.Goal, Form: p.Form, Variant: p.Variant, Start: p.Start.Format(time.DateOnly), TargetMg: Round(p.TargetMg, MassDec)}
}

// NewToday makes the report.
func NewToday(td *journal.Today) *Today {
	loc := td.Now.Location()
	j := todayJSON{Date: td.Date.Format(time.DateOnly), Time: td.Now.Format("15:04"), State: td.Day.State,
		Intakes: []dueJSON{}, Entries: []entryJSON{}, TakenMg: Round(td.TakenMg, elementalDec(td.TakenMg, td.Limit, td.Check, MassDec)),
		Reasons: reasonsJSON(td.Reasons), Flags: flagsJSON(td.Flags, loc), Rules: loopRulesJSON(td.Rules)}
	if td.Limit.Authority != nil {
		j.LimitJSON = limitJSON(td.Limit, td.Check)
	}
	j.Sources = nonNil(j.Sources)
	if p := td.Plan; p != nil {
		j.Plan = planRef(p)
		if n := p.DayNumber(td.Date); n >= 1 {
			j.Day = &n
			j.PlannedMg, j.DoseMg = ptr(Round(td.Day.PlannedMg, MassDec)), ptr(Round(td.Day.DoseMg, MassDec))
			j.RemainingMg = ptr(Round(td.StillDueMg(), MassDec))
		}
		j.LimitCut = newCapJSON(td.Cap)
		if td.Day.PlanDay > 0 {
			pd := td.Day.PlanDay
			j.PlanDay = &pd
		}
		for _, in := range td.Intakes {
			dj := dueJSON{When: in.When, ElementalMg: Round(in.ElementalMg, MassDec), PlannedTime: in.Planned.Format("15:04"),
				Earliest: in.Earliest.Format(time.RFC3339), TakenMg: Round(in.TakenMg, MassDec), Status: in.Status}
			if p.CompoundKnown {
				dj.CompoundMg = ptr(Round(in.CompoundMg, MassDec))
			}
			if in.Units > 0 {
				dj.Units = ptr(Round(in.Units, 2))
			}
			if in.MovedBy != nil {
				dj.MovedBy = &in.MovedBy.Med.Name
			}
			if in.PlannedMg > 0 {
				dj.PlannedMg = ptr(Round(in.PlannedMg, MassDec))
			}
			j.Intakes = append(j.Intakes, dj)
		}
	}
	for _, e := range td.Entries {
		j.Entries = append(j.Entries, newEntryJSON(e, loc))
	}
	return &Today{t: td, j: j}
}

func (r *Today) MarshalJSON() ([]byte, error) { return marshal(r.j) }

// WithSources gives the bibliography the text's sources list is titled
// from.
func (r *Today) WithSources(bib source.Registry) *Today { r.bib = bib; return r }

// Warnings implements Report.
func (r *Today) Warnings() []*msg.Message { return messages(r.sourcedWarnings()) }

// sourcedWarnings are the warnings, a flag with the sources of the rule it
// broke.
func (r *Today) sourcedWarnings() []sourced {
	var out []sourced
	for _, f := range r.t.Flags {
		out = append(out, sourced{flagMessage(f, r.t.Now.Location()), f.Sources})
	}
	if r.t.Check.Over {
		out = append(out, sourced{m: msg.New("the magnesium logged today is above the supplemental upper limit")})
	}
	for _, w := range r.t.Limit.Cautions() {
		out = append(out, sourced{m: w})
	}
	return out
}

// Formats implements Report.
func (r *Today) Formats() []Format { return ValueFormats }

// Value implements Report: the magnesium taken so far today.
// Over the limit it has the decimals that keep it over (elementalDec):
// the one rounding rule of total -o value, so today -o value and total
// --today -o value print the same number.
func (r *Today) Value() (string, bool) {
	return FormatFloat(r.t.TakenMg, elementalDec(r.t.TakenMg, r.t.Limit, r.t.Check, ValueDec)), true
}

// TSV implements Report: one row per intake, then one per entry.
func (r *Today) TSV() [][]string {
	rows := [][]string{{"kind", "when", "elemental_mg", "earliest", "status", "taken_mg"}}
	for _, in := range r.j.Intakes {
		rows = append(rows, []string{"intake", in.When, FormatFloat(in.ElementalMg, MassDec), in.Earliest, in.Status, FormatFloat(in.TakenMg, MassDec)})
	}
	for _, e := range r.t.Entries {
		what := entryRow(e, r.t.Now.Location())
		// the form as mgcalc reads it back, never the words typed (a
		// label's amount of magnesium, which has no form: as typed)
		mg := what[colForm]
		if mg == "" {
			mg = what[colMg]
		}
		rows = append(rows, []string{"entry", what[colTime], what[colEl], "", strings.TrimSpace(mg + " " + what[colMed] + " " + what[colGut]), what[colEl]})
	}
	return rows
}

// intakeAmount is an intake's amount besides its magnesium.
func intakeAmount(p msg.Printer, pl *journal.Plan, units, compound float64) string {
	var parts []string
	if units > 0 {
		name := pl.UnitName
		if name == "" {
			name = plan.DefaultUnitName(pl.Half)
		}
		parts = append(parts, p.Message(plan.UnitCount(name, units)))
	}
	if pl.CompoundKnown {
		parts = append(parts, p.Num(compound, ValueDec)+" mg "+p.Data(msg.KeyForm(pl.Form, "name"), pl.FormName))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// planLine names a saved plan: "sleep: magnesium bisglycinate, from
// 2026-12-01".
func planLine(p msg.Printer, pl *journal.Plan) string {
	return p.S("%s: %s, from %s", p.Data(msg.KeyGoal(pl.Goal, "name"), pl.GoalName), p.Data(msg.KeyForm(pl.Form, "name"), pl.FormName), pl.Start.Format(time.DateOnly))
}

// Text implements Report.
func (r *Today) Text(t *Term) string {
	p, td := t.P, r.t
	c := &citations{bib: r.bib}
	loc := td.Now.Location()
	var b strings.Builder
	date := td.Date.Format(time.DateOnly)
	switch pl := td.Plan; {
	case pl == nil:
		b.WriteString(p.S("today, %s: no plan saved", date) + "\n")
	case td.Day.State == journal.StateBefore:
		b.WriteString(p.Message(msg.Plural(float64(td.StartsIn()), "today, %s: your plan (%s) starts in %d day", "today, %s: your plan (%s) starts in %d days", date, planLine(p, pl), td.StartsIn())) + "\n")
	default:
		b.WriteString(p.S("today, %s: day %d of your plan (%s)", date, pl.DayNumber(td.Date), planLine(p, pl)) + "\n")
		if pl.Supervised {
			b.WriteString(t.Warn(p.S("this plan is for use under medical supervision only")) + "\n")
		}
		switch {
		case td.Day.State == journal.StateStopped:
			b.WriteString(t.Bad(p.S("dose: none: the schedule has stopped")) + "\n")
		case td.Day.State == journal.StatePause:
			b.WriteString(t.Warn(p.S("dose: none today, a pause (the schedule had %s mg/day)", p.Num(td.Day.PlannedMg, ValueDec))) + "\n")
		case td.Cap != nil && td.Cap.Today:
			b.WriteString(t.Warn(p.S("dose: %s mg/day, cut to the upper limit in force (the schedule had %s mg/day)",
				p.Num(td.TakenMg+td.StillDueMg(), ValueDec), p.Num(td.Day.DoseMg, ValueDec))) + "\n")
		case td.Day.DoseMg != td.Day.PlannedMg:
			b.WriteString(p.S("dose: %s mg/day (the schedule had %s mg/day)", t.Num(p.Num(td.Day.DoseMg, ValueDec)), p.Num(td.Day.PlannedMg, ValueDec)) + "\n")
		default:
			b.WriteString(p.S("dose: %s mg/day, as planned", t.Num(p.Num(td.Day.DoseMg, ValueDec))) + "\n")
		}
		var rows [][]string
		for _, in := range td.Intakes {
			status := ""
			switch in.Status {
			case journal.StatusTaken:
				status = t.Good(p.S("taken"))
			case journal.StatusPartly:
				status = p.S("%s of %s mg taken", p.Num(in.TakenMg, ValueDec), p.Num(in.ElementalMg, ValueDec))
			case journal.StatusDue:
				status = p.S("due from %s", in.Earliest.Format("15:04"))
			case journal.StatusNotToday:
				status = t.Warn(p.S("not today: no time left outside the spacing window"))
			case journal.StatusOverLimit:
				status = t.Warn(p.S("not today: it would pass the upper limit"))
			}
			if in.PlannedMg > 0 && in.Status != journal.StatusOverLimit {
				status += " " + p.S("(cut from %s mg: the upper limit)", p.Num(in.PlannedMg, ValueDec))
			}
			rows = append(rows, []string{"  " + p.Message(journal.TimeWord(in.When)), p.Num(in.ElementalMg, ValueDec) + " mg" + intakeAmount(p, pl, in.Units, in.CompoundMg), status})
		}
		b.WriteString(Columns(rows, nil))
	}
	if len(td.Entries) > 0 {
		b.WriteString(p.S("logged today:") + "\n")
		for _, e := range td.Entries {
			b.WriteString("  " + e.At.In(loc).Format("15:04") + "  " + entryText(t, e) + "\n")
		}
	}
	if td.Limit.Authority != nil {
		mg, share := limitFigures(p, td.Limit, td.Check, td.TakenMg)
		line := p.S("total so far: %s mg", t.Num(mg)) + " " + limitVerdict(t, td.Limit, td.Check, share, false)
		if td.Plan != nil && td.Day.DoseMg > 0 {
			if left := td.StillDueMg(); left > 0.05 {
				line += "; " + p.S("%s mg still planned", p.Num(left, ValueDec))
			}
		}
		b.WriteString(line + "\n")
	}
	heading := false
	for _, rs := range td.Reasons {
		if rs.Rule == journal.RuleMissed {
			continue
		}
		if !heading {
			b.WriteString(p.S("why today differs from the saved schedule:") + "\n")
			heading = true
		}
		b.WriteString("  " + p.Message(rs.Msg) + basisText(t, c, rs.Basis, rs.Sources) + "\n")
	}
	for _, rs := range td.Reasons {
		if rs.Rule == journal.RuleMissed {
			b.WriteString(t.Label("note", rs.Msg) + "\n")
		}
	}
	if td.Plan == nil {
		b.WriteString(t.Dim(p.S("make a plan and keep it with: mgcalc plan --goal GOAL --save")) + "\n")
	}
	for _, w := range r.sourcedWarnings() {
		b.WriteString(t.Label("warning", w.m) + c.cite(t, w.sources) + "\n")
	}
	b.WriteString(c.list(t))
	return b.String()
}
