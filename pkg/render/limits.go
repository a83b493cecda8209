package render

import (
	"strings"

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
	Kind      string   `json:"kind"`
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

// Limits is the report of `limits`.
type Limits struct {
	Person PersonJSON `json:"person"`
	Limit
	UpperLimits []ULRow `json:"upper_limits"`
	*Intake
	*AI
	LabelValues []LabelRow `json:"label_values"`

	Cautions []*msg.Message `json:"-"`
}

// Warnings implements Report.
func (r *Limits) Warnings() []*msg.Message { return r.Cautions }

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
	if r.Limit.Mg == nil {
		return "", false
	}
	return FormatFloat(*r.Limit.Mg, 0), true
}

func mgRange(p msg.Printer, v, lo, hi *float64) string {
	switch {
	case v != nil:
		return p.S("%s mg/day", p.Num(*v, 0))
	case lo != nil:
		return p.S("%s-%s mg/day", p.Num(*lo, 0), p.Num(*hi, 0))
	}
	return p.S("none set")
}

// Text implements Report.
func (r *Limits) Text(t *Term) string {
	p := t.P
	var b strings.Builder
	who := p.Message(r.Who)
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
		name := u.Name
		if u.Authority == r.Authority {
			name = "▸ " + name
		} else {
			name = "  " + name
		}
		// The kind is named only where it is not the usual UL.
		var parts []string
		if u.Kind != "tolerable upper intake level" {
			parts = append(parts, u.Kind)
		}
		if u.Note != "" {
			parts = append(parts, u.Note)
		}
		note := strings.Join(parts, "; ")
		rows = append(rows, []string{name, mgRange(p, u.Mg, nil, nil), note, t.Dim("[" + strings.Join(u.Sources, ", ") + "]")})
	}
	b.WriteString(indent(Columns(rows, map[int]bool{1: true}), "  "))

	b.WriteString("\n" + p.S("Recommended intake (food, water and supplements together):") + "\n")
	rows = [][]string{
		{p.S("US %s", r.Intake.Kind), mgRange(p, r.Intake.Mg, r.Intake.MinMg, r.Intake.MaxMg), t.Dim("[" + strings.Join(r.Intake.Sources, ", ") + "]")},
		{p.S("EFSA AI"), mgRange(p, r.AI.Mg, r.AI.MinMg, r.AI.MaxMg), t.Dim("[" + strings.Join(r.AI.Sources, ", ") + "]")},
	}
	b.WriteString(indent(Columns(rows, map[int]bool{1: true}), "  "))
	if r.Intake.Mg == nil && r.Intake.MinMg != nil || r.AI.Mg == nil && r.AI.MinMg != nil {
		if r.Person.Age == nil {
			b.WriteString("  " + t.Dim(p.S("(a range: give --age and --sex for one value)")) + "\n")
		} else {
			b.WriteString("  " + t.Dim(p.S("(a range: give --sex for one value)")) + "\n")
		}
	}

	b.WriteString("\n" + p.S("Label reference values (adults):") + "\n")
	rows = nil
	for _, l := range r.LabelValues {
		rows = append(rows, []string{l.Name, p.S("%s mg", p.Num(l.Mg, 0)), l.Note, t.Dim("[" + strings.Join(l.Sources, ", ") + "]")})
	}
	b.WriteString(indent(Columns(rows, map[int]bool{1: true}), "  "))
	for _, c := range r.Warnings() {
		b.WriteString(t.Label("warning", c) + "\n")
	}
	return b.String()
}
