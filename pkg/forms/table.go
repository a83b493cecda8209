// Package forms holds the table of magnesium forms: loading and validating
// data/forms.yaml, resolving the names people type, and converting between
// compound and elemental magnesium. It does no I/O.
package forms

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/chem"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/source"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// Tolerance levels: how a form treats the gut, as the sources rate it.
const (
	Gentle   = "gentle"
	Moderate = "moderate"
	Laxative = "laxative"
	Unknown  = "unknown"
)

// Table is the validated form table.
type Table struct {
	Forms   []*Form
	Lacking []*Other // salts mgcalc knows exist but has no formula for
	Refused []*Other // names that are not a salt to compute (magnesium oil)
	Sources source.Registry
	// Index finds the forms by name and formula: Build makes it.
	Index Index
	// File is the user's form table (--table) the forms were read from;
	// "" for the built-in table. An unknown form's error names it.
	File string
	// RichestKnown is, for a user's table, the richest magnesium share of
	// the built-in table's salts (oxide's, from its formula): whether a
	// richer salt could carry a label's share is chemistry, not a matter
	// of which forms a user's table happens to hold. 0 for the built-in
	// table, whose own forms answer it.
	RichestKnown float64
}

// Form is one magnesium salt or chelate, with its variants.
type Form struct {
	Key       string    `yaml:"key"`
	Name      string    `yaml:"name"`
	Aliases   []string  `yaml:"aliases"`
	Tolerance Tolerance `yaml:"tolerance"`
	Assay     *Assay    `yaml:"assay"`
	Notes     []Note    `yaml:"notes"`
	// PreferLabel, when set, says the variant sold is unknown: the label's
	// stated elemental amount should be preferred to a computed one.
	PreferLabel *Note      `yaml:"prefer_label"`
	Variants    []*Variant `yaml:"variants"`
}

// Tolerance is a form's effect on the gut.
type Tolerance struct {
	Level   string   `yaml:"level"`
	Note    string   `yaml:"note"`
	Sources []string `yaml:"sources"`
}

// Assay is the Mg % range a raw-material specification allows.
//
// A specification may state its range as another compound: USP magnesium
// carbonate gives % MgO. Then As names that formula, StatedMin and
// StatedMax keep the specification's own figures, and MinPercent and
// MaxPercent are converted to % Mg at load (rounded to 0.01).
type Assay struct {
	MinPercent float64  `yaml:"min_percent"`
	MaxPercent float64  `yaml:"max_percent"`
	As         string   `yaml:"as"` // "" for % Mg itself
	Sources    []string `yaml:"sources"`

	StatedMin float64 `yaml:"-"`
	StatedMax float64 `yaml:"-"`
}

// Note is a sourced fact about a form.
type Note struct {
	Text    string   `yaml:"text"`
	Sources []string `yaml:"sources"`
}

// Variant is one hydrate or salt of a form, with its computed chemistry.
type Variant struct {
	Key     string   `yaml:"key"`
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Formula string   `yaml:"formula"`
	Default bool     `yaml:"default"`
	Sources []string `yaml:"sources"`
	Labels  []Label  `yaml:"labels"`

	Composition chem.Composition `yaml:"-"`
	MolarMass   float64          `yaml:"-"` // g/mol
	Fraction    float64          `yaml:"-"` // mass share of Mg, (0, 1)
}

// Label is a real product's stated compound and elemental amounts, kept
// as a cross-check of the computed fraction.
type Label struct {
	CompoundMg  float64  `yaml:"compound_mg"`
	ElementalMg float64  `yaml:"elemental_mg"`
	Sources     []string `yaml:"sources"`
}

// Other is a name mgcalc recognises but does not compute: a magnesium salt
// it has no formula for (Table.Lacking), or a product that is not a salt
// at all (Table.Refused).
type Other struct {
	Key     string   `yaml:"key"`
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Note    string   `yaml:"note"`   // lacking: why there is no single formula (optional)
	Reason  string   `yaml:"reason"` // refused: what it is instead
	Hint    string   `yaml:"hint"`   // refused: what to give instead
	// Item (refused, optional) is the product the hint names where its
	// text has {item}: written as the command in use takes a product
	// (msg.Item), hydroxide 1200mg or hydroxide:1200mg.
	Item *Example `yaml:"item"`
	// Unlike (others list) is the form this name is one typo away from
	// but is not: "sulfite" is not "sulfate".
	Unlike  string   `yaml:"unlike"`
	Sources []string `yaml:"sources"`
}

