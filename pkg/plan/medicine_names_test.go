package plan_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// Every name mgcalc prints for a medicine class, in English and in Dutch,
// is read back as that class by --meds and log --med (acceptance audit 3,
// item 5: "levothyroxine (schildklierhormoon)" was printed, and
// "schildklierhormoon" was an unknown medicine). What is checked: the
// printed name before a bracket, each part of it joined by "and"/"en",
// and a bracket of one word. Names that are a phrase, not a name
// of medicines, are listed with the reason.
func TestPrintedMedicineNamesAreRead(t *testing.T) {
	k := embeddedKnowledge(t)
	b, err := os.ReadFile("../../data/i18n/nl.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var nl map[string]string
	if err := yaml.Unmarshal(b, &nl); err != nil {
		t.Fatal(err)
	}
	phrase := map[string]bool{
		"antibiotics":        true, // "an antibiotic (which one?)": asks which
		"antacid-absorption": true, // "medicines whose absorption antacids lower (…)": members named in the bracket
	}
	// nitrofurantoïne: the one fold reads a-z, and refuses an accent or a
	// trema in every name; the Dutch spelling keeps its trema, and
	// nitrofurantoine (typed without it) is read
	spelled := map[string]bool{"nitrofurantoïne": true}
	qualifier := map[string]bool{"hiv": true, "welk?": true} // a bracket that is not a name
	bracket := regexp.MustCompile(`^(.*?)\s*\((.*)\)$`)
	check := func(kind, key, printed string) {
		if phrase[key] {
			return
		}
		head, in := printed, ""
		if m := bracket.FindStringSubmatch(printed); m != nil {
			head, in = m[1], m[2]
		}
		names := []string{head}
		for _, sep := range []string{" and ", " en "} {
			if strings.Contains(head, sep) {
				names = strings.Split(head, sep)
			}
		}
		if in != "" && !strings.ContainsAny(in, " ,") && !qualifier[strings.ToLower(in)] {
			names = append(names, in)
		}
		for _, n := range names {
			if spelled[n] {
				continue
			}
			n = strings.TrimPrefix(strings.TrimPrefix(n, "a "), "een ")
			spacing, depleting, found := k.Medicine(n)
			ok := false
			if found && kind == "interaction" && spacing != nil && spacing.Interaction.Key == key {
				ok = true
			}
			for _, d := range depleting {
				ok = ok || kind == "depleting" && d.Key == key
			}
			if !ok {
				t.Errorf("%s %s: the printed name %q is not read back as it (%q)", kind, key, n, printed)
			}
		}
	}
	for _, in := range k.Interactions {
		check("interaction", in.Key, in.Name)
		check("interaction", in.Key, nl["interaction."+in.Key+".name"])
	}
	for _, d := range k.Depleting {
		check("depleting", d.Key, d.Name)
		check("depleting", d.Key, nl["depleting."+d.Key+".name"])
	}
}

// The Dutch word mgcalc prints for a condition's or a goal's key (a hint
// lists them: "mgcalc kent: hartblok, …") is read back as that condition
// or goal (acceptance audit 3, item 6).
func TestDutchKeyWordsAreRead(t *testing.T) {
	k := embeddedKnowledge(t)
	b, err := os.ReadFile("../../data/i18n/nl.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var nl map[string]string
	if err := yaml.Unmarshal(b, &nl); err != nil {
		t.Fatal(err)
	}
	for _, c := range k.Gates.Conditions {
		w, ok := nl["gate.condition."+c.Key+".key"]
		if !ok {
			t.Errorf("condition %s: no Dutch word", c.Key)
			continue
		}
		if g := k.Condition(w); g == nil || g.Key != c.Key {
			t.Errorf("condition %s: the Dutch word %q is not read back as it", c.Key, w)
		}
	}
	for _, g := range k.Goals {
		w, ok := nl["goal."+g.Key+".key"]
		if !ok {
			t.Errorf("goal %s: no Dutch word", g.Key)
			continue
		}
		if r := k.Goal(w); r == nil || r.Key != g.Key {
			t.Errorf("goal %s: the Dutch word %q is not read back as it", g.Key, w)
		}
	}
}
