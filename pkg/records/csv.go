package records

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"unicode"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// MaxColumns bounds a CSV header: more columns are no list of products
// (mgcalc's rule; a shop's export has a few dozen).
const MaxColumns = 512

// MaxSkip bounds how much of a bad record (an over-long one, or the rest
// of a line after a quote error) is skipped to reach the next: past it,
// the input is no list of records and the stream ends.
const MaxSkip = 1 << 20

// CSV reads RFC 4180 CSV a record at a time, as encoding/csv reads it
// (the same fields and the same errors at the same lines and columns: a
// test compares them), and bounds what encoding/csv does not: a record is
// at most MaxLine bytes however it is quoted (a quoted field's line breaks
// included), so no input costs more memory than one record; a header has
// at most MaxColumns columns. A bad record (too long, a stray quote, a
// field count that is not the header's) is a *Error, and the next Read
// goes on after it, as a --keep-going stream needs; any other error (the
// input cannot be read, MaxSkip bytes without the end of a bad record)
// ends the file.
type CSV struct {
	r      *bufio.Reader
	comma  byte // the delimiter: ',', ';' or '\t'
	line   int  // the physical line being read, from 1
	col    int  // the byte column of the next byte on it, from 1
	start  int  // the first line of the record last read
	width  int  // the fields a record must have: the header's (0 while reading it)
	buf    []byte
	ends   []int
	rec    []string
	header []string
	long   bool // the record is longer than MaxLine: its bytes are not kept
}

// OpenCSV starts reading CSV with a header row: a UTF-8 byte-order mark is
// skipped, and the header is read and checked (at most MaxColumns
// columns, none given twice without case and surrounding spaces). Every
// record after it must have as many fields. The delimiter is comma (',',
// ';' or '\t'), or with 0 the one the header uses (Detect).
func OpenCSV(r io.Reader, comma byte) (*CSV, []string, error) {
	c := newCSV(r)
	if b, _ := c.r.Peek(3); bytes.Equal(b, BOM) {
		c.r.Discard(3)
	}
	if c.comma = comma; comma == 0 {
		c.comma = c.detect()
	}
	header, err := c.Read()
	if err == io.EOF {
		return nil, nil, &Error{Line: 1, Err: msg.Errorf("the file is empty: a header row is needed")}
	}
	if err != nil {
		return nil, nil, err
	}
	if len(header) > MaxColumns {
		return nil, nil, &Error{Line: c.start, Err: msg.Errorf("the header has %d columns: at most %d", len(header), MaxColumns)}
	}
	seen := make(map[string]bool, len(header))
	for _, h := range header {
		k := foldKey(strings.TrimSpace(h))
		if seen[k] {
			return nil, nil, &Error{Line: c.start, Err: msg.Errorf("column %q is given twice", text.Clip(h))}
		}
		seen[k] = true
	}
	c.header = append([]string(nil), header...)
	c.width = len(header)
	return c, c.header, nil
}

func newCSV(r io.Reader) *CSV {
	return &CSV{r: bufio.NewReaderSize(r, 16<<10), comma: ',', line: 1, col: 1}
}

// Delimiters are the delimiters a CSV file may use, the default first.
const Delimiters = ",;\t"

// detect is the delimiter the header uses: of comma, semicolon and tab
// outside quotes on the header's line(s), the most frequent, the first of
// them on a tie (a Dutch spreadsheet writes "Vorm;Hoeveelheid", its comma
// being the decimal one). It peeks at the input, reading no more than the
// header's MaxLine bytes and no further than the first line break outside
// quotes, so a header typed on a terminal is not waited past.
func (c *CSV) detect() byte {
	var n [3]int
	quoted := false
	var p []byte
	for i := 0; i <= MaxLine; i++ {
		if i >= len(p) {
			p, _ = c.r.Peek(min(max(c.r.Buffered(), i+1), MaxLine+1))
			if i >= len(p) {
				break // the end of the input
			}
		}
		b := p[i]
		if b == '\n' && !quoted {
			break
		}
		if b == '"' {
			quoted = !quoted
		} else if k := strings.IndexByte(Delimiters, b); k >= 0 && !quoted {
			n[k]++
		}
	}
	best := 0
	for k := range n {
		if n[k] > n[best] {
			best = k
		}
	}
	return Delimiters[best]
}

