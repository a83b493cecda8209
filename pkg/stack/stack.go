// Package stack reads what a person takes: products given as items
// (FORM[:VARIANT]:AMOUNT[xN]) or in a stack file (a YAML list of
// products), each with the elemental magnesium it carries a day. It does
// no I/O: the caller reads the file and passes its bytes. Adding the
// products up and judging the total is pkg/dose's work.
package stack

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/records"
	"github.com/mgcalc/mgcalc/pkg/text"
	"github.com/mgcalc/mgcalc/pkg/units"
)

// Limits on a stack, so a hostile file costs little.
const (
	MaxItems     = 1000
	MaxPerDay    = 100
	MinUnits     = 0.01    // a hundredth of a scoop; less is a typo
	MaxStackSize = 1 << 20 // bytes
)

// Item is one product someone takes.
type Item struct {
	Name string // the product's name, or the item as typed
	// At is the time of day a journal entry was logged (03:00), shown in
	// brackets after the name (Label): digits, the same in every language.
	At string
	// Form and Variant are nil for a product known only by the magnesium
	// its label states (StatedMg): a multivitamin, or a label that names no
	// salt.
	Form    *forms.Form
	Variant *forms.Variant
	// UnitMg is the compound weight of one unit (capsule, scoop); 0 when
	// only the label's elemental amount is known.
	UnitMg float64
	PerDay float64 // units a day
	// StatedMg is the label's elemental Mg per unit; it wins over the
	// formula and an assay.
	StatedMg     float64
	AssayPercent float64
	Route        Route
	Line         int          // in the stack file; 0 on the command line
	Warning      *msg.Message // e.g. an assay outside the form's specification
}

// Route is how a product is taken. Only oral products count towards the
// upper limit, which covers magnesium taken by mouth.
type Route string

// The routes.
const (
	Oral Route = "oral"
	Skin Route = "skin" // magnesium oil, bath salts: shown, never counted
)

// Counted reports whether the item counts towards the oral upper limit.
func (it Item) Counted() bool { return it.Route != Skin }

// Basis says where the item's magnesium figure came from.
func (it Item) Basis() forms.Basis {
	switch {
	case it.StatedMg > 0:
		return forms.BasisLabel
	case it.AssayPercent > 0:
		return forms.BasisAssay
	}
	return forms.BasisFormula
}

// CompoundMg is the compound taken a day (0 when unknown).
func (it Item) CompoundMg() float64 { return it.UnitMg * it.PerDay }

// Share is the Mg share the item's compound amount is converted with:
// the assay's where one is given, else the variant's formula.
func (it Item) Share() forms.Share { return forms.ShareOf(it.Variant, it.AssayPercent) }

// ElementalMg is the elemental magnesium taken a day, unrounded. A
// label's stated amount wins over an assay and the formula.
func (it Item) ElementalMg() float64 {
	if it.StatedMg > 0 {
		return it.StatedMg * it.PerDay
	}
	return it.Share().Elemental(it.CompoundMg())
}

// ParseItem reads FORM[:VARIANT]:AMOUNT[xN], e.g. citrate:500,
// chloride:anhydrous:1g or citrate:500x2 (two units a day). With
// magnesium (or Mg) for FORM, AMOUNT is the elemental magnesium a unit
// carries, as a label states it: magnesium:100 is a multivitamin with
// 100 mg magnesium, magnesium:100x2 two of them.
func ParseItem(t *forms.Table, s string) (Item, error) {
	i := strings.LastIndexByte(s, ':')
	if i <= 0 || strings.TrimSpace(s[i+1:]) == "" {
		return Item{}, msg.Errorf("item %q is not FORM:AMOUNT", s).WithHint("write FORM:AMOUNT, such as citrate:500, chloride:anhydrous:1g or citrate:500x2 for two a day")
	}
	elemental := forms.IsMagnesium(s[:i])
	var (
		f   *forms.Form
		v   *forms.Variant
		err error
	)
	if !elemental {
		if f, v, err = t.Resolve(s[:i]); err != nil {
			return Item{}, err
		}
	}
	amount, perDay := s[i+1:], 1.0
	if j := strings.LastIndexAny(amount, "x×"); j >= 0 {
		n := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(amount[j:], "x"), "×"))
		if perDay, err = ParseUnits(n); err != nil {
			m := msg.Errorf("item %q: %s", s, err)
			// citrate:2x500, two tablets of 500: the amount comes first;
			// said only when the item the other way round is one
			// (magnesium:100x0 is no magnesium:0x100)
			if before := strings.TrimSpace(amount[:j]); parsesAsUnits(before) {
				swapped := s[:i] + ":" + n + "x" + before
				if _, err := ParseItem(t, swapped); err == nil {
					return Item{}, m.WithHint("write the amount first and the number of units after x, such as %s", swapped)
				}
			}
			return Item{}, m
		}
		amount = strings.TrimSpace(amount[:j])
	}
	if elemental {
		mg, err := units.ParseElemental(amount, t.MgPerMmol())
		if err != nil {
			return Item{}, err
		}
		return Item{Name: MagnesiumName, StatedMg: mg, PerDay: perDay, Route: Oral}, nil
	}
	mg, err := units.ParseMass(amount)
	if err != nil {
		return Item{}, err
	}
	return Item{Name: displayName(f, v), Form: f, Variant: v, UnitMg: mg, PerDay: perDay, Route: Oral}, nil
}

