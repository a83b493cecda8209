package render

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/label"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// labelLineJSON is one line of a label, with the names issue 19 fixes.
type labelLineJSON struct {
	Line       int        `json:"line"`
	Text       string     `json:"text"`
	Kind       string     `json:"kind"`        // dose, excipient, other, unreadable
	Reason     *string    `json:"reason"`      // why, for lines that are no plain dose
	SameAs     *int       `json:"same_as"`     // the line that counts, for the same magnesium printed twice
	DeclaredAs *string    `json:"declared_as"` // elemental, compound, both; null for no dose
	Form       *string    `json:"form"`        // a form key, mixed, unknown; null for no dose
	Variant    *string    `json:"variant"`     // the variant named or computed with
	CompoundMg *float64   `json:"compound_mg"` // per serving, as printed
	Elemental  *float64   `json:"elemental_mg"`
	Check      *checkJSON `json:"check"`      // both amounts printed: the label check
	RIPercent  *float64   `json:"ri_percent"` // % RI / % DV as printed
	RICheck    *riJSON    `json:"ri_check"`
	Error      *string    `json:"error"` // unreadable: why (English; the text output is translated)
}

type riJSON struct {
	Reference   *string  `json:"reference"` // eu-nrv, us-dv, us-dv-old: the value it fits, or the nearest
	ReferenceMg *float64 `json:"reference_mg"`
	Computed    *float64 `json:"computed_percent"`
	Consistent  *bool    `json:"consistent"` // null when not checked (< 1 %)
}

type rangeJSON struct {
	Min float64 `json:"min"`
	Max float64 `json:"max"`
}

type servingJSON struct {
	Count *float64 `json:"count"` // 2 in "per 2 capsules"; null when not said
	Unit  *string  `json:"unit"`  // tablet, capsule, scoop, …, serving
	Day   bool     `json:"per_day"`
}

// labelJSON is the schema of `label -o json`.
type labelJSON struct {
	File                 *string         `json:"file"`
	DSLDID               *string         `json:"dsld_id"`
	Name                 *string         `json:"name"`
	Lines                []labelLineJSON `json:"lines"`
	Serving              servingJSON     `json:"serving"`
	ServingsPerDay       rangeJSON       `json:"servings_per_day"`
	ServingsPerDayStated bool            `json:"servings_per_day_stated"`
	ElementalPerServing  *float64        `json:"elemental_mg_per_serving"`
	ElementalPerDayMin   *float64        `json:"elemental_mg_per_day_min"`
	ElementalPerDay      *float64        `json:"elemental_mg_per_day"` // the top of the range: the verdict's
	Readable             bool            `json:"readable"`
	LimitJSON
}

// Label is the report of `label` for one label. Total is nil when a line
// that names magnesium cannot be read: the label has no total.
type Label struct {
	File  string // the file name, "-" for stdin, "" for --text
	L     *label.Label
	Total *dose.Total
	j     labelJSON
}

// NewLabel maps a label and the total of its doses (at the top of the
// servings a day; nil for a label that cannot be read, which has only the
// limit that applies) to its report.
// Each amount is rounded once, here, from its unrounded value.
func NewLabel(file string, l *label.Label, t *dose.Total, limit limits.Applied) *Label {
	j := labelJSON{Lines: []labelLineJSON{}, Serving: servingJSON{Day: l.Serving.Day},
		ServingsPerDay: rangeJSON{Round(l.PerDay.Min, 2), Round(l.PerDay.Max, 2)}, ServingsPerDayStated: l.PerDayStated}
	if file != "" {
		j.File = &file
	}
	if l.ID != "" {
		j.DSLDID = &l.ID
	}
	if l.Name != "" {
		j.Name = &l.Name
	}
	if l.Serving.Count.Max > 0 {
		j.Serving.Count = ptr(Round(l.Serving.Count.Max, 2))
	}
	if l.Serving.Unit != "" {
		j.Serving.Unit = &l.Serving.Unit
	}
	for _, ln := range l.Lines {
		j.Lines = append(j.Lines, lineJSON(ln))
	}
	if t != nil {
		j.Readable = true
		per := l.ElementalPerServing()
		j.ElementalPerServing = ptr(Round(per, MassDec))
		j.ElementalPerDayMin = ptr(Round(per*l.PerDay.Min, MassDec))
		j.ElementalPerDay = ptr(Round(t.ElementalMg, elementalDec(t.ElementalMg, t.Limit, t.Check, MassDec)))
		j.LimitJSON = limitJSON(t.Limit, t.Check)
	} else {
		// the limit that applies, without a verdict: there is no total
		j.LimitJSON = limitJSON(limit, limits.Check{})
	}
	return &Label{File: file, L: l, Total: t, j: j}
}

