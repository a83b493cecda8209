package render

import (
	"strings"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// Limit is the supplemental upper limit that applies to a person, as the
// reports carry it. Mg is nil where the authority sets none.
type Limit struct {
	Authority     string   `json:"authority"`
	AuthorityName string   `json:"authority_name"`
	Mg            *float64 `json:"ul_mg"`
	Sources       []string `json:"ul_sources"`

	Who     *msg.Message `json:"-"` // "adults", "age 6"
	Adult   bool         `json:"-"` // no age given
	AdultMg *float64     `json:"-"` // the authority's adult limit
}

// Percent is amount as a share of the limit, or nil without a limit.
func (l Limit) Percent(mg float64) *float64 {
	if l.Mg == nil {
		return nil
	}
	return ptr(Round(mg / *l.Mg * 100, 1))
}

// Over reports whether mg is above the limit (compared at 0.01 mg, so
// float noise cannot tip an amount that equals the limit over it).
func (l Limit) Over(mg float64) bool {
	return l.Mg != nil && Round(mg, 2) > Round(*l.Mg, 2)
}

// VariantShare is another variant's Mg share, for the "depends on the
// variant" note.
type VariantShare struct {
	Variant string
	Percent float64
}

// Conversion is the report of `elemental` and `compound`.
type Conversion struct {
	Form            string   `json:"form"`
	FormName        string   `json:"form_name"`
	Variant         string   `json:"variant"`
	VariantName     string   `json:"variant_name"`
	Formula         string   `json:"formula"`
	MolarMass       float64  `json:"molar_mass"`
	Fraction        float64  `json:"fraction"`
	FormulaFraction float64  `json:"formula_fraction"`
	Basis           string   `json:"basis"`
	AssayPercent    *float64 `json:"assay_percent"`
	UnitMg          float64  `json:"unit_mg"`
	Count           int      `json:"count"`
	CompoundMg      float64  `json:"compound_mg"`
	ElementalMg     float64  `json:"elemental_mg"`
	Limit
	ULPercent *float64 `json:"ul_percent"`
	Over      bool     `json:"over"`

	Reverse  bool           `json:"-"` // compound: elemental given, compound computed
	Others   []VariantShare `json:"-"`
	Cautions []*msg.Message `json:"-"`
}

// Warnings implements Report.
func (c *Conversion) Warnings() []*msg.Message {
	var out []*msg.Message
	if c.Over {
		out = append(out, msg.New("this is above the supplemental upper limit: take this much only under medical supervision"))
	}
	return append(out, c.Cautions...)
}

// Finish fills the derived fields and rounds the machine numbers.
func (c *Conversion) Finish() {
	c.ULPercent = c.Limit.Percent(c.ElementalMg)
	c.Over = c.Limit.Over(c.ElementalMg)
	c.MolarMass = Round(c.MolarMass, 3)
	c.Fraction = Round(c.Fraction, 6)
	c.FormulaFraction = Round(c.FormulaFraction, 6)
	c.UnitMg = Round(c.UnitMg, 3)
	c.CompoundMg = Round(c.CompoundMg, 2)
	c.ElementalMg = Round(c.ElementalMg, 2)
}

// TSV implements Report.
func (c *Conversion) TSV() [][]string {
	return [][]string{
		{"form", "variant", "formula", "molar_mass", "fraction", "basis", "compound_mg", "elemental_mg", "authority", "ul_mg", "ul_percent"},
		{c.Form, c.Variant, c.Formula, FormatFloat(c.MolarMass, 3), FormatFloat(c.Fraction, 6), c.Basis,
			FormatFloat(c.CompoundMg, 2), FormatFloat(c.ElementalMg, 2), c.Authority, fmtOpt(c.Limit.Mg, 0), fmtOpt(c.ULPercent, 1)},
	}
}

// Value implements Report: elemental mg, or compound mg for `compound`.
func (c *Conversion) Value() (string, bool) {
	if c.Reverse {
		return FormatFloat(c.CompoundMg, 1), true
	}
	return FormatFloat(c.ElementalMg, 1), true
}

// Text implements Report.
func (c *Conversion) Text(t *Term) string {
	p := t.P
	var b strings.Builder
	pct := p.Num(c.FormulaFraction*100, 2)
	var basis string
	if c.AssayPercent != nil {
		basis = p.S("%s, %s, assay %s %% Mg instead of the formula's %s %%", c.VariantName, c.Formula, p.Num(*c.AssayPercent, 2), pct)
	} else {
		basis = p.S("%s, %s, %s %% Mg", c.VariantName, c.Formula, pct)
	}
	compound := t.Num(p.Amount(c.CompoundMg))
	if c.Reverse {
		compound = t.Num(p.Num(c.CompoundMg, 1))
	}
	if c.Count > 1 && !c.Reverse {
		compound = p.S("%d × %s mg = %s", c.Count, p.Amount(c.UnitMg), compound)
	}
	elemental := t.Num(p.Num(c.ElementalMg, 1))
	if c.Reverse {
		elemental = t.Num(p.Amount(c.ElementalMg))
	}
	if c.Reverse {
		b.WriteString(p.S("%s mg elemental magnesium", elemental) + "\n")
		b.WriteString(p.S("= %s mg %s (%s)", compound, c.FormName, basis) + "\n")
		if c.Limit.Mg == nil {
			b.WriteString("(" + LimitPhrase(t, c.Limit, c.ElementalMg) + ")\n")
		} else {
			b.WriteString(LimitLine(t, c.Limit, c.ElementalMg, p.S("this")) + "\n")
		}
	} else {
		b.WriteString(p.S("%s mg %s (%s)", compound, c.FormName, basis) + "\n")
		if c.Limit.Mg == nil {
			b.WriteString(p.S("= %s mg elemental magnesium; %s", elemental, LimitPhrase(t, c.Limit, c.ElementalMg)) + "\n")
		} else {
			b.WriteString(p.S("= %s mg elemental magnesium, %s", elemental, LimitPhrase(t, c.Limit, c.ElementalMg)) + "\n")
		}
	}
	if len(c.Others) > 0 {
		others := make([]string, len(c.Others))
		for i, o := range c.Others {
			others[i] = o.Variant + " " + p.Num(o.Percent, 2) + " %"
		}
		b.WriteString(t.Label("note", msg.New("the Mg share of %s depends on the variant (%s); a label's stated elemental amount wins", c.Form, strings.Join(others, ", "))) + "\n")
	}
	for _, w := range c.Warnings() {
		b.WriteString(t.Label("warning", w) + "\n")
	}
	return b.String()
}

// LimitPhrase says how mg compares with the limit: "23 % of the 350 mg/day
// supplemental upper limit (US IOM/NIH)", or that none is set.
func LimitPhrase(t *Term, l Limit, mg float64) string {
	p := t.P
	if l.Mg == nil {
		return t.Warn(p.S("no supplemental upper limit is set for %s (%s)", p.Message(l.Who), l.AuthorityName))
	}
	share := p.Num(*l.Percent(mg), 0)
	who := l.AuthorityName
	if !l.Adult {
		who += ", " + p.Message(l.Who)
	}
	s := p.S("%s %% of the %s mg/day supplemental upper limit (%s)", share, p.Num(*l.Mg, 0), who)
	if l.Over(mg) {
		return s + " " + t.Bad(p.S("ABOVE THE LIMIT"))
	}
	return s
}

// LimitLine is LimitPhrase as a sentence of its own.
func LimitLine(t *Term, l Limit, mg float64, subject string) string {
	return t.P.S("(%s is %s)", subject, LimitPhrase(t, l, mg))
}
