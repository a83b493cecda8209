package cli

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"

	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
	"github.com/mgcalc/mgcalc/pkg/units"
)

// notConfigurable flags describe one invocation (this amount, this stack,
// overwrite this file), not a standing preference: inherited silently from
// a file or the environment they would change a dose, or a file, without
// the user seeing why.
var notConfigurable = map[string]bool{
	"help": true, "version": true, "config": true,
	"force": true, "print": true,
}

// perCalculation are the flags that describe one calculation: never
// configurable, and an MGCALC_* variable for one is ignored with a warning.
//
// The plan's target, supervision, form, units and calendar are per
// calculation too: inherited, "supervised: true" with "target: 900" would
// unlock a schedule above the upper limit that nobody asked for on the
// command line.
var perCalculation = []string{"assay", "count", "stack", "diet", "csv", "columns", "keep-going",
	"goal", "form", "target", "supervised", "capsule", "capsule-elemental", "half", "ics", "start", "table",
	"label", "text", "dsld", "with", "explain", "unit-name",
	// the journal: what was taken when, and what to do with the journal
	"at", "on", "note", "med", "save", "show", "today", "from", "to", "all", "fix"}

func init() {
	for _, name := range perCalculation {
		notConfigurable[name] = true
	}
}

// envName is the MGCALC_* variable of a flag.
func envName(flag string) string {
	return "MGCALC_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// standingSettings are the preferences `config show` lists and `config
// init` explains, in that order.
var standingSettings = []string{"output", "authority", "age", "sex", "pregnant", "lactating", "color", "lang",
	"gut", "kidney", "egfr", "condition", "meds", "morning", "evening", "remind", "journal"}

// configPath returns the config file to read: --config (or MGCALC_CONFIG),
// else $XDG_CONFIG_HOME/mgcalc/config.yaml, else ~/.config/mgcalc/config.yaml.
// from says which: "flag", "env", "default", or "" when there is no
// file to read (no XDG_CONFIG_HOME or HOME). A file named by flag or
// environment must exist.
func configPath(getenv func(string) string, flagValue string) (path, from string) {
	if flagValue != "" {
		return flagValue, originFlag
	}
	if p := getenv("MGCALC_CONFIG"); p != "" {
		return p, originEnv
	}
	// the XDG spec says a relative path is invalid and to be ignored
	if dir := getenv("XDG_CONFIG_HOME"); dir != "" && filepath.IsAbs(dir) {
		return filepath.Join(dir, "mgcalc", "config.yaml"), originDefault
	}
	if home := getenv("HOME"); home != "" {
		return filepath.Join(home, ".config", "mgcalc", "config.yaml"), originDefault
	}
	return "", ""
}

// Where a setting comes from.
const (
	originFlag    = "flag"
	originEnv     = "env"
	originFile    = "file"
	originDefault = "default"
)

// settingSource is where applyConfig found a value: an environment
// variable, or a line of the config file.
type settingSource struct {
	Kind string // originEnv or originFile
	Name string // the variable, or the file's path
	Line int    // the line in the file
}

// configState is what applyConfig read.
type configState struct {
	Path  string // the config file ("" when there is none to read)
	From  string // how it was chosen: flag, env (MGCALC_CONFIG) or default
	Found bool   // it exists and was read
	// origins words where a value came from, for error messages:
	// "MGCALC_PREGNANT=true", "pregnant: true in config file …".
	origins map[string]*msg.Message
	sources map[string]settingSource
}

// applyConfig fills every flag the user did not set from MGCALC_* variables
// and then the config file, so that flag > environment > file > default.
// It returns where each value it set came from. With readFile false the
// config file is not read (config init, which may replace a broken one).
func applyConfig(cmd *cobra.Command, s *IO, configFlag string, readFile bool) (*configState, error) {
	getenv := s.Getenv
	v := viper.New()
	path, from := configPath(getenv, configFlag)
	st := &configState{Path: path, From: from, origins: map[string]*msg.Message{}, sources: map[string]settingSource{}}
	raw := map[string]configEntry{} // key -> the value as written in the file
	if path != "" && readFile {
		b, found, err := readConfig(path, from != originDefault)
		if err != nil {
			return nil, err
		}
		st.Found = found
		if found {
			if raw, err = configValues(path, b); err != nil {
				return nil, err
			}
			v.SetConfigType("yaml")
			if err := v.ReadConfig(bytes.NewReader(b)); err != nil {
				return nil, dataError(msg.Errorf("config file %s: %s", path, oneLine(err.Error())))
			}
			known := flagNames(cmd.Root())
			keys := v.AllKeys()
			sort.Strings(keys)
			for _, k := range keys {
				if notConfigurable[k] { // a flag of a command not built in full is one too
					m := msg.Errorf("config file %s: %q cannot be set in a config file", path, k)
					if k == "force" || k == "print" {
						return nil, dataError(m.WithHint("--%s is for one run only: give it on the command line", k))
					}
					return nil, dataError(m.WithHint("--%s belongs to one calculation: give it on the command line", k))
				}
				if !known[k] {
					return nil, dataError(msg.Errorf("config file %s: unknown key %q", path, k).
						WithHint("keys are long flag names, such as output or authority"))
				}
			}
		}
	}
	// Variables for one calculation are ignored, whichever command runs.
	for _, name := range perCalculation {
		env := envName(name)
		if getenv(env) != "" {
			s.Warn(msg.New("%s is ignored: --%s belongs to one calculation; give it on the command line", env, name))
		}
	}
	origins := st.origins
	var ferr error
	fs := cmd.Flags()
	fs.VisitAll(func(f *pflag.Flag) {
		env := envName(f.Name)
		if ferr != nil || f.Changed {
			return
		}
		if notConfigurable[f.Name] || f.Annotations[perInvocation] != nil {
			return
		}
		var val string
		var where, origin *msg.Message
		var src settingSource
		if e := getenv(env); e != "" {
			val, where = e, msg.New("%s", env)
			origin = envOrigin(env, e)
			src = settingSource{Kind: originEnv, Name: env}
		} else if r, ok := raw[f.Name]; ok {
			val, where = r.Value, msg.New("config file %s", path)
			origin = fileOrigin(f.Name, val, path)
			src = settingSource{Kind: originFile, Name: path, Line: r.Line}
		} else {
			return
		}
		err := fs.Set(f.Name, val) // marks the flag as set
		if check, ok := configChecks[f.Name]; ok && err == nil {
			err = check(val)
		}
		if err != nil {
			val := clip(val)
			m := msg.Errorf("%s: invalid value %q for --%s", where, val, f.Name)
			var cause *msg.Message
			if errors.As(err, &cause) {
				m = msg.Errorf("%s: invalid value %q for --%s: %s", where, val, f.Name, cause)
				m.Hint = cause.Hint
			}
			if src.Kind == originEnv {
				ferr = usageError(m)
			} else {
				ferr = dataError(m) // a broken file is a data error, as documented
			}
			return
		}
		origins[f.Name] = origin
		st.sources[f.Name] = src
	})
	if ferr != nil {
		return nil, ferr
	}
	// A standing --sex applies to the person under every command, also
	// those without the flag (elemental, compound, plan), so a setting
	// that conflicts with another (sex: male, pregnant: true) is the same
	// error everywhere.
	// So do a standing kidney: impaired and eGFR: the limits are for
	// healthy kidneys, and a total or conversion must not say otherwise.
	for _, name := range []string{"sex", "kidney", "egfr"} {
		if fs.Lookup(name) != nil {
			continue
		}
		env := envName(name)
		if e := getenv(env); e != "" {
			origins[standing(name)], origins[name] = msg.New("%s", e), envOrigin(env, e)
		} else if r, ok := raw[name]; ok {
			origins[standing(name)], origins[name] = msg.New("%s", r.Value), fileOrigin(name, r.Value, path)
		}
	}
	return st, nil
}

// standing is the key under which origins carries a standing setting for
// a command without its flag, as msg.New("%s", value).
func standing(name string) string { return "\x00" + name }

// envOrigin and fileOrigin word where a standing setting came from.
func envOrigin(env, value string) *msg.Message { return msg.New("%s=%s", env, value) }
func fileOrigin(name, value, path string) *msg.Message {
	return msg.New("%s: %s in config file %s", name, value, path)
}

// standingSex is the key under which origins carries a standing sex for a
// command without --sex, as msg.New("%s", value).
var standingSex = standing("sex")

// standingSexValue is the standing sex that origins carries, if any.
func standingSexValue(origins map[string]*msg.Message) (string, bool) {
	return standingValue(origins, "sex")
}

// standingValue is the standing setting name that origins carries for a
// command without its flag, if any.
func standingValue(origins map[string]*msg.Message, name string) (string, bool) {
	m, ok := origins[standing(name)]
	if !ok || len(m.Args) != 1 {
		return "", false
	}
	s, ok := m.Args[0].(string)
	return s, ok
}

// maxConfigSize bounds a config file: a settings file is a few lines.
const maxConfigSize = 64 << 10

// readConfig reads the config file, refusing what is not a small regular
// file (a FIFO would hang, /dev/zero would never end). found is false when
// an implicit config file does not exist.
func readConfig(path string, explicit bool) (b []byte, found bool, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && !explicit {
			return nil, false, nil
		}
		return nil, false, dataError(msg.Errorf("config file %s: %s", path, errReason(err)))
	}
	if !fi.Mode().IsRegular() {
		return nil, false, dataError(msg.Errorf("config file %s: not a regular file", path))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, false, dataError(msg.Errorf("config file %s: %s", path, errReason(err)))
	}
	defer f.Close()
	b, err = io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return nil, false, dataError(msg.Errorf("config file %s: %s", path, errReason(err)))
	}
	if len(b) > maxConfigSize {
		return nil, false, dataError(msg.Errorf("config file %s: larger than %d KiB", path, maxConfigSize>>10))
	}
	return b, true, nil
}

