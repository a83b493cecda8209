package cli

import (
	"errors"
	"fmt"
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
  3  total, label: the supplemental total is above the applicable upper limit
  4  plan: refused for safety (kidneys, heart block, a child, a dose above the limit)`)
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
	var ne *forms.NameError
	if errors.As(err, &ne) && ne.Kind == forms.UnknownForm && ne.Msg.Hint == nil {
		ne.Msg.WithHint("run 'mgcalc forms' to list the forms")
	}
	return usageError(err)
}

// printError writes "mgcalc: error: …" and an optional "mgcalc: hint: …",
// each on one line.
func printError(w io.Writer, p msg.Printer, err error) {
	line := err.Error()
	var hint string
	var m *msg.Message
	if errors.As(err, &m) {
		line = p.Message(m)
		if m.Hint != nil {
			hint = p.Message(m.Hint)
		}
	}
	// the prefixes are the same in every language: scripts match them
	fmt.Fprintf(w, "mgcalc: error: %s\n", text.Escape(oneLine(line)))
	if hint != "" {
		fmt.Fprintf(w, "mgcalc: hint: %s\n", text.Escape(oneLine(hint)))
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

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
