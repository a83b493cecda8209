package msg

import (
	"regexp"
	"strings"
	"testing"
)

// A message "PART of WHOLE …" chooses its plural by the whole (lines,
// regels), so its Dutch cannot carry a verb that agrees with the part:
// "1 van de 5 regels konden" was wrong and "kon" is for a part of 1
// (acceptance audit 3, item 12). Each such Dutch message says it without
// one ("niet omgerekend: 1 van de 5 regels").
func TestPartOfWholeHasNoAgreeingVerb(t *testing.T) {
	verb := regexp.MustCompile(`\b(kon|konden|is|zijn|was|waren|wordt|worden|heeft|hebben|kan|kunnen)\b`)
	n := 0
	for en, nl := range Catalogue(Dutch) {
		if !strings.HasPrefix(en, "%d of %d ") {
			continue
		}
		n++
		if verb.MatchString(nl) {
			t.Errorf("%q: the Dutch %q has a verb that agrees with the part, not the whole", en, nl)
		}
	}
	if n < 6 {
		t.Errorf("%d part-of-whole messages found; the test reads none", n)
	}
	p, _ := NewPrinter(Dutch)
	if got := p.Message(Plural(5, "%d of %d line could not be %s", "%d of %d lines could not be %s", 1, 5, New("converted"))); got != "niet omgerekend: 1 van de 5 regels" {
		t.Errorf("1 of 5 lines: %q", got)
	}
}
