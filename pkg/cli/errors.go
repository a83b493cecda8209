package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// Exit codes. They are part of mgcalc's interface: scripts rely on them.
const (
	ExitOK        = 0 // success
	ExitError     = 1 // runtime or data error: a file that cannot be read or is broken
	ExitUsage     = 2 // usage error: bad flag, argument, form or amount on the command line
	ExitOverLimit = 3 // total: the supplemental total is above the applicable upper limit
)

// exitCodesHelp is shown in the root --help and the README.
const exitCodesHelp = `Exit status:
  0  success
  1  runtime or data error (a file that cannot be read or is broken)
  2  usage error (bad flag, argument, form name or amount)
  3  total: the supplemental total is above the applicable upper limit`

// codeError attaches an exit code to an error.
type codeError struct {
	code int
	err  error
}

func (e *codeError) Error() string { return e.err.Error() }
func (e *codeError) Unwrap() error { return e.err }

func usageError(err error) error { return &codeError{ExitUsage, err} }
func dataError(err error) error  { return &codeError{ExitError, err} }

// errOverLimit ends a run that printed its report with exit code 3.
var errOverLimit = &codeError{ExitOverLimit, errors.New("over the limit")}

// exitCode classifies err. Anything unclassified came from cobra's own
// parsing (unknown command, bad flag) and is a usage error.
func exitCode(err error) int {
	var ce *codeError
	if errors.As(err, &ce) {
		return ce.code
	}
	return ExitUsage
}

// printError writes "mgcalc: error: …" and an optional "mgcalc: hint: …".
func printError(w io.Writer, p msg.Printer, err error) {
	text := err.Error()
	var m *msg.Message
	hasMsg := errors.As(err, &m)
	if ce, ok := err.(*codeError); ok {
		if inner, ok := ce.err.(*msg.Message); ok {
			text = p.Message(inner)
		}
	}
	var hint string
	if hasMsg && m.Hint != nil {
		hint = p.Message(m.Hint)
	}
	// cobra's "unknown command" carries its suggestions on extra lines.
	if head, tail, ok := strings.Cut(text, "\n\nDid you mean this?\n"); ok {
		text = head
		sugg := strings.Fields(tail)
		if len(sugg) > 0 {
			hint = p.S("did you mean %s?", strings.Join(sugg, " or "))
		}
	}
	if hint == "" && strings.HasPrefix(text, "unknown command") {
		hint = p.S("run 'mgcalc --help' for the commands")
	}
	text = strings.TrimSpace(strings.ReplaceAll(text, "\n", " "))
	fmt.Fprintf(w, "mgcalc: %s %s\n", p.S("error:"), text)
	if hint != "" {
		fmt.Fprintf(w, "mgcalc: %s %s\n", p.S("hint:"), hint)
	}
}
