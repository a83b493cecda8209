package render

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/batch"
	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/msg"
)

type matchJSON struct {
	Variant string  `json:"variant"`
	Percent float64 `json:"percent"`
	OffPct  float64 `json:"off_percent"`
}

type checkJSON struct {
	Form           string      `json:"form"`
	Variant        *string     `json:"variant"` // the variant named, or null
	CompoundMg     float64     `json:"compound_mg"`
	StatedMg       float64     `json:"stated_mg"`
	ImpliedPercent float64     `json:"implied_percent"`
	MaxPercent     float64     `json:"max_percent"`
	Verdict        string      `json:"verdict"`
	Matches        []matchJSON `json:"matches"`
	Others         []matchJSON `json:"other_variants_fitting"`
	InAssay        bool        `json:"in_assay"`
	AssayMin       *float64    `json:"assay_min_percent"`
	AssayMax       *float64    `json:"assay_max_percent"`
	TolerancePct   float64     `json:"tolerance_percent"`
}

// Check is the report of `check`.
type Check struct {
	c dose.LabelCheck
	j checkJSON
}

// NewCheck maps a label check.
func NewCheck(c dose.LabelCheck) *Check {
	j := checkJSON{Form: c.Form.Key, CompoundMg: Round(c.CompoundMg, MassDec), StatedMg: Round(c.StatedMg, MassDec),
		ImpliedPercent: Round(c.Implied*100, 2), MaxPercent: Round(c.Form.MaxFraction()*100, 2), Verdict: string(c.Verdict),
		Matches: []matchJSON{}, Others: []matchJSON{}, InAssay: c.InAssay, TolerancePct: dose.LabelTolerance * 100}
	if c.Variant != nil {
		j.Variant = &c.Variant.Key
	}
	for _, m := range c.Matches {
		j.Matches = append(j.Matches, matchJSON{Variant: m.Variant.Key, Percent: Round(m.Variant.Fraction*100, 2), OffPct: Round(m.OffPct, 1)})
	}
	for _, m := range c.Others {
		j.Others = append(j.Others, matchJSON{Variant: m.Variant.Key, Percent: Round(m.Variant.Fraction*100, 2), OffPct: Round(m.OffPct, 1)})
	}
	if a := c.Form.Assay; a != nil {
		j.AssayMin, j.AssayMax = ptr(Round(a.MinPercent, 2)), ptr(Round(a.MaxPercent, 2))
	}
	return &Check{c: c, j: j}
}

// MarshalJSON implements json.Marshaler.
func (r *Check) MarshalJSON() ([]byte, error) { return marshal(r.j) }

// Warnings implements Report.
func (r *Check) Warnings() []*msg.Message { return nil }

// Value implements Report: the verdict.
func (r *Check) Value() (string, bool) { return string(r.c.Verdict), true }

// Formats implements Report.
func (r *Check) Formats() []Format { return ValueFormats }

// TSV implements Report.
func (r *Check) TSV() [][]string { return [][]string{checkColumns, checkRow(0, r.c)} }

var checkColumns = []string{"line", "form", "variant", "compound_mg", "stated_mg", "implied_percent", "verdict", "matches"}

func checkRow(line int, c dose.LabelCheck) []string {
	variant := ""
	if c.Variant != nil {
		variant = c.Variant.Key
	}
	var m []string
	for _, x := range c.Matches {
		m = append(m, x.Variant.Key)
	}
	if c.InAssay {
		m = append(m, "assay")
	}
	l := ""
	if line > 0 {
		l = itoa(line)
	}
	return []string{l, c.Form.Key, variant, FormatFloat(c.CompoundMg, MassDec), FormatFloat(c.StatedMg, MassDec),
		FormatFloat(c.Implied*100, 2), string(c.Verdict), strings.Join(m, " ")}
}

