package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/mgcalc/mgcalc/pkg/journal"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

type dayJSON struct {
	Date      string   `json:"date"`
	PlanID    *uint64  `json:"plan_id"`
	PlanDay   *int     `json:"plan_day"`
	State     string   `json:"state"`
	PlannedMg *float64 `json:"planned_mg"`
	DoseMg    *float64 `json:"dose_mg"`
	TakenMg   float64  `json:"taken_mg"`
	Doses     int      `json:"doses"`
	Logged    int      `json:"logged"`
	Missed    bool     `json:"missed"`
	BadGut    bool     `json:"bad_gut"`
	Gut       []string `json:"gut"`
}

type adherenceJSON struct {
	PlannedDoses int      `json:"planned_doses"`
	LoggedDoses  int      `json:"logged_doses"`
	Ratio        *float64 `json:"ratio"`
}

type journalJSON struct {
	From      string         `json:"from"`
	To        string         `json:"to"`
	Plans     []planRefJSON  `json:"plans"`
	Adherence adherenceJSON  `json:"adherence"`
	Days      []dayJSON      `json:"days"`
	Entries   []entryJSON    `json:"entries"`
	Lowered   *reasonJSON    `json:"lowered"`
	Rules     []loopRuleJSON `json:"rules"`
	Journal   string         `json:"journal"`
}

// Journal is the report of `journal`: the days and entries between two
// dates, adherence, and the weeks as bars.
type Journal struct {
	per   *journal.Period
	now   time.Time
	limit limits.Applied
	rules []journal.Rule
	j     journalJSON
}

// NewJournal makes the report; limit is the person's upper limit now,
// the line the bars are drawn against.
func NewJournal(per *journal.Period, now time.Time, limit limits.Applied, path string) *Journal {
	loc := now.Location()
	var active *journal.Plan
	if n := len(per.Plans); n > 0 {
		active = per.Plans[n-1]
	}
	r := &Journal{per: per, now: now, limit: limit, rules: journal.Rules(active)}
	j := journalJSON{From: per.From.Format(time.DateOnly), To: per.To.Format(time.DateOnly), Plans: []planRefJSON{},
		Days: []dayJSON{}, Entries: []entryJSON{}, Rules: loopRulesJSON(r.rules), Journal: path}
	for _, p := range per.Plans {
		j.Plans = append(j.Plans, *planRef(p))
	}
	j.Adherence = adherenceJSON{PlannedDoses: per.PlannedDoses, LoggedDoses: per.LoggedDoses}
	if a, ok := per.Adherence(); ok {
		j.Adherence.Ratio = ptr(Round(a, 3))
	}
	for _, d := range per.Days {
		dj := dayJSON{Date: d.Date.Format(time.DateOnly), State: d.State, TakenMg: Round(d.TakenMg, MassDec), Doses: d.Doses,
			Logged: d.Logged, Missed: d.Missed() && d.Date.Before(per.Today), BadGut: d.Bad, Gut: []string{}}
		if d.PlanID != 0 {
			id := d.PlanID
			dj.PlanID = &id
			rec, _ := d.Record()
			dj.PlannedMg, dj.DoseMg = ptr(Round(d.PlannedMg, MassDec)), ptr(Round(rec, MassDec))
		}
		if d.PlanDay > 0 {
			pd := d.PlanDay
			dj.PlanDay = &pd
		}
		for _, g := range d.Gut {
			dj.Gut = append(dj.Gut, string(g))
		}
		j.Days = append(j.Days, dj)
	}
	for _, e := range per.Entries {
		j.Entries = append(j.Entries, newEntryJSON(e, loc))
	}
	if st := per.Final; st != nil && st.Lowered != nil {
		e := st.Lowered
		rule := journal.RuleOf(r.rules, journal.RuleLowerTarget)
		j.Lowered = &reasonJSON{Rule: rule.Key, Basis: string(rule.Basis), Sources: nonNil(rule.Sources),
			Text: msg.New("target lowered to %s mg/day: a second bad gut day at %s mg/day on %s", msg.N(e.ToMg, 1), msg.N(e.FromMg, 1), e.On.Format(time.DateOnly)).Error()}
	}
	r.j = j
	return r
}

func (r *Journal) MarshalJSON() ([]byte, error) { return marshal(r.j) }

// Warnings implements Report.
func (r *Journal) Warnings() []*msg.Message { return nil }

// Value implements Report: adherence, as a fraction.
func (r *Journal) Value() (string, bool) {
	a, ok := r.per.Adherence()
	if !ok {
		return "", false
	}
	return FormatFloat(a, 3), true
}

