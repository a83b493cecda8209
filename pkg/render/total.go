package render

import (
	"strings"

	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/stack"
	"github.com/mgcalc/mgcalc/pkg/text"
	"github.com/mgcalc/mgcalc/pkg/units"
)

// totalItemJSON is one product in a total.
type totalItemJSON struct {
	Name        string   `json:"name"`
	Form        *string  `json:"form"`    // null for a product known by its magnesium only
	Variant     *string  `json:"variant"` // likewise
	Route       string   `json:"route"`
	Counted     bool     `json:"counted"`
	Basis       string   `json:"basis"`
	UnitMg      *float64 `json:"unit_mg"`
	PerDay      float64  `json:"per_day"`
	CompoundMg  *float64 `json:"compound_mg"` // null when only the label's elemental amount is known
	AssayPct    *float64 `json:"assay_percent"`
	StatedMg    *float64 `json:"stated_mg"`
	ElementalMg float64  `json:"elemental_mg"`
}

// intakeRefJSON compares total intake (food, water and supplements) with
// the authority's intake reference; a range where the person is not fully
// specified.
type intakeRefJSON struct {
	Name    string   `json:"intake_ref"`      // us_rda, efsa_ai
	Kind    string   `json:"intake_ref_kind"` // RDA or AI
	Mg      *float64 `json:"intake_ref_mg"`   // one value, or null when it depends on age/sex
	MinMg   *float64 `json:"intake_ref_min_mg"`
	MaxMg   *float64 `json:"intake_ref_max_mg"`
	Sources []string `json:"intake_ref_sources"`
	Percent *float64 `json:"intake_ref_percent"`
}

type headroomJSON struct {
	LeftMg   float64   `json:"left_mg"`
	OverByMg float64   `json:"over_by_mg"`
	Fits     []fitJSON `json:"fits"`
}

type fitJSON struct {
	Name            string  `json:"name"`
	UnitElementalMg float64 `json:"unit_elemental_mg"`
	Units           int     `json:"units"`
}

type totalJSON struct {
	Items            []totalItemJSON `json:"items"`
	TotalElementalMg float64         `json:"total_elemental_mg"`
	unitFields
	LimitJSON
	Headroom      *headroomJSON `json:"headroom,omitempty"`
	DietMg        *float64      `json:"diet_mg"`
	TotalIntakeMg *float64      `json:"total_intake_mg"`
	*intakeRefJSON
}

// Total is the report of `total`.
type Total struct {
	t        dose.Total
	j        totalJSON
	unit     units.Unit
	headroom *dose.Headroom
}

// WithUnit shows the total in u (JSON keeps mg and adds u).
func (r *Total) WithUnit(u units.Unit) *Total {
	r.unit = u
	r.j.unitFields = unitFieldsOf(u, r.t.ElementalMg)
	return r
}

// WithHeadroom adds the room left under the limit (text and JSON).
func (r *Total) WithHeadroom(h dose.Headroom) *Total {
	r.headroom = &h
	if h.HasLimit {
		hj := &headroomJSON{LeftMg: Round(h.LeftMg, MassDec), OverByMg: Round(h.OverByMg, MassDec), Fits: []fitJSON{}}
		for _, f := range h.Fits {
			hj.Fits = append(hj.Fits, fitJSON{Name: f.Name, UnitElementalMg: Round(f.ElementalMg, MassDec), Units: f.Units})
		}
		r.j.Headroom = hj
	}
	return r
}

