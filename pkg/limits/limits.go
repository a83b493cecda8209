// Package limits holds magnesium reference values: supplemental upper
// limits by authority and age, the US RDA/AI and EFSA AI tables, and label
// reference values. It decides which value applies to a person and never
// fills a gap the sources leave: where no value is set, it says so.
package limits

import (
	"errors"
	"fmt"
	"math"

	"github.com/mgcalc/mgcalc/pkg/source"
)

// DefaultAuthority is the authority used when none is chosen.
const DefaultAuthority = "nih"

// Tables is the validated limits.yaml.
type Tables struct {
	UpperLimits []*Authority  `yaml:"upper_limits"`
	USRDA       *IntakeTable  `yaml:"us_rda"`
	EFSAAI      *IntakeTable  `yaml:"efsa_ai"`
	LabelValues []*LabelValue `yaml:"label_values"`
}

// Authority is one body's set of supplemental upper limits.
type Authority struct {
	Key  string `yaml:"key"`
	Name string `yaml:"name"`
	Kind ULKind `yaml:"kind"`
	// Intake names the authority's own intake reference (us_rda, efsa_ai),
	// or is empty where it sets none.
	Intake string   `yaml:"intake"`
	Bands  []ULBand `yaml:"bands"`
}

// ULKind says what sort of upper limit an authority sets.
type ULKind string

// The kinds of upper limit.
const (
	TolerableUpperLevel ULKind = "tolerable-upper-intake-level"
	SafeUpperLevel      ULKind = "safe-upper-level"
	// MaximumLevel is a national maximum for magnesium in food
	// supplements (German BfR).
	MaximumLevel ULKind = "maximum-level"
)

// ULBand is an upper limit for an age band; Mg is nil where none is set.
type ULBand struct {
	From    float64  `yaml:"from"`
	To      *float64 `yaml:"to"`
	Mg      *float64 `yaml:"mg"`
	Sources []string `yaml:"sources"`
	Note    string   `yaml:"note"`
}

// IntakeTable is a table of recommended or adequate intakes by age band.
type IntakeTable struct {
	Sources []string     `yaml:"sources"`
	Bands   []IntakeBand `yaml:"bands"`
}

// IntakeBand holds one age band's values; nil where the source gives none.
type IntakeBand struct {
	From      float64  `yaml:"from"`
	To        *float64 `yaml:"to"`
	Kind      string   `yaml:"kind"` // RDA or AI
	Male      float64  `yaml:"male"`
	Female    float64  `yaml:"female"`
	Pregnancy *float64 `yaml:"pregnancy"`
	Lactation *float64 `yaml:"lactation"`
}

// LabelValue is a reference value printed on labels.
type LabelValue struct {
	Key     string   `yaml:"key"`
	Name    string   `yaml:"name"`
	Mg      float64  `yaml:"mg"`
	Note    string   `yaml:"note"`
	Sources []string `yaml:"sources"`
}

// Load decodes limits.yaml strictly and validates it.
func Load(b []byte, reg source.Registry) (*Tables, error) {
	t, err := Decode(b)
	if err != nil {
		return nil, err
	}
	if err := Validate(t, reg); err != nil {
		return nil, err
	}
	return t, nil
}

// Decode decodes limits.yaml strictly, without validating it.
func Decode(b []byte) (*Tables, error) {
	var t Tables
	if err := source.DecodeStrict(b, &t); err != nil {
		return nil, fmt.Errorf("limits: %w", err)
	}
	return &t, nil
}

// Validate checks decoded tables: known kinds and sources, plausible
// amounts, and age bands that are sorted, gapless and end open. It
// changes nothing.
func Validate(t *Tables, reg source.Registry) error {
	if err := t.validate(reg); err != nil {
		return fmt.Errorf("limits: %w", err)
	}
	return nil
}