// TSV implements Report: one row per entry.
func (r *Journal) TSV() [][]string {
	rows := [][]string{entryHeader}
	for _, e := range r.per.Entries {
		rows = append(rows, entryRow(e, r.now.Location()))
	}
	return rows
}

// Text implements Report.
func (r *Journal) Text(t *Term) string {
	p, per := t.P, r.per
	loc := r.now.Location()
	var b strings.Builder
	b.WriteString(p.S("journal from %s to %s", per.From.Format(time.DateOnly), per.To.Format(time.DateOnly)) + "\n")
	for _, pl := range per.Plans {
		line := p.S("plan: %s", planLine(p, pl))
		if pl.Ended != nil {
			line += " " + p.S("(replaced after %s)", pl.Ended.Format(time.DateOnly))
		}
		b.WriteString(line + "\n")
	}
	if a, ok := per.Adherence(); ok {
		b.WriteString(p.S("adherence: %d of %d planned doses logged (%s %%), up to yesterday",
			per.LoggedDoses, per.PlannedDoses, p.Num(a*100, 0)) + "\n")
	}
	if j := r.j.Lowered; j != nil {
		e := per.Final.Lowered
		b.WriteString(t.Warn(p.S("target lowered to %s mg/day: a second bad gut day at %s mg/day on %s", p.Num(e.ToMg, ValueDec), p.Num(e.FromMg, ValueDec), e.On.Format(time.DateOnly))) + "\n")
	}
	b.WriteString("\n")
	b.WriteString(Bars(t, per.Days, r.limit, per.Today))
	if len(per.Entries) > 0 {
		b.WriteString("\n")
		last := ""
		for _, e := range per.Entries {
			at := e.At.In(loc)
			d := at.Format(time.DateOnly)
			lead := strings.Repeat(" ", len(d))
			if d != last {
				lead, last = d, d
			}
			b.WriteString(lead + "  " + at.Format("15:04") + "  " + entryText(t, e) + "\n")
		}
	} else {
		b.WriteString(p.S("nothing logged in these days") + "\n")
	}
	return b.String()
}

