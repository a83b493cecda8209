package kb

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/mgcalc/mgcalc/data"
	"github.com/mgcalc/mgcalc/pkg/forms"
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

// DataTexts lists every data text of the tables, in table order. The
// English is the text as mgcalc prints it: a form note's Mg shares are
// filled in.
func DataTexts() ([]DataText, error) {
	ft, err := Forms()
	if err != nil {
		return nil, err
	}
	lt, err := Limits()
	if err != nil {
		return nil, err
	}
	pk, err := Plan()
	if err != nil {
		return nil, err
	}
	// The table keeps the "others" names (sulfite, maleate, …) for
	// matching only; their names come from names.yaml itself.
	names, err := forms.DecodeNames(data.Names)
	if err != nil {
		return nil, err
	}
	var out []DataText
	add := func(key, text string) {
		if text != "" {
			out = append(out, DataText{key, text})
		}
	}
	for _, f := range ft.Forms {
		k := "form." + f.Key
		add(k+".name", f.Name)
		add(k+".tolerance", f.Tolerance.Note)
		for i, n := range f.Notes {
			add(k+".note."+strconv.Itoa(i+1), n.Text)
		}
		if f.PreferLabel != nil {
			add(k+".prefer_label", f.PreferLabel.Text)
		}
		for _, v := range f.Variants {
			add(k+".variant."+v.Key+".name", v.Name)
		}
	}
	for _, o := range ft.Lacking {
		add("names.lacking."+o.Key+".name", o.Name)
		add("names.lacking."+o.Key+".note", o.Note)
	}
	for _, o := range ft.Refused {
		add("names.refused."+o.Key+".name", o.Name)
		add("names.refused."+o.Key+".reason", o.Reason)
		add("names.refused."+o.Key+".hint", o.Hint)
	}
	for _, o := range names.Others {
		add("names.others."+o.Key+".name", o.Name)
	}
	for _, a := range lt.UpperLimits {
		add("limits."+a.Key+".name", a.Name)
		for _, b := range a.Bands {
			add("limits."+a.Key+".band."+strconv.FormatFloat(b.From, 'f', -1, 64)+".note", b.Note)
		}
	}
	for _, l := range lt.LabelValues {
		add("limits.label."+l.Key+".name", l.Name)
		add("limits.label."+l.Key+".note", l.Note)
	}
	for _, g := range pk.Goals {
		k := "goal." + g.Key
		add(k+".name", g.Name)
		add(k+".finding", g.Finding.Text)
		add(k+".finding.short", g.Finding.Short)
		for _, c := range g.Forms {
			add(k+".form."+c.Form+".finding", c.Finding)
		}
		add(k+".timing", g.Timing.Note)
		if g.Target != nil {
			add(k+".target", g.Target.Note)
		}
		for _, e := range g.Evaluate {
			add(k+".evaluate."+e.Key(), e.What)
		}
		if c := g.Sensitive.Conflict; c != nil {
			add(k+".sensitive", c.Text)
			add(k+".sensitive.short", c.Short)
		}
		for i, n := range g.Notes {
			add(k+".note."+strconv.Itoa(i+1), n.Text)
			add(k+".note."+strconv.Itoa(i+1)+".short", n.Short)
		}
		if u := g.UntestedDose; u != nil {
			add(k+".untested_dose", u.Text)
			add(k+".untested_dose.short", u.Short)
		}
	}
	t := pk.Titration
	for _, r := range []struct {
		key  string
		rule plan.Rule
	}{
		{"start_normal", t.StartNormal}, {"start_sensitive", t.StartSensitive}, {"step", t.Step},
		{"interval_normal", t.IntervalNormal}, {"interval_sensitive", t.IntervalSens}, {"target", t.Target},
		{"split_above", t.SplitAbove}, {"start_max", t.StartMax},
	} {
		add("titration."+r.key+".note", r.rule.Note)
	}
	for _, f := range []struct {
		key  string
		fact plan.Fact
	}{
		{"step_back", t.StepBack}, {"keep_lowest", t.KeepLowest}, {"with_food", t.WithFood}, {"monitoring", t.Monitoring},
		{"other_magnesium", t.OtherMagnesium}, {"supervised_ramp", t.SupervisedRamp}, {"general_spacing", t.GeneralSpacing},
	} {
		add("titration."+f.key, f.fact.Text)
		add("titration."+f.key+".short", f.fact.Short)
	}
	for _, in := range pk.Interactions {
		add("interaction."+in.Key+".name", in.Name)
		for i, s := range in.Spacings {
			add("interaction."+in.Key+".spacing."+strconv.Itoa(i+1), s.Text)
		}
		if in.Advice != nil {
			add("interaction."+in.Key+".advice", in.Advice.Text)
		}
		if in.OnWaking != nil {
			add("interaction."+in.Key+".on_waking", in.OnWaking.Text)
		}
	}
	for _, mp := range pk.MgProducts {
		add("magnesium_product."+mp.Key+".name", mp.Name)
		add("magnesium_product."+mp.Key, mp.Fact.Text)
	}
	for _, c := range pk.FormCautions {
		add("form_caution."+c.Key, c.Text)
		add("form_caution."+c.Key+".short", c.Short)
		if c.MinAge != nil {
			add("form_caution."+c.Key+".min_age.note", c.MinAge.Note)
		}
	}
	for _, d := range pk.Depleting {
		add("depleting."+d.Key+".name", d.Name)
		add("depleting."+d.Key+".advice", d.Advice.Text)
	}
	g := pk.Gates
	add("gate.kidney_egfr.note", g.KidneyEGFR.Note)
	add("gate.kidney_warn.note", g.KidneyWarn.Note)
	add("gate.kidney", g.Kidney.Text)
	add("gate.screen", g.Screen.Text)
	add("gate.screen.short", g.Screen.Short)
	for _, c := range g.Conditions {
		add("gate.condition."+c.Key+".name", c.Name)
		add("gate.condition."+c.Key+".reason", c.Reason.Text)
	}
	add("gate.children", g.Children.Text)
	add("gate.adult_age.note", g.AdultAge.Note)
	add("gate.above_ul", g.AboveUL.Text)
	add("gate.pregnancy", g.Pregnancy.Text)
	add("gate.pregnancy.short", g.Pregnancy.Short)
	add("gate.not_pregnant_why", g.NotPregnantWhy.Text)
	return out, nil
}

