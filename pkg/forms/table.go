// Package forms holds the table of magnesium forms: loading and validating
// data/forms.yaml, resolving the names people type, and converting between
// compound and elemental magnesium. It does no I/O.
package forms

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/chem"
	"github.com/mgcalc/mgcalc/pkg/source"
)

// Tolerance levels: how a form treats the gut, as the sources rate it.
const (
	Gentle   = "gentle"
	Moderate = "moderate"
	Laxative = "laxative"
	Unknown  = "unknown"
)

// Goals are the goal keys a form's uses may name (seed 004's goal table).
var Goals = []string{"sleep", "constipation", "sport", "heart", "cognition", "cramps", "migraine", "general"}

// Table is the validated form table.
type Table struct {
	Forms   []*Form
	Sources source.Registry
	index   map[string]*Form // normalised key and aliases
}

// Form is one magnesium salt or chelate, with its variants.
type Form struct {
	Key         string    `yaml:"key"`
	Name        string    `yaml:"name"`
	Aliases     []string  `yaml:"aliases"`
	Tolerance   Tolerance `yaml:"tolerance"`
	Uses        []Use     `yaml:"uses"`
	UsesSources []string  `yaml:"uses_sources"`
	Assay       *Assay    `yaml:"assay"`
	Notes       []Note    `yaml:"notes"`
	Variants    []*Variant
}

// Tolerance is a form's effect on the gut.
type Tolerance struct {
	Level   string   `yaml:"level"`
	Note    string   `yaml:"note"`
	Sources []string `yaml:"sources"`
}

// Use is a goal the sources name for a form.
type Use struct {
	Goal   string `yaml:"goal"`
	Choice string `yaml:"choice"` // first | also
	Note   string `yaml:"note"`
}

