package dose_test

import (
	"math"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/stack"
)

func setup(t testing.TB) (*forms.Table, *limits.Tables) {
	t.Helper()
	ft, err := kb.Forms()
	if err != nil {
		t.Fatal(err)
	}
	lt, err := kb.Limits()
	if err != nil {
		t.Fatal(err)
	}
	return ft, lt
}

func adult(t *testing.T, lt *limits.Tables, auth string) limits.Applied {
	a, err := lt.ResolveAuthority(auth)
	if err != nil {
		t.Fatal(err)
	}
	return a.For(limits.Person{})
}

func items(t *testing.T, ft *forms.Table, specs ...string) []stack.Item {
	var out []stack.Item
	for _, s := range specs {
		it, err := stack.ParseItem(ft, s)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, it)
	}
	return out
}

func joined(ms []*msg.Message) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m.Error() + "\n")
	}
	return b.String()
}

// Elemental and Compound are inverses, unrounded.
func TestConversionRoundTrip(t *testing.T) {
	ft, lt := setup(t)
	l := adult(t, lt, "nih")
	f, v, _ := ft.Resolve("citrate")
	s := forms.ShareOf(v, 0)
	e := dose.Elemental(f, v, s, 1000, 3, l)
	if e.CompoundMg != 3000 || math.Abs(e.ElementalMg-3000*v.Fraction) > 1e-12 {
		t.Fatalf("elemental: %+v", e)
	}
	c := dose.Compound(f, v, s, e.ElementalMg, l)
	if math.Abs(c.CompoundMg-3000) > 1e-9 || !c.Reverse {
		t.Fatalf("compound of %v mg = %v, want 3000", e.ElementalMg, c.CompoundMg)
	}
	if !e.Check.Over || !strings.Contains(joined(e.Cautions()), "medical supervision") {
		t.Errorf("3000 mg citrate (485 mg Mg): check %+v cautions %q", e.Check, joined(e.Cautions()))
	}
}

// The total is the sum of the unrounded items; the verdict does not
// depend on how the same day is split.
func TestSumSplitInvariant(t *testing.T) {
	ft, lt := setup(t)
	l := adult(t, lt, "nih")
	a := dose.Sum(items(t, ft, "oxide:193.461", "oxide:193.461", "oxide:193.461"), l, nil, limits.Reference{})
	b := dose.Sum(items(t, ft, "oxide:193.461x3"), l, nil, limits.Reference{})
	if a.Check.Over || b.Check.Over || math.Abs(a.ElementalMg-b.ElementalMg) > 1e-9 {
		t.Errorf("split %v (over %v), counted %v (over %v)", a.ElementalMg, a.Check.Over, b.ElementalMg, b.Check.Over)
	}
	// one product over the limit is that product's amount; two, together
	over := dose.Sum(items(t, ft, "oxide:580.4"), l, nil, limits.Reference{})
	if !over.Check.Over || !strings.Contains(joined(over.Cautions()), "this product's daily amount is above") {
		t.Errorf("580.4 mg oxide (350.006 mg): %+v %q", over.Check, joined(over.Cautions()))
	}
	two := dose.Sum(items(t, ft, "oxide:290.2", "oxide:290.2"), l, nil, limits.Reference{})
	if !two.Check.Over || !strings.Contains(joined(two.Cautions()), "together are above") {
		t.Errorf("2 × 290.2 mg oxide: %+v %q", two.Check, joined(two.Cautions()))
	}
}

// Products on the skin are listed but not counted.
func TestSumSkipsSkin(t *testing.T) {
	ft, lt := setup(t)
	its, err := stack.ParseStack(ft, []byte("- {form: citrate, amount: 500 mg}\n- {form: sulfate, amount: 100 g, route: skin}\n"))
	if err != nil {
		t.Fatal(err)
	}
	tot := dose.Sum(its, adult(t, lt, "nih"), nil, limits.Reference{})
	if len(tot.Items) != 2 || math.Abs(tot.ElementalMg-its[0].ElementalMg()) > 1e-12 || tot.Check.Over {
		t.Errorf("skin item counted: total %v", tot.ElementalMg)
	}
	if !strings.Contains(joined(tot.Cautions()), "skin uptake of magnesium is unproven") {
		t.Errorf("cautions %q", joined(tot.Cautions()))
	}
}

// --diet is compared with the authority's reference, never the UL.
func TestSumDiet(t *testing.T) {
	ft, lt := setup(t)
	a, _ := lt.ResolveAuthority("efsa")
	l := a.For(limits.Person{Age: 40, AgeSet: true, Sex: limits.Female})
	diet := 219.18
	tot := dose.Sum(items(t, ft, "citrate:500"), l, &diet, lt.Reference(a))
	if tot.Diet == nil || tot.Diet.Intake.Min != 300 || math.Abs(tot.Diet.Percent-100) > 0.01 {
		t.Fatalf("diet %+v", tot.Diet)
	}
	if math.Abs(tot.ElementalMg-80.817) > 0.001 {
		t.Errorf("the diet changed the supplemental total: %v", tot.ElementalMg)
	}
}

