package render

import (
	"strings"

	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
)

// PersonJSON is who `limits` looked values up for.
type PersonJSON struct {
	Age       *float64 `json:"age"` // null: adult
	Sex       *string  `json:"sex"`
	Pregnant  bool     `json:"pregnant"`
	Lactating bool     `json:"lactating"`
}

// ULRow is one authority's upper limit for the person.
type ULRow struct {
	Authority string   `json:"authority"`
	Name      string   `json:"name"`
	Kind      string   `json:"kind"` // tolerable-upper-intake-level | safe-upper-level | maximum-level
	Mg        *float64 `json:"ul_mg"`
	Note      string   `json:"note"`
	Sources   []string `json:"sources"`
}

// LabelRow is a label reference value.
type LabelRow struct {
	Key     string   `json:"key"`
	Name    string   `json:"name"`
	Mg      float64  `json:"mg"`
	Note    string   `json:"note,omitempty"`
	Sources []string `json:"sources"`
}

// AI is the EFSA adequate intake for the person.
type AI struct {
	Mg      *float64 `json:"efsa_ai_mg"`
	MinMg   *float64 `json:"efsa_ai_min_mg"`
	MaxMg   *float64 `json:"efsa_ai_max_mg"`
	Sources []string `json:"efsa_ai_sources"`
}

// Intake is the US RDA/AI for the person; a range where the person is
// not fully specified.
type Intake struct {
	Mg      *float64 `json:"rda_mg"`   // one value, or null when it depends on age/sex
	Kind    string   `json:"rda_kind"` // RDA or AI
	MinMg   *float64 `json:"rda_min_mg"`
	MaxMg   *float64 `json:"rda_max_mg"`
	Sources []string `json:"rda_sources"`
}

// ChosenLimit is the limit of the chosen authority, as `limits` reports it.
type ChosenLimit struct {
	Authority     string   `json:"authority"`
	AuthorityName string   `json:"authority_name"`
	Mg            *float64 `json:"ul_mg"`
	Sources       []string `json:"ul_sources"`
}

// Limits is the report of `limits`.
type Limits struct {
	Person PersonJSON `json:"person"`
	ChosenLimit
	UpperLimits []ULRow `json:"upper_limits"`
	*Intake
	*AI
	LabelValues []LabelRow `json:"label_values"`

	applied limits.Applied
}

// NewLimits maps the reference values for the person of l.
func NewLimits(t *limits.Tables, l limits.Applied) *Limits {
	p := l.Person
	r := &Limits{applied: l, ChosenLimit: ChosenLimit{Authority: l.Authority.Key, AuthorityName: l.Authority.Name,
		Mg: l.Band.Mg, Sources: nonNil(l.Band.Sources)}}
	if p.AgeSet {
		r.Person.Age = &p.Age
	}
	if p.Sex != "" {
		sex := string(p.Sex)
		r.Person.Sex = &sex
	}
	r.Person.Pregnant, r.Person.Lactating = p.Pregnant, p.Lactating
	for _, a := range t.UpperLimits {
		band := a.UL(p)
		r.UpperLimits = append(r.UpperLimits, ULRow{Authority: a.Key, Name: a.Name, Kind: string(a.Kind),
			Mg: band.Mg, Note: band.Note, Sources: nonNil(band.Sources)})
	}
	in := t.USRDA.Lookup(p)
	r.Intake = &Intake{Kind: "RDA", Sources: nonNil(in.Sources)}
	if in.Set {
		r.Intake.Kind = in.Kind
		r.Intake.MinMg, r.Intake.MaxMg = ptr(in.Min), ptr(in.Max)
		if in.Exact() {
			r.Intake.Mg = ptr(in.Min)
		}
	}
	ai := t.EFSAAI.Lookup(p)
	r.AI = &AI{Sources: nonNil(ai.Sources)}
	if ai.Set {
		r.AI.MinMg, r.AI.MaxMg = ptr(ai.Min), ptr(ai.Max)
		if ai.Exact() {
			r.AI.Mg = ptr(ai.Min)
		}
	}
	for _, lv := range t.LabelValues {
		r.LabelValues = append(r.LabelValues, LabelRow{Key: lv.Key, Name: lv.Name, Mg: lv.Mg, Note: lv.Note, Sources: nonNil(lv.Sources)})
	}
	return r
}

// Warnings implements Report.
func (r *Limits) Warnings() []*msg.Message { return r.applied.Cautions() }

// TSV implements Report: one row a value.
func (r *Limits) TSV() [][]string {
	rows := [][]string{{"measure", "authority", "mg", "min_mg", "max_mg"}}
	for _, u := range r.UpperLimits {
		rows = append(rows, []string{"ul", u.Authority, fmtOpt(u.Mg, 0), fmtOpt(u.Mg, 0), fmtOpt(u.Mg, 0)})
	}
	rows = append(rows, []string{"us_" + strings.ToLower(r.Intake.Kind), "nih", fmtOpt(r.Intake.Mg, 0), fmtOpt(r.Intake.MinMg, 0), fmtOpt(r.Intake.MaxMg, 0)})
	rows = append(rows, []string{"efsa_ai", "efsa", fmtOpt(r.AI.Mg, 0), fmtOpt(r.AI.MinMg, 0), fmtOpt(r.AI.MaxMg, 0)})
	for _, l := range r.LabelValues {
		v := FormatFloat(l.Mg, 0)
		rows = append(rows, []string{"label", l.Key, v, v, v})
	}
	return rows
}