// configEntry is one setting as written in the config file.
type configEntry struct {
	Value string
	Line  int
}

// configValues reads the file's settings as written: "age: 010" is the
// text 010 (ten, as on the command line), never YAML's octal 8, and
// "pregnant: yes" is refused rather than read as true. Every problem names
// the file and the line.
func configValues(path string, b []byte) (map[string]configEntry, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		reason, reported := strings.TrimPrefix(oneLine(err.Error()), "yaml: "), 1
		if m := yamlLine.FindStringSubmatch(reason); m != nil {
			reason = reason[len(m[0]):]
			reported, _ = strconv.Atoi(m[1])
		}
		return nil, dataError(msg.Errorf("config file %s:%d: not valid YAML: %s", path, syntaxErrorLine(b, reported), reason))
	}
	var second yaml.Node
	if err := dec.Decode(&second); err == nil {
		line := second.Line
		if len(second.Content) > 0 {
			line = second.Content[0].Line
		}
		return nil, dataError(msg.Errorf("config file %s:%d: a second YAML document: a config file is one mapping of settings", path, line))
	}
	out := map[string]configEntry{}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return out, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return out, nil // only comments
	}
	if root.Kind != yaml.MappingNode {
		return nil, dataError(msg.Errorf("config file %s:%d: settings are a mapping of keys to values, such as output: json", path, root.Line))
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, val := root.Content[i], root.Content[i+1]
		if val.Kind != yaml.ScalarNode {
			return nil, dataError(msg.Errorf("config file %s:%d: %s must be a single value", path, val.Line, k.Value))
		}
		key := strings.ToLower(k.Value)
		if prev, dup := out[key]; dup {
			return nil, dataError(msg.Errorf("config file %s:%d: %s is set twice (also on line %d)", path, k.Line, key, prev.Line))
		}
		out[key] = configEntry{Value: val.Value, Line: k.Line}
	}
	return out, nil
}

