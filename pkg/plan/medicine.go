package plan

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