// Assay is the Mg % range a raw-material specification allows.
type Assay struct {
	MinPercent float64  `yaml:"min_percent"`
	MaxPercent float64  `yaml:"max_percent"`
	Sources    []string `yaml:"sources"`
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

// rawForm mirrors Form for strict decoding (variants by value).
type rawForm struct {
	Key         string    `yaml:"key"`
	Name        string    `yaml:"name"`
	Aliases     []string  `yaml:"aliases"`
	Tolerance   Tolerance `yaml:"tolerance"`
	Uses        []Use     `yaml:"uses"`
	UsesSources []string  `yaml:"uses_sources"`
	Assay       *Assay    `yaml:"assay"`
	Notes       []Note    `yaml:"notes"`
	Variants    []Variant `yaml:"variants"`
}

// Elements is the decoded elements.yaml.
type elementsFile struct {
	Source  string             `yaml:"source"`
	Weights map[string]float64 `yaml:"weights"`
}

// LoadWeights decodes and checks the atomic-weight table.
func LoadWeights(b []byte, reg source.Registry) (chem.Weights, error) {
	var f elementsFile
	if err := source.DecodeStrict(b, &f); err != nil {
		return nil, fmt.Errorf("elements: %w", err)
	}
	if err := reg.Check("elements", []string{f.Source}); err != nil {
		return nil, fmt.Errorf("elements: %w", err)
	}
	if len(f.Weights) == 0 {
		return nil, errors.New("elements: no weights")
	}
	for el, w := range f.Weights {
		if !symbolRE.MatchString(el) {
			return nil, fmt.Errorf("elements: %q is not an element symbol", el)
		}
		if !(w > 0 && w < 300) {
			return nil, fmt.Errorf("elements: weight of %s is %v, outside (0, 300)", el, w)
		}
	}
	return chem.Weights(f.Weights), nil
}

var (
	symbolRE = regexp.MustCompile(`^[A-Z][a-z]?$`)
	// pctRE finds a hand-typed Mg percentage ("60.3 %") in a note; blend
	// shares ("82 % glycinate") are whole numbers and allowed.
	pctRE = regexp.MustCompile(`\d+\.\d+\s*%`)
	keyRE = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
)

// Load decodes forms.yaml strictly and validates every form against the
// atomic weights and the source registry.
func Load(b []byte, w chem.Weights, reg source.Registry) (*Table, error) {
	var raw []rawForm
	if err := source.DecodeStrict(b, &raw); err != nil {
		return nil, fmt.Errorf("forms: %w", err)
	}
	if len(raw) == 0 {
		return nil, errors.New("forms: the table is empty")
	}
	t := &Table{Sources: reg, index: map[string]*Form{}}
	for i := range raw {
		f, err := buildForm(&raw[i], w, reg)
		if err != nil {
			where := raw[i].Key
			if where == "" {
				where = fmt.Sprintf("entry %d", i+1)
			}
			return nil, fmt.Errorf("forms: %s: %w", where, err)
		}
		for _, name := range append([]string{f.Key}, f.Aliases...) {
			n := Normalize(name)
			if n == "" {
				return nil, fmt.Errorf("forms: %s: alias %q is empty once normalised", f.Key, name)
			}
			if other, ok := t.index[n]; ok && other != f {
				return nil, fmt.Errorf("forms: %s: name %q is also a name of %s", f.Key, name, other.Key)
			}
			t.index[n] = f
		}
		t.Forms = append(t.Forms, f)
	}
	return t, nil
}

func buildForm(r *rawForm, w chem.Weights, reg source.Registry) (*Form, error) {
	if !keyRE.MatchString(r.Key) {
		return nil, fmt.Errorf("key %q must be lowercase letters, digits and hyphens", r.Key)
	}
	if strings.TrimSpace(r.Name) == "" {
		return nil, errors.New("no name")
	}
	switch r.Tolerance.Level {
	case Gentle, Moderate, Laxative:
		if err := reg.Check("tolerance", r.Tolerance.Sources); err != nil {
			return nil, err
		}
	case Unknown:
		if len(r.Tolerance.Sources) > 0 {
			return nil, errors.New("tolerance: an unknown level cites no source")
		}
	default:
		return nil, fmt.Errorf("tolerance level %q is not one of gentle, moderate, laxative, unknown", r.Tolerance.Level)
	}
	if r.Tolerance.Note == "" {
		return nil, errors.New("tolerance has no note")
	}
	if len(r.Uses) > 0 {
		if err := reg.Check("uses", r.UsesSources); err != nil {
			return nil, err
		}
	}
	for _, u := range r.Uses {
		if !slices.Contains(Goals, u.Goal) {
			return nil, fmt.Errorf("use: unknown goal %q", u.Goal)
		}
		if u.Choice != "first" && u.Choice != "also" {
			return nil, fmt.Errorf("use %s: choice %q is not first or also", u.Goal, u.Choice)
		}
	}
	if a := r.Assay; a != nil {
		if !(a.MinPercent > 0 && a.MinPercent < a.MaxPercent && a.MaxPercent < 100) {
			return nil, fmt.Errorf("assay %v-%v %% is not a range inside (0, 100)", a.MinPercent, a.MaxPercent)
		}
		if err := reg.Check("assay", a.Sources); err != nil {
			return nil, err
		}
	}
	for i, n := range r.Notes {
		if n.Text == "" {
			return nil, fmt.Errorf("note %d is empty", i+1)
		}
		if pctRE.MatchString(n.Text) {
			return nil, fmt.Errorf("note %d types a percentage by hand; use {pct} or {max_pct}", i+1)
		}
		if err := reg.Check(fmt.Sprintf("note %d", i+1), n.Sources); err != nil {
			return nil, err
		}
	}
	f := &Form{Key: r.Key, Name: r.Name, Aliases: r.Aliases, Tolerance: r.Tolerance,
		Uses: r.Uses, UsesSources: r.UsesSources, Assay: r.Assay, Notes: r.Notes}
	if len(r.Variants) == 0 {
		return nil, errors.New("no variants")
	}
	defaults := 0
	seen := map[string]bool{}
	for i := range r.Variants {
		v := r.Variants[i]
		if err := buildVariant(&v, w, reg); err != nil {
			return nil, fmt.Errorf("variant %q: %w", v.Key, err)
		}
		for _, name := range append([]string{v.Key}, v.Aliases...) {
			n := normalizeVariant(name)
			if seen[n] {
				return nil, fmt.Errorf("variant name %q is used twice", name)
			}
			seen[n] = true
		}
		if v.Default {
			defaults++
		}
		f.Variants = append(f.Variants, &v)
	}
	if defaults != 1 {
		return nil, fmt.Errorf("%d default variants; exactly one is needed", defaults)
	}
	// Notes name Mg shares through placeholders, filled from the formulas.
	for i := range f.Notes {
		f.Notes[i].Text = strings.NewReplacer(
			"{pct}", strconv.FormatFloat(f.Default().Fraction*100, 'f', 1, 64),
			"{max_pct}", strconv.FormatFloat(f.MaxFraction()*100, 'f', 1, 64),
		).Replace(f.Notes[i].Text)
	}
	return f, nil
}

func buildVariant(v *Variant, w chem.Weights, reg source.Registry) error {
	if !keyRE.MatchString(v.Key) {
		return fmt.Errorf("key must be lowercase letters, digits and hyphens")
	}
	if v.Name == "" {
		return errors.New("no name")
	}
	if err := reg.Check("formula", v.Sources); err != nil {
		return err
	}
	c, err := chem.Parse(v.Formula)
	if err != nil {
		return err
	}
	if c["Mg"] == 0 {
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
func (f *Form) MaxFraction() float64 {
	m := 0.0
	for _, v := range f.Variants {
		m = math.Max(m, v.Fraction)
	}
	return m
}
