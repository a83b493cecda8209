package render

import (
	"regexp"
	"strings"

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

// variantMore is what a variant's name says beyond its form's name, in
// the reader's language, for the parenthesis after the form's name
// ("100 mg magnesium bisglycinate (anhydrous, Mg(C2H4NO2)2, 14.10 % Mg)"):
// "" where it says nothing more (magnesium oxide, whose one variant is
// magnesium oxide), the rest where it begins with the form's name, else
// the whole name (trimagnesium dicitrate, anhydrous). A parenthesis in
// it is written with commas, so that parentheses never nest (review K8:
// "basic (pentahydrate)" in "(magnesium carbonate, basic (pentahydrate),
// …)").
func variantMore(p msg.Printer, f *forms.Form, v *forms.Variant) string {
	return beyond(formName(p, f), variantName(p, f, v))
}

// beyond is variantMore of a form named form and a variant named variant.
func beyond(form, variant string) string {
	if len(variant) >= len(form) && strings.EqualFold(variant[:len(form)], form) {
		rest := variant[len(form):]
		if rest == "" || strings.ContainsRune(" ,-", rune(rest[0])) {
			variant = strings.TrimLeft(rest, " ,-")
		}
	}
	return unnest(variant)
}

// proseParen is a parenthesis of words, at the start or after a space:
// "(1:2)", " (Epsom salt)"; not a formula's or a chemical name's
// brackets, written against the word before them (bis(hydrogen
// aspartate)).
var proseParen = regexp.MustCompile(`(?:^| )\(([^()]*)\)`)

// unnest writes the parentheses of words in s with commas: "heptahydrate
// (Epsom salt)" is "heptahydrate, Epsom salt", "basic (pentahydrate),
// the …" is "basic, pentahydrate, the …", "(1:2) dihydrate" is "1:2
// dihydrate".
func unnest(s string) string {
	ms := proseParen.FindAllStringSubmatchIndex(s, -1)
	if ms == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(s[last:m[0]])
		if m[0] > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s[m[2]:m[3]])
		if m[0] > 0 && m[1] < len(s) && s[m[1]] == ' ' {
			b.WriteByte(',') // "a (b) c": a, b, c
		}
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
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
