// Package records reads the files people give mgcalc a record at a time:
// CSV with a header row, in bounded lines, and says where a problem is
// with one located error type (line, field, message). It reads an
// io.Reader only: the CLI opens the files. Stacks (pkg/stack) and streams
// (pkg/batch) both read through it, so a CSV is read, bounded and
// reported one way.
package records

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// MaxLine bounds one input line (or CSV record) in bytes: a longer one is
// an error, never memory.
const MaxLine = 4096

// Error is a problem located in a file: its line, the field (a CSV
// column, a stack file's key) where there is one, and the message. The
// CLI words every Error one way: FILE:LINE: FIELD: MESSAGE.
type Error struct {
	Line  int
	Field string // "" when the problem is the record or the file
	Err   *msg.Message
	// Cause is the domain error behind Err (a *forms.NameError), when
	// there is one, so the caller can add its own hints.
	Cause error
}

func (e *Error) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Err.Error())
	}
	return fmt.Sprintf("line %d: %s: %s", e.Line, e.Field, e.Err.Error())
}

// Unwrap returns the domain error, else the message.
func (e *Error) Unwrap() error {
	if e.Cause != nil {
		return e.Cause
	}
	return e.Err
}

// At locates err on line (field may be ""): a message keeps its hint; a
// domain error is kept as the Cause.
func At(line int, field string, err error) *Error {
	var m *msg.Message
	if !errors.As(err, &m) {
		m = msg.Errorf("%s", err.Error())
	}
	e := &Error{Line: line, Field: field, Err: m}
	if error(m) != err {
		e.Cause = err
	}
	return e
}

// BOM is the UTF-8 byte-order mark a file may start with; it is skipped.
var BOM = []byte("\xef\xbb\xbf")

// OpenCSV starts reading RFC 4180 CSV: a UTF-8 byte-order mark is
// skipped, lines are bounded (MaxLine), and the header row is read (a
// column given twice, without case, is an error). The reader checks that
// every record has as many fields as the header.
func OpenCSV(r io.Reader) (*csv.Reader, []string, error) {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); bytes.Equal(b, BOM) {
		br.Discard(3)
	}
	cr := csv.NewReader(&limitedLines{r: br})
	header, err := cr.Read()
	if err == io.EOF {
		return nil, nil, &Error{Line: 1, Err: msg.Errorf("the file is empty: a header row is needed")}
	}
	if err != nil {
		return nil, nil, CSVError(err, nil, 0)
	}
	for i, h := range header {
		for _, g := range header[:i] {
			if strings.EqualFold(strings.TrimSpace(g), strings.TrimSpace(h)) {
				return nil, nil, &Error{Line: 1, Err: msg.Errorf("column %q is given twice", text.Clip(h))}
			}
		}
	}
	cr.FieldsPerRecord = len(header)
	return cr, slices.Clone(header), nil
}

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

// CSVError turns encoding/csv's errors into an *Error without Go's
// wording ("parse error on line 3, column 5: bare \" in non-quoted
// field"); rec is the record Read returned with err, header the header's
// width. Any other error is returned as it is.
func CSVError(err error, rec []string, header int) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		what := msg.New("not valid CSV")
		switch {
		case errors.Is(pe.Err, csv.ErrFieldCount):
			return &Error{Line: pe.StartLine, Err: msg.Errorf("%d fields where the header has %d", len(rec), header)}
		case errors.Is(pe.Err, csv.ErrBareQuote):
			what = msg.New("a quote inside a field that is not quoted")
		case errors.Is(pe.Err, csv.ErrQuote):
			what = msg.New("a quoted field is not closed")
		case errors.Is(pe.Err, errLineTooLong):
			return &Error{Line: pe.Line, Err: msg.Errorf("a line is longer than %d bytes", MaxLine)}
		}
		return &Error{Line: pe.Line, Err: msg.Errorf("%s (column %d)", what, pe.Column)}
	}
	var tl *tooLong
	if errors.As(err, &tl) {
		return &Error{Line: tl.line, Err: msg.Errorf("a line is longer than %d bytes", MaxLine)}
	}
	return err
}

var errLineTooLong = errors.New("line too long")

// limitedLines fails a read once a line passes MaxLine bytes, so a
// hostile CSV without newlines costs no memory.
type limitedLines struct {
	r     *bufio.Reader
	run   int
	lines int // complete lines read, for the error's line number
}

func (l *limitedLines) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] == '\n' {
			l.run = 0
			l.lines++
		} else if l.run++; l.run > MaxLine {
			return i, &tooLong{line: l.lines + 1}
		}
	}
	return n, err
}

// tooLong is limitedLines's error, with the line it stopped on.
type tooLong struct{ line int }

func (e *tooLong) Error() string { return errLineTooLong.Error() }
func (e *tooLong) Unwrap() error { return errLineTooLong }
