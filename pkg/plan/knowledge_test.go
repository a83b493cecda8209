package plan_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/mgcalc/mgcalc/data"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// embeddedKnowledge loads the embedded data/plan.yaml the way mgcalc does.
func embeddedKnowledge(t *testing.T) *plan.Knowledge {
	t.Helper()
	k, err := kb.Plan()
	if err != nil {
		t.Fatalf("the embedded plan.yaml does not load: %v", err)
	}
	return k
}

// foldMed reduces a medicine name by the one fold (pkg/text tests it);
// "" for a name that does not fold.
func foldMed(s string) string {
	f, err := text.Fold(s)
	if err != nil {
		return "\x00" + s // matches only itself
	}
	return f
}

func medMatches(name, key, className string, members []string) bool {
	n := foldMed(name)
	if n == foldMed(key) || n == foldMed(className) {
		return true
	}
	for _, m := range members {
		if n == foldMed(m) {
			return true
		}
	}
	return false
}

// interactionFor returns the spacing class a medicine name belongs to.
func interactionFor(k *plan.Knowledge, name string) *plan.Interaction {
	for _, in := range k.Interactions {
		if medMatches(name, in.Key, in.Name, in.Members) {
			return in
		}
	}
	return nil
}

// depletingFor returns the doctor-advice class a medicine name belongs to.
func depletingFor(k *plan.Knowledge, name string) *plan.MedClass {
	for _, d := range k.Depleting {
		if medMatches(name, d.Key, d.Name, d.Members) {
			return d
		}
	}
	return nil
}

func choiceOf(t *testing.T, k *plan.Knowledge, goal, form string) *plan.Choice {
	t.Helper()
	g := k.Goal(goal)
	if g == nil {
		t.Fatalf("goal %s is missing", goal)
	}
	for _, c := range g.Forms {
		if c.Form == form {
			return c
		}
	}
	t.Fatalf("goal %s lists no %s", goal, form)
	return nil
}

// The ten goals exist, and each resolves by its Dutch names.
func TestKnowledgeGoalsAndDutchAliases(t *testing.T) {
	k := embeddedKnowledge(t)
	keys := []string{"sleep", "stress", "constipation", "sport", "energy", "heart", "cognition", "cramps", "migraine", "general"}
	if len(k.Goals) != len(keys) {
		t.Errorf("%d goals, want %d", len(k.Goals), len(keys))
	}
	for _, key := range keys {
		if g := k.Goal(key); g == nil || g.Key != key {
			t.Errorf("goal %s is missing", key)
		}
	}
	dutch := map[string]string{
		"slapen": "sleep", "slaap": "sleep", "ontspanning": "stress", "Stress": "stress",
		"obstipatie": "constipation", "verstopping": "constipation", "spieren": "sport", "sport": "sport",
		"energie": "energy", "vermoeidheid": "energy", "hart": "heart", "cognitie": "cognition",
		"concentratie": "cognition", "kramp": "cramps", "Krampen": "cramps", "migraine": "migraine",
		"algemeen": "general",
	}
	for alias, key := range dutch {
		if g := k.Goal(alias); g == nil || g.Key != key {
			t.Errorf("Goal(%q) = %v, want %s", alias, g, key)
		}
	}
	if g := k.Goal("hair growth"); g != nil {
		t.Errorf("Goal(hair growth) = %s, want none", g.Key)
	}
}

