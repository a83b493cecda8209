package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

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

// notConfigurable flags describe one invocation (this amount, this stack),
// not a standing preference: inherited silently from a file or the
// environment they would change a dose without the user seeing why.
var notConfigurable = map[string]bool{
	"help": true, "version": true, "config": true,
	"assay": true, "count": true, "stack": true, "diet": true,
}

// configPath returns the config file to read: --config (or MGCALC_CONFIG),
// else $XDG_CONFIG_HOME/mgcalc/config.yaml, else ~/.config/mgcalc/config.yaml.
// explicit reports whether the user named it (then it must exist).
func configPath(getenv func(string) string, flagValue string) (path string, explicit bool) {
	if flagValue != "" {
		return flagValue, true
	}
	if p := getenv("MGCALC_CONFIG"); p != "" {
		return p, true
	}
	if dir := getenv("XDG_CONFIG_HOME"); dir != "" {
		return filepath.Join(dir, "mgcalc", "config.yaml"), false
	}
	if home := getenv("HOME"); home != "" {
		return filepath.Join(home, ".config", "mgcalc", "config.yaml"), false
	}
	return "", false
}

// applyConfig fills every flag the user did not set from MGCALC_* variables
// and then the config file, so that flag > environment > file > default.
// It returns where each value it set came from.
func applyConfig(cmd *cobra.Command, s *IO, configFlag string) (map[string]string, error) {
	getenv := s.Getenv
	v := viper.New()
	path, explicit := configPath(getenv, configFlag)
	raw := map[string]string{} // key -> the value as written in the file
	if path != "" {
		b, found, err := readConfig(path, explicit)
		if err != nil {
			return nil, err
		}
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
				if known[k] && notConfigurable[k] {
					return nil, dataError(msg.Errorf("config file %s: %q cannot be set in a config file", path, k).
						WithHint("--%s belongs to one calculation: give it on the command line", k))
				}
				if !known[k] {
					return nil, dataError(msg.Errorf("config file %s: unknown key %q", path, k).
						WithHint("keys are long flag names, such as output or authority"))
				}
			}
		}
	}
	// Variables for one calculation are ignored, whichever command runs.
	for _, name := range []string{"assay", "count", "stack", "diet"} {
		env := "MGCALC_" + strings.ToUpper(name)
		if getenv(env) != "" {
			s.Warn(msg.New("%s is ignored: --%s belongs to one calculation; give it on the command line", env, name))
		}
	}
	origins := map[string]string{}
	var ferr error
	fs := cmd.Flags()
	fs.VisitAll(func(f *pflag.Flag) {
		env := "MGCALC_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if ferr != nil || f.Changed {
			return
		}
		if notConfigurable[f.Name] {
			return
		}
		var val, from, origin string
		if e := getenv(env); e != "" {
			val, from = e, env
			origin = env + "=" + e
		} else if r, ok := raw[f.Name]; ok {
			val, from = r, "config file "+path
			origin = fmt.Sprintf("%s: %s in config file %s", f.Name, val, path)
		} else {
			return
		}
		err := fs.Set(f.Name, val) // marks the flag as set
		if check, ok := configChecks[f.Name]; ok && err == nil {
			err = check(val)
		}
		if err != nil {
			m := msg.Errorf("%s: invalid value %q for --%s", from, val, f.Name)
			var cause *msg.Message
			if errors.As(err, &cause) {
				m = msg.Errorf("%s: invalid value %q for --%s: %s", from, val, f.Name, cause)
				m.Hint = cause.Hint
			}
			if strings.HasPrefix(from, "MGCALC_") {
				ferr = usageError(m)
			} else {
				ferr = dataError(m) // a broken file is a data error, as documented
			}
			return
		}
		origins[f.Name] = origin
	})
	if ferr != nil {
		return nil, ferr
	}
	// A standing --sex applies to the person under every command, also
	// those without the flag (elemental, compound, plan), so a setting
	// that conflicts with another (sex: male, pregnant: true) is the same
	// error everywhere.
	if fs.Lookup("sex") == nil {
		if e := getenv("MGCALC_SEX"); e != "" {
			origins[standingSex], origins["sex"] = e, "MGCALC_SEX="+e
		} else if r, ok := raw["sex"]; ok {
			origins[standingSex], origins["sex"] = r, fmt.Sprintf("sex: %s in config file %s", r, path)
		}
	}
	return origins, nil
}

// standingSex is the key under which origins carries a standing sex for a
// command without --sex.
const standingSex = "\x00sex"

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
		return nil, false, dataError(msg.Errorf("config file %s: %s", path, errText(err)))
	}
	if !fi.Mode().IsRegular() {
		return nil, false, dataError(msg.Errorf("config file %s: not a regular file", path))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, false, dataError(msg.Errorf("config file %s: %s", path, errText(err)))
	}
	defer f.Close()
	b, err = io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return nil, false, dataError(msg.Errorf("config file %s: %s", path, errText(err)))
	}
	if len(b) > maxConfigSize {
		return nil, false, dataError(msg.Errorf("config file %s: larger than %d KiB", path, maxConfigSize>>10))
	}
	return b, true, nil
}

// configValues reads the file's settings as written: "age: 010" is the
// text 010 (ten, as on the command line), never YAML's octal 8, and
// "pregnant: yes" is refused rather than read as true.
func configValues(path string, b []byte) (map[string]string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, dataError(msg.Errorf("config file %s: not valid YAML: %s", path, strings.TrimPrefix(oneLine(err.Error()), "yaml: ")))
	}
	out := map[string]string{}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return out, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, dataError(msg.Errorf("config file %s:%d: settings are a mapping of keys to values, such as output: json", path, root.Line))
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, val := root.Content[i], root.Content[i+1]
		if val.Kind != yaml.ScalarNode {
			return nil, dataError(msg.Errorf("config file %s:%d: %s must be a single value", path, val.Line, k.Value))
		}
		out[strings.ToLower(k.Value)] = val.Value
	}
	return out, nil
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