// Example is a product as someone types it in a hint: a form and an
// amount of it.
type Example struct {
	Form   string `yaml:"form"`
	Amount string `yaml:"amount"`
}

// Names is names.yaml as decoded: the salts mgcalc knows exist but has no
// formula for, the names it refuses, and other salts' names that are one
// typo away from a form's.
type Names struct {
	Lacking []*Other `yaml:"lacking"`
	Refused []*Other `yaml:"refused"`
	Others  []*Other `yaml:"others"`
}

// Elements is elements.yaml as decoded: the standard atomic weights and
// the source that gives them.
type Elements struct {
	Source  string             `yaml:"source"`
	Weights map[string]float64 `yaml:"weights"`
}

// LoadWeights decodes and checks the atomic-weight table.
func LoadWeights(b []byte, reg source.Registry) (chem.Weights, error) {
	f, err := DecodeElements(b)
	if err != nil {
		return nil, err
	}
	return BuildWeights(f, reg)
}

// DecodeElements decodes elements.yaml strictly, without checking it.
func DecodeElements(b []byte) (Elements, error) {
	var f Elements
	if err := source.DecodeStrict(b, &f); err != nil {
		return Elements{}, fmt.Errorf("elements: %w", err)
	}
	return f, nil
}

// BuildWeights checks a decoded atomic-weight table (a known source,
// element symbols, weights in (0, 300)) and returns its weights.
func BuildWeights(f Elements, reg source.Registry) (chem.Weights, error) {
	if err := reg.Check("elements", []string{f.Source}); err != nil {
		return nil, fmt.Errorf("elements: %w", err)
	}
	if len(f.Weights) == 0 {
		return nil, errors.New("elements: no weights")
	}
	for el, w := range f.Weights {
		if !isSymbol(el) {
			return nil, fmt.Errorf("elements: %q is not an element symbol", el)
		}
		if !(w > 0 && w < 300) {
			return nil, fmt.Errorf("elements: weight of %s is %v, outside (0, 300)", el, w)
		}
	}
	return chem.Weights(f.Weights), nil
}

// The table's checks are plain loops rather than regular expressions:
// they run on every name and note each time the table is built, that is
// in every call of mgcalc that needs it.

// isSymbol reports whether s reads as an element symbol: an upper-case
// letter and at most one lower-case letter (^[A-Z][a-z]?$).
func isSymbol(s string) bool {
	switch len(s) {
	case 1:
		return isUpperASCII(s[0])
	case 2:
		return isUpperASCII(s[0]) && isLowerASCII(s[1])
	}
	return false
}

// typesPercent reports whether s has a hand-typed Mg percentage ("60.3 %",
// "16.16%"): digits, a point, digits, optional white space and a percent
// sign (\d+\.\d+\s*%). Blend shares ("82 % glycinate") are whole numbers
// and allowed.
func typesPercent(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] != '.' || !isDigitASCII(s[i-1]) {
			continue
		}
		j := i + 1
		for j < len(s) && isDigitASCII(s[j]) {
			j++
		}
		if j == i+1 {
			continue
		}
		for j < len(s) && strings.IndexByte(" \t\n\f\r", s[j]) >= 0 {
			j++
		}
		if j < len(s) && s[j] == '%' {
			return true
		}
	}
	return false
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }
func isDigitASCII(c byte) bool { return c >= '0' && c <= '9' }

// Load decodes forms.yaml strictly and validates every form against the
// atomic weights and the source registry. The table has no Lacking or
// Refused names; LoadWithNames adds them.
func Load(b []byte, w chem.Weights, reg source.Registry) (*Table, error) {
	return LoadWithNames(b, nil, w, reg)
}

