package forms

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mgcalc/mgcalc/pkg/chem"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// MaxNameLen bounds a form name; longer input is rejected before any work.
const MaxNameLen = 128

// NameErrorKind says why a name did not resolve.
type NameErrorKind int

// The kinds of NameError.
const (
	UnknownForm     NameErrorKind = iota + 1 // no form has this name (Msg.Hint holds a suggestion, or is nil)
	UnknownVariant                           // the form has no such variant
	UnknownFormula                           // a formula no variant in the table has
	FormulaConflict                          // a formula with a :VARIANT that names another variant
	Lacking                                  // a magnesium salt mgcalc knows of but has no formula for
	Refused                                  // a product that is not a salt to compute (magnesium oil)
	Empty                                    // no name given
	TooLong                                  // longer than MaxNameLen
	BadChar                                  // a character names are never written with
)

func (k NameErrorKind) String() string {
	switch k {
	case UnknownForm:
		return "unknown-form"
	case UnknownVariant:
		return "unknown-variant"
	case UnknownFormula:
		return "unknown-formula"
	case FormulaConflict:
		return "formula-conflict"
	case Lacking:
		return "lacking"
	case Refused:
		return "refused"
	case Empty:
		return "empty"
	case TooLong:
		return "too-long"
	case BadChar:
		return "bad-char"
	}
	return fmt.Sprintf("NameErrorKind(%d)", int(k))
}

// NameError is the error Resolve returns. Msg carries the text and any
// hint; hints never name a command or flag, so a caller may add its own
// (for UnknownForm and Empty, Msg.Hint is nil when only a list of the
// forms would help).
type NameError struct {
	Kind NameErrorKind
	Msg  *msg.Message
	// Name is the part of the input the error is about: the form part,
	// or the variant part for UnknownVariant; "" for Empty and TooLong.
	Name string
}

func (e *NameError) Error() string { return e.Msg.Error() }

// Unwrap returns Msg, so errors.As finds the *msg.Message.
func (e *NameError) Unwrap() error { return e.Msg }

func nameErr(k NameErrorKind, name string, m *msg.Message) *NameError {
	return &NameError{Kind: k, Msg: m, Name: name}
}

// normalize folds a form name for matching: no "magnesium" (or "mag ")
// prefix, lower case, letters and digits only.
func normalize(s string) (string, error) {
	s = strings.TrimSpace(s)
	low := strings.ToLower(s) // for the prefix only; fold checks every rune
	if len(low) == len(s) {
		if strings.HasPrefix(low, "magnesium") {
			s = s[len("magnesium"):]
		} else if len(low) > 4 && strings.HasPrefix(low, "mag") && (low[3] == ' ' || low[3] == '-' || low[3] == '_') {
			s = s[4:]
		}
	}
	return text.Fold(s)
}

func normalizeVariant(s string) (string, error) { return text.Fold(strings.TrimSpace(s)) }

// foldFormula folds a formula for matching without case: mgso4.7h2o is
// MgSO4·7H2O. Dots and spaces are dropped; "" if s has characters no
// formula has.
func foldFormula(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '(' || r == ')':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + ('a' - 'A'))
		case r == '[':
			b.WriteByte('(')
		case r == ']':
			b.WriteByte(')')
		case r == ' ' || r == '.' || r == '*' || r == '\u00b7' || r == '\u2022':
		default:
			return ""
		}
	}
	return b.String()
}

// Lookup finds a form by key or alias, or returns nil.
func (t *Table) Lookup(name string) *Form {
	n, err := normalize(text.Compat(name))
	if err != nil {
		return nil
	}
	return t.Index.form(n)
}

// lookup is Table.Lookup while the table is built.
func (b *builder) lookup(name string) *Form {
	n, err := normalize(text.Compat(name))
	if err != nil {
		return nil
	}
	return b.index[n]
}

// Resolve reads FORM, FORM:VARIANT or a formula (MgCl2, Mg(OH)2,
// mgso4.7h2o). With no variant it returns the form's default. A formula
// resolves to the variant with exactly that composition, or fails: it
// never falls back to a neighbouring hydrate. Errors are *NameError.
func (t *Table) Resolve(name string) (*Form, *Variant, error) { return t.resolve(name, true) }

// ResolveTerse is Resolve without the "did you mean" of an unknown name,
// the costly part of a miss (an edit distance to every name): a stream
// of distinct unknown names suggests for the first few only.
func (t *Table) ResolveTerse(name string) (*Form, *Variant, error) { return t.resolve(name, false) }