// Cramps prints the Cochrane result first; no other goal does.
func TestKnowledgeCrampsFirstWithCochrane(t *testing.T) {
	k := embeddedKnowledge(t)
	reg, err := kb.Sources()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range k.Goals {
		if g.First != (g.Key == "cramps") {
			t.Errorf("goal %s: first = %v", g.Key, g.First)
		}
	}
	c := k.Goal("cramps")
	cochrane := false
	for _, id := range c.Finding.Sources {
		s, _ := reg.Get(id)
		cochrane = cochrane || strings.Contains(s.Title, "Cochrane")
	}
	if !cochrane {
		t.Errorf("the cramps finding cites %v, no Cochrane review", c.Finding.Sources)
	}
	if !strings.Contains(c.Finding.Text, "unlikely") || !strings.Contains(c.Finding.Text, "-9.59 %") {
		t.Errorf("the cramps finding does not report the Cochrane result: %q", c.Finding.Text)
	}
	// The finding is about magnesium in general: every form has one grade,
	// no effect shown, and the forms are ordered by gut tolerance alone, so
	// the untested glycinate ranks above the tested oxide only as the
	// gentler form, never as the better-evidenced one.
	if c.RankedBy != plan.RankedByTolerance {
		t.Errorf("cramps ranked by %q, want %q", c.RankedBy, plan.RankedByTolerance)
	}
	for _, ch := range c.Forms {
		if ch.Grade != plan.NoEffectShown {
			t.Errorf("cramps × %s: grade %s, want %s", ch.Form, ch.Grade, plan.NoEffectShown)
		}
	}
	if b, o := choiceOf(t, k, "cramps", "bisglycinate"), choiceOf(t, k, "cramps", "oxide"); b.Rank != 1 || o.Rank <= b.Rank {
		t.Errorf("cramps: bisglycinate rank %d, oxide rank %d; the gentle form first", b.Rank, o.Rank)
	}
}

// Trial doses are the elemental amounts the trials gave.
func TestKnowledgeTrialDoses(t *testing.T) {
	k := embeddedKnowledge(t)
	for _, c := range []struct {
		goal, form string
		mg         float64
	}{
		{"migraine", "citrate", 600}, {"constipation", "oxide", 905}, {"sleep", "bisglycinate", 250},
		{"sleep", "oxide", 500}, {"cognition", "threonate", 150}, {"heart", "citrate", 368},
	} {
		ch := choiceOf(t, k, c.goal, c.form)
		if ch.TrialMg == nil || *ch.TrialMg != c.mg {
			t.Errorf("%s × %s: trial dose %v, want %v mg", c.goal, c.form, ch.TrialMg, c.mg)
		}
	}
	if m := choiceOf(t, k, "migraine", "citrate"); m.Rank != 1 || m.Grade != plan.Guideline {
		t.Errorf("migraine × citrate: rank %d, grade %s", m.Rank, m.Grade)
	}
	if o := choiceOf(t, k, "constipation", "oxide"); o.Rank != 1 || o.Grade != plan.Guideline {
		t.Errorf("constipation × oxide: rank %d, grade %s", o.Rank, o.Grade)
	}
	if g := k.Goal("cognition"); g.Target == nil || g.Target.Value != 150 || g.Target.Basis != plan.FromSource {
		t.Errorf("cognition target %+v, want 150 from a source", g.Target)
	}
}

// Marketing claims and no-effect findings are listed, never recommended;
// each goal recommends something a pregnant person may take.
func TestKnowledgeGradesAndRanks(t *testing.T) {
	k := embeddedKnowledge(t)
	claims := 0
	for _, g := range k.Goals {
		safe := 0
		for _, c := range g.Forms {
			if c.Rank > 0 && (c.Grade == plan.MarketingClaim || c.Grade == plan.NoEffectShown && g.RankedBy != plan.RankedByTolerance) {
				t.Errorf("%s × %s: a %s ranked %d", g.Key, c.Form, c.Grade, c.Rank)
			}
			if c.Grade == plan.MarketingClaim {
				claims++
			}
			if c.Rank > 0 && c.Form != "threonate" {
				safe++
			}
		}
		// cognition: the one form with evidence is excluded in pregnancy,
		// and no other form is put in its place (TestPregnancyNoSubstitute)
		if safe == 0 && g.Key != "cognition" {
			t.Errorf("goal %s recommends nothing outside pregnancy's exclusions", g.Key)
		}
	}
	if claims == 0 {
		t.Error("no marketing claim is listed: the seeds' unsupported claims must be shown with their grade")
	}
	for _, c := range [][2]string{{"heart", "taurate"}, {"migraine", "bisglycinate"}, {"sport", "citrate"}} {
		if ch := choiceOf(t, k, c[0], c[1]); ch.Rank != 0 || ch.Grade != plan.MarketingClaim {
			t.Errorf("%s × %s: rank %d, grade %s, want a rank-0 marketing claim", c[0], c[1], ch.Rank, ch.Grade)
		}
	}
}