// MagnesiumName is the name of a product given by its magnesium alone
// (magnesium:100, or a stack entry with elemental and no form).
const MagnesiumName = "magnesium"

// ParseUnits is the one rule for a number of units (capsules, tablets,
// scoops), per day in an item or a stack file or in one --count: a plain
// decimal above 0 and at most MaxPerDay (half tablets are real).
func ParseUnits(s string) (float64, error) {
	d, err := units.ParseDecimal(s)
	if err != nil && strings.Contains(s, ",") {
		return 0, err // the decimal-comma message and its hint
	}
	if err != nil || d < MinUnits || d > MaxPerDay {
		return 0, msg.Errorf("%q is not a number of units from %s to %d", strings.TrimSpace(s), msg.A(MinUnits), MaxPerDay)
	}
	return d, nil
}

// StackError locates a problem in a stack file: a located error, as
// every file's.
type StackError = records.Error

// checkCount is the one "at most MaxItems products" rule: for the n-th
// product, on line (0: not in a file), of a file or of all the products
// given to one command together.
func checkCount(n, line int) error {
	if n <= MaxItems {
		return nil
	}
	m := msg.Errorf("more than %d products", MaxItems)
	if line == 0 {
		return m
	}
	return &StackError{Line: line, Err: m}
}

// CheckCount refuses more than MaxItems products given together (items,
// stack files and CSV files of one command).
func CheckCount(n int) error { return checkCount(n, 0) }

// Count counts the products given to one command while they are read
// (items, stack files, CSV files, label files), so that reading stops at
// the limit (checkCount) rather than after every file. The zero Count
// has counted none.
type Count struct{ n int }

// Add counts one more product, on line of its file (0: not in a file).
func (c *Count) Add(line int) error {
	c.n++
	return checkCount(c.n, line)
}

var stackFields = []string{"name", "form", "amount", "per_day", "elemental", "assay", "route"}

// ParseStack reads a stack file: a YAML list of products, each with
//
//	name       the product's name (optional)
//	form       FORM or FORM:VARIANT (required unless elemental is given:
//	           a product known only by the magnesium its label states)
//	amount     compound weight per unit, e.g. 500 mg (required unless elemental is given)
//	per_day    units a day (default 1)
//	elemental  the label's stated elemental Mg per unit (optional; wins)
//	assay      the raw material's Mg percentage (optional)
//	route      oral (default) or skin: magnesium oil and bath salts are
//	           shown but never counted towards the oral upper limit
func ParseStack(t *forms.Table, b []byte) ([]Item, error) {
	if len(b) > MaxStackSize {
		return nil, &StackError{Line: 1, Err: msg.Errorf("the file is larger than %d bytes", MaxStackSize)}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		line, text := yamlErrorLine(err)
		return nil, &StackError{Line: line, Err: msg.Errorf("not valid YAML: %s", text)}
	}
	// A second document ("---") would otherwise be dropped without a word.
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		line := extra.Line
		if err != nil {
			line, _ = yamlErrorLine(err)
		}
		return nil, &StackError{Line: line, Err: msg.Errorf("the file holds more than one YAML document").
			WithHint("list every product in one list, without \"---\" separators")}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, &StackError{Line: 1, Err: msg.Errorf("the file lists no products").WithHint("a stack file is a YAML list: - {form: citrate, amount: 500 mg}")}
	}
	root := doc.Content[0]
	if root.Kind != yaml.SequenceNode {
		return nil, &StackError{Line: root.Line, Err: msg.Errorf("a stack file is a list of products").WithHint("start each product with \"- \": - {form: citrate, amount: 500 mg}")}
	}
	if len(root.Content) == 0 {
		return nil, &StackError{Line: root.Line, Err: msg.Errorf("the file lists no products")}
	}
	if len(root.Content) > MaxItems {
		return nil, checkCount(len(root.Content), root.Content[MaxItems].Line)
	}
	items := make([]Item, 0, len(root.Content))
	for _, n := range root.Content {
		it, err := parseEntry(t, n)
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, nil
}