func (t *Table) resolve(name string, suggest bool) (*Form, *Variant, error) {
	if len(name) > MaxNameLen {
		return nil, nil, nameErr(TooLong, "", msg.Errorf("form name is longer than %d characters", MaxNameLen))
	}
	typed := name // as typed, for a refused character (text.Typed)
	name = text.Compat(name)
	formName, variantName, hasVariant := strings.Cut(name, ":")
	if strings.Contains(variantName, ":") {
		return nil, nil, nameErr(UnknownVariant, variantName, msg.Errorf("%q has more than one colon", name).
			WithHint("write FORM or FORM:VARIANT, such as citrate:nonahydrate"))
	}
	formName = strings.TrimSpace(formName)
	if formName == "" {
		return nil, nil, nameErr(Empty, "", msg.Errorf("no form given").WithHint("give a form, such as citrate or citrate:nonahydrate"))
	}
	if p, ok, err := t.resolveFormula(formName); ok || err != nil {
		if err != nil {
			return nil, nil, err
		}
		if hasVariant {
			if v, err := variantOf(p.Form, variantName); err != nil || v != p.Variant {
				return nil, nil, nameErr(FormulaConflict, formName,
					msg.Errorf("%s is the formula of %s:%s, not of %s:%s", formName, p.Form.Key, p.Variant.Key, p.Form.Key, strings.TrimSpace(variantName)).
						WithHint("give the formula alone, or the form with its variant"))
			}
		}
		return p.Form, p.Variant, nil
	}
	n, err := normalize(formName)
	if err != nil {
		if m := formulaTypo(formName); m != nil {
			return nil, nil, nameErr(UnknownFormula, formName, m)
		}
		tf, _, _ := strings.Cut(typed, ":")
		return nil, nil, charErr(strings.TrimSpace(tf), msg.New("form name"), text.Typed(tf, err))
	}
	f := t.Index.form(n)
	if f == nil {
		return nil, nil, t.unknown(formName, n, suggest)
	}
	if !hasVariant {
		return f, f.Default(), nil
	}
	v, err := variantOf(f, variantName)
	if ne, ok := err.(*NameError); ok && ne.Kind == BadChar {
		// named as typed: the character, and the variant's part of the name
		if _, tv, ok := strings.Cut(typed, ":"); ok {
			_, ferr := text.Fold(tv)
			return nil, nil, charErr(strings.TrimSpace(tv), msg.New("variant name"), ferr)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	return f, v, nil
}

// resolveFormula matches name as a formula: exactly as written (case
// matters: Co is not CO), or case-folded against the table's formulas.
// ok is false, with no error, when name is not read as a formula.
func (t *Table) resolveFormula(name string) (p VariantRef, ok bool, err error) {
	// an element is an upper-case letter and a lower-case one: only a name
	// with "Mg" in it can parse as a magnesium formula (a miss skips Parse)
	if strings.Contains(name, "Mg") {
		if c, perr := chem.Parse(name); perr == nil && c.Count("Mg") > 0 {
			if p, ok := t.Index.formula(c.String()); ok {
				return p, true, nil
			}
			return VariantRef{}, false, nameErr(UnknownFormula, name,
				msg.Errorf("no form in mgcalc's table has the formula %s", name).
					WithHint("only the formulas in the table can be computed; otherwise use the elemental magnesium amount the label states"))
		}
	}
	if k := foldFormula(name); k != "" {
		if p, ok := t.Index.folded(k); ok {
			return p, true, nil
		}
	}
	return VariantRef{}, false, nil
}

// formulaTypo says where a name that reads as a magnesium formula (Mg and
// a bracket or a middle dot: "Mg((OH)2") stops parsing, or nil for a name
// that does not read as one.
func formulaTypo(name string) *msg.Message {
	if !strings.Contains(name, "Mg") || !strings.ContainsAny(name, "()[]·") {
		return nil
	}
	_, err := chem.Parse(name)
	var se *chem.SyntaxError
	if !errors.As(err, &se) || se.Pos > len(name) {
		return nil
	}
	return msg.Errorf("%q reads as a formula, but mgcalc cannot read it from character %d on", name, utf8.RuneCountInString(name[:se.Pos])+1).
		WithHint("check the brackets and element symbols, as in Mg(OH)2 or MgCl2·6H2O")
}

// charErr refuses a form or variant name with a character the one fold
// does not read, by the one builder of that refusal (msg.NameRefusal):
// the same words and hint as a flag's name (--goal: "sleepд" contains …),
// with what was typed in front (form name: "citrateд" contains …).
func charErr(name string, what *msg.Message, err error) *NameError {
	r := msg.NameRefusal(name, err)
	if r == nil {
		r = msg.NameRefusal(name, &text.CharError{Invalid: true})
	}
	m := msg.Errorf("%s: %s", what, r)
	m.Hint = r.Hint
	return nameErr(BadChar, name, m)
}

// unknown builds the error for a form name (normalised as n) that no form
// has: a salt mgcalc lacks, a refused name, or an unknown one.
func (t *Table) unknown(name, n string, suggest bool) *NameError {
	if o := t.Index.other(n); o != nil {
		if o.Unlike != "" {
			return nameErr(UnknownForm, name, msg.Errorf("mgcalc has no %s: it is another salt than %s", o.Name, t.Lookup(o.Unlike).Name))
		}
		if o.Reason != "" {
			m := msg.Errorf("%s is not a magnesium salt mgcalc computes: %s", o.Name, o.Reason)
			if o.Item != nil {
				// the product to give instead, as the command in use
				// takes one (hydroxide 1200mg, hydroxide:1200mg)
				return nameErr(Refused, name, m.WithHint("%s", msg.DataItem{Key: msg.KeyName("refused", o.Key, "hint"), English: o.Hint,
					Item: msg.Item{Form: o.Item.Form, Amount: o.Item.Amount}}))
			}
			return nameErr(Refused, name, m.WithHint("%s", o.Hint))
		}
		m := msg.Errorf("mgcalc knows %s exists but has no formula for it", o.Name)
		if o.Note != "" {
			m = msg.Errorf("mgcalc knows %s exists but has no formula for it: %s", o.Name, o.Note)
		}
		return nameErr(Lacking, name, m.WithHint("use the elemental magnesium amount the label states"))
	}
	m := msg.Errorf("unknown form %q", name)
	if suggest {
		if s := t.suggest(n); s != "" {
			return nameErr(UnknownForm, name, m.WithHint("did you mean %s?", s))
		}
	}
	if t.File != "" {
		// a user's table replaces the built-in one: say so, since the
		// form may be one the built-in table has
		m = msg.Errorf("unknown form %q: the form table %s has no such form", name, t.File).
			WithHint("--table replaces the built-in table: add the form to the file, or leave out --table")
	}
	return nameErr(UnknownForm, name, m)
}

// variantOf finds f's variant by key or alias, or returns a *NameError.
func variantOf(f *Form, name string) (*Variant, error) {
	name = strings.TrimSpace(name)
	if strings.Contains(name, ":") {
		return nil, unknownVariant(f, name)
	}
	n, err := normalizeVariant(name)
	if err != nil {
		return nil, charErr(name, msg.New("variant name"), err)
	}
	if v := f.variant(n); v != nil {
		return v, nil
	}
	return nil, unknownVariant(f, name)
}

func unknownVariant(f *Form, name string) *NameError {
	return nameErr(UnknownVariant, name, msg.Errorf("%s has no variant %q", f.Key, name).
		WithHint("variants of %s: %s; the default is %s", f.Key, msg.List(f.variantNames()...), f.Default().Key))
}

// Variant finds a variant by key or alias, or returns nil.
func (f *Form) Variant(name string) *Variant {
	n, err := normalizeVariant(name)
	if err != nil {
		return nil
	}
	return f.variant(n)
}

func (f *Form) variant(n string) *Variant {
	if n == "" {
		return nil
	}
	for _, v := range f.Variants {
		for _, a := range append([]string{v.Key}, v.Aliases...) {
			if an, _ := normalizeVariant(a); an == n {
				return v
			}
		}
	}
	return nil
}

// variantNames lists the variant keys.
func (f *Form) variantNames() []string {
	out := make([]string, len(f.Variants))
	for i, v := range f.Variants {
		out[i] = v.Key
	}
	return out
}

// Suggest returns the key of the form, or of a salt mgcalc knows it lacks,
// whose name name is a plausible typo of; "" when none is, or when two
// are equally plausible. A typo is one edit (a letter added, dropped,
// changed, or two swapped) per five letters, with the first letter right;
// failing that, a typed beginning of at least four letters that only one
// form's names start with ("bisgly"). Names of other real salts are more
// than a typo apart, so "nitrate" does not become citrate.
func (t *Table) Suggest(name string) string {
	n, err := normalize(name)
	if err != nil {
		return ""
	}
	return t.suggest(n)
}

func (t *Table) suggest(n string) string {
	if n == "" || len(n) > MaxNameLen {
		return ""
	}
	limit := max(1, len(n)/5)
	best, bestKey, tie := limit+1, "", false
	prefixed := map[string]bool{}
	consider := func(k, key string, computable bool) {
		// a name the start of another suggests it only where that is a
		// form mgcalc computes: "citrate" is no typo of "citrate-malate"
		// (a salt without a formula, whose name is itself an error)
		if computable && len(n) >= 4 && strings.HasPrefix(k, n) {
			prefixed[key] = true
		}
		if k[0] != n[0] {
			return
		}
		switch d := editDistance(n, k); {
		case d < best:
			best, bestKey, tie = d, key, false
		case d == best && key != bestKey:
			tie = true
		}
	}
	for _, r := range t.Index.Names {
		consider(r.Name, r.Form.Key, true)
	}
	for _, r := range t.Index.Others {
		consider(r.Name, r.Other.Key, false)
	}
	switch {
	case best <= limit && !tie:
		return bestKey
	case best <= limit:
		return ""
	case len(prefixed) == 1:
		for key := range prefixed {
			return key
		}
	}
	return ""
}

// editDistance is the optimal-string-alignment distance: insertions,
// deletions, substitutions and swaps of neighbours each cost one.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 1 << 20
	}
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
