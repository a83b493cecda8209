package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

func showJSON(t *testing.T, env map[string]string, args ...string) configShow {
	t.Helper()
	out, errs, code := runWith(t, env, append([]string{"config", "show", "-o", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("config show %q: exit %d, stderr %q", args, code, errs)
	}
	var c configShow
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("config show -o json: %v\n%s", err, out)
	}
	return c
}

func setting(t *testing.T, c configShow, name string) settingShow {
	t.Helper()
	for _, s := range c.Settings {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("config show has no %s", name)
	return settingShow{}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// config show lists every standing setting, with its value and origin:
// a flag, a variable, a line of the file, or the default.
func TestConfigShowOrigins(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "mgcalc", "config.yaml")
	writeFile(t, cfg, "# mine\nauthority: efsa\nsex: female\nage: 30\n")
	env := map[string]string{"XDG_CONFIG_HOME": dir, "MGCALC_AGE": "40", "MGCALC_COLOR": "never"}
	c := showJSON(t, env, "--authority", "evm")
	if c.File == nil || *c.File != cfg || !c.FileFound || *c.FileOrigin != "default" {
		t.Errorf("config file: %+v", c)
	}
	var names []string
	for _, s := range c.Settings {
		names = append(names, s.Name)
	}
	if want := standingSettings(Command()); strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("settings %q, want %q", names, want)
	}
	str := func(p *string) string {
		if p == nil {
			return "<null>"
		}
		return *p
	}
	want := map[string]string{
		"output":    "json flag <null>",
		"authority": "evm flag <null>",
		"age":       "40 env MGCALC_AGE",
		"sex":       "female file " + cfg,
		"pregnant":  "false default <null>",
		"lactating": "false default <null>",
		"color":     "never env MGCALC_COLOR",
	}
	for name, w := range want {
		s := setting(t, c, name)
		if got := str(s.Value) + " " + s.Origin + " " + str(s.Source); got != w {
			t.Errorf("%s: %s, want %s", name, got, w)
		}
	}
	if l := setting(t, c, "sex").Line; l == nil || *l != 3 {
		t.Errorf("sex: line %v, want 3", l)
	}
	// unset age and sex have no value
	c = showJSON(t, nil)
	if s := setting(t, c, "age"); s.Value != nil || s.Origin != "default" {
		t.Errorf("default age: %+v", s)
	}
	if c.File != nil || c.FileFound {
		t.Errorf("without HOME or XDG_CONFIG_HOME there is no config file: %+v", c)
	}
	// MGCALC_CONFIG names the file
	c = showJSON(t, map[string]string{"MGCALC_CONFIG": cfg})
	if *c.FileOrigin != "env" || setting(t, c, "authority").Origin != "file" {
		t.Errorf("MGCALC_CONFIG: %+v", c)
	}
	// text and tsv say the same
	out, _, code := runWith(t, env, "config", "show", "--authority", "evm")
	for _, w := range []string{"config file: " + cfg, "authority  evm", "flag --authority", "environment MGCALC_AGE", "config file, line 3", "default"} {
		if code != 0 || !strings.Contains(out, w) {
			t.Errorf("config show text lacks %q:\n%s", w, out)
		}
	}
	out, _, _ = runWith(t, env, "config", "show", "-o", "tsv")
	if !strings.HasPrefix(out, "setting\tvalue\torigin\tsource\tline\n") || !strings.Contains(out, "sex\tfemale\tfile\t"+cfg+"\t3\n") {
		t.Errorf("config show -o tsv:\n%s", out)
	}
}

// config init writes a starter file that loads, explains every standing
// setting, and whose every example is valid when uncommented.
func TestConfigInitStarter(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"XDG_CONFIG_HOME": filepath.Join(dir, "xdg")}
	cfg := filepath.Join(dir, "xdg", "mgcalc", "config.yaml")
	out, errs, code := runWith(t, env, "config", "init")
	if code != 0 || !strings.HasPrefix(out, "wrote "+cfg+"\n") {
		t.Fatalf("config init: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != starterConfig(msg.EN) {
		t.Errorf("the file is not the starter:\n%s", b)
	}
	c := showJSON(t, env)
	if !c.FileFound {
		t.Errorf("config show did not read %s", cfg)
	}
	for _, s := range c.Settings {
		if s.Origin != "default" && s.Name != "output" { // -o json is a flag
			t.Errorf("the starter sets %s (everything in it is commented out)", s.Name)
		}
	}
	// Uncomment every example: each is a valid setting, read from its line.
	lines := strings.Split(string(b), "\n")
	example := regexp.MustCompile(`^# ([a-z]+): (.*)$`)
	seen := map[string]int{}
	for i, l := range lines {
		if m := example.FindStringSubmatch(l); m != nil {
			lines[i] = m[1] + ": " + m[2]
			seen[m[1]] = i + 1
		}
	}
	for _, name := range standingSettings(Command()) {
		if seen[name] == 0 {
			t.Errorf("the starter has no example for %s", name)
		}
	}
	writeFile(t, cfg, strings.Join(lines, "\n"))
	c = showJSON(t, env)
	for _, s := range c.Settings {
		if s.Name == "output" {
			continue // -o json on the command line wins
		}
		if s.Origin != "file" || s.Line == nil || *s.Line != seen[s.Name] {
			t.Errorf("uncommented %s: %+v, want from line %d", s.Name, s, seen[s.Name])
		}
	}
	if _, errs, code := runWith(t, env, "limits"); code != 0 {
		t.Errorf("limits with every example set: exit %d, %q", code, errs)
	}
}

func TestConfigInitNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "mgcalc", "config.yaml")
	env := map[string]string{"XDG_CONFIG_HOME": dir}
	writeFile(t, cfg, "authority: [efsa\n") // broken: init must not need to read it
	out, errs, code := runWith(t, env, "config", "init")
	if code != ExitUsage || out != "" || errs != "mgcalc: error: "+cfg+" exists\nmgcalc: hint: give --force to replace it\n" {
		t.Errorf("init over a file: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if b, _ := os.ReadFile(cfg); string(b) != "authority: [efsa\n" {
		t.Errorf("the file was changed: %q", b)
	}
	if _, errs, code := runWith(t, env, "config", "init", "--force"); code != 0 {
		t.Fatalf("init --force: exit %d, %q", code, errs)
	}
	if b, _ := os.ReadFile(cfg); string(b) != starterConfig(msg.EN) {
		t.Errorf("--force did not replace the file: %q", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(cfg))
	if len(entries) != 1 {
		t.Errorf("init left debris: %v", entries)
	}
	// --print, PATH -: stdout, no file
	for _, args := range [][]string{{"--print"}, {"-"}} {
		out, _, code := runWith(t, map[string]string{"XDG_CONFIG_HOME": filepath.Join(dir, "other")}, append([]string{"config", "init"}, args...)...)
		if code != 0 || out != starterConfig(msg.EN) {
			t.Errorf("init %q: exit %d, stdout %q", args, code, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "other")); err == nil {
		t.Errorf("--print created a directory")
	}
	// an explicit PATH, --config and HOME
	p := filepath.Join(dir, "a", "b.yaml")
	if out, _, code := runWith(t, nil, "config", "init", p); code != 0 || out == "" {
		t.Errorf("init PATH: exit %d", code)
	}
	p = filepath.Join(dir, "c.yaml")
	if _, _, code := runWith(t, nil, "config", "init", "--config", p); code != 0 {
		t.Errorf("init --config: exit %d", code)
	}
	if _, err := os.Stat(p); err != nil {
		t.Errorf("init --config %s: %v", p, err)
	}
	home := filepath.Join(dir, "home")
	out, _, code = runWith(t, map[string]string{"HOME": home}, "config", "init", "-o", "json")
	if want := `"path": "` + filepath.Join(home, ".config", "mgcalc", "config.yaml") + `"`; code != 0 || !strings.Contains(out, want) {
		t.Errorf("init under HOME: exit %d, %s", code, out)
	}
	_, errs, code = runWith(t, nil, "config", "init")
	if code != ExitUsage || !strings.Contains(errs, "neither XDG_CONFIG_HOME nor HOME is set") {
		t.Errorf("init without a place: exit %d, %q", code, errs)
	}
}

// A broken config file is one line naming the file and the line, in
// mgcalc's words (never viper's "While parsing config").
func TestConfigFileErrors(t *testing.T) {
	cases := []struct{ text, want string }{
		{"output: json\nauthority: [efsa\n", `:2: not valid YAML: did not find expected ',' or ']'`},
		{"output: json\n  age: 3\n", `:2: not valid YAML: mapping values are not allowed in this context`},
		{"output: json\nage 3\ncolor: auto\n", `:2: not valid YAML: could not find expected ':'`},
		{"output: json\nage: 3\n\tcolor: auto\n", `:3: not valid YAML: found a tab character that violates indentation`},
		{"a: b: c\n", `:1: not valid YAML: mapping values are not allowed in this context`},
		{"output: json\nage: 3\ncolor: 'never\n", `:3: not valid YAML: found unexpected end of stream`},
		{"output: json\nage: 3\n- x\n", `:3: not valid YAML: did not find expected key`},
		{"output: json\nage: 3\noutput: yaml\n", `:3: output is set twice (also on line 1)`},
		{"output: json\n---\nage: 3\n", `:3: a second YAML document`},
		{"- output\n", `:1: settings are a mapping`},
		{"age:\n  years: 3\n", `:2: age must be a single value`},
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	for _, c := range cases {
		writeFile(t, cfg, c.text)
		out, errs, code := runWith(t, map[string]string{"MGCALC_CONFIG": cfg}, "limits")
		want := "mgcalc: error: config file " + cfg + c.want
		if code != ExitError || out != "" || !strings.HasPrefix(errs, want) || strings.Count(errs, "\n") != 1 || strings.Contains(errs, "While parsing") {
			t.Errorf("%q: exit %d, stderr %q, want %q…", c.text, code, errs, want)
		}
	}
	// only comments, or nothing, is a valid (empty) config
	for _, text := range []string{"", "# nothing yet\n", starterConfig(msg.EN)} {
		writeFile(t, cfg, text)
		if _, errs, code := runWith(t, map[string]string{"MGCALC_CONFIG": cfg}, "limits"); code != 0 {
			t.Errorf("%q: exit %d, %q", text, code, errs)
		}
	}
	// a command that must not read a broken file (completion) still works
	writeFile(t, cfg, "authority: [efsa\n")
	out, _, code := runWith(t, map[string]string{"MGCALC_CONFIG": cfg}, "__complete", "limits", "--authority", "")
	if code != 0 || !strings.Contains(out, "efsa") {
		t.Errorf("__complete with a broken config: exit %d, %q", code, out)
	}
	// --force and --print describe one run: not from a file
	writeFile(t, cfg, "force: true\n")
	_, errs, code := runWith(t, map[string]string{"MGCALC_CONFIG": cfg}, "limits")
	if code != ExitError || !strings.Contains(errs, `"force" cannot be set in a config file`) {
		t.Errorf("force in a config file: exit %d, %q", code, errs)
	}
}

func TestSyntaxErrorLineLongFile(t *testing.T) {
	long := strings.Repeat("# comment\n", maxSyntaxSearch+10) + "age: [3\n"
	if got := syntaxErrorLine([]byte(long), 7); got != 7 {
		t.Errorf("a long file keeps yaml's line: got %d", got)
	}
}

// Batch options describe one run too: a variable is ignored with a
// warning, a config key refused; --force and --print likewise.
func TestPerRunOptionsNotInherited(t *testing.T) {
	env := map[string]string{"MGCALC_CSV": "x.csv", "MGCALC_KEEP_GOING": "true", "MGCALC_FORCE": "true"}
	out, errs, code := runWith(t, env, "elemental", "citrate", "500", "-o", "value")
	if code != 0 || out != "80.8\n" ||
		!strings.Contains(errs, "mgcalc: warning: MGCALC_CSV is ignored: --csv belongs to one calculation") ||
		!strings.Contains(errs, "mgcalc: warning: MGCALC_KEEP_GOING is ignored") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "mgcalc", "config.yaml")
	writeFile(t, cfg, "authority: efsa\n")
	if _, errs, code := runWith(t, map[string]string{"XDG_CONFIG_HOME": dir, "MGCALC_FORCE": "true"}, "config", "init"); code != ExitUsage {
		t.Errorf("MGCALC_FORCE made init overwrite: exit %d, %q", code, errs)
	}
	for _, key := range []string{"csv: x.csv", "keep-going: true", "columns: form=A", "print: true"} {
		writeFile(t, cfg, key+"\n")
		_, errs, code := runWith(t, map[string]string{"XDG_CONFIG_HOME": dir}, "limits")
		if code != ExitError || !strings.Contains(errs, "cannot be set in a config file") {
			t.Errorf("%s in a config file: exit %d, %q", key, code, errs)
		}
	}
}

// Every flag of every command is either a standing setting, taken from
// MGCALC_* and the config file, or refused there: its config key is an
// error and its variable changes nothing (with a warning when the flag
// belongs to one calculation). The flags are read from the tree, so a new
// flag is covered the day it is declared; a new standing setting needs a
// sample value here, which makes adding one a decision.
func TestEveryFlagStandingOrRefused(t *testing.T) {
	samples := map[string]string{
		"output": "json", "color": "never", "lang": "nl", "authority": "efsa", "age": "40", "sex": "female",
		"pregnant": "true", "lactating": "true", "gut": "sensitive", "kidney": "normal", "egfr": "90",
		"condition": "bradycardia", "meds": "levothyroxine", "morning": "07:00", "evening": "22:00", "remind": "true",
		"journal": "my-journal.db",
	}
	// names declared standing in one command and for one calculation in
	// another: the key and the variable are accepted, and fill only the
	// standing flags
	shared := map[string]string{
		"gut": "log's --gut is how the gut took a dose; plan's --gut a standing setting",
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	root := Command()
	idx := indexSettings(root)
	kinds := map[string]settingKind{}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		for _, fs := range []*pflag.FlagSet{c.PersistentFlags(), c.Flags()} {
			fs.VisitAll(func(f *pflag.Flag) {
				k := kindOf(f)
				if prev, seen := kinds[f.Name]; seen && prev != k && shared[f.Name] == "" {
					t.Errorf("--%s is declared standing in one command and not in another", f.Name)
				}
				kinds[f.Name] = k
				env := envName(f.Name)
				// the variable: applied to a standing flag, never to another
				s := newIO(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(k string) string {
					if k == env {
						if v, ok := samples[f.Name]; ok {
							return v
						}
						return "1"
					}
					return ""
				})
				fresh, _, err := Command().Find(strings.Fields(c.CommandPath())[1:])
				if err != nil {
					t.Fatal(err)
				}
				fresh.InitDefaultHelpFlag()
				// (MGCALC_CONFIG names the file: it is not --config's value)
				if _, err := applyConfig(fresh, s, indexSettings(fresh.Root()), nil, "", f.Name != "config"); err != nil {
					t.Errorf("%s %s: %v", c.CommandPath(), env, err)
					return
				}
				ff := fresh.Flags().Lookup(f.Name)
				if ff == nil {
					ff = fresh.PersistentFlags().Lookup(f.Name)
				}
				warned := strings.Contains(s.ErrOut.(*bytes.Buffer).String(), env+" is ignored")
				switch k {
				case standingKind:
					if _, ok := samples[f.Name]; !ok {
						t.Errorf("--%s is standing: give it a sample value here", f.Name)
					} else if !ff.Changed || warned {
						t.Errorf("%s: standing --%s not taken from %s", c.CommandPath(), f.Name, env)
					}
				case perCalculation:
					// warned unless another command's flag of the name stands
					if ff.Changed || warned != (idx.kind[f.Name] == perCalculation) {
						t.Errorf("%s: %s changed --%s (or was not warned about)", c.CommandPath(), env, f.Name)
					}
				case oneRunKind:
					if ff.Changed || warned {
						t.Errorf("%s: %s changed --%s (or was warned about)", c.CommandPath(), env, f.Name)
					}
				}
				// the config file: refused unless standing
				value := samples[f.Name]
				if value == "" {
					value = "1"
				}
				writeFile(t, cfg, f.Name+": "+value+"\n")
				_, errs, code := runWith(t, map[string]string{"MGCALC_CONFIG": cfg}, "config", "show")
				refused := code == ExitError && strings.Contains(errs, fmt.Sprintf("%q cannot be set in a config file", f.Name))
				if refused != (idx.kind[f.Name] != standingKind) {
					t.Errorf("%s: %s in a config file: exit %d, %q", c.CommandPath(), f.Name, code, errs)
				}
				if k != standingKind && !refused {
					// a shared name: the file fills the standing flags only
					fresh, _, _ := Command().Find(strings.Fields(c.CommandPath())[1:])
					s := newIO(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
					_, err := applyConfig(fresh, s, indexSettings(fresh.Root()), nil, cfg, true)
					if ff := fresh.Flags().Lookup(f.Name); err != nil || ff.Changed {
						t.Errorf("%s: %s in a config file changed --%s (%v)", c.CommandPath(), f.Name, f.Name, err)
					}
				}
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	// config show lists exactly the standing settings, each from the file
	var lines []string
	for _, name := range standingSettings(root) {
		lines = append(lines, name+": "+samples[name])
	}
	writeFile(t, cfg, strings.Join(lines, "\n")+"\n")
	c := showJSON(t, map[string]string{"MGCALC_CONFIG": cfg})
	for _, s := range c.Settings {
		if s.Name != "output" && (s.Origin != "file" || s.Value == nil || *s.Value != samples[s.Name] && s.Name != "meds" && s.Name != "condition") {
			t.Errorf("config show %s: %+v", s.Name, s)
		}
	}
	if len(c.Settings) != len(samples) {
		t.Errorf("config show lists %d settings, the tree declares %d standing", len(c.Settings), len(samples))
	}
}

// The commands lazyCmd leaves out when another command runs (log, today,
// journal) are indexed when a setting may be theirs: a variable or a
// config key for one of their flags is treated as the full tree treats it,
// whether the environment can be listed (os.Environ) or not.
func TestLazyCommandsIndexed(t *testing.T) {
	getenv := func(k string) string {
		if k == "MGCALC_AT" {
			return "08:00"
		}
		return ""
	}
	for _, environ := range []func() []string{nil, func() []string { return []string{"HOME=/nowhere", "MGCALC_AT=08:00"} }} {
		var out, errb bytes.Buffer
		code := runTree([]string{"elemental", "citrate", "500"}, strings.NewReader(""), &out, &errb, getenv,
			func(s *IO) *cobra.Command { s.environ = environ; return newRootCmd(s) })
		if code != ExitOK || !strings.Contains(errb.String(), "MGCALC_AT is ignored: --at belongs to one calculation") {
			t.Errorf("environ %v: exit %d, stderr %q", environ != nil, code, errb.String())
		}
	}
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	writeFile(t, cfg, "at: 08:00\n")
	_, errs, code := runWith(t, map[string]string{"MGCALC_CONFIG": cfg}, "elemental", "citrate", "500")
	if code != ExitError || !strings.Contains(errs, `"at" cannot be set in a config file`) || !strings.Contains(errs, "belongs to one calculation") {
		t.Errorf("at: in the config file: exit %d, %q", code, errs)
	}
	// the standing settings do not depend on which commands were built
	s := newIO(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
	for _, args := range [][]string{{"elemental"}, {"log"}, {"plan"}, {"--version"}} {
		s.args = args
		_, opts := newRoot(s)
		lazy := opts.settings
		lazy.complete()
		if got, want := strings.Join(lazy.standing, " "), strings.Join(standingSettings(Command()), " "); got != want {
			t.Errorf("%s: standing with the other commands left out: %s; built: %s", args, got, want)
		}
		for name, k := range indexSettings(Command()).kind {
			if lazy.kind[name] != k {
				t.Errorf("%s: --%s is of kind %v, built %v", args, name, lazy.kind[name], k)
			}
		}
	}
}

// Every standing setting's bad value, from a variable or the config file,
// is refused by one mechanism (settingSource.invalid) that names where it
// stands, never a flag the user did not give: the variable, or the file
// and its line (audit 2 item 7). Walked from the command tree, so a new
// standing setting without a check fails here.
func TestStandingSettingsChecked(t *testing.T) {
	bad := map[string]string{
		"output": "xml", "color": "blue", "lang": "fr", "authority": "who", "age": "abc", "sex": "x",
		"pregnant": "maybe", "lactating": "maybe", "gut": "foo", "kidney": "bad", "egfr": "0",
		"condition": "zzz", "meds": "foo%", "morning": "25:00", "evening": "x", "remind": "often",
	}
	// a path: any text names a file, and the journal command says what is
	// wrong with it when it opens it
	free := map[string]bool{"journal": true}
	planOnly := map[string]bool{"gut": true, "morning": true, "evening": true, "meds": true, "condition": true, "remind": true}
	root := Command()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	for _, name := range standingSettings(root) {
		if free[name] {
			continue
		}
		v, ok := bad[name]
		if !ok {
			t.Errorf("standing --%s: give it a bad value here, and a check in configCheck if its flag takes any text", name)
			continue
		}
		env := envName(name)
		// plan reads every standing setting but sex as a flag, total some
		// (sex, kidney and egfr without a flag): a setting a command does
		// not read does not stop it (a bad morning: under total)
		for _, args := range [][]string{{"plan", "--goal", "sleep"}, {"total", "citrate:500"}} {
			if args[0] == "total" && planOnly[name] {
				out, errs, code := runWith(t, map[string]string{env: v}, args...)
				if code != 0 || out == "" {
					t.Errorf("%s=%s total: exit %d, stderr %q: a setting total does not read stopped it", env, v, code, errs)
				}
				continue
			}
			out, errs, code := runWith(t, map[string]string{env: v}, args...)
			want := fmt.Sprintf("mgcalc: error: %s: invalid value %q for --%s", env, v, name)
			if code != ExitUsage || out != "" || !strings.HasPrefix(errs, want) {
				t.Errorf("%s=%s %s: exit %d, stdout %q, stderr %q; want exit 2 and %q", env, v, args[0], code, out, errs, want)
			}
			writeFile(t, cfg, "# mine\n"+name+": "+strconv.Quote(v)+"\n")
			out, errs, code = runWith(t, map[string]string{"MGCALC_CONFIG": cfg}, args...)
			want = fmt.Sprintf("mgcalc: error: config file %s:2: invalid value %q for --%s", cfg, v, name)
			if code != ExitError || out != "" || !strings.HasPrefix(errs, want) {
				t.Errorf("%s: %q in the config file, %s: exit %d, stdout %q, stderr %q; want exit 1 and %q", name, v, args[0], code, out, errs, want)
			}
		}
	}
}
