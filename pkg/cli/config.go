package cli

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"

	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
	"github.com/mgcalc/mgcalc/pkg/text"
	"github.com/mgcalc/mgcalc/pkg/units"
)

// Whether a flag may stand in the config file or an MGCALC_* variable is
// declared where the flag is declared, by an annotation: standing (a
// preference that holds for every run: --authority, --lang) or one-run
// (--force, --print: refused in the file, the variable ignored without a
// word). Every other flag belongs to one calculation (an amount, a stack, a
// target, --stated): a config key for it is refused and its variable
// ignored with a warning, so nothing that changes a dose or a verdict is
// ever inherited unseen. A new flag is per calculation until someone
// declares otherwise; the list of standing settings is read from the tree.
const (
	standingAnnotation = "mgcalc/standing"
	oneRunAnnotation   = "mgcalc/one-run"
)

// standing declares fs's flags names standing settings.
func standing(fs *pflag.FlagSet, names ...string) { annotate(fs, standingAnnotation, names) }

// oneRun declares fs's flags names for one run only.
func oneRun(fs *pflag.FlagSet, names ...string) { annotate(fs, oneRunAnnotation, names) }

// The annotation maps a flag gets when it has no other annotation: one
// map for every flag of a kind, never written to (a flag that names a
// file gets its own, since completion adds to it), made on first use.
// Building the tree is in every call of mgcalc: a map per flag would be a
// hundred allocations.
var (
	sharedOnce                             sync.Once
	standingAnnotations, oneRunAnnotations map[string][]string
)

func annotate(fs *pflag.FlagSet, key string, names []string) {
	sharedOnce.Do(func() {
		standingAnnotations = map[string][]string{standingAnnotation: {"true"}}
		oneRunAnnotations = map[string][]string{oneRunAnnotation: {"true"}}
	})
	shared := standingAnnotations
	if key == oneRunAnnotation {
		shared = oneRunAnnotations
	}
	for _, n := range names {
		f := fs.Lookup(n)
		if f == nil {
			panic("mgcalc: no flag --" + n) // a typo in a flag name: caught by every test
		}
		if _, file := fileFlagOf(n); f.Annotations == nil && !file {
			f.Annotations = shared
			continue
		}
		_ = fs.SetAnnotation(n, key, []string{"true"})
	}
}

// settingKind says where a flag's value may come from.
type settingKind int

const (
	perCalculation settingKind = iota // the command line only; the variable is warned about
	standingKind                      // the command line, an MGCALC_* variable or the config file
	oneRunKind                        // the command line only; the variable is ignored
)

func kindOf(f *pflag.Flag) settingKind {
	switch {
	case f.Annotations[standingAnnotation] != nil:
		return standingKind
	case f.Annotations[oneRunAnnotation] != nil, f.Name == "help": // cobra declares --help itself
		return oneRunKind
	}
	return perCalculation
}

// settingsIndex is every flag of the tree by kind.
type settingsIndex struct {
	kind     map[string]settingKind
	standing []string // the standing settings: the root's first, then each command's, as declared
	// stubs are the commands lazyCmd did not build, by name: complete
	// indexes them when a key of the config file or an MGCALC_* variable
	// is not in the index, or a standing setting may have a value. root
	// is the tree, config builds the config command for the index.
	stubs  map[string]func(*rootOptions) *cobra.Command
	root   *cobra.Command
	config func(standing []string) *cobra.Command
}

// complete indexes the whole tree, as if every command were built: the
// commands lazyCmd left out are built for the index only (with options
// of their own), in their places, so that the order of the standing
// settings is the whole tree's.
func (idx *settingsIndex) complete() {
	if idx.stubs == nil {
		return
	}
	full := &settingsIndex{kind: make(map[string]settingKind, 128)}
	full.kind["help"] = oneRunKind
	full.walk(idx.root, func(c *cobra.Command) *cobra.Command {
		if _, stub := c.Annotations[stubAnnotation]; stub && c.Name() != "config" {
			return idx.stubs[c.Name()](&rootOptions{tables: defaultTables})
		}
		return c
	})
	// config's own flags come last, as when the tree is built whole
	full.add(idx.config(full.standing))
	idx.kind, idx.standing, idx.stubs = full.kind, full.standing, nil
}