func parseEntry(t *forms.Table, n *yaml.Node) (Item, error) {
	if n.Kind != yaml.MappingNode {
		return Item{}, &StackError{Line: n.Line, Err: msg.Errorf("a product must be a mapping of fields such as form and amount")}
	}
	fields := map[string]*Field{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(stackFields, k.Value) {
			return Item{}, &StackError{Line: k.Line, Field: k.Value, Err: msg.Errorf("unknown field").
				WithHint("the fields are: %s", strings.Join(stackFields, ", "))}
		}
		if _, dup := fields[k.Value]; dup {
			return Item{}, &StackError{Line: k.Line, Field: k.Value, Err: msg.Errorf("given twice")}
		}
		if v.Kind != yaml.ScalarNode {
			return Item{}, &StackError{Line: v.Line, Field: k.Value, Err: msg.Errorf("must be a single value")}
		}
		fields[k.Value] = &Field{Value: v.Value, Line: v.Line}
	}
	return ParseFields(t, fields, n.Line)
}

// Fields are the names a product's fields may have, in a stack file or as
// CSV columns.
func Fields() []string { return slices.Clone(stackFields) }

// Field is one field of a product as written, and where.
type Field struct {
	Value string
	Line  int
}

// ParseFields reads one product from its fields (a stack file's mapping,
// or a CSV row): the one place a product's fields are checked. line is
// where the product starts. Errors are *StackError.
func ParseFields(t *forms.Table, fields map[string]*Field, line int) (Item, error) {
	it := Item{PerDay: 1, Line: line, Route: Oral}
	n := struct{ Line int }{line}
	fail := func(field string, err error) error {
		line := n.Line
		if v := fields[field]; v != nil {
			line = v.Line
		}
		return records.At(line, field, err)
	}
	form := fields["form"]
	var (
		f   *forms.Form
		v   *forms.Variant
		err error
	)
	switch {
	case form == nil && fields["elemental"] == nil:
		return Item{}, &StackError{Line: n.Line, Field: "form", Err: msg.Errorf("missing").
			WithHint("give the form, such as form: citrate, or the label's magnesium per unit as elemental: 100 mg")}
	case form == nil || forms.IsMagnesium(form.Value):
		// a product known by its label's magnesium only (a multivitamin)
		for _, name := range []string{"amount", "assay"} {
			if fields[name] != nil {
				return Item{}, fail(name, msg.Errorf("needs the form of the magnesium salt").
					WithHint("give form: (such as form: citrate), or leave %s out and give elemental: only", name))
			}
		}
		it.Name = MagnesiumName
	default:
		if f, v, err = t.Resolve(form.Value); err != nil {
			return Item{}, fail("form", err)
		}
		it.Form, it.Variant = f, v
		it.Name = displayName(f, v)
	}
	if name := fields["name"]; name != nil {
		if len(name.Value) > 200 {
			return Item{}, fail("name", msg.Errorf("longer than 200 characters"))
		}
		it.Name = text.Strip(name.Value)
	}
	if r := fields["route"]; r != nil {
		switch Route(strings.ToLower(strings.TrimSpace(r.Value))) {
		case Oral:
		case Skin:
			it.Route = Skin
		default:
			return Item{}, fail("route", msg.Errorf("%q is not oral or skin", r.Value))
		}
	}
	if a := fields["amount"]; a != nil {
		parse := units.ParseMass
		if it.Route == Skin {
			parse = units.ParseSkinMass
		}
		if it.UnitMg, err = parse(a.Value); err != nil {
			return Item{}, fail("amount", err)
		}
	}
	if e := fields["elemental"]; e != nil {
		if it.StatedMg, err = units.ParseElemental(e.Value, t.MgPerMmol()); err != nil {
			return Item{}, fail("elemental", err)
		}
		// A label cannot state more Mg than any variant of the form carries
		// (2 % allows for rounding on the label).
		if f != nil && it.UnitMg > 0 && it.StatedMg > it.UnitMg*f.MaxFraction()*1.02 {
			return Item{}, fail("elemental", msg.Errorf("%s mg of magnesium is more than %s mg of %s can carry (at most %s mg)",
				msg.A(it.StatedMg), msg.A(it.UnitMg), f.Key, msg.N(it.UnitMg*f.MaxFraction(), 2)).
				WithHint("check that amount is the compound per unit and elemental the magnesium per unit"))
		}
	}
	if it.UnitMg == 0 && it.StatedMg == 0 {
		return Item{}, &StackError{Line: n.Line, Field: "amount", Err: msg.Errorf("missing").
			WithHint("give amount (the compound per unit) or elemental (the label's Mg per unit)")}
	}
	if p := fields["per_day"]; p != nil {
		d, err := ParseUnits(p.Value)
		if err != nil {
			return Item{}, fail("per_day", err)
		}
		it.PerDay = d
	}
	if a := fields["assay"]; a != nil {
		if fields["elemental"] != nil {
			return Item{}, fail("assay", msg.Errorf("give elemental or assay, not both: the label's elemental amount already wins"))
		}
		pct, err := units.ParseDecimal(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(a.Value), "%")))
		if err != nil {
			return Item{}, fail("assay", msg.Errorf("%q is not a percentage", a.Value))
		}
		w, err := forms.CheckAssay(f, v, pct)
		if err != nil {
			return Item{}, fail("assay", err)
		}
		it.AssayPercent, it.Warning = pct, w
	}
	return it, nil
}

