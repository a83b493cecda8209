package plan

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
	"regexp"
	"strings"
	"testing"
)

// isKey is a loop; this is the regular expression it replaces, and the
// two must agree on every input.
var keyRE = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

func FuzzIsKey(f *testing.F) {
	for _, s := range []string{"", "sleep", "heart-block", "Sleep", "9a", "a_b", "a-", "ab9", "a b", "a\n", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isKey(s), keyRE.MatchString(s); got != want {
			t.Errorf("isKey(%q) = %v, the regexp says %v", s, got, want)
		}
	})
}

// fold lowers each rune as strings.ToLower does: the Kelvin sign and the
// dotted capital I fold to k and i.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "Levothyroxine", "L-Thyroxine 100", "\u212a", "\u0130", "slapen", "\xff\xfeA", "ÉCRAN"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []rune
		n := norm.NFKC.String(s)
		if strings.IndexFunc(n, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }) >= 0 {
			want = []rune("\x00") // a hidden character matches nothing
		} else {
			for _, r := range strings.ToLower(n) {
				if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
					want = append(want, r)
				}
			}
		}
		if got := fold(s); got != string(want) {
			t.Errorf("fold(%q) = %q, want %q", s, got, string(want))
		}
	})
}