// Every number mgcalc chose itself says why; the rules no source gives a
// number for are mgcalc's.
func TestKnowledgeMgcalcRulesHaveNotes(t *testing.T) {
	k := embeddedKnowledge(t)
	reg, _ := kb.Sources()
	tr, gt := k.Titration, k.Gates
	rules := map[string]plan.Rule{
		"start_normal": tr.StartNormal, "start_sensitive": tr.StartSensitive, "step": tr.Step,
		"interval_normal": tr.IntervalNormal, "interval_sensitive": tr.IntervalSens, "target": tr.Target,
		"split_above": tr.SplitAbove, "kidney_egfr": gt.KidneyEGFR, "kidney_warn": gt.KidneyWarn, "adult_age": gt.AdultAge,
	}
	for _, g := range k.Goals {
		if g.Target != nil {
			rules[g.Key+" target"] = *g.Target
		}
		if g.Timing.Basis == plan.FromMgcalc && strings.TrimSpace(g.Timing.Note) == "" {
			t.Errorf("%s timing: mgcalc's own choice has no note", g.Key)
		}
		if err := reg.Check(g.Key+" timing", g.Timing.Sources); err != nil {
			t.Errorf("%v", err)
		}
	}
	for what, r := range rules {
		if r.Basis == plan.FromMgcalc && strings.TrimSpace(r.Note) == "" {
			t.Errorf("%s: mgcalc's own rule has no note", what)
		}
	}
	for what, r := range map[string]plan.Rule{"step": tr.Step, "split_above": tr.SplitAbove, "kidney_warn": gt.KidneyWarn} {
		if r.Basis != plan.FromMgcalc || !strings.Contains(r.Note, "no source") {
			t.Errorf("%s: basis %s, note %q; no source gives this number", what, r.Basis, r.Note)
		}
	}
	want := map[string]float64{"start_normal": 150, "start_sensitive": 100, "step": 50, "interval_normal": 7,
		"interval_sensitive": 14, "target": 250, "split_above": 150, "kidney_egfr": 30, "kidney_warn": 60, "adult_age": 18}
	for what, v := range want {
		if rules[what].Value != v {
			t.Errorf("%s = %v, want %v", what, rules[what].Value, v)
		}
	}
	// Goals timed by seed 001's general "start in the evening" are all
	// labelled alike: that advice is the source.
	for _, g := range k.Goals {
		if strings.Contains(g.Timing.Note, "general advice") && (g.Timing.Basis != plan.FromSource || !slices.Contains(g.Timing.Sources, "seed-001")) {
			t.Errorf("%s timing: basis %s, sources %v; the general advice of seed 001 is its source", g.Key, g.Timing.Basis, g.Timing.Sources)
		}
	}
}