// LoadWithNames is Load with names.yaml as well: the magnesium salts mgcalc
// knows exist but has no formula for, and the names it refuses. A nil
// names file adds none.
func LoadWithNames(formsYAML, namesYAML []byte, w chem.Weights, reg source.Registry) (*Table, error) {
	fs, err := DecodeForms(formsYAML)
	if err != nil {
		return nil, err
	}
	var names *Names
	if namesYAML != nil {
		if names, err = DecodeNames(namesYAML); err != nil {
			return nil, err
		}
	}
	return Build(fs, names, w, reg)
}

// DecodeForms decodes forms.yaml strictly, without validating it.
func DecodeForms(b []byte) ([]*Form, error) {
	var fs []*Form
	if err := source.DecodeStrict(b, &fs); err != nil {
		return nil, fmt.Errorf("forms: %w", err)
	}
	return fs, nil
}

// DecodeNames decodes names.yaml strictly, without validating it.
func DecodeNames(b []byte) (*Names, error) {
	var nf Names
	if err := source.DecodeStrict(b, &nf); err != nil {
		return nil, fmt.Errorf("names: %w", err)
	}
	return &nf, nil
}

// Build validates decoded forms (and names, unless nil) against the atomic
// weights and the source registry, computes every variant's molar mass
// and Mg fraction from its formula, fills the notes' placeholders, and
// indexes the names. It takes fs and names over: they are completed in
// place and belong to the table.
func Build(fs []*Form, names *Names, w chem.Weights, reg source.Registry) (*Table, error) {
	if len(fs) == 0 {
		return nil, errors.New("forms: the table is empty")
	}
	nnames, variants := 0, 0 // to size the indexes
	for _, f := range fs {
		if f != nil {
			nnames += 1 + len(f.Aliases)
			variants += len(f.Variants)
		}
	}
	t := &Table{Sources: reg}
	b := newBuilder(t, nnames, variants)
	for i, f := range fs {
		if f == nil {
			return nil, fmt.Errorf("forms: entry %d is empty", i+1)
		}
		err := buildForm(f, w, reg)
		if err == nil {
			err = b.addForm(f)
		}
		if err != nil {
			if f.Key == "" {
				return nil, fmt.Errorf("forms: entry %d: %w", i+1, err)
			}
			return nil, fmt.Errorf("forms: %s: %w", f.Key, err)
		}
		t.Forms = append(t.Forms, f)
	}
	// A name must never read as a formula once case is folded: "mgo" is
	// magnesium oxide's formula, not a name.
	for n, f := range b.index {
		if p, ok := b.folded[n]; ok {
			return nil, fmt.Errorf("forms: %s: name %q reads as the formula of %s:%s", f.Key, n, p.Form.Key, p.Variant.Key)
		}
	}
	if names != nil {
		if err := b.addNames(names, reg); err != nil {
			return nil, fmt.Errorf("names: %w", err)
		}
	}
	b.freeze()
	return t, nil
}

// addForm indexes a built form's names and its variants' formulas.
func (b *builder) addForm(f *Form) error {
	for _, name := range append([]string{f.Key}, f.Aliases...) {
		n, err := normalize(name)
		if err != nil {
			return fmt.Errorf("alias %q: %w", name, err)
		}
		if n == "" {
			return fmt.Errorf("alias %q is empty once normalised", name)
		}
		if readsAsFormula(name) {
			return fmt.Errorf("alias %q is a formula; formulas are matched without an alias", name)
		}
		if other, ok := b.index[n]; ok && other != f {
			return fmt.Errorf("name %q is also a name of %s", name, other.Key)
		}
		b.index[n] = f
	}
	for _, v := range f.Variants {
		hill := v.Composition.String()
		if p, ok := b.formulas[hill]; ok {
			return fmt.Errorf("variant %s has the formula of %s:%s (%s)", v.Key, p.Form.Key, p.Variant.Key, hill)
		}
		b.formulas[hill] = VariantRef{hill, f, v}
		for _, s := range []string{v.Formula, hill} {
			k := foldFormula(s)
			if p, ok := b.folded[k]; ok && p.Variant != v {
				return fmt.Errorf("variant %s: formula %s reads like that of %s:%s once case is folded", v.Key, s, p.Form.Key, p.Variant.Key)
			}
			b.folded[k] = VariantRef{k, f, v}
		}
	}
	return nil
}

