package render

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mgcalc/mgcalc/pkg/batch"
	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/forms"
)

// RowColumns are the columns of a batch row, in every machine format.
var RowColumns = []string{"line", "form", "variant", "amount_mg", "compound_mg", "elemental_mg", "fraction", "basis", "ul_percent", "over"}

// NewRowWriter writes batch rows in format f: tsv (with a header), csv
// (RFC 4180, with a header), jsonl (one JSON object a line) or text. The
// machine formats never go through the message catalogue; their writer is
// a batch.Rewriter.
func NewRowWriter(w io.Writer, f Format, t *Term) (batch.RowWriter[*dose.Conversion], error) {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	switch f {
	case TSV, CSV, JSONL, JSON:
		if f == JSON {
			f = JSONL
		}
		return newMachineRows(bw, f), nil
	case Text:
		return &textRows{w: bw, t: t}, nil
	}
	return nil, &FormatError{f, RowFormats}
}

// machineRows writes a row in TSV, CSV or JSON Lines: the line number,
// then a tail that depends only on the row's form and amount (and the
// run's settings, the same for every row), which it keeps: the engine can
// write a row it has written before for another line without converting
// it again (batch.Rewriter). A row allocates nothing.
type machineRows struct {
	w      *bufio.Writer
	f      Format
	header bool
	tail   []byte // the last row's tail
	// sep is what goes before each field: the separator, and in JSON the
	// field's name
	sep [][]byte
	// the texts of the few variants and shares a run meets, made once:
	// the form and variant fields, and the fraction and basis fields
	variants []cachedText[formVariant]
	shares   []cachedText[forms.Share]
}

// formVariant is a variant of a form.
type formVariant struct {
	f *forms.Form
	v *forms.Variant
}

// cachedText is a segment of a row made once for its key.
type cachedText[K comparable] struct {
	key  K
	text []byte
}

// maxCached bounds each cache of segments: past it, a segment is made
// for every row that needs it.
const maxCached = 16

// cached returns the text of key, made by make on first use.
func cached[K comparable](c *[]cachedText[K], key K, make func([]byte) []byte) []byte {
	for i := range *c {
		if (*c)[i].key == key {
			return (*c)[i].text
		}
	}
	t := make(nil)
	if len(*c) < maxCached {
		*c = append(*c, cachedText[K]{key, t})
	}
	return t
}

func newMachineRows(w *bufio.Writer, f Format) *machineRows {
	m := &machineRows{w: w, f: f, sep: make([][]byte, len(RowColumns))}
	for i, name := range RowColumns {
		switch f {
		case TSV:
			m.sep[i] = []byte{'\t'}
		case CSV:
			m.sep[i] = []byte{','}
		default:
			m.sep[i] = []byte(`,"` + name + `":`)
		}
	}
	return m
}

func (m *machineRows) Write(r batch.Row, c *dose.Conversion) error {
	m.tail = m.appendTail(m.tail[:0], c)
	return m.WriteTail(r.Line, m.tail)
}

// Tail implements batch.Rewriter: the last row's text after its line
// number.
func (m *machineRows) Tail() []byte { return m.tail }

// WriteTail implements batch.Rewriter: a row of line with tail.
func (m *machineRows) WriteTail(line int, tail []byte) error {
	if !m.header {
		m.header = true
		switch m.f {
		case TSV:
			m.w.WriteString(strings.Join(RowColumns, "\t") + "\n")
		case CSV:
			cw := csv.NewWriter(m.w)
			cw.Write(RowColumns)
			cw.Flush()
		}
	}
	if m.w.Available() < len(tail)+32 {
		if err := m.w.Flush(); err != nil {
			return err
		}
	}
	b := m.w.AvailableBuffer() // the row is made in place: it fits
	if m.f == JSONL {
		b = append(b, `{"line":`...)
	}
	b = AppendUint(b, uint64(line)) // a line number is positive
	_, err := m.w.Write(append(b, tail...))
	return err
}

func (m *machineRows) Flush() error { return m.w.Flush() }

// appendTail appends the row's fields after the line number: each value
// rounded once, a value that is not set (no limit) empty, or null in JSON.
func (m *machineRows) appendTail(b []byte, c *dose.Conversion) []byte {
	given := c.UnitMg
	if c.Reverse {
		given = c.ElementalMg
	}
	b = append(b, cached(&m.variants, formVariant{c.Form, c.Variant}, func(t []byte) []byte {
		t = m.word(t, 1, c.Form.Key)
		return m.word(t, 2, c.Variant.Key)
	})...)
	b = AppendFixed(append(b, m.sep[3]...), given, -1)
	b = AppendFixed(append(b, m.sep[4]...), c.CompoundMg, MassDec)
	b = append(b, m.sep[5]...)
	if c.Check.Over {
		b = AppendExplained(b, c.ElementalMg, *c.Limit.Band.Mg, MassDec, true) // elementalDec
	} else {
		b = AppendFixed(b, c.ElementalMg, MassDec)
	}
	b = append(b, cached(&m.shares, c.Share, func(t []byte) []byte {
		t = AppendFixed(append(t, m.sep[6]...), c.Share.Fraction, FractionDec)
		return m.word(t, 7, string(c.Share.Basis))
	})...)
	switch {
	case c.Check.HasLimit:
		b = AppendExplained(append(b, m.sep[8]...), c.Check.Percent, 100, PercentDec, c.Check.Over)
		b = strconv.AppendBool(append(b, m.sep[9]...), c.Check.Over)
	case m.f == JSONL:
		b = append(append(b, m.sep[8]...), "null"...)
		b = append(append(b, m.sep[9]...), "null"...)
	default:
		b = append(append(b, m.sep[8]...), m.sep[9]...)
	}
	if m.f == JSONL {
		b = append(b, '}')
	}
	return append(b, '\n')
}

// word appends field i, a word (a key): quoted in JSON, and in CSV where
// encoding/csv would quote it.
func (m *machineRows) word(b []byte, i int, s string) []byte {
	b = append(b, m.sep[i]...)
	switch {
	case m.f == JSONL:
		return strconv.AppendQuote(b, s)
	case m.f == CSV && csvNeedsQuotes(s):
		return appendCSVQuoted(b, s)
	}
	return append(b, s...)
}

// csvNeedsQuotes reports whether encoding/csv quotes s as a field.
func csvNeedsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` || strings.ContainsAny(s, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// appendCSVQuoted appends s quoted as encoding/csv quotes it.
func appendCSVQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

type textRows struct {
	w *bufio.Writer
	t *Term
}

func (x *textRows) Write(r batch.Row, c *dose.Conversion) error {
	p := x.t.P
	mg, share := limitFigures(p, c.Limit, c.Check, c.ElementalMg)
	var line string
	if c.Reverse {
		line = p.S("line %d: %s mg elemental magnesium = %s mg %s (%s)", r.Line, p.Amount(c.ElementalMg), p.Num(c.CompoundMg, ValueDec), formName(p, c.Form), variantWord(p, c.Variant))
	} else {
		line = p.S("line %d: %s mg %s (%s) = %s mg elemental magnesium", r.Line, p.Amount(c.CompoundMg), formName(p, c.Form), variantWord(p, c.Variant), mg)
	}
	if c.Check.HasLimit {
		line += ", " + p.S("%s %% of the limit", share)
		if c.Check.Over {
			line += " " + x.t.Bad(p.S("ABOVE THE LIMIT"))
		}
	}
	_, err := x.w.WriteString(x.t.wrap(line + "\n")) // on a terminal, to its width (review K2)
	return err
}

func (x *textRows) Flush() error { return x.w.Flush() }
