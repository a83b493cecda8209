package plan

import (
	"slices"

	"github.com/mgcalc/mgcalc/pkg/chem"
	"github.com/mgcalc/mgcalc/pkg/forms"
)

// A rule that names a form (a gate, an interaction of the antacid salts, a
// caution) concerns a salt, not a key: a form table of the user's may carry
// L-threonate's formula under another key, and that form must meet the
// threonate gate. So each named form is known by the compositions of its
// variants, in the table the knowledge is built against and in the
// built-in one, and a form is that named form when one of its variants has
// one of those compositions. A variant that matches no named form exactly
// is compared without its water of crystallisation, so that another
// hydrate of the same salt is still that salt; exact matches win, so that
// magnesium hydroxide (MgO + H2O by composition) stays hydroxide and is not
// taken for oxide. A form whose key is the named key is always that form.

// namedForms lists the form keys the knowledge's rules name.
func (k *Knowledge) namedForms() []string {
	var keys []string
	add := func(fs ...string) {
		for _, f := range fs {
			if !slices.Contains(keys, f) {
				keys = append(keys, f)
			}
		}
	}
	add(k.Gates.NotPregnant...)
	for _, in := range k.Interactions {
		add(in.Forms...)
		for _, s := range in.Spacings {
			add(s.Forms...)
		}
	}
	for _, c := range k.FormCautions {
		add(c.Forms...)
	}
	for _, g := range k.Goals {
		add(g.Sensitive.Avoid...)
		for _, n := range g.Notes {
			add(n.Forms...)
		}
		for _, e := range g.Evaluate {
			add(e.Forms...)
		}
	}
	return keys
}

// identify records the compositions of every named form in each table,
// and the form itself as the first table has it; then what every form of
// the tables is, so that a plan looks it up instead of comparing
// compositions each time it asks (the knowledge is read-only from here on;
// a form of another table is compared as before).
func (k *Knowledge) identify(tables ...*forms.Table) {
	k.ids = map[string][]chem.Composition{}
	k.named = map[string]*forms.Form{}
	for _, key := range k.namedForms() {
		for _, t := range tables {
			if t == nil {
				continue
			}
			if f := t.Lookup(key); f != nil && f.Key == key {
				if k.named[key] == nil {
					k.named[key] = f
				}
				for _, v := range f.Variants {
					k.ids[key] = append(k.ids[key], v.Composition)
				}
			}
		}
	}
	k.formIDs = map[string]formIDs{}
	if len(tables) > 0 && tables[0] != nil {
		for _, f := range tables[0].Forms {
			k.formIDs[f.Key] = formIDs{f, k.computeIdentities(f)}
		}
	}
}

// formIDs are what one form of the knowledge's table is.
type formIDs struct {
	form *forms.Form
	ids  []string
}

// FormIs reports whether form f is the form the rules call key.
func (k *Knowledge) FormIs(f *forms.Form, key string) bool {
	if f == nil {
		return false
	}
	if f.Key == key {
		return true
	}
	return slices.Contains(k.identities(f), key)
}

// FormIsAny reports whether f is one of the forms keys; an empty list
// means every form.
func (k *Knowledge) FormIsAny(f *forms.Form, keys []string) bool {
	if len(keys) == 0 {
		return true
	}
	for _, key := range keys {
		if k.FormIs(f, key) {
			return true
		}
	}
	return false
}

// NamedAs lists the forms the rules name that f is (its own key where the
// rules name it, and what its variants are by formula), for a snapshot
// that must match the rules without the knowledge (the journal).
func (k *Knowledge) NamedAs(f *forms.Form) []string {
	if f == nil {
		return nil
	}
	var out []string
	for _, key := range k.namedForms() {
		if k.FormIs(f, key) {
			out = append(out, key)
		}
	}
	return out
}

// identities are the named forms f's variants are.
func (k *Knowledge) identities(f *forms.Form) []string {
	if c, ok := k.formIDs[f.Key]; ok && c.form == f {
		return c.ids
	}
	return k.computeIdentities(f)
}

func (k *Knowledge) computeIdentities(f *forms.Form) []string {
	var out []string
	for _, v := range f.Variants {
		var exact, hydrate []string
		for key, comps := range k.ids {
			for _, c := range comps {
				switch {
				case sameComposition(v.Composition, c):
					exact = append(exact, key)
				case sameSalt(v.Composition, c):
					hydrate = append(hydrate, key)
				}
			}
		}
		if len(exact) == 0 {
			exact = hydrate
		}
		for _, key := range exact {
			if !slices.Contains(out, key) {
				out = append(out, key)
			}
		}
	}
	slices.Sort(out)
	return out
}

func sameComposition(a, b chem.Composition) bool {
	if len(a) != len(b) {
		return false
	}
	for el, n := range a {
		if b[el] != n {
			return false
		}
	}
	return true
}

// sameSalt reports whether a and b differ only by water: every element
// but H and O equal, and the H difference twice the O difference.
func sameSalt(a, b chem.Composition) bool {
	for _, c := range []chem.Composition{a, b} {
		for el := range c {
			if el != "H" && el != "O" && a[el] != b[el] {
				return false
			}
		}
	}
	dO := a["O"] - b["O"]
	return a["H"]-b["H"] == 2*dO
}
