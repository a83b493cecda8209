package cli

import (
	"bytes"
	"io"
	"math"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// A stream over a file of known size (stdin redirected from a file, or
// --csv FILE) shows how far it has got: one line on stderr, "120000
// lines, 850000 lines/s, 34 %, about 2 s left", redrawn in place, and
// cleared before anything else is written to stderr and at the end. Only
// when stderr is a terminal and stdout is not: on a terminal the rows
// themselves show the progress, and a line redrawn among them would
// garble them. Otherwise nothing is shown and nothing is counted.

// progressDelay and progressEvery: nothing is shown for a stream that
// ends within progressDelay; then the line is redrawn at most every
// progressEvery.
const (
	progressDelay = 500 * time.Millisecond
	progressEvery = 250 * time.Millisecond
)

// progress is the progress line of one stream.
type progress struct {
	w     io.Writer // stderr
	p     msg.Printer
	now   func() time.Time
	total int64 // the input's size in bytes
	read  int64 // bytes read so far
	lines int   // lines read so far
	start time.Time
	drawn time.Time // when the line was last drawn
	shown bool      // the line is on the screen
}

// newProgress returns the progress line of a stream of total bytes, or
// nil (no line) when stderr is not a terminal or the size is unknown.
func newProgress(w io.Writer, p msg.Printer, now func() time.Time, total int64, tty bool) *progress {
	if !tty || total <= 0 {
		return nil
	}
	return &progress{w: w, p: p, now: now, total: total, start: now()}
}

// streamProgress is the progress line for a stream read from r, shown on
// s's stderr: nil unless r is a regular file (its size known) and stderr,
// not stdout, is a terminal.
func streamProgress(s *IO, r io.Reader) *progress {
	f, ok := r.(*os.File)
	if !ok || s.StdoutTTY {
		return nil
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	size := fi.Size()
	if pos, err := f.Seek(0, io.SeekCurrent); err == nil { // stdin may be part read
		size -= pos
	}
	e, ok := s.ErrOut.(*os.File)
	return newProgress(s.ErrOut, s.P, s.Now, size, ok && term.IsTerminal(int(e.Fd())))
}

// advance counts b, just read, and redraws the line when it is time.
func (g *progress) advance(b []byte) {
	g.read += int64(len(b))
	g.lines += bytes.Count(b, []byte{'\n'})
	t := g.now()
	if t.Sub(g.start) < progressDelay || (g.shown && t.Sub(g.drawn) < progressEvery) {
		return
	}
	g.drawn, g.shown = t, true
	io.WriteString(g.w, "\r"+g.line(t)+"\x1b[K")
}

// line is the progress line at t: the lines read, their rate, the share
// of the input read and the time left at that rate.
func (g *progress) line(t time.Time) string {
	elapsed := t.Sub(g.start).Seconds()
	rate := float64(g.lines) / elapsed
	done := float64(g.read) / float64(g.total)
	left := time.Duration(elapsed * (1 - done) / done * float64(time.Second))
	return g.p.S("%s lines, %s lines/s, %d %%, about %s left",
		g.p.Num(float64(g.lines), 0), g.p.Num(math.Round(rate), 0), int(math.Min(done, 1)*100), g.duration(left))
}

// duration words d, rounded up to the second: 7 s, 2 min 05 s, 1 h 02 min.
func (g *progress) duration(d time.Duration) string {
	s := int64(math.Ceil(max(d.Seconds(), 0)))
	switch {
	case s < 60:
		return g.p.S("%d s", s)
	case s < 3600:
		return g.p.S("%d min %02d s", s/60, s%60)
	}
	return g.p.S("%d h %02d min", s/3600, s%3600/60)
}

// clear takes the line off the screen.
func (g *progress) clear() {
	if g != nil && g.shown {
		io.WriteString(g.w, "\r\x1b[K")
		g.shown = false
	}
}

// progressReader counts what a stream reads for its progress line.
type progressReader struct {
	r io.Reader
	g *progress
}

func (c progressReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.g.advance(b[:n])
	return n, err
}

// progressErr is stderr while a progress line may be on it: the line is
// cleared before anything else is written (a warning, a bad line), and
// drawn again below it at its next turn.
type progressErr struct {
	w io.Writer
	g *progress
}

func (e progressErr) Write(b []byte) (int, error) {
	e.g.clear()
	return e.w.Write(b)
}

// withProgress wraps a stream's input read from r for g, and s's stderr
// so that g is cleared before other writes; the function it returns
// clears g and restores stderr. With g nil it changes nothing.
func withProgress(s *IO, r io.Reader, g *progress) (io.Reader, func()) {
	if g == nil {
		return r, func() {}
	}
	errOut := s.ErrOut
	s.ErrOut = progressErr{errOut, g}
	return progressReader{r, g}, func() {
		g.clear()
		s.ErrOut = errOut
	}
}