// NewTotal maps a total to its report. Each item and the total are
// rounded once, from their unrounded values: the total is the sum of the
// unrounded items, so rounded items may differ from it in the last digit.
func NewTotal(t dose.Total) *Total {
	j := totalJSON{Items: []totalItemJSON{}, TotalElementalMg: Round(t.ElementalMg, elementalDec(t.ElementalMg, t.Limit, t.Check, MassDec)),
		LimitJSON: limitJSON(t.Limit, t.Check)}
	for _, it := range t.Items {
		ij := totalItemJSON{Name: it.Label(), Route: string(it.Route), Counted: it.Counted(),
			Basis: string(it.Basis()), PerDay: it.PerDay, ElementalMg: Round(it.ElementalMg(), MassDec)}
		if it.Form != nil {
			ij.Form, ij.Variant = &it.Form.Key, &it.Variant.Key
		}
		if it.UnitMg > 0 {
			ij.UnitMg, ij.CompoundMg = ptr(Round(it.UnitMg, MassDec)), ptr(Round(it.CompoundMg(), MassDec))
		}
		if it.AssayPercent > 0 {
			ij.AssayPct = ptr(it.AssayPercent)
		}
		if it.StatedMg > 0 {
			ij.StatedMg = ptr(Round(it.StatedMg, MassDec))
		}
		j.Items = append(j.Items, ij)
	}
	if d := t.Diet; d != nil {
		j.DietMg, j.TotalIntakeMg = ptr(Round(d.Mg, MassDec)), ptr(Round(d.TotalIntakeMg, MassDec))
		in := d.Intake
		ref := &intakeRefJSON{Name: d.Reference.Key, Kind: in.Kind, Sources: nonNil(d.Reference.Table.Sources)}
		if in.Set {
			ref.MinMg, ref.MaxMg = ptr(in.Min), ptr(in.Max)
			if in.Exact() {
				ref.Mg, ref.Percent = ptr(in.Min), ptr(Round(d.Percent, PercentDec))
			}
		}
		j.intakeRefJSON = ref
	}
	return &Total{t: t, j: j, unit: units.Mg}
}

// MarshalJSON implements json.Marshaler.
func (r *Total) MarshalJSON() ([]byte, error) { return marshal(r.j) }

// Warnings implements Report.
func (r *Total) Warnings() []*msg.Message { return r.t.Cautions() }

// TSV implements Report: one row a product, then the total with the limit
// and the verdict.
func (r *Total) TSV() [][]string {
	rows := [][]string{{"name", "form", "variant", "route", "basis", "per_day", "compound_mg", "elemental_mg", "ul_mg", "ul_percent", "over"}}
	for _, it := range r.t.Items {
		compound := ""
		if it.UnitMg > 0 {
			compound = FormatFloat(it.CompoundMg(), MassDec)
		}
		form, variant := "", ""
		if it.Form != nil {
			form, variant = it.Form.Key, it.Variant.Key
		}
		rows = append(rows, []string{it.Label(), form, variant, string(it.Route), string(it.Basis()), FormatFloat(it.PerDay, 2),
			compound, FormatFloat(it.ElementalMg(), MassDec), "", "", ""})
	}
	j := r.j
	rows = append(rows, []string{"total", "", "", "", "", "", "", FormatFloat(r.t.ElementalMg, elementalDec(r.t.ElementalMg, r.t.Limit, r.t.Check, MassDec)),
		fmtOpt(j.LimitJSON.Mg, 0), percentOpt(j.ULPercent, r.t.Check), boolOpt(j.Over)})
	return rows
}

// Value implements Report: the supplemental total in mg.
func (r *Total) Value() (string, bool) {
	if r.unit.Key != "mg" {
		return FormatFloat(r.unit.Of(r.t.ElementalMg), unitDec(r.unit, false)), true
	}
	return FormatFloat(r.t.ElementalMg, elementalDec(r.t.ElementalMg, r.t.Limit, r.t.Check, ValueDec)), true
}

// Formats implements Report.
func (r *Total) Formats() []Format { return ValueFormats }

