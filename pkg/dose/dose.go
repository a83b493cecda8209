// Package dose computes and decides: the elemental magnesium in an amount
// of a compound (and back), the total of everything a person takes, and
// how each compares with the upper limit that applies to them, with the
// cautions the sources call for. Every command (one-shot, batch, plan)
// calls it; it never rounds and never formats. Amounts are mg, unrounded.
package dose

import (
	"math"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/stack"
)

// Conversion is one compound ↔ elemental conversion and its verdict.
type Conversion struct {
	Form    *forms.Form
	Variant *forms.Variant
	Share   forms.Share
	// AssayPercent is the assay the share came from; 0 without one.
	AssayPercent float64
	UnitMg       float64 // compound per unit (elemental: as given; compound: computed)
	Count        float64 // units (elemental only; 1 for compound)
	CompoundMg   float64 // UnitMg × Count
	ElementalMg  float64
	// Reverse is true for `compound`: the elemental amount was given.
	Reverse bool
	Limit   limits.Applied
	Check   limits.Check
	// Others are every authority's limit for the person: an amount above
	// another's limit, or where the chosen one sets none, is said.
	Others []limits.Applied
	// Warnings found while setting up the conversion (an assay outside the
	// form's specification); Cautions adds the rest.
	Warnings []*msg.Message
}

// Elemental converts count units of unitMg compound each.
func Elemental(f *forms.Form, v *forms.Variant, s forms.Share, unitMg, count float64, l limits.Applied) Conversion {
	compound := unitMg * count
	el := s.Elemental(compound)
	return Conversion{Form: f, Variant: v, Share: s, UnitMg: unitMg, Count: count,
		CompoundMg: compound, ElementalMg: el, Limit: l, Check: l.Check(el)}
}

// Compound finds the compound that carries elementalMg of magnesium.
func Compound(f *forms.Form, v *forms.Variant, s forms.Share, elementalMg float64, l limits.Applied) Conversion {
	compound := s.Compound(elementalMg)
	return Conversion{Form: f, Variant: v, Share: s, UnitMg: compound, Count: 1,
		CompoundMg: compound, ElementalMg: elementalMg, Reverse: true, Limit: l, Check: l.Check(elementalMg)}
}

// WithAssay records the assay a share came from and its warning (nil if
// none). It returns c for chaining.
func (c Conversion) WithAssay(pct float64, warning *msg.Message) Conversion {
	c.AssayPercent = pct
	if warning != nil {
		c.Warnings = append(c.Warnings, warning)
	}
	return c
}

// overConversion is the caution for an amount above the limit.
var overConversion = msg.New("this is above the supplemental upper limit: take this much only under medical supervision")

// Cautions are the conversion's warnings: the setup's, above the limit,
// and the person's (limits.Applied.Cautions). Computed on demand, so a
// batch loop that prints none allocates none.
func (c Conversion) Cautions() []*msg.Message {
	out := append([]*msg.Message{}, c.Warnings...)
	if n := c.Form.PreferLabel; n != nil && c.Share.Basis == forms.BasisFormula {
		out = append(out, msg.New("%s", n.Text))
	}
	if c.Check.Over {
		out = append(out, overConversion)
	}
	return append(append(out, c.Limit.CautionsFor(c.ElementalMg, c.Others)...), aboveOthers(c.ElementalMg, c.Limit, c.Check, c.Others)...)
}

// aboveOthers says that mg, within the chosen limit, is above another
// authority's.
func aboveOthers(mg float64, l limits.Applied, c limits.Check, others []limits.Applied) []*msg.Message {
	if over := l.OverOthers(mg, others); c.HasLimit && !c.Over && len(over) > 0 {
		return []*msg.Message{limits.AboveOthers(mg, l, over)}
	}
	return nil
}

// Total is everything a person takes in a day, against the limit.
type Total struct {
	Items []stack.Item
	// ElementalMg is the sum of the unrounded amounts of the items that
	// count towards the upper limit (not those applied to the skin).
	ElementalMg float64
	Limit       limits.Applied
	Check       limits.Check
	Diet        *Diet
	// Others are every authority's limit for the person (Conversion.Others).
	Others []limits.Applied
	// OneProduct says the items are one product's (a label's lines): the
	// warning above the limit speaks of it, not of supplements together.
	OneProduct bool
}

