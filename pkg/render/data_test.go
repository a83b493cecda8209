package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
)

// builtTables are the built-in tables the tests render from.
func builtTables(t *testing.T) (*plan.Knowledge, *limits.Tables, *forms.Table) {
	t.Helper()
	k, err := kb.Plan()
	if err != nil {
		t.Fatal(err)
	}
	lt, err := kb.Limits()
	if err != nil {
		t.Fatal(err)
	}
	ft, err := kb.Forms()
	if err != nil {
		t.Fatal(err)
	}
	return k, lt, ft
}

// dutchPrinter prints in Dutch, data texts included.
func dutchPrinter(t *testing.T) msg.Printer {
	t.Helper()
	p, ok := msg.NewPrinter(msg.Dutch)
	if !ok {
		t.Fatal("no Dutch printer")
	}
	return p.WithData(kb.DataCatalogue("nl"))
}

// englishDataTexts are the data texts whose Dutch differs from their
// English and that contain a space (a one-word name could be part of
// another word): none of them may appear in Dutch text output.
func englishDataTexts(t *testing.T, p msg.Printer) []string {
	t.Helper()
	texts, err := kb.DataTexts()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, x := range texts {
		if strings.Contains(x.English, " ") && p.Data(x.Key, x.English) != x.English {
			out = append(out, x.English)
		}
	}
	return out
}

// Text output in Dutch prints the tables' names, notes, findings, advice
// and warnings in Dutch: no English data text is left in any report.
func TestTextPrintsDataTextsInDutch(t *testing.T) {
	p := dutchPrinter(t)
	english := englishDataTexts(t, p)
	all := reports(t)
	for _, c := range exportCases {
		e := makeExport(t, c)
		all["plan "+c.name] = e.Plan
	}
	for name, r := range all {
		var b bytes.Buffer
		if err := Write(&b, Text, r, NewTerm(&b, p, false, false)); err != nil {
			t.Fatal(err)
		}
		out := withoutSources(b.String())
		for _, en := range english {
			if containsWords(out, en) {
				t.Errorf("%s: Dutch text output has the English %q:\n%s", name, en, out)
			}
		}
	}
	var b bytes.Buffer
	e := makeExport(t, exportCases[0])
	if err := Write(&b, Text, e.Plan, NewTerm(&b, p, false, false)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"magnesiumbisglycinaat", "slaap", "VS IOM/NIH", "houd dan de laagste dosis aan die werkt"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the Dutch plan lacks %q:\n%s", want, b.String())
		}
	}
}

// containsWords reports whether s has sub as whole words: an alias such
// as "trimagnesium citrate" does not hold the name "magnesium citrate".
func containsWords(s, sub string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(sub)
		if (start == 0 || !isLetter(s[start-1])) && (end == len(s) || !isLetter(s[end])) {
			return true
		}
		i = start + 1
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

// withoutSources drops the bibliography lines ("  [id] title"): source
// titles stay in their own language.
func withoutSources(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if !strings.HasPrefix(line, "  [") {
			b.WriteString(line)
		}
	}
	return b.String()
}

// The calendar is read by people: its titles carry Dutch names.
func TestCalendarPrintsDataTextsInDutch(t *testing.T) {
	p := dutchPrinter(t)
	e := makeExport(t, exportCases[0])
	c := Calendar{Plan: e.p, Start: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Morning: 8 * time.Hour, Evening: 21 * time.Hour}
	var text strings.Builder
	for _, ev := range c.Events(p) {
		text.WriteString(ev.Summary + "\n" + ev.Description + "\n")
	}
	for _, en := range englishDataTexts(t, p) {
		if containsWords(text.String(), en) {
			t.Errorf("the Dutch calendar has the English %q:\n%s", en, text.String())
		}
	}
	if !strings.Contains(text.String(), "magnesiumbisglycinaat") {
		t.Errorf("the Dutch calendar lacks the form's Dutch name:\n%s", text.String())
	}
}

// Machine output never changes with the language: JSON and TSV are the
// tables' English whichever printer the Term has.
func TestMachineOutputKeepsDataTextsInEnglish(t *testing.T) {
	p := dutchPrinter(t)
	for _, c := range exportCases {
		e := makeExport(t, c)
		for _, f := range []Format{JSON, YAML, TSV, CSV, JSONL, MD, FHIR} {
			var en, nl bytes.Buffer
			if err := Write(&en, f, e, NewTerm(&en, msg.EN, false, false)); err != nil {
				t.Fatal(err)
			}
			if err := Write(&nl, f, e, NewTerm(&nl, p, false, false)); err != nil {
				t.Fatal(err)
			}
			if en.String() != nl.String() {
				t.Errorf("%s -o %s differs between English and Dutch", c.name, f)
			}
		}
	}
	var j struct {
		FormName string `json:"form_name"`
	}
	e := makeExport(t, exportCases[0])
	var b bytes.Buffer
	if err := Write(&b, JSON, e, NewTerm(&b, p, false, false)); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b.Bytes(), &j); err != nil || j.FormName != "magnesium bisglycinate" {
		t.Errorf("JSON form_name = %q, %v; want the tables' English", j.FormName, err)
	}
}

