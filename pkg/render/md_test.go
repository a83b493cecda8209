package render

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// The Markdown plan has every part a doctor needs, in order, and the same
// plan gives the same bytes.
func TestMarkdownPlan(t *testing.T) {
	for _, c := range exportCases {
		t.Run(c.name, func(t *testing.T) {
			e := makeExport(t, c)
			b, err := e.Export(MD)
			if err != nil {
				t.Fatal(err)
			}
			md := string(b)
			again, _ := makeExport(t, c).Export(MD)
			if !bytes.Equal(b, again) {
				t.Fatal("two exports of one plan differ")
			}
			pp := e.p
			want := []string{"# Magnesium plan: " + pp.Goal.Name, "- **Goal:** ", "- **Form:** " + pp.Form.Name, "- **Evidence:** ",
				"- **Target:** ", "- **Upper limit:** ", "## Schedule", "## Evaluate"}
			if len(pp.Spacing) > 0 {
				want = append(want, "## Spacing from medicines")
			}
			if len(pp.Warnings) > 0 {
				want = append(want, "## Warnings")
			}
			want = append(want, "## Rules", "## Sources")
			at := 0
			for _, w := range want {
				i := strings.Index(md[at:], w)
				if i < 0 {
					t.Fatalf("%q missing or out of order in:\n%s", w, md)
				}
				at += i + len(w)
			}
			if pp.Supervised {
				if !strings.Contains(md, "**For use under medical supervision only.**") {
					t.Error("a supervised plan does not say so at the top")
				}
				if i := strings.Index(md, "## Warnings\n\n- "); i < 0 || !strings.HasPrefix(md[i+len("## Warnings\n\n- "):], "this plan is for use under medical supervision only") {
					t.Error("supervision is not the first warning")
				}
			}
			// one table row per step, every row as wide as the header
			rows := regexp.MustCompile(`(?m)^\| (\d+-\d+|\d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d) \|.*\|$`).FindAllString(md, -1)
			if len(rows) != len(pp.Steps) {
				t.Errorf("%d schedule rows for %d steps:\n%s", len(rows), len(pp.Steps), md)
			}
			for _, r := range rows {
				if n := strings.Count(r, " | ") + 2; n != 7 {
					t.Errorf("row %q has %d pipes", r, n)
				}
			}
			// every source listed once, with its title and address
			for _, id := range pp.Sources {
				s, _ := e.Sources.Get(id)
				// the title as published, then its kind and date where
				// the source gives them, then its address
				entry := "- `" + id + "`: " + mdEscape(s.Title)
				if s.Date != "" {
					entry += " ("
				}
				if strings.Count(md, "\n"+entry) != 1 || s.URL != "" && !strings.Contains(md, entry) {
					t.Errorf("source %s not listed as %q", id, entry)
				}
				if s.URL != "" && strings.Count(md, " <"+s.URL+">\n") < 1 {
					t.Errorf("source %s: no address %s", id, s.URL)
				}
			}
			// every rule with its basis
			for _, ru := range pp.Rules {
				if !strings.Contains(md, "| "+ruleNames[ru.Key]+" | ") {
					t.Errorf("rule %s missing", ru.Key)
				}
			}
			if strings.Contains(md, "%!") {
				t.Errorf("a format error in:\n%s", md)
			}
		})
	}
}

// Text from the command line cannot inject Markdown or HTML.
func TestMarkdownEscapes(t *testing.T) {
	c := exportCase{name: "hostile", goal: "sleep", req: plan.Request{Meds: []string{"<script>x</script>|*a*_[b](c)`d`\x1b[31m"}}}
	md, err := makeExport(t, c).Export(MD)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script>", "|*a*", "[b](c)", "`d`", "\x1b"} {
		if bytes.Contains(md, []byte(bad)) {
			t.Errorf("%q passed through:\n%s", bad, md)
		}
	}
	if !bytes.Contains(md, []byte(`\<script\>x\</script\>\|\*a\*\_\[b\](c)\`+"`d\\`")) {
		t.Errorf("the medicine's name is not escaped:\n%s", md)
	}
}

// Another report given a format it does not take (an export, -o value
// for a list): a FormatError naming the formats it does have, nothing
// written.
func TestFormatsOfAReport(t *testing.T) {
	for _, f := range []Format{MD, FHIR, ICS, Value} {
		var b bytes.Buffer
		err := Write(&b, f, sampleList(), NewTerm(&b, msg.EN, false, false))
		var fe *FormatError
		if !errors.As(err, &fe) {
			t.Fatalf("-o %s for a form list: %v", f, err)
		}
		if b.Len() != 0 {
			t.Errorf("-o %s wrote %q", f, b.String())
		}
		m := fe.Message(msg.New("mgcalc forms"))
		if got := msg.EN.Message(m) + "; " + msg.EN.Message(m.Hint); got != "-o "+string(f)+" is not available for mgcalc forms; use one of: text, json, yaml, tsv, csv, jsonl" {
			t.Errorf("%q", got)
		}
	}
	// a plan report without the bibliography lists the sources by id
	e := makeExport(t, exportCases[0])
	var b bytes.Buffer
	if err := Write(&b, MD, e.Plan, nil); err != nil || !bytes.HasPrefix(b.Bytes(), []byte("# Magnesium plan: sleep\n")) ||
		!strings.Contains(b.String(), "\n- `scf-2001`\n") {
		t.Errorf("-o md for a plan without the bibliography: %v\n%s", err, b.String())
	}
}

// mdUnescape undoes CommonMark's backslash escapes of ASCII punctuation.
func mdUnescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// FuzzMDEscape: a name escaped for Markdown reads back as itself (less
// its unsafe characters), and leaves no character that starts markup
// unescaped: emphasis, code, links, HTML, character references, table
// cells, and GitHub's links without brackets (://, www., @).
func FuzzMDEscape(f *testing.F) {
	for _, s := range []string{"citrate", "&#8238;evil", "<b>x</b>", "http://evil.example/x", "WwW.evil.example",
		"a@b.example", "|*a*_[b](c)`d`", `\&`, "wwww.x", "ftp://x", "x~~y~~"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := mdEscape(s)
		if back := mdUnescape(got); back != text.Strip(s) {
			t.Fatalf("mdEscape(%q) = %q reads back as %q", s, got, back)
		}
		for i := 0; i < len(got); i++ {
			if got[i] == '\\' {
				i++ // an escaped character
				continue
			}
			rest := strings.ToLower(got[i:])
			if strings.IndexByte("`*_[]<>|~&@", got[i]) >= 0 || strings.HasPrefix(rest, "://") || strings.HasPrefix(rest, "www.") {
				t.Fatalf("mdEscape(%q) = %q: %q at %d is not escaped", s, got, got[i:min(i+4, len(got))], i)
			}
		}
	})
}
