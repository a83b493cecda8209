// Package batch is mgcalc's one stream engine: it converts a stream of
// products (elemental -, compound -) or checks a stream of labels (check
// -), one per line or CSV row, through the same core as the one-shot
// commands (pkg/dose), in constant memory. It reads and writes io only:
// the CLI opens the files.
package batch

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/records"
	"github.com/mgcalc/mgcalc/pkg/text"
	"github.com/mgcalc/mgcalc/pkg/units"
)

// maxSkip bounds how much of an over-long line is skipped to reach the
// next one.
const maxSkip = 1 << 20

// MaxLine bounds one input line (or CSV record) in bytes: a longer one is
// an error, never memory.
const MaxLine = records.MaxLine

// Row is one product to convert (or label to check), as read.
type Row struct {
	Line   int    // 1-based line (or CSV record's first line)
	Form   string // FORM or FORM:VARIANT
	Amount string // the amount with its unit, as typed
	Stated string // a label's stated elemental magnesium (check); "" otherwise
}

// LineError is a problem with one row: a located error, as every file's.
type LineError = records.Error

// Reader yields rows; io.EOF at the end. A *LineError is a bad row the
// caller may skip; any other error ends the stream.
type Reader interface {
	Read() (Row, error)
}

// Lines reads "FORM AMOUNT", "FORM:AMOUNT" or "FORM AMOUNT UNIT" lines.
// A form name may have spaces ("magnesium citrate 500 mg"). Blank lines
// and lines starting with # are skipped; CRLF and a UTF-8 byte-order mark
// are accepted.
func Lines(r io.Reader) *LineReader { return &LineReader{r: bufio.NewReaderSize(r, 64<<10)} }

// Labels reads label lines for check: "FORM AMOUNT STATED", each amount
// with or without its unit ("glycinate 500 100", "citrate 1830 mg 295 mg",
// "citrate:1830mg 295.7mg"), otherwise as Lines.
func Labels(r io.Reader) *LineReader {
	return &LineReader{r: bufio.NewReaderSize(r, 64<<10), labels: true}
}

// LineReader is the Reader of Lines and Labels.
type LineReader struct {
	r      *bufio.Reader
	line   int
	labels bool
	// strs keeps the short names read so far, so that the usual stream,
	// which repeats them, does not allocate them per line; amounts holds
	// the amounts' text.
	amounts textArena
	strs    map[string]string
}

// maxStrs and maxStrLen bound LineReader.strs.
const (
	maxStrs   = 4096
	maxStrLen = 32
)

// str returns b as a string, the same string for the same bytes.
func (l *LineReader) str(b []byte) string {
	if s, ok := l.strs[string(b)]; ok { // no allocation
		return s
	}
	s := string(b)
	// the first maxStrs strings are kept: a stream of distinct names (a
	// million bad lines) would otherwise churn the map for nothing
	if len(s) <= maxStrLen && len(l.strs) < maxStrs {
		if l.strs == nil {
			l.strs = make(map[string]string)
		}
		l.strs[s] = s
	}
	return s
}

// textArena holds short texts many to an allocation: a row keeps its
// amount as a string, and a stream of amounts that do not repeat would
// otherwise allocate one a line (and collect them). Bytes once written to
// a block are never changed, so the strings over them stay valid; a block
// lives as long as one of its strings does.
type textArena struct{ block []byte }

// arenaBlock is the size of a block of a textArena.
const arenaBlock = 4096

// str returns b as a string.
func (a *textArena) str(b []byte) string {
	if len(b) == 0 || len(b) > arenaBlock/16 {
		return string(b)
	}
	if cap(a.block)-len(a.block) < len(b) {
		a.block = make([]byte, 0, arenaBlock)
	}
	start := len(a.block)
	a.block = append(a.block, b...)
	return unsafe.String(&a.block[start], len(b))
}

// Buffered reports whether more input is already read, so a writer can
// flush before the reader blocks (interactive use streams line by line).
func (l *LineReader) Buffered() bool { return l.r.Buffered() > 0 }

