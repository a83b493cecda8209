package render

import (
	"bytes"
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/source"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// Exporter is a report that is also a document: -o md, -o fhir and -o
// ics. Only a plan is one.
type Exporter interface {
	Export(f Format) ([]byte, error)
}

// PlanExport is the plan report with what its exports need besides the
// plan: the bibliography, whose titles and addresses -o md lists, and the
// calendar's settings (nil without a first day: -o ics then has none).
type PlanExport struct {
	*Plan
	Sources  source.Registry
	Calendar *Calendar
}

// NewPlanExport maps a plan as NewPlan does, with the bibliography.
func NewPlanExport(p *plan.Plan, start *time.Time, sources source.Registry) *PlanExport {
	r := NewPlan(p, start)
	r.bib = sources
	return &PlanExport{Plan: r, Sources: sources}
}

// Export implements Exporter; without the bibliography, -o md lists the
// sources by id alone.
func (r *Plan) Export(f Format) ([]byte, error) { return (&PlanExport{Plan: r}).Export(f) }

// Export implements Exporter. The Markdown is English for now: its
// headings go through the catalogue, so another language only needs the
// Printer passed in. The FHIR bundle never depends on the language.
func (e *PlanExport) Export(f Format) ([]byte, error) {
	switch f {
	case MD:
		return []byte(e.Markdown(msg.EN)), nil
	case FHIR:
		return e.FHIR()
	case ICS:
		if e.Calendar == nil {
			return nil, ErrNoCalendar
		}
		var b bytes.Buffer
		if err := e.Calendar.Write(&b); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}
	return nil, &FormatError{f, e.Formats()}
}

// ErrNoCalendar is -o ics for a plan without a first day.
var ErrNoCalendar = msg.Errorf("%s needs a first day", "-o ics").WithHint("give --start YYYY-MM-DD (or --start today)")

// Formats implements Report: a plan and its exports.
func (r *Plan) Formats() []Format { return PlanFormats }

// Markdown is the plan as a one-page document for a doctor: the goal, the
// form and its evidence, the target and the limit, the schedule, when to
// evaluate, medicine spacing, warnings, advice, the rules with their basis
// and the sources with their titles and addresses. The same plan gives
// the same bytes.
func (e *PlanExport) Markdown(p msg.Printer) string {
	r, pp := e.Plan, e.p
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	item := func(label, text string) { line("- **" + label + "** " + text) }

	line("# " + p.S("Magnesium plan: %s", mdEscape(pp.Goal.Name)))
	line("")
	if pp.Supervised {
		line("**" + p.S("For use under medical supervision only.") + "**")
		line("")
	}
	if pp.Goal.First {
		line("**" + p.S("First:") + "** " + mdEscape(pp.Goal.Finding.Text) + mdCite(pp.Goal.Finding.Sources))
		line("")
	}
	gut := p.S("normal gut")
	if pp.Gut == plan.GutSensitive {
		gut = p.S("sensitive gut")
	}
	switch person := pp.Limit.Person; {
	case person.Pregnant:
		gut += "; " + p.S("pregnant")
	case person.Lactating:
		gut += "; " + p.S("breastfeeding")
	}
	item(p.S("Goal:"), mdEscape(pp.Goal.Name)+" ("+gut+")")
	chosen := p.S("recommended for the goal")
	if pp.Chosen {
		chosen = p.S("chosen by the person")
	}
	// the variant's name only where it says more than the form's (review K8)
	what := p.S("%s, %s %% Mg", mdEscape(pp.Variant.Formula), p.Num(pp.Share.Fraction*100, 2))
	if more := variantMore(p, pp.Form, pp.Variant); more != "" {
		what = mdEscape(more) + ", " + what
	}
	item(p.S("Form:"), mdEscape(pp.Form.Name)+" — "+what+" ("+chosen+")")
	if c := pp.Choice; c != nil {
		ev := gradeLabel(p, c) + ": " + mdEscape(c.Finding)
		if c.TrialMg != nil {
			ev += " (" + p.S("trial dose %s mg/day", p.Amount(*c.TrialMg))
			if pp.TrialAboveUL[c] {
				ev += ", " + p.S("above the upper limit: only under medical supervision")
			}
			ev += ")"
		}
		item(p.S("Evidence:"), ev+mdCite(c.Sources))
	} else {
		item(p.S("Evidence:"), p.S("mgcalc's sources do not rate this form for the goal"))
	}
	if !pp.Goal.First {
		item(p.S("For %s in general:", mdEscape(pp.Goal.Name)), mdEscape(pp.Goal.Finding.Text)+mdCite(pp.Goal.Finding.Sources))
	}
	if len(pp.Alternatives) > 0 {
		var alts []string
		for _, c := range pp.Alternatives {
			alts = append(alts, mdEscape(c.Form)+" ("+gradeText(p, c.Grade)+")")
		}
		item(p.S("Alternatives:"), strings.Join(alts, ", "))
	}
	l := pp.Limit
	item(p.S("Target:"), p.S("%s mg/day elemental magnesium, %s %% of the upper limit", p.Amount(math.Round(pp.TargetMg*10)/10), p.Num(l.Check(pp.TargetMg+pp.OtherMg).Percent, 0))+
		" — "+mdRuleBasis(p, pp.Target))
	if math.Abs(pp.ReachedMg-pp.TargetMg) >= 0.05 {
		item(p.S("Reached:"), p.S("%s mg/day in whole units, %s %% of the upper limit", p.Num(pp.ReachedMg, 1), p.Num(l.Check(pp.ReachedMg+pp.OtherMg).Percent, 0)))
	}
	if pp.OtherMg > 0 {
		item(p.S("Other magnesium:"), p.S("%s mg/day from the person's other products, counted toward the limit", p.Num(pp.OtherMg, 1)))
	}
	item(p.S("Upper limit:"), p.S("%s mg/day of magnesium from supplements (%s)", p.Num(*l.Mg(), 0), mdEscape(l.Authority.Name))+mdCite(l.Band.Sources))
	if pp.Unit.IsSet() {
		item(p.S("Units:"), mdEscape(r.unitLine(&Term{P: p})))
	}
	if r.start != nil {
		item(p.S("Start:"), r.start.Format(time.DateOnly))
	}

	line("")
	line("## " + p.S("Schedule"))
	line("")
	b.WriteString(r.mdTable(p))
	line("")
	note := p.S("Amounts are elemental magnesium.")
	if pp.CompoundKnown && !pp.Unit.IsSet() {
		note = p.S("Amounts are elemental magnesium; product/day is %s.", mdEscape(pp.Variant.Name))
	}
	if pp.OtherMg > 0 {
		note += " " + p.S("The share of the upper limit includes the person's other %s mg a day.", p.Num(pp.OtherMg, 1))
	}
	line(note)

	line("")
	line("## " + p.S("Evaluate"))
	line("")
	for _, ev := range pp.Evaluate {
		when := p.S("day %d", ev.Day)
		if r.start != nil {
			when = DateOf(*r.start, ev.Day).Format(time.DateOnly) + " (" + when + ")"
		}
		line("- " + when + ": " + mdEscape(ev.What) + mdCite(ev.Sources))
	}
	if last := pp.Steps[len(pp.Steps)-1]; last.FirstDay > 1 {
		line("")
		line(p.S("Counted from day %d, when the schedule reaches its last dose.", last.FirstDay))
	}

	if len(pp.Spacing) > 0 {
		line("")
		line("## " + p.S("Spacing from medicines"))
		line("")
		for _, s := range pp.Spacing {
			named := make([]string, len(s.Named))
			for i, n := range s.Named {
				named[i] = mdEscape(n)
			}
			text := "- **" + mdEscape(s.Interaction.Name) + "** (" + strings.Join(named, ", ") + "): " + mdEscape(medRule(p, s, pp.Form))
			if w := plan.MedWindows(s, pp.IntakeTimes(r.morning, r.evening)); s.Applies && len(s.Rules) > 0 {
				text += "; " + mdEscape(windowsText(p, s, w, pp.IntakeTimes(r.morning, r.evening)))
			}
			if s.Applies && len(s.Rules) == 0 {
				text += mdCite(s.Interaction.Advice.Sources)
			}
			if !s.Applies {
				text += mdCite(s.General.Sources)
			}
			line(text)
			for _, sp := range s.Interaction.Spacings {
				line("  - " + mdEscape(sp.Text) + mdCite(sp.Sources))
			}
			if a := s.Interaction.Advice; a != nil && (!s.Applies || len(s.Rules) > 0) {
				line("  - " + mdEscape(a.Text) + mdCite(a.Sources))
			}
		}
		for _, in := range pp.Midday {
			line("- " + mdEscape(p.S("%s is taken on waking: the morning magnesium moves to midday (%s)", in.Name, clockText(pp.IntakeTime(plan.Midday, r.morning, r.evening)))) +
				": " + mdEscape(in.OnWaking.Text) + mdCite(in.OnWaking.Sources))
		}
	}

	if len(pp.Warnings) > 0 {
		line("")
		line("## " + p.S("Warnings"))
		line("")
		for _, w := range pp.Warnings {
			line("- " + mdEscape(p.Message(w)))
		}
	}

	// advice that is a rule's own text is in the rules table, with its basis
	shown := map[string]bool{}
	for _, ru := range pp.Rules {
		shown[ru.Note] = true
	}
	var advice []string
	for _, a := range pp.Advice {
		if s := p.Message(a); !shown[s] {
			advice = append(advice, s)
		}
	}
	if len(advice) > 0 {
		line("")
		line("## " + p.S("Advice"))
		line("")
		for _, a := range advice {
			line("- " + mdEscape(a))
		}
	}

	line("")
	line("## " + p.S("Rules"))
	line("")
	line("| " + p.S("Rule") + " | " + p.S("Value") + " | " + p.S("Basis") + " |")
	line("|---|---|---|")
	for _, ru := range pp.Rules {
		line("| " + p.S(ruleNames[ru.Key]) + " | " + mdRuleValue(p, ru) + " | " + mdRuleBasis(p, ru) + " |")
	}

	line("")
	line("## " + p.S("Sources"))
	line("")
	for _, id := range pp.Sources {
		s, ok := e.Sources.Get(id)
		text := "- `" + mdCode(id) + "`"
		if ok {
			text += ": " + mdEscape(sourceTitle(p, s))
			if s.URL != "" {
				text += " " + mdURL(s.URL)
			}
		}
		line(text)
	}
	line("")
	line("_" + p.S("Made with mgcalc, which informs and does not diagnose. Every number above names its source or says it is mgcalc's own rule.") + "_")
	return b.String()
}

// mdTable is the schedule as a Markdown table: one row per step.
func (r *Plan) mdTable(p msg.Printer) string {
	pp := r.p
	days := p.S("Days")
	if r.start != nil {
		days = p.S("Dates")
	}
	var b strings.Builder
	header := r.header(p)
	header[0] = days
	for i, h := range header[1:] { // a heading starts with a capital
		if r, n := utf8.DecodeRuneInString(h); r != utf8.RuneError {
			header[i+1] = string(unicode.ToUpper(r)) + h[n:]
		}
	}
	b.WriteString("| " + strings.Join(header, " | ") + " |\n")
	b.WriteString("|---|--:|--:|--:|--:|--:|\n")
	for _, s := range pp.Steps {
		cells := r.stepCells(p, s)
		if s.Check.Over {
			cells[5] = "**" + cells[5] + "**"
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	return b.String()
}

// spacingRule words a medicine's spacing from magnesium.
func spacingRule(p msg.Printer, s plan.MedSpacing) string {
	return p.Message(plan.SpacingWords(s.BeforeHours, s.AfterHours))
}

// mdRuleValue is a rule's number with its unit, or its time of day.
func mdRuleValue(p msg.Printer, r plan.AppliedRule) string {
	switch {
	case r.Key == "timing":
		if r.Unit == string(plan.Morning) {
			return p.S("in the morning")
		}
		return p.S("in the evening")
	case r.Value != 0:
		return p.Amount(r.Value) + " " + r.Unit
	}
	return ""
}

// mdRuleBasis says where a rule comes from: its sources, mgcalc's own rule
// or wording, or the person.
func mdRuleBasis(p msg.Printer, r plan.AppliedRule) string {
	switch r.Basis {
	case plan.FromMgcalc:
		if r.Value != 0 {
			return "**" + p.S("mgcalc's rule:") + "** " + mdEscape(r.Text())
		}
		return "**" + p.S("mgcalc's wording:") + "** " + mdEscape(r.Text()) + mdCite(r.Sources)
	case plan.FromPerson:
		return p.S("the person's target")
	}
	if r.Note == "" {
		return strings.TrimSpace(mdCite(r.Sources))
	}
	return mdEscape(r.Text()) + mdCite(r.Sources)
}

// mdCite is " [id, id]", the sources' ids as the Sources section lists
// them; nothing for none.
func mdCite(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = mdEscape(id)
	}
	// plain brackets: without a link reference definition, [id] is text
	return " [" + strings.Join(out, ", ") + "]"
}

// mdEscape makes text from the tables or the command line plain Markdown
// text: no control characters, and every character that could start
// emphasis, a link, HTML, code, a character reference (&#8238; is a
// right-to-left override once rendered) or a table cell is escaped, and
// so is what GitHub-flavoured Markdown turns into a link without brackets
// (http://…, www.…, a@b.example): a name is text, never markup.
func mdEscape(s string) string {
	s = mdEscaper.Replace(text.Strip(s))
	if strings.Contains(s, "://") {
		s = strings.ReplaceAll(s, "://", `\://`)
	}
	for i := 0; i+4 <= len(s); i++ { // www. in any case
		if s[i]|0x20 == 'w' && s[i+1]|0x20 == 'w' && s[i+2]|0x20 == 'w' && s[i+3] == '.' {
			s = s[:i+3] + `\` + s[i+3:]
			i += 4
		}
	}
	return s
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `~`, `\~`, `&`, `\&`, `@`, `\@`)

// mdCode is text for inside a code span.
func mdCode(s string) string { return strings.ReplaceAll(text.Strip(s), "`", "'") }

// mdURL is an address as an autolink, or as escaped text where it could
// not be one.
func mdURL(u string) string {
	u = text.Strip(u)
	if (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) && !strings.ContainsAny(u, " <>") {
		return "<" + u + ">"
	}
	return mdEscape(u)
}