// yamlErrorLine pulls "line N: text" out of a yaml.v3 error.
func yamlErrorLine(err error) (int, string) {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if _, scanErr := fmt.Sscanf(s, "line %d:", &line); scanErr == nil {
		if _, rest, ok := strings.Cut(s, ": "); ok {
			return line, rest
		}
	}
	return 1, s
}

// FormName is the item's form as it is typed: the key, with the variant
// where it is not the default one (citrate, citrate:nonahydrate).
// "" for a product known by its magnesium alone.
func (it Item) FormName() string {
	if it.Form == nil {
		return ""
	}
	return displayName(it.Form, it.Variant)
}

// Label is the name with the time it was logged, if any: "citrate
// (03:00)". Machine output names an item by it, in every language.
func (it Item) Label() string {
	if it.At == "" {
		return it.Name
	}
	return it.Name + " (" + it.At + ")"
}

// NameSaysForm reports whether the product's name already says its form:
// its letters and digits (by the one fold, characters it does not read
// left out) contain the form's key, name or an alias. "Calm Night" and
// "citrate 500 mg" for oxide do not, and a report shows the form beside
// them. A product known by its magnesium alone has no form to show.
func (it Item) NameSaysForm() bool {
	if it.Form == nil || it.Name == it.FormName() {
		return true
	}
	name := text.Loose(it.Name)
	for _, n := range append([]string{it.Form.Key, it.Form.Name}, it.Form.Aliases...) {
		if f, err := text.Fold(n); err == nil && f != "" && strings.Contains(name, strings.TrimPrefix(f, "magnesium")) {
			return true
		}
	}
	return false
}

// displayName is the form's key, with the variant where it is not the
// default one: citrate, citrate:nonahydrate.
func displayName(f *forms.Form, v *forms.Variant) string {
	if v == f.Default() {
		return f.Key
	}
	return f.Key + ":" + v.Key
}

// parsesAsUnits reports whether s reads as a number of units.
func parsesAsUnits(s string) bool {
	_, err := ParseUnits(s)
	return err == nil
}