func (t *Tables) validate(reg source.Registry) error {
	if len(t.UpperLimits) == 0 {
		return errors.New("no upper limits")
	}
	seen := map[string]bool{}
	for _, a := range t.UpperLimits {
		if a.Key == "" || a.Name == "" || a.Kind == "" {
			return errors.New("an authority needs a key, a name and a kind")
		}
		if a.Kind != TolerableUpperLevel && a.Kind != SafeUpperLevel && a.Kind != MaximumLevel {
			return fmt.Errorf("authority %q: kind %q is not %s, %s or %s", a.Key, a.Kind, TolerableUpperLevel, SafeUpperLevel, MaximumLevel)
		}
		if a.Intake != "" && a.Intake != "us_rda" && a.Intake != "efsa_ai" {
			return fmt.Errorf("authority %q: intake %q is not us_rda or efsa_ai", a.Key, a.Intake)
		}
		if seen[a.Key] {
			return fmt.Errorf("authority %q appears twice", a.Key)
		}
		seen[a.Key] = true
		spans := make([]span, len(a.Bands))
		for i, b := range a.Bands {
			spans[i] = span{b.From, b.To}
			if err := reg.Check(fmt.Sprintf("%s band from %v", a.Key, b.From), b.Sources); err != nil {
				return err
			}
			if b.Mg != nil && !(*b.Mg > 0 && *b.Mg < 10000) {
				return fmt.Errorf("%s band from %v: %v mg is not a plausible limit", a.Key, b.From, *b.Mg)
			}
		}
		if err := checkSpans(a.Key, spans, true); err != nil {
			return err
		}
	}
	if !seen[DefaultAuthority] {
		return fmt.Errorf("the default authority %q is missing", DefaultAuthority)
	}
	for name, it := range map[string]*IntakeTable{"us_rda": t.USRDA, "efsa_ai": t.EFSAAI} {
		if it == nil {
			return fmt.Errorf("%s is missing", name)
		}
		if err := reg.Check(name, it.Sources); err != nil {
			return err
		}
		spans := make([]span, len(it.Bands))
		for i, b := range it.Bands {
			spans[i] = span{b.From, b.To}
			if b.Kind != "RDA" && b.Kind != "AI" {
				return fmt.Errorf("%s band from %v: kind %q is not RDA or AI", name, b.From, b.Kind)
			}
			for _, v := range []*float64{&b.Male, &b.Female, b.Pregnancy, b.Lactation} {
				if v != nil && !(*v > 0 && *v < 10000) {
					return fmt.Errorf("%s band from %v: %v mg is not plausible", name, b.From, *v)
				}
			}
		}
		if err := checkSpans(name, spans, false); err != nil {
			return err
		}
	}
	for _, l := range t.LabelValues {
		if l.Key == "" || l.Name == "" || !(l.Mg > 0) {
			return errors.New("a label value needs a key, a name and an amount")
		}
		if err := reg.Check(l.Key, l.Sources); err != nil {
			return err
		}
	}
	return nil
}

type span struct {
	from float64
	to   *float64
}

// checkSpans demands sorted, gapless bands that end open; fromZero demands
// that they start at birth.
func checkSpans(name string, s []span, fromZero bool) error {
	if len(s) == 0 {
		return fmt.Errorf("%s has no bands", name)
	}
	if fromZero && s[0].from != 0 {
		return fmt.Errorf("%s: the first band must start at age 0", name)
	}
	for i, b := range s {
		last := i == len(s)-1
		if last != (b.to == nil) {
			return fmt.Errorf("%s: only the last band may (and must) be open-ended", name)
		}
		if b.to != nil && !(*b.to > b.from) {
			return fmt.Errorf("%s: band from %v ends before it starts", name, b.from)
		}
		if !last && *b.to != s[i+1].from {
			return fmt.Errorf("%s: gap or overlap after the band from %v", name, b.from)
		}
	}
	return nil
}

func (s span) has(age float64) bool {
	return age >= s.from && (s.to == nil || age < *s.to)
}

// Authority returns the authority with key, or nil.
func (t *Tables) Authority(key string) *Authority {
	for _, a := range t.UpperLimits {
		if a.Key == key {
			return a
		}
	}
	return nil
}

// AuthorityKeys lists the authority keys in table order.
func (t *Tables) AuthorityKeys() []string {
	out := make([]string, len(t.UpperLimits))
	for i, a := range t.UpperLimits {
		out[i] = a.Key
	}
	return out
}

// UL returns the band that applies to p. A person without an age is an
// adult; every authority's adult band covers age AdultAge.
func (a *Authority) UL(p Person) ULBand {
	age := p.lookupAge()
	for _, b := range a.Bands {
		if (span{b.From, b.To}).has(age) {
			return b
		}
	}
	return ULBand{} // unreachable in a validated table
}

// Intake is the applicable value of an intake table for a person. Where
// the person's age or sex is not given, Min and Max span the candidates.
type Intake struct {
	Set      bool // false where the table gives no value
	Min, Max float64
	Kind     string // RDA or AI
	From     float64
	To       *float64 // the band; for an unknown adult age, the first adult band's
	Sources  []string
}

// Exact reports whether the value is a single number.
func (in Intake) Exact() bool { return in.Set && in.Min == in.Max }

// Lookup returns the table's value for p.
func (it *IntakeTable) Lookup(p Person) Intake {
	out := Intake{Sources: it.Sources, Min: math.Inf(1), Max: math.Inf(-1)}
	for _, b := range it.Bands {
		s := span{b.From, b.To}
		if p.AgeSet && !s.has(p.Age) || !p.AgeSet && !(b.To == nil || *b.To > AdultAge) {
			continue
		}
		var vals []float64
		switch {
		case p.Pregnant:
			if b.Pregnancy != nil {
				vals = append(vals, *b.Pregnancy)
			}
		case p.Lactating:
			if b.Lactation != nil {
				vals = append(vals, *b.Lactation)
			}
		case p.Sex == Male:
			vals = append(vals, b.Male)
		case p.Sex == Female:
			vals = append(vals, b.Female)
		default:
			vals = append(vals, b.Male, b.Female)
		}
		for _, v := range vals {
			if !out.Set {
				out.Kind, out.From, out.To = b.Kind, b.From, b.To
			}
			out.Set = true
			out.Min, out.Max = math.Min(out.Min, v), math.Max(out.Max, v)
		}
	}
	if !out.Set {
		out.Min, out.Max = 0, 0
	}
	return out
}
