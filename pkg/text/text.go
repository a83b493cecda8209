// Package text holds mgcalc's rules for text: how a name a person types
// is folded for matching, what a table key looks like, which characters
// must never reach a terminal, and how a value is clipped for an error
// line. Every package that matches or prints a name uses these, so the
// same name is read, refused and shown the same way everywhere. It is the
// floor of the project: it imports no other mgcalc package, only
// golang.org/x/text/unicode/norm.
package text

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// CharError reports a character Fold does not read: a letter outside
// a-z (a Cyrillic "д" must not vanish and leave another name behind), a
// symbol, an invisible character, or bytes that are not UTF-8.
type CharError struct {
	Rune    rune
	Invalid bool // not valid UTF-8
}

func (e *CharError) Error() string {
	if e.Invalid {
		return "not valid UTF-8"
	}
	return "contains the character " + Describe(e.Rune)
}

// Describe names r by code point, with the character itself when it
// prints as itself: U+0434 'д', U+200B.
func Describe(r rune) string {
	if unicode.IsGraphic(r) && !unicode.Is(unicode.Mn, r) && !unicode.IsSpace(r) {
		return fmt.Sprintf("%U '%c'", r, r)
	}
	return fmt.Sprintf("%U", r)
}

// IsSeparator reports whether Fold drops r: spaces, hyphens, underscores,
// apostrophes, dots and the hydrate dots.
func IsSeparator(r rune) bool {
	switch r {
	case ' ', '\t', '\u00a0', '-', '_', '\'', '\u2018', '\u2019', '.', '\u00b7', '\u2022':
		return true
	}
	return false
}

// Fold reduces a name for matching: Unicode compatibility normalisation
// (NFKC: full-width letters and subscript digits become what they look
// like), then a-z and 0-9 kept (upper case folded), the separators
// dropped, and any other character refused with a *CharError, never
// dropped. It is the one fold of every name a person types: forms,
// variants, goals, conditions, medicines, and the words of --gut,
// --kidney and --sex.
//
// A refused character is the one typed: a full-width comma is named as
// U+FF0C, never as the ASCII comma NFKC makes of it.
func Fold(s string) (string, error) {
	c := Compat(s)
	f, err := fold(c)
	if err != nil && c != s {
		err = Typed(s, err)
	}
	return f, err
}

// Typed names the character as typed in s that a *CharError found in
// s's compatibility form (Compat) stands for: the full-width comma U+FF0C
// that NFKC made a comma. For a caller that normalises a name before it
// folds the parts (forms: FORM:VARIANT); other errors pass unchanged.
func Typed(s string, err error) error {
	ce, ok := err.(*CharError)
	if !ok || ce.Invalid {
		return err
	}
	for _, r := range s {
		if r == ce.Rune || strings.ContainsRune(Compat(string(r)), ce.Rune) {
			return &CharError{Rune: r}
		}
	}
	return err
}

// fold is Fold of text already in its compatibility form.
func fold(s string) (string, error) {
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + ('a' - 'A'))
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return "", &CharError{Invalid: true}
		case IsSeparator(r):
		default:
			return "", &CharError{Rune: r}
		}
	}
	return b.String(), nil
}

// Loose folds the characters of s that Fold reads and leaves the others
// out: for a text shown to people (a product's name with a ®, a variant's
// name with a comma), never for matching what someone typed, which Fold
// refuses instead.
func Loose(s string) string {
	var b strings.Builder
	for _, r := range Compat(s) {
		if f, err := Fold(string(r)); err == nil {
			b.WriteString(f)
		}
	}
	return b.String()
}

// Compat applies Unicode compatibility normalisation (NFKC) to text that
// is not plain ASCII: full-width letters and subscript digits (MgCl₂)
// become what they look like.
func Compat(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return norm.NFKC.String(s)
		}
	}
	return s
}

// Same reports whether a and b fold to the same name; a name that does
// not fold is the same as nothing.
func Same(a, b string) bool {
	fa, err := Fold(a)
	if err != nil || fa == "" {
		return false
	}
	fb, err := Fold(b)
	return err == nil && fa == fb
}

// IsKey reports whether s is a table key: a lower-case letter, then
// lower-case letters, digits and hyphens (^[a-z][a-z0-9-]*$). A loop, not
// a regular expression: it runs on every key each time a table is built.
func IsKey(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Unsafe reports whether r must never reach a terminal as it is: control
// characters (escape sequences, line breaks), C1 controls, format
// characters (bidi overrides, zero-width characters) and the line and
// paragraph separators.
func Unsafe(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 ||
		r >= 0xa0 && (unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Zl, r) || unicode.Is(unicode.Zp, r))
}

