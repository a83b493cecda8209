package cli

import (
	"errors"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// Exit codes. They are part of mgcalc's interface: scripts rely on them.
const (
	ExitOK        = 0 // success
	ExitError     = 1 // runtime or data error, and anything not classified
	ExitUsage     = 2 // usage error: bad flag, argument, form or amount on the command line
	ExitOverLimit = 3 // total, label: the supplemental total is above the applicable upper limit
	ExitRefused   = 4 // plan: refused for safety (see a doctor)
)

// exitCodesHelp is shown in the root --help and the README.
func exitCodesHelp(p msg.Printer) string {
	return p.Help("root.exit-status", `Exit status:
  0  success
  1  error: a file that cannot be read or is broken, a label line that
     names magnesium but cannot be read, or an internal error
  2  usage error (bad flag, argument, form name or amount)
  3  total, label: the supplemental total is above the applicable upper limit;
     log, today: the magnesium logged today is above it
  4  plan, plan --show, today: refused for safety (kidneys, heart block, a
     child, a dose above the limit)`)
}

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

// exitCode classifies err. Usage errors are classified where they are
// made; anything else (an unexpected failure) is exit 1, never 2, which
// is also what Go exits with on a panic.
func exitCode(err error) int {
	var ce *codeError
	if errors.As(err, &ce) {
		return ce.code
	}
	return ExitError
}

// formError classifies an error from resolving a form name, adding the
// CLI's own hint where the domain could not name a command.
func formError(err error) error {
	listFormsHint(err)
	return usageError(err)
}

// formsHint is the hint of an unknown form without a suggestion: one
// message for all (a stream may report a million).
var formsHint = msg.New("run 'mgcalc forms' to list the forms")

// listFormsHint gives an unknown form without a suggestion formsHint.
func listFormsHint(err error) {
	if ne, ok := errors.AsType[*forms.NameError](err); ok && ne.Kind == forms.UnknownForm && ne.Msg.Hint == nil {
		ne.Msg.Hint = formsHint
	}
}

// printError writes "mgcalc: error: …" and an optional "mgcalc: hint: …",
// each on one line.
func printError(w io.Writer, p msg.Printer, err error) { printErrorOnce(w, p, err, nil) }

// printErrorOnce is printError that leaves out a hint already given: a
// stream's bad lines share their hints, and a hint a million times over is
// noise. hints holds the hints given (nil: print every hint); it is
// bounded, and once full a new hint is printed each time.
func printErrorOnce(w io.Writer, p msg.Printer, err error, hints map[string]bool) {
	var line, hint string
	if m, ok := errors.AsType[*msg.Message](err); ok {
		line = p.Message(m)
		if m.Hint != nil {
			hint = p.Message(m.Hint)
		}
		switch {
		case hints == nil:
		case hints[hint]:
			hint = ""
		case len(hints) < 64:
			hints[hint] = true
		}
	} else {
		line = err.Error()
	}
	// the prefixes are the same in every language: scripts match them;
	// each line is written whole, in one call when w is not buffered
	io.WriteString(w, "mgcalc: error: "+text.Escape(oneLine(line))+"\n")
	if hint != "" {
		io.WriteString(w, "mgcalc: hint: "+text.Escape(oneLine(hint))+"\n")
	}
}

// oneLine is s on one line, each run of white space one space.
func oneLine(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') || c != ' ' && (c <= ' ' || c >= 0x80) {
			return strings.Join(strings.Fields(s), " ") // (only then: a stream's errors are many)
		}
	}
	return s
}

// prefixed puts a flag or file name before an error, keeping its hint.
func prefixed(prefix string, err error) *msg.Message {
	var m *msg.Message
	if errors.As(err, &m) {
		return withHint(msg.Errorf("%s: %s", prefix, m), err)
	}
	return msg.Errorf("%s: %s", prefix, err.Error())
}

// withHint gives m the hint of the error it wraps, if that has one.
func withHint(m *msg.Message, err error) *msg.Message {
	var inner *msg.Message
	if errors.As(err, &inner) {
		m.Hint = inner.Hint
	}
	return m
}

// nameError refuses a name typed for flag (a goal, a condition, a
// medicine, a word such as sensitive) that has a character no name is
// written with, by the one fold (text.Fold): a Cyrillic letter must not
// vanish and leave another name behind. nil when the name folds.
func nameError(flag, name string) error {
	_, err := text.Fold(name)
	r := msg.NameRefusal(name, err)
	if r == nil {
		return nil
	}
	m := msg.Errorf("%s: %s", flag, r)
	m.Hint = r.Hint
	return usageError(m)
}

// isNameFlag reports whether a flag's values are names or words a person
// types (not files, numbers or output choices): each goes through the one
// fold, and a character it does not read is refused by nameFlagError in
// the same words for every one of them, before any matcher sees it.
func isNameFlag(name string) bool {
	switch name {
	case "sex", "authority", "unit", "gut", "kidney", "goal", "condition", "meds", "med", "unit-name":
		return true
	}
	return false
}

// nameFlagError refuses a name flag given on the command line whose value
// has a character the fold does not read (nameError). Values from the
// config file or the environment are refused by the matchers' own
// msg.NameRefusal, naming where they came from.
func nameFlagError(cmd *cobra.Command) error {
	var err error
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if err != nil || !isNameFlag(f.Name) {
			return
		}
		values := []string{f.Value.String()}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			values = sv.GetSlice()
		}
		for _, v := range values {
			if err = nameError("--"+f.Name, v); err != nil {
				return
			}
		}
	})
	return err
}