// Read implements Reader.
func (l *LineReader) Read() (Row, error) {
	b, err := l.next()
	if err != nil {
		return Row{Line: l.line}, err
	}
	return l.split(b)
}

// next returns the next line that holds a row, trimmed (blank lines and
// comments skipped), or its error: io.EOF at the end, a *LineError for a
// line that is too long. Its bytes are valid until the next call.
func (l *LineReader) next() ([]byte, error) {
	for {
		b, err := l.r.ReadSlice('\n')
		// (the trim only where the line could be too long: it is not free)
		if err == bufio.ErrBufferFull || len(b) > MaxLine && len(bytes.TrimRight(b, "\r\n")) > MaxLine {
			l.line++
			// skip the rest of the over-long line, but not for ever: an
			// endless line (/dev/zero) ends the stream
			skipped := len(b)
			for err == bufio.ErrBufferFull {
				var more []byte
				more, err = l.r.ReadSlice('\n')
				if skipped += len(more); skipped > maxSkip {
					return nil, fmt.Errorf("line %d is longer than %d bytes and goes on past %d MiB: not a list of products", l.line, MaxLine, maxSkip>>20)
				}
			}
			return nil, &LineError{Line: l.line, Err: msg.Errorf("the line is longer than %d bytes", MaxLine)}
		}
		if len(b) == 0 && err != nil {
			return nil, err // io.EOF or the read's error
		}
		l.line++
		if l.line == 1 {
			b = bytes.TrimPrefix(b, records.BOM)
		}
		b = bytes.TrimSpace(b) // CRLF included
		if len(b) == 0 || b[0] == '#' {
			if err == io.EOF {
				return nil, io.EOF
			}
			continue
		}
		return b, nil
	}
}

// split reads a line next returned as a row.
func (l *LineReader) split(b []byte) (Row, error) {
	if !utf8.Valid(b) {
		return Row{Line: l.line}, &LineError{Line: l.line, Err: msg.Errorf("the line is not valid UTF-8")}
	}
	if l.labels {
		text := string(b)
		form, amount, stated, ok := SplitLabel(text)
		if !ok {
			return Row{Line: l.line}, &LineError{Line: l.line, Err: msg.Errorf("%q is not FORM AMOUNT STATED", text).
				WithHint("write one label a line: the form, its amount, the magnesium the label states: citrate 1830 mg 295 mg")}
		}
		return Row{Line: l.line, Form: form, Amount: amount, Stated: stated}, nil
	}
	if form, amount, ok := splitPlain(b); ok {
		// the amount is not interned: a line that repeats is written
		// again without being read as a row (memo.go), and amounts that
		// do not repeat would only fill the table
		return Row{Line: l.line, Form: l.str(form), Amount: l.amounts.str(amount)}, nil
	}
	text := string(b)
	form, amount, ok := SplitLine(text)
	if !ok {
		return Row{Line: l.line}, &LineError{Line: l.line, Err: msg.Errorf("%q is not FORM AMOUNT", text).
			WithHint("write one product a line: citrate 500, citrate:500 or \"magnesium citrate 500 mg\"")}
	}
	return Row{Line: l.line, Form: form, Amount: amount}, nil
}

// SplitLine splits a line into the form and the amount: FORM:AMOUNT when
// the text after the last colon is an amount, else the last word (or the
// last two, when the last is a unit) is the amount and the rest the form.
func SplitLine(text string) (form, amount string, ok bool) {
	if i := strings.LastIndexByte(text, ':'); i > 0 {
		if a := strings.TrimSpace(text[i+1:]); looksLikeAmount(a) {
			return strings.TrimSpace(text[:i]), a, true
		}
	}
	fields := strings.Fields(text)
	if len(fields) < 2 {
		return "", "", false
	}
	last := len(fields) - 1
	if isUnitWord(fields[last]) && len(fields) >= 3 {
		return strings.Join(fields[:last-1], " "), fields[last-1] + " " + fields[last], true
	}
	return strings.Join(fields[:last], " "), fields[last], true
}