// readsAsFormula reports whether name parses as a formula with Mg in it.
// Only a name with "Mg" in it can, so the others are not parsed.
func readsAsFormula(name string) bool {
	if !strings.Contains(name, "Mg") {
		return false
	}
	c, err := chem.Parse(strings.TrimSpace(name))
	return err == nil && c.Count("Mg") > 0
}

// addNames checks names.yaml and indexes its names.
func (b *builder) addNames(nf *Names, reg source.Registry) error {
	t := b.t
	check := func(o *Other, refused bool) error {
		if o == nil {
			return errors.New("an entry is empty")
		}
		if !text.IsKey(o.Key) {
			return fmt.Errorf("key %q must be lowercase letters, digits and hyphens", o.Key)
		}
		if strings.TrimSpace(o.Name) == "" {
			return fmt.Errorf("%s: no name", o.Key)
		}
		if o.Unlike != "" {
			if u := b.lookup(o.Unlike); u == nil || u.Key != o.Unlike || o.Reason != "" || o.Hint != "" || o.Note != "" {
				return fmt.Errorf("%s: another salt's name needs unlike: a form key, and no note, reason or hint", o.Key)
			}
		} else if refused && (o.Reason == "" || o.Hint == "" || o.Note != "") {
			return fmt.Errorf("%s: a refused name needs a reason and a hint, and no note", o.Key)
		}
		if !refused && (o.Reason != "" || o.Hint != "" || o.Item != nil) {
			return fmt.Errorf("%s: a lacking salt has a note at most, no reason or hint, and no item", o.Key)
		}
		if err := checkItem(o, b); err != nil {
			return err
		}
		for _, s := range []string{o.Name, o.Note, o.Reason, o.Hint} {
			if typesPercent(s) {
				return fmt.Errorf("%s: types a percentage by hand", o.Key)
			}
			if err := plainText(o.Key, s); err != nil {
				return err
			}
		}
		if err := reg.Check(o.Key, o.Sources); err != nil {
			return err
		}
		for _, name := range append([]string{o.Key, o.Name}, o.Aliases...) {
			n, err := normalize(name)
			if err != nil {
				return fmt.Errorf("%s: name %q: %w", o.Key, name, err)
			}
			if n == "" {
				return fmt.Errorf("%s: name %q is empty once normalised", o.Key, name)
			}
			if f, ok := b.index[n]; ok {
				return fmt.Errorf("%s: name %q is a name of the form %s", o.Key, name, f.Key)
			}
			if p, ok := b.folded[n]; ok {
				return fmt.Errorf("%s: name %q reads as the formula of %s:%s", o.Key, name, p.Form.Key, p.Variant.Key)
			}
			if other, ok := b.others[n]; ok && other != o {
				return fmt.Errorf("%s: name %q is also a name of %s", o.Key, name, other.Key)
			}
			b.others[n] = o
		}
		return nil
	}
	for _, o := range nf.Lacking {
		if err := check(o, false); err != nil {
			return fmt.Errorf("lacking: %w", err)
		}
		t.Lacking = append(t.Lacking, o)
	}
	for _, o := range nf.Refused {
		if err := check(o, true); err != nil {
			return fmt.Errorf("refused: %w", err)
		}
		t.Refused = append(t.Refused, o)
	}
	for _, o := range nf.Others {
		if o != nil && o.Unlike == "" {
			return fmt.Errorf("others: %s: unlike is missing", o.Key)
		}
		if err := check(o, false); err != nil {
			return fmt.Errorf("others: %w", err)
		}
	}
	return nil
}

