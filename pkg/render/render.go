// Package render prints mgcalc's reports: styled text on a terminal, plain
// text when piped, and JSON, YAML, TSV or a bare value for scripts. It is
// the only package that imports lipgloss, and it never lets lipgloss query
// the terminal: the colour profile and background are set, not detected.
package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"gopkg.in/yaml.v3"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// Format is an output format.
type Format string

// The output formats.
const (
	Text  Format = "text"
	JSON  Format = "json"
	YAML  Format = "yaml"
	TSV   Format = "tsv"
	CSV   Format = "csv"
	JSONL Format = "jsonl"
	Value Format = "value"
	// MD and FHIR are documents only a plan exports (md.go, fhir.go).
	MD   Format = "md"
	FHIR Format = "fhir"
)

// Formats lists the formats in the order --help shows them.
var Formats = []Format{Text, JSON, YAML, TSV, CSV, JSONL, Value, MD, FHIR}

// ParseFormat reads an --output value.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == strings.ToLower(s) {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", msg.Errorf("unknown output format %q", text.Clip(s)).WithHint("use one of: %s", strings.Join(names, ", "))
}

// Report is what a command prints. Its exported fields with json tags are
// the machine schema (JSON and YAML); TSV and Value give the other machine
// formats, and Text the human one.
type Report interface {
	// TSV returns a header row and data rows.
	TSV() [][]string
	// Value returns the report's single number, or false if it has none.
	Value() (string, bool)
	// Text renders the report for people.
	Text(t *Term) string
	// Warnings are the cautions the report carries. Text output prints them
	// itself; with a machine format they go to stderr.
	Warnings() []*msg.Message
}

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
// words (never inside one), and its continuation lines are indented.
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
		cont := strings.Repeat(" ", indent+2)
		for i, part := range wordwrap(body[indent:], t.Width-indent-2) {
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

// wordwrap breaks s at spaces into lines of at most limit columns
// (escape sequences take none); a word longer than limit stands alone.
func wordwrap(s string, limit int) []string {
	var lines []string
	var cur strings.Builder
	width := 0
	for _, w := range strings.Split(s, " ") {
		ww := ansi.StringWidth(w)
		if width > 0 && width+1+ww > limit {
			lines = append(lines, cur.String())
			cur.Reset()
			width = 0
		}
		if width > 0 {
			cur.WriteByte(' ')
			width++
		}
		cur.WriteString(w)
		width += ww
	}
	return append(lines, cur.String())
}

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

// ErrNoValue is returned by Write for -o value on a report without one.
var ErrNoValue = msg.Errorf("-o value is not available here: this output has no single number").
	WithHint("use -o json or -o tsv")

// Write renders r in format f to w.
func Write(w io.Writer, f Format, r Report, t *Term) error {
	var out []byte
	switch f {
	case JSON:
		b, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			return err
		}
		out = append(b, '\n')
	case YAML:
		b, err := ToYAML(r)
		if err != nil {
			return err
		}
		out = b
	case TSV:
		out = []byte(tsv(r.TSV()))
	case CSV:
		var b bytes.Buffer
		cw := csv.NewWriter(&b)
		if err := cw.WriteAll(cells(r.TSV())); err != nil {
			return err
		}
		out = b.Bytes()
	case JSONL:
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		out = append(b, '\n')
	case Value:
		v, ok := r.Value()
		if !ok {
			return ErrNoValue
		}
		out = []byte(v + "\n")
	case MD, FHIR:
		e, ok := r.(Exporter)
		if !ok {
			return exportError(f, r)
		}
		b, err := e.Export(f)
		if err != nil {
			return err
		}
		out = b
	default:
		out = []byte(t.wrap(r.Text(t)))
	}
	_, err := w.Write(out)
	return err
}

// ToYAML renders v as YAML with the same field names and order as its JSON.
func ToYAML(v any) ([]byte, error) {
	j, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var n yaml.Node
	if err := yaml.Unmarshal(j, &n); err != nil {
		return nil, err
	}
	blockStyle(&n)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&n); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// blockStyle turns the flow style JSON decodes into YAML's block style,
// keeping quotes only where YAML needs them.
func blockStyle(n *yaml.Node) {
	n.Style = 0
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && yaml11Special[strings.ToLower(n.Value)] {
		// yaml.v3 writes these plainly (YAML 1.2 reads them as strings),
		// but YAML 1.1 tools would read yes or off as a boolean.
		n.Style = yaml.DoubleQuotedStyle
	}
	for _, c := range n.Content {
		blockStyle(c)
	}
}

// yaml11Special are the plain words a YAML 1.1 reader takes for a boolean
// or null.
var yaml11Special = map[string]bool{"y": true, "yes": true, "n": true, "no": true, "on": true, "off": true,
	"true": true, "false": true, "null": true, "~": true}

func tsv(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(cell(strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(c)))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// cell neutralises a text cell a spreadsheet would run as a formula
// (=, +, -, @ first): it is prefixed with an apostrophe. mgcalc's own
// numbers are never negative, so no number is changed.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// cells applies cell to a row, for CSV.
func cells(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = make([]string, len(r))
		for j, c := range r {
			out[i][j] = cell(c)
		}
	}
	return out
}

// The precisions of every number mgcalc prints. Values are rounded once,
// from the unrounded result, at these.
const (
	MassDec      = 2 // mg in JSON, YAML and TSV
	ValueDec     = 1 // mg in text and -o value
	PercentDec   = 1 // % of a limit or reference in JSON, YAML and TSV
	FractionDec  = 6 // Mg mass fraction
	MolarMassDec = 3 // g/mol
)

// Round rounds x to dec decimals the way FormatFloat prints it (correctly
// rounded from x's exact binary value), for the machine formats.
func Round(x float64, dec int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', dec, 64), 64)
	return r
}

// FormatFloat prints x with dec decimals, machine style (a point, no
// grouping), for TSV and bare values. It rounds once.
func FormatFloat(x float64, dec int) string {
	s := strconv.FormatFloat(x, 'f', dec, 64)
	if strings.HasPrefix(s, "-") && strings.Trim(s, "-0.") == "" {
		s = s[1:] // no "-0.0"
	}
	return s
}

func fmtOpt(p *float64, dec int) string {
	if p == nil {
		return ""
	}
	return FormatFloat(*p, dec)
}

func boolOpt(b *bool) string {
	if b == nil {
		return ""
	}
	return boolStr(*b)
}

func ptr(x float64) *float64 { return &x }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func marshal(v any) ([]byte, error) { return json.Marshal(v) }
