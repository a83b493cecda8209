package cli

import (
	"encoding/json"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionLine(t *testing.T) {
	plat := runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
	cases := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "dev (" + plat + ")"},
		{"devel, no VCS", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev (" + plat + ")"},
		{"stamped", &debug.BuildInfo{Main: debug.Module{Version: "v0.3.0"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "abc1234def5678abc1234def5678abc1234def56"},
			{Key: "vcs.time", Value: "2026-11-21T10:11:12Z"},
			{Key: "vcs.modified", Value: "false"},
		}}, "v0.3.0 (abc1234, 2026-11-21, " + plat + ")"},
		{"modified", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261121101112-abc1234def56+dirty"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "abc1234def5678abc1234def5678abc1234def56"},
			{Key: "vcs.time", Value: "2026-11-21T10:11:12Z"},
			{Key: "vcs.modified", Value: "true"},
			{Key: "GOOS", Value: "plan9"}, {Key: "GOARCH", Value: "arm"},
		}}, "v0.0.0-20261121101112-abc1234def56+dirty (abc1234-dirty, 2026-11-21, " + runtime.Version() + " plan9/arm)"},
	}
	for _, c := range cases {
		if got := versionFrom(c.bi, c.bi != nil).Line(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestVersionOutputs(t *testing.T) {
	out, errs, code := runWith(t, nil, "--version")
	// a test binary is built without VCS stamps: its version is "dev"
	// (TestVersionLine reads stamped build information)
	want := "mgcalc version dev (" + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + ")\n"
	if code != 0 || out != want || errs != "" || !strings.Contains(out, runtime.Version()) {
		t.Errorf("--version: exit %d, %q, want %q", code, out, want)
	}
	if out2, _, _ := runWith(t, nil, "version"); out2 != out {
		t.Errorf("version %q differs from --version %q", out2, out)
	}
	out, _, code = runWith(t, nil, "version", "-o", "json")
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil {
		t.Fatalf("version -o json: exit %d, %v\n%s", code, err, out)
	}
	for _, k := range []string{"version", "revision", "time", "modified", "go", "os", "arch"} {
		if _, ok := v[k]; !ok {
			t.Errorf("version -o json lacks %s", k)
		}
	}
	if v["go"] != runtime.Version() || v["os"] != runtime.GOOS {
		t.Errorf("version -o json: %v", v)
	}
	// --version works whatever the config file holds
	out, _, code = runWith(t, map[string]string{"MGCALC_CONFIG": "/nonexistent/config.yaml"}, "--version")
	if code != 0 || !strings.HasPrefix(out, "mgcalc version ") {
		t.Errorf("--version with a missing config: exit %d, %q", code, out)
	}
}