// ParseDelimiter reads a delimiter as a person gives it: "," ";" or "tab"
// (a tab itself too); "" is 0, detect it from the header.
func ParseDelimiter(s string) (byte, error) {
	switch s {
	case "":
		return 0, nil
	case ",", ";", "\t":
		return s[0], nil
	}
	if strings.EqualFold(strings.TrimSpace(s), "tab") {
		return '\t', nil
	}
	return 0, msg.Errorf("the delimiter is one of , ; tab").WithHint("leave it out to read the delimiter from the header")
}

// Misread is a hint for a header whose columns cannot be found, when it
// looks separated by another delimiter than it was read with (a
// semicolon in the one column of "Vorm;Hoeveelheid" read with a comma):
// nil when it does not.
func (c *CSV) Misread() *msg.Message {
	var n [3]int
	for _, h := range c.header {
		for k := range n {
			if Delimiters[k] != c.comma {
				n[k] += strings.Count(h, Delimiters[k:k+1])
			}
		}
	}
	best := 0
	for k := range n {
		if n[k] > n[best] {
			best = k
		}
	}
	if n[best] == 0 {
		return nil
	}
	return msg.New("the header looks separated by %s, not by %s: give --delimiter %s", delimiterWords(Delimiters[best]), delimiterWords(c.comma), delimiterTyped(Delimiters[best]))
}

// delimiterWords names d's kind in a sentence.
func delimiterWords(d byte) *msg.Message {
	switch d {
	case ';':
		return msg.New("semicolons")
	case '\t':
		return msg.New("tabs")
	}
	return msg.New("commas")
}

// delimiterTyped is d as it is typed in a shell.
func delimiterTyped(d byte) string {
	switch d {
	case ';':
		return "';'"
	case '\t':
		return "tab"
	}
	return ","
}

// foldKey is s with each letter replaced by the least of its case
// folding orbit: two names have the same key exactly when
// strings.EqualFold says they are equal, so a map finds a column given
// twice in one pass.
func foldKey(s string) string {
	return strings.Map(func(r rune) rune {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		return least
	}, s)
}

// Line is the first line of the record last read.
func (c *CSV) Line() int { return c.start }

// Column is the index of the header column name, without case and
// surrounding spaces; -1 when there is none.
func Column(header []string, name string) int {
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), name) {
			return i
		}
	}
	return -1
}

// HeaderNames lists a header's columns for a hint: each clipped, the
// first ten only, and how many more there are.
func HeaderNames(header []string) *msg.Message {
	const shown = 10
	names := make([]string, 0, min(len(header), shown))
	for _, h := range header[:min(len(header), shown)] {
		names = append(names, text.Clip(strings.TrimSpace(h)))
	}
	list := strings.Join(names, ", ")
	if len(header) > shown {
		return msg.Plural(float64(len(header)-shown), "%s and %d more column", "%s and %d more columns", list, len(header)-shown)
	}
	return msg.New("%s", list)
}

// The states of the record reader.
const (
	fieldStart = iota // at the start of a field
	unquoted          // in a field without quotes
	quoted            // in a quoted field
	quoteSeen         // just after a quote in a quoted field: its end, or the first of ""
)