// AddNamesThatFit adds to a table built without names (a table of the
// user's, mgcalc --table) the entries of names that fit it: an entry is
// left out when it is another salt's name one typo away from a form the
// table lacks, or when one of its names is a name or formula of the
// table's forms (the user's table has that salt), or when its hint names
// a product of a form the table lacks (a hint names only input that
// works). What is left keeps its guard: "sulfite" is still not "sulfate".
func (t *Table) AddNamesThatFit(names *Names, reg source.Registry) error {
	clashes := func(o *Other) bool {
		if o == nil {
			return false // addNames reports it
		}
		if o.Item != nil {
			if f := t.Lookup(o.Item.Form); f == nil || f.Key != o.Item.Form {
				return true
			}
		}
		if o.Unlike != "" {
			if u := t.Lookup(o.Unlike); u == nil || u.Key != o.Unlike {
				return true
			}
		}
		for _, name := range append([]string{o.Key, o.Name}, o.Aliases...) {
			n, err := normalize(name)
			if err != nil {
				return false // addNames reports it
			}
			if t.Index.form(n) != nil {
				return true
			}
			if _, ok := t.Index.folded(n); ok {
				return true
			}
		}
		return false
	}
	fit := func(os []*Other) []*Other {
		var out []*Other
		for _, o := range os {
			if !clashes(o) {
				out = append(out, o)
			}
		}
		return out
	}
	b := thaw(t)
	if err := b.addNames(&Names{Lacking: fit(names.Lacking), Refused: fit(names.Refused), Others: fit(names.Others)}, reg); err != nil {
		return fmt.Errorf("names: %w", err)
	}
	b.freeze()
	return nil
}

func buildForm(f *Form, w chem.Weights, reg source.Registry) error {
	if !text.IsKey(f.Key) {
		return fmt.Errorf("key %q must be lowercase letters, digits and hyphens", f.Key)
	}
	if strings.TrimSpace(f.Name) == "" {
		return errors.New("no name")
	}
	if err := plainText("name", f.Name); err != nil {
		return err
	}
	if err := plainText("tolerance note", f.Tolerance.Note); err != nil {
		return err
	}
	switch f.Tolerance.Level {
	case Gentle, Moderate, Laxative:
		if err := reg.Check("tolerance", f.Tolerance.Sources); err != nil {
			return err
		}
	case Unknown:
		if len(f.Tolerance.Sources) > 0 {
			return errors.New("tolerance: an unknown level cites no source")
		}
	default:
		return fmt.Errorf("tolerance level %q is not one of gentle, moderate, laxative, unknown", f.Tolerance.Level)
	}
	if f.Tolerance.Note == "" {
		return errors.New("tolerance has no note")
	}
	for i := range f.Notes {
		if err := checkNote(fmt.Sprintf("note %d", i+1), &f.Notes[i], reg); err != nil {
			return err
		}
	}
	if f.PreferLabel != nil {
		if err := checkNote("prefer_label", f.PreferLabel, reg); err != nil {
			return err
		}
	}
	if len(f.Variants) == 0 {
		return errors.New("no variants")
	}
	defaults := 0
	seen := map[string]bool{}
	for i, v := range f.Variants {
		if v == nil {
			return fmt.Errorf("variant %d is empty", i+1)
		}
		if err := buildVariant(v, w, reg); err != nil {
			return fmt.Errorf("variant %q: %w", v.Key, err)
		}
		for _, name := range append([]string{v.Key}, v.Aliases...) {
			n, err := normalizeVariant(name)
			if err != nil {
				return fmt.Errorf("variant name %q: %w", name, err)
			}
			if n == "" || seen[n] {
				return fmt.Errorf("variant name %q is used twice or empty", name)
			}
			seen[n] = true
		}
		if v.Default {
			defaults++
		}
	}
	if defaults != 1 {
		return fmt.Errorf("%d default variants; exactly one is needed", defaults)
	}
	if f.Assay != nil {
		if err := buildAssay(f, w, reg); err != nil {
			return err
		}
	}
	// Notes name Mg shares through placeholders, filled from the formulas.
	texts := []*string{}
	for i := range f.Notes {
		texts = append(texts, &f.Notes[i].Text)
	}
	if f.PreferLabel != nil {
		texts = append(texts, &f.PreferLabel.Text)
	}
	for _, p := range texts {
		if strings.Contains(*p, "{") {
			*p = FillShares(*p, f, ".")
		}
		if strings.ContainsAny(*p, "{}") {
			return fmt.Errorf("note %q has an unknown placeholder; use {pct}, {min_pct} or {max_pct}", *p)
		}
	}
	return nil
}

