package render

import (
	"strings"

	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/units"
)

// LimitJSON is the upper limit as the machine formats carry it. Over is
// null where no limit is set: there is nothing to be over.
type LimitJSON struct {
	Authority     string   `json:"authority"`
	AuthorityName string   `json:"authority_name"`
	Mg            *float64 `json:"ul_mg"`
	Sources       []string `json:"ul_sources"`
	ULPercent     *float64 `json:"ul_percent"`
	Over          *bool    `json:"over"`
}

func limitJSON(l limits.Applied, c limits.Check) LimitJSON {
	j := LimitJSON{Authority: l.Authority.Key, AuthorityName: l.Authority.Name, Mg: l.Band.Mg, Sources: nonNil(l.Band.Sources)}
	if c.HasLimit {
		over := c.Over
		j.ULPercent, j.Over = ptr(Round(c.Percent, explainDec(c.Percent, 100, PercentDec, c.Over))), &over
	}
	return j
}

// explainDec is the number of decimals x needs so that, when it is over
// limit, it also reads as over: at least dec, and more where rounding to
// dec would show the limit itself (350.006 mg is 350.01, 100.002 %).
// Every format uses it, so text, values and JSON tell one story.
func explainDec(x, limit float64, dec int, over bool) int {
	for d := dec; over && d < dec+4; d++ {
		if Round(x, d) > limit {
			return d
		}
	}
	if over {
		return dec + 4
	}
	return dec
}

// elementalDec is the decimals an elemental amount is shown with.
func elementalDec(mg float64, l limits.Applied, c limits.Check, dec int) int {
	if !c.Over {
		return dec
	}
	return explainDec(mg, *l.Band.Mg, dec, true)
}

// conversionJSON is the schema of `elemental` and `compound`.
type conversionJSON struct {
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
	Count           float64  `json:"count"`
	CompoundMg      float64  `json:"compound_mg"`
	ElementalMg     float64  `json:"elemental_mg"`
	unitFields
	LimitJSON
}

// Conversion is the report of `elemental` and `compound`.
type Conversion struct {
	c    dose.Conversion
	j    conversionJSON
	unit units.Unit
	// given is the unit the elemental amount of `compound` was typed in
	// (4mmol): the text echoes it, with the mg it is, rounded once.
	given units.Unit
}

// Given says the elemental amount of `compound` was typed in u (mmol or
// mEq): the text names it as typed, the mg with one decimal (review K6:
// 4mmol printed "97.22 mg elemental magnesium"). Machine formats are
// unchanged.
func (r *Conversion) Given(u units.Unit) *Conversion {
	r.given = u
	return r
}

// WithUnit shows the elemental amount in u (JSON keeps mg and adds u).
func (r *Conversion) WithUnit(u units.Unit) *Conversion {
	r.unit = u
	r.j.unitFields = unitFieldsOf(u, r.c.ElementalMg)
	return r
}

// NewConversion maps a conversion to its report; every number is rounded
// here, once, from the unrounded value.
func NewConversion(c dose.Conversion) *Conversion {
	j := conversionJSON{
		Form: c.Form.Key, FormName: c.Form.Name, Variant: c.Variant.Key, VariantName: c.Variant.Name,
		Formula: c.Variant.Formula, MolarMass: Round(c.Variant.MolarMass, MolarMassDec),
		Fraction: Round(c.Share.Fraction, FractionDec), FormulaFraction: Round(c.Variant.Fraction, FractionDec),
		Basis: string(c.Share.Basis), UnitMg: Round(c.UnitMg, MassDec), Count: c.Count,
		CompoundMg: Round(c.CompoundMg, MassDec), ElementalMg: Round(c.ElementalMg, elementalDec(c.ElementalMg, c.Limit, c.Check, MassDec)),
		LimitJSON: limitJSON(c.Limit, c.Check),
	}
	if c.AssayPercent > 0 {
		j.AssayPercent = ptr(c.AssayPercent)
	}
	return &Conversion{c: c, j: j, unit: units.Mg}
}

// MarshalJSON implements json.Marshaler.
func (r *Conversion) MarshalJSON() ([]byte, error) { return marshal(r.j) }

// Warnings implements Report.
func (r *Conversion) Warnings() []*msg.Message { return r.c.Cautions() }

// TSV implements Report.
func (r *Conversion) TSV() [][]string {
	j := r.j
	return [][]string{
		{"form", "variant", "formula", "molar_mass", "fraction", "basis", "compound_mg", "elemental_mg", "authority", "ul_mg", "ul_percent", "over"},
		{j.Form, j.Variant, j.Formula, FormatFloat(r.c.Variant.MolarMass, MolarMassDec), FormatFloat(r.c.Share.Fraction, FractionDec), j.Basis,
			FormatFloat(r.c.CompoundMg, MassDec), FormatFloat(r.c.ElementalMg, elementalDec(r.c.ElementalMg, r.c.Limit, r.c.Check, MassDec)),
			j.Authority, fmtOpt(j.Mg, 0), percentOpt(j.ULPercent, r.c.Check), boolOpt(j.Over)},
	}
}

// Value implements Report: elemental mg, or compound mg for `compound`,
// rounded once from the unrounded value.
func (r *Conversion) Value() (string, bool) {
	if r.c.Reverse {
		return FormatFloat(r.c.CompoundMg, ValueDec), true
	}
	if r.unit.Key != "mg" {
		return FormatFloat(r.unit.Of(r.c.ElementalMg), unitDec(r.unit, false)), true
	}
	return FormatFloat(r.c.ElementalMg, elementalDec(r.c.ElementalMg, r.c.Limit, r.c.Check, ValueDec)), true
}

// Formats implements Report.
func (r *Conversion) Formats() []Format { return ValueFormats }

