package render

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"

	"github.com/mgcalc/mgcalc/pkg/batch"
	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/msg"
)

// RowColumns are the columns of a batch row, in every machine format.
var RowColumns = []string{"line", "form", "variant", "amount_mg", "compound_mg", "elemental_mg", "fraction", "basis", "ul_percent", "over"}

// NewRowWriter writes batch rows in format f: tsv (with a header), csv
// (RFC 4180, with a header), jsonl (one JSON object a line) or text. The
// machine formats never go through the message catalogue.
func NewRowWriter(w io.Writer, f Format, t *Term) (batch.RowWriter, error) {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	switch f {
	case TSV:
		return &tsvRows{w: bw}, nil
	case CSV:
		return &csvRows{w: csv.NewWriter(bw), bw: bw}, nil
	case JSONL:
		return &jsonRows{w: bw}, nil
	case Text:
		return &textRows{w: bw, t: t}, nil
	}
	return nil, msg.Errorf("-o %s is not available for a stream of rows", string(f)).WithHint("use text, tsv, csv or jsonl")
}

// rowFields are a row's values, each rounded once.
func rowFields(r batch.Row, c dose.Conversion, buf [][]byte) [][]byte {
	buf = buf[:0]
	given := c.UnitMg
	if c.Reverse {
		given = c.ElementalMg
	}
	pct, over := []byte(nil), []byte(nil)
	if c.Check.HasLimit {
		pct = strconv.AppendFloat(nil, c.Check.Percent, 'f', explainDec(c.Check.Percent, 100, PercentDec, c.Check.Over), 64)
		over = strconv.AppendBool(nil, c.Check.Over)
	}
	return append(buf,
		strconv.AppendInt(nil, int64(r.Line), 10),
		[]byte(c.Form.Key), []byte(c.Variant.Key),
		strconv.AppendFloat(nil, given, 'f', -1, 64),
		strconv.AppendFloat(nil, c.CompoundMg, 'f', MassDec, 64),
		strconv.AppendFloat(nil, c.ElementalMg, 'f', elementalDec(c.ElementalMg, c.Limit, c.Check, MassDec), 64),
		strconv.AppendFloat(nil, c.Share.Fraction, 'f', FractionDec, 64),
		[]byte(c.Share.Basis), pct, over)
}

type tsvRows struct {
	w      *bufio.Writer
	header bool
	buf    [][]byte
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
	t.buf = rowFields(r, c, t.buf)
	for i, f := range t.buf {
		if i > 0 {
			t.w.WriteByte('\t')
		}
		t.w.Write(f)
	}
	return t.w.WriteByte('\n')
}

func (t *tsvRows) Flush() error { return t.w.Flush() }

type csvRows struct {
	w      *csv.Writer
	bw     *bufio.Writer
	header bool
	rec    []string
	buf    [][]byte
}

func (c *csvRows) Write(r batch.Row, conv dose.Conversion) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(RowColumns); err != nil {
			return err
		}
	}
	c.buf = rowFields(r, conv, c.buf)
	c.rec = c.rec[:0]
	for _, f := range c.buf {
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
	buf [][]byte
}

// Write writes one JSON object; the values are numbers, booleans, null or
// table keys, so no escaping is needed beyond what strconv.Quote gives.
func (j *jsonRows) Write(r batch.Row, c dose.Conversion) error {
	j.buf = rowFields(r, c, j.buf)
	j.w.WriteByte('{')
	for i, f := range j.buf {
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
		line = p.S("line %d: %s mg elemental magnesium = %s mg %s (%s)", r.Line, p.Amount(c.ElementalMg), p.Num(c.CompoundMg, ValueDec), c.Form.Name, c.Variant.Key)
	} else {
		line = p.S("line %d: %s mg %s (%s) = %s mg elemental magnesium", r.Line, p.Amount(c.CompoundMg), c.Form.Name, c.Variant.Key, mg)
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