// completeFor completes the index when one of names (config keys, or
// MGCALC_* variables when env) is not in it, or may be of another kind in
// a command not built: a name is final when it is standing (standing
// wins) or the root's.
func (idx *settingsIndex) completeFor(names []string, env bool) {
	if idx.stubs == nil {
		return
	}
	for _, n := range names {
		if env {
			v, ok := strings.CutPrefix(n, "MGCALC_")
			if !ok {
				continue
			}
			v, _, _ = strings.Cut(v, "=")
			n = strings.ReplaceAll(strings.ToLower(v), "_", "-")
		}
		if k, known := idx.kind[n]; !known || k != standingKind && idx.root.PersistentFlags().Lookup(n) == nil {
			idx.complete()
			return
		}
	}
}

// indexSettings walks the tree. A name declared standing in one command
// and for one calculation in another is standing as a key of the config
// file and a variable, and filled only into the flags declared standing
// (plan's --gut is a standing setting; log's --gut, how the gut took a
// dose, is not); a test lists the names that may be both.
func indexSettings(root *cobra.Command) *settingsIndex {
	// --help: cobra declares it on each command when it runs, after this
	idx := &settingsIndex{kind: make(map[string]settingKind, 64)}
	idx.kind["help"] = oneRunKind
	idx.add(root)
	return idx
}

// add walks c and its subcommands into the index.
func (idx *settingsIndex) add(c *cobra.Command) {
	idx.walk(c, func(c *cobra.Command) *cobra.Command { return c })
}

// walk walks c and its subcommands into the index, each command as built
// makes it; the config command, built with the whole index, is left out
// of a tree with stubs.
func (idx *settingsIndex) walk(c *cobra.Command, built func(*cobra.Command) *cobra.Command) {
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		for _, fs := range []*pflag.FlagSet{c.PersistentFlags(), c.Flags()} {
			visitInOrder(fs, func(f *pflag.Flag) {
				k, seen := idx.kind[f.Name]
				if !seen {
					idx.kind[f.Name] = kindOf(f)
					if kindOf(f) == standingKind {
						idx.standing = append(idx.standing, f.Name)
					}
				} else if k != kindOf(f) && kindOf(f) == standingKind {
					idx.kind[f.Name] = standingKind
					idx.standing = append(idx.standing, f.Name)
				}
			})
		}
		// the commands lazyCmd makes last, built or not (complete adds
		// those not built at the end too)
		for _, lazy := range []bool{false, true} {
			for _, sub := range c.Commands() {
				if _, stub := sub.Annotations[stubAnnotation]; stub && sub.Name() == "config" {
					continue
				}
				if _, l := sub.Annotations[lazyAnnotation]; l == lazy {
					walk(built(sub))
				}
			}
		}
	}
	walk(c)
}

// visitInOrder visits fs's flags in the order they were declared.
func visitInOrder(fs *pflag.FlagSet, fn func(*pflag.Flag)) {
	sorted := fs.SortFlags
	fs.SortFlags = false
	fs.VisitAll(fn)
	fs.SortFlags = sorted
}

// standingSettings are the preferences `config show` lists and `config
// init` explains, in that order.
func standingSettings(root *cobra.Command) []string { return indexSettings(root).standing }