// percentOpt prints a share of the limit for TSV with the digits its
// verdict needs.
func percentOpt(p *float64, c limits.Check) string {
	if p == nil {
		return ""
	}
	return FormatFloat(*p, explainDec(*p, 100, PercentDec, c.Over))
}

// Text implements Report.
func (r *Conversion) Text(t *Term) string {
	c, p := r.c, t.P
	var b strings.Builder
	pct := p.Num(c.Variant.Fraction*100, 2)
	// the variant's name where it says more than the form's (review K8)
	form, variant := formName(p, c.Form), variantMore(p, c.Form, c.Variant)
	var basis string
	switch {
	case c.AssayPercent > 0 && variant == "":
		basis = p.S("%s, assay %s %% Mg instead of the formula's %s %%", c.Variant.Formula, p.Num(c.AssayPercent, 2), pct)
	case c.AssayPercent > 0:
		basis = p.S("%s, %s, assay %s %% Mg instead of the formula's %s %%", variant, c.Variant.Formula, p.Num(c.AssayPercent, 2), pct)
	case variant == "":
		basis = p.S("%s, %s %% Mg", c.Variant.Formula, pct)
	default:
		basis = p.S("%s, %s, %s %% Mg", variant, c.Variant.Formula, pct)
	}
	mg, share := limitFigures(p, c.Limit, c.Check, c.ElementalMg)
	if r.unit.Key != "mg" {
		mg = p.S("%s %s (%s mg)", p.Num(r.unit.Of(c.ElementalMg), unitDecOf(r.unit, r.unit.Of(c.ElementalMg))), r.unit.Label, mg)
	}
	if c.Reverse {
		given := p.Amount(c.ElementalMg)
		if u := r.unit; u.Key != "mg" || r.given.Key != "" && r.given.Key != "mg" {
			if u.Key == "mg" {
				u = r.given
			}
			given = p.S("%s %s (%s mg)", p.Num(u.Of(c.ElementalMg), unitDecOf(u, u.Of(c.ElementalMg))), u.Label, p.Num(c.ElementalMg, ValueDec))
			b.WriteString(p.S("%s elemental magnesium", t.Num(given)) + "\n")
		} else {
			b.WriteString(p.S("%s mg elemental magnesium", t.Num(given)) + "\n")
		}
		b.WriteString(p.S("= %s mg %s (%s)", t.Num(p.Num(c.CompoundMg, ValueDec)), form, basis) + "\n")
		if c.Check.HasLimit {
			b.WriteString(p.S("this is %s", limitPhrase(t, c.Limit, c.Check, share)) + "\n")
		} else {
			b.WriteString(limitPhrase(t, c.Limit, c.Check, share) + "\n")
		}
	} else {
		compound := t.Num(p.Amount(c.CompoundMg))
		if c.Count != 1 {
			compound = p.S("%s × %s mg = %s", p.Amount(c.Count), p.Amount(c.UnitMg), compound)
		}
		b.WriteString(p.S("%s mg %s (%s)", compound, form, basis) + "\n")
		unit := "mg "
		if r.unit.Key != "mg" {
			unit = ""
		}
		if c.Check.HasLimit {
			b.WriteString(p.S("= %s %selemental magnesium, %s", t.Num(mg), unit, limitPhrase(t, c.Limit, c.Check, share)) + "\n")
		} else {
			b.WriteString(p.S("= %s %selemental magnesium; %s", t.Num(mg), unit, limitPhrase(t, c.Limit, c.Check, share)) + "\n")
		}
	}
	if len(c.Form.Variants) > 1 {
		// the words people type, in the reader's language (citrate:
		// nonahydrate; citraat: nonahydraat): never a full name, which
		// repeats the form's and may hold parentheses (review K8)
		var others []string
		for _, o := range c.Form.Variants {
			if o != c.Variant {
				others = append(others, variantWord(p, o)+" "+p.Num(o.Fraction*100, 2)+" %")
			}
		}
		b.WriteString(t.Label("note", msg.New("the Mg share of %s depends on the variant (%s); a label's stated elemental amount wins", formWord(p, c.Form), strings.Join(others, ", "))) + "\n")
	}
	for _, w := range r.Warnings() {
		b.WriteString(t.Label("warning", w) + "\n")
	}
	return b.String()
}

// limitFigures formats an amount (mg, one decimal) and its share of the
// limit (whole percent) for text. Where the verdict turns on less than
// that precision (350.006 mg is over 350), both get the digits that
// explain it, so the text never reads "350.0 mg = 100 % … ABOVE".
func limitFigures(p msg.Printer, l limits.Applied, c limits.Check, mg float64) (mgText, pctText string) {
	if !c.HasLimit {
		return p.Num(mg, ValueDec), ""
	}
	return p.Num(mg, elementalDec(mg, l, c, ValueDec)), p.Num(c.Percent, explainDec(c.Percent, 100, 0, c.Over))
}

// limitPhrase says how an amount compares with the limit: "23 % of the
// 350 mg/day supplemental upper limit (US IOM/NIH)", or that none is set.
func limitPhrase(t *Term, l limits.Applied, c limits.Check, share string) string {
	p := t.P
	if !c.HasLimit {
		return t.Warn(p.S("no supplemental upper limit is set for %s (%s)", p.Message(limits.Who(l.Person)), authorityName(p, l.Authority)))
	}
	who := authorityName(p, l.Authority)
	if l.Person.AgeSet {
		who += ", " + p.Message(limits.Who(l.Person))
	}
	s := p.S("%s %% of the %s mg/day supplemental upper limit (%s)", share, p.Num(*l.Band.Mg, 0), who)
	if c.Over {
		return s + ": " + t.Bad(p.S("ABOVE THE LIMIT"))
	}
	return s
}
