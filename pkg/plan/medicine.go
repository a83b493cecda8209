package plan

import (
	"math"
	"slices"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// Medicine looks up one medicine by generic, brand or Dutch name, as
// --meds does: its spacing from magnesium (the longest of the sources'
// rules), and whether it lowers or raises magnesium. found is false for a
// name mgcalc does not know. The journal uses it for a medicine logged
// with a time, so that the rule is the plan's, in one place.
func (k *Knowledge) Medicine(name string) (spacing *MedSpacing, depleting []*MedClass, found bool) {
	var p Plan
	k.meds(&p, []string{name})
	if len(p.Spacing) > 0 {
		spacing = &p.Spacing[0]
	}
	return spacing, p.Depleting, len(p.UnknownMeds) == 0 && (spacing != nil || len(p.Depleting) > 0)
}

// Product looks up a medicine or product that is magnesium itself (an
// antacid, a laxative: Rennie, milk of magnesia, Maalox) by name, as
// --meds does: nil for any other name.
func (k *Knowledge) Product(name string) *MgProduct { return k.Index.med(fold(name)).Product }

// ClosedHours is how far a way a spacing rule gives no time for is kept
// closed: a whole day. "Take the medicine at least 2 h before magnesium"
// says nothing of after it: the medicine is not taken after magnesium, and
// on a schedule that repeats each day that is not within the 24 h after
// it. mgcalc's rule: no source gives a number for "not after", and reading
// the missing time as "any time after" would put the medicine right after
// a dose.
const ClosedHours = 24

// Hours is the rule's spacing as the schedule and the journal use it: a
// way the source gives no time for is closed (ClosedHours).
func (s Spacing) Hours() (before, after float64) {
	before, after = s.BeforeHours, s.AfterHours
	if before == 0 {
		before = ClosedHours
	}
	if after == 0 {
		after = ClosedHours
	}
	return before, after
}

// OneWay reports whether the rule gives a time one way only (the other is
// closed: ClosedHours).
func (s Spacing) OneWay() bool { return s.BeforeHours == 0 || s.AfterHours == 0 }

// ApplyingRules picks the rules of an interaction that apply to a product:
// is reports whether the product is one of the forms a rule names (a rule
// that names none, where the interaction names none either, is for every
// form; classForms are the interaction's own). A rule limited to forms
// replaces the rules for every form for those forms (Biktarvy's antacid
// rule, 2 h before or 6 h after, replaces its supplement rule for oxide);
// is nil is a product whose form is not known (a label's "Magnesium 100
// mg"): every rule applies, the longest wins. The one rule for the plan,
// its calendar and the journal.
func ApplyingRules(spacings []Spacing, classForms []string, is func(keys []string) bool) []int {
	forms := func(sp Spacing) []string {
		if len(sp.Forms) > 0 {
			return sp.Forms
		}
		return classForms
	}
	var general, specific []int
	for i, sp := range spacings {
		fs := forms(sp)
		switch {
		case is == nil:
			general = append(general, i)
		case len(fs) == 0:
			general = append(general, i)
		case is(fs) && len(sp.Forms) > 0:
			specific = append(specific, i)
		case is(fs):
			general = append(general, i)
		}
	}
	if len(specific) > 0 {
		return specific
	}
	return general
}

// Longest is the longest spacing each way of the rules idx of spacings
// (their Hours: a closed way is ClosedHours): a time that keeps it keeps
// every one of them.
func Longest(spacings []Spacing, idx []int) (before, after float64) {
	for _, i := range idx {
		b, a := spacings[i].Hours()
		before, after = math.Max(before, b), math.Max(after, a)
	}
	return before, after
}

// anyOneWay reports whether one of the rules idx gives a time one way only.
func anyOneWay(spacings []Spacing, idx []int) bool {
	return slices.ContainsFunc(idx, func(i int) bool { return spacings[i].OneWay() })
}

// SpacingWords is a spacing in words, as Longest gives it: the medicine at
// least before hours before magnesium or after hours after it, a closed way
// (ClosedHours) said as "not after it".
func SpacingWords(before, after float64) *msg.Message {
	switch {
	case before >= ClosedHours && after >= ClosedHours:
		return msg.New("the sources' rules leave no time of day between the medicine and magnesium: ask your pharmacist")
	case after >= ClosedHours:
		return msg.New("take the medicine at least %s h before magnesium, not after it", msg.A(before))
	case before >= ClosedHours:
		return msg.New("take the medicine at least %s h after magnesium, not before it", msg.A(after))
	}
	return msg.New("take the medicine at least %s h before or %s h after magnesium", msg.A(before), msg.A(after))
}
