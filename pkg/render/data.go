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
	name := variantName(p, f, v)
	// a user's table has no Dutch variant names: its English name is
	// matched against the form's English name too
	if rest, ok := after(formName(p, f), name); ok {
		return unnest(rest)
	}
	return beyond(f.Name, name)
}

// beyond is variantMore of a form named form and a variant named variant.
func beyond(form, variant string) string {
	if rest, ok := after(form, variant); ok {
		return unnest(rest)
	}
	return unnest(variant)
}

// after is what variant says after a leading form name and a separator
// (a space, comma, hyphen or colon), or ok false where it does not begin
// with the form's name.
func after(form, variant string) (string, bool) {
	variant = strings.TrimSpace(variant)
	if form == "" || len(variant) < len(form) || !strings.EqualFold(variant[:len(form)], form) {
		return "", false
	}
	rest := variant[len(form):]
	if rest != "" && !strings.ContainsRune(" ,-:", rune(rest[0])) {
		return "", false
	}
	return strings.TrimLeft(rest, " ,-:"), true
}

// manyCommas is a run of commas (and the spaces between them) that
// unnest's joins can leave: "light) (heavy" is one comma.
var manyCommas = regexp.MustCompile(`,(\s*,)+`)

// unnest writes the parentheses of words in s with commas, nested ones
// too: "heptahydrate (Epsom salt)" is "heptahydrate, Epsom salt", "basic
// (pentahydrate), the …" is "basic, pentahydrate, the …", "(1:2)
// dihydrate" is "1:2 dihydrate", "a (b (c) d)" is "a, b, c, d". A
// parenthesis of words is one at the start or after a space; a formula's
// or a chemical name's brackets, written against the word before them
// (bis(hydrogen aspartate), Mg(C2H4NO2)2), are kept.
func unnest(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "(") {
		return s
	}
	type open struct{ prose, atStart bool }
	var stack []open
	var b []byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(' && (i == 0 || s[i-1] == ' '):
			b = []byte(strings.TrimRight(string(b), " "))
			stack = append(stack, open{prose: true, atStart: len(b) == 0})
			if len(b) > 0 {
				b = append(b, ", "...)
			}
		case c == '(':
			stack = append(stack, open{})
			b = append(b, c)
		case c == ')' && len(stack) > 0:
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch {
			case !o.prose:
				b = append(b, c)
			case !o.atStart && i+1 < len(s) && s[i+1] == ' ':
				b = append(b, ',') // "a (b) c": a, b, c
			}
		default:
			b = append(b, c)
		}
	}
	return strings.Trim(manyCommas.ReplaceAllString(string(b), ","), " ,")
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