// Medicines resolve by generic, brand and Dutch names, and the spacing
// each source gives is carried.
func TestKnowledgeMedicines(t *testing.T) {
	k := embeddedKnowledge(t)
	for name, key := range map[string]string{
		"levothyroxine": "levothyroxine", "Thyrax": "levothyroxine", "Euthyrox": "levothyroxine",
		"doxycycline": "tetracyclines", "Fosamax": "bisphosphonates", "alendroninezuur": "bisphosphonates",
		"Ciproxin": "fluoroquinolones", "ciprofloxacine": "fluoroquinolones", "ijzer": "iron",
		"Revolade": "eltrombopag", "Tivicay": "dolutegravir", "Neurontin": "gabapentin", "Plaquenil": "aminoquinolines",
		"moxifloxacin": "moxifloxacin", "Avelox": "moxifloxacin", "Biktarvy": "bictegravir", "Isentress": "raltegravir",
		"Sinemet": "levodopa", "Tarceva": "erlotinib", "mycofenolaat": "antacid-absorption", "CellCept": "antacid-absorption",
		"rosuvastatine": "antacid-absorption", "itraconazol": "antacid-absorption", "ellaOne": "ulipristal", "Tasigna": "nilotinib",
		"Resonium": "polystyrene-sulfonate", "Kayexalate": "polystyrene-sulfonate",
	} {
		if in := interactionFor(k, name); in == nil || in.Key != key {
			t.Errorf("%s: class %v, want %s", name, in, key)
		}
	}
	for name, key := range map[string]string{
		"omeprazole": "ppi", "Nexium": "ppi", "furosemide": "loop-diuretics", "hydrochloorthiazide": "thiazide-diuretics",
		"gentamicin": "aminoglycosides", "cetuximab": "egfr-inhibitors", "spironolacton": "potassium-sparing-diuretics",
		"digoxin": "digoxin", "Rapamune": "sirolimus", "Prograf": "calcineurin-inhibitors",
	} {
		if d := depletingFor(k, name); d == nil || d.Key != key {
			t.Errorf("%s: depleting class %v, want %s", name, d, key)
		}
		if in := interactionFor(k, name); in != nil {
			t.Errorf("%s is both depleting and spaced (%s)", name, in.Key)
		}
	}
	if interactionFor(k, "paracetamol") != nil || depletingFor(k, "paracetamol") != nil {
		t.Error("paracetamol matched a class")
	}
	// erlotinib is spaced (antacid salts) and lowers magnesium
	if in, d := interactionFor(k, "erlotinib"), depletingFor(k, "erlotinib"); in == nil || d == nil || d.Key != "egfr-inhibitors" {
		t.Errorf("erlotinib: interaction %v, depleting %v", in, d)
	}
	// Where sources differ every spacing is carried: NIH's 2 h before or
	// 6 h after, and the SmPC's 3 h.
	longest := func(in *plan.Interaction) (before, after float64) {
		for _, s := range in.Spacings {
			before, after = max(before, s.BeforeHours), max(after, s.AfterHours)
		}
		return
	}
	for name, want := range map[string][2]float64{"doxycycline": {3, 6}, "ciprofloxacin": {3, 6}, "moxifloxacin": {4, 8}, "fosamax": {4, 4}, "levothyroxine": {4, 4}, "eltrombopag": {4, 4}, "juluca": {4, 6}} {
		in := interactionFor(k, name)
		if in == nil {
			t.Errorf("%s: no class", name)
			continue
		}
		if b, a := longest(in); b != want[0] || a != want[1] {
			t.Errorf("%s: longest spacing %v h before / %v h after, want %v", name, b, a, want)
		}
	}
	if in := interactionFor(k, "eltrombopag"); in != nil && len(in.Spacings) < 2 {
		t.Errorf("eltrombopag carries %d spacings; the EU and US labels disagree", len(in.Spacings))
	}
}

// The gates: kidneys, heart block, myasthenia, threonate in pregnancy.
func TestKnowledgeGates(t *testing.T) {
	k := embeddedKnowledge(t)
	g := k.Gates
	if g.KidneyEGFR.Basis != plan.FromSource || g.KidneyWarn.Value <= g.KidneyEGFR.Value {
		t.Errorf("kidney gates %+v / %+v", g.KidneyEGFR, g.KidneyWarn)
	}
	found := map[string]bool{}
	for _, c := range g.Conditions {
		for _, n := range append([]string{c.Key}, c.Aliases...) {
			found[foldMed(n)] = true
		}
	}
	for _, n := range []string{"heart-block", "av-block", "bradycardia", "hartblok", "bradycardie", "myasthenia-gravis", "myasthenia"} {
		if !found[foldMed(n)] {
			t.Errorf("condition %s is not a gate", n)
		}
	}
	if len(g.NotPregnant) != 1 || g.NotPregnant[0] != "threonate" || !strings.Contains(g.NotPregnantWhy.Text, "2024/2694") {
		t.Errorf("not_pregnant %v: %q", g.NotPregnant, g.NotPregnantWhy.Text)
	}
	if !strings.Contains(g.Children.Text, "no source") {
		t.Errorf("children: %q", g.Children.Text)
	}
}

