package render

import (
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
)

// Data texts are the names, notes, findings and advice that come from
// data/*.yaml. Text output (and the calendar, which people read) prints
// them in the reader's language through Printer.Data, by the key
// pkg/kb/i18n.go gives each; JSON, YAML, TSV, CSV, JSONL, value, md and
// FHIR print the tables' English, whatever the language. A Message that
// carries a data text translates it itself.

func formName(p msg.Printer, f *forms.Form) string {
	return p.Data(msg.KeyForm(f.Key, "name"), f.Name)
}

func variantName(p msg.Printer, f *forms.Form, v *forms.Variant) string {
	return p.Data(msg.KeyVariantName(f.Key, v.Key), v.Name)
}

// formWord is a form's key as a word people read and type: the key in
// English, a Dutch alias in Dutch (citraat). Machine formats print the key.
func formWord(p msg.Printer, f *forms.Form) string {
	return p.Data(msg.KeyFormKey(f.Key), f.Key)
}

// variantWord is a variant's key as a word people read and type:
// anhydrous in English, watervrij in Dutch.
func variantWord(p msg.Printer, v *forms.Variant) string {
	return p.Data(msg.KeyVariantKey(v.Key), v.Key)
}

// formTyped is a form and its variant as people type them, in the
// reader's language: citrate, citrate:nonahydrate; citraat,
// citraat:nonahydraat in Dutch (the Dutch aliases mgcalc reads back).
// The variant is left out where it is the form's default. Machine formats
// print the keys.
func formTyped(p msg.Printer, f *forms.Form, v *forms.Variant) string {
	if v == nil || v == f.Default() {
		return formWord(p, f)
	}
	return formWord(p, f) + ":" + variantWord(p, v)
}

func authorityName(p msg.Printer, a *limits.Authority) string {
	return p.Data(msg.KeyAuthorityName(a.Key), a.Name)
}

func goalName(p msg.Printer, g *plan.Goal) string {
	return p.Data(msg.KeyGoal(g.Key, "name"), g.Name)
}

func goalFinding(p msg.Printer, g *plan.Goal) string {
	return p.Data(msg.KeyGoal(g.Key, "finding"), g.Finding.Text)
}

func choiceFinding(p msg.Printer, goal string, c *plan.Choice) string {
	return p.Data(msg.KeyGoalFormFinding(goal, c.Form), c.Finding)
}

func evalWhat(p msg.Printer, goal string, e plan.EvalPoint) string {
	return p.Data(msg.KeyGoalEvaluate(goal, e.Day, e.Forms...), e.What)
}

func interactionName(p msg.Printer, in *plan.Interaction) string {
	return p.Data(msg.KeyInteractionName(in.Key), in.Name)
}

// interactionAdvice is an interaction's advice, where no spacing is given
// or none works.
func interactionAdvice(p msg.Printer, in *plan.Interaction) string {
	return p.Data(msg.KeyInteraction(in.Key, "advice"), in.Advice.Text)
}

// spacingNote is the i-th (0-based) spacing rule of in, as its source
// words it.
func spacingNote(p msg.Printer, in *plan.Interaction, i int) string {
	return p.Data(msg.KeyInteractionSpacing(in.Key, i+1), in.Spacings[i].Text)
}

// ruleNoteText is the note of an applied rule in the reader's language: a
// titration rule's, the goal's timing or target, a titration fact; a
// target capped at the upper limit says so after its rule's note.
func ruleNoteText(p msg.Printer, r plan.AppliedRule) string {
	t := p.DataText(r.Note)
	if c := r.CapNote(); c != nil {
		return p.S("%s; %s", t, p.Message(c))
	}
	return t
}