// Bars draws days as one bar a day: what was taken against the day's
// dose, the upper limit as a line, bad gut days and missed days marked.
// A line is at most 80 columns. On a colour terminal the bars are blocks
// and the limit a red line; otherwise plain characters: # taken, - dose
// not taken, | the limit, + taken above the limit.
func Bars(t *Term, days []journal.DayPlan, limit limits.Applied, today time.Time) string {
	if len(days) == 0 {
		return ""
	}
	p := t.P
	const width = 34 // columns of the bars, so a line with its marks fits 80
	scale := 0.0
	for _, d := range days {
		rec, _ := d.Record()
		scale = math.Max(scale, math.Max(d.TakenMg, rec))
	}
	var ul float64
	if mg := limit.Mg(); mg != nil {
		ul = *mg
		scale = math.Max(scale, ul)
	}
	if scale <= 0 {
		scale = 1
	}
	// a day over the limit is decided by pkg/limits, never by how columns
	// round: it gets at least one cell past the line, so the line sits at
	// most two columns from the end
	overAny := slices.ContainsFunc(days, func(d journal.DayPlan) bool { return limit.Check(d.TakenMg).Over })
	if ul > 0 && overAny && int(math.Round(ul/scale*width)) > width-2 {
		scale = ul * width / (width - 2)
	}
	col := func(mg float64) int { return int(math.Round(mg / scale * width)) }
	ulCol := -1
	if ul > 0 {
		ulCol = min(col(ul), width)
	}
	// the numbers column is as wide as its widest note, so no bar shifts it
	notes := make([]string, len(days))
	noteWidth := 0
	for i, d := range days {
		rec, _ := d.Record()
		notes[i] = p.Num(d.TakenMg, 0)
		if d.PlanID != 0 {
			notes[i] += "/" + p.Num(rec, 0)
		}
		notes[i] += " mg"
		noteWidth = max(noteWidth, ansi.StringWidth(notes[i]))
	}
	taken, planned, line, over := "#", "-", "|", "+"
	if t.Color {
		taken, planned, line, over = "█", "░", "│", "█"
	}
	var b strings.Builder
	legend := p.S("%s taken  %s planned, not taken", taken, planned)
	if ulCol >= 0 {
		legend += "  " + p.S("%s upper limit %s mg/day", line, p.Num(ul, 0))
	}
	legend += "  " + p.S("! bad gut day")
	b.WriteString(t.Dim(legend) + "\n")
	if ulCol >= 0 && overAny {
		// a second line: the first is full at 80 columns in Dutch
		b.WriteString(t.Dim(p.S("%s taken above the upper limit", over)) + "\n")
	}
	for i, d := range days {
		if i > 0 && d.Date.Weekday() == time.Monday {
			b.WriteString("\n")
		}
		rec, _ := d.Record()
		tc, dc := col(d.TakenMg), col(rec)
		isOver := limit.Check(d.TakenMg).Over
		switch {
		case isOver:
			tc = max(tc, ulCol+2)
		case ulCol >= 0:
			tc = min(tc, ulCol) // within the limit never crosses the line
		}
		var bar strings.Builder
		for c := 0; c <= width; c++ {
			switch {
			case c == ulCol:
				bar.WriteString(t.paint(line, colBad, false))
			case c < tc && ulCol >= 0 && c > ulCol:
				bar.WriteString(t.paint(over, colBad, true))
			case c < tc:
				bar.WriteString(t.paint(taken, colAccent, false))
			case c < dc:
				bar.WriteString(t.paint(planned, colDim, false))
			default:
				bar.WriteString(" ")
			}
		}
		note := strings.Repeat(" ", noteWidth-ansi.StringWidth(notes[i])) + notes[i]
		var marks []string
		if isOver {
			marks = append(marks, t.Bad(p.S("over the limit")))
		}
		if d.Bad {
			marks = append(marks, t.Warn("! "+gutShort(p, worstGut(d.Gut))))
		}
		if d.Missed() && d.Date.Before(today) {
			marks = append(marks, t.Warn(p.S("missed")))
		}
		switch d.State {
		case journal.StateHold:
			marks = append(marks, t.Dim(p.S("stepped back")))
		case journal.StatePause:
			marks = append(marks, t.Dim(p.S("pause")))
		case journal.StateRetry:
			marks = append(marks, t.Dim(p.S("retry")))
		case journal.StateStopped:
			marks = append(marks, t.Dim(p.S("stopped")))
		}
		head := p.Message(weekday(d.Date.Weekday())) + " " + d.Date.Format("01-02")
		row := head + " " + bar.String() + " " + note
		// each mark whole or not at all, in the order of what matters
		// most (over the limit, the gut, missed, the loop's state): a
		// mark that does not fit in 80 columns is left out, never cut
		for _, m := range marks {
			if ansi.StringWidth(row)+1+ansi.StringWidth(m) <= 80 {
				row += " " + m
			}
		}
		b.WriteString(strings.TrimRight(row, " ") + "\n")
	}
	return b.String()
}

// gutShort is a gut word for a bar's mark.
func gutShort(p msg.Printer, g journal.Gut) string {
	switch g {
	case journal.GutLoose:
		return p.S("loose")
	case journal.GutCramps:
		return p.S("cramps")
	case journal.GutNausea:
		return p.S("nausea")
	}
	return string(g)
}

// worstGut is the day's worst gut word.
func worstGut(gs []journal.Gut) journal.Gut {
	for _, g := range gs {
		if g.Bad() {
			return g
		}
	}
	if len(gs) > 0 {
		return gs[0]
	}
	return ""
}

func weekday(d time.Weekday) *msg.Message {
	switch d {
	case time.Monday:
		return msg.New("Mo")
	case time.Tuesday:
		return msg.New("Tu")
	case time.Wednesday:
		return msg.New("We")
	case time.Thursday:
		return msg.New("Th")
	case time.Friday:
		return msg.New("Fr")
	case time.Saturday:
		return msg.New("Sa")
	}
	return msg.New("Su")
}

// Export implements Exporter: -o md, a one-page report for a doctor, and
// -o fhir, the magnesium and medicines taken as FHIR R4
// MedicationStatements. Both are English whatever the language.
func (r *Journal) Export(f Format) ([]byte, error) {
	switch f {
	case MD:
		return []byte(r.Markdown()), nil
	case FHIR:
		return r.FHIR()
	}
	return nil, &FormatError{f, r.Formats()}
}

// Formats implements Report: the journal and its exports.
func (r *Journal) Formats() []Format { return JournalFormats }