func lineJSON(ln label.Line) labelLineJSON {
	lj := labelLineJSON{Line: ln.Line, Text: ln.Text, Kind: string(ln.Kind)}
	if ln.Reason != "" {
		r := string(ln.Reason)
		lj.Reason = &r
	}
	if ln.SameAs > 0 {
		n := ln.SameAs
		lj.SameAs = &n
	}
	if ln.Kind == label.Dose || ln.Kind == label.Unreadable && ln.Declared != "" {
		d := string(ln.Declared)
		lj.DeclaredAs = &d
		switch {
		case ln.Form != nil:
			lj.Form = &ln.Form.Key
		case ln.FormName != "":
			f := ln.FormName
			lj.Form = &f
		}
		if ln.Variant != nil {
			lj.Variant = &ln.Variant.Key
		}
		if ln.CompoundMg > 0 {
			lj.CompoundMg = ptr(Round(ln.CompoundMg, MassDec))
		}
		if ln.Kind == label.Dose {
			lj.Elemental = ptr(Round(ln.ElementalMg, MassDec))
		}
	}
	if ln.Kind == label.Other && ln.Reason == label.ReasonSameAs && ln.CompoundMg > 0 {
		lj.CompoundMg = ptr(Round(ln.CompoundMg, MassDec))
		if ln.Form != nil {
			lj.Form = &ln.Form.Key
		}
	}
	if ln.Check != nil {
		c := NewCheck(*ln.Check).j
		lj.Check = &c
	}
	if ri := ln.RI; ri != nil {
		lj.RIPercent = ptr(ri.Percent)
		rj := &riJSON{}
		if ri.Ref != nil {
			rj.Reference, rj.ReferenceMg = &ri.Ref.Key, ptr(ri.Ref.Mg)
			rj.Computed = ptr(Round(ri.Computed, PercentDec))
			ok := ri.Consistent
			rj.Consistent = &ok
		}
		lj.RICheck = rj
	}
	if ln.Err != nil {
		e := ln.Err.Error()
		lj.Error = &e
	}
	return lj
}

// MarshalJSON implements json.Marshaler.
func (r *Label) MarshalJSON() ([]byte, error) { return marshal(r.j) }

// Warnings implements Report: how the label was read (a serving a day
// assumed), and the total's cautions.
func (r *Label) Warnings() []*msg.Message {
	out := append([]*msg.Message{}, r.L.Notes...)
	out = append(out, r.impossible()...)
	if r.Total != nil {
		out = append(out, r.Total.Cautions()...)
	}
	return out
}

// LabelColumns are the columns of a label's row (-o tsv, -o csv).
var LabelColumns = []string{"file", "dsld_id", "name", "doses", "form", "elemental_mg_per_serving",
	"servings_per_day_min", "servings_per_day_max", "elemental_mg_per_day", "ul_mg", "ul_percent", "over", "unreadable"}

// TSV implements Report: one row for the label.
func (r *Label) TSV() [][]string { return [][]string{LabelColumns, r.row()} }

