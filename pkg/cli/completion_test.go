package cli

import (
	"slices"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/kb"
)

// complete runs `mgcalc __complete ARGS...` as a shell's completion
// script does, and returns the choices and the directive line.
func complete(t *testing.T, args ...string) (choices []string, directive string) {
	t.Helper()
	out, errs, code := runWith(t, nil, append([]string{"__complete"}, args...)...)
	if code != 0 {
		t.Fatalf("__complete %q: exit %d, stderr %q", args, code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for _, l := range lines[:len(lines)-1] {
		choice, _, _ := strings.Cut(l, "\t") // a description follows a tab
		choices = append(choices, choice)
	}
	return choices, lines[len(lines)-1]
}

func wantChoices(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s: %q missing from %q", what, w, got)
		}
	}
}

func TestCompleteForms(t *testing.T) {
	got, dir := complete(t, "elemental", "cit")
	wantChoices(t, "elemental cit", got, "citrate", "citrate:anhydrous", "citrate:nonahydrate", "citrate:monomagnesium")
	for _, c := range got {
		if !strings.HasPrefix(c, "cit") {
			t.Errorf("elemental cit offers %q", c)
		}
	}
	if dir != ":4" { // ShellCompDirectiveNoFileComp
		t.Errorf("elemental cit: directive %s, want :4 (no files)", dir)
	}
	got, _ = complete(t, "compound", "")
	wantChoices(t, "compound", got, "oxide", "bisglycinate", "chloride:hexahydrate")
	got, _ = complete(t, "forms", "show", "ci")
	wantChoices(t, "forms show ci", got, "citrate", "citrate:nonahydrate")
	got, _ = complete(t, "total", "cit")
	wantChoices(t, "total cit", got, "citrate:", "citrate:nonahydrate:")
	// the amount is not completed
	if got, _ := complete(t, "elemental", "citrate", ""); len(got) != 0 {
		t.Errorf("elemental citrate offers %q for the amount", got)
	}
}

func TestCompleteFlagValues(t *testing.T) {
	got, _ := complete(t, "elemental", "citrate", "500", "--authority", "")
	if !slices.Equal(got, []string{"nih", "efsa", "evm", "bfr"}) {
		t.Errorf("--authority: %q", got)
	}
	k, err := kb.Plan()
	if err != nil {
		t.Fatal(err)
	}
	var goals []string
	for _, g := range k.Goals {
		goals = append(goals, g.Key)
	}
	got, _ = complete(t, "plan", "--goal", "")
	if !slices.Equal(got, goals) || !slices.Contains(got, "sleep") {
		t.Errorf("plan --goal: %q, want %q", got, goals)
	}
	got, _ = complete(t, "limits", "--sex", "")
	if !slices.Equal(got, []string{"male", "female"}) {
		t.Errorf("--sex: %q", got)
	}
	got, _ = complete(t, "plan", "--gut", "")
	wantChoices(t, "--gut", got, "normal", "sensitive")
	got, _ = complete(t, "plan", "--kidney", "")
	wantChoices(t, "--kidney", got, "normal", "impaired")
	// md and fhir are a plan's exports: offered for plan only
	got, _ = complete(t, "elemental", "-o", "")
	if want := []string{"text", "json", "yaml", "tsv", "csv", "jsonl", "value"}; !slices.Equal(got, want) {
		t.Errorf("elemental -o: %q, want %q", got, want)
	}
	if got, _ := complete(t, "plan", "-o", ""); !slices.Equal(got, formatNames()) {
		t.Errorf("plan -o: %q, want %q", got, formatNames())
	}
	wantChoices(t, "-o", got, "text", "json", "yaml", "tsv", "value")
	got, _ = complete(t, "forms", "--color", "")
	if !slices.Equal(got, []string{"auto", "always", "never"}) {
		t.Errorf("--color: %q", got)
	}
}

// Flags that name a file complete file names with the right extensions
// (directive 8: filter by extension).
func TestCompleteFileFlags(t *testing.T) {
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"total", "--stack", ""}, []string{"yaml", "yml"}},
		{[]string{"limits", "--config", ""}, []string{"yaml", "yml"}},
		{[]string{"plan", "--ics", ""}, []string{"ics"}},
	}
	for _, c := range cases {
		got, dir := complete(t, c.args...)
		if !slices.Equal(got, c.want) || dir != ":8" {
			t.Errorf("%q: %q %s, want %q :8", c.args, got, dir, c.want)
		}
	}
	// --csv, where a command has it
	root := Command()
	for _, name := range []string{"elemental", "compound", "total"} {
		cmd, _, err := root.Find([]string{name})
		if err != nil || cmd.Flags().Lookup("csv") == nil {
			t.Logf("%s has no --csv", name)
			continue
		}
		got, dir := complete(t, name, "--csv", "")
		if !slices.Equal(got, []string{"csv"}) || dir != ":8" {
			t.Errorf("%s --csv: %q %s", name, got, dir)
		}
	}
}

// The completion command is listed in --help and writes a script for
// every shell; an unknown shell is a usage error.
func TestCompletionCommand(t *testing.T) {
	out, _, _ := runWith(t, nil, "--help")
	if !strings.Contains(out, "\n  completion ") {
		t.Errorf("completion is not listed in --help:\n%s", out)
	}
	marks := map[string]string{
		"bash":       "__start_mgcalc",
		"zsh":        "#compdef mgcalc",
		"fish":       "complete -c mgcalc",
		"powershell": "Register-ArgumentCompleter",
	}
	for _, sh := range shells {
		out, errs, code := runWith(t, nil, "completion", sh)
		if code != 0 || errs != "" || !strings.Contains(out, marks[sh]) {
			t.Errorf("completion %s: exit %d, stderr %q, script without %q", sh, code, errs, marks[sh])
		}
	}
	out, errs, code := runWith(t, nil, "completion", "tcsh")
	if code != ExitUsage || out != "" || !strings.HasPrefix(errs, `mgcalc: error: unknown shell "tcsh"`) {
		t.Errorf("completion tcsh: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	_, _, code = runWith(t, nil, "completion")
	if code != ExitUsage {
		t.Errorf("completion without a shell: exit %d", code)
	}
}
