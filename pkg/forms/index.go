package forms

import (
	"cmp"
	"slices"
	"strings"
)

// Index finds a table's forms by name and formula. Each list is sorted by
// its key and searched by binary search: a table generated into Go
// (pkg/kb) carries its index as constant data, so that nothing is built
// when mgcalc starts. Build makes it for every other table.
type Index struct {
	Names    []NameRef    // normalised form keys and aliases
	Formulas []VariantRef // the Hill formula of every variant
	Folded   []VariantRef // case-folded formulas: mgcl2, mgso4.7h2o
	Others   []OtherRef   // normalised names of Lacking, Refused and other salts
}

// NameRef is a normalised name of a form.
type NameRef struct {
	Name string
	Form *Form
}

// VariantRef is a formula of a variant of a form.
type VariantRef struct {
	Formula string
	Form    *Form
	Variant *Variant
}

// OtherRef is a normalised name of a salt mgcalc lacks or a name it
// refuses.
type OtherRef struct {
	Name  string
	Other *Other
}

func search[E any](s []E, key string, keyOf func(E) string) (E, bool) {
	i, ok := slices.BinarySearchFunc(s, key, func(e E, k string) int { return strings.Compare(keyOf(e), k) })
	if !ok {
		var zero E
		return zero, false
	}
	return s[i], true
}

func (x *Index) form(n string) *Form {
	r, _ := search(x.Names, n, func(r NameRef) string { return r.Name })
	return r.Form
}

func (x *Index) formula(hill string) (VariantRef, bool) {
	return search(x.Formulas, hill, func(r VariantRef) string { return r.Formula })
}

func (x *Index) folded(k string) (VariantRef, bool) {
	return search(x.Folded, k, func(r VariantRef) string { return r.Formula })
}

func (x *Index) other(n string) *Other {
	r, _ := search(x.Others, n, func(r OtherRef) string { return r.Name })
	return r.Other
}

// builder indexes a table as it is built and validated: maps, so that a
// name used twice is found as it is added. freeze turns them into the
// table's Index.
type builder struct {
	t        *Table
	index    map[string]*Form
	formulas map[string]VariantRef
	folded   map[string]VariantRef
	others   map[string]*Other
}

func newBuilder(t *Table, names, variants int) *builder {
	return &builder{t: t, index: make(map[string]*Form, names), formulas: make(map[string]VariantRef, variants),
		folded: make(map[string]VariantRef, 2*variants), others: map[string]*Other{}}
}

// thaw returns a builder holding t's index, to add to it.
func thaw(t *Table) *builder {
	b := newBuilder(t, len(t.Index.Names), len(t.Index.Formulas))
	for _, r := range t.Index.Names {
		b.index[r.Name] = r.Form
	}
	for _, r := range t.Index.Formulas {
		b.formulas[r.Formula] = r
	}
	for _, r := range t.Index.Folded {
		b.folded[r.Formula] = r
	}
	for _, r := range t.Index.Others {
		b.others[r.Name] = r.Other
	}
	return b
}

// freeze writes the builder's maps into the table's Index, sorted.
func (b *builder) freeze() {
	x := Index{}
	for n, f := range b.index {
		x.Names = append(x.Names, NameRef{n, f})
	}
	for _, r := range b.formulas {
		x.Formulas = append(x.Formulas, r)
	}
	for k, r := range b.folded {
		r.Formula = k
		x.Folded = append(x.Folded, r)
	}
	for n, o := range b.others {
		x.Others = append(x.Others, OtherRef{n, o})
	}
	slices.SortFunc(x.Names, func(a, b NameRef) int { return cmp.Compare(a.Name, b.Name) })
	slices.SortFunc(x.Formulas, func(a, b VariantRef) int { return cmp.Compare(a.Formula, b.Formula) })
	slices.SortFunc(x.Folded, func(a, b VariantRef) int { return cmp.Compare(a.Formula, b.Formula) })
	slices.SortFunc(x.Others, func(a, b OtherRef) int { return cmp.Compare(a.Name, b.Name) })
	b.t.Index = x
}