// Markdown is the one-page report for a doctor.
func (r *Journal) Markdown() string {
	per, loc := r.per, r.now.Location()
	var b strings.Builder
	fmt.Fprintf(&b, "# Magnesium taken, %s to %s\n\n", per.From.Format(time.DateOnly), per.To.Format(time.DateOnly))
	for _, pl := range per.Plans {
		fmt.Fprintf(&b, "- **Plan** (%s): %s, %s (%s%s, %s %% Mg); target %s mg/day elemental magnesium", pl.Start.Format(time.DateOnly),
			mdEscape(pl.GoalName), mdEscape(pl.FormName), mdEscape(more(pl.FormName, pl.VariantName)), mdEscape(pl.Formula),
			strconv.FormatFloat(pl.Fraction*100, 'f', 2, 64), fnum(pl.TargetMg))
		if pl.Limit != nil && pl.Limit.Mg != nil {
			fmt.Fprintf(&b, "; upper limit %s mg/day (%s)", fnum(*pl.Limit.Mg), mdEscape(pl.Limit.AuthorityName))
		}
		if pl.Ended != nil {
			fmt.Fprintf(&b, "; replaced after %s", pl.Ended.Format(time.DateOnly))
		}
		if pl.Supervised {
			b.WriteString("; **for use under medical supervision only**")
		}
		b.WriteString(".\n")
	}
	if a, ok := per.Adherence(); ok {
		fmt.Fprintf(&b, "- **Adherence**: %d of %d planned doses logged (%s %%), counted from the plan's start to the day before this report.\n",
			per.LoggedDoses, per.PlannedDoses, strconv.FormatFloat(a*100, 'f', 0, 64))
	}
	bad := 0
	for _, d := range per.Days {
		if d.Bad {
			bad++
		}
	}
	fmt.Fprintf(&b, "- **Bad gut days** (loose stools, stomach cramps or nausea): %d.\n", bad)
	if r.j.Lowered != nil {
		fmt.Fprintf(&b, "- **%s** (mgcalc's rule).\n", sentence(r.j.Lowered.Text))
	}
	b.WriteString("\n## Days\n\n| date | planned mg | taken mg | % of upper limit | gut | medicines |\n|---|---:|---:|---:|---|---|\n")
	for _, d := range per.Days {
		planned := ""
		if d.PlanID != 0 {
			rec, _ := d.Record()
			planned = fnum(Round(rec, ValueDec))
		}
		pct := ""
		if c := r.limit.Check(d.TakenMg); c.HasLimit && d.TakenMg > 0 {
			pct = strconv.FormatFloat(c.Percent, 'f', 0, 64)
		}
		var guts []string
		for _, g := range d.Gut {
			guts = append(guts, string(g))
		}
		var meds []string
		for _, e := range per.Entries {
			if e.Med != nil && journal.DayIn(e.At, loc) == d.Date {
				meds = append(meds, mdEscape(e.Med.Name)+" "+e.At.In(loc).Format("15:04"))
			}
		}
		taken := fnum(Round(d.TakenMg, ValueDec))
		if d.Missed() && d.Date.Before(per.Today) {
			taken = "missed"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", d.Date.Format(time.DateOnly), planned, taken, pct, strings.Join(guts, ", "), strings.Join(meds, ", "))
	}
	if len(per.Entries) > 0 {
		b.WriteString("\n## Entries\n\n| date | time | what | elemental mg |\n|---|---|---|---:|\n")
		for _, e := range per.Entries {
			at := e.At.In(loc)
			el := ""
			if e.IsMagnesium() {
				el = fnum(Round(e.ElementalMg, ValueDec))
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", at.Format(time.DateOnly), at.Format("15:04"), mdEscape(entryText(&Term{P: msg.EN}, e)), el)
		}
	}
	b.WriteString("\nAmounts are elemental magnesium as computed when each entry was logged, from the product's formula (or its label or assay).")
	if ul := r.limit.Mg(); ul != nil {
		fmt.Fprintf(&b, " Upper limit: %s mg/day from supplements (%s).", fnum(*ul), mdEscape(r.limit.Authority.Name))
	}
	b.WriteString(" Written by mgcalc, which informs and does not diagnose.\n")
	return b.String()
}

// The FHIR R4 MedicationStatement -o fhir writes.
type (
	fhirStatementBundle struct {
		ResourceType string               `json:"resourceType"`
		ID           string               `json:"id"`
		Type         string               `json:"type"`
		Entry        []fhirStatementEntry `json:"entry"`
	}
	fhirStatementEntry struct {
		FullURL  string                  `json:"fullUrl"`
		Resource fhirMedicationStatement `json:"resource"`
	}
	fhirMedicationStatement struct {
		ResourceType              string           `json:"resourceType"`
		ID                        string           `json:"id"`
		Status                    string           `json:"status"`
		MedicationCodeableConcept fhirConcept      `json:"medicationCodeableConcept"`
		Subject                   fhirReference    `json:"subject"`
		EffectiveDateTime         string           `json:"effectiveDateTime"`
		DateAsserted              string           `json:"dateAsserted"`
		Note                      []fhirAnnotation `json:"note,omitempty"`
		Dosage                    []fhirTakenDose  `json:"dosage,omitempty"`
	}
	fhirTakenDose struct {
		Text        string            `json:"text"`
		Route       fhirConcept       `json:"route"`
		DoseAndRate []fhirDoseAndRate `json:"doseAndRate"`
	}
)

// FHIR is the journal as a FHIR R4 Bundle (collection) of
// MedicationStatements (status completed): one per magnesium product
// logged, with its elemental magnesium as the dose, and one per medicine
// logged; gut and notes are notes on the entry's statements. Ids derive
// from the journal, so the same entries give the same bytes.
func (r *Journal) FHIR() ([]byte, error) {
	loc := r.now.Location()
	canon, err := json.Marshal(r.j.Entries)
	if err != nil {
		return nil, err
	}
	digest := sha256.Sum256(append([]byte("mgcalc fhir r4 journal\x00"), canon...))
	bundle := fhirStatementBundle{ResourceType: "Bundle", ID: derivedUUID(digest[:], "bundle"), Type: "collection", Entry: []fhirStatementEntry{}}
	add := func(name string, s fhirMedicationStatement) {
		s.ResourceType, s.Status, s.Subject = "MedicationStatement", "completed", fhirReference{Display: "patient"}
		s.ID = derivedUUID(digest[:], name)
		bundle.Entry = append(bundle.Entry, fhirStatementEntry{FullURL: "urn:uuid:" + s.ID, Resource: s})
	}
	for _, e := range r.per.Entries {
		at := e.At.In(loc).Format(time.RFC3339)
		var notes []fhirAnnotation
		if e.Gut != "" {
			notes = append(notes, fhirAnnotation{Text: "Gut: " + string(e.Gut)})
		}
		if e.Note != "" {
			notes = append(notes, fhirAnnotation{Text: text.Strip(e.Note)})
		}
		asserted := e.LoggedAt.In(loc).Format(time.RFC3339)
		for i, it := range e.Items {
			text := fnum(Round(it.ElementalMg, MassDec)) + " mg elemental magnesium"
			if it.UnitMg > 0 {
				text += " (" + fnum(it.UnitMg) + " mg " + it.FormName
				if it.PerDay != 1 {
					text += " × " + fnum(it.PerDay)
				}
				text += ")"
			}
			route := oralRoute
			if !it.Counted {
				route = fhirConcept{Coding: []fhirCoding{{System: "http://snomed.info/sct", Code: "6064005", Display: "Topical route"}}, Text: "skin"}
				text += "; on the skin, not counted towards the upper limit"
			}
			if e.Limit != nil && e.Limit.Mg != nil {
				text += "; upper limit " + fnum(*e.Limit.Mg) + " mg/day (" + e.Limit.AuthorityName + ")"
			}
			// a product known by its magnesium alone is magnesium, its salt
			// not stated: the dose is the label's elemental amount
			medication := "magnesium (salt not stated)"
			if it.HasForm() {
				medication = it.FormName + " (" + more(it.FormName, it.VariantName) + it.Formula + ")"
			}
			add(fmt.Sprintf("entry %d item %d", e.ID, i+1), fhirMedicationStatement{
				MedicationCodeableConcept: fhirConcept{Text: medication},
				EffectiveDateTime:         at, DateAsserted: asserted, Note: notes,
				Dosage: []fhirTakenDose{{Text: text, Route: route,
					DoseAndRate: []fhirDoseAndRate{{DoseQuantity: fhirQuantity{Value: Round(it.ElementalMg, MassDec), Unit: "mg", System: ucum, Code: "mg"}}}}},
			})
			notes = nil // once per entry
		}
		if e.Med != nil {
			name := text.Strip(e.Med.Name)
			if e.Med.ClassName != "" {
				name += " (" + e.Med.ClassName + ")"
			}
			add(fmt.Sprintf("entry %d medicine", e.ID), fhirMedicationStatement{
				MedicationCodeableConcept: fhirConcept{Text: name}, EffectiveDateTime: at, DateAsserted: asserted, Note: notes})
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(bundle); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// more is what a snapshot's variant name says beyond its form's name,
// with a comma after it, or "" where it says nothing more: "magnesium
// oxide (MgO)", never "magnesium oxide (magnesium oxide, MgO)" (review
// K8, as variantMore is for the tables' forms).
func more(form, variant string) string {
	if m := beyond(form, variant); m != "" {
		return m + ", "
	}
	return ""
}