// SplitLabel splits a label line: the stated amount is the last word, or
// the last two when the last is a unit ("295 mg"); the rest is FORM
// AMOUNT, split as SplitLine does.
func SplitLabel(text string) (form, amount, stated string, ok bool) {
	fields := strings.Fields(text)
	n := len(fields)
	if n < 2 {
		return "", "", "", false
	}
	rest := fields[:n-1]
	stated = fields[n-1]
	if isUnitWord(fields[n-1]) {
		if n < 4 {
			return "", "", "", false // "citrate 500 mg": no stated amount
		}
		rest, stated = fields[:n-2], fields[n-2]+" "+fields[n-1]
	}
	form, amount, ok = SplitLine(strings.Join(rest, " "))
	return form, amount, stated, ok
}

func isUnitWord(s string) bool { return units.IsUnit(s) || units.IsMolarUnit(s) }

// splitPlain splits the most common line, two words of ASCII letters,
// digits and punctuation around one space ("citrate 500"), as SplitLine
// would; ok is false for any other line.
func splitPlain(b []byte) (form, amount []byte, ok bool) {
	sp := -1
	for i, c := range b {
		switch {
		case c == ' ' && sp < 0:
			sp = i
		case c <= ' ' || c == ':' || c >= utf8.RuneSelf:
			return nil, nil, false
		}
	}
	if sp <= 0 || sp == len(b)-1 {
		return nil, nil, false
	}
	return b[:sp], b[sp+1:], true
}

