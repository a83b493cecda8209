package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strings"

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
	// MD, FHIR and ICS are documents a plan exports (md.go, fhir.go,
	// ics.go); the journal exports MD and FHIR too (journal_export.go).
	MD   Format = "md"
	FHIR Format = "fhir"
	ICS  Format = "ics"
)

// Formats lists every format, in the order --help shows them.
var Formats = []Format{Text, JSON, YAML, TSV, CSV, JSONL, Value, MD, FHIR, ICS}

// The formats each report takes (kubectl's allowed formats): a command
// declares its report's, and its -o help, completion and the error for
// any other format all come from that one list.
var (
	// ListFormats are a report's without a single number (forms, plan
	// goals, config show).
	ListFormats = []Format{Text, JSON, YAML, TSV, CSV, JSONL}
	// ValueFormats add -o value, the report's one number.
	ValueFormats = []Format{Text, JSON, YAML, TSV, CSV, JSONL, Value}
	// PlanFormats add the plan's exports: a Markdown page, a FHIR bundle
	// and the calendar.
	PlanFormats = []Format{Text, JSON, YAML, TSV, CSV, JSONL, Value, MD, FHIR, ICS}
	// JournalFormats add the journal's exports: a Markdown page for a
	// doctor and FHIR MedicationStatements.
	JournalFormats = []Format{Text, JSON, YAML, TSV, CSV, JSONL, Value, MD, FHIR}
	// RowFormats are a stream's (elemental -, check --csv): a row a line;
	// json is JSON Lines there.
	RowFormats = []Format{Text, TSV, CSV, JSONL, JSON}
)

// ParseFormat reads an --output value, one of allowed (nil: any format).
func ParseFormat(s string, allowed []Format) (Format, error) {
	if allowed == nil {
		allowed = Formats
	}
	for _, f := range Formats {
		if string(f) == strings.ToLower(strings.TrimSpace(s)) {
			return f, nil
		}
	}
	return "", msg.Errorf("unknown output format %q", text.Clip(s)).WithHint("use one of: %s", FormatNames(allowed))
}

// FormatNames lists formats for a message or --help: "text, json, yaml".
func FormatNames(fs []Format) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// FormatError is -o f where what is printed does not take it.
type FormatError struct {
	Format  Format
	Allowed []Format
}

func (e *FormatError) Error() string { return e.Message(msg.New("this report")).Error() }

// Message words the error for what (a command, "a stream of rows"),
// naming the formats it does take.
func (e *FormatError) Message(what *msg.Message) *msg.Message {
	return msg.Errorf("-o %s is not available for %s", string(e.Format), what).
		WithHint("use one of: %s", FormatNames(e.Allowed))
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
	// Formats are the formats the report takes (one of the lists above).
	Formats() []Format
}

// ErrNoValue is returned by Write for -o value on a report that takes
// it but has no number this time (a plan for medical supervision).
var ErrNoValue = msg.Errorf("-o value is not available here: this output has no single number").
	WithHint("use -o json or -o tsv")

// Write renders r in format f to w; a format r does not take is a
// *FormatError.
func Write(w io.Writer, f Format, r Report, t *Term) error {
	if !slices.Contains(r.Formats(), f) {
		return &FormatError{f, r.Formats()}
	}
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
	case MD, FHIR, ICS:
		e, ok := r.(Exporter)
		if !ok {
			return &FormatError{f, r.Formats()}
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
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && yaml11Special(strings.ToLower(n.Value)) {
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
func yaml11Special(w string) bool {
	switch w {
	case "y", "yes", "n", "no", "on", "off", "true", "false", "null", "~":
		return true
	}
	return false
}

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
