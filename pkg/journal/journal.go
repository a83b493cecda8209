// Package journal is what a person logged (magnesium taken, a medicine,
// how the gut took it, a note) and the loop that turns it into today's
// doses: step back after a bad gut day, hold, retry once, lower the
// target after a second one, and move an intake out of a logged
// medicine's spacing window. Every rule says whether a source gives it or
// mgcalc chose it.
//
// It is pure: no store, no clock, no environment. An Entry is a snapshot
// of what was computed when it was logged (form, variant, fraction,
// elemental mg, the limit that applied), so a later fix to the tables
// never rewrites history; a Plan is a snapshot of a saved schedule. The
// caller passes now; days are calendar days in now's location.
package journal

import (
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/stack"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// Entry is one `mgcalc log`: what was taken, when, and how it went. Any
// of Items, Med, Gut and Note may be empty, but not all.
type Entry struct {
	ID       uint64    `json:"id"`
	At       time.Time `json:"at"`        // when it was taken or happened
	LoggedAt time.Time `json:"logged_at"` // when it was written down
	// Items are the magnesium products taken, as computed when logged.
	Items []Taken `json:"items,omitempty"`
	// ElementalMg is the magnesium of the items that count towards the
	// upper limit (taken by mouth), unrounded.
	ElementalMg float64 `json:"elemental_mg"`
	// Limit is the upper limit that applied to the person when logged.
	Limit *Limit `json:"limit,omitempty"`
	Med   *Med   `json:"med,omitempty"`
	Gut   Gut    `json:"gut,omitempty"`
	Note  string `json:"note,omitempty"`
	// Forced marks an entry kept with --force although an identical one
	// was logged less than a minute before.
	Forced bool `json:"forced,omitempty"`
}

// Taken is one product in an entry, as computed when it was logged.
type Taken struct {
	Input        string  `json:"input"` // as typed, or the stack file's name
	Name         string  `json:"name"`
	Form         string  `json:"form"`
	FormName     string  `json:"form_name"`
	Variant      string  `json:"variant"`
	VariantName  string  `json:"variant_name"`
	Formula      string  `json:"formula"`
	Fraction     float64 `json:"fraction"` // the share used
	Basis        string  `json:"basis"`    // formula, assay or label
	UnitMg       float64 `json:"unit_mg"`  // compound per unit; 0 when only the label's magnesium is known
	PerDay       float64 `json:"per_day"`  // units taken
	StatedMg     float64 `json:"stated_mg,omitempty"`
	AssayPercent float64 `json:"assay_percent,omitempty"`
	CompoundMg   float64 `json:"compound_mg"`
	ElementalMg  float64 `json:"elemental_mg"`
	Route        string  `json:"route"`
	Counted      bool    `json:"counted"`
	// Is names the forms the interaction table's rules name that this
	// product's form is (matched by formula when logged: a form of a
	// user's table under another key is still oxide); empty without a form.
	Is []string `json:"is,omitempty"`
}

// Limit is an upper limit as it applied: nil Mg where none is set.
type Limit struct {
	Authority     string   `json:"authority"`
	AuthorityName string   `json:"authority_name"`
	Mg            *float64 `json:"mg"`
	Sources       []string `json:"sources"`
}

// Med is a medicine logged with its time, and its spacing from magnesium
// as the plan's interaction table gave it when logged: every source's rule
// with the forms it is limited to, so that the spacing is decided for the
// magnesium it meets (Gap), whatever was logged first.
type Med struct {
	Name string `json:"name"` // as typed
	// Class is the interaction class ("" when mgcalc does not know the
	// medicine or it needs no spacing).
	Class     string `json:"class,omitempty"`
	ClassName string `json:"class_name,omitempty"`
	// BeforeHours: the medicine at least this long before magnesium;
	// AfterHours: or at least this long after it. The longest of the rules
	// that apply: to the saved plan's form for a plan's medicine, to any
	// form (every rule) for a logged one; plan.ClosedHours for a way a
	// rule gives no time for. Shown; the journal decides with Gap.
	BeforeHours float64 `json:"before_hours"`
	AfterHours  float64 `json:"after_hours"`
	// Forms are the forms the interaction belongs to (the antacid salts;
	// none: every form), FormNames their names and those the rules name.
	Forms     []string          `json:"forms,omitempty"`
	FormNames map[string]string `json:"form_names,omitempty"`
	Rules     []SpacingRule     `json:"rules,omitempty"`
	// Advice is what the sources say where they give no spacing (levodopa
	// with oxide) or none works (raltegravir).
	Advice *Fact `json:"advice,omitempty"`
	// Depleting names the classes of medicine that lower (or raise)
	// magnesium this one belongs to: talk to your doctor.
	Depleting []string `json:"depleting,omitempty"`
	Known     bool     `json:"known"`
}

// SpacingRule is one source's rule, as the source gives it: 0 hours is a
// way it gives no time for, which is closed (plan.Spacing.Hours).
type SpacingRule struct {
	BeforeHours float64 `json:"before_hours"`
	AfterHours  float64 `json:"after_hours"`
	// Forms limit the rule to those forms (the rule's own; none: the
	// interaction's Forms).
	Forms []string `json:"forms,omitempty"`
	// Applies says, for a saved plan's medicine, whether the rule applies
	// to the plan's form; nil for a logged medicine (it depends on the
	// magnesium it meets).
	Applies *bool    `json:"applies,omitempty"`
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// Spaced reports whether the medicine has a spacing from some magnesium.
func (m *Med) Spaced() bool { return m != nil && len(m.Rules) > 0 }

// Sources are the sources of the medicine's spacing rules.
func (m *Med) Sources() []string { return m.SourcesOf(nil) }

// SourcesOf are the sources of the rules idx (nil: every rule).
func (m *Med) SourcesOf(idx []int) []string {
	var out []string
	for i, r := range m.Rules {
		if idx != nil && !slices.Contains(idx, i) {
			continue
		}
		for _, s := range r.Sources {
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// spacings are the rules as pkg/plan reads them.
func (m *Med) spacings() []plan.Spacing {
	out := make([]plan.Spacing, len(m.Rules))
	for i, r := range m.Rules {
		out[i] = plan.Spacing{BeforeHours: r.BeforeHours, AfterHours: r.AfterHours, Forms: r.Forms}
	}
	return out
}

// Gap is how far magnesium must be from a medicine: the rules that apply
// (their indexes) and the longest spacing each way (plan.Longest: a way
// a rule gives no time for is closed, plan.ClosedHours).
type Gap struct {
	Rules         []int
	Before, After float64
}

// Spaced reports whether a rule applies.
func (g Gap) Spaced() bool { return len(g.Rules) > 0 }

// Words is the gap in words.
func (g Gap) Words() *msg.Message { return plan.SpacingWords(g.Before, g.After) }

// Gap is the spacing between the medicine and magnesium of a form that is
// what is says (plan.ApplyingRules, the plan's one rule; nil: a form not
// known, which every rule applies to).
func (m *Med) Gap(is func(keys []string) bool) Gap {
	if !m.Spaced() {
		return Gap{}
	}
	sp := m.spacings()
	g := Gap{Rules: plan.ApplyingRules(sp, m.Forms, is)}
	g.Before, g.After = plan.Longest(sp, g.Rules)
	return g
}

// wider is the longest of two gaps each way, with the rules of both.
func (g Gap) wider(o Gap) Gap {
	rules := append([]int{}, g.Rules...)
	for _, i := range o.Rules {
		if !slices.Contains(rules, i) {
			rules = append(rules, i)
		}
	}
	slices.Sort(rules)
	return Gap{Rules: rules, Before: max(g.Before, o.Before), After: max(g.After, o.After)}
}

// FormGroup is the gap for the forms a rule names (Forms), or for every
// other form (Forms nil).
type FormGroup struct {
	Forms []string
	Gap   Gap
}

// Groups are the medicine's gaps for the forms its rules name and for
// every other form, those with a spacing: levothyroxine has one (every
// form), Biktarvy two (every other form; oxide, hydroxide, carbonate),
// mycophenolate one (the antacid salts).
func (m *Med) Groups() []FormGroup {
	if !m.Spaced() {
		return nil
	}
	var out []FormGroup
	if g := m.Gap(func([]string) bool { return false }); g.Spaced() {
		out = append(out, FormGroup{Gap: g})
	}
	var seen [][]string
	for _, r := range m.Rules {
		fs := r.Forms
		if len(fs) == 0 {
			fs = m.Forms
		}
		if len(fs) == 0 || slices.ContainsFunc(seen, func(s []string) bool { return slices.Equal(s, fs) }) {
			continue
		}
		seen = append(seen, fs)
		if g := m.Gap(func(keys []string) bool { return anyIn(keys, fs) }); g.Spaced() {
			out = append(out, FormGroup{Forms: fs, Gap: g})
		}
	}
	return out
}

// NamedForms are the forms the interaction or its rules are limited to.
func (m *Med) NamedForms() []string {
	out := append([]string{}, m.Forms...)
	for _, r := range m.Rules {
		for _, f := range r.Forms {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

func anyIn(keys, set []string) bool {
	return slices.ContainsFunc(keys, func(k string) bool { return slices.Contains(set, k) })
}

// isForm says, for a product of form key that is the named forms is,
// whether it is one of the forms a rule names (nil for a product whose
// form is not known).
func isForm(key string, is []string) func(keys []string) bool {
	if key == "" {
		return nil
	}
	return func(keys []string) bool { return slices.Contains(keys, key) || anyIn(keys, is) }
}

// Is says which forms the product is, for a medicine's rules (nil: its
// form is not known).
func (t Taken) IsForm() func(keys []string) bool { return isForm(t.Form, t.Is) }

// Gut is how the gut took it.
type Gut string

// The gut words. ok is a good day; the others are a bad gut day.
const (
	GutOK     Gut = "ok"
	GutLoose  Gut = "loose"
	GutCramps Gut = "cramps"
	GutNausea Gut = "nausea"
)

// Guts lists the gut words in the order help shows them.
var Guts = []Gut{GutOK, GutLoose, GutCramps, GutNausea}

// Bad reports whether g is a bad gut day.
func (g Gut) Bad() bool { return g == GutLoose || g == GutCramps || g == GutNausea }

// gutWords are the words log --gut takes; the Dutch (goed, dun,
// buikkrampen, misselijk) are in data/i18n/nl.words.yaml, read as these.
func gutWords(w string) (Gut, bool) {
	switch w {
	case "ok", "good", "fine":
		return GutOK, true
	case "loose", "diarrhoea", "diarrhea":
		return GutLoose, true
	case "cramps", "cramp":
		return GutCramps, true
	case "nausea", "nauseous":
		return GutNausea, true
	}
	return "", false
}

// ParseGut reads a --gut word in English or Dutch, by the one fold of
// typed names (case, spaces and hyphens do not count).
func ParseGut(s string) (Gut, error) {
	f, err := text.Fold(s)
	if r := msg.NameRefusal(s, err); r != nil {
		return "", r
	}
	if err == nil {
		if en, ok := msg.Word("log-gut", f); ok {
			f = en
		}
		if g, ok := gutWords(f); ok {
			return g, nil
		}
	}
	return "", msg.Errorf("--gut must be ok, loose, cramps or nausea, not %q", text.Clip(s)).
		WithHint("in Dutch: goed, dun, buikkrampen or misselijk")
}

// IsMagnesium reports whether the entry logs magnesium taken.
func (e *Entry) IsMagnesium() bool { return len(e.Items) > 0 }

// Empty reports whether the entry logs nothing.
func (e *Entry) Empty() bool { return len(e.Items) == 0 && e.Med == nil && e.Gut == "" && e.Note == "" }

// Fingerprint is what an entry logs, whatever its time and id: its
// products (form, variant, route, compound and elemental amounts to 0.01
// mg, the precision at which the limit is decided), its medicine's name
// (folded, as it is matched: text.Fold), its gut word and its note. Two entries with the same
// fingerprint log the same thing; the store keeps it beside each entry's
// time, so finding a double reads no entry.
func (e *Entry) Fingerprint() uint64 {
	h := fnv.New64a()
	put := func(s string) { h.Write([]byte(s)); h.Write([]byte{0}) }
	mg := func(x float64) string { return strconv.FormatFloat(math.Round(x/(2*limits.Tolerance)), 'f', 0, 64) }
	for _, it := range e.Items {
		put(it.Form)
		put(it.Variant)
		put(it.Route)
		put(mg(it.CompoundMg))
		put(mg(it.ElementalMg))
	}
	put("|")
	if e.Med != nil {
		name, err := text.Fold(e.Med.Name)
		if err != nil {
			name = strings.TrimSpace(e.Med.Name) // logged before names were folded strictly
		}
		put(name)
	}
	put(string(e.Gut))
	put(e.Note)
	return h.Sum64()
}

// SameAs reports whether two entries log the same thing (whatever their
// times): the same fingerprint.
func (e *Entry) SameAs(o *Entry) bool { return e.Fingerprint() == o.Fingerprint() }

// DoubleWindow is how close two identical entries must be to count as a
// double: mgcalc's rule (one command run twice by mistake, a shell's
// history), not a source's.
const DoubleWindow = time.Minute

// IsDouble reports whether e repeats o: the same content within
// DoubleWindow of it.
func (e *Entry) IsDouble(o *Entry) bool {
	d := e.At.Sub(o.At)
	return d > -DoubleWindow && d < DoubleWindow && e.SameAs(o)
}

// TakenOf snapshots a stack item as it is computed now. A product known
// by its magnesium alone (magnesium:100, a label's "Magnesium 100 mg", a
// stack entry with elemental and no form) has no form, variant or share:
// the label's amount is the figure.
func TakenOf(it stack.Item, input string) Taken {
	t := Taken{Input: input, Name: it.Name, Basis: string(it.Basis()), UnitMg: it.UnitMg, PerDay: it.PerDay,
		StatedMg: it.StatedMg, AssayPercent: it.AssayPercent,
		CompoundMg: it.CompoundMg(), ElementalMg: it.ElementalMg(), Route: string(it.Route), Counted: it.Counted()}
	if it.Form != nil {
		t.Form, t.FormName = it.Form.Key, it.Form.Name
		t.Variant, t.VariantName, t.Formula = it.Variant.Key, it.Variant.Name, it.Variant.Formula
	}
	if t.Route == "" {
		t.Route = string(stack.Oral)
	}
	if it.StatedMg == 0 {
		t.Fraction = it.Share().Fraction // else the label's amount, not a share, gave the figure
	}
	return t
}

// HasForm reports whether the product's form is known (a product known by
// its magnesium alone has none).
func (t Taken) HasForm() bool { return t.Form != "" }

// LimitOf snapshots the limit that applies.
func LimitOf(l limits.Applied) *Limit {
	if l.Authority == nil {
		return nil
	}
	out := &Limit{Authority: l.Authority.Key, AuthorityName: l.Authority.Name, Sources: l.Band.Sources}
	if mg := l.Mg(); mg != nil {
		v := *mg
		out.Mg = &v
	}
	return out
}

// Applied turns a snapshot back into a limit pkg/limits can judge with.
func (l *Limit) Applied() limits.Applied {
	if l == nil {
		return limits.Applied{}
	}
	a := limits.Applied{Authority: &limits.Authority{Key: l.Authority, Name: l.AuthorityName}, Band: limits.ULBand{Sources: l.Sources}}
	if l.Mg != nil {
		v := *l.Mg
		a.Band.Mg = &v
	}
	return a
}

// MedOf snapshots a medicine's spacing and class as the plan's knowledge
// gives them: every rule, with the forms it is limited to. Its hours are
// the longest of every rule (a logged medicine meets any form); PlanOf
// sets those of the plan's form.
func MedOf(name string, spacing *plan.MedSpacing, depleting []*plan.MedClass, known bool) *Med {
	m := &Med{Name: name, Known: known}
	if spacing != nil {
		in := spacing.Interaction
		m.Class, m.ClassName = in.Key, in.Name
		m.Forms = in.Forms
		for _, f := range spacing.Forms {
			if m.FormNames == nil {
				m.FormNames = map[string]string{}
			}
			m.FormNames[f.Key] = f.Name
		}
		for _, r := range in.Spacings {
			m.Rules = append(m.Rules, SpacingRule{BeforeHours: r.BeforeHours, AfterHours: r.AfterHours, Forms: r.Forms, Text: r.Text, Sources: r.Sources})
		}
		if in.Advice != nil {
			m.Advice = &Fact{Text: in.Advice.Text, Sources: in.Advice.Sources}
		}
		g := m.Gap(nil)
		m.BeforeHours, m.AfterHours = g.Before, g.After
	}
	for _, d := range depleting {
		m.Depleting = append(m.Depleting, d.Name)
	}
	return m
}

// FormRef resolves a snapshot's form in t, for a calculation made now
// (total --today). It fails where the table no longer has it; a product
// known by its magnesium alone has none (nil, nil).
func (t Taken) FormRef(ft *forms.Table) (*forms.Form, *forms.Variant, error) {
	if !t.HasForm() {
		return nil, nil, nil
	}
	f := ft.Lookup(t.Form)
	if f == nil {
		return nil, nil, msg.Errorf("the logged form %q is not in the form table", t.Form)
	}
	v := f.Variant(t.Variant)
	if v == nil {
		return nil, nil, msg.Errorf("the logged variant %s:%s is not in the form table", t.Form, t.Variant)
	}
	return f, v, nil
}
