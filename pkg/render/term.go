package render

import (
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// Term is how text output should look: the language, whether stdout is a
// terminal (tables get borders) and whether colour is on.
type Term struct {
	P      msg.Printer
	Styled bool // stdout is a terminal
	Color  bool
	// Width is the terminal's width in columns: text output on a terminal
	// is wrapped to it (0: no wrapping). Piped output is never wrapped.
	Width int

	r *lipgloss.Renderer
}

// NewTerm prepares text output for w. Nothing here, or later, asks the
// terminal anything.
func NewTerm(w io.Writer, p msg.Printer, styled, color bool) *Term {
	t := &Term{P: p, Styled: styled, Color: color}
	if styled || color {
		t.r = lipgloss.NewRenderer(w)
		if color {
			t.r.SetColorProfile(termenv.ANSI256)
		} else {
			t.r.SetColorProfile(termenv.Ascii)
		}
		t.r.SetHasDarkBackground(true)
	}
	return t
}

// Fixed colours: readable on dark and light backgrounds alike.
const (
	colAccent = lipgloss.Color("33")  // blue
	colGood   = lipgloss.Color("34")  // green
	colWarn   = lipgloss.Color("172") // orange
	colBad    = lipgloss.Color("160") // red
	colDim    = lipgloss.Color("244") // grey
)

func (t *Term) paint(s string, c lipgloss.Color, bold bool) string {
	if !t.Color || t.r == nil {
		return s
	}
	st := t.r.NewStyle().Foreground(c)
	if bold {
		st = st.Bold(true)
	}
	return st.Render(s)
}

// Num emphasises a number.
func (t *Term) Num(s string) string { return t.paint(s, colAccent, true) }

// Good marks a good verdict.
func (t *Term) Good(s string) string { return t.paint(s, colGood, true) }

// Warn marks a caution.
func (t *Term) Warn(s string) string { return t.paint(s, colWarn, false) }

// Bad marks a verdict that needs attention.
func (t *Term) Bad(s string) string { return t.paint(s, colBad, true) }

// Dim de-emphasises notes.
func (t *Term) Dim(s string) string { return t.paint(s, colDim, false) }

// Label prints a "note:" / "warning:" prefixed line.
func (t *Term) Label(kind string, m *msg.Message) string {
	line := t.P.S(kind+":") + " " + t.P.Message(m)
	if kind == "warning" {
		return t.Warn(line)
	}
	return t.Dim(line)
}

// Table renders rows under a header: bordered on a terminal, aligned
// columns without any box drawing when piped. right marks right-aligned
// columns.
func (t *Term) Table(header []string, rows [][]string, right map[int]bool) string {
	if t.Styled {
		out := t.boxed(header, rows, right)
		// A table wider than the terminal loses its borders rather than
		// cutting words inside cells.
		if first, _, _ := strings.Cut(out, "\n"); t.Width == 0 || ansi.StringWidth(first) <= t.Width {
			return out
		}
	}
	return Columns(append([][]string{header}, rows...), right)
}

// boxed draws rows under a header with rounded borders, one space of
// padding in each cell. It is drawn here rather than by lipgloss's table,
// whose layout costs a few milliseconds a table: too much for a call in
// a loop.
func (t *Term) boxed(header []string, rows [][]string, right map[int]bool) string {
	n := len(header)
	widths := make([]int, n)
	for _, r := range append([][]string{header}, rows...) {
		for i := 0; i < n && i < len(r); i++ {
			widths[i] = max(widths[i], ansi.StringWidth(r[i]))
		}
	}
	var b strings.Builder
	rule := func(left, mid, rightEdge string) {
		var line strings.Builder
		line.WriteString(left)
		for i, w := range widths {
			if i > 0 {
				line.WriteString(mid)
			}
			line.WriteString(strings.Repeat("─", w+2))
		}
		line.WriteString(rightEdge)
		b.WriteString(t.Dim(line.String()) + "\n")
	}
	bar := t.Dim("│")
	row := func(cells []string, head bool) {
		b.WriteString(bar)
		for i, w := range widths {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			pad := strings.Repeat(" ", w-ansi.StringWidth(c))
			if head {
				c = t.paint(c, colAccent, true)
			}
			if right[i] && !head {
				b.WriteString(" " + pad + c + " ")
			} else {
				b.WriteString(" " + c + pad + " ")
			}
			b.WriteString(bar)
		}
		b.WriteString("\n")
	}
	rule("╭", "┬", "╮")
	row(header, true)
	rule("├", "┼", "┤")
	for _, r := range rows {
		row(r, false)
	}
	rule("╰", "┴", "╯")
	return b.String()
}

// wrap fits text to the terminal's width: a longer line breaks between
// words (never inside one, nor between a number and its unit), and its
// continuation lines hang: under the text after a label ("warning: ",
// "advice: "), under the last column of an aligned row, or else two
// columns in.
func (t *Term) wrap(s string) string {
	if !t.Styled || t.Width < 20 {
		return s
	}
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for _, line := range lines {
		body := strings.TrimSuffix(line, "\n")
		if ansi.StringWidth(body) <= t.Width {
			b.WriteString(line)
			continue
		}
		indent := len(body) - len(strings.TrimLeft(body, " "))
		hang := hangAt(ansi.Strip(body), indent, t.Width)
		cont := strings.Repeat(" ", hang)
		for i, part := range wordwrap(body[indent:], t.Width-indent, t.Width-hang) {
			if i > 0 {
				b.WriteString("\n" + cont + part)
			} else {
				b.WriteString(body[:indent] + part)
			}
		}
		if strings.HasSuffix(line, "\n") {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// minHang is the fewest columns a hanging continuation keeps for its
// words; a deeper hang falls back to two columns in.
const minHang = 32

// hangAt is where the continuation lines of plain (the line without
// escape sequences, indented by indent) start.
func hangAt(plain string, indent, width int) int {
	rest := plain[indent:]
	at := indent + 2
	// a label: a word or two and a colon, as "warning: " or "advice: "
	if i := strings.Index(rest, ": "); i > 0 && i <= 24 && isLabel(rest[:i]) {
		at = indent + utf8.RuneCountInString(rest[:i+2])
	} else {
		// an aligned row: under the last of its columns that leaves
		// minHang columns for the words
		for i := 0; i < len(rest); {
			k := strings.Index(rest[i:], "  ")
			if k < 0 {
				break
			}
			j := i + k
			for j < len(rest) && rest[j] == ' ' {
				j++
			}
			if c := indent + utf8.RuneCountInString(rest[:j]); width-c >= minHang {
				at = c
			}
			i = j
		}
	}
	if width-at < minHang {
		return indent + 2
	}
	return at
}

func isLabel(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != ' ' && r != '-' {
			return false
		}
	}
	return true
}

// wordwrap breaks s at spaces into a first line of at most first columns
// and further lines of at most rest (escape sequences take none); a word
// longer than its line stands alone. A number and the unit after it
// ("350 mg/day", "95 %-BI", "15.54 % Mg") stay on one line, as do a day
// and its month ("2 January", "(3 november") and a list of sources and
// the word before it.
func wordwrap(s string, first, rest int) []string {
	var lines []string
	var cur strings.Builder
	width, limit := 0, first
	words := strings.Split(s, " ")
	for i := 0; i < len(words); i++ {
		w := words[i]
		for i+1 < len(words) && (endsInDigit(w) && (isUnit(ansi.Strip(words[i+1])) || isMonth(ansi.Strip(words[i+1]))) ||
			strings.HasSuffix(w, " %") && strings.HasPrefix(words[i+1], "Mg") || startsCite(words[i+1])) {
			i++
			w += " " + words[i]
		}
		ww := ansi.StringWidth(w)
		if width > 0 && width+1+ww > limit {
			lines = append(lines, strings.TrimRight(cur.String(), " "))
			cur.Reset()
			width, limit = 0, rest
			if w == "" {
				continue // alignment padding at a break
			}
		}
		if width > 0 || cur.Len() > 0 {
			cur.WriteByte(' ')
			width++
		}
		cur.WriteString(w)
		width += ww
	}
	return append(lines, strings.TrimRight(cur.String(), " "))
}

// startsCite reports whether w opens a list of sources ("[iom-1997,"),
// which goes with the words it backs rather than stand on a line alone.
func startsCite(w string) bool { return strings.HasPrefix(ansi.Strip(w), "[") }

func endsInDigit(w string) bool {
	w = ansi.Strip(w)
	return w != "" && w[len(w)-1] >= '0' && w[len(w)-1] <= '9'
}

// isUnit reports whether w begins with a unit that a number before it
// belongs to.
func isUnit(w string) bool {
	if strings.HasPrefix(w, "%") {
		return true
	}
	for _, u := range []string{"mg", "g", "mcg", "µg", "kg", "mmol", "mEq", "meq", "h", "ml", "mL"} {
		if strings.HasPrefix(w, u) {
			r, _ := utf8.DecodeRuneInString(w[len(u):])
			if len(w) == len(u) || !unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// isMonth reports whether w is a month's name, as a date is printed in
// any language mgcalc prints (sourceDate: "2 January 2026", "2 januari
// 2026"), with any punctuation after it ("mei,", "June)").
func isMonth(w string) bool {
	w = strings.TrimRight(w, ".,;:)]")
	return w != "" && monthNames()[w]
}

// monthNames are the months' names in every language mgcalc prints.
var monthNames = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{}
	for _, lang := range msg.Langs() {
		p, _ := msg.NewPrinter(lang)
		for _, m := range monthWords {
			names[p.Message(m)] = true
		}
	}
	return names
})

// Columns aligns rows into space-separated columns, two spaces apart.
func Columns(rows [][]string, right map[int]bool) string {
	widths := []int{}
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		var line strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i > 0 {
				line.WriteString("  ")
			}
			if right[i] {
				line.WriteString(pad + c)
			} else if i < len(r)-1 {
				line.WriteString(c + pad)
			} else {
				line.WriteString(c)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	return b.String()
}
