// Package datatext lists the texts of mgcalc's knowledge tables that
// people read (names, notes, findings, advice), each with its stable key,
// and fills a translation's Mg shares. cmd/gen-tables generates the
// catalogue of each language from them; pkg/kb's tests check it.
package datatext

import (
	"fmt"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
)

// DataText is one text of the knowledge tables that people read (a name,
// a note, a finding, advice), with its stable key: the path to it in the
// tables, e.g. form.citrate.variant.nonahydrate.name, goal.sleep.evaluate.28.
// Source titles are not data texts: they stay in their own language.
type DataText struct {
	Key     string
	English string
}

// List lists every data text of the built tables, in table order: the
// form table ft, the names of other salts (names.yaml's others, which ft
// keeps for matching only), the limits and the plan's knowledge. The
// English is the text as mgcalc prints it: a form note's Mg shares are
// filled in.
func List(ft *forms.Table, others []*forms.Other, lt *limits.Tables, pk *plan.Knowledge) []DataText {
	var out []DataText
	add := func(key, text string) {
		if text != "" {
			out = append(out, DataText{key, text})
		}
	}
	variantKeys := map[string]bool{}
	for _, f := range ft.Forms {
		add(msg.KeyForm(f.Key, "name"), f.Name)
		add(msg.KeyFormKey(f.Key), f.Key)
		add(msg.KeyForm(f.Key, "tolerance"), f.Tolerance.Note)
		for i, n := range f.Notes {
			add(msg.KeyFormNote(f.Key, i+1), n.Text)
		}
		if f.PreferLabel != nil {
			add(msg.KeyForm(f.Key, "prefer_label"), f.PreferLabel.Text)
		}
		for _, v := range f.Variants {
			add(msg.KeyVariantName(f.Key, v.Key), v.Name)
			if !variantKeys[v.Key] {
				variantKeys[v.Key] = true
				add(msg.KeyVariantKey(v.Key), v.Key)
			}
		}
	}
	for _, o := range ft.Lacking {
		add(msg.KeyName("lacking", o.Key, "name"), o.Name)
		add(msg.KeyName("lacking", o.Key, "note"), o.Note)
	}
	for _, o := range ft.Refused {
		add(msg.KeyName("refused", o.Key, "name"), o.Name)
		add(msg.KeyName("refused", o.Key, "reason"), o.Reason)
		add(msg.KeyName("refused", o.Key, "hint"), o.Hint)
	}
	for _, o := range others {
		add(msg.KeyName("others", o.Key, "name"), o.Name)
	}
	for _, a := range lt.UpperLimits {
		add(msg.KeyAuthorityName(a.Key), a.Name)
		for _, b := range a.Bands {
			add(msg.KeyBandNote(a.Key, b.From), b.Note)
		}
	}
	for _, l := range lt.LabelValues {
		add(msg.KeyLabelValue(l.Key, "name"), l.Name)
		add(msg.KeyLabelValue(l.Key, "note"), l.Note)
	}
	for _, g := range pk.Goals {
		add(msg.KeyGoal(g.Key, "name"), g.Name)
		add(msg.KeyGoal(g.Key, "key"), g.Key)
		add(msg.KeyGoal(g.Key, "finding"), g.Finding.Text)
		add(msg.KeyShort(msg.KeyGoal(g.Key, "finding")), g.Finding.Short)
		for _, c := range g.Forms {
			add(msg.KeyGoalFormFinding(g.Key, c.Form), c.Finding)
		}
		add(msg.KeyGoal(g.Key, "timing"), g.Timing.Note)
		if g.Target != nil {
			add(msg.KeyGoal(g.Key, "target"), g.Target.Note)
		}
		for _, e := range g.Evaluate {
			add(msg.KeyGoalEvaluate(g.Key, e.Day, e.Forms...), e.What)
		}
		if c := g.Sensitive.Conflict; c != nil {
			add(msg.KeyGoal(g.Key, "sensitive"), c.Text)
			add(msg.KeyShort(msg.KeyGoal(g.Key, "sensitive")), c.Short)
		}
		for i, n := range g.Notes {
			add(msg.KeyGoalNote(g.Key, i+1), n.Text)
			add(msg.KeyShort(msg.KeyGoalNote(g.Key, i+1)), n.Short)
		}
		if u := g.UntestedDose; u != nil {
			add(msg.KeyGoal(g.Key, "untested_dose"), u.Text)
			add(msg.KeyShort(msg.KeyGoal(g.Key, "untested_dose")), u.Short)
		}
	}
	t := pk.Titration
	for _, r := range []struct {
		key  string
		rule plan.Rule
	}{
		{"start_normal", t.StartNormal}, {"start_sensitive", t.StartSensitive}, {"step", t.Step},
		{"interval_normal", t.IntervalNormal}, {"interval_sensitive", t.IntervalSens}, {"target", t.Target},
		{"split_above", t.SplitAbove}, {"start_max", t.StartMax}, {"closed_way", t.ClosedWay},
	} {
		add(msg.KeyTitration(r.key, true), r.rule.Note)
	}
	for _, f := range []struct {
		key  string
		fact plan.Fact
	}{
		{"step_back", t.StepBack}, {"keep_lowest", t.KeepLowest}, {"with_food", t.WithFood}, {"monitoring", t.Monitoring},
		{"other_magnesium", t.OtherMagnesium}, {"supervised_ramp", t.SupervisedRamp}, {"general_spacing", t.GeneralSpacing},
	} {
		add(msg.KeyTitration(f.key, false), f.fact.Text)
		add(msg.KeyShort(msg.KeyTitration(f.key, false)), f.fact.Short)
	}
	for _, in := range pk.Interactions {
		add(msg.KeyInteractionName(in.Key), in.Name)
		for i, s := range in.Spacings {
			add(msg.KeyInteractionSpacing(in.Key, i+1), s.Text)
		}
		if in.Advice != nil {
			add(msg.KeyInteraction(in.Key, "advice"), in.Advice.Text)
		}
		if in.OnWaking != nil {
			add(msg.KeyInteraction(in.Key, "on_waking"), in.OnWaking.Text)
		}
	}
	for _, mp := range pk.MgProducts {
		add(msg.KeyMgProduct(mp.Key, true), mp.Name)
		add(msg.KeyMgProduct(mp.Key, false), mp.Fact.Text)
	}
	for _, c := range pk.FormCautions {
		add(msg.KeyFormCaution(c.Key), c.Text)
		add(msg.KeyShort(msg.KeyFormCaution(c.Key)), c.Short)
		if c.MinAge != nil {
			add(msg.KeyFormCaution(c.Key, "min_age", "note"), c.MinAge.Note)
		}
	}
	for _, d := range pk.Depleting {
		add(msg.KeyDepleting(d.Key, "name"), d.Name)
		add(msg.KeyDepleting(d.Key, "advice"), d.Advice.Text)
	}
	g := pk.Gates
	add(msg.KeyGate("kidney_egfr", "note"), g.KidneyEGFR.Note)
	add(msg.KeyGate("kidney_warn", "note"), g.KidneyWarn.Note)
	add(msg.KeyGate("kidney"), g.Kidney.Text)
	add(msg.KeyGate("screen"), g.Screen.Text)
	add(msg.KeyShort(msg.KeyGate("screen")), g.Screen.Short)
	for _, c := range g.Conditions {
		add(msg.KeyGate("condition", c.Key, "key"), c.Key) // what --condition takes, as a word in another language
		add(msg.KeyGate("condition", c.Key, "name"), c.Name)
		add(msg.KeyGate("condition", c.Key, "reason"), c.Reason.Text)
	}
	add(msg.KeyGate("children"), g.Children.Text)
	add(msg.KeyGate("adult_age", "note"), g.AdultAge.Note)
	add(msg.KeyGate("above_ul"), g.AboveUL.Text)
	add(msg.KeyGate("pregnancy"), g.Pregnancy.Text)
	add(msg.KeyShort(msg.KeyGate("pregnancy")), g.Pregnancy.Short)
	add(msg.KeyGate("not_pregnant_why"), g.NotPregnantWhy.Text)
	return out
}

