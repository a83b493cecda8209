package batch

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// upper is a RowConverter that counts the rows it converts.
type upper struct{ n int }

func (u *upper) Convert(r Row) (string, error) {
	u.n++
	if r.Form == "bad" {
		return "", &LineError{Line: r.Line, Err: msg.Errorf("bad")}
	}
	return strings.ToUpper(r.Form) + " " + r.Amount, nil
}

// tailRows writes "LINE\tTAIL\n" and is a Rewriter; plainRows writes the
// same and is not.
type plainRows struct{ b strings.Builder }

func (p *plainRows) Write(r Row, v string) error {
	fmt.Fprintf(&p.b, "%d\t%s\n", r.Line, v)
	return nil
}
func (p *plainRows) Flush() error { return nil }

type tailRows struct {
	plainRows
	tail []byte
}

func (t *tailRows) Write(r Row, v string) error {
	t.tail = append(t.tail[:0], v...)
	return t.WriteTail(r.Line, t.tail)
}
func (t *tailRows) Tail() []byte { return t.tail }
func (t *tailRows) WriteTail(line int, tail []byte) error {
	fmt.Fprintf(&t.b, "%d\t%s\n", line, tail)
	return nil
}

// runLines runs lines through the engine into a Rewriter and returns its
// output and how many rows were converted.
func runLines(t *testing.T, lines []string) (string, int) {
	t.Helper()
	c, w := &upper{}, &tailRows{}
	in := Lines(strings.NewReader(strings.Join(lines, "\n") + "\n"))
	if _, _, err := Run[string](in, c, w, func(*LineError) bool { return true }, nil); err != nil {
		t.Fatal(err)
	}
	return w.b.String(), c.n
}

// want is the output written row by row: line i is "i\tFORM AMOUNT".
func want(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		form, amount, _ := strings.Cut(l, " ")
		if form == "bad" {
			continue
		}
		fmt.Fprintf(&b, "%d\t%s %s\n", i+1, strings.ToUpper(form), amount)
	}
	return b.String()
}

func distinct(prefix string, n int) []string {
	l := make([]string, n)
	for i := range l {
		l[i] = prefix + " " + strconv.Itoa(i)
	}
	return l
}

// A line that repeats one written before is written again with its own
// line number and not converted again; a bad line is never remembered.
func TestMemoConvertsEachLineOnce(t *testing.T) {
	var lines []string
	for i := range 10_000 {
		lines = append(lines, []string{"citrate 500", "oxide 400", "bad 1", "malate 1250"}[i%4])
	}
	got, converted := runLines(t, lines)
	if got != want(lines) {
		t.Fatalf("output differs from the rows written one by one:\n%.300s", got)
	}
	if converted != 3+2500 { // three good lines once; every bad line
		t.Errorf("converted %d rows; want 2503", converted)
	}
}

// Where rows rarely repeat, the memo stands aside: once full, a window
// of lines with few hits switches it off for memoRest lines, during which
// even lines it holds are converted; then it looks them up again.
func TestMemoSwitchesOffOnUniqueInput(t *testing.T) {
	held := distinct("held", maxMemoRows) // fills the memo
	lines := append([]string(nil), held...)
	lines = append(lines, distinct("unique", memoWindow)...) // a window with no hits
	for i := range memoRest {                                // the rest: converted though held
		lines = append(lines, held[i%len(held)])
	}
	for i := range 1000 { // on again: held lines are hits
		lines = append(lines, held[i%len(held)])
	}
	got, converted := runLines(t, lines)
	if got != want(lines) {
		t.Fatal("output differs from the rows written one by one")
	}
	if w := maxMemoRows + memoWindow + memoRest; converted != w {
		t.Errorf("converted %d rows; want %d (the memo off for the %d lines after a window without hits, on again after)", converted, w, memoRest)
	}
	// the same lines repeated with the memo on: a window of hits keeps it on
	lines = append(append([]string(nil), held...), lines[len(held)+memoWindow:]...)
	if _, converted := runLines(t, lines); converted != maxMemoRows {
		t.Errorf("converted %d rows of held lines; want %d", converted, maxMemoRows)
	}
}

// A RowWriter that cannot write a row again gets every row converted.
func TestNoMemoWithoutRewriter(t *testing.T) {
	lines := []string{"citrate 500", "citrate 500", "oxide 1"}
	c, w := &upper{}, &plainRows{}
	if _, _, err := Run[string](Lines(strings.NewReader(strings.Join(lines, "\n"))), c, w, nil, nil); err != nil {
		t.Fatal(err)
	}
	if w.b.String() != want(lines) || c.n != 3 {
		t.Errorf("got %q after %d conversions", w.b.String(), c.n)
	}
}
