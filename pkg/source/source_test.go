package source_test

import (
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/source"
)

func TestDecodeStrict(t *testing.T) {
	type doc struct {
		A []string `yaml:"a"`
	}
	for _, c := range []struct {
		name, in, err string // err "" when it decodes
	}{
		{"plain", "a: [x, y]\n", ""},
		{"leading document marker", "---\na: [x]\n", ""},
		{"trailing document marker", "a: [x]\n---\n", ""},
		{"trailing marker and comment", "a: [x]\n--- # end\n", ""},
		{"document end marker", "a: [x]\n...\n", ""},
		{"unknown key", "a: [x]\nb: 1\n", "field b not found"},
		{"a second document", "a: [x]\n---\na: [y]\n", "line 2: a second YAML document"},
		{"an explicit null second document", "a: [x]\n---\n~\n", "a second YAML document"},
		{"an anchor", "a: &s [x]\n", "line 1: YAML anchors and aliases are not allowed"},
		{"a nested alias", "a:\n  - &s x\n  - *s\n", "YAML anchors and aliases are not allowed"},
		{"empty", "", "no YAML document"},
		{"only comments", "# nothing\n# here\n", "no YAML document"},
	} {
		var d doc
		err := source.DecodeStrict([]byte(c.in), &d)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.err)
		case c.err == "" && (len(d.A) == 0 || d.A[0] != "x"):
			t.Errorf("%s: decoded %+v", c.name, d)
		}
	}
}
