package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// testClock is a clock the test moves.
type testClock struct{ t time.Time }

func (c *testClock) now() time.Time       { return c.t }
func (c *testClock) move(d time.Duration) { c.t = c.t.Add(d) }
func lines(n int, line string) []byte     { return bytes.Repeat([]byte(line), n) }
func drawn(s string) string               { return "\r" + s + "\x1b[K" }
func progressAt(p msg.Printer) (*progress, *testClock, *bytes.Buffer) {
	c := &testClock{time.Date(2026, 12, 7, 5, 0, 0, 0, time.UTC)}
	var w bytes.Buffer
	return newProgress(&w, p, c.now, 40_000, true), c, &w
}

// The progress line: lines read, their rate, the share of the file read
// and the time left at that rate; nothing before progressDelay, redrawn
// at most every progressEvery, cleared at the end.
func TestProgressLine(t *testing.T) {
	g, c, w := progressAt(msg.EN)
	g.advance(lines(100, "citrate 5\n")) // 1000 of 40,000 bytes
	c.move(400 * time.Millisecond)
	g.advance(lines(900, "citrate 5\n"))
	if w.Len() != 0 {
		t.Fatalf("shown before %v: %q", progressDelay, w)
	}
	c.move(600 * time.Millisecond) // 1 s: 1000 lines, a quarter of the file
	g.advance(nil)
	want := drawn("1000 lines, 1000 lines/s, 25 %, about 3 s left")
	if w.String() != want {
		t.Fatalf("at 1 s: %q; want %q", w, want)
	}
	c.move(100 * time.Millisecond)
	g.advance(lines(1000, "citrate 5\n"))
	if w.String() != want {
		t.Fatalf("redrawn within %v: %q", progressEvery, w)
	}
	c.move(400 * time.Millisecond) // 1.5 s: 2000 lines, half
	g.advance(nil)
	want += drawn("2000 lines, 1333 lines/s, 50 %, about 2 s left") // 1.5 s left, rounded up
	if w.String() != want {
		t.Fatalf("at 1.5 s: %q; want %q", w, want)
	}
	g.clear()
	g.clear() // once
	if want += "\r\x1b[K"; w.String() != want {
		t.Fatalf("cleared: %q; want %q", w, want)
	}
}

// In Dutch, with a point between thousands, and long times in minutes
// and hours.
func TestProgressLineDutch(t *testing.T) {
	nl, ok := msg.NewPrinter(msg.Dutch)
	if !ok {
		t.Fatal("no Dutch printer")
	}
	g, c, _ := progressAt(nl)
	g.advance(lines(12_000, "\n")) // 12,000 of 40,000 bytes
	c.move(54 * time.Second)
	if got, want := g.line(c.now()), "12.000 regels, 222 regels/s, 30 %, nog ongeveer 2 min 06 s"; got != want {
		t.Errorf("Dutch: %q; want %q", got, want)
	}
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{{0, "0 s"}, {300 * time.Millisecond, "1 s"}, {59 * time.Second, "59 s"}, {125 * time.Second, "2 min 05 s"}, {3720 * time.Second, "1 u 02 min"}} {
		if got := g.duration(tc.d); got != tc.want {
			t.Errorf("duration(%v) = %q; want %q", tc.d, got, tc.want)
		}
	}
	if got := (&progress{p: msg.EN}).duration(3720 * time.Second); got != "1 h 02 min" {
		t.Errorf("English hours: %q", got)
	}
}

// Nothing is shown (nor counted) when stderr is not a terminal or the
// size is unknown.
func TestNoProgressOffTerminal(t *testing.T) {
	var w bytes.Buffer
	c := &testClock{}
	for _, g := range []*progress{newProgress(&w, msg.EN, c.now, 40_000, false), newProgress(&w, msg.EN, c.now, 0, true)} {
		if g != nil {
			t.Fatalf("a progress line: %+v", g)
		}
	}
	s := &IO{ErrOut: &w}
	r := strings.NewReader("citrate 500\n")
	if in, done := withProgress(s, r, nil); in != io.Reader(r) || s.ErrOut != io.Writer(&w) {
		t.Error("withProgress(nil) wrapped the stream")
	} else {
		done()
	}
	// a file, stderr not a terminal: not even a progress line to clear
	path := filepath.Join(t.TempDir(), "in.txt")
	writeFile(t, path, "citrate 500\n")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if g := streamProgress(&IO{ErrOut: &w, Now: c.now}, f); g != nil {
		t.Errorf("a progress line on a buffer: %+v", g)
	}
}

// A warning or a bad line written while the line is shown goes on a line
// of its own: the progress line is cleared first.
func TestProgressClearedForStderr(t *testing.T) {
	g, c, w := progressAt(msg.EN)
	s := &IO{ErrOut: w}
	in, done := withProgress(s, strings.NewReader(strings.Repeat("citrate 5\n", 4000)), g)
	c.move(time.Second)
	if _, err := in.Read(make([]byte, 10_000)); err != nil {
		t.Fatal(err)
	}
	io.WriteString(s.ErrOut, "mgcalc: warning: x\n")
	done()
	want := drawn("1000 lines, 1000 lines/s, 25 %, about 3 s left") + "\r\x1b[K" + "mgcalc: warning: x\n"
	if w.String() != want {
		t.Errorf("stderr %q; want %q", w, want)
	}
	if s.ErrOut != io.Writer(w) {
		t.Error("stderr not restored")
	}
}
