package plan

import (
	"cmp"
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
		if g.TargetForm != "" {
			add(g.TargetForm)
		}
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
	k.Index.Named = nil
	for _, key := range k.namedForms() {
		n := NamedForm{Key: key}
		for _, t := range tables {
			if t == nil {
				continue
			}
			if f := t.Lookup(key); f != nil && f.Key == key {
				if n.Form == nil {
					n.Form = f
				}
				for _, v := range f.Variants {
					n.IDs = append(n.IDs, v.Composition)
				}
			}
		}
		if n.Form != nil {
			k.Index.Named = append(k.Index.Named, n)
		}
	}
	slices.SortFunc(k.Index.Named, func(a, b NamedForm) int { return cmp.Compare(a.Key, b.Key) })
	k.Index.Forms = nil
	if len(tables) > 0 && tables[0] != nil {
		for _, f := range tables[0].Forms {
			k.Index.Forms = append(k.Index.Forms, FormIdentity{f.Key, f, k.computeIdentities(f)})
		}
	}
	slices.SortFunc(k.Index.Forms, func(a, b FormIdentity) int { return cmp.Compare(a.Key, b.Key) })
}

// FormIs reports whether form f is the form the rules call key.
// formNamed is the form of the table the rules name by key (its name for
// prose: a key is never printed as a word), or nil.
func (k *Knowledge) formNamed(key string) *forms.Form {
	i, ok := slices.BinarySearchFunc(k.Index.Named, key, func(n NamedForm, key string) int { return cmp.Compare(n.Key, key) })
	if !ok {
		return nil
	}
	return k.Index.Named[i].Form
}

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
	if c, ok := k.Index.form(f.Key); ok && c.Form == f {
		return c.Is
	}
	return k.computeIdentities(f)
}

func (k *Knowledge) computeIdentities(f *forms.Form) []string {
	var out []string
	for _, v := range f.Variants {
		var exact, hydrate []string
		for _, n := range k.Index.Named {
			key := n.Key
			for _, c := range n.IDs {
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

func sameComposition(a, b chem.Composition) bool { return a.Equal(b) }

// sameSalt reports whether a and b differ only by water: every element
// but H and O equal, and the H difference twice the O difference.
func sameSalt(a, b chem.Composition) bool {
	for _, c := range []chem.Composition{a, b} {
		for _, at := range c {
			if el := at.Element; el != "H" && el != "O" && a.Count(el) != b.Count(el) {
				return false
			}
		}
	}
	dO := a.Count("O") - b.Count("O")
	return a.Count("H")-b.Count("H") == 2*dO
}
