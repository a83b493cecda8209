package render

import (
	"bufio"
	"encoding/csv"
	"io"
	"math"
	"strconv"

	"github.com/mgcalc/mgcalc/pkg/batch"
	"github.com/mgcalc/mgcalc/pkg/dose"
)

// RowColumns are the columns of a batch row, in every machine format.
var RowColumns = []string{"line", "form", "variant", "amount_mg", "compound_mg", "elemental_mg", "fraction", "basis", "ul_percent", "over"}

// NewRowWriter writes batch rows in format f: tsv (with a header), csv
// (RFC 4180, with a header), jsonl (one JSON object a line) or text. The
// machine formats never go through the message catalogue.
func NewRowWriter(w io.Writer, f Format, t *Term) (batch.RowWriter[dose.Conversion], error) {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	switch f {
	case TSV:
		return &tsvRows{w: bw}, nil
	case CSV:
		return &csvRows{w: csv.NewWriter(bw), bw: bw}, nil
	case JSONL, JSON:
		return &jsonRows{w: bw}, nil
	case Text:
		return &textRows{w: bw, t: t}, nil
	}
	return nil, &FormatError{f, RowFormats}
}

// rowFields holds a row's values, each rounded once, as slices of one
// buffer that is reused from row to row: a stream allocates nothing per
// row. A value that is not set (no limit) is nil.
type rowFields struct {
	text   []byte
	ends   []int
	fields [][]byte
}

func (rf *rowFields) fill(r batch.Row, c dose.Conversion) [][]byte {
	given := c.UnitMg
	if c.Reverse {
		given = c.ElementalMg
	}
	b, ends := rf.text[:0], rf.ends[:0]
	b = strconv.AppendInt(b, int64(r.Line), 10)
	ends = append(ends, len(b))
	b = append(b, c.Form.Key...)
	ends = append(ends, len(b))
	b = append(b, c.Variant.Key...)
	ends = append(ends, len(b))
	b = appendFloat(b, given, -1)
	ends = append(ends, len(b))
	b = appendFloat(b, c.CompoundMg, MassDec)
	ends = append(ends, len(b))
	b = strconv.AppendFloat(b, c.ElementalMg, 'f', elementalDec(c.ElementalMg, c.Limit, c.Check, MassDec), 64)
	ends = append(ends, len(b))
	b = strconv.AppendFloat(b, c.Share.Fraction, 'f', FractionDec, 64)
	ends = append(ends, len(b))
	b = append(b, c.Share.Basis...)
	ends = append(ends, len(b))
	if c.Check.HasLimit {
		b = strconv.AppendFloat(b, c.Check.Percent, 'f', explainDec(c.Check.Percent, 100, PercentDec, c.Check.Over), 64)
		ends = append(ends, len(b))
		b = strconv.AppendBool(b, c.Check.Over)
		ends = append(ends, len(b))
	}
	rf.text, rf.ends, rf.fields = b, ends, rf.fields[:0]
	start := 0
	for _, end := range ends {
		rf.fields = append(rf.fields, b[start:end:end])
		start = end
	}
	for len(rf.fields) < len(RowColumns) {
		rf.fields = append(rf.fields, nil)
	}
	return rf.fields
}

// appendFloat appends v with dec decimals (-1: as few as read back as v),
// as strconv.AppendFloat(b, v, 'f', dec, 64) does, with a quicker path for
// the common whole number (500 → 500.00).
func appendFloat(b []byte, v float64, dec int) []byte {
	if !(v > 0 && v < 1e15 && v == math.Trunc(v)) {
		return strconv.AppendFloat(b, v, 'f', dec, 64)
	}
	b = strconv.AppendInt(b, int64(v), 10)
	if dec > 0 {
		b = append(b, '.')
		for range dec {
			b = append(b, '0')
		}
	}
	return b
}

type tsvRows struct {
	w      *bufio.Writer
	header bool
	row    rowFields
	line   []byte
}

func (t *tsvRows) Write(r batch.Row, c dose.Conversion) error {
	if !t.header {
		t.header = true
		for i, h := range RowColumns {
			if i > 0 {
				t.w.WriteByte('\t')
			}
			t.w.WriteString(h)
		}
		t.w.WriteByte('\n')
	}
	line := t.line[:0]
	for i, f := range t.row.fill(r, c) {
		if i > 0 {
			line = append(line, '\t')
		}
		line = append(line, f...)
	}
	t.line = append(line, '\n')
	_, err := t.w.Write(t.line)
	return err
}

func (t *tsvRows) Flush() error { return t.w.Flush() }

type csvRows struct {
	w      *csv.Writer
	bw     *bufio.Writer
	header bool
	rec    []string
	row    rowFields
}

func (c *csvRows) Write(r batch.Row, conv dose.Conversion) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(RowColumns); err != nil {
			return err
		}
	}
	c.rec = c.rec[:0]
	for _, f := range c.row.fill(r, conv) {
		c.rec = append(c.rec, string(f))
	}
	return c.w.Write(c.rec)
}

func (c *csvRows) Flush() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return c.bw.Flush()
}

type jsonRows struct {
	w   *bufio.Writer
	row rowFields
}

// Write writes one JSON object; the values are numbers, booleans, null or
// table keys, so no escaping is needed beyond what strconv.Quote gives.
func (j *jsonRows) Write(r batch.Row, c dose.Conversion) error {
	j.w.WriteByte('{')
	for i, f := range j.row.fill(r, c) {
		if i > 0 {
			j.w.WriteByte(',')
		}
		j.w.WriteByte('"')
		j.w.WriteString(RowColumns[i])
		j.w.WriteString(`":`)
		switch {
		case f == nil:
			j.w.WriteString("null")
		case i == 1 || i == 2 || i == 7: // form, variant, basis
			j.w.WriteString(strconv.Quote(string(f)))
		default:
			j.w.Write(f)
		}
	}
	j.w.WriteString("}\n")
	return nil
}

func (j *jsonRows) Flush() error { return j.w.Flush() }

type textRows struct {
	w *bufio.Writer
	t *Term
}

func (x *textRows) Write(r batch.Row, c dose.Conversion) error {
	p := x.t.P
	mg, share := limitFigures(p, c.Limit, c.Check, c.ElementalMg)
	var line string
	if c.Reverse {
		line = p.S("line %d: %s mg elemental magnesium = %s mg %s (%s)", r.Line, p.Amount(c.ElementalMg), p.Num(c.CompoundMg, ValueDec), formName(p, c.Form), c.Variant.Key)
	} else {
		line = p.S("line %d: %s mg %s (%s) = %s mg elemental magnesium", r.Line, p.Amount(c.CompoundMg), formName(p, c.Form), c.Variant.Key, mg)
	}
	if c.Check.HasLimit {
		line += ", " + p.S("%s %% of the limit", share)
		if c.Check.Over {
			line += " " + x.t.Bad(p.S("ABOVE THE LIMIT"))
		}
	}
	_, err := x.w.WriteString(line + "\n")
	return err
}

func (x *textRows) Flush() error { return x.w.Flush() }
