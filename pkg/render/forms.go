package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/source"
)

// FormRow is one form-variant of `forms`.
type FormRow struct {
	Form           string   `json:"form"`
	Name           string   `json:"name"`
	Variant        string   `json:"variant"`
	VariantName    string   `json:"variant_name"`
	Default        bool     `json:"default"`
	Formula        string   `json:"formula"`
	MolarMass      float64  `json:"molar_mass"`
	Fraction       float64  `json:"fraction"`
	Tolerance      string   `json:"tolerance"`
	Aliases        []string `json:"aliases"`
	VariantAliases []string `json:"variant_aliases"`

	v *forms.Variant // unrounded: text and TSV round once, from it
}

// FormList is the report of `forms`: a JSON array of rows.
type FormList []FormRow

// NewFormList maps the whole table.
func NewFormList(t *forms.Table) FormList {
	var out FormList
	for _, f := range t.Forms {
		for _, v := range f.Variants {
			out = append(out, FormRow{
				Form: f.Key, Name: f.Name, Variant: v.Key, VariantName: v.Name, Default: v.Default,
				Formula: v.Formula, MolarMass: Round(v.MolarMass, MolarMassDec), Fraction: Round(v.Fraction, FractionDec),
				Tolerance: f.Tolerance.Level, Aliases: nonNil(f.Aliases), VariantAliases: nonNil(v.Aliases), v: v,
			})
		}
	}
	return out
}

// NewFormDetail maps one form; selected is the variant -o value reports,
// goals the goals the form serves (from the plan knowledge). goalsKnown is
// false when the plan's knowledge could not be built for the form table
// (a --table of the user's): then the goals are null in JSON and the text
// says they are not shown, not that there are none.
func NewFormDetail(t *forms.Table, f *forms.Form, selected *forms.Variant, goals []plan.GoalChoice, goalsKnown bool) *FormDetail {
	d := &FormDetail{
		Form: f.Key, Name: f.Name, Aliases: nonNil(f.Aliases),
		Tolerance: f.Tolerance.Level, ToleranceNote: f.Tolerance.Note, ToleranceSrc: nonNil(f.Tolerance.Sources),
		Goals: []GoalDetail{}, Notes: []NoteDetail{}, Selected: selected.Key,
	}
	ids := append([]string{}, f.Tolerance.Sources...)
	for _, v := range f.Variants {
		vd := VariantDetail{
			Variant: v.Key, Name: v.Name, Aliases: nonNil(v.Aliases), Default: v.Default, Formula: v.Formula,
			Hill: v.Composition.String(), MolarMass: Round(v.MolarMass, MolarMassDec), Fraction: Round(v.Fraction, FractionDec),
			Sources: nonNil(v.Sources), Labels: []LabelDetail{}, v: v,
		}
		for _, l := range v.Labels {
			vd.Labels = append(vd.Labels, LabelDetail{CompoundMg: l.CompoundMg, StatedMg: l.ElementalMg,
				ComputedMg: Round(l.ComputedMg(v), MassDec), Sources: nonNil(l.Sources), computed: l.ComputedMg(v)})
			ids = append(ids, l.Sources...)
		}
		ids = append(ids, v.Sources...)
		d.Variants = append(d.Variants, vd)
	}
	if !goalsKnown {
		d.Goals = nil
	}
	for _, g := range goals {
		c := g.Choice
		d.Goals = append(d.Goals, GoalDetail{Goal: g.Goal.Key, Rank: c.Rank, Grade: string(c.Grade), Finding: c.Finding,
			TrialMg: c.TrialMg, Sources: nonNil(c.Sources), goal: g.Goal})
		ids = append(ids, c.Sources...)
	}
	if a := f.Assay; a != nil {
		d.Assay = &AssayDetail{MinPercent: a.MinPercent, MaxPercent: a.MaxPercent, Sources: nonNil(a.Sources)}
		ids = append(ids, a.Sources...)
	}
	if n := f.PreferLabel; n != nil {
		d.PreferLabel = &NoteDetail{Text: n.Text, Sources: nonNil(n.Sources)}
		ids = append(ids, n.Sources...)
	}
	for _, n := range f.Notes {
		d.Notes = append(d.Notes, NoteDetail{Text: n.Text, Sources: nonNil(n.Sources)})
		ids = append(ids, n.Sources...)
	}
	d.Sources = t.Sources.Lookup(unique(ids))
	return d
}