// Text implements Report.
func (r *Total) Text(t *Term) string {
	p := t.P
	var rows [][]string
	for _, it := range r.t.Items {
		var amount string
		switch {
		case it.StatedMg > 0:
			amount = p.S("%s mg Mg (label)", p.Amount(it.StatedMg))
			if it.PerDay != 1 {
				amount = p.Amount(it.PerDay) + " × " + amount
			}
		case it.PerDay != 1:
			amount = p.S("%s × %s mg", p.Amount(it.PerDay), p.Amount(it.UnitMg))
		default:
			amount = p.Amount(it.UnitMg) + " mg"
		}
		if it.AssayPercent > 0 {
			amount += " " + p.S("at %s %% Mg", p.Amount(it.AssayPercent))
		}
		note := ""
		if !it.Counted() {
			note = p.S("(skin: not counted)")
		}
		rows = append(rows, []string{"  " + itemName(p, it), amount, "→", p.Num(it.ElementalMg(), ValueDec) + " mg", note})
	}
	var b strings.Builder
	b.WriteString(Columns(rows, map[int]bool{1: true, 3: true}))
	// The total lines up under the item amounts (not their notes).
	width := 0
	for _, line := range strings.Split(strings.TrimRight(Columns(firstCols(rows, 4), map[int]bool{1: true, 3: true}), "\n"), "\n") {
		width = max(width, len([]rune(line)))
	}
	mg, share := limitFigures(p, r.t.Limit, r.t.Check, r.t.ElementalMg)
	label := "  " + p.S("total")
	sum := mg + " mg"
	b.WriteString(label + strings.Repeat(" ", max(1, width-runes(label)-runes(sum))) + t.Num(sum) + "  " + r.verdict(t, share) + "\n")

	if d := r.t.Diet; d != nil {
		dl, dv := "  "+p.S("food and water"), p.Num(d.Mg, ValueDec)+" mg"
		b.WriteString(dl + strings.Repeat(" ", max(1, width-runes(dl)-runes(dv))) + dv + "\n")
		il, iv := "  "+p.S("total intake"), p.Num(d.TotalIntakeMg, ValueDec)+" mg"
		b.WriteString(il + strings.Repeat(" ", max(1, width-runes(il)-runes(iv))) + t.Num(iv) + "  " + r.intakePhrase(t) + "\n")
		if d.Reference.Fallback {
			b.WriteString(t.Label("note", msg.New("%s sets no intake reference: compared with the US RDA/AI", authorityName(p, r.t.Limit.Authority))) + "\n")
		}
		b.WriteString(t.Label("note", msg.New("the upper limit applies to supplements and medicines only; magnesium from food and water does not count towards it")) + "\n")
	}
	if r.unit.Key != "mg" {
		b.WriteString("  " + p.S("that is %s %s of magnesium a day", p.Num(r.unit.Of(r.t.ElementalMg), unitDec(r.unit, false)), r.unit.Label) + "\n")
	}
	if h := r.headroom; h != nil {
		b.WriteString(r.headroomText(t, *h))
	}
	for _, w := range r.Warnings() {
		b.WriteString(t.Label("warning", w) + "\n")
	}
	return b.String()
}

func (r *Total) headroomText(t *Term, h dose.Headroom) string {
	p := t.P
	if !h.HasLimit {
		return p.S("headroom: no upper limit is set for this person, so mgcalc cannot say how much more fits") + "\n"
	}
	var b strings.Builder
	if h.OverByMg > 0 {
		b.WriteString(t.Bad(p.S("headroom: none; the supplements are %s mg/day over the limit", p.Num(h.OverByMg, explainDec(h.OverByMg, 0, ValueDec, true)))) + "\n")
	} else {
		b.WriteString(p.S("headroom: %s mg/day more fits under the %s mg/day limit", t.Num(p.Num(h.LeftMg, ValueDec)), p.Num(*r.t.Limit.Mg(), 0)) + "\n")
	}
	for _, f := range h.Fits {
		if f.Units == 0 {
			b.WriteString("  " + p.S("%s: no more (%s mg magnesium each)", itemName(p, f.Item), p.Num(f.ElementalMg, ValueDec)) + "\n")
			continue
		}
		b.WriteString("  " + p.S("%s: %d more (%s mg magnesium each)", itemName(p, f.Item), f.Units, p.Num(f.ElementalMg, ValueDec)) + "\n")
	}
	return b.String()
}

