package main

import (
	"os/exec"
	"strings"
	"testing"
)

// The domain and core packages compute and decide; they never talk to the
// world or the terminal. This test fails if one of them depends on cobra,
// viper, pflag, lipgloss, termenv, render or cli (directly or through a
// dependency), or imports os itself (fmt imports os, so only direct
// imports are checked for it).
func TestLayers(t *testing.T) {
	pure := []string{"text", "records", "chem", "source", "msg", "units", "forms", "limits", "stack", "dose", "plan", "ics", "batch", "label", "journal", "datatext"}
	forbiddenDeps := []string{
		"github.com/spf13/cobra", "github.com/spf13/viper", "github.com/spf13/pflag",
		"github.com/charmbracelet/lipgloss", "github.com/muesli/termenv",
		"github.com/mgcalc/mgcalc/pkg/render", "github.com/mgcalc/mgcalc/pkg/cli",
		"github.com/mgcalc/mgcalc/pkg/kb",
	}
	forbiddenImports := []string{"os", "os/exec", "syscall", "net", "net/http"}
	list := func(args ...string) map[string]bool {
		out, err := exec.Command("go", append([]string{"list"}, args...)...).Output()
		if err != nil {
			t.Fatalf("go list %v: %v", args, err)
		}
		set := map[string]bool{}
		for _, d := range strings.Fields(string(out)) {
			set[d] = true
		}
		return set
	}
	// text is the floor: it imports nothing of mgcalc's, and of the rest
	// of the world only the Unicode normalisation it folds with
	textDeps := list("-deps", "github.com/mgcalc/mgcalc/pkg/text")
	for d := range textDeps {
		if strings.Contains(d, ".") && d != "github.com/mgcalc/mgcalc/pkg/text" && !strings.HasPrefix(d, "golang.org/x/text/") {
			t.Errorf("pkg/text depends on %s", d)
		}
	}
	for _, p := range pure {
		pkg := "github.com/mgcalc/mgcalc/pkg/" + p
		deps := list("-deps", pkg)
		if !deps[pkg] {
			t.Fatalf("go list -deps %s does not list the package itself", pkg)
		}
		for _, f := range forbiddenDeps {
			if deps[f] {
				t.Errorf("%s depends on %s", pkg, f)
			}
		}
		imports := list("-f", `{{join .Imports " "}}`, pkg)
		for _, f := range forbiddenImports {
			if imports[f] {
				t.Errorf("%s imports %s", pkg, f)
			}
		}
	}
}
