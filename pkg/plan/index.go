package plan

import (
	"cmp"
	"slices"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/chem"
	"github.com/mgcalc/mgcalc/pkg/forms"
)

// Index is what Build works out once from the knowledge and its form
// table, for lookups. Each list is sorted by its key and searched by
// binary search: knowledge generated into Go (pkg/kb) carries its index
// as constant data, so that nothing is built when mgcalc starts.
type Index struct {
	// Meds are the folded names a person may type for a medicine (key,
	// name or member of a class), each with its classes.
	Meds []Med
	// Named are the forms the knowledge's rules name, by key: the form as
	// the knowledge's table has it, and the compositions of its variants
	// in that table and in the built-in one (identity.go).
	Named []NamedForm
	// Forms are what each form of the knowledge's table is, by key.
	Forms []FormIdentity
}

// Med is one name of a medicine and its classes: an interaction that
// spaces it from magnesium, a class that lowers or raises magnesium, or a
// product that is itself magnesium (never with either of the others).
type Med struct {
	Name      string
	Spaced    *Interaction
	Depleting *MedClass
	Product   *MgProduct
}

// NamedForm is a form a rule names.
type NamedForm struct {
	Key  string
	Form *forms.Form
	IDs  []chem.Composition
}

// FormIdentity is what one form of the knowledge's table is: the keys of
// the named forms it is.
type FormIdentity struct {
	Key  string
	Form *forms.Form
	Is   []string
}

func find[E any](s []E, key string, keyOf func(E) string) (E, bool) {
	i, ok := slices.BinarySearchFunc(s, key, func(e E, k string) int { return strings.Compare(keyOf(e), k) })
	if !ok {
		var zero E
		return zero, false
	}
	return s[i], true
}

func (x *Index) med(n string) Med {
	m, _ := find(x.Meds, n, func(m Med) string { return m.Name })
	return m
}

func (x *Index) named(key string) (NamedForm, bool) {
	return find(x.Named, key, func(n NamedForm) string { return n.Key })
}

func (x *Index) form(key string) (FormIdentity, bool) {
	return find(x.Forms, key, func(f FormIdentity) string { return f.Key })
}

// medIndex collects the medicine names while the knowledge is validated.
type medIndex map[string]*Med

func (m medIndex) at(n string) *Med {
	if m[n] == nil {
		m[n] = &Med{Name: n}
	}
	return m[n]
}

func (m medIndex) sorted() []Med {
	out := make([]Med, 0, len(m))
	for _, e := range m {
		out = append(out, *e)
	}
	slices.SortFunc(out, func(a, b Med) int { return cmp.Compare(a.Name, b.Name) })
	return out
}
