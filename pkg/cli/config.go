package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

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
	if path != "" {
		if _, err := os.Stat(path); err == nil || explicit {
			v.SetConfigFile(path)
			v.SetConfigType("yaml")
			if err := v.ReadInConfig(); err != nil {
				var pe *os.PathError
				if errors.As(err, &pe) {
					return nil, dataError(msg.Errorf("config file %s: %s", path, pe.Err.Error()))
				}
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
	origins := map[string]string{}
	var ferr error
	fs := cmd.Flags()
	fs.VisitAll(func(f *pflag.Flag) {
		env := "MGCALC_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if ferr != nil || f.Changed {
			return
		}
		if notConfigurable[f.Name] {
			// A variable may be inherited without the user knowing: say
			// that it is ignored, and why.
			if getenv(env) != "" && f.Name != "help" && f.Name != "version" {
				s.Warn(msg.New("%s is ignored: --%s belongs to one calculation; give it on the command line", env, f.Name))
			}
			return
		}
		var val, from, origin string
		if e := getenv(env); e != "" {
			val, from = e, env
			origin = env + "=" + e
		} else if v.IsSet(f.Name) {
			val, from = fmt.Sprint(v.Get(f.Name)), "config file "+path
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
	return origins, ferr
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