// Escape shows the unsafe characters of text someone typed as \u escapes,
// for an error line that echoes it: the reader sees what was typed, and
// the terminal is not restyled.
func Escape(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] >= 0x20 && s[i] < 0x7f
	}
	if ascii {
		return s // printable ASCII: most messages
	}
	i := strings.IndexFunc(s, Unsafe)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if Unsafe(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Strip drops the unsafe characters of text a user or a file supplied,
// for a report (a product's name), and shows bytes that are not UTF-8 as
// '?'.
func Strip(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return s // plain ASCII: most names
	}
	return strings.Map(func(r rune) rune {
		switch {
		case Unsafe(r):
			return -1
		case r == utf8.RuneError:
			return '?'
		}
		return r
	}, s)
}

// Plain reports the first character of s that a table's text must not
// have (Unsafe), or bytes that are not UTF-8, as a *CharError; nil for
// plain text.
func Plain(s string) error {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // ASCII, most of every table
			if c < 0x20 || c == 0x7f {
				return &CharError{Rune: rune(c)}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return &CharError{Invalid: true}
		}
		if Unsafe(r) {
			return &CharError{Rune: r}
		}
		i += size
	}
	return nil
}

// MaxEcho is how many bytes of a value an error line echoes.
const MaxEcho = 40

// Clip shortens a value someone typed for an error line: a huge value is
// not echoed whole. It cuts at a character boundary and marks the cut.
func Clip(s string) string { return ClipTo(s, MaxEcho) }

// ClipTo shortens s to at most max bytes, cut at a character boundary
// and marked with an ellipsis where it was cut: a text kept for a reader
// (a label's directions) is bounded.
func ClipTo(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// NoNegativeZero drops the minus of a formatted number that rounds to
// zero ("-0", "-0.0", "-0,00"): a value that is zero at the shown
// precision has no sign. The one rule for every number mgcalc prints, for
// people (msg) and machines (render).
func NoNegativeZero(s string) string {
	if len(s) > 1 && s[0] == '-' && strings.Trim(s[1:], "0.,") == "" {
		return s[1:]
	}
	return s
}

// List splits a list a person gives (--meds, --condition, --columns, an
// MGCALC_* variable, a config file's "meds: |" block) into its entries,
// the one rule for every list: commas and line breaks separate alike, a
// comma that ends a line and its line break are one separator, spaces
// around an entry are dropped, and so is blank space around the whole
// list (a YAML block ends with a line break). ok is false when an entry
// is empty ("a,,b", "a,", a blank line between two entries): a slip that
// must be said, never a list that silently loses or merges an entry
// (entries is then nil). A blank list has no entries.
func List(s string) (entries []string, ok bool) {
	s = strings.TrimFunc(s, isListSpace)
	if s == "" {
		return nil, true
	}
	for {
		i := strings.IndexFunc(s, isListBreak)
		if i < 0 {
			e := strings.TrimFunc(s, isListSpace)
			if e == "" {
				return nil, false
			}
			return append(entries, e), true
		}
		e := strings.TrimFunc(s[:i], isListSpace)
		if e == "" {
			return nil, false
		}
		entries = append(entries, e)
		r, size := utf8.DecodeRuneInString(s[i:])
		s = s[i+size:]
		if r == ',' { // a comma at the end of a line: the line break is the same separator
			rest := strings.TrimLeftFunc(s, func(r rune) bool { return isListSpace(r) && !isLineBreak(r) })
			if r2, size2 := utf8.DecodeRuneInString(rest); rest != "" && isLineBreak(r2) {
				s = rest[size2:]
				if r2 == '\r' && strings.HasPrefix(s, "\n") {
					s = s[1:]
				}
			}
		} else if r == '\r' && strings.HasPrefix(s, "\n") {
			s = s[1:]
		}
	}
}

// isListBreak reports whether r separates a list's entries: a comma or a
// line break.
func isListBreak(r rune) bool { return r == ',' || isLineBreak(r) }

// isLineBreak reports whether r ends a line: LF, CR (CRLF is one break),
// NEL, and the Unicode line and paragraph separators.
func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029'
}

// isListSpace reports whether r is blank space around a list's entries
// (line breaks included).
func isListSpace(r rune) bool { return unicode.IsSpace(r) || isLineBreak(r) }
