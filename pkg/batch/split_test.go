package batch

import (
	"bytes"
	"testing"
)

// splitPlain, the quick path for the usual line, splits a line as
// SplitLine does wherever it takes it.
func FuzzSplitPlain(f *testing.F) {
	for _, s := range []string{"citrate 500", "citrate  500", "magnesium citrate 500", "citrate:500", "a:5 b", "citrate 500 mg",
		"citrate mg", " citrate 500", "citrate 500 ", "cit\trate 500", "citr\u00e4te 500", "x 1", "#c 5", "c\x00 5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		form, amount, ok := splitPlain([]byte(s))
		if !ok {
			return
		}
		wf, wa, wok := SplitLine(s)
		if !wok || !bytes.Equal(form, []byte(wf)) || !bytes.Equal(amount, []byte(wa)) {
			t.Errorf("splitPlain(%q) = %q, %q; SplitLine gives %q, %q, %v", s, form, amount, wf, wa, wok)
		}
	})
}
