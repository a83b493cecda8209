package label

import "testing"

// A word that reads as magnesium but for a letter of another script is
// refused, quoting the letter; a word of another script is not (audit 2
// item 3).
func TestNearlyMagnesium(t *testing.T) {
	for text, want := range map[string]rune{
		"Mаgnesium 100 mg":        'а', // Cyrillic а
		"Magnesiυm 100 mg":        'υ', // Greek upsilon
		"Mаgnesiumcitrat 500 mg":  'а',
		"Кальциевый 100 mg":       0,
		"Магнезиум 100 mg":        0,
		"Tägliche Verzehrmenge 1": 0,
	} {
		toks, _ := tokenize(text)
		_, r, ok := nearlyMagnesium(toks)
		if ok != (want != 0) || r != want {
			t.Errorf("nearlyMagnesium(%q) = %q, %v; want %q", text, r, ok, want)
		}
	}
}