// yamlLine is the position yaml.v3 puts before some of its messages.
var yamlLine = regexp.MustCompile(`^line (\d+): `)

// maxSyntaxSearch bounds syntaxErrorLine's work.
const maxSyntaxSearch = 500

// syntaxErrorLine finds the line of a YAML syntax error: the line after
// the longest run of leading lines that still parses. yaml.v3's own line
// numbers (reported; it leaves out line 1) are one too low for some
// errors (an unclosed bracket, a tab); in a file too long to search,
// they are what there is.
func syntaxErrorLine(b []byte, reported int) int {
	lines := bytes.SplitAfter(b, []byte("\n"))
	if len(lines) > maxSyntaxSearch {
		return reported
	}
	for k := len(lines) - 1; k >= 1; k-- {
		var n yaml.Node
		if yaml.Unmarshal(bytes.Join(lines[:k], nil), &n) == nil {
			return k + 1
		}
	}
	return 1
}

// configChecks validate the string-valued preferences when they come from
// the environment or a file, so the error names where the value came from.
var configChecks = map[string]func(string) error{
	"output": func(v string) error { _, err := render.ParseFormat(v); return err },
	"sex":    func(v string) error { _, err := limits.ParseSex(v); return err },
	"age": func(v string) error {
		a, err := units.ParseDecimal(v)
		if err != nil {
			return err
		}
		return limits.Person{Age: a, AgeSet: true}.Validate()
	},
	"authority": func(v string) error {
		t, err := kb.Limits()
		if err != nil {
			return err
		}
		_, err = t.ResolveAuthority(v)
		return err
	},
}

// clip shortens a value for an error line: a huge value is not echoed
// whole.
func clip(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