// Broken copies of the real plan.yaml fail to load, each with a message
// that names the problem.
func TestKnowledgeBrokenYAML(t *testing.T) {
	ft, err := kb.Forms()
	if err != nil {
		t.Fatal(err)
	}
	reg, err := kb.Sources()
	if err != nil {
		t.Fatal(err)
	}
	orig := string(data.Plan)
	cases := []struct{ name, old, new, want string }{
		{"unknown key", "  - key: sleep\n    name: sleep\n", "  - key: sleep\n    nmae: sleep\n", "field nmae not found"},
		{"unknown source", "      sources: [cochrane-2020]\n    first: true", "      sources: [cochrane-2021]\n    first: true", `unknown source "cochrane-2021"`},
		{"marketing claim ranked", "        rank: 0\n        grade: marketing-claim", "        rank: 1\n        grade: marketing-claim", "marketing-claim is never recommended"},
		{"no effect ranked", "    ranked_by: tolerance\n", "", "no-effect-shown is never recommended"},
		{"mixed grades ranked by tolerance", "        rank: 2\n        grade: no-effect-shown", "        rank: 2\n        grade: practice-based", "one grade"},
		{"unknown ranking", "    ranked_by: tolerance\n", "    ranked_by: taste\n", `ranked_by "taste"`},
		{"unknown certainty", "certainty: very-low", "certainty: dubious", `certainty "dubious"`},
		{"strength of no guideline", "        grade: systematic-review\n        certainty: low-to-very-low\n        finding: \"most sleep", "        grade: systematic-review\n        strength: strong\n        finding: \"most sleep", `strength "strong"`},
		{"interaction with nothing to say", "    advice:\n      text: \"no spacing is known to work", "    nothing:\n      text: \"no spacing is known to work", "field nothing not found"},
		{"interaction of an unknown form", "    forms: [oxide]\n    advice:", "    forms: [oxyde]\n    advice:", `interaction levodopa: "oxyde" is not a form key`},
		{"spacing of an unknown form", "        forms: [oxide, hydroxide, carbonate]\n        text: \"with an antacid-type magnesium salt: take the antacid", "        forms: [oxide, hydroxid]\n        text: \"with an antacid-type magnesium salt: take the antacid", `"hydroxid" is not a form key`},
		{"unsourced advice", "      sources: [kashihara-2019, miyaue-2023]", "      sources: []", "interaction levodopa advice has no source"},
		{"caution of an unknown form", "  - key: oxide-long-term\n    forms: [oxide]", "  - key: oxide-long-term\n    forms: [oxid]", `form caution oxide-long-term: "oxid" is not a form key`},
		{"caution age without a note", "      note: \"the Japanese safety alerts", "      note: \"\"\n      # \"the Japanese safety alerts", "form caution oxide-long-term min_age: mgcalc's own rule needs a note"},
		{"unsourced untested dose", "      sources: [peikert-1996, pfaffenrath-1996]\n    notes:", "      sources: []\n    notes:", "migraine untested_dose has no source"},
		{"unknown grade", "grade: practice-based", "grade: anecdote", `grade "anecdote" is not one of`},
		{"mgcalc rule without a note", "    note: \"no source gives a step size", "    note: \"\"\n    # \"no source gives a step size", "titration step: mgcalc's own rule needs a note"},
		{"unsourced finding", "      sources: [cochrane-2020]\n    first: true", "      sources: []\n    first: true", "cramps finding has no source"},
		{"alias of two goals", "aliases: [ontspanning,", "aliases: [slapen, ontspanning,", `name "slapen" is also a name of sleep`},
		{"medicine in two spacing classes", "members: [doxycycline,", "members: [ciprofloxacin, doxycycline,", `medicine "ciprofloxacin" is in both tetracyclines and fluoroquinolones`},
		{"medicine in two depleting classes", "members: [furosemide,", "members: [omeprazole, furosemide,", `medicine "omeprazole" is in both loop-diuretics and ppi`},
		{"not a form key", "form: pidolate", "form: pidolaat", `"pidolaat" is not a form key`},
		{"falling evaluation days", "      - day: 56\n        what: \"full judgement after 8 weeks", "      - day: 20\n        what: \"full judgement after 8 weeks", "rising"},
		{"a form's evaluation point replacing none", "      - day: 56\n        forms: [oxide]", "      - day: 57\n        forms: [oxide]", "replaces none"},
		{"a note of an unknown form", "        forms: [taurate]", "        forms: [taurat]", `"taurat" is not a form key`},
		{"a start range below the start", "  start_max:\n    value: 200", "  start_max:\n    value: 120", "start_max is below the normal start"},
		{"a target range below the target", "    value: 250\n    max: 350", "    value: 250\n    max: 200", "target max 200 is below the target"},
		{"a magnesium product that is also a spaced medicine", "members: [rennie,", "members: [doxycycline, rennie,", `medicine "doxycycline" is in both tetracyclines and rennie`},
		{"a magnesium product of an unknown form", "    form: carbonate\n    fact:", "    form: carbonaat\n    fact:", `"carbonaat" is not a form key`},
		{"sensitive gut starts higher", "  start_sensitive:\n    value: 100", "  start_sensitive:\n    value: 200", "sensitive gut must start no higher"},
		{"spacing of no hours", "      - before_hours: 1\n        after_hours: 1", "      - before_hours: 0\n        after_hours: 0", "not both 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(orig, c.old) {
				t.Fatalf("plan.yaml no longer contains %q; update the test", c.old)
			}
			_, err := plan.Load([]byte(strings.Replace(orig, c.old, c.new, 1)), ft, reg)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want it to mention %q", err, c.want)
			}
		})
	}
	if _, err := plan.Load([]byte("goals: []\n"), ft, reg); err == nil || !strings.Contains(err.Error(), "no goals") {
		t.Errorf("an empty plan: %v", err)
	}
	if _, err := plan.Load(data.Plan, ft, reg); err != nil {
		t.Errorf("the unbroken plan.yaml: %v", err)
	}
}

