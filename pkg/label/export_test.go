package label

import (
	"fmt"

	"github.com/mgcalc/mgcalc/pkg/forms"
)

// DebugAtoms lists a line's phrases, for tests.
func DebugAtoms(s string, t *forms.Table) []string {
	toks, _ := tokenize(s)
	var out []string
	for _, a := range phrase(t, toks) {
		f := ""
		if a.form != nil {
			f = a.form.Key
		}
		if a.variant != nil {
			f += ":" + a.variant.Key
		}
		out = append(out, fmt.Sprintf("kind=%d d=%d [%d,%d) %q form=%s read=%v unit=%q link=%d marker=%d count=%v unknown=%v src=%v exc=%v",
			a.kind, a.depth, a.start, a.end, toksText(toks[a.start:min(a.end, len(toks))]), f, a.readings, a.unit, a.link, a.marker, a.count, a.unknown, a.source, a.excipient))
	}
	return out
}

func toksText(ts []token) string {
	s := ""
	for _, t := range ts {
		s += t.text + " "
	}
	return s
}
