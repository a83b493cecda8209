package cli

import (
	"strings"
	"testing"
)

// The colour decision: --color always and never override the
// environment; auto follows the terminal, NO_COLOR, CLICOLOR, TERM and
// CLICOLOR_FORCE; machine formats are never coloured.
func TestDecideColor(t *testing.T) {
	cases := []struct {
		mode string
		tty  bool
		env  map[string]string
		text bool
		want bool
	}{
		{"auto", true, nil, true, true},
		{"auto", false, nil, true, false},
		{"auto", true, map[string]string{"NO_COLOR": "1"}, true, false},
		{"auto", true, map[string]string{"NO_COLOR": ""}, true, true},
		{"auto", true, map[string]string{"CLICOLOR": "0"}, true, false},
		{"auto", true, map[string]string{"CLICOLOR": "1"}, true, true},
		{"auto", true, map[string]string{"TERM": "dumb"}, true, false},
		{"auto", false, map[string]string{"CLICOLOR_FORCE": "1"}, true, true},
		{"auto", false, map[string]string{"CLICOLOR_FORCE": "0"}, true, false},
		{"auto", true, map[string]string{"CLICOLOR_FORCE": "1", "CLICOLOR": "0"}, true, true},
		{"auto", false, map[string]string{"CLICOLOR_FORCE": "1", "TERM": "dumb"}, true, true},
		{"auto", false, map[string]string{"CLICOLOR_FORCE": "1", "NO_COLOR": "1"}, true, false},
		{"always", false, map[string]string{"NO_COLOR": "1", "CLICOLOR": "0", "TERM": "dumb"}, true, true},
		{"never", true, map[string]string{"CLICOLOR_FORCE": "1"}, true, false},
		{"always", true, nil, false, false},
		{"auto", true, map[string]string{"CLICOLOR_FORCE": "1"}, false, false},
	}
	for _, c := range cases {
		s := &IO{StdoutTTY: c.tty, Getenv: func(k string) string { return c.env[k] }}
		s.decideColor(c.mode, c.text)
		if s.Color != c.want {
			t.Errorf("--color %s, tty %v, env %v, text %v: colour %v, want %v", c.mode, c.tty, c.env, c.text, s.Color, c.want)
		}
	}
}

// --color, MGCALC_COLOR and color: in the config file reach the output.
func TestColorSources(t *testing.T) {
	esc := func(env map[string]string, args ...string) bool {
		t.Helper()
		out, errs, code := runWith(t, env, args...)
		if code != 0 {
			t.Fatalf("%q: exit %d, %q", args, code, errs)
		}
		return strings.Contains(out, "\x1b[")
	}
	if !esc(nil, "limits", "--color", "always") || esc(nil, "limits") {
		t.Error("--color always")
	}
	if !esc(map[string]string{"MGCALC_COLOR": "always"}, "forms", "show", "citrate") {
		t.Error("MGCALC_COLOR=always")
	}
	if esc(map[string]string{"MGCALC_COLOR": "always"}, "limits", "--color", "auto") {
		t.Error("--color auto does not win over MGCALC_COLOR")
	}
	dir := t.TempDir()
	writeFile(t, dir+"/mgcalc/config.yaml", "color: always\n")
	if !esc(map[string]string{"XDG_CONFIG_HOME": dir}, "plan", "--goal", "sleep") {
		t.Error("color: always in the config file")
	}
	for _, f := range formatNames() {
		if f == "text" || f == "value" {
			continue
		}
		args := []string{"elemental", "citrate", "500"}
		if f == "md" || f == "fhir" || f == "ics" {
			args = []string{"plan", "--goal", "sleep", "--start", "2026-01-01"} // only a plan exports these
		}
		if esc(map[string]string{"CLICOLOR_FORCE": "1"}, append(args, "--color", "always", "-o", f)...) {
			t.Errorf("-o %s is coloured", f)
		}
	}
	_, errs, code := runWith(t, map[string]string{"MGCALC_COLOR": "blue"}, "limits")
	if code != ExitUsage || errs != "mgcalc: error: MGCALC_COLOR: invalid value \"blue\" for --color: must be auto, always or never\n" {
		t.Errorf("MGCALC_COLOR=blue: exit %d, %q", code, errs)
	}
}
