package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkDoor asserts the contract of every door: a documented exit code;
// on error nothing on stdout and one error line (plus hint lines) on
// stderr; never a Go panic or parser internals.
func checkDoor(t *testing.T, args []string, out, errs string, code int, codes ...int) {
	t.Helper()
	ok := false
	for _, c := range codes {
		ok = ok || c == code
	}
	if !ok {
		t.Fatalf("%q: exit %d (stderr %q)", args, code, errs)
	}
	if strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine ") || strings.Contains(errs, "strconv.") {
		t.Fatalf("%q: internals on stderr: %q", args, errs)
	}
	if code != ExitOK && code != ExitOverLimit {
		if out != "" {
			t.Fatalf("%q: exit %d with stdout %q", args, code, out)
		}
		if n := strings.Count(errs, "mgcalc: error: "); n != 1 {
			t.Fatalf("%q: %d error lines: %q", args, n, errs)
		}
	}
}

// FuzzConfigFile: any config file gives a run or one located error, and
// never unlocks a plan above the limit.
func FuzzConfigFile(f *testing.F) {
	for _, s := range []string{"output: json\n", "age: 010\n", "supervised: true\ntarget: 900\n", "authority: [efsa\n", "pregnant: yes\n",
		"---\na: 1\n---\nb: 2\n", "sex: male\npregnant: true\n", "\x00\xff", "age: 1e1\n", "output: " + strings.Repeat("x", 3000)} {
		f.Add(s)
	}
	dir := f.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	f.Fuzz(func(t *testing.T, s string) {
		if err := os.WriteFile(cfg, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{"plan", "--goal", "migraine", "-o", "json", "--config", cfg}
		out, errs, code := runWith(t, nil, args...)
		checkDoor(t, args, out, errs, code, ExitOK, ExitError, ExitUsage, ExitRefused)
		if code == ExitOK {
			var p struct {
				Supervised bool `json:"supervised"`
				Steps      []struct {
					Over bool `json:"over"`
				} `json:"steps"`
			}
			if err := json.Unmarshal([]byte(out), &p); err != nil {
				t.Fatalf("config %q: stdout is not JSON: %v", s, err)
			}
			for _, st := range p.Steps {
				if st.Over || p.Supervised {
					t.Fatalf("config %q unlocked a step above the limit", s)
				}
			}
		}
	})
}

// FuzzPlanOptions: any goal, gut, target, units and medicines give a plan
// that never passes the limit unsupervised, a refusal (4) or a usage
// error, with the door contract.
func FuzzPlanOptions(f *testing.F) {
	f.Add("sleep", "sensitive", "250", "500", "levothyroxine,xyz", false)
	f.Add("migraine", "normal", "600", "", "", true)
	f.Add("cognition", "gevoelig", "1,5", "0x10", "", false)
	f.Add("krampen", "", "100.0001", "1", "omeprazol", false)
	f.Add("hair", "x", "-5", "9999999", "\u202e", true)
	f.Fuzz(func(t *testing.T, goal, gut, target, capsule, meds string, supervised bool) {
		args := []string{"plan", "--goal", goal, "-o", "json"}
		if gut != "" {
			args = append(args, "--gut", gut)
		}
		if target != "" {
			args = append(args, "--target", target)
		}
		if capsule != "" {
			args = append(args, "--capsule", capsule)
		}
		if meds != "" {
			args = append(args, "--meds", meds)
		}
		if supervised {
			args = append(args, "--supervised")
		}
		out, errs, code := runWith(t, nil, args...)
		checkDoor(t, args, out, errs, code, ExitOK, ExitUsage, ExitRefused)
		if code != ExitOK {
			return
		}
		var p struct {
			Supervised bool    `json:"supervised"`
			ULMg       float64 `json:"ul_mg"`
			Steps      []struct {
				Daily float64 `json:"daily_elemental_mg"`
				Over  bool    `json:"over"`
			} `json:"steps"`
		}
		if err := json.Unmarshal([]byte(out), &p); err != nil {
			t.Fatalf("%q: stdout is not JSON: %v", args, err)
		}
		prev := 0.0
		for _, st := range p.Steps {
			if !p.Supervised && (st.Over || st.Daily > p.ULMg+0.01) {
				t.Fatalf("%q: a step of %v mg above the %v mg limit", args, st.Daily, p.ULMg)
			}
			if st.Daily < prev {
				t.Fatalf("%q: steps decrease", args)
			}
			prev = st.Daily
		}
	})
}
