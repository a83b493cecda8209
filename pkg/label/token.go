package label

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a token.
type tokKind uint8

const (
	tWord tokKind = iota + 1 // letters, then letters or digits: Magnesium, E470b, H2O, B6
	tNum                     // digits with a point or comma between digits: 500, 187,5, 1.830
	tSym                     // one other character: ( ) , ; : = / % - · …
)

// token is one token of a label line.
type token struct {
	kind  tokKind
	text  string // as printed
	low   string // lower case (words), the text otherwise
	pos   int    // byte offset in the line
	space bool   // white space (or the start of the line) before it
}

// maxTokens bounds the tokens of one line; a longer line is refused before
// any phrase is read.
const maxTokens = 2000

// tokenize splits a line into tokens. It never fails: every rune is a
// word, a number, a symbol or white space. Format characters (zero-width
// spaces, bidi marks) and control characters count as white space, and
// the trademark signs ® ™ © are dropped, so "Magtein®" is the word
// Magtein. It stops after maxTokens tokens and reports whether it did.
func tokenize(line string) (toks []token, cut bool) {
	space := true
	i := 0
	for i < len(line) {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch {
		case r == '®' || r == '™' || r == '©':
			i += size
			continue
		case isSpace(r):
			space = true
			i += size
			continue
		}
		if len(toks) == maxTokens {
			return toks, true
		}
		start := i
		switch {
		case isLetter(r):
			i += size
			for i < len(line) {
				r2, s2 := utf8.DecodeRuneInString(line[i:])
				if !isLetter(r2) && !isDigit(r2) && r2 != '\'' && r2 != '’' {
					break
				}
				i += s2
			}
			text := strings.TrimRight(line[start:i], "'’")
			i = start + len(text)
			toks = append(toks, token{kind: tWord, text: text, low: strings.ToLower(text), pos: start, space: space})
		case isDigit(r):
			i += size
			for i < len(line) {
				c := line[i]
				if isDigit(rune(c)) {
					i++
					continue
				}
				// a point or comma between digits belongs to the number
				if (c == '.' || c == ',') && i+1 < len(line) && isDigit(rune(line[i+1])) {
					i++
					continue
				}
				break
			}
			toks = append(toks, token{kind: tNum, text: line[start:i], low: line[start:i], pos: start, space: space})
		default:
			i += size
			text := line[start:i]
			if r == utf8.RuneError && size == 1 {
				text = "\uFFFD"
			}
			toks = append(toks, token{kind: tSym, text: text, low: text, pos: start, space: space})
		}
		space = false
	}
	return toks, false
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 ||
		unicode.Is(unicode.Cf, r) || r == '|' || r == '\u2028' || r == '\u2029'
}

// isLetter: letters of any script, and the micro sign of µg.
func isLetter(r rune) bool { return unicode.IsLetter(r) || r == 'µ' }

// isDigit: ASCII digits only; other digits are symbols and never numbers.
func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// spanText is the printed text of tokens [i, j).
func spanText(toks []token, i, j int) string {
	var b strings.Builder
	for k := i; k < j && k < len(toks); k++ {
		if k > i && toks[k].space {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].text)
	}
	return b.String()
}