// No number in plan.yaml without a source: every part of the knowledge
// that carries sources (a fact, a finding, a spacing, a rule, an
// evaluation day, a caution, a form's evidence) has at least one when it
// holds a number, in its text or in a field; so does every struct whose
// strings hold digits, whatever it is called. New classes (advice, form
// cautions, untested doses) are covered by the walk, not by a list.
func TestEveryNumberHasASource(t *testing.T) {
	k := embeddedKnowledge(t)
	n := 0
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem(), path)
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i))
			}
		case reflect.Struct:
			if v.Type().PkgPath() != "github.com/mgcalc/mgcalc/pkg/plan" {
				return // a resolved form: the form table checks its own sources
			}
			hasNumber := false
			var sources reflect.Value
			for i := 0; i < v.NumField(); i++ {
				f, ft := v.Field(i), v.Type().Field(i)
				if !ft.IsExported() {
					continue
				}
				switch {
				case ft.Name == "Sources":
					sources = f
				case ft.Name == "Rank" || ft.Name == "Key":
					// an order and a name, not evidence
				case f.Kind() == reflect.String && strings.ContainsAny(f.String(), "0123456789"):
					hasNumber = true
				case f.Kind() == reflect.Float64 && f.Float() != 0, f.Kind() == reflect.Int && f.Int() != 0:
					hasNumber = true
				case f.Kind() == reflect.Pointer && !f.IsNil() && f.Elem().Kind() == reflect.Float64:
					hasNumber = true
				}
				walk(f, path+"."+ft.Name)
			}
			if !hasNumber {
				return
			}
			n++
			if !sources.IsValid() {
				// a struct without sources of its own (a goal, an interaction)
				// keeps its numbers in its names only when they are no evidence
				t.Errorf("%s holds a number but has no sources field", path)
			} else if sources.Len() == 0 {
				t.Errorf("%s holds a number without a source", path)
			}
		}
	}
	walk(reflect.ValueOf(k).Elem(), "plan")
	if n < 90 {
		t.Errorf("only %d numbered parts were checked: the walk misses some", n)
	}
}