// A target capped at the upper limit is the rule's own note and the cap,
// carried apart (plan.AppliedRule.CappedAtMg): the note is translated as
// a data text and the cap added in the reader's language, never cut out
// of an English sentence; the machine formats keep the English.
func TestCappedNote(t *testing.T) {
	k, err := kb.Plan()
	if err != nil {
		t.Fatal(err)
	}
	note := k.Titration.Target.Note
	cap := 250.0
	r := plan.AppliedRule{Key: "target", Value: cap, Note: note, CappedAtMg: &cap}
	nl := dutchPrinter(t)
	want := nl.DataText(note) + "; begrensd op de bovengrens van 250"
	if nl.DataText(note) == note {
		t.Fatalf("the titration target's note has no Dutch: %q", note)
	}
	if got := ruleNoteText(nl, r); got != want {
		t.Errorf("Dutch: %q, want %q", got, want)
	}
	if got := ruleNoteText(msg.EN, r); got != note+"; capped at the upper limit of 250" {
		t.Errorf("English: %q", got)
	}
	if got := r.Text(); got != note+"; capped at the upper limit of 250" {
		t.Errorf("Text: %q", got)
	}
}

// The parenthesis after a form's name says only what the variant's name
// adds, without nested parentheses, for every variant of the built-in
// table in English and Dutch (review K8).
func TestVariantMore(t *testing.T) {
	for form, want := range map[[2]string]string{
		{"magnesium oxide", "magnesium oxide"}:                                                                         "",
		{"magnesium bisglycinate", "magnesium bisglycinate, anhydrous"}:                                                "anhydrous",
		{"magnesium carbonate", "magnesium carbonate, basic (pentahydrate), the pharmacopoeial material"}:              "basic, pentahydrate, the pharmacopoeial material",
		{"magnesium malate", "magnesium malate (1:1), anhydrous"}:                                                      "1:1, anhydrous",
		{"magnesium aspartate", "magnesium aspartate (1:2) dihydrate, as in the UK licensed Magnaspartate"}:            "1:2 dihydrate, as in the UK licensed Magnaspartate",
		{"magnesium aspartate", "magnesium bis(hydrogen aspartate) tetrahydrate"}:                                      "magnesium bis(hydrogen aspartate) tetrahydrate",
		{"magnesium citrate", "trimagnesium dicitrate, anhydrous"}:                                                     "trimagnesium dicitrate, anhydrous",
		{"magnesiumchloride", "magnesiumchloride-hexahydraat"}:                                                         "hexahydraat",
		{"magnesium-L-threonaat", "magnesium-L-threonaat-monohydraat (handelsspecificatie)"}:                           "monohydraat, handelsspecificatie",
		{"magnesiumaspartaat", "magnesiumaspartaat (1:2)-dihydraat, zoals in Magnaspartate (geregistreerd in het VK)"}: "1:2-dihydraat, zoals in Magnaspartate, geregistreerd in het VK",
		{"magnesium sulfate", "magnesium sulfates"}:                                                                    "magnesium sulfates",
		// a user's table (the hostile pass): nested and repeated
		// parentheses, a blank name, a colon after the form's name
		{"magnesium acetate", "magnesium acetate tetrahydrate (the usual (commercial) salt)"}: "tetrahydrate, the usual, commercial, salt",
		{"magnesium acetate", "magnesium acetate special (light) (heavy)"}:                    "special, light, heavy",
		{"magnesium acetate", " "}:                                 "",
		{"magnesium acetate", "magnesium acetate: special"}:        "special",
		{"magnesium acetate", "Magnesium Acetate - sesquihydrate"}: "sesquihydrate",
	} {
		if got := beyond(form[0], form[1]); got != want {
			t.Errorf("beyond(%q, %q) = %q, want %q", form[0], form[1], got, want)
		}
	}
	// a user's table names its variants in English only: in Dutch the
	// form's Dutch name does not begin them, its English name does
	acetate := &forms.Form{Key: "acetate", Name: "magnesium acetate"}
	for _, name := range []string{"magnesium acetate tetrahydrate", "Magnesium Acetate - tetrahydrate"} {
		if got := variantMore(dutchPrinter(t), acetate, &forms.Variant{Key: "tetrahydrate", Name: name}); got != "tetrahydrate" {
			t.Errorf("variantMore(nl, acetate, %q) = %q, want tetrahydrate", name, got)
		}
	}
	ft, err := kb.Forms()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []msg.Printer{msg.EN, dutchPrinter(t)} {
		for _, f := range ft.Forms {
			for _, v := range f.Variants {
				more := variantMore(p, f, v)
				if strings.HasPrefix(strings.ToLower(more), strings.ToLower(formName(p, f))) {
					t.Errorf("%s:%s in %s: %q repeats the form's name", f.Key, v.Key, p.Lang(), more)
				}
				if strings.Contains(more, " (") || strings.HasPrefix(more, "(") {
					t.Errorf("%s:%s in %s: %q has a parenthesis of words", f.Key, v.Key, p.Lang(), more)
				}
			}
		}
	}
}