// Text implements Report.
func (r *Check) Text(t *Term) string {
	p, c := t.P, r.c
	pct := p.Num(c.Implied*100, 1)
	name := formName(p, c.Form)
	if c.Variant != nil {
		name += " (" + variantWord(p, c.Variant) + ")"
	}
	var b strings.Builder
	switch c.Verdict {
	case dose.Impossible:
		b.WriteString(t.Bad(p.S("%s mg %s cannot carry %s mg magnesium: that is %s %%, and the most any %s variant carries is %s %% (%s).",
			p.Amount(c.CompoundMg), name, p.Amount(c.StatedMg), pct, formWord(p, c.Form), p.Num(c.Form.MaxFraction()*100, 1), richest(p, c))) + "\n")
		if c.RicherSalt {
			b.WriteString(p.S("The product is likely a blend (\"buffered\", with a richer salt), a mislabelled form or hydrate, or the label has a typo. Use the label's elemental amount in totals only if you trust it.") + "\n")
		} else {
			// the label reader's words for the same amounts (pkg/label)
			b.WriteString(p.S("No magnesium salt carries that much: the label has a typo or its amounts are swapped. Use the label's elemental amount in totals only if you trust it.") + "\n")
		}
	case dose.Consistent:
		var parts []string
		for _, m := range c.Matches {
			parts = append(parts, p.S("%s (%s %% Mg, %s)", variantName(p, c.Form, m.Variant), p.Num(m.Variant.Fraction*100, 2), offText(p, m.OffPct)))
		}
		stated := p.S("%s mg %s stating %s mg magnesium is %s %% Mg", p.Amount(c.CompoundMg), name, p.Amount(c.StatedMg), pct)
		var fits string
		switch a := c.Form.Assay; {
		case len(parts) > 0 && c.InAssay:
			fits = p.S("%s, which fits %s, and lies within the raw-material assay range %s-%s %%.", stated, strings.Join(parts, "; "), p.Num(a.MinPercent, 1), p.Num(a.MaxPercent, 1))
		case c.InAssay:
			fits = p.S("%s, which lies within the raw-material assay range %s-%s %%.", stated, p.Num(a.MinPercent, 1), p.Num(a.MaxPercent, 1))
		default:
			fits = p.S("%s, which fits %s.", stated, strings.Join(parts, "; "))
		}
		b.WriteString(t.Good(p.S("consistent:")) + " " + fits + "\n")
	case dose.Unmatched:
		if c.Variant == nil {
			b.WriteString(t.Warn(p.S("unmatched:")) + " " + p.S("%s mg %s stating %s mg magnesium is %s %% Mg, which fits no variant within %s %% (%s).",
				p.Amount(c.CompoundMg), name, p.Amount(c.StatedMg), pct, p.Num(dose.LabelTolerance*100, 0), variantList(p, c)) + "\n")
			b.WriteString(p.S("It may be another hydrate, a blend with a poorer salt, or a label error; the label's elemental amount is what the maker claims.") + "\n")
			break
		}
		b.WriteString(t.Warn(p.S("unmatched:")) + " " + p.S("%s mg %s stating %s mg magnesium is %s %% Mg, which does not fit %s (%s %%) within %s %%.",
			p.Amount(c.CompoundMg), name, p.Amount(c.StatedMg), pct, variantName(p, c.Form, c.Variant), p.Num(c.Variant.Fraction*100, 2), p.Num(dose.LabelTolerance*100, 0)) + "\n")
		for _, m := range c.Others {
			b.WriteString(p.S("It fits %s (%s %% Mg, %s): the label may name the wrong hydrate.", variantName(p, c.Form, m.Variant), p.Num(m.Variant.Fraction*100, 2), offText(p, m.OffPct)) + "\n")
		}
	}
	return b.String()
}

// offText says how far a label's percentage is from a variant's, as the
// relative difference it is ("0.3 % lower, relative"), never to be read
// as percentage points next to "16.1 % Mg".
func offText(p msg.Printer, off float64) string {
	switch d := p.Num(math.Abs(off), 1); {
	case off < 0 && d != p.Num(0, 1):
		return p.S("%s %% lower, relative", d)
	case off > 0 && d != p.Num(0, 1):
		return p.S("%s %% higher, relative", d)
	}
	return p.S("less than %s %% apart, relative", p.Num(0.05, 2))
}

func richest(p msg.Printer, c dose.LabelCheck) string {
	best := c.Form.Variants[0]
	for _, v := range c.Form.Variants {
		if v.Fraction > best.Fraction {
			best = v
		}
	}
	return variantWord(p, best)
}

func variantList(p msg.Printer, c dose.LabelCheck) string {
	var parts []string
	for _, v := range c.Form.Variants {
		parts = append(parts, variantName(p, c.Form, v)+" "+p.Num(v.Fraction*100, 2)+" %")
	}
	return strings.Join(parts, ", ")
}

// NewCheckWriter streams label checks, one row each, as they are made,
// in format f: tsv or csv (with a header), jsonl (json is JSON Lines here
// too) or text.
func NewCheckWriter(w io.Writer, f Format, t *Term) (batch.RowWriter[dose.LabelCheck], error) {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	switch f {
	case TSV, CSV, JSONL, JSON, Text:
		return &checkWriter{w: bw, f: f, t: t, cw: csv.NewWriter(bw)}, nil
	}
	return nil, &FormatError{f, RowFormats}
}

type checkWriter struct {
	w      *bufio.Writer
	cw     *csv.Writer
	f      Format
	t      *Term
	header bool
}

func (x *checkWriter) Write(r batch.Row, c dose.LabelCheck) error {
	line := r.Line
	switch x.f {
	case TSV:
		if !x.header {
			x.header = true
			x.w.WriteString(tsv([][]string{checkColumns}))
		}
		_, err := x.w.WriteString(tsv([][]string{checkRow(line, c)}))
		return err
	case CSV:
		if !x.header {
			x.header = true
			x.cw.Write(checkColumns)
		}
		return x.cw.Write(cells([][]string{checkRow(line, c)})[0])
	case JSONL, JSON:
		j := NewCheck(c).j
		b, err := json.Marshal(struct {
			Line int `json:"line"`
			checkJSON
		}{line, j})
		if err != nil {
			return err
		}
		_, err = x.w.Write(append(b, '\n'))
		return err
	}
	_, err := x.w.WriteString(x.t.wrap(x.t.P.S("line %d: ", line) + NewCheck(c).Text(x.t)))
	return err
}

func (x *checkWriter) Flush() error {
	x.cw.Flush()
	if err := x.cw.Error(); err != nil {
		return err
	}
	return x.w.Flush()
}