// Value implements Report: the chosen authority's upper limit.
func (r *Limits) Value() (string, bool) {
	if r.ChosenLimit.Mg == nil {
		return "", false
	}
	return FormatFloat(*r.ChosenLimit.Mg, 0), true
}

// Formats implements Report; -o value fails where no limit is set.
func (r *Limits) Formats() []Format { return ValueFormats }

func mgRange(p msg.Printer, v, lo, hi *float64) string {
	switch {
	case v != nil:
		return p.S("%s mg/day", p.Num(*v, 0))
	case lo != nil:
		return p.S("%s-%s mg/day", p.Num(*lo, 0), p.Num(*hi, 0))
	}
	return p.S("none set")
}

// noteCite is a row's last cells: its note and its sources. On a
// terminal that wraps, one cell, so that a short note is not padded to the
// longest and a wrapped row keeps no padding (review K2); piped, two
// aligned columns, as they always were.
func (t *Term) noteCite(note, cite string) []string {
	switch {
	case !t.Styled || t.Width <= 0:
		return []string{note, cite}
	case note == "":
		return []string{cite}
	}
	return []string{note + " " + cite}
}

// Text implements Report.
func (r *Limits) Text(t *Term) string {
	p := t.P
	var b strings.Builder
	who := p.Message(limits.Who(r.applied.Person))
	if r.Person.Sex != nil {
		who += ", " + p.S(*r.Person.Sex)
	}
	switch {
	case r.Person.Pregnant:
		who += ", " + p.S("pregnant")
	case r.Person.Lactating:
		who += ", " + p.S("lactating")
	}
	b.WriteString(t.Num(p.S("Magnesium reference values for %s", who)) + "\n\n")

	b.WriteString(p.S("Supplemental upper limit (supplements and medicines, not food):") + "\n")
	var rows [][]string
	for _, u := range r.UpperLimits {
		name := p.Data(msg.KeyAuthorityName(u.Authority), u.Name)
		if u.Authority == r.Authority {
			name = "▸ " + name
		} else {
			name = "  " + name
		}
		// The kind is named only where it is not the usual UL.
		var parts []string
		switch u.Kind {
		case string(limits.SafeUpperLevel):
			parts = append(parts, p.S("safe upper level"))
		case string(limits.MaximumLevel):
			parts = append(parts, p.S("maximum level"))
		}
		if u.Note != "" {
			parts = append(parts, p.DataText(u.Note))
		}
		rows = append(rows, append([]string{name, mgRange(p, u.Mg, nil, nil)}, t.noteCite(strings.Join(parts, "; "), t.Dim("["+strings.Join(u.Sources, ", ")+"]"))...))
	}
	b.WriteString(indent(Columns(rows, map[int]bool{1: true}), "  "))

	b.WriteString("\n" + p.S("Recommended intake (food, water and supplements together):") + "\n")
	rows = [][]string{
		{p.S("US %s", r.Intake.Kind), mgRange(p, r.Intake.Mg, r.Intake.MinMg, r.Intake.MaxMg), t.Dim("[" + strings.Join(r.Intake.Sources, ", ") + "]")},
		{p.S("EFSA AI"), mgRange(p, r.AI.Mg, r.AI.MinMg, r.AI.MaxMg), t.Dim("[" + strings.Join(r.AI.Sources, ", ") + "]")},
	}
	b.WriteString(indent(Columns(rows, map[int]bool{1: true}), "  "))
	if r.Intake.Mg == nil && r.Intake.MinMg != nil || r.AI.Mg == nil && r.AI.MinMg != nil {
		if r.Person.Age == nil && r.Person.Sex != nil {
			b.WriteString("  " + t.Dim(p.S("(a range: give --age for one value)")) + "\n")
		} else if r.Person.Age == nil {
			b.WriteString("  " + t.Dim(p.S("(a range: give --age and --sex for one value)")) + "\n")
		} else {
			b.WriteString("  " + t.Dim(p.S("(a range: give --sex for one value)")) + "\n")
		}
	}

	b.WriteString("\n" + p.S("Label reference values:") + "\n")
	rows = nil
	for _, l := range r.LabelValues {
		rows = append(rows, append([]string{p.Data(msg.KeyLabelValue(l.Key, "name"), l.Name), p.S("%s mg", p.Num(l.Mg, 0))}, t.noteCite(p.Data(msg.KeyLabelValue(l.Key, "note"), l.Note), t.Dim("["+strings.Join(l.Sources, ", ")+"]"))...))
	}
	b.WriteString(indent(Columns(rows, map[int]bool{1: true}), "  "))
	for _, c := range r.Warnings() {
		b.WriteString(t.Label("warning", c) + "\n")
	}
	return b.String()
}
