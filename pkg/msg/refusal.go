package msg

import (
	"errors"

	"github.com/mgcalc/mgcalc/pkg/text"
)

// This file holds the messages package msg makes itself; the catalogue
// test reads their keys here (and only here in package msg).

// NameRefusal is the one refusal of a name a person typed that the one
// fold (text.Fold) does not read: a character no name is written with (a
// Cyrillic letter that looks Latin must not vanish and leave another name
// behind), or bytes that are not UTF-8; nil when err is no *text.CharError.
// Callers say where the name came from (a flag, a config file).
func NameRefusal(name string, err error) *Message {
	var ce *text.CharError
	if !errors.As(err, &ce) {
		return nil
	}
	if ce.Invalid {
		return Errorf("%q is not valid UTF-8", text.Clip(name))
	}
	return Errorf("%q contains the character %s, which mgcalc does not read in names", text.Clip(name), text.Describe(ce.Rune)).
		WithHint("names use the letters a-z, digits, spaces and hyphens")
}
