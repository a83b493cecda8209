package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// The checked-in docs/ are what the generator writes for the current
// command tree. When this fails, run `go run ./cmd/gen-docs` from the
// module root and commit docs/.
func TestDocsUpToDate(t *testing.T) {
	tmp := t.TempDir()
	if err := generate(tmp, defaultDate); err != nil {
		t.Fatal(err)
	}
	var stale []string
	for _, sub := range []string{"man", "cli"} {
		want, got := listDir(t, filepath.Join(tmp, sub)), listDir(t, filepath.Join("..", "..", "docs", sub))
		for _, name := range got {
			if !slices.Contains(want, name) {
				stale = append(stale, "docs/"+sub+"/"+name+" (no such command)")
			}
		}
		for _, name := range want {
			a, _ := os.ReadFile(filepath.Join(tmp, sub, name))
			b, err := os.ReadFile(filepath.Join("..", "..", "docs", sub, name))
			if err != nil {
				stale = append(stale, "docs/"+sub+"/"+name+" (missing)")
			} else if !bytes.Equal(a, b) {
				stale = append(stale, "docs/"+sub+"/"+name)
			}
		}
	}
	if len(stale) > 0 {
		t.Errorf("the generated docs are stale: regenerate them with `go run ./cmd/gen-docs` (from the module root) and commit docs/\n  %s",
			strings.Join(stale, "\n  "))
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%v (run `go run ./cmd/gen-docs` from the module root)", err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// Two runs give the same bytes, and a run replaces pages a previous one
// wrote (a removed command loses its page).
func TestGenerateIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	stale := filepath.Join(b, "man", "mgcalc-removed.1")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := generate(a, defaultDate); err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond)
	if err := generate(b, defaultDate); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("a stale page survived")
	}
	for _, sub := range []string{"man", "cli"} {
		for _, name := range listDir(t, filepath.Join(a, sub)) {
			x, _ := os.ReadFile(filepath.Join(a, sub, name))
			y, _ := os.ReadFile(filepath.Join(b, sub, name))
			if !bytes.Equal(x, y) {
				t.Errorf("%s/%s differs between runs", sub, name)
			}
			if bytes.Contains(x, []byte("Auto generated")) {
				t.Errorf("%s/%s carries cobra's auto-gen tag (with a date)", sub, name)
			}
		}
	}
	man, _ := os.ReadFile(filepath.Join(a, "man", "mgcalc.1"))
	if !bytes.Contains(man, []byte(`.TH "MGCALC" "1" "Nov 2026" "mgcalc" "mgcalc manual"`)) {
		t.Errorf("mgcalc.1 header:\n%s", man[:min(len(man), 200)])
	}
}

func TestHeaderDate(t *testing.T) {
	if d, err := headerDate(""); err != nil || !d.Equal(defaultDate) {
		t.Errorf("no SOURCE_DATE_EPOCH: %v %v", d, err)
	}
	if d, err := headerDate("1700000000"); err != nil || d.Format(time.DateOnly) != "2023-11-14" {
		t.Errorf("SOURCE_DATE_EPOCH=1700000000: %v %v", d, err)
	}
	if _, err := headerDate("yesterday"); err == nil {
		t.Error("SOURCE_DATE_EPOCH=yesterday accepted")
	}
}

// Every page has the sections a man page needs and, where groff is
// installed, renders without a warning (as `man ./docs/man/mgcalc.1` does).
func TestManPagesRender(t *testing.T) {
	dir := filepath.Join("..", "..", "docs", "man")
	groff, _ := exec.LookPath("groff")
	for _, name := range listDir(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, sec := range []string{".TH ", ".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH EXAMPLE"} {
			if !bytes.Contains(b, []byte(sec)) {
				t.Errorf("%s has no %s", name, sec)
			}
		}
		if !bytes.Contains(b, []byte("Exit status")) {
			t.Logf("%s has no exit status section", name)
		}
		if groff == "" {
			continue
		}
		cmd := exec.Command(groff, "-k", "-man", "-Tutf8", "-ww", "-z", filepath.Join(dir, name))
		out, err := cmd.CombinedOutput()
		if err != nil || len(out) > 0 {
			t.Errorf("groff %s: %v\n%s", name, err, out)
		}
	}
	if groff == "" {
		t.Log("groff not installed: pages not rendered")
	}
}

// The man page renderer stays out of the mgcalc binary.
func TestGeneratorNotInBinary(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "../mgcalc").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(dep, "md2man") || strings.Contains(dep, "blackfriday") || dep == "github.com/spf13/cobra/doc" {
			t.Errorf("mgcalc depends on %s", dep)
		}
	}
}

// A flag without a default shows no value that is not its meaning (users'
// review 4: --age=0 beside "(default adult)"): the man pages name its
// value (--age=number, as --help does) and no option ends in a bare "=";
// a flag's real default is still shown.
func TestManFlagsShowNoFalseDefault(t *testing.T) {
	tmp := t.TempDir()
	if err := generate(tmp, defaultDate); err != nil {
		t.Fatal(err)
	}
	option := regexp.MustCompile(`(?m)^\\fB(?:-\w\\fP, \\fB)?--([a-z-]+)\\fP(?:\[=(.*)\]|=(.*))$`)
	seen := map[string]string{}
	for _, name := range listDir(t, filepath.Join(tmp, "man")) {
		b, err := os.ReadFile(filepath.Join(tmp, "man", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range option.FindAllStringSubmatch(string(b), -1) {
			flag, value := m[1], m[2]+m[3]
			seen[name+" --"+flag] = value
			if value == "" {
				t.Errorf("%s: --%s has a bare \"=\"", name, flag)
			}
		}
	}
	for page, want := range map[string]string{
		"mgcalc-plan.1 --age": `\fInumber\fP`, "mgcalc-plan.1 --target": `\fInumber\fP`, "mgcalc-plan.1 --capsule": `\fInumber\fP`,
		"mgcalc-plan.1 --capsule-elemental": `\fInumber\fP`, "mgcalc-plan.1 --egfr": `\fInumber\fP`,
		"mgcalc-elemental.1 --assay": `\fIpercent\fP`, "mgcalc-total.1 --age": `\fInumber\fP`,
		"mgcalc-plan.1 --authority": `"nih"`, "mgcalc-elemental.1 --count": "1", "mgcalc-plan.1 --force": "false",
	} {
		if got, ok := seen[page]; !ok || got != want {
			t.Errorf("%s=%s, want =%s", page, got, want)
		}
	}
}
