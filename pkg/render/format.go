package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
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
