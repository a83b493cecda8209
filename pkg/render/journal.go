package render

import (
	"strconv"
	"strings"
	"time"

	"github.com/mgcalc/mgcalc/pkg/journal"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/source"
	"github.com/mgcalc/mgcalc/pkg/stack"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// The journal's reports: log (Logged), today (Today), journal (Journal,
// journal_export.go) and plan --show (SavedPlan, journal_plan.go). They
// only format what pkg/journal decided.

type takenJSON struct {
	Input        string   `json:"input"`
	Name         string   `json:"name"`
	Form         *string  `json:"form"`     // null for a product known by its magnesium alone
	Variant      *string  `json:"variant"`  // null with form
	Formula      *string  `json:"formula"`  // null with form
	Fraction     *float64 `json:"fraction"` // null where the label's amount gave the figure
	Basis        string   `json:"basis"`
	UnitMg       *float64 `json:"unit_mg"`
	PerDay       float64  `json:"per_day"`
	CompoundMg   *float64 `json:"compound_mg"`
	AssayPercent *float64 `json:"assay_percent"`
	StatedMg     *float64 `json:"stated_mg"`
	ElementalMg  float64  `json:"elemental_mg"`
	Route        string   `json:"route"`
	Counted      bool     `json:"counted"`
}

type medJSON struct {
	Name      string  `json:"name"`
	Known     bool    `json:"known"`
	Class     *string `json:"class"`
	ClassName *string `json:"class_name"`
	// the longest spacing of the rules that apply (a logged medicine: of
	// every rule, whatever the form; a saved plan's: to its form); 24 for
	// a way a rule gives no time for (closed, mgcalc's rule)
	BeforeHours float64       `json:"before_hours"`
	AfterHours  float64       `json:"after_hours"`
	Forms       []string      `json:"forms"` // the interaction belongs to these forms; empty: every form
	Rules       []medRuleJSON `json:"rules"`
	Advice      *adviceJSON   `json:"advice"`
	Depleting   []string      `json:"depleting"`
}

// medRuleJSON is a source's rule as it gives it (0 hours: no time that
// way, so that way is closed); applies is null for a logged medicine,
// whose rules apply by the form of the magnesium they meet.
type medRuleJSON struct {
	BeforeHours float64  `json:"before_hours"`
	AfterHours  float64  `json:"after_hours"`
	Forms       []string `json:"forms"` // limited to these forms; empty: the interaction's
	Applies     *bool    `json:"applies"`
	Text        string   `json:"text"`
	Sources     []string `json:"sources"`
}

type adviceJSON struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

type entryLimitJSON struct {
	Authority     string   `json:"authority"`
	AuthorityName string   `json:"authority_name"`
	Mg            *float64 `json:"ul_mg"`
	Sources       []string `json:"ul_sources"`
}

type entryJSON struct {
	ID          uint64          `json:"id"`
	At          string          `json:"at"`
	Date        string          `json:"date"`
	Time        string          `json:"time"`
	LoggedAt    string          `json:"logged_at"`
	Items       []takenJSON     `json:"items"`
	ElementalMg float64         `json:"elemental_mg"`
	Limit       *entryLimitJSON `json:"limit"`
	Med         *medJSON        `json:"med"`
	Gut         *string         `json:"gut"`
	BadGut      bool            `json:"bad_gut"`
	Note        *string         `json:"note"`
	Forced      bool            `json:"forced"`
}

func optMg(x float64) *float64 {
	if x == 0 {
		return nil
	}
	return ptr(Round(x, MassDec))
}

func optStr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func newEntryJSON(e *journal.Entry, loc *time.Location) entryJSON {
	at := e.At.In(loc)
	j := entryJSON{ID: e.ID, At: at.Format(time.RFC3339), Date: at.Format(time.DateOnly), Time: at.Format("15:04"),
		LoggedAt: e.LoggedAt.In(loc).Format(time.RFC3339), Items: []takenJSON{}, ElementalMg: Round(e.ElementalMg, MassDec),
		Gut: optStr(string(e.Gut)), BadGut: e.Gut.Bad(), Note: optStr(e.Note), Forced: e.Forced}
	for _, it := range e.Items {
		tj := takenJSON{Input: it.Input, Name: it.Name, Form: optStr(it.Form), Variant: optStr(it.Variant), Formula: optStr(it.Formula),
			Basis: it.Basis, UnitMg: optMg(it.UnitMg), PerDay: it.PerDay, CompoundMg: optMg(it.CompoundMg),
			AssayPercent: optMg(it.AssayPercent), StatedMg: optMg(it.StatedMg), ElementalMg: Round(it.ElementalMg, MassDec),
			Route: it.Route, Counted: it.Counted}
		if it.Fraction > 0 {
			tj.Fraction = ptr(Round(it.Fraction, FractionDec))
		}
		j.Items = append(j.Items, tj)
	}
	if l := e.Limit; l != nil {
		j.Limit = &entryLimitJSON{Authority: l.Authority, AuthorityName: l.AuthorityName, Mg: l.Mg, Sources: nonNil(l.Sources)}
	}
	if m := e.Med; m != nil {
		mj := &medJSON{Name: m.Name, Known: m.Known, Class: optStr(m.Class), ClassName: optStr(m.ClassName),
			BeforeHours: m.BeforeHours, AfterHours: m.AfterHours, Forms: nonNil(m.Forms), Rules: []medRuleJSON{}, Depleting: nonNil(m.Depleting)}
		for _, r := range m.Rules {
			mj.Rules = append(mj.Rules, medRuleJSON{BeforeHours: r.BeforeHours, AfterHours: r.AfterHours, Forms: nonNil(r.Forms),
				Applies: r.Applies, Text: r.Text, Sources: nonNil(r.Sources)})
		}
		if a := m.Advice; a != nil {
			mj.Advice = &adviceJSON{Text: a.Text, Sources: nonNil(a.Sources)}
		}
		j.Med = mj
	}
	return j
}

// gutText is a gut word in the reader's language.
func gutText(p msg.Printer, g journal.Gut) string {
	switch g {
	case journal.GutOK:
		return p.S("gut ok")
	case journal.GutLoose:
		return p.S("loose stools")
	case journal.GutCramps:
		return p.S("stomach cramps")
	case journal.GutNausea:
		return p.S("nausea")
	}
	return string(g)
}

// takenText is one product of an entry: "bisglycinate 500 mg × 2 →
// 141.0 mg".
func takenText(p msg.Printer, it journal.Taken) string {
	name := text.Strip(it.Name)
	if p.Lang() != msg.English && it.HasForm() && it.Name == it.Form {
		name = p.Data(msg.KeyForm(it.Form, "name"), it.FormName)
	}
	amount := ""
	switch {
	case it.UnitMg > 0:
		amount = p.Amount(it.UnitMg) + " mg"
	case it.StatedMg > 0 && !it.HasForm() && it.Name == stack.MagnesiumName:
		amount = p.Amount(it.StatedMg) + " mg" // magnesium:100, named by its magnesium
	case it.StatedMg > 0:
		amount = p.S("%s mg magnesium", p.Amount(it.StatedMg))
	}
	if it.PerDay != 1 {
		amount += " × " + p.Amount(it.PerDay)
	}
	s := name + " " + amount + " → " + p.Num(it.ElementalMg, ValueDec) + " mg"
	if !it.Counted {
		s += " " + p.S("(skin: not counted)")
	}
	return s
}

// medText is a logged medicine: its name, and its class where mgcalc
// knows it ("Thyrax — levothyroxine (thyroid hormone)"; the class alone
// where the name is the class's).
func medText(p msg.Printer, m *journal.Med) string {
	if m.ClassName == "" {
		return text.Strip(m.Name)
	}
	class := p.Data(msg.KeyInteractionName(m.Class), m.ClassName)
	if m.Name == m.ClassName || text.Same(m.Name, m.Class) || text.Same(m.Name, m.ClassName) {
		return class
	}
	return text.Strip(m.Name) + " — " + class
}

// entryText is an entry on one line, after its time.
func entryText(t *Term, e *journal.Entry) string {
	p := t.P
	var parts []string
	for _, it := range e.Items {
		parts = append(parts, takenText(p, it))
	}
	if e.Med != nil {
		parts = append(parts, medText(p, e.Med))
	}
	if e.Gut != "" {
		g := gutText(p, e.Gut)
		if e.Gut.Bad() {
			g = t.Warn(g)
		}
		parts = append(parts, g)
	}
	if e.Note != "" {
		parts = append(parts, "“"+text.Strip(e.Note)+"”")
	}
	s := strings.Join(parts, "; ")
	if e.Forced {
		s += " " + t.Dim(p.S("(kept with --force)"))
	}
	return s
}

// basisText labels a rule: its sources, or mgcalc's own.
func basisText(t *Term, c *citations, b plan.Basis, sources []string) string {
	if b == plan.FromMgcalc {
		return " " + t.Dim("("+t.P.S("mgcalc's rule")+")") + c.cite(t, sources)
	}
	return c.cite(t, sources)
}

type reasonJSON struct {
	Rule    string   `json:"rule"`
	Basis   string   `json:"basis"`
	Sources []string `json:"sources"`
	Text    string   `json:"text"`
}

func reasonsJSON(rs []journal.Reason) []reasonJSON {
	out := []reasonJSON{}
	for _, r := range rs {
		out = append(out, reasonJSON{Rule: r.Rule, Basis: string(r.Basis), Sources: nonNil(r.Sources), Text: r.Msg.Error()})
	}
	return out
}

type loopRuleJSON struct {
	Key     string   `json:"key"`
	Value   *float64 `json:"value"`
	Unit    string   `json:"unit,omitempty"`
	Basis   string   `json:"basis"`
	Sources []string `json:"sources"`
	Note    string   `json:"note"`
}

func loopRulesJSON(rs []journal.Rule) []loopRuleJSON {
	out := []loopRuleJSON{}
	for _, r := range rs {
		j := loopRuleJSON{Key: r.Key, Unit: r.Unit, Basis: string(r.Basis), Sources: nonNil(r.Sources), Note: r.Note.Error()}
		if r.Value != 0 {
			j.Value = ptr(r.Value)
		}
		out = append(out, j)
	}
	return out
}

type flagJSON struct {
	MagnesiumAt string   `json:"magnesium_at"`
	Medicine    string   `json:"medicine"`
	MedicineAt  string   `json:"medicine_at"`
	After       bool     `json:"after_medicine"`
	BeforeHours float64  `json:"before_hours"`
	AfterHours  float64  `json:"after_hours"`
	Sources     []string `json:"sources"`
}

func flagsJSON(fs []journal.Flag, loc *time.Location) []flagJSON {
	out := []flagJSON{}
	for _, f := range fs {
		out = append(out, flagJSON{MagnesiumAt: f.Magnesium.At.In(loc).Format(time.RFC3339), Medicine: f.Med.Med.Name,
			MedicineAt: f.Med.At.In(loc).Format(time.RFC3339), After: f.Before, BeforeHours: f.Gap.Before,
			AfterHours: f.Gap.After, Sources: nonNil(f.Sources)})
	}
	return out
}

// flagMessage words a magnesium dose inside a medicine's window.
func flagMessage(f journal.Flag, loc *time.Location) *msg.Message {
	return msg.New("magnesium logged at %s is within the spacing window of %s logged at %s (%s)",
		f.Magnesium.At.In(loc).Format("15:04"), f.Med.Med.Name, f.Med.At.In(loc).Format("15:04"), f.Gap.Words())
}

// Logged is the report of `log`: the entry as stored, the day's total so
// far against the limit, and any spacing window a dose fell in.
type Logged struct {
	bib      source.Registry
	e        *journal.Entry
	loc      *time.Location
	today    time.Time
	dayMg    float64
	limit    limits.Applied
	check    limits.Check
	flags    []journal.Flag
	warnings []*msg.Message
	j        loggedJSON
}

type loggedJSON struct {
	Entry      entryJSON  `json:"entry"`
	DayTotalMg float64    `json:"day_total_mg"`
	LimitJSON             // the limit that applies to the person now
	Flags      []flagJSON `json:"flags"`
	Journal    string     `json:"journal"`
}

// NewLogged reports entry e, logged in the journal at path at now (whose
// location is the person's). dayMg is the magnesium logged on e's day, e
// included.
func NewLogged(e *journal.Entry, now time.Time, dayMg float64, limit limits.Applied, flags []journal.Flag, warnings []*msg.Message, path string) *Logged {
	loc := now.Location()
	c := limit.Check(dayMg)
	r := &Logged{e: e, loc: loc, today: journal.Day(now), dayMg: dayMg, limit: limit, check: c, flags: flags, warnings: warnings}
	r.j = loggedJSON{Entry: newEntryJSON(e, loc), DayTotalMg: Round(dayMg, elementalDec(dayMg, limit, c, MassDec)), LimitJSON: limitJSON(limit, c),
		Flags: flagsJSON(flags, loc), Journal: path}
	return r
}

func (r *Logged) MarshalJSON() ([]byte, error) { return marshal(r.j) }

// WithSources gives the bibliography the text's sources list is titled
// from.
func (r *Logged) WithSources(bib source.Registry) *Logged { r.bib = bib; return r }

// Warnings implements Report.
func (r *Logged) Warnings() []*msg.Message { return messages(r.sourcedWarnings()) }

// sourcedWarnings are the warnings, a flag with the sources of the rule it
// broke.
func (r *Logged) sourcedWarnings() []sourced {
	var out []sourced
	for _, w := range r.warnings {
		out = append(out, sourced{m: w})
	}
	for _, f := range r.flags {
		out = append(out, sourced{flagMessage(f, r.loc), f.Sources})
	}
	if r.check.Over {
		out = append(out, sourced{m: msg.New("the magnesium logged on this day is above the supplemental upper limit")})
	}
	if r.e.IsMagnesium() && r.limit.Authority != nil {
		for _, w := range r.limit.Cautions() {
			out = append(out, sourced{m: w})
		}
	}
	return out
}

// Formats implements Report.
func (r *Logged) Formats() []Format { return ValueFormats }

// Value implements Report: the day's total so far.
func (r *Logged) Value() (string, bool) {
	return FormatFloat(r.dayMg, elementalDec(r.dayMg, r.limit, r.check, ValueDec)), true
}

// TSV implements Report.
func (r *Logged) TSV() [][]string {
	return append([][]string{entryHeader}, entryRow(r.e, r.loc))
}

// entryHeader is the journal's rows: magnesium is what was typed (in the
// language it was typed in), form each item's form as mgcalc reads it back
// in every language (FORM:VARIANT, as JSON's form and variant; empty for
// an amount of magnesium a label gives without its form).
var entryHeader = []string{"id", "date", "time", "magnesium", "form", "elemental_mg", "medicine", "medicine_class", "gut", "note", "logged_at"}

// entryCol are the columns of entryHeader.
const (
	colTime = 2
	colMg   = 3
	colForm = 4
	colEl   = 5
	colMed  = 6
	colGut  = 8
)

func entryRow(e *journal.Entry, loc *time.Location) []string {
	at := e.At.In(loc)
	var items, forms []string
	for _, it := range e.Items {
		s := it.Input
		if s == "" {
			s = it.Name
		}
		items = append(items, s)
		if it.Form != "" {
			f := it.Form
			if it.Variant != "" {
				f += ":" + it.Variant
			}
			forms = append(forms, f)
		}
	}
	med, class := "", ""
	if e.Med != nil {
		med, class = e.Med.Name, e.Med.Class
	}
	el := ""
	if e.IsMagnesium() {
		el = FormatFloat(e.ElementalMg, MassDec)
	}
	return []string{strconv.FormatUint(e.ID, 10), at.Format(time.DateOnly), at.Format("15:04"), text.Strip(strings.Join(items, " + ")),
		strings.Join(forms, " + "), el, text.Strip(med), class, string(e.Gut), text.Strip(e.Note), e.LoggedAt.In(loc).Format(time.RFC3339)}
}

// Text implements Report.
func (r *Logged) Text(t *Term) string {
	p := t.P
	c := &citations{bib: r.bib}
	var b strings.Builder
	at := r.e.At.In(r.loc)
	b.WriteString(p.S("logged %s %s: %s", at.Format(time.DateOnly), at.Format("15:04"), entryText(t, r.e)) + "\n")
	if m := r.e.Med; m != nil {
		// the window for each form group: Biktarvy has one for the
		// antacid salts and one for every other form
		for _, g := range m.Groups() {
			line := windowText(p, r.e, g.Gap, r.loc) + " (" + p.Message(g.Gap.Words()) + ")"
			if g.Forms != nil {
				line = p.S("with %s: %s", medForms(p, m, g.Forms), line)
			}
			b.WriteString("  " + line + c.cite(t, m.SourcesOf(g.Gap.Rules)) + "\n")
		}
	}
	if r.e.IsMagnesium() || r.dayMg > 0 {
		mg, share := limitFigures(p, r.limit, r.check, r.dayMg)
		day := p.S("today so far")
		if journal.Day(at) != r.today {
			day = p.S("on %s", at.Format(time.DateOnly))
		}
		b.WriteString(strings.TrimRight(p.S("%s: %s mg", day, t.Num(mg))+" "+limitVerdict(t, r.limit, r.check, share, false), " ") + "\n")
	}
	for _, w := range r.sourcedWarnings() {
		b.WriteString(t.Label("warning", w.m) + c.cite(t, w.sources) + "\n")
	}
	b.WriteString(c.list(t))
	return b.String()
}

// windowText is the time around medicine m in which magnesium must not be
// taken, by gap g: "no magnesium between 03:10 and 07:10"; a way closed
// for a whole day is said as such.
func windowText(p msg.Printer, m *journal.Entry, g journal.Gap, loc *time.Location) string {
	lo, hi := journal.Window(m, g)
	switch {
	case g.Before >= plan.ClosedHours && g.After >= plan.ClosedHours:
		return p.S("no magnesium within a day of it")
	case g.After >= plan.ClosedHours:
		return p.S("no magnesium in the day before it, nor until %s", hi.In(loc).Format("15:04"))
	case g.Before >= plan.ClosedHours:
		return p.S("no magnesium from %s until a day after it", lo.In(loc).Format("15:04"))
	}
	return p.S("no magnesium between %s and %s", lo.In(loc).Format("15:04"), hi.In(loc).Format("15:04"))
}

// medForms names the forms a medicine's rule names: "magnesium oxide,
// magnesium hydroxide or magnesium carbonate".
func medForms(p msg.Printer, m *journal.Med, keys []string) string {
	var names []string
	for _, k := range keys {
		n := m.FormNames[k]
		if n == "" {
			n = k
		}
		names = append(names, p.Data(msg.KeyForm(k, "name"), n))
	}
	return joinOr(p, names)
}
