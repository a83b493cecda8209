package cli

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
	"github.com/mgcalc/mgcalc/pkg/text"
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
	// Now is the clock: the journal's commands and plan --start today
	// read it; MainAt sets another one (tests).
	Now func() time.Time

	StdoutTTY bool
	Width     int // columns of the terminal; 0 when not a terminal
	Color     bool
	P         msg.Printer

	stream *bufio.Writer
	// args are the command line, when known: lazyCmd builds a command in
	// full only when the line may need it
	args   []string
	config *configFile // read before the tree was built
	// environ lists the environment (os.Environ), where it can be
	// listed: the settings index builds the commands lazyCmd left out only
	// for an MGCALC_* variable it does not know. nil: always.
	environ func() []string
}

// newIO inspects stdout and the environment (TERM, COLUMNS) once. The
// width comes from the terminal driver (an ioctl), never from a query
// written to the terminal. Colour stays off until decideColor, which the
// root command calls once --color, MGCALC_COLOR and the config file are
// known.
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
	return &IO{In: stdin, Out: &bytes.Buffer{}, Stdout: stdout, ErrOut: stderr, Getenv: getenv, Now: time.Now,
		StdoutTTY: tty, Width: width, P: msg.EN}
}

// The --color modes.
const (
	colorAuto   = "auto"
	colorAlways = "always"
	colorNever  = "never"
)

// colorValue is the --color flag: auto, always or never, checked when set
// (from the command line, MGCALC_COLOR or the config file alike).
type colorValue struct{ p *string }

func (v colorValue) String() string { return *v.p }
func (v colorValue) Type() string   { return "when" }
func (v colorValue) Set(s string) error {
	switch m := strings.ToLower(strings.TrimSpace(s)); m {
	case colorAuto, colorAlways, colorNever:
		*v.p = m
		return nil
	}
	return msg.Errorf("must be auto, always or never")
}

// decideColor turns colour on or off for text output. always and never
// override the environment; auto colours a terminal unless NO_COLOR is
// set (non-empty), CLICOLOR=0 or TERM=dumb, and CLICOLOR_FORCE (set, not
// 0) colours even when piped (NO_COLOR still wins). Machine formats never
// get colour, whatever the mode.
func (s *IO) decideColor(mode string, text bool) {
	switch {
	case !text || mode == colorNever:
		s.Color = false
	case mode == colorAlways:
		s.Color = true
	case s.Getenv("NO_COLOR") != "":
		s.Color = false
	case s.Getenv("CLICOLOR_FORCE") != "" && s.Getenv("CLICOLOR_FORCE") != "0":
		s.Color = true
	default:
		s.Color = s.StdoutTTY && s.Getenv("CLICOLOR") != "0" && s.Getenv("TERM") != "dumb"
	}
}

// Stream returns a buffered writer straight to stdout, for output that
// flows line by line; Main flushes it at the end. After Stream, Out is
// not used. Its buffer is streamBuffer: a batch row is about 60 bytes, and
// bufio's default 4 KiB made a write(2) every 70 rows; a stream read from
// a pipe or terminal is flushed whenever its input has nothing buffered,
// so interactive use still sees each row as its line arrives.
func (s *IO) Stream() *bufio.Writer {
	if s.stream == nil {
		s.stream = bufio.NewWriterSize(s.Stdout, streamBuffer)
	}
	return s.stream
}

// streamBuffer is the size of Stream's buffer.
const streamBuffer = 64 << 10

// Term returns the text settings for render.
func (s *IO) Term() *render.Term {
	t := render.NewTerm(s.Out, s.P, s.StdoutTTY, s.Color)
	t.Width = s.Width
	return t
}

// print renders r in the chosen format; a format the report cannot take
// names the command, and where a standing setting chose it.
func (root *rootOptions) print(s *IO, r render.Report) error {
	err := s.Print(root.format, r)
	if fe := (*render.FormatError)(nil); errors.As(err, &fe) {
		return formatError(fe, msg.New("%s", root.path), root.config)
	}
	if errors.Is(err, render.ErrNoValue) {
		m := withOrigin(render.ErrNoValue, root.config, "output")
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
	io.WriteString(s.ErrOut, "mgcalc: warning: "+text.Escape(oneLine(s.P.Message(m)))+"\n")
}
