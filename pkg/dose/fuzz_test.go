package dose_test

import (
	"math"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/units"
)

// FuzzRoundTrip: for any amount the parser accepts and any variant,
// compound(elemental(x)) is x again (to float precision), the elemental
// amount is below the compound, and the verdict agrees with the limit.
func FuzzRoundTrip(f *testing.F) {
	ft, lt := setup(f)
	for _, s := range []string{"500", "1 g", "0.001", "100000", "193.461 mg", "250mcg"} {
		f.Add(s, uint8(3))
	}
	a, _ := lt.ResolveAuthority("nih")
	l := a.For(limits.Person{})
	var variants []*forms.Variant
	var owners []*forms.Form
	for _, fm := range ft.Forms {
		for _, v := range fm.Variants {
			variants, owners = append(variants, v), append(owners, fm)
		}
	}
	f.Fuzz(func(t *testing.T, amount string, which uint8) {
		mg, err := units.ParseMass(amount)
		if err != nil {
			return
		}
		i := int(which) % len(variants)
		v, fm := variants[i], owners[i]
		s := forms.ShareOf(v, 0)
		e := dose.Elemental(fm, v, s, mg, 1, l)
		if !(e.ElementalMg > 0 && e.ElementalMg < e.CompoundMg) {
			t.Fatalf("%s of %s:%s gives %v mg of magnesium", amount, fm.Key, v.Key, e.ElementalMg)
		}
		back := dose.Compound(fm, v, s, e.ElementalMg, l)
		if math.Abs(back.CompoundMg-mg) > 1e-9*mg {
			t.Fatalf("compound(elemental(%v)) = %v", mg, back.CompoundMg)
		}
		if e.Check.Over != (e.ElementalMg > 350+limits.Tolerance) {
			t.Fatalf("%v mg: over = %v", e.ElementalMg, e.Check.Over)
		}
	})
}
