package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/stack"
)

// reports builds one report of every kind, with long lines in them.
func reports(t *testing.T) map[string]Report {
	t.Helper()
	pk, lt, ft := builtTables(t)
	nih, _ := lt.ResolveAuthority("nih")
	evm, _ := lt.ResolveAuthority("evm")
	child := evm.For(limits.Person{Age: 12, AgeSet: true})
	adult := nih.For(limits.Person{})
	out := map[string]Report{"forms": NewFormList(ft)}
	for _, f := range ft.Forms {
		out["forms show "+f.Key] = NewFormDetail(ft, f, f.Default(), pk.GoalsFor(f.Key), true)
		v := f.Variants[len(f.Variants)-1]
		out["elemental "+f.Key] = NewConversion(dose.Elemental(f, v, forms.ShareOf(v, 0), 2000, 3, child))
		out["compound "+f.Key] = NewConversion(dose.Compound(f, v, forms.ShareOf(v, 0), 500, adult))
	}
	var items []stack.Item
	for _, s := range []string{"citrate:500x2", "bisglycinate:dihydrate:1g", "oxide:400"} {
		it, err := stack.ParseItem(ft, s)
		if err != nil {
			t.Fatal(err)
		}
		it.Name = "A very long product name that someone typed into a stack file " + it.Name
		items = append(items, it)
	}
	diet := 220.0
	out["total"] = NewTotal(dose.Sum(items, evm.For(limits.Person{Age: 30, AgeSet: true, Sex: limits.Female, Pregnant: true}), &diet, lt.Reference(evm)))
	out["limits"] = NewLimits(lt, child)
	return out
}

// On a terminal, text fits the terminal's width: at 80 columns no line is
// longer, and wrapping breaks between words, never inside one. Piped
// output (Styled false) is never wrapped.
func TestTextFitsTerminalWidth(t *testing.T) {
	for name, r := range reports(t) {
		var wide, narrow, piped bytes.Buffer
		if err := Write(&narrow, Text, r, &Term{P: msg.EN, Styled: true, Color: true, Width: 80, r: NewTerm(&narrow, msg.EN, true, true).r}); err != nil {
			t.Fatal(err)
		}
		if err := Write(&wide, Text, r, NewTerm(&wide, msg.EN, false, false)); err != nil {
			t.Fatal(err)
		}
		pt := NewTerm(&piped, msg.EN, false, false)
		pt.Width = 80
		if err := Write(&piped, Text, r, pt); err != nil {
			t.Fatal(err)
		}
		if piped.String() != wide.String() {
			t.Errorf("%s: piped output changes with a width", name)
		}
		for _, line := range strings.Split(narrow.String(), "\n") {
			// a single word longer than the terminal (a long URL) can only
			// stand alone on its line
			if w := ansi.StringWidth(line); w > 80 && len(strings.Fields(ansi.Strip(line))) > 1 {
				t.Errorf("%s: a line of %d columns at width 80:\n%s", name, w, ansi.Strip(line))
			}
		}
		// every word of the unwrapped text is still a whole word
		have := map[string]int{}
		for _, w := range words(ansi.Strip(narrow.String())) {
			have[w]++
		}
		for _, w := range words(wide.String()) {
			if name == "forms" && have[w] > 0 {
				// the narrow list names each form's gut tolerance once,
				// not on every variant's row
				continue
			}
			if have[w] == 0 {
				t.Errorf("%s: the word %q was cut or lost at width 80:\n%s", name, w, ansi.Strip(narrow.String()))
				break
			}
			have[w]--
		}
	}
}

// words splits text into words, ignoring table borders.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\n' || strings.ContainsRune("│─╭╮╰╯├┤┬┴┼", r)
	})
}

