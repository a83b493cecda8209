package forms

import "strings"

// magnesiumNames are what people write for the element itself rather than
// a salt, folded as fold does (no case, spaces, hyphens or brackets): the
// amount next to one of these is already elemental magnesium.
var magnesiumNames = map[string]bool{
	"magnesium": true, "mg": true,
	"elementalmagnesium": true, "magnesiumelemental": true,
	"elementairmagnesium": true, "magnesiumelementair": true,
	"elementaresmagnesium": true, "magnesiumelementar": true,
}

// IsMagnesium reports whether name names magnesium itself, not one of its
// salts: "magnesium", "Mg", "elemental magnesium", "magnesium
// (elemental)", and the Dutch and German words for them.
func IsMagnesium(name string) bool {
	if len(name) > MaxNameLen {
		return false
	}
	n, err := fold(strings.NewReplacer("(", " ", ")", " ").Replace(compat(name)))
	return err == nil && magnesiumNames[n]
}