// Read returns the next record (its strings are valid until the next
// Read), io.EOF at the end, a *Error for a bad record (the next Read goes
// on after it), or another error that ends the file.
func (c *CSV) Read() ([]string, error) {
	c.buf, c.ends, c.long = c.buf[:0], c.ends[:0], false
	// blank lines between records are skipped
	var b byte
	for {
		var err error
		if b, err = c.next(); err != nil {
			return nil, err // io.EOF at the end
		}
		if b != '\n' {
			break
		}
		c.newline()
	}
	c.start = c.line
	var (
		state    = fieldStart
		size     int    // bytes of the record read so far, but the line break that ends it
		bad      *Error // the record's problem, once found: the rest of its line is skipped
		quoteCol int    // the column of the quote that may end a quoted field
		lastCol  int    // the column after a line break in a quoted field (for an unclosed quote at the end)
		eof      bool
	)
	for first := true; ; first = false {
		if !first {
			var err error
			b, err = c.next()
			switch {
			case err == io.EOF:
				eof = true
			case err != nil:
				return nil, err
			}
		}
		if !eof && (b != '\n' || state == quoted && bad == nil) {
			size++
			switch {
			case size > MaxLine+MaxSkip:
				return nil, msg.Errorf("line %d: a record goes on past %d MiB: not a CSV file of products", c.start, MaxSkip>>20)
			case size > MaxLine && bad == nil && !c.long:
				c.long = true // from here on nothing is kept: the record is an error
				c.buf, c.ends = c.buf[:0], c.ends[:0]
			}
		}
		if bad != nil { // the rest of the line
			if eof || b == '\n' {
				if !eof {
					c.newline()
				}
				return nil, bad
			}
			c.col++
			continue
		}
		switch state {
		case fieldStart:
			switch {
			case eof || b == '\n':
				c.field()
				return c.end(eof)
			case b == '"':
				state = quoted
			case b == c.comma:
				c.field()
			default:
				state = unquoted
				c.add(b)
			}
		case unquoted:
			switch {
			case eof || b == '\n':
				c.field()
				return c.end(eof)
			case b == c.comma:
				c.field()
				state = fieldStart
			case b == '"':
				bad = c.problem(c.line, msg.Errorf("%s (column %d)", msg.New("a quote inside a field that is not quoted"), c.col))
			default:
				c.add(b)
			}
		case quoted:
			switch {
			case eof:
				line, col := c.line, c.col
				if lastCol > 0 { // the quoted field's last line break ended the input
					line, col = c.line-1, lastCol
				}
				return nil, c.problem(line, msg.Errorf("%s (column %d)", msg.New("a quoted field is not closed"), col))
			case b == '"':
				state, quoteCol = quoteSeen, c.col
			case b == '\n':
				c.add(b)
				lastCol = c.col + 1
				c.newline()
				continue
			default:
				c.add(b)
			}
		case quoteSeen:
			switch {
			case eof || b == '\n':
				c.field()
				return c.end(eof)
			case b == '"':
				c.add(b)
				state = quoted
			case b == c.comma:
				c.field()
				state = fieldStart
			default:
				bad = c.problem(c.line, msg.Errorf("%s (column %d)", msg.New("text after a quoted field's closing quote"), quoteCol))
			}
		}
		lastCol = 0
		c.col++
	}
}

// problem is the record's error: m on line, or, once the record is longer
// than MaxLine, that it is.
func (c *CSV) problem(line int, m *msg.Message) *Error {
	if c.long {
		return c.tooLong()
	}
	return &Error{Line: line, Err: m}
}

// end finishes a record at a line break (or the end of the input).
func (c *CSV) end(eof bool) ([]string, error) {
	if !eof {
		c.newline()
	}
	if c.long {
		return nil, c.tooLong()
	}
	s := string(c.buf) // one allocation for the record's fields
	c.rec = c.rec[:0]
	from := 0
	for _, e := range c.ends {
		c.rec = append(c.rec, s[from:e])
		from = e
	}
	if c.width > 0 && len(c.rec) != c.width {
		return nil, &Error{Line: c.start, Err: msg.Plural(float64(len(c.rec)), "%d field where the header has %d", "%d fields where the header has %d", len(c.rec), c.width)}
	}
	return c.rec, nil
}

func (c *CSV) tooLong() *Error {
	return &Error{Line: c.start, Err: msg.Errorf("the record is longer than %d bytes", MaxLine)}
}

// add keeps a byte of a field, unless the record is too long to keep.
func (c *CSV) add(b byte) {
	if !c.long {
		c.buf = append(c.buf, b)
	}
}

// field ends a field.
func (c *CSV) field() {
	if !c.long {
		c.ends = append(c.ends, len(c.buf))
	}
}

func (c *CSV) newline() { c.line, c.col = c.line+1, 1 }

// next is the next byte, with CRLF read as LF and a CR just before the
// end of the input dropped, as encoding/csv reads them.
func (c *CSV) next() (byte, error) {
	b, err := c.r.ReadByte()
	if err != nil || b != '\r' {
		return b, err
	}
	n, err := c.r.ReadByte()
	switch {
	case err == io.EOF:
		return 0, io.EOF
	case err != nil:
		return 0, err
	case n == '\n':
		return '\n', nil
	}
	c.r.UnreadByte()
	return '\r', nil
}