// Review K1/K2: at 80 columns `forms` and `forms show` are laid out to
// fit rather than wrapped mid-row, in both languages; `limits` keeps no
// alignment padding when a row wraps, and its sources never stand on a
// line of their own.
func TestTablesFitEightyColumns(t *testing.T) {
	ft, err := kb.Forms()
	if err != nil {
		t.Fatal(err)
	}
	lt, err := kb.Limits()
	if err != nil {
		t.Fatal(err)
	}
	nl := dutchPrinter(t)
	nih, _ := lt.ResolveAuthority("nih")
	for _, p := range []msg.Printer{msg.EN, nl} {
		term := func(b *bytes.Buffer) *Term {
			return &Term{P: p, Styled: true, Width: 80, r: NewTerm(b, p, true, false).r}
		}
		for name, r := range map[string]Report{"forms": NewFormList(ft), "forms show citrate": NewFormDetail(ft, ft.Lookup("citrate"), ft.Lookup("citrate").Default(), nil, false)} {
			var b bytes.Buffer
			for _, line := range strings.Split(r.Text(term(&b)), "\n") {
				// the table's lines, not the prose after it (which wraps)
				if w := ansi.StringWidth(line); w > 80 && (strings.Contains(line, "│") || strings.Contains(line, "g/mol")) {
					t.Errorf("%s (%s): a table line of %d columns at 80:\n%s", name, p.Lang(), w, ansi.Strip(line))
				}
			}
		}
		var b bytes.Buffer
		if err := Write(&b, Text, NewLimits(lt, nih.For(limits.Person{Age: 2, AgeSet: true})), term(&b)); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(ansi.Strip(b.String()), "\n") {
			if strings.HasSuffix(line, " ") {
				t.Errorf("limits (%s): a line with trailing spaces: %q", p.Lang(), line)
			}
			if f := strings.TrimSpace(line); strings.HasPrefix(f, "[") {
				t.Errorf("limits (%s): sources on a line of their own: %q", p.Lang(), line)
			}
			if ansi.StringWidth(line) > 80 {
				t.Errorf("limits (%s): a line of %d columns: %q", p.Lang(), ansi.StringWidth(line), line)
			}
		}
	}
}

// Wrapped lines hang under a label's text or a row's last column, and a
// number keeps its unit.
func TestWrapHangsAndKeepsUnits(t *testing.T) {
	term := &Term{P: msg.EN, Styled: true, Width: 50}
	got := term.wrap("warning: take no more than the 350 mg/day upper limit, ever and ever\n")
	want := "warning: take no more than the 350 mg/day upper\n         limit, ever and ever\n"
	if got != want {
		t.Errorf("label:\ngot  %q\nwant %q", got, want)
	}
	term.Width = 40
	got = term.wrap("  EU AI  300 mg  a long note that goes on\n")
	want = "  EU AI  300 mg  a long note that goes\n    on\n"
	if got != want { // the note column leaves fewer than minHang columns
		t.Errorf("row:\ngot  %q\nwant %q", got, want)
	}
	term.Width = 60
	got = term.wrap("  EU AI  300 mg  a long note that goes on and on and on and on\n")
	want = "  EU AI  300 mg  a long note that goes on and on and on and\n                 on\n"
	if got != want {
		t.Errorf("row:\ngot  %q\nwant %q", got, want)
	}
	for _, s := range []string{"  within the (95 %-CI 7.4 to 27.3) range it is 1234567 %-BI\n", "  at most the upper limit of 350 mg/day, it is said today\n"} {
		for w := 20; w < 60; w++ {
			term.Width = w
			got = term.wrap(s)
			if strings.Contains(got, "95\n") || strings.Contains(got, "1234567\n") || strings.Contains(got, "350\n") {
				t.Errorf("a number was split from its unit at %d: %q", w, got)
			}
		}
	}
	term.Width = 50
	got = term.wrap("  a note that is long enough to be wrapped at the end  [iom-1997, nih-ods]\n")
	if strings.Contains(got, "\n [iom") || strings.Contains(got, " [iom-1997,\n") && strings.HasPrefix(strings.TrimSpace(strings.Split(got, "\n")[1]), "[") {
		t.Errorf("a citation starts a line of its own: %q", got)
	}
}

// A day is never split from its month, in English and Dutch (users'
// review 5: "2⏎januari 2026" in plan --explain's sources), as a number is
// never split from its unit.
func TestWrapKeepsDayAndMonth(t *testing.T) {
	for _, c := range []struct {
		p     msg.Printer
		s     string
		month string
	}{
		{msg.EN, "  [3] Magnesium: what is it and how do I use it? (practitioner's blog, 2 January 2026) (seed-004)\n", "January"},
		{dutchPrinter(t), "  [3] Magnesium: wat is het en hoe gebruik ik het? (blog van een therapeut, 2 januari 2026) (seed-004)\n", "januari"},
		{dutchPrinter(t), "  [7] Topvitamine, Wat is het meest voorkomende bijwerking van magnesium? (3 november 2025) (seed-000)\n", "november"},
		{dutchPrinter(t), "  gelezen op 12 mei, en opnieuw op 14 mei\n", "mei"},
	} {
		split := regexp.MustCompile(`[0-9]\n *` + c.month)
		term := &Term{P: c.p, Styled: true}
		for w := 20; w < 100; w++ {
			term.Width = w
			if got := term.wrap(c.s); split.MatchString(got) {
				t.Errorf("a day was split from its month at %d columns:\n%s", w, got)
			}
		}
	}
	if !isMonth("januari") || !isMonth("June)") || !isMonth("mei,") || isMonth("may") || isMonth("Mg") {
		t.Error("isMonth reads the months' names, in English and Dutch, and nothing else")
	}
}