// looksLikeAmount reports whether the text after a colon is an amount
// ("500", "1.5 g", "4mmol") rather than the rest of a variant name that
// starts with a digit ("9h2o 500"): digits and separators, then letters
// only, then at most a unit word.
func looksLikeAmount(a string) bool {
	f := strings.Fields(a)
	if len(f) == 0 || len(f) > 2 || !(f[0][0] >= '0' && f[0][0] <= '9' || f[0][0] == '.') {
		return false
	}
	i := strings.IndexFunc(f[0], func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.' || r == ',') })
	if i >= 0 && strings.ContainsAny(f[0][i:], "0123456789") {
		return false // 9h2o: a digit after letters
	}
	return len(f) == 1 || isUnitWord(f[1])
}

// Columns maps the CSV header's names to the fields: Form and Amount are
// required, Unit optional (then the amount carries its unit, or is mg),
// Stated required where set (check).
type Columns struct {
	Form, Amount, Unit, Stated string
	Comma                      byte // the delimiter; 0: the header's (records.OpenCSV)
}

// ParseColumns reads elemental's and compound's --columns,
// form=Form,amount=Amount,unit=Unit: form and amount are looked for under
// their own names unless mapped; the unit column is read only if mapped
// (or named unit).
func ParseColumns(s string) (Columns, error) {
	fields := []string{"form", "amount", "unit"}
	mapped, err := mapColumns(s, fields)
	if err != nil {
		return Columns{}, err
	}
	c := Columns{Form: cmp.Or(mapped[0], "form"), Amount: cmp.Or(mapped[1], "amount"), Unit: mapped[2]}
	return c, sameColumn(fields, []string{c.Form, c.Amount, c.Unit})
}

// LabelColumns reads check's --columns, form=Form,amount=Salt,stated=Mg:
// each field is looked for under its own name unless mapped.
func LabelColumns(s string) (Columns, error) {
	fields := []string{"form", "amount", "stated"}
	mapped, err := mapColumns(s, fields)
	if err != nil {
		return Columns{}, err
	}
	c := Columns{Form: cmp.Or(mapped[0], "form"), Amount: cmp.Or(mapped[1], "amount"), Stated: cmp.Or(mapped[2], "stated")}
	return c, sameColumn(fields, []string{c.Form, c.Amount, c.Stated})
}

// mapColumns reads FIELD=COLUMN pairs, a list (commas or line breaks): the column
// each of fields is mapped to, "" for a field the value does not map.
func mapColumns(s string, fields []string) ([]string, error) {
	mapped := make([]string, len(fields))
	if strings.TrimSpace(s) == "" {
		return mapped, nil
	}
	example := make([]string, len(fields))
	for i, f := range fields {
		example[i] = f + "=" + strings.ToUpper(f[:1]) + f[1:]
	}
	parts, ok := text.List(s) // the one rule for lists: commas and line breaks
	if !ok {
		return nil, msg.Errorf("the list has an empty entry").WithHint("write %s", strings.Join(example, ","))
	}
	for _, part := range parts {
		k, v, ok := strings.Cut(part, "=")
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		if !ok || v == "" {
			return nil, msg.Errorf("%q is not FIELD=COLUMN", part).WithHint("write %s", strings.Join(example, ","))
		}
		i := slices.Index(fields, k)
		if i < 0 {
			return nil, msg.Errorf("unknown field %q", k).WithHint("the fields are: %s", strings.Join(fields, ", "))
		}
		if mapped[i] != "" {
			return nil, msg.Errorf("field %q is mapped twice", k)
		}
		mapped[i] = v
	}
	return mapped, nil
}

// sameColumn refuses one CSV column read as two fields.
func sameColumn(fields, cols []string) error {
	for i := range cols {
		for j := i + 1; j < len(cols); j++ {
			if cols[i] != "" && strings.EqualFold(cols[i], cols[j]) {
				return msg.Errorf("column %q is mapped to both %s and %s", cols[i], fields[i], fields[j])
			}
		}
	}
	return nil
}

// CSVReader reads rows from RFC 4180 CSV with a header row
// (records.CSV: every record bounded however it is quoted, a bad record
// a *LineError the stream may skip).
type CSVReader struct {
	r                          *records.CSV
	form, amount, unit, stated int
}

// CSV reads the header and maps the columns. Header names match without
// case and surrounding spaces; a UTF-8 byte-order mark is accepted.
func CSV(r io.Reader, cols Columns) (*CSVReader, error) {
	cr, header, err := records.OpenCSV(r, cols.Comma)
	if err != nil {
		return nil, err
	}
	c := &CSVReader{r: cr, form: records.Column(header, cols.Form), amount: records.Column(header, cols.Amount), unit: -1, stated: -1}
	if cols.Unit == "" && records.Column(header, "unit") >= 0 {
		cols.Unit = "unit" // a column named unit is the unit, mapped or not
	}
	fields := "form=…,amount=…,unit=…"
	if cols.Stated != "" {
		fields = "form=…,amount=…,stated=…"
	}
	missing := func(field, col string) error {
		hint := msg.New("the header has: %s; map columns with --columns %s", records.HeaderNames(header), fields)
		if m := cr.Misread(); m != nil {
			hint = m
		}
		return &LineError{Line: 1, Err: msg.Errorf("no column %q for the %s", col, field).WithHint("%s", hint)}
	}
	if c.form < 0 {
		return nil, missing("form", cols.Form)
	}
	if c.amount < 0 {
		return nil, missing("amount", cols.Amount)
	}
	if cols.Unit != "" {
		if c.unit = records.Column(header, cols.Unit); c.unit < 0 {
			return nil, missing("unit", cols.Unit)
		}
	}
	if cols.Stated != "" {
		if c.stated = records.Column(header, cols.Stated); c.stated < 0 {
			return nil, missing("stated", cols.Stated)
		}
	}
	return c, nil
}

// Read implements Reader.
func (c *CSVReader) Read() (Row, error) {
	rec, err := c.r.Read()
	if err != nil {
		return Row{}, err // io.EOF, a *LineError or the end of the file
	}
	line := c.r.Line()
	amount := strings.TrimSpace(rec[c.amount])
	if c.unit >= 0 {
		amount += " " + strings.TrimSpace(rec[c.unit])
	}
	row := Row{Line: line, Form: strings.TrimSpace(rec[c.form]), Amount: strings.TrimSpace(amount)}
	if c.stated >= 0 {
		row.Stated = strings.TrimSpace(rec[c.stated])
	}
	return row, nil
}

// Converter turns rows into conversions with the same core as the
// one-shot commands, resolving each distinct form name once.
type Converter struct {
	Forms   *forms.Table
	Limit   limits.Applied
	Reverse bool     // compound: the amount is the elemental magnesium wanted
	Count   float64  // units per row (elemental); 1 when 0
	Assay   *float64 // applied to every row; nil: the formula
	// Note, when set, receives each form's cautions once (an assay outside
	// the specification, a form whose label amount should be preferred),
	// rather than once per row.
	Note   func(*msg.Message)
	cache  map[string]resolved
	conv   dose.Conversion // the last row's: Convert returns it
	misses misses
}

// maxSuggest bounds the "did you mean" suggestions of one stream: an
// unknown name costs an edit distance to every name, so past this many
// names that could not be resolved, a stream resolves without one (a
// million distinct bad lines must cost what good ones do; mgcalc's rule).
const maxSuggest = 100

// misses counts a stream's names that could not be resolved.
type misses int

// resolve is t.Resolve, without the suggestion past maxSuggest misses.
func (m *misses) resolve(t *forms.Table, name string) (*forms.Form, *forms.Variant, error) {
	resolve := t.Resolve
	if *m >= maxSuggest {
		resolve = t.ResolveTerse
	}
	f, v, err := resolve(name)
	if err != nil {
		*m++
	}
	return f, v, err
}

type resolved struct {
	f     *forms.Form
	v     *forms.Variant
	share forms.Share
	warn  *msg.Message
	err   error
}

// maxCache bounds the memo: a stream of distinct bad names must not grow
// memory without end.
const maxCache = 4096

// Convert converts one row. Errors are *LineError.
func (c *Converter) Convert(r Row) (*dose.Conversion, error) {
	res, ok := c.cache[r.Form]
	if !ok {
		res = c.resolve(r.Form)
		// a name that could not be resolved is kept only while they are
		// few: a stream of distinct bad names would otherwise churn the
		// memo and push the good names out of it
		if res.err == nil || c.misses < maxSuggest {
			if c.cache == nil || len(c.cache) >= maxCache {
				c.cache = map[string]resolved{}
			}
			c.cache[r.Form] = res
		}
	}
	if res.err != nil {
		return nil, lineErr(r.Line, res.err)
	}
	var amount float64
	var err error
	if c.Reverse {
		amount, err = units.ParseElemental(r.Amount, c.Forms.MgPerMmol())
	} else {
		amount, err = units.ParseMass(r.Amount)
	}
	if err != nil {
		return nil, lineErr(r.Line, err)
	}
	conv := &c.conv
	if c.Reverse {
		*conv = dose.Compound(res.f, res.v, res.share, amount, c.Limit)
	} else {
		count := c.Count
		if count == 0 {
			count = 1
		}
		*conv = dose.Elemental(res.f, res.v, res.share, amount, count, c.Limit)
	}
	if c.Assay != nil {
		*conv = conv.WithAssay(*c.Assay, nil) // its warning went to Note
	}
	return conv, nil
}

func (c *Converter) resolve(name string) resolved {
	f, v, err := c.misses.resolve(c.Forms, name)
	if err != nil {
		return resolved{err: err}
	}
	r := resolved{f: f, v: v, share: forms.ShareOf(v, 0)}
	if c.Assay != nil {
		w, err := forms.CheckAssay(f, v, *c.Assay)
		if err != nil {
			return resolved{err: err}
		}
		r.share, r.warn = forms.ShareOf(v, *c.Assay), w
	}
	if c.Note != nil {
		if r.warn != nil {
			c.Note(msg.New("%s: %s", name, r.warn))
		}
		if f.PreferLabel != nil && c.Assay == nil {
			c.Note(msg.New("%s: %s", name, f.PreferLabel.Text))
		}
	}
	return r
}

func lineErr(line int, err error) *LineError { return records.At(line, "", err) }

// RowWriter writes one converted row (a dose.Conversion, a
// dose.LabelCheck).
type RowWriter[T any] interface {
	Write(r Row, v T) error
	Flush() error
}

// RowConverter turns a row into what a RowWriter writes (Converter,
// LabelChecker); errors are *LineError.
type RowConverter[T any] interface {
	Convert(r Row) (T, error)
}

// Run is the one stream engine: it converts every row from in to out,
// and writes a row that repeats one it wrote before again without
// converting it, where out is a Rewriter (memo.go).
// onError is called for each bad row; it returns whether to go on. Rows
// already written stay written. flushIdle, when not nil, reports whether
// the input has nothing buffered: the writer is flushed before a read
// could block, so output flows as lines arrive.
func Run[T any](in Reader, c RowConverter[T], out RowWriter[T], onError func(*LineError) bool, flushIdle func() bool) (rows, failed int, err error) {
	m := newMemo(out) // rows written before are written again, not converted
	lines, _ := in.(*LineReader)
	for {
		if flushIdle != nil && flushIdle() {
			if err := out.Flush(); err != nil {
				return rows, failed, err
			}
		}
		var r Row
		var key []byte
		var err error
		if lines != nil && m != nil {
			// a line written before is looked up by its text, before it
			// is read as a row
			if key, err = lines.next(); err == nil {
				if again, err := m.write(key, lines.line); again {
					if err != nil {
						return rows, failed, err
					}
					rows++
					continue
				}
				r, err = lines.split(key)
			}
		} else {
			r, err = in.Read()
			if err == nil && m != nil {
				key = m.rowKey(r)
				if again, err := m.write(key, r.Line); again {
					if err != nil {
						return rows, failed, err
					}
					rows++
					continue
				}
			}
		}
		if err == io.EOF {
			return rows, failed, out.Flush()
		}
		if err == nil {
			v, cerr := c.Convert(r)
			if cerr == nil {
				if err := out.Write(r, v); err != nil {
					return rows, failed, err
				}
				m.keep(key)
				rows++
				continue
			}
			err = cerr // a *LineError
		}
		le, ok := errors.AsType[*LineError](err)
		if !ok {
			out.Flush()
			return rows, failed, err
		}
		failed++
		if !onError(le) {
			return rows, failed, out.Flush()
		}
	}
}

// LabelChecker checks label rows (check - and check --csv) with the one
// rule the one-shot check uses (dose.CheckLabel).
type LabelChecker struct {
	Forms  *forms.Table
	misses misses
}

// Check reads a label: the form (a form name alone makes every variant a
// candidate; FORM:VARIANT or a formula names one), the compound amount
// and the stated elemental amount. Errors are a *forms.NameError or a
// *msg.Message; a stated amount's names its field.
func (l *LabelChecker) Check(form, amount, stated string) (dose.LabelCheck, error) {
	f, v, err := l.misses.resolve(l.Forms, form)
	if err != nil {
		return dose.LabelCheck{}, err
	}
	compound, err := units.ParseMass(amount)
	if err != nil {
		return dose.LabelCheck{}, err
	}
	st, err := units.ParseElemental(stated, l.Forms.MgPerMmol())
	if err != nil {
		var m *msg.Message
		if !errors.As(err, &m) {
			return dose.LabelCheck{}, err
		}
		e := msg.Errorf("%s: %s", "stated", m)
		e.Hint = m.Hint
		return dose.LabelCheck{}, e
	}
	named := v
	if !strings.Contains(form, ":") && l.Forms.Lookup(form) != nil {
		named = nil // a form name alone: every variant is a candidate
	}
	return dose.CheckLabel(l.Forms, f, named, compound, st), nil
}

// Convert implements RowConverter.
func (l *LabelChecker) Convert(r Row) (dose.LabelCheck, error) {
	c, err := l.Check(r.Form, r.Amount, r.Stated)
	if err != nil {
		return c, lineErr(r.Line, err)
	}
	return c, nil
}