// envName is the MGCALC_* variable of a flag.
func envName(flag string) string {
	return "MGCALC_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

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

// settingSource is where a standing setting was found: an environment
// variable, or a line of the config file.
type settingSource struct {
	Kind string // originEnv or originFile
	Name string // the variable, or the file's path
	Line int    // the line in the file
}

// origin words where a value came from, for error messages:
// "MGCALC_PREGNANT=true", "pregnant: true in config file …".
func (s settingSource) origin(name, value string) *msg.Message {
	if s.Kind == originEnv {
		return msg.New("%s=%s", s.Name, value)
	}
	return msg.New("%s: %s in config file %s", name, value, s.Name)
}

// invalid is the one error for a standing setting's bad value, whichever
// setting it is and whether or not the command has its flag: it names
// where the value stands (the variable, or the config file and line),
// never a flag the user did not give. A variable is a usage error (exit
// 2), a broken file a data error (exit 1), as documented.
func (s settingSource) invalid(name, val string, err error) error {
	where := msg.New("%s", s.Name)
	if s.Kind == originFile {
		where = msg.New("config file %s:%d", s.Name, s.Line)
	}
	val = text.Clip(val)
	m := msg.Errorf("%s: invalid value %q for --%s", where, val, name)
	var cause *msg.Message
	if errors.As(err, &cause) {
		m = msg.Errorf("%s: invalid value %q for --%s: %s", where, val, name, cause)
		m.Hint = cause.Hint
	}
	if s.Kind == originEnv {
		return usageError(m)
	}
	return dataError(m)
}

// configFile is the config file, read and parsed once a run (before the
// command tree exists, since the language may stand in it).
type configFile struct {
	flag   string // the --config value it was chosen by
	Path   string // "" when there is none to read
	From   string // how it was chosen: flag, env (MGCALC_CONFIG) or default
	Found  bool   // it exists and was read
	values map[string]configEntry
	err    error // it cannot be read or is broken: applyConfig reports it
}

// readConfigFile finds, reads and parses the config file.
func readConfigFile(getenv func(string) string, configFlag string) *configFile {
	path, from := configPath(getenv, configFlag)
	c := &configFile{flag: configFlag, Path: path, From: from}
	if path == "" {
		return c
	}
	b, found, err := readConfig(path, from != originDefault)
	if err != nil {
		c.err = err
		return c
	}
	c.Found = found
	if found {
		c.values, c.err = configValues(path, b)
	}
	return c
}

// lookup is the one rule for a standing setting that is not given as a
// flag: its MGCALC_* variable, else the config file (a broken file gives
// nothing; applyConfig reports it). The flag, where there is one, wins
// over both: its value is never looked up.
func (c *configFile) lookup(getenv func(string) string, name string) (string, settingSource, bool) {
	env := envName(name)
	if e := getenv(env); e != "" {
		return e, settingSource{Kind: originEnv, Name: env}, true
	}
	if c != nil && c.err == nil {
		if r, ok := c.values[name]; ok {
			return r.Value, settingSource{Kind: originFile, Name: c.Path, Line: r.Line}, true
		}
	}
	return "", settingSource{}, false
}

// settingValue is a standing setting taken from a variable or the file.
type settingValue struct {
	Value  string
	Source settingSource
	// Flag is true when the command has the flag and the value was set on
	// it; false for a setting the command has no flag for (a standing
	// --sex under elemental, whose person it still describes).
	Flag bool
}

// configState is what applyConfig read.
type configState struct {
	Path     string // the config file ("" when there is none to read)
	From     string // how it was chosen: flag, env (MGCALC_CONFIG) or default
	Found    bool   // it exists and was read
	settings map[string]settingValue
	getenv   func(string) string
	file     *configFile // nil when the command does not read it
}

// origin words where a setting's value came from, if not from the
// command line.
func (st *configState) origin(name string) (*msg.Message, bool) {
	if st == nil {
		return nil, false
	}
	s, ok := st.settings[name]
	if !ok {
		return nil, false
	}
	return s.Source.origin(name, s.Value), true
}

// standingValue is a standing setting the command has no flag for (a
// standing sex under elemental, kidney under total), checked as a flag's
// value is checked when it is filled (configCheck), with the same error
// naming where it stands.
func (st *configState) standingValue(name string) (string, bool, error) {
	if st == nil {
		return "", false, nil
	}
	s, ok := st.settings[name]
	if !ok || s.Flag {
		return "", false, nil
	}
	if err := configCheck(name, s.Value); err != nil {
		return "", false, s.Source.invalid(name, s.Value, err)
	}
	return s.Value, true, nil
}

// applyConfig fills every standing flag of cmd that the user did not set
// from its MGCALC_* variable and then the config file, so that flag >
// environment > file > default, and warns of variables for flags that
// belong to one calculation. With readFile false the config file is not
// used (config init, which may replace a broken one). cfg is the file
// read before the tree was built, or nil.
func applyConfig(cmd *cobra.Command, s *IO, idx *settingsIndex, cfg *configFile, configFlag string, readFile bool) (*configState, error) {
	getenv := s.Getenv
	if cfg == nil || cfg.flag != configFlag { // pflag read --config otherwise than the first scan
		cfg = readConfigFile(getenv, configFlag)
	}
	st := &configState{Path: cfg.Path, From: cfg.From, settings: map[string]settingValue{}, getenv: getenv}
	if readFile {
		if cfg.err != nil {
			return nil, cfg.err
		}
		st.Found, st.file = cfg.Found, cfg
		if err := checkKeys(cfg, idx); err != nil {
			return nil, err
		}
	}
	// Variables for one calculation are ignored, whichever command runs
	// (those of a command not built are found by building it).
	if s.environ != nil {
		idx.completeFor(s.environ(), true)
	} else {
		idx.complete()
	}
	var ignored []string
	for name, k := range idx.kind {
		if k == perCalculation && getenv(envName(name)) != "" {
			ignored = append(ignored, name)
		}
	}
	sort.Strings(ignored)
	for _, name := range ignored {
		s.Warn(msg.New("%s is ignored: --%s belongs to one calculation; give it on the command line", envName(name), name))
	}
	if err := st.fill(cmd.Flags(), nil); err != nil {
		return nil, err
	}
	// A standing setting applies to the person under every command, also
	// those without its flag (--sex under elemental, compound, plan), so
	// a setting that conflicts with another (sex: male, pregnant: true) is
	// the same error everywhere.
	for _, name := range idx.standing {
		if _, done := st.settings[name]; done || cmd.Flags().Lookup(name) != nil {
			continue
		}
		if v, src, ok := st.file.lookup(getenv, name); ok {
			// checked where a command reads it (standingValue): a bad
			// morning: does not stop elemental, nor config show
			st.settings[name] = settingValue{Value: v, Source: src}
		}
	}
	return st, nil
}

// checkKeys refuses a config key that is not a standing setting.
func checkKeys(cfg *configFile, idx *settingsIndex) error {
	v := viper.New() // the file's layer, from the one parse: keys without case
	m := make(map[string]any, len(cfg.values))
	for k, e := range cfg.values {
		m[k] = e.Value
	}
	if err := v.MergeConfigMap(m); err != nil {
		return dataError(msg.Errorf("config file %s: %s", cfg.Path, oneLine(err.Error())))
	}
	keys := v.AllKeys()
	sort.Strings(keys)
	idx.completeFor(keys, false)
	for _, k := range keys {
		kind, known := idx.kind[k]
		switch {
		case !known:
			return dataError(msg.Errorf("config file %s: unknown key %q", cfg.Path, k).
				WithHint("keys are long flag names, such as output or authority"))
		case kind == oneRunKind:
			return dataError(msg.Errorf("config file %s: %q cannot be set in a config file", cfg.Path, k).
				WithHint("--%s is for one run only: give it on the command line", k))
		case kind == perCalculation:
			return dataError(msg.Errorf("config file %s: %q cannot be set in a config file", cfg.Path, k).
				WithHint("--%s belongs to one calculation: give it on the command line", k))
		}
	}
	return nil
}

// fill sets every standing flag of fs not given on the command line from
// its variable or the file, recording where each value came from; skip
// names flags another flag set answers for.
func (st *configState) fill(fs *pflag.FlagSet, skip func(name string) bool) error {
	var ferr error
	fs.VisitAll(func(f *pflag.Flag) {
		if ferr != nil || f.Changed || kindOf(f) != standingKind || skip != nil && skip(f.Name) {
			return
		}
		val, src, ok := st.file.lookup(st.getenv, f.Name)
		if !ok {
			return
		}
		err := fs.Set(f.Name, val) // marks the flag as set
		if err == nil {
			err = configCheck(f.Name, val)
		}
		if err != nil {
			ferr = src.invalid(f.Name, val, err)
			return
		}
		st.settings[f.Name] = settingValue{Value: val, Source: src, Flag: true}
	})
	return ferr
}

// maxConfigSize bounds a config file: a settings file is a few lines.
const maxConfigSize = 64 << 10

// readConfig reads the config file (readUser: a small regular file).
// found is false when an implicit config file does not exist.
func readConfig(path string, explicit bool) (b []byte, found bool, err error) {
	b, err = readUser(nil, path, maxConfigSize)
	switch {
	case err == errNoFile && !explicit:
		return nil, false, nil
	case err != nil:
		return nil, false, dataError(msg.Errorf("config file %s: %s", path, err))
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
		if n, rest, ok := yamlLine(reason); ok {
			reason, reported = rest, n
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

// yamlLine reads the position yaml.v3 puts before some of its messages,
// "line N: ", and returns N and the rest.
func yamlLine(s string) (n int, rest string, ok bool) {
	s, ok = strings.CutPrefix(s, "line ")
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if !ok || i == 0 || !strings.HasPrefix(s[i:], ": ") {
		return 0, "", false
	}
	n, err := strconv.Atoi(s[:i])
	return n, s[i+2:], err == nil
}

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

// configCheck validates a standing setting's value when it comes from the
// environment or a file, so the error names where the value came from
// (settingSource.invalid) before any command reads it. It is the one
// check of every standing setting whose flag type does not refuse a bad
// value itself (TestStandingSettingsChecked walks the command tree for
// them): the same words and parsers the commands read the flags with.
func configCheck(name, v string) error {
	switch name {
	case "output":
		_, err := render.ParseFormat(v, nil)
		return err
	case "sex":
		_, err := limits.ParseSex(v)
		return err
	case "age":
		a, err := units.ParseDecimal(v)
		if err != nil {
			return err
		}
		return limits.Person{Age: a, AgeSet: true}.Validate()
	case "authority":
		t, err := kb.Limits()
		if err != nil {
			return err
		}
		_, err = t.ResolveAuthority(v)
		return err
	case "gut":
		if err := nameCheck(v); err != nil {
			return err
		}
		if _, ok := gutWords(word("gut", v)); !ok {
			return msg.Errorf("must be normal or sensitive")
		}
	case "kidney":
		if err := nameCheck(v); err != nil {
			return err
		}
		if _, ok := parseKidney(v); !ok {
			return msg.Errorf("must be normal or impaired")
		}
	case "pregnant", "lactating", "remind":
		// their flags refuse it too; a command without the flag (remind
		// under total) checks it here
		if _, err := strconv.ParseBool(v); err != nil {
			return msg.Errorf("must be true or false")
		}
	case "egfr":
		if e, err := units.ParseDecimal(v); err != nil || e <= 0 || e > 200 {
			return msg.Errorf("must be above 0 and at most 200 mL/min")
		}
	case "morning", "evening":
		if _, err := clock(v, "--"+name); err != nil {
			return msg.Errorf("not a time of day").WithHint("write it as HH:MM, such as 08:00")
		}
	case "condition", "meds":
		entries, ok := text.List(v)
		if !ok {
			return msg.Errorf("the list has an empty entry")
		}
		if name == "meds" && len(entries) > maxMeds {
			return msg.Errorf("names %d medicines: at most %d", len(entries), maxMeds)
		}
		k, err := kb.Plan()
		if err != nil {
			return err
		}
		for _, e := range entries {
			if name == "meds" && len(e) > 100 {
				return msg.Errorf("%q is longer than 100 characters", text.Clip(e))
			}
			if err := nameCheck(e); err != nil {
				return err
			}
			if name == "condition" && k.Condition(e) == nil {
				return msg.Errorf("unknown condition %q", text.Clip(e)).
					WithHint("mgcalc knows: %s; for any other condition, ask your doctor", msg.List(k.ConditionKeys()...))
			}
		}
	}
	return nil
}

// nameCheck is the one fold's refusal of a name, without a flag.
func nameCheck(v string) error {
	_, err := text.Fold(v)
	if r := msg.NameRefusal(v, err); r != nil {
		return r
	}
	return nil
}