// FillShares fills the placeholders of a note (in any language) with the
// form's Mg shares to one decimal, written with point: {pct} the default
// variant's, {min_pct} and {max_pct} the leanest and richest variant's.
// A placeholder has no brace inside and a share has none at all, so
// filling them one kind after the other is one pass.
func FillShares(s string, f *Form, point string) string {
	pct := func(frac float64) string {
		return strings.Replace(strconv.FormatFloat(frac*100, 'f', 1, 64), ".", point, 1)
	}
	s = strings.ReplaceAll(s, "{pct}", pct(f.Default().Fraction))
	s = strings.ReplaceAll(s, "{max_pct}", pct(f.MaxFraction()))
	return strings.ReplaceAll(s, "{min_pct}", pct(f.minFraction()))
}

func checkNote(what string, n *Note, reg source.Registry) error {
	if strings.TrimSpace(n.Text) == "" {
		return fmt.Errorf("%s is empty", what)
	}
	if typesPercent(n.Text) {
		return fmt.Errorf("%s types a percentage by hand; use {pct}, {min_pct} or {max_pct}", what)
	}
	if err := plainText(what, n.Text); err != nil {
		return err
	}
	return reg.Check(what, n.Sources)
}

// buildAssay checks the specification range, converts a range stated as
// another compound (% MgO) into % Mg, and requires the range to contain
// the default variant's formula share: a default outside its own
// specification is the wrong default.
func buildAssay(f *Form, w chem.Weights, reg source.Registry) error {
	a := f.Assay
	if !(a.MinPercent > 0 && a.MinPercent < a.MaxPercent && a.MaxPercent < 100) {
		return fmt.Errorf("assay %v-%v %% is not a range inside (0, 100)", a.MinPercent, a.MaxPercent)
	}
	if err := reg.Check("assay", a.Sources); err != nil {
		return err
	}
	a.StatedMin, a.StatedMax = a.MinPercent, a.MaxPercent
	if a.As != "" {
		c, err := chem.Parse(a.As)
		if err != nil {
			return fmt.Errorf("assay: %w", err)
		}
		frac, err := w.MassFraction(c, "Mg")
		if err != nil {
			return fmt.Errorf("assay as %s: %w", a.As, err)
		}
		if frac == 0 {
			return fmt.Errorf("assay as %s: the formula contains no Mg", a.As)
		}
		a.MinPercent = math.Round(a.StatedMin*frac*100) / 100
		a.MaxPercent = math.Round(a.StatedMax*frac*100) / 100
	}
	if d := f.Default(); d.Fraction*100 < a.MinPercent || d.Fraction*100 > a.MaxPercent {
		return fmt.Errorf("assay %v-%v %% Mg excludes the default variant %s (%s %% by its formula)",
			a.MinPercent, a.MaxPercent, d.Key, strconv.FormatFloat(d.Fraction*100, 'f', 2, 64))
	}
	return nil
}

// MinFraction is the least Mg mass share a variant may have: mgcalc's rule,
// not a sourced value. Every salt sold as a magnesium supplement carries
// several percent (the leanest in data/forms.yaml, L-threonate, 7.2 %), so
// a formula under 1 % is taken for a typo rather than turned into grams
// of compound for a few milligrams of magnesium.
const MinFraction = 0.01