// Every real label in data/ is consistent with the variant it is filed
// under (or the form's assay range), and an impossible label is flagged.
func TestCheckLabelReproducesDataLabels(t *testing.T) {
	ft, _ := setup(t)
	n := 0
	for _, f := range ft.Forms {
		for _, v := range f.Variants {
			for _, l := range v.Labels {
				n++
				c := dose.CheckLabel(ft, f, nil, l.CompoundMg, l.ElementalMg)
				matched := c.InAssay && v.Default
				for _, m := range c.Matches {
					matched = matched || m.Variant == v
				}
				if c.Verdict != dose.Consistent || !matched {
					t.Errorf("%s:%s label %v mg -> %v mg: %s, matches %v, in assay %v", f.Key, v.Key, l.CompoundMg, l.ElementalMg, c.Verdict, c.Matches, c.InAssay)
				}
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d labels in data/", n)
	}
	f, _, _ := ft.Resolve("bisglycinate")
	if c := dose.CheckLabel(ft, f, nil, 500, 100); c.Verdict != dose.Impossible {
		t.Errorf("500 mg bisglycinate stating 100 mg: %s, want impossible", c.Verdict)
	}
	f, _, _ = ft.Resolve("citrate")
	if c := dose.CheckLabel(ft, f, nil, 1000, 130); c.Verdict != dose.Unmatched {
		t.Errorf("1000 mg citrate stating 130 mg: %s, want unmatched", c.Verdict)
	}
}

// Headroom is never negative; units that fit keep the total under the
// limit, and one more would not.
func TestHeadroom(t *testing.T) {
	ft, lt := setup(t)
	l := adult(t, lt, "nih")
	tot := dose.Sum(items(t, ft, "citrate:1000", "bisglycinate:500"), l, nil, limits.Reference{})
	with := items(t, ft, "citrate:500")
	h := tot.Headroom(with)
	if !h.HasLimit || h.OverByMg != 0 || math.Abs(h.LeftMg-(350-tot.ElementalMg)) > 1e-9 {
		t.Fatalf("headroom %+v for %v mg", h, tot.ElementalMg)
	}
	n := h.Fits[0].Units
	per := h.Fits[0].ElementalMg
	if l.Check(tot.ElementalMg+float64(n)*per).Over || !l.Check(tot.ElementalMg+float64(n+1)*per).Over {
		t.Errorf("%d units of %v mg: the rule says otherwise", n, per)
	}
	over := dose.Sum(items(t, ft, "oxide:1000"), l, nil, limits.Reference{}).Headroom(with)
	if over.LeftMg != 0 || !(over.OverByMg > 250) || over.Fits[0].Units != 0 {
		t.Errorf("over: %+v", over)
	}
}

// check and the label reader decide by one rule whether a label that
// states more magnesium than its salt carries may be a blend: only when
// some salt of the table carries that share (review: oxide stating 80 %
// was called a blend "with a richer salt", which no salt is).
func TestImpossibleLabelRicherSalt(t *testing.T) {
	ft, _ := setup(t)
	for _, c := range []struct {
		form              string
		compound, stated  float64
		impossible, blend bool
	}{
		{"bisglycinate", 500, 100, true, true}, // 20 %: buffered with oxide
		{"hydroxide", 500, 300, true, true},    // 60 %: oxide carries 60.3 %
		{"oxide", 500, 400, true, false},       // 80 %: no salt carries it
		{"hydroxide", 500, 400, true, false},
		{"citrate", 300, 400, true, false}, // more magnesium than compound
		{"oxide", 500, 301, false, false},
	} {
		f, _, err := ft.Resolve(c.form)
		if err != nil {
			t.Fatal(err)
		}
		got := dose.CheckLabel(ft, f, nil, c.compound, c.stated)
		if (got.Verdict == dose.Impossible) != c.impossible || got.RicherSalt != c.blend {
			t.Errorf("%s %v mg stating %v mg: %s, richer salt %v; want impossible %v, richer salt %v",
				c.form, c.compound, c.stated, got.Verdict, got.RicherSalt, c.impossible, c.blend)
		}
	}
	richest := 0.0
	for _, f := range ft.Forms {
		richest = max(richest, f.MaxFraction())
	}
	edge := richest * (1 + dose.LabelTolerance)
	if !dose.RicherSaltCarries(ft, edge) || dose.RicherSaltCarries(ft, edge*1.0001) {
		t.Errorf("the rule's edge is the richest salt's share within the tolerance, %v", edge)
	}
}
