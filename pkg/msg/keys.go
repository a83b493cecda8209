package msg

import "strconv"

// The keys of the data texts: where a text sits in the knowledge tables
// (form.citrate.variant.nonahydrate.name, goal.sleep.evaluate.28).
// pkg/kb lists the tables' English by these keys, data/i18n/LANG.yaml
// translates by them and pkg/render looks each text up by them: one
// builder for all three, so they cannot drift apart (a wrong key would
// be hidden by the lookup by English).

func key(parts ...string) string {
	n := len(parts) - 1
	for _, p := range parts {
		n += len(p)
	}
	b := make([]byte, 0, n)
	for i, p := range parts {
		if i > 0 {
			b = append(b, '.')
		}
		b = append(b, p...)
	}
	return string(b)
}

func ord(i int) string { return strconv.Itoa(i) }

// KeyForm is a form's text: field name, tolerance or prefer_label.
func KeyForm(form, field string) string { return key("form", form, field) }

// KeyFormNote is a form's i-th note (from 1).
func KeyFormNote(form string, i int) string { return key("form", form, "note", ord(i)) }

// KeyVariantName is a variant's name.
func KeyVariantName(form, variant string) string {
	return key("form", form, "variant", variant, "name")
}

// KeyFormKey is a form's key as a word people read and type (citrate:
// "citraat" in Dutch): in a hint, a suggestion or a batch line of text.
func KeyFormKey(form string) string { return key("form", form, "key") }

// KeyVariantKey is a variant's key as a word people read and type
// (anhydrous: "watervrij" in Dutch), the same for every form that has it.
func KeyVariantKey(variant string) string { return key("variant", variant) }

// KeyName is a text of names.yaml: kind lacking, refused or others.
func KeyName(kind, name, field string) string { return key("names", kind, name, field) }

// KeyAuthorityName is an upper-limit authority's name.
func KeyAuthorityName(authority string) string { return key("limits", authority, "name") }

// KeyBandNote is the note of an authority's age band from age from.
func KeyBandNote(authority string, from float64) string {
	return key("limits", authority, "band", strconv.FormatFloat(from, 'f', -1, 64), "note")
}

// KeyLabelValue is a label reference value's text: field name or note.
func KeyLabelValue(label, field string) string { return key("limits", "label", label, field) }

// KeyGoal is a goal's text: field name, finding, timing, target or
// sensitive; key is the goal's key as a word people read and type
// (sleep: "slapen" in Dutch).
func KeyGoal(goal, field string) string { return key("goal", goal, field) }

// KeyGoalFormFinding is what the evidence found for form and goal.
func KeyGoalFormFinding(goal, form string) string { return key("goal", goal, "form", form, "finding") }

// KeyGoalEvaluate is what to judge on day of a goal's plan, for forms
// when the point is for some forms only (goal.cramps.evaluate.28.oxide).
func KeyGoalEvaluate(goal string, day int, forms ...string) string {
	return key(append([]string{"goal", goal, "evaluate", ord(day)}, forms...)...)
}

// KeyGoalNote is a goal's i-th note (from 1).
func KeyGoalNote(goal string, i int) string { return key("goal", goal, "note", ord(i)) }

// KeyTitration is a titration fact (step_back, keep_lowest, …), or with
// note a rule's note (titration.step.note).
func KeyTitration(name string, note bool) string {
	if note {
		return key("titration", name, "note")
	}
	return key("titration", name)
}

// KeyInteractionName is a medicine class's name.
func KeyInteractionName(class string) string { return key("interaction", class, "name") }

// KeyInteraction is a medicine class's text: advice (where no spacing
// is given or none works) or on_waking.
func KeyInteraction(class, field string) string { return key("interaction", class, field) }

// KeyInteractionSpacing is a class's i-th spacing rule (from 1).
func KeyInteractionSpacing(class string, i int) string {
	return key("interaction", class, "spacing", ord(i))
}

// KeyDepleting is a depleting class's text: field name or advice.
func KeyDepleting(class, field string) string { return key("depleting", class, field) }

// KeyGate is a gate's text (gate.kidney, gate.kidney_egfr.note,
// gate.condition.bradycardia.reason): the parts after "gate".
func KeyGate(parts ...string) string { return key(append([]string{"gate"}, parts...)...) }

// KeyMgProduct is a magnesium product's fact (a product named as a
// medicine that is magnesium), or with name its name.
func KeyMgProduct(product string, name bool) string {
	if name {
		return key("magnesium_product", product, "name")
	}
	return key("magnesium_product", product)
}

// KeyFormCaution is a form caution's text, or with parts one of its
// fields (form_caution.oxide_elderly.min_age.note).
func KeyFormCaution(caution string, parts ...string) string {
	return key(append([]string{"form_caution", caution}, parts...)...)
}

// KeyShort is the few words of the text at k (a finding, a fact, a
// caution) for the default text: k.short.
func KeyShort(k string) string { return key(k, "short") }