func (r *Label) row() []string {
	j := r.j
	forms := map[string]bool{}
	var keys []string
	doses, unreadable := 0, 0
	for _, ln := range j.Lines {
		switch ln.Kind {
		case string(label.Dose):
			doses++
			if ln.Form != nil && !forms[*ln.Form] {
				forms[*ln.Form] = true
				keys = append(keys, *ln.Form)
			}
		case string(label.Unreadable):
			unreadable++
		}
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	row := []string{r.File, str(j.DSLDID), str(j.Name), strconv.Itoa(doses), strings.Join(keys, " "), "",
		FormatFloat(j.ServingsPerDay.Min, 2), FormatFloat(j.ServingsPerDay.Max, 2), "", "", "", "", strconv.Itoa(unreadable)}
	if t := r.Total; t != nil {
		row[5] = FormatFloat(r.L.ElementalPerServing(), MassDec)
		row[8] = FormatFloat(t.ElementalMg, elementalDec(t.ElementalMg, t.Limit, t.Check, MassDec))
		row[9], row[10], row[11] = fmtOpt(j.LimitJSON.Mg, 0), percentOpt(j.ULPercent, t.Check), boolOpt(j.Over)
	}
	return row
}

// Formats implements Report.
func (r *Label) Formats() []Format { return ValueFormats }

// Value implements Report: the magnesium a day at the top of the range,
// as text and total show it.
func (r *Label) Value() (string, bool) {
	t := r.Total
	if t == nil {
		return "", false
	}
	return FormatFloat(t.ElementalMg, elementalDec(t.ElementalMg, t.Limit, t.Check, ValueDec)), true
}

// Text implements Report.
func (r *Label) Text(t *Term) string {
	p := t.P
	var b strings.Builder
	if title := r.titleText(p); title != "" {
		b.WriteString(t.Num(text.Strip(title)) + "\n")
	}
	for _, ln := range r.L.Lines {
		b.WriteString("  " + p.S("%s: %s", p.Message(r.at(ln.Line)), text.ClipTo(text.Strip(ln.Text), label.MaxText)) + "\n")
		b.WriteString("    " + r.meaning(t, ln) + "\n")
	}
	if len(r.L.Lines) == 0 {
		b.WriteString("  " + p.S("no line of this label names magnesium") + "\n")
	}
	for _, ln := range r.L.Lines {
		if ln.RI != nil && ln.Kind == label.Dose {
			b.WriteString("  " + r.riText(t, ln) + "\n")
		}
	}
	dose := slices.ContainsFunc(r.L.Lines, func(ln label.Line) bool { return ln.Kind == label.Dose })
	if !dose && r.Total != nil {
		// zinc, an excipient: no 0.0 mg "within the limit"
		if len(r.L.Lines) > 0 {
			b.WriteString("  " + p.S("no line of this label names a magnesium dose: there is nothing to count") + "\n")
		}
		return b.String()
	}
	b.WriteString("  " + r.servingText(p) + "\n")
	if tot := r.Total; tot != nil {
		per := r.L.ElementalPerServing()
		b.WriteString("  " + p.S("magnesium per serving: %s mg", t.Num(p.Num(per, ValueDec))) + "\n")
		mg, share := limitFigures(p, tot.Limit, tot.Check, tot.ElementalMg)
		day := mg + " mg"
		if r.L.PerDay.Min != r.L.PerDay.Max {
			day = p.S("%s to %s mg; the verdict uses the top", p.Num(per*r.L.PerDay.Min, ValueDec), mg)
		}
		b.WriteString("  " + p.S("magnesium per day: %s", t.Num(day)) + "  " + r.verdict(t, share) + "\n")
	} else {
		b.WriteString("  " + t.Bad(p.S("no total: a line that names magnesium cannot be read")) + "\n")
	}
	for _, n := range r.L.Notes {
		b.WriteString(t.Label("note", n) + "\n")
	}
	for _, w := range r.impossible() {
		b.WriteString(t.Label("warning", w) + "\n")
	}
	if r.Total != nil {
		for _, w := range r.Total.Cautions() {
			b.WriteString(t.Label("warning", w) + "\n")
		}
	}
	return b.String()
}

// at names a line of the label: a line of text, a row of a DSLD label.
func (r *Label) at(n int) *msg.Message {
	if r.L.Rows {
		return msg.New("row %d", n)
	}
	return msg.New("line %d", n)
}

// ShownName is a label's source as text for people names it: a file as
// it is, and the placeholders of a --text label in the reader's language
// (<text 2>, <tekst 2> in Dutch) as a message. Machine output keeps the
// placeholder as it is.
func ShownName(name string) any {
	if name == "<text>" {
		return msg.New("<text>")
	}
	if n, ok := strings.CutPrefix(name, "<text "); ok {
		if i, err := strconv.Atoi(strings.TrimSuffix(n, ">")); err == nil && strings.HasSuffix(n, ">") {
			return msg.New("<text %d>", i)
		}
	}
	return name
}

// title names the label: the file (ShownName; nil for none), then the
// DSLD product.
func (r *Label) title() (file any, rest string) {
	var parts []string
	if r.File != "" {
		file = ShownName(r.File)
	}
	if r.L.ID != "" {
		parts = append(parts, "DSLD "+r.L.ID)
	}
	if r.L.Name != "" {
		parts = append(parts, r.L.Name)
	}
	return file, strings.Join(parts, "  ")
}

// titleText is the title in the reader's language; "" for none.
func (r *Label) titleText(p msg.Printer) string {
	file, rest := r.title()
	var parts []string
	switch f := file.(type) {
	case *msg.Message:
		parts = append(parts, p.Message(f))
	case string:
		parts = append(parts, f)
	}
	if rest != "" {
		parts = append(parts, rest)
	}
	return strings.Join(parts, "  ")
}

// meaning says what a line is.
func (r *Label) meaning(t *Term, ln label.Line) string {
	p := t.P
	switch ln.Kind {
	case label.Excipient:
		return t.Dim(p.S("excipient: not counted"))
	case label.Unreadable:
		return t.Bad(p.S("cannot be read: %s", p.Message(ln.Err)))
	case label.Other:
		switch ln.Reason {
		case label.ReasonSameAs:
			return t.Dim(p.S("the same magnesium as %s: counted once", p.Message(r.at(ln.SameAs))))
		case label.ReasonNotMagnesium:
			return t.Dim(p.S("not magnesium"))
		case label.ReasonReference:
			return t.Dim(p.S("a reference intake or limit, not a dose"))
		case label.ReasonPerKg:
			return t.Dim(p.S("an amount per kg of body weight, not a dose"))
		case label.ReasonChildren:
			return t.Dim(p.S("for children: not the adult daily amount"))
		case label.ReasonIngredient:
			return t.Dim(p.S("an ingredient without an amount"))
		case label.ReasonNoAmount:
			return t.Dim(p.S("names magnesium without an amount: no dose"))
		}
		return t.Dim(p.S("not a dose"))
	}
	mg := t.Num(p.S("%s mg magnesium", p.Num(ln.ElementalMg, ValueDec)))
	switch ln.Declared {
	case label.Compound:
		// the variant's name where it says more than the form's (review K8)
		if more := variantMore(p, ln.Form, ln.Variant); more != "" {
			return p.S("%s, computed from %s mg %s (%s, %s %% Mg)", mg, p.Amount(ln.CompoundMg), formName(p, ln.Form),
				more, p.Num(ln.Variant.Fraction*100, 2))
		}
		return p.S("%s, computed from %s mg %s (%s %% Mg)", mg, p.Amount(ln.CompoundMg), formName(p, ln.Form), p.Num(ln.Variant.Fraction*100, 2))
	case label.Both:
		s := p.S("%s in %s mg %s", mg, p.Amount(ln.CompoundMg), r.formText(p, ln))
		if ln.Check != nil {
			s += "; " + p.S("check:") + " " + checkVerdict(t, *ln.Check)
		}
		return s
	}
	return p.S("%s (elemental), %s", mg, r.formText(p, ln))
}

// formText names a dose's salt: a form (from the ingredient list), mixed
// salts, or none named.
func (r *Label) formText(p msg.Printer, ln label.Line) string {
	switch {
	case ln.Form != nil && ln.FormFrom > 0:
		return p.S("%s (from the ingredients, %s)", formName(p, ln.Form), p.Message(r.at(ln.FormFrom)))
	case ln.Form != nil:
		return formName(p, ln.Form)
	case ln.FormName == label.FormMixed:
		return p.S("several salts")
	}
	return p.S("salt not named")
}

// checkVerdict is the label check in a few words; `mgcalc check` says more.
func checkVerdict(t *Term, c dose.LabelCheck) string {
	p := t.P
	pct := p.Num(c.Implied*100, 2)
	switch c.Verdict {
	case dose.Consistent:
		if len(c.Matches) > 0 {
			m := c.Matches[0]
			return t.Good(p.S("consistent")) + " " + p.S("(%s %% Mg fits %s, %s %%)", pct, variantName(p, c.Form, m.Variant), p.Num(m.Variant.Fraction*100, 2))
		}
		return t.Good(p.S("consistent")) + " " + p.S("(%s %% Mg, within the raw-material assay range)", pct)
	case dose.Unmatched:
		return t.Warn(p.S("unmatched")) + " " + p.S("(%s %% Mg fits no variant within %s %%: another hydrate, a blend or a label error; the label's magnesium is counted)", pct, p.Num(dose.LabelTolerance*100, 0))
	}
	return t.Bad(p.S("impossible for the pure salt")) + " " + p.S("(%s %% Mg; the most any %s variant carries is %s %%): likely a buffered blend; the label's magnesium is counted",
		pct, formName(p, c.Form), p.Num(c.Form.MaxFraction()*100, 2))
}

// impossible are the warnings for lines whose amounts no variant of their
// salt can carry, counted at the label's magnesium as a blend's would be:
// `check`'s verdict, in its words.
func (r *Label) impossible() []*msg.Message { return BlendWarnings(r.L) }

// BlendWarnings warns of each dose of l whose two amounts are impossible
// for the pure salt (more magnesium than any of its variants carries, no
// more than a richer salt mixed in could give): the label reader counts
// the label's magnesium, and label and total --label say why, in the
// words of `mgcalc check`.
func BlendWarnings(l *label.Label) []*msg.Message {
	var out []*msg.Message
	for _, ln := range l.Lines {
		c := ln.Check
		if ln.Kind != label.Dose || c == nil || c.Verdict != dose.Impossible {
			continue
		}
		at := msg.New("line %d", ln.Line)
		if l.Rows {
			at = msg.New("row %d", ln.Line)
		}
		out = append(out, msg.New("%s: %s mg %s stating %s mg magnesium is impossible for the pure salt (%s %% Mg; the most any variant carries is %s %%): likely a buffered blend (with a richer salt such as oxide), a mislabelled form or hydrate, or a typo; the label's magnesium is counted",
			at, msg.A(c.CompoundMg), c.Form.Name, msg.A(c.StatedMg), msg.N(c.Implied*100, 1), msg.N(c.Form.MaxFraction()*100, 1)))
	}
	return out
}

func (r *Label) riText(t *Term, ln label.Line) string {
	p, ri := t.P, ln.RI
	if ri.Approx || ri.Ref == nil {
		return p.S("%s prints %s %%: not checked", p.Message(r.at(ln.Line)), p.Amount(ri.Percent))
	}
	s := p.S("%s prints %s %%; %s mg is %s %% of the %s (%s mg)", p.Message(r.at(ln.Line)), p.Amount(ri.Percent), p.Num(ln.ElementalMg, ValueDec),
		p.Num(ri.Computed, 1), p.Data(msg.KeyLabelValue(ri.Ref.Key, "name"), ri.Ref.Name), p.Amount(ri.Ref.Mg))
	if ri.Consistent {
		return s + ": " + t.Good(p.S("fits"))
	}
	return s + ": " + t.Warn(p.S("does not fit (reported, not an error)"))
}

func (r *Label) servingText(p msg.Printer) string {
	l := r.L
	s := l.Serving
	var what string
	switch {
	case s.Day && s.Count.Max > 0:
		what = p.S("a day's amount (%s %s)", p.Amount(s.Count.Max), p.Message(label.UnitWord(s.Unit, s.Count.Max)))
	case s.Day:
		what = p.S("a day's amount")
	case s.Count.Max > 0 && s.Unit != "":
		what = p.Amount(s.Count.Max) + " " + p.Message(label.UnitWord(s.Unit, s.Count.Max))
	default:
		what = p.S("not said")
	}
	day := p.Amount(l.PerDay.Max)
	if l.PerDay.Min != l.PerDay.Max {
		day = p.Amount(l.PerDay.Min) + "-" + day
	}
	if !l.PerDayStated {
		return p.S("serving: %s; servings a day: %s (the label does not say)", what, day)
	}
	return p.S("serving: %s; servings a day: %s", what, day)
}

func (r *Label) verdict(t *Term, share string) string {
	return limitVerdict(t, r.Total.Limit, r.Total.Check, share, true)
}

// Labels is the report of several labels: text one after the other, JSON
// an array, TSV and CSV one row each, a value each on its own line.
type Labels []*Label

// MarshalJSON implements json.Marshaler.
func (rs Labels) MarshalJSON() ([]byte, error) {
	out := make([]labelJSON, len(rs))
	for i, r := range rs {
		out[i] = r.j
	}
	return json.Marshal(out)
}

// TSV implements Report.
func (rs Labels) TSV() [][]string {
	rows := [][]string{LabelColumns}
	for _, r := range rs {
		rows = append(rows, r.row())
	}
	return rows
}

// Formats implements Report.
func (rs Labels) Formats() []Format { return ValueFormats }

// Value implements Report: each label's value on its own line ("" for a
// label without a total).
func (rs Labels) Value() (string, bool) {
	var vs []string
	for _, r := range rs {
		v, _ := r.Value()
		vs = append(vs, v)
	}
	return strings.Join(vs, "\n"), len(vs) > 0
}

// Text implements Report.
func (rs Labels) Text(t *Term) string {
	var parts []string
	for _, r := range rs {
		parts = append(parts, r.Text(t))
	}
	return strings.Join(parts, "\n")
}

// Warnings implements Report: each label's, with the label named.
func (rs Labels) Warnings() []*msg.Message {
	var out []*msg.Message
	for _, r := range rs {
		for _, w := range r.Warnings() {
			switch file, rest := r.title(); {
			case file != nil && rest != "":
				w = msg.New("%s  %s: %s", file, rest, w)
			case file != nil:
				w = msg.New("%s: %s", file, w)
			case rest != "":
				w = msg.New("%s: %s", rest, w)
			}
			out = append(out, w)
		}
	}
	return out
}