// Fill fills the Mg-share placeholders of the form notes of lang's
// translations tr ({pct}, {min_pct}, {max_pct}, as in forms.yaml) from the
// formulas of ft, by pkg/forms' own rule, with the language's decimal
// separator point.
//
// A refused name's hint names its product by {item} where the English
// does (forms.Other.Item), which a Printer fills as the command in use
// takes a product: the translation keeps it, once, and has no other.
func Fill(lang string, tr map[string]string, ft *forms.Table, point string) (map[string]string, error) {
	out := make(map[string]string, len(tr))
	items := map[string]bool{}
	for _, o := range ft.Refused {
		items[msg.KeyName("refused", o.Key, "hint")] = o.Item != nil
	}
	for key, text := range tr {
		if item, ok := items[key]; ok {
			if n := strings.Count(text, msg.ItemPlaceholder); item && n != 1 || !item && n != 0 ||
				strings.ContainsAny(strings.ReplaceAll(text, msg.ItemPlaceholder, ""), "{}") {
				return nil, fmt.Errorf("data/i18n/%s.yaml: %s: the hint names its item as %s where the English does, once, and has no other placeholder", lang, key, msg.ItemPlaceholder)
			}
			out[key] = text
			continue
		}
		if strings.ContainsAny(text, "{}") {
			var form *forms.Form
			for _, f := range ft.Forms {
				if strings.HasPrefix(key, msg.KeyForm(f.Key, "")) {
					form = f
				}
			}
			if form == nil {
				return nil, fmt.Errorf("data/i18n/%s.yaml: %s: only a form's text can name a Mg share", lang, key)
			}
			text = forms.FillShares(text, form, point)
			if strings.ContainsAny(text, "{}") {
				return nil, fmt.Errorf("data/i18n/%s.yaml: %s: unknown placeholder; use {pct}, {min_pct} or {max_pct}", lang, key)
			}
		}
		out[key] = text
	}
	return out, nil
}