// Diet compares total intake, food and water included, with an intake
// reference (RDA/AI). It never counts towards the upper limit.
type Diet struct {
	Mg            float64 // from food and water
	TotalIntakeMg float64 // Mg + the supplements
	Reference     limits.Reference
	Intake        limits.Intake // the reference's value for the person
	// Percent of the reference; meaningful only when Intake.Exact().
	Percent float64
}

// Sum adds up the items and judges the total. dietMg (nil: not given) is
// compared with ref, never with the upper limit.
func Sum(items []stack.Item, l limits.Applied, dietMg *float64, ref limits.Reference) Total {
	t := Total{Items: items, Limit: l}
	for _, it := range items {
		if it.Counted() {
			t.ElementalMg += it.ElementalMg()
		}
	}
	t.Check = l.Check(t.ElementalMg)
	if dietMg != nil {
		d := &Diet{Mg: *dietMg, TotalIntakeMg: *dietMg + t.ElementalMg, Reference: ref}
		d.Intake = ref.Table.Lookup(l.Person)
		if d.Intake.Exact() {
			d.Percent = d.TotalIntakeMg / d.Intake.Min * 100
		}
		t.Diet = d
	}
	return t
}

var (
	overTotal   = msg.New("the supplements together are above the upper limit: lower the dose, or take this much only under medical supervision")
	overProduct = msg.New("this product's daily amount is above the upper limit: lower the dose, or take this much only under medical supervision")
	skinNote    = msg.New("skin uptake of magnesium is unproven: products applied to the skin are shown but not counted towards the upper limit, which covers magnesium taken by mouth")
)

// Cautions are the total's warnings: each item's own, products on the
// skin, above the limit, and the person's.
func (t Total) Cautions() []*msg.Message {
	var out []*msg.Message
	skin := false
	for _, it := range t.Items {
		if it.Warning != nil {
			out = append(out, msg.New("%s: %s", it.Label(), it.Warning))
		}
		if it.Form != nil && it.Form.PreferLabel != nil && it.Basis() == forms.BasisFormula {
			n := it.Form.PreferLabel
			out = append(out, msg.New("%s: %s", it.Label(), n.Text))
		}
		skin = skin || !it.Counted()
	}
	if skin {
		out = append(out, skinNote)
	}
	switch {
	case t.Check.Over && (t.OneProduct || counted(t.Items) == 1):
		out = append(out, overProduct)
	case t.Check.Over:
		out = append(out, overTotal)
	}
	return append(append(out, t.Limit.CautionsFor(t.ElementalMg, t.Others)...), aboveOthers(t.ElementalMg, t.Limit, t.Check, t.Others)...)
}

// Headroom is how much more magnesium fits under the limit today, and how
// many whole units of each product that is. It is never negative: over
// the limit, OverByMg says by how much and nothing fits.
type Headroom struct {
	HasLimit bool
	LeftMg   float64 // limit minus the total, at least 0
	OverByMg float64 // the total minus the limit, when over
	Fits     []Fit
}

// Fit is how many more whole units of one product stay under the limit.
type Fit struct {
	Name        string
	Item        stack.Item // the product
	ElementalMg float64    // per unit
	Units       int
}

// Headroom computes the room left under the limit and, for each product
// (the stack's own, or those given), the whole units that fit: n units
// fit when the total plus n units is not over by Check's rule.
func (t Total) Headroom(products []stack.Item) Headroom {
	mg := t.Limit.Mg()
	if mg == nil {
		return Headroom{}
	}
	h := Headroom{HasLimit: true, LeftMg: math.Max(0, *mg-t.ElementalMg)}
	if t.Check.Over {
		h.OverByMg = t.ElementalMg - *mg
	}
	for _, it := range products {
		per := it.ElementalMg() / it.PerDay
		if !it.Counted() || !(per > 0) {
			continue
		}
		n := 0
		if !t.Check.Over {
			n = int(math.Floor((*mg + limits.Tolerance - t.ElementalMg) / per))
			for n > 0 && t.Limit.Check(t.ElementalMg+float64(n)*per).Over { // float noise
				n--
			}
		}
		h.Fits = append(h.Fits, Fit{Name: it.Label(), Item: it, ElementalMg: per, Units: n})
	}
	return h
}

// counted is the number of items that count towards the upper limit.
func counted(items []stack.Item) int {
	n := 0
	for _, it := range items {
		if it.Counted() {
			n++
		}
	}
	return n
}
