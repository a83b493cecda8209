package text

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	cases := []struct {
		in, want string
		bad      rune // the character refused; 0: folds
	}{
		{"Citrate", "citrate", 0},
		{"magnesium L-threonate", "magnesiumlthreonate", 0},
		{"St John's wort", "stjohnswort", 0},
		{"MgSO4·7H2O", "mgso47h2o", 0},
		{"ＣＩＴＲＡＴＥ", "citrate", 0},       // full width reads as what it looks like
		{"MgCl₂", "mgcl2", 0},           // a subscript digit too
		{"\u212aelvin", "kelvin", 0},    // the Kelvin sign is K
		{"citrate\u0434", "", '\u0434'}, // a Cyrillic letter is refused, never dropped
		{"sleep\u200b", "", '\u200b'},   // so is a zero-width space
		{"sl\u202eeep", "", '\u202e'},   // and a bidi override
		{"crème", "", 'è'},              // a letter mgcalc does not read
		{"levothyroxine (T4)", "", '('}, // a symbol
	}
	for _, c := range cases {
		got, err := Fold(c.in)
		var ce *CharError
		switch {
		case c.bad == 0 && (err != nil || got != c.want):
			t.Errorf("Fold(%q) = %q, %v; want %q", c.in, got, err, c.want)
		case c.bad != 0 && (!errors.As(err, &ce) || ce.Rune != c.bad):
			t.Errorf("Fold(%q) = %q, %v; want it refused for %U", c.in, got, err, c.bad)
		}
	}
	if _, err := Fold("cit\xffrate"); err == nil || err.Error() != "not valid UTF-8" {
		t.Errorf("invalid UTF-8: %v", err)
	}
	if err := (&CharError{Rune: '\u0434'}).Error(); err != "contains the character U+0434 'д'" {
		t.Errorf("CharError: %q", err)
	}
	if Same("sleep", "Sleep!") || !Same("Sleep", "s-l-e-e-p") || Same("", "") {
		t.Error("Same")
	}
}

// separators are the characters a name may be written with that carry no
// letter: spaces, hyphens, underscores, apostrophes, dots, hydrate dots.
const separators = " \t\u00a0-_'\u2018\u2019.\u00b7\u2022"

// FuzzFold checks what Fold promises, from the outside: a name folds to
// the ASCII letters and digits it visibly has and nothing else; no letter,
// digit or invisible character is ever dropped to make a match (a
// Cyrillic д or a zero-width space is refused); folding is idempotent.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "Levothyroxine", "L-Thyroxine 100", "\u212a", "\u0130", "slapen", "\xff\xfeA", "ÉCRAN",
		"sleep\u0434", "sl\u200beep", "ＳＬＥＥＰ", "a\u0301", "Mg·7H₂O", "\ufffd", "a\uff0cb", "ＳＬＥＥＰ\uff01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Fold(s)
		visible := norm.NFKC.String(s)
		if err != nil {
			var ce *CharError
			if !errors.As(err, &ce) {
				t.Fatalf("Fold(%q): %v is not a *CharError", s, err)
			}
			// refused only for a reason: invalid UTF-8, or a character
			// that is neither an ASCII letter or digit nor a separator
			if ce.Invalid {
				if utf8.ValidString(s) {
					t.Fatalf("Fold(%q) says invalid UTF-8", s)
				}
				return
			}
			// the character named is the one typed, when one typed
			// character stands for it (U+FF0C, not the comma NFKC makes)
			if !strings.ContainsRune(s, ce.Rune) {
				for _, r := range s {
					if strings.ContainsRune(norm.NFKC.String(string(r)), ce.Rune) {
						t.Fatalf("Fold(%q) names %U, not the %U typed", s, ce.Rune, r)
					}
				}
			}
			if !strings.ContainsRune(visible, ce.Rune) && !strings.ContainsRune(s, ce.Rune) || ce.Rune < utf8.RuneSelf && (unicode.IsLetter(ce.Rune) || unicode.IsDigit(ce.Rune)) || strings.ContainsRune(separators, ce.Rune) {
				t.Fatalf("Fold(%q) refused %U, which it reads", s, ce.Rune)
			}
			return
		}
		var want strings.Builder
		for _, r := range visible {
			switch {
			case strings.ContainsRune(separators, r):
			case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
				want.WriteRune(unicode.ToLower(r))
			case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.Cf, r) || unicode.IsControl(r):
				t.Fatalf("Fold(%q) = %q dropped %U", s, got, r)
			}
		}
		if got != want.String() {
			t.Fatalf("Fold(%q) = %q, but the name visibly spells %q", s, got, want.String())
		}
		if again, err := Fold(got); err != nil || again != got {
			t.Fatalf("Fold(Fold(%q)) = %q, %v", s, again, err)
		}
	})
}

// keyRE is the rule IsKey's loop implements; the two agree on every input.
var keyRE = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

func FuzzIsKey(f *testing.F) {
	for _, s := range []string{"", "sleep", "heart-block", "Sleep", "9a", "a_b", "a-", "ab9", "a b", "a\n", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := IsKey(s), keyRE.MatchString(s); got != want {
			t.Errorf("IsKey(%q) = %v, the regexp says %v", s, got, want)
		}
	})
}

