package forms

import (
	"strings"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// magnesiumNames are what people write for the element itself rather than
// a salt, folded (text.Fold: no case, spaces, hyphens or brackets): the
// amount next to one of these is already elemental magnesium. The Dutch
// words (elementair magnesium) are in data/i18n/nl.words.yaml, read as
// these; German labels' words are kept here, mgcalc having no German
// catalogue.
func magnesiumNames(w string) bool {
	switch w {
	case "magnesium", "mg", "elementalmagnesium", "magnesiumelemental", "elementaresmagnesium",
		"magnesiumelementar":
		return true
	}
	return false
}

// IsMagnesium reports whether name names magnesium itself, not one of its
// salts: "magnesium", "Mg", "elemental magnesium", "magnesium
// (elemental)", and the Dutch and German words for them.
func IsMagnesium(name string) bool {
	if len(name) > MaxNameLen {
		return false
	}
	n, err := text.Fold(strings.NewReplacer("(", " ", ")", " ").Replace(text.Compat(name)))
	if err != nil {
		return false
	}
	if magnesiumNames(n) {
		return true
	}
	en, ok := msg.Word("magnesium", n)
	return ok && magnesiumNames(en)
}
