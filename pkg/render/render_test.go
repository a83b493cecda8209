package render

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/msg"
)

func sampleList() FormList {
	return FormList{
		{Form: "citrate", Variant: "anhydrous", Default: true, Formula: "Mg3(C6H5O7)2", MolarMass: 451.113, Fraction: 0.161634, Tolerance: "laxative",
			v: &forms.Variant{MolarMass: 451.113, Fraction: 0.161634}},
		{Form: "citrate", Variant: "nonahydrate", Formula: "Mg3(C6H5O7)2·9H2O", MolarMass: 613.248, Fraction: 0.1189, Tolerance: "laxative",
			v: &forms.Variant{MolarMass: 613.248, Fraction: 0.1189}},
	}
}

// On a terminal the table has borders and colour; piped it has neither.
func TestTextStyledAndPlain(t *testing.T) {
	var tty, piped, ttyNoColor bytes.Buffer
	if err := Write(&tty, Text, sampleList(), NewTerm(&tty, msg.EN, true, true)); err != nil {
		t.Fatal(err)
	}
	if err := Write(&piped, Text, sampleList(), NewTerm(&piped, msg.EN, false, false)); err != nil {
		t.Fatal(err)
	}
	if err := Write(&ttyNoColor, Text, sampleList(), NewTerm(&ttyNoColor, msg.EN, true, false)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tty.String(), "╭") || !strings.Contains(tty.String(), "\x1b[") {
		t.Errorf("terminal output lacks borders or colour:\n%s", tty.String())
	}
	if strings.ContainsAny(piped.String(), "╭│─\x1b") {
		t.Errorf("piped output has box drawing or escapes:\n%s", piped.String())
	}
	if !strings.Contains(piped.String(), "citrate  anhydrous *  Mg3(C6H5O7)2       451.11  16.16  laxative") {
		t.Errorf("piped output not aligned:\n%s", piped.String())
	}
	if strings.Contains(ttyNoColor.String(), "\x1b") || !strings.Contains(ttyNoColor.String(), "╭") {
		t.Errorf("NO_COLOR terminal output should keep borders, lose escapes:\n%s", ttyNoColor.String())
	}
}

func TestMachineFormats(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, TSV, sampleList(), nil); err != nil {
		t.Fatal(err)
	}
	want := "form\tvariant\tdefault\tformula\tmolar_mass\tfraction\ttolerance\n" +
		"citrate\tanhydrous\ttrue\tMg3(C6H5O7)2\t451.113\t0.161634\tlaxative\n" +
		"citrate\tnonahydrate\tfalse\tMg3(C6H5O7)2·9H2O\t613.248\t0.118900\tlaxative\n"
	if b.String() != want {
		t.Errorf("TSV =\n%q\nwant\n%q", b.String(), want)
	}
	b.Reset()
	var fe *FormatError
	if err := Write(&b, Value, sampleList(), nil); !errors.As(err, &fe) || b.Len() != 0 {
		t.Errorf("value of a list: %v", err)
	}
	y, err := ToYAML(map[string]any{"yes": "true", "n": 1.5, "s": "1.5"})
	if err != nil {
		t.Fatal(err)
	}
	// Strings that look like other types stay strings.
	// Words YAML 1.1 reads as booleans are quoted, keys included.
	if !strings.Contains(string(y), `s: "1.5"`) || !strings.Contains(string(y), `"yes": "true"`) || !strings.Contains(string(y), `"n": 1.5`) {
		t.Errorf("YAML lost types:\n%s", y)
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range Formats {
		if got, err := ParseFormat(strings.ToUpper(string(f)), nil); err != nil || got != f {
			t.Errorf("ParseFormat(%s) = %v, %v", f, got, err)
		}
	}
	if _, err := ParseFormat("xml", nil); err == nil {
		t.Error("xml accepted")
	}
}

// Rounding happens once, from the exact binary value, and Round agrees
// with FormatFloat digit for digit.
func TestRoundOnce(t *testing.T) {
	cases := []struct {
		x    float64
		dec  int
		want string
	}{
		{22.952, 1, "23.0"}, {84.248, 1, "84.2"}, {239.947, 1, "239.9"}, {-0.04, 1, "0.0"}, {2.675, 2, "2.67"}, // 2.675 is 2.67499… in binary
	}
	for _, c := range cases {
		if got := FormatFloat(c.x, c.dec); got != c.want {
			t.Errorf("FormatFloat(%v, %d) = %q, want %q", c.x, c.dec, got, c.want)
		}
		if got := strconv.FormatFloat(Round(c.x, c.dec), 'f', c.dec, 64); got != c.want && c.want != "0.0" {
			t.Errorf("Round(%v, %d) prints %q, want %q", c.x, c.dec, got, c.want)
		}
	}
}
