package forms

import (
	"regexp"
	"testing"
)

// The table's checks are loops; these are the regular expressions they
// replace, and the loops must agree with them on every input.
var (
	symbolRE = regexp.MustCompile(`^[A-Z][a-z]?$`)
	pctRE    = regexp.MustCompile(`\d+\.\d+\s*%`)
)

func FuzzMatchers(f *testing.F) {
	for _, s := range []string{"", "Mg", "M", "mg", "MG", "Mgx", "citrate", "citrate-9h2o", "Citrate", "9h", "a-", "a_b",
		"60.3 %", "60.3%", "16.16\t\n%", "82 % glycinate", "1. %", ".5 %", "ab 1.2x%", "1.2 3%", "v1.20 \r\f %", "1.2\v%",
		"x\xff1.5%", "1.5 %\n", "{pct} %"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isSymbol(s), symbolRE.MatchString(s); got != want {
			t.Errorf("isSymbol(%q) = %v, the regexp says %v", s, got, want)
		}
		if got, want := typesPercent(s), pctRE.MatchString(s); got != want {
			t.Errorf("typesPercent(%q) = %v, the regexp says %v", s, got, want)
		}
	})
}
