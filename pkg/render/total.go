package render

import (
	"strings"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// TotalItem is one product in a total.
type TotalItem struct {
	Name        string   `json:"name"`
	Form        string   `json:"form"`
	Variant     string   `json:"variant"`
	Basis       string   `json:"basis"`
	UnitMg      *float64 `json:"unit_mg"`
	PerDay      float64  `json:"per_day"`
	CompoundMg  *float64 `json:"compound_mg"` // null when only the label's elemental amount is known
	AssayPct    *float64 `json:"assay_percent"`
	ElementalMg float64  `json:"elemental_mg"`

	StatedMg float64 `json:"-"`
}

// Intake compares total intake (food, water and supplements) with a
// recommended or adequate intake; a range where the person is not fully
// specified.
type Intake struct {
	Mg      *float64 `json:"rda_mg"`   // one value, or null when it depends on age/sex
	Kind    string   `json:"rda_kind"` // RDA or AI
	MinMg   *float64 `json:"rda_min_mg"`
	MaxMg   *float64 `json:"rda_max_mg"`
	Sources []string `json:"rda_sources"`
}

// Total is the report of `total`.
type Total struct {
	Items            []TotalItem `json:"items"`
	TotalElementalMg float64     `json:"total_elemental_mg"`
	Limit
	ULPercent *float64 `json:"ul_percent"`
	Over      bool     `json:"over"`

	DietMg        *float64 `json:"diet_mg"`
	TotalIntakeMg *float64 `json:"total_intake_mg"`
	*Intake
	RDAPercent *float64 `json:"rda_percent"`

	Cautions []*msg.Message `json:"-"`
}

// Warnings implements Report.
func (r *Total) Warnings() []*msg.Message {
	out := append([]*msg.Message{}, r.Cautions...)
	if r.Over {
		out = append(out, msg.New("the supplements together are above the upper limit: lower the dose, or take this much only under medical supervision"))
	}
	return out
}

// Finish rounds and derives: the total is the sum of the items as
// reported (0.01 mg), so the JSON adds up.
func (r *Total) Finish() {
	sum := 0.0
	for i := range r.Items {
		it := &r.Items[i]
		it.ElementalMg = Round(it.ElementalMg, 2)
		if it.CompoundMg != nil {
			*it.CompoundMg = Round(*it.CompoundMg, 2)
		}
		sum += it.ElementalMg
	}
	r.TotalElementalMg = Round(sum, 2)
	r.ULPercent = r.Limit.Percent(r.TotalElementalMg)
	r.Over = r.Limit.Over(r.TotalElementalMg)
	if r.DietMg != nil {
		*r.DietMg = Round(*r.DietMg, 2)
		r.TotalIntakeMg = ptr(Round(r.TotalElementalMg+*r.DietMg, 2))
		if r.Intake != nil && r.Intake.Mg != nil {
			r.RDAPercent = ptr(Round(*r.TotalIntakeMg / *r.Intake.Mg * 100, 1))
		}
	}
}

// TSV implements Report: one row a product, then the total.
func (r *Total) TSV() [][]string {
	rows := [][]string{{"name", "form", "variant", "basis", "per_day", "compound_mg", "elemental_mg"}}
	for _, it := range r.Items {
		rows = append(rows, []string{it.Name, it.Form, it.Variant, it.Basis, FormatFloat(it.PerDay, 2),
			fmtOpt(it.CompoundMg, 2), FormatFloat(it.ElementalMg, 2)})
	}
	rows = append(rows, []string{"total", "", "", "", "", "", FormatFloat(r.TotalElementalMg, 2)})
	return rows
}

// Value implements Report: the supplemental total in mg.
func (r *Total) Value() (string, bool) { return FormatFloat(r.TotalElementalMg, 1), true }

// Text implements Report.
func (r *Total) Text(t *Term) string {
	p := t.P
	var rows [][]string
	for _, it := range r.Items {
		var amount string
		switch {
		case it.StatedMg > 0:
			amount = p.S("%s mg Mg (label)", p.Amount(it.StatedMg))
			if it.PerDay != 1 {
				amount = p.Amount(it.PerDay) + " × " + amount
			}
		case it.PerDay != 1:
			amount = p.S("%s × %s mg", p.Amount(it.PerDay), p.Amount(*it.UnitMg))
		default:
			amount = p.Amount(*it.UnitMg) + " mg"
		}
		if it.AssayPct != nil {
			amount += " " + p.S("at %s %% Mg", p.Amount(*it.AssayPct))
		}
		rows = append(rows, []string{"  " + it.Name, amount, "→", p.Num(it.ElementalMg, 1) + " mg"})
	}
	var b strings.Builder
	b.WriteString(Columns(rows, map[int]bool{1: true, 3: true}))
	// The total lines up under the item amounts.
	width := 0
	for _, line := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
		width = max(width, len([]rune(line)))
	}
	label := "  " + p.S("total")
	sum := p.Num(r.TotalElementalMg, 1) + " mg"
	pad := max(1, width-len([]rune(label))-len([]rune(sum)))
	b.WriteString(label + strings.Repeat(" ", pad) + t.Num(sum) + "  " + r.verdict(t) + "\n")

	if r.DietMg != nil {
		dl := "  " + p.S("food and water")
		dv := p.Num(*r.DietMg, 1) + " mg"
		b.WriteString(dl + strings.Repeat(" ", max(1, width-len([]rune(dl))-len([]rune(dv)))) + dv + "\n")
		il := "  " + p.S("total intake")
		iv := p.Num(*r.TotalIntakeMg, 1) + " mg"
		b.WriteString(il + strings.Repeat(" ", max(1, width-len([]rune(il))-len([]rune(iv)))) + t.Num(iv) + "  " + r.rdaPhrase(t) + "\n")
		b.WriteString(t.Label("note", msg.New("the upper limit applies to supplements and medicines only; magnesium from food and water does not count towards it")) + "\n")
	}
	for _, w := range r.Warnings() {
		b.WriteString(t.Label("warning", w) + "\n")
	}
	return b.String()
}

func (r *Total) verdict(t *Term) string {
	p := t.P
	if r.Limit.Mg == nil {
		return t.Warn(p.S("%s sets no supplemental upper limit for %s", r.AuthorityName, p.Message(r.Who)))
	}
	s := p.S("= %s %% of %s mg/day (%s, %s)", p.Num(*r.ULPercent, 0), p.Num(*r.Limit.Mg, 0), r.AuthorityName, p.Message(r.Who))
	if r.Over {
		return s + "  " + t.Bad(p.S("OVER THE LIMIT"))
	}
	return s + "  " + t.Good(p.S("within the limit"))
}

func (r *Total) rdaPhrase(t *Term) string {
	p := t.P
	in := r.Intake
	switch {
	case in == nil || in.MinMg == nil:
		return p.S("(no US RDA/AI for this person)")
	case in.Mg != nil:
		return p.S("= %s %% of the US %s of %s mg/day", p.Num(*r.RDAPercent, 0), in.Kind, p.Num(*in.Mg, 0))
	default:
		return p.S("vs the US %s of %s-%s mg/day (give --age and --sex for one value)", in.Kind, p.Num(*in.MinMg, 0), p.Num(*in.MaxMg, 0))
	}
}
