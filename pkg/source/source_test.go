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

// A source's kind is one of Kinds and its date YYYY-MM-DD or YYYY-MM:
// reports word both in their language, so a slip cannot reach them.
func TestBuildKindAndDate(t *testing.T) {
	for _, s := range []source.Source{
		{ID: "a", Title: "A", Kind: "blog"},
		{ID: "a", Title: "A", Date: "2 January 2026"},
		{ID: "a", Title: "A", Date: "2026-13"},
		{ID: "a", Title: "A", Date: "2026-01-32"},
		{ID: "a", Title: "A", Date: "26-01-02"},
	} {
		if _, err := source.Build([]source.Source{s}); err == nil {
			t.Errorf("source.Build(%+v) accepted it", s)
		}
	}
	for _, s := range []source.Source{
		{ID: "a", Title: "A", Kind: source.KindPressRelease, Date: "2017-12"},
		{ID: "a", Title: "A", Kind: source.KindPractitionerBlog, Date: "2026-01-02"},
	} {
		if _, err := source.Build([]source.Source{s}); err != nil {
			t.Errorf("source.Build(%+v): %v", s, err)
		}
	}
}
