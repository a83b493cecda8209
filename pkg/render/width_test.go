package render

import (
	"bytes"
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
	ft, err := kb.Forms()
	if err != nil {
		t.Fatal(err)
	}
	lt, err := kb.Limits()
	if err != nil {
		t.Fatal(err)
	}
	pk, err := kb.Plan()
	if err != nil {
		t.Fatal(err)
	}
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