// dataLangs are the languages with translations of the data texts: a
// flat map from key to text (data/i18n/LANG.yaml), and whether the
// language writes a decimal comma. English is the tables themselves.
var dataLangs = map[string]*dataLang{"nl": newDataLang("nl", data.NL, true)}

// dataLang is one language's translations, decoded once, on first use: a
// run in English never decodes a file, and a Dutch run only when it
// prints a data text.
type dataLang struct {
	raw  func() (map[string]string, error)
	data *msg.Data
}

func newDataLang(lang string, file []byte, comma bool) *dataLang {
	l := &dataLang{}
	l.raw = sync.OnceValues(func() (map[string]string, error) {
		m, err := parseFlat(file)
		if err != nil {
			return nil, fmt.Errorf("data/i18n/%s.yaml: %w", lang, err)
		}
		return m, nil
	})
	l.data = msg.LazyData(func() (map[string]string, map[string]string, error) {
		return l.load(lang, comma)
	})
	return l
}

// load returns the translations, Mg shares filled in, and the tables'
// English, both by key.
func (l *dataLang) load(lang string, comma bool) (translated, english map[string]string, err error) {
	raw, err := l.raw()
	if err != nil {
		return nil, nil, err
	}
	translated, err = fillTranslations(lang, raw, comma)
	if err != nil {
		return nil, nil, err
	}
	texts, err := DataTexts()
	if err != nil {
		return nil, nil, err
	}
	english = make(map[string]string, len(texts))
	for _, t := range texts {
		english[t.Key] = t.English
	}
	return translated, english, nil
}

// parseFlat reads a translation file: YAML restricted to one
// `key: "text"` a line (a double-quoted scalar), with comments and blank
// lines. It costs a fraction of a YAML decoder, and a test checks
// that it reads each file as yaml.v3 does.
func parseFlat(b []byte) (map[string]string, error) {
	m := make(map[string]string, bytes.Count(b, []byte("\n")))
	for n, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		key, val, ok := strings.Cut(line, ": ")
		text, err := strconv.Unquote(strings.TrimSpace(val))
		if !ok || err != nil || !strings.HasPrefix(strings.TrimSpace(val), `"`) || strings.ContainsAny(key, " \t\"'") {
			return nil, fmt.Errorf("line %d: want key: \"text\"", n+1)
		}
		if _, dup := m[key]; dup {
			return nil, fmt.Errorf("line %d: %s is given twice", n+1, key)
		}
		m[key] = text
	}
	return m, nil
}

// Translations returns the translations of lang as its file has them,
// key → text (a form note's Mg shares still {pct}), or nil when lang has
// none.
func Translations(lang string) (map[string]string, error) {
	l, ok := dataLangs[lang]
	if !ok {
		return nil, nil
	}
	return l.raw()
}

// DataCatalogue returns the data texts of lang for msg.Printer.WithData:
// nil for English and for a language without translations (the tables'
// English is printed). Nothing is decoded until a text is looked up.
func DataCatalogue(lang string) *msg.Data {
	l, ok := dataLangs[lang]
	if !ok {
		return nil
	}
	return l.data
}

// fillTranslations fills the Mg-share placeholders of the form notes
// ({pct}, {min_pct}, {max_pct}, as in forms.yaml) from the formulas.
func fillTranslations(lang string, tr map[string]string, comma bool) (map[string]string, error) {
	ft, err := Forms()
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(tr))
	for key, text := range tr {
		if strings.ContainsAny(text, "{}") {
			var form *forms.Form
			for _, f := range ft.Forms {
				if strings.HasPrefix(key, "form."+f.Key+".") {
					form = f
				}
			}
			if form == nil {
				return nil, fmt.Errorf("data/i18n/%s.yaml: %s: only a form's text can name a Mg share", lang, key)
			}
			text = fillShares(text, form, comma)
			if strings.ContainsAny(text, "{}") {
				return nil, fmt.Errorf("data/i18n/%s.yaml: %s: unknown placeholder; use {pct}, {min_pct} or {max_pct}", lang, key)
			}
		}
		out[key] = text
	}
	return out, nil
}

// fillShares is pkg/forms' filling of a note (one decimal), with the
// reader's decimal separator.
func fillShares(s string, f *forms.Form, comma bool) string {
	lo := f.Default().Fraction
	for _, v := range f.Variants {
		lo = min(lo, v.Fraction)
	}
	pct := func(frac float64) string {
		s := strconv.FormatFloat(frac*100, 'f', 1, 64)
		if comma {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	}
	return strings.NewReplacer("{pct}", pct(f.Default().Fraction), "{max_pct}", pct(f.MaxFraction()), "{min_pct}", pct(lo)).Replace(s)
}