// visibleName keeps the ASCII letters and digits of a name, lowered, and
// marks every other character that is not a separator, so that a name
// with a letter mgcalc does not read never spells a known one.
func visibleName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKC.String(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case strings.ContainsRune(" \t\u00a0-_'\u2018\u2019.\u00b7\u2022", r):
		default:
			b.WriteRune('#')
		}
	}
	return b.String()
}

// FuzzNames: a goal or condition typed matches only the one whose name it
// visibly spells (the letters and digits typed, nothing dropped), and a
// medicine only the classes one of whose names it spells; a name with a
// Cyrillic letter or a zero-width space matches nothing (it once planned
// for sleep from "sleepд").
func FuzzNames(f *testing.F) {
	k, err := kb.Plan()
	if err != nil {
		f.Fatal(err)
	}
	lt, err := kb.Limits()
	if err != nil {
		f.Fatal(err)
	}
	a, err := lt.ResolveAuthority("nih")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"sleep", "Slapen", "sleep\u0434", "sl\u200beep", "ＳＬＥＥＰ", "heart-block", "Levothyroxine",
		"levothyroxine\u0434", "L-thyroxine", "omeprazol", "hair", ""} {
		f.Add(s)
	}
	spells := func(typed string, names ...string) bool {
		v := visibleName(typed)
		for _, n := range names {
			if v != "" && v == visibleName(n) {
				return true
			}
		}
		return false
	}
	f.Fuzz(func(t *testing.T, s string) {
		if g := k.Goal(s); g != nil && !spells(s, append([]string{g.Key, g.Name}, g.Aliases...)...) {
			t.Fatalf("Goal(%q) = %s, which it does not spell", s, g.Key)
		}
		if c := k.Condition(s); c != nil && !spells(s, append([]string{c.Key, c.Name}, c.Aliases...)...) {
			t.Fatalf("Condition(%q) = %s, which it does not spell", s, c.Key)
		}
		p, err := plan.Make(k, plan.Request{Goal: k.Goals[0], Gut: plan.GutNormal, Limit: a.For(limits.Person{}), Meds: []string{s}})
		if err != nil {
			t.Fatal(err)
		}
		for _, sp := range p.Spacing {
			if in := sp.Interaction; !spells(s, append([]string{in.Key, in.Name}, in.Members...)...) {
				t.Fatalf("%q is spaced as %s, which it does not spell", s, in.Key)
			}
		}
		for _, d := range p.Depleting {
			if !spells(s, append([]string{d.Key, d.Name}, d.Members...)...) {
				t.Fatalf("%q is taken for %s, which it does not spell", s, d.Key)
			}
		}
		if strings.TrimSpace(s) != "" && len(p.Spacing)+len(p.Depleting)+len(p.UnknownMeds) == 0 {
			t.Fatalf("medicine %q was neither matched nor reported unknown", s)
		}
		if strings.ContainsRune(s, '\u0434') && (k.Goal(s) != nil || k.Condition(s) != nil) {
			t.Fatalf("%q matched with a Cyrillic letter in it", s)
		}
	})
}