func runes(s string) int { return len([]rune(s)) }

func firstCols(rows [][]string, n int) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = r[:min(n, len(r))]
	}
	return out
}

func (r *Total) verdict(t *Term, share string) string {
	return limitVerdict(t, r.t.Limit, r.t.Check, share, true)
}

// limitVerdict is the one verdict on a daily amount, in every report that
// gives one (total, label, log, today): over the limit; "see your doctor"
// for impaired kidneys, whose limit is not the healthy one; within; or no
// limit set. who names the person after the authority (total, label);
// a journal day leaves it out.
func limitVerdict(t *Term, l limits.Applied, c limits.Check, share string, who bool) string {
	p := t.P
	if !c.HasLimit {
		if l.Authority == nil {
			return ""
		}
		if !who {
			return t.Warn(p.S("(%s sets no supplemental upper limit for %s)", authorityName(p, l.Authority), p.Message(limits.Who(l.Person))))
		}
		return t.Warn(p.S("%s sets no supplemental upper limit for %s", authorityName(p, l.Authority), p.Message(limits.Who(l.Person))))
	}
	s := p.S("= %s %% of %s mg/day (%s)", share, p.Num(*l.Band.Mg, 0), authorityName(p, l.Authority))
	if who {
		s = p.S("= %s %% of %s mg/day (%s, %s)", share, p.Num(*l.Band.Mg, 0), authorityName(p, l.Authority), p.Message(limits.Who(l.Person)))
	}
	switch {
	case c.Over:
		return s + "  " + t.Bad(p.S("OVER THE LIMIT"))
	case l.Person.KidneyImpaired:
		return s + "  " + t.Warn(p.S("see your doctor: the limit is for healthy kidneys"))
	}
	return s + "  " + t.Good(p.S("within the limit"))
}

func (r *Total) intakePhrase(t *Term) string {
	p, d := t.P, r.t.Diet
	in := d.Intake
	switch {
	case !in.Set:
		return p.S("(no %s RDA/AI for this person)", d.Reference.Body)
	case in.Exact():
		return p.S("= %s %% of the %s %s of %s mg/day", p.Num(d.Percent, 0), d.Reference.Body, in.Kind, p.Num(in.Min, 0))
	case r.t.Limit.Person.Sex != "":
		return p.S("vs the %s %s of %s-%s mg/day (give --age for one value)", d.Reference.Body, in.Kind, p.Num(in.Min, 0), p.Num(in.Max, 0))
	case r.t.Limit.Person.AgeSet:
		return p.S("vs the %s %s of %s-%s mg/day (give --sex for one value)", d.Reference.Body, in.Kind, p.Num(in.Min, 0), p.Num(in.Max, 0))
	default:
		return p.S("vs the %s %s of %s-%s mg/day (give --age and --sex for one value)", d.Reference.Body, in.Kind, p.Num(in.Min, 0), p.Num(in.Max, 0))
	}
}

// itemName is how a product is named in text: its name, cleaned, with
// its form beside it where the name does not already say it ("Calm Night
// (bisglycinate)", "citrate 500 mg (oxide)"); an item typed as a form is
// the form's name in the reader's language.
func itemName(p msg.Printer, it stack.Item) string {
	if it.At != "" {
		return productName(p, it) + " (" + it.At + ")"
	}
	return productName(p, it)
}

// productName is itemName without the time an entry was logged.
func productName(p msg.Printer, it stack.Item) string {
	if it.Form != nil && it.Name == it.FormName() {
		if p.Lang() == msg.English {
			return it.Name
		}
		more := variantMore(p, it.Form, it.Variant) // not the form's name twice (review K8)
		if it.Variant == it.Form.Default() || more == "" {
			return formName(p, it.Form)
		}
		return formName(p, it.Form) + " (" + more + ")"
	}
	name := text.Strip(it.Name)
	if !it.NameSaysForm() {
		name += " (" + formTyped(p, it.Form, it.Variant) + ")"
	}
	return name
}
