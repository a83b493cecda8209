// Package records reads the files people give mgcalc a record at a time:
// CSV with a header row, in bounded lines, and says where a problem is
// with one located error type (line, field, message). It reads an
// io.Reader only: the CLI opens the files. Stacks (pkg/stack) and streams
// (pkg/batch) both read through it, so a CSV is read, bounded and
// reported one way.
package records

import (
	"errors"
	"fmt"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// MaxLine bounds one input line, or one CSV record however it is quoted,
// in bytes (the line break that ends it aside): a longer one is an error,
// never memory.
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
	m, ok := errors.AsType[*msg.Message](err)
	if !ok {
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