func TestUnsafe(t *testing.T) {
	for _, r := range []rune{0, '\n', '\x1b', 0x7f, 0x85, 0x9b, '\u200b', '\u202e', '\u2066', '\u2028', '\u2029', '\ufeff', '\u00ad'} {
		if !Unsafe(r) {
			t.Errorf("%U should be unsafe", r)
		}
	}
	for _, r := range []rune{' ', 'a', 'é', '·', '\u00a0', 'д', '€', '→'} {
		if Unsafe(r) {
			t.Errorf("%U should be safe", r)
		}
	}
	if got := Escape("a\x1b[31mb\u202e"); got != `a\u001b[31mb\u202e` {
		t.Errorf("Escape: %q", got)
	}
	if got := Strip("Calm\x1b[2J Night\u202e\n\xff"); got != "Calm[2J Night?" {
		t.Errorf("Strip: %q", got)
	}
	if s := "plain name"; Strip(s) != s || Escape(s) != s || Plain(s) != nil {
		t.Error("plain text changed")
	}
	var ce *CharError
	if err := Plain("a\tb"); !errors.As(err, &ce) || ce.Rune != '\t' {
		t.Errorf("Plain tab: %v", err)
	}
	if err := Plain("a\u202eb"); !errors.As(err, &ce) || ce.Rune != '\u202e' {
		t.Errorf("Plain bidi: %v", err)
	}
	if err := Plain("a\xffb"); !errors.As(err, &ce) || !ce.Invalid {
		t.Errorf("Plain invalid: %v", err)
	}
}

func TestClip(t *testing.T) {
	if got := Clip(strings.Repeat("x", 40)); got != strings.Repeat("x", 40) {
		t.Errorf("40 bytes clipped: %q", got)
	}
	if got := Clip(strings.Repeat("x", 39) + "дд"); got != strings.Repeat("x", 39)+"…" {
		t.Errorf("clipped inside a character: %q", got)
	}
}

func TestNoNegativeZero(t *testing.T) {
	for in, want := range map[string]string{"-0": "0", "-0.0": "0.0", "-0,00": "0,00", "-0.01": "-0.01", "-10": "-10", "0": "0", "-": "-"} {
		if got := NoNegativeZero(in); got != want {
			t.Errorf("NoNegativeZero(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestList(t *testing.T) {
	cases := []struct {
		in   string
		want []string
		ok   bool
	}{
		{"levothyroxine,doxycycline", []string{"levothyroxine", "doxycycline"}, true},
		{"levothyroxine\ndoxycycline", []string{"levothyroxine", "doxycycline"}, true},       // a line break is a comma
		{"levothyroxine\r\ndoxycycline\r\n", []string{"levothyroxine", "doxycycline"}, true}, // CRLF, a final one
		{"levothyroxine,\n  doxycycline\n", []string{"levothyroxine", "doxycycline"}, true},  // a YAML block with commas
		{" a , b ", []string{"a", "b"}, true},
		{"a\u2028b", []string{"a", "b"}, true}, // a Unicode line separator
		{"", nil, true},                        // a blank list: no entries
		{" \n ", nil, true},
		{"a,,b", nil, false}, // an empty entry
		{"a,", nil, false},
		{",a", nil, false},
		{"a\n\nb", nil, false}, // a blank line
		{"a,\n,b", nil, false},
		{",", nil, false},
	}
	for _, c := range cases {
		got, ok := List(c.in)
		if ok != c.ok || ok && !slices.Equal(got, c.want) {
			t.Errorf("List(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// FuzzList checks List from the outside: entries joined by any of the
// separators a person uses (a comma, a line break, both, with spaces) come
// back as they were; an entry never holds a separator or blank space at
// its ends; and a list with two separators in a row is refused.
func FuzzList(f *testing.F) {
	f.Add("levothyroxine,doxycycline", uint8(1))
	f.Add("a\nb,,c", uint8(7))
	f.Add(" x \r\n y", uint8(200))
	seps := []string{",", "\n", ",\n", "\r\n", " , ", ",\r\n  ", "\u2028", "\n\t"}
	f.Fuzz(func(t *testing.T, s string, pick uint8) {
		got, ok := List(s)
		for _, e := range got {
			if e == "" || strings.ContainsAny(e, ",\n\r\u2028\u2029\u0085") || strings.TrimSpace(e) != e {
				t.Fatalf("List(%q): entry %q", s, e)
			}
		}
		if !ok {
			return
		}
		// the entries, joined again by chosen separators, are the same list
		var b strings.Builder
		for i, e := range got {
			if i > 0 {
				b.WriteString(seps[(int(pick)+i)%len(seps)])
			}
			b.WriteString(e)
		}
		again, ok := List(b.String())
		if !ok || !slices.Equal(again, got) {
			t.Fatalf("List(%q) = %q; joined as %q: %q, %v", s, got, b.String(), again, ok)
		}
		// two commas in a row anywhere in a list is an empty entry
		if len(got) > 0 {
			if _, ok := List(b.String() + ",," + got[0]); ok {
				t.Fatalf("List(%q) accepted", b.String()+",,"+got[0])
			}
		}
	})
}

// A refused character is named as typed: the full-width comma, not the
// ASCII comma its compatibility form is (audit 2 item 9).
func TestFoldNamesTypedCharacter(t *testing.T) {
	for s, want := range map[string]rune{"levothyroxine\uff0comeprazol": '\uff0c', "ＳＬＥＥＰ\uff01": '\uff01', "sleep,": ',', "sleep\u0434": '\u0434'} {
		_, err := Fold(s)
		var ce *CharError
		if !errors.As(err, &ce) || ce.Rune != want {
			t.Errorf("Fold(%q) = %v, want the character %U", s, err, want)
		}
	}
}