// plainText refuses what must not reach a terminal or a report from a
// table's names and notes (text.Plain): control characters (escape
// sequences, line breaks), format characters such as bidi overrides, line
// and paragraph separators, and bytes that are not UTF-8.
// checkItem checks a refused name's item: the hint names it by {item}
// exactly once when it has one, and never otherwise; its form is a form's
// key (which every language reads) and its amount digits with mg or g, so
// that the hint names input that works.
func checkItem(o *Other, b *builder) error {
	n := strings.Count(o.Hint, msg.ItemPlaceholder)
	switch {
	case o.Item == nil && n == 0:
		return nil
	case o.Item == nil:
		return fmt.Errorf("%s: the hint has %s but there is no item", o.Key, msg.ItemPlaceholder)
	case n != 1:
		return fmt.Errorf("%s: the hint must name its item once, as %s", o.Key, msg.ItemPlaceholder)
	}
	if f := b.lookup(o.Item.Form); f == nil || f.Key != o.Item.Form {
		return fmt.Errorf("%s: item form %q is not a form's key", o.Key, o.Item.Form)
	}
	digits := strings.TrimRight(o.Item.Amount, "gm")
	if unit := o.Item.Amount[len(digits):]; digits == "" || strings.Trim(digits, "0123456789") != "" || unit != "mg" && unit != "g" {
		return fmt.Errorf("%s: item amount %q is not digits and a unit, such as 1200mg", o.Key, o.Item.Amount)
	}
	return nil
}

func plainText(what, s string) error {
	var ce *text.CharError
	if err := text.Plain(s); errors.As(err, &ce) {
		switch {
		case ce.Invalid:
			return fmt.Errorf("%s is not valid UTF-8", what)
		case ce.Rune < 0x20 || ce.Rune == 0x7f:
			return fmt.Errorf("%s contains the control character %U", what, ce.Rune)
		}
		return fmt.Errorf("%s contains the control or format character %U", what, ce.Rune)
	}
	return nil
}

func buildVariant(v *Variant, w chem.Weights, reg source.Registry) error {
	if !text.IsKey(v.Key) {
		return fmt.Errorf("key must be lowercase letters, digits and hyphens")
	}
	if strings.TrimSpace(v.Name) == "" {
		return errors.New("no name")
	}
	if err := plainText("name", v.Name); err != nil {
		return err
	}
	if err := reg.Check("formula", v.Sources); err != nil {
		return err
	}
	c, err := chem.Parse(v.Formula)
	if err != nil {
		return err
	}
	if c.Count("Mg") == 0 {
		return fmt.Errorf("formula %s contains no Mg", v.Formula)
	}
	m, err := w.MolarMass(c)
	if err != nil {
		return fmt.Errorf("formula %s: %w", v.Formula, err)
	}
	frac, _ := w.MassFraction(c, "Mg")
	if !(frac > 0 && frac < 1) || math.IsNaN(frac) {
		return fmt.Errorf("formula %s gives an Mg fraction of %v, outside (0, 1)", v.Formula, frac)
	}
	if frac < MinFraction {
		return fmt.Errorf("formula %s gives %.4f %% Mg, under mgcalc's floor of %g %%: a typo in the formula?", v.Formula, frac*100, MinFraction*100)
	}
	for i, l := range v.Labels {
		if !(l.CompoundMg > 0 && l.ElementalMg > 0 && l.ElementalMg < l.CompoundMg) {
			return fmt.Errorf("label %d: amounts must be positive, elemental below compound", i+1)
		}
		if err := reg.Check(fmt.Sprintf("label %d", i+1), l.Sources); err != nil {
			return err
		}
	}
	v.Composition, v.MolarMass, v.Fraction = c, m, frac
	return nil
}

// Default returns the form's default variant (the one sold as a supplement).
func (f *Form) Default() *Variant {
	for _, v := range f.Variants {
		if v.Default {
			return v
		}
	}
	return f.Variants[0] // unreachable in a validated table
}

// VariantDependent reports whether the form's Mg share depends on which
// variant (hydrate or salt) is meant.
func (f *Form) VariantDependent() bool { return len(f.Variants) > 1 }

// MaxFraction is the highest Mg fraction among the form's variants.
// MaxFraction is the richest magnesium share of the table's forms.
func (t *Table) MaxFraction() float64 {
	m := 0.0
	for _, f := range t.Forms {
		m = math.Max(m, f.MaxFraction())
	}
	return m
}

func (f *Form) MaxFraction() float64 {
	m := 0.0
	for _, v := range f.Variants {
		m = math.Max(m, v.Fraction)
	}
	return m
}

func (f *Form) minFraction() float64 {
	m := 1.0
	for _, v := range f.Variants {
		m = math.Min(m, v.Fraction)
	}
	return m
}
