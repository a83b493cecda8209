package cli

import (
	"bytes"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
)

// IO is the one place that decides about the terminal: whether stdout is
// one, whether colour is on, and which language text is printed in.
// Commands write their output into Out, which Main copies to stdout only
// when the command succeeds, so an error never leaves half a report.
type IO struct {
	In     io.Reader
	Out    *bytes.Buffer
	ErrOut io.Writer
	Getenv func(string) string

	StdoutTTY bool
	Color     bool
	P         msg.Printer
}

// newIO inspects stdout and the environment (NO_COLOR, CLICOLOR_FORCE,
// TERM) once.
func newIO(stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) *IO {
	tty := false
	if f, ok := stdout.(*os.File); ok {
		tty = term.IsTerminal(int(f.Fd()))
	}
	color := tty && getenv("TERM") != "dumb"
	if force := getenv("CLICOLOR_FORCE"); force != "" && force != "0" {
		color = true
	}
	if getenv("NO_COLOR") != "" {
		color = false
	}
	return &IO{In: stdin, Out: &bytes.Buffer{}, ErrOut: stderr, Getenv: getenv,
		StdoutTTY: tty, Color: color, P: msg.EN}
}

// Term returns the text settings for render.
func (s *IO) Term() *render.Term {
	return render.NewTerm(s.Out, s.P, s.StdoutTTY, s.Color)
}

// Print renders r in the chosen format into the output buffer.
func (s *IO) Print(format render.Format, r render.Report) error {
	if err := render.Write(s.Out, format, r, s.Term()); err != nil {
		if err == render.ErrNoValue {
			return usageError(err)
		}
		return err
	}
	if format != render.Text {
		for _, w := range r.Warnings() {
			s.Warnf(w)
		}
	}
	return nil
}

// Warnf writes a message to stderr, in the user's language.
func (s *IO) Warnf(m *msg.Message) {
	io.WriteString(s.ErrOut, "mgcalc: "+s.P.S("warning:")+" "+s.P.Message(m)+"\n")
}