func unique(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// TSV implements Report.
func (l FormList) TSV() [][]string {
	rows := [][]string{{"form", "variant", "default", "formula", "molar_mass", "fraction", "tolerance"}}
	for _, r := range l {
		rows = append(rows, []string{r.Form, r.Variant, boolStr(r.Default), r.Formula,
			FormatFloat(r.v.MolarMass, MolarMassDec), FormatFloat(r.v.Fraction, FractionDec), r.Tolerance})
	}
	return rows
}

// Value implements Report: a list has no single value.
func (l FormList) Value() (string, bool) { return "", false }

// Formats implements Report: a list has no single value.
func (l FormList) Formats() []Format { return ListFormats }

// Warnings implements Report.
func (l FormList) Warnings() []*msg.Message { return nil }

// Warnings implements Report.
func (d *FormDetail) Warnings() []*msg.Message { return nil }

// Text implements Report.
func (l FormList) Text(t *Term) string {
	p := t.P
	header := []string{p.S("FORM"), p.S("VARIANT"), p.S("FORMULA"), p.S("g/mol"), p.S("%% Mg"), p.S("GUT")}
	var rows [][]string
	for _, r := range l {
		form := p.Data(msg.KeyFormKey(r.Form), r.Form)
		if !r.Default {
			form = ""
		}
		variant := p.Data(msg.KeyVariantKey(r.Variant), r.Variant)
		if r.Default {
			variant += " *"
		}
		rows = append(rows, []string{form, variant, r.Formula, p.Num(r.v.MolarMass, 2), p.Num(r.v.Fraction*100, 2), p.S(r.Tolerance)})
	}
	table := t.Table(header, rows, map[int]bool{3: true, 4: true})
	if t.tooWide(table) {
		table = l.narrow(t)
	}
	return table + t.Dim(p.S("* default variant; give another as FORM:VARIANT, e.g. citrate:nonahydrate")) + "\n"
}

// narrow is the form list for a terminal too narrow for one row a
// variant (review K1: at 80 columns every row wrapped): each form on a
// line of its own with its gut tolerance, which is the form's, and its
// variants indented under it.
func (l FormList) narrow(t *Term) string {
	p := t.P
	header := []string{p.S("FORM / VARIANT"), p.S("FORMULA"), p.S("g/mol"), p.S("%% Mg"), p.S("GUT")}
	var rows [][]string
	for _, r := range l {
		if r.Default {
			rows = append(rows, []string{p.Data(msg.KeyFormKey(r.Form), r.Form), "", "", "", p.S(r.Tolerance)})
		}
		variant := "  " + p.Data(msg.KeyVariantKey(r.Variant), r.Variant)
		if r.Default {
			variant += " *"
		}
		rows = append(rows, []string{variant, r.Formula, p.Num(r.v.MolarMass, 2), p.Num(r.v.Fraction*100, 2), ""})
	}
	return t.Table(header, rows, map[int]bool{2: true, 3: true})
}

// tooWide reports whether s has a line wider than the terminal; piped
// output, never wrapped, is never too wide.
func (t *Term) tooWide(s string) bool {
	if !t.Styled || t.Width <= 0 {
		return false
	}
	for _, line := range strings.Split(s, "\n") {
		if ansi.StringWidth(line) > t.Width {
			return true
		}
	}
	return false
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// FormDetail is the report of `forms show FORM`.
type FormDetail struct {
	Form          string          `json:"form"`
	Name          string          `json:"name"`
	Aliases       []string        `json:"aliases"`
	Variants      []VariantDetail `json:"variants"`
	Tolerance     string          `json:"tolerance"`
	ToleranceNote string          `json:"tolerance_note"`
	ToleranceSrc  []string        `json:"tolerance_sources"`
	Goals         []GoalDetail    `json:"goals"`
	Assay         *AssayDetail    `json:"assay"`
	PreferLabel   *NoteDetail     `json:"prefer_label"`
	Notes         []NoteDetail    `json:"notes"`
	Sources       []source.Source `json:"sources"`

	Selected string `json:"-"` // the variant named as FORM:VARIANT, else the default
}

// VariantDetail is one variant in FormDetail.
type VariantDetail struct {
	Variant   string        `json:"variant"`
	Name      string        `json:"name"`
	Aliases   []string      `json:"aliases"`
	Default   bool          `json:"default"`
	Formula   string        `json:"formula"`
	Hill      string        `json:"hill_formula"`
	MolarMass float64       `json:"molar_mass"`
	Fraction  float64       `json:"fraction"`
	Sources   []string      `json:"sources"`
	Labels    []LabelDetail `json:"label_checks"`

	v *forms.Variant // unrounded: text, TSV and value round once, from it
}

// LabelDetail is a label cross-check: stated against computed.
type LabelDetail struct {
	CompoundMg float64  `json:"compound_mg"`
	StatedMg   float64  `json:"stated_elemental_mg"`
	ComputedMg float64  `json:"computed_elemental_mg"`
	Sources    []string `json:"sources"`

	computed float64 // ComputedMg unrounded
}

// GoalDetail is a goal the form serves, with the evidence (plan.yaml).
// Rank 0: listed with its grade, never recommended.
type GoalDetail struct {
	Goal    string   `json:"goal"`
	Rank    int      `json:"rank"`
	Grade   string   `json:"grade"`
	Finding string   `json:"finding"`
	TrialMg *float64 `json:"trial_mg"`
	Sources []string `json:"sources"`

	goal *plan.Goal
}

// AssayDetail is a raw-material specification range.
type AssayDetail struct {
	MinPercent float64  `json:"min_percent"`
	MaxPercent float64  `json:"max_percent"`
	Sources    []string `json:"sources"`
}

// NoteDetail is a sourced fact.
type NoteDetail struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// TSV implements Report: the variants.
func (d *FormDetail) TSV() [][]string {
	rows := [][]string{{"form", "variant", "default", "formula", "molar_mass", "fraction", "tolerance"}}
	for _, v := range d.Variants {
		rows = append(rows, []string{d.Form, v.Variant, boolStr(v.Default), v.Formula,
			FormatFloat(v.v.MolarMass, MolarMassDec), FormatFloat(v.v.Fraction, FractionDec), d.Tolerance})
	}
	return rows
}

// Value implements Report: the Mg fraction of the variant named, or of
// the default one.
func (d *FormDetail) Value() (string, bool) {
	for _, v := range d.Variants {
		if v.Variant == d.Selected {
			return FormatFloat(v.v.Fraction, FractionDec), true
		}
	}
	return "", false
}

// Formats implements Report.
func (d *FormDetail) Formats() []Format { return ValueFormats }

func cite(t *Term, ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return " " + t.Dim("["+strings.Join(ids, ", ")+"]")
}

// Text implements Report.
func (d *FormDetail) Text(t *Term) string {
	p := t.P
	var b strings.Builder
	b.WriteString(t.Num(p.Data(msg.KeyForm(d.Form, "name"), d.Name)) + " (" + p.Data(msg.KeyFormKey(d.Form), d.Form) + ")\n")
	if len(d.Aliases) > 0 {
		b.WriteString(p.S("also called: %s", strings.Join(d.Aliases, ", ")) + "\n")
	}
	b.WriteString("\n" + p.S("variants (Mg %% computed from the formula):") + "\n")
	var rows [][]string
	for _, v := range d.Variants {
		key := p.Data(msg.KeyVariantKey(v.Variant), v.Variant)
		if v.Default {
			key += " *"
		}
		rows = append(rows, []string{key, p.Data(msg.KeyVariantName(d.Form, v.Variant), v.Name), v.Formula, p.Num(v.v.MolarMass, 2) + " g/mol", p.Num(v.v.Fraction*100, 2) + " %"})
	}
	table := indent(Columns(rows, map[int]bool{3: true, 4: true}), "  ")
	if t.tooWide(table) {
		// too narrow for one line a variant: its name under its figures
		var short [][]string
		for _, r := range rows {
			short = append(short, []string{r[0], r[2], r[3], r[4]})
		}
		lines := strings.Split(strings.TrimSuffix(Columns(short, map[int]bool{2: true, 3: true}), "\n"), "\n")
		var nb strings.Builder
		for i, line := range lines {
			nb.WriteString("  " + line + "\n    " + rows[i][1] + "\n")
		}
		table = nb.String()
	}
	b.WriteString(table)
	b.WriteString(indent(t.Dim(p.S("* default variant, used when none is named")), "  ") + "\n")
	b.WriteString("\n" + p.S("gut tolerance: %s: %s", p.S(d.Tolerance), p.Data(msg.KeyForm(d.Form, "tolerance"), d.ToleranceNote)) + cite(t, d.ToleranceSrc) + "\n")
	if len(d.Goals) > 0 {
		b.WriteString(p.S("goals (evidence for this form):") + "\n")
		for _, g := range d.Goals {
			goal := g.Goal
			if p.Lang() != msg.English && g.goal != nil {
				goal = goalName(p, g.goal)
			}
			line := "  " + goal + ": " + gradeText(p, plan.Grade(g.Grade))
			if g.Rank == 0 {
				line += " " + p.S("(never recommended)")
			}
			b.WriteString(line + ": " + p.Data(msg.KeyGoalFormFinding(g.Goal, d.Form), g.Finding) + cite(t, g.Sources) + "\n")
		}
	} else if d.Goals == nil {
		b.WriteString(p.S("goals: not shown: the plan's knowledge does not fit this form table") + "\n")
	} else {
		b.WriteString(p.S("goals: none; mgcalc's sources name no goal for this form") + "\n")
	}
	if d.Assay != nil {
		b.WriteString(p.S("raw-material assay: %s-%s %% Mg", p.Num(d.Assay.MinPercent, 1), p.Num(d.Assay.MaxPercent, 1)) + cite(t, d.Assay.Sources) + "\n")
	}
	for _, v := range d.Variants {
		for _, l := range v.Labels {
			b.WriteString(p.S("label check (%s): %s mg states %s mg Mg; computed %s mg", p.Data(msg.KeyVariantKey(v.Variant), v.Variant),
				p.Amount(l.CompoundMg), p.Amount(l.StatedMg), p.Num(l.computed, 1)) + cite(t, l.Sources) + "\n")
		}
	}
	if n := d.PreferLabel; n != nil {
		b.WriteString(t.Label("note", msg.New("%s", p.Data(msg.KeyForm(d.Form, "prefer_label"), n.Text))) + cite(t, n.Sources) + "\n")
	}
	for i, n := range d.Notes {
		b.WriteString(t.Label("note", msg.New("%s", p.Data(msg.KeyFormNote(d.Form, i+1), n.Text))) + cite(t, n.Sources) + "\n")
	}
	b.WriteString("\n" + p.S("sources:") + "\n")
	for _, s := range d.Sources {
		line := "  [" + s.ID + "] " + sourceTitle(p, s)
		if s.URL != "" {
			line += " " + s.URL
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

func indent(s, pre string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for _, l := range lines {
		if l != "" && l != "\n" {
			b.WriteString(pre)
		}
		b.WriteString(l)
	}
	return b.String()
}
