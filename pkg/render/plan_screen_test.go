package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
)

// The default plan for --goal sleep --gut sensitive is what a person acts
// on, on one 24-line screen at 80 columns, in English (US IOM/NIH, the
// default) and in Dutch (EU SCF/EFSA, the default with Dutch output): the
// heading, the form, the target and the whole schedule, the evaluation,
// the safety warning, the advice and the line that says how to see the
// rest, with no source keys and no internal names (issue 17, C1).
func TestDefaultPlanFitsOneScreen(t *testing.T) {
	k, lt, _ := builtTables(t)
	nl := dutchPrinter(t)
	for _, c := range []struct {
		p            msg.Printer
		auth         string
		want         []string
		explainWants string
	}{
		{msg.EN, "nih", []string{"plan for sleep · sensitive gut", "form: magnesium bisglycinate", "target: 250 mg magnesium a day",
			"│ 43-98 │", "evaluate: day 70 and day 98", "warning: see your doctor first", "advice: loose stools",
			"more: --capsule MG gives tablets; --explain adds evidence, rules, sources"}, "sources:"},
		{nl, "efsa", []string{"plan voor slaap · gevoelige darmen", "vorm: magnesiumbisglycinaat", "streefdosis: 250 mg magnesium per dag",
			"│ 43-98 │", "evalueer: dag 70 en dag 98", "waarschuwing: ga eerst naar uw arts", "advies: dunne ontlasting",
			"meer: --capsule MG geeft tabletten"}, "bronnen:"},
	} {
		p, err := plan.Make(k, plan.Request{Goal: k.Goal("sleep"), Gut: plan.GutSensitive, Limit: lt.Authority(c.auth).For(limits.Person{})})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		term := NewTerm(&out, c.p, true, true)
		term.Width = 80
		if err := Write(&out, Text, NewPlan(p, nil), term); err != nil {
			t.Fatal(err)
		}
		text := strings.TrimSuffix(out.String(), "\n")
		lines := strings.Split(text, "\n")
		if len(lines) > 24 {
			t.Errorf("%s: %d lines at 80 columns, more than a 24-line screen:\n%s", c.p.Lang(), len(lines), ansi.Strip(text))
		}
		plain := ansi.Strip(text)
		for _, l := range strings.Split(plain, "\n") {
			if ansi.StringWidth(l) > 80 {
				t.Errorf("%s: a line wider than 80 columns: %q", c.p.Lang(), l)
			}
		}
		for _, w := range c.want {
			if !strings.Contains(plain, w) {
				t.Errorf("%s: the default text lacks %q:\n%s", c.p.Lang(), w, plain)
			}
		}
		for _, bad := range []string{"seed", "[", "mah-pitre", "sources:", "bronnen:", "rules:", "regels:"} {
			if strings.Contains(plain, bad) {
				t.Errorf("%s: the default text has %q:\n%s", c.p.Lang(), bad, plain)
			}
		}
		// --explain shows what was left out
		var full bytes.Buffer
		if err := Write(&full, Text, NewPlan(p, nil).WithExplain(true), NewTerm(&full, c.p, false, false)); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(full.String(), c.explainWants) || len(strings.Split(full.String(), "\n")) < 2*len(lines) {
			t.Errorf("%s: --explain does not add the rules and sources:\n%s", c.p.Lang(), full.String())
		}
	}
}

// plan --goal sleep --explain at 80 columns never breaks a source's date
// between its day and its month, in English or Dutch (users' review 5:
// "2⏎januari 2026").
func TestExplainKeepsDatesWhole(t *testing.T) {
	k, lt, ft := builtTables(t)
	nl := dutchPrinter(t)
	split := regexp.MustCompile(`\b[0-9]{1,2}\n *(January|February|March|April|May|June|July|August|September|October|November|December|` +
		`januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b`)
	whole := regexp.MustCompile(`\b[0-9]{1,2}\s+(January|januari) 2026\)`)
	for _, p := range []msg.Printer{msg.EN, nl} {
		pl, err := plan.Make(k, plan.Request{Goal: k.Goal("sleep"), Limit: lt.Authority("efsa").For(limits.Person{})})
		if err != nil {
			t.Fatal(err)
		}
		dated := false
		for w := 60; w <= 100; w++ {
			var out bytes.Buffer
			term := NewTerm(&out, p, true, false)
			term.Width = w
			if err := Write(&out, Text, NewPlanExport(pl, nil, ft.Sources).WithExplain(true), term); err != nil {
				t.Fatal(err)
			}
			text := ansi.Strip(out.String())
			dated = dated || whole.MatchString(text)
			if m := split.FindString(text); m != "" {
				t.Errorf("%s at %d columns: a day split from its month: %q", p.Lang(), w, m)
			}
		}
		if !dated {
			t.Errorf("%s: no dated source in --explain: the test no longer tests anything", p.Lang())
		}
	}
}
