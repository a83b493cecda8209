package cli

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"strconv"

	"golang.org/x/term"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
)

// IO is the one place that decides about the terminal: whether stdout is
// one, how wide it is, whether colour is on, and which language text is
// printed in.
//
// One-shot reports are written into Out, which Main copies to stdout only
// when the command succeeds, so an error never leaves half a report.
// Line-by-line writers (batch) call Stream instead: what they wrote
// before an error stays written, each line complete.
type IO struct {
	In     io.Reader
	Out    *bytes.Buffer
	Stdout io.Writer // raw stdout, for Stream
	ErrOut io.Writer
	Getenv func(string) string

	StdoutTTY bool
	Width     int // columns of the terminal; 0 when not a terminal
	Color     bool
	P         msg.Printer

	stream *bufio.Writer
}

// newIO inspects stdout and the environment (NO_COLOR, CLICOLOR_FORCE,
// TERM, COLUMNS) once. The width comes from the terminal driver (an
// ioctl), never from a query written to the terminal.
func newIO(stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) *IO {
	tty, width := false, 0
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		tty = true
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			width = w
		}
	}
	if c, err := strconv.Atoi(getenv("COLUMNS")); tty && err == nil && c > 0 {
		width = c
	}
	color := tty && getenv("TERM") != "dumb"
	if force := getenv("CLICOLOR_FORCE"); force != "" && force != "0" {
		color = true
	}
	if getenv("NO_COLOR") != "" {
		color = false
	}
	return &IO{In: stdin, Out: &bytes.Buffer{}, Stdout: stdout, ErrOut: stderr, Getenv: getenv,
		StdoutTTY: tty, Width: width, Color: color, P: msg.EN}
}

// Stream returns a buffered writer straight to stdout, for output that
// flows line by line; Main flushes it at the end. After Stream, Out is
// not used.
func (s *IO) Stream() *bufio.Writer {
	if s.stream == nil {
		s.stream = bufio.NewWriter(s.Stdout)
	}
	return s.stream
}

// Term returns the text settings for render.
func (s *IO) Term() *render.Term {
	t := render.NewTerm(s.Out, s.P, s.StdoutTTY, s.Color)
	t.Width = s.Width
	return t
}

// print renders r in the chosen format; a format the report cannot take
// names where a standing setting chose it.
func (root *rootOptions) print(s *IO, r render.Report) error {
	err := s.Print(root.format, r)
	if errors.Is(err, render.ErrNoValue) {
		m := withOrigin(render.ErrNoValue, root.origins, "output")
		if m == render.ErrNoValue {
			return usageError(m)
		}
		m.Hint = msg.Errorf("%s; for this command give -o text or -o json", m.Hint)
		return usageError(m)
	}
	return err
}

// Print renders r in the chosen format into the output buffer. With a
// machine format, the report's cautions go to stderr.
func (s *IO) Print(format render.Format, r render.Report) error {
	if err := render.Write(s.Out, format, r, s.Term()); err != nil {
		return err
	}
	if format != render.Text {
		for _, w := range r.Warnings() {
			s.Warn(w)
		}
	}
	return nil
}

// Warn writes a warning to stderr, in the user's language.
func (s *IO) Warn(m *msg.Message) {
	io.WriteString(s.ErrOut, "mgcalc: "+s.P.S("warning:")+" "+oneLine(s.P.Message(m))+"\n")
}
