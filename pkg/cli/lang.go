package cli

import (
	"strings"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// The language of everything mgcalc prints for people is chosen before
// the command tree is built, so that the help, the usage headings and the
// flag descriptions are in it too. In order:
//
//  1. --lang on the command line;
//  2. MGCALC_LANG;
//  3. lang: in the config file;
//  4. the locale: the first of LC_ALL, LC_MESSAGES and LANG that is set
//     (nl_NL.UTF-8 and nl_BE are Dutch);
//  5. English.
//
// An invalid value in 1-3 prints in English: the flag, variable or file
// is then reported as any other bad value is (the flag and variable a
// usage error, exit 2; the file a data error, exit 1). A locale mgcalc has
// no catalogue for (de_DE, C, POSIX) is English, not an error. Machine
// output (-o json, yaml, tsv, csv, jsonl, value, md, fhir and batch rows)
// never depends on the language.

// langValue is the --lang flag: en or nl, checked when set (from the
// command line, MGCALC_LANG or the config file alike). Its default is
// empty: the locale decides.
type langValue struct{ p *string }

func (v langValue) String() string { return *v.p }
func (v langValue) Type() string   { return "lang" }
func (v langValue) Set(s string) error {
	l, ok := msg.ParseLang(s)
	if !ok {
		return msg.Errorf("must be en or nl").WithHint("give --lang en or --lang nl")
	}
	*v.p = string(l)
	return nil
}

// startSettings reads what must be known before the tree exists: the
// config file, read and parsed once for the whole run, and the language.
// It scans the arguments for --lang and --config as pflag will read them
// (pflag then checks the values).
func startSettings(args []string, getenv func(string) string) (msg.Lang, *configFile) {
	flagLang, flagSet, configFlag := scanArgs(args)
	cfg := readConfigFile(getenv, configFlag)
	return chooseLang(flagLang, flagSet, cfg, getenv), cfg
}

// chooseLang decides the language: the flag, else the one rule of every
// standing setting (MGCALC_LANG, else the file's lang), else the locale.
func chooseLang(flagLang string, flagSet bool, cfg *configFile, getenv func(string) string) msg.Lang {
	v, ok := flagLang, flagSet
	if !ok {
		v, _, ok = cfg.lookup(getenv, "lang")
	}
	if !ok {
		return localeLang(getenv)
	}
	l, ok := msg.ParseLang(v)
	if !ok {
		return msg.English // reported by the flag, variable or file, in English
	}
	return l
}

// scanArgs finds the last --lang and --config on the command line, up to
// "--" (after it every word is an argument). The language is needed before
// the flags are parsed; pflag then checks the value.
func scanArgs(args []string) (lang string, langSet bool, config string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		for _, name := range []string{"lang", "config"} {
			var val string
			var found bool
			if v, ok := strings.CutPrefix(a, "--"+name+"="); ok {
				val, found = v, true
			} else if a == "--"+name && i+1 < len(args) {
				val, found = args[i+1], true
				i++
			}
			if !found {
				continue
			}
			if name == "lang" {
				lang, langSet = val, true
			} else {
				config = val
			}
			break
		}
	}
	return lang, langSet, config
}

// localeLang is the language of the locale: the first of LC_ALL,
// LC_MESSAGES and LANG that is set decides, as POSIX says; English when
// mgcalc has no catalogue for it.
func localeLang(getenv func(string) string) msg.Lang {
	l, _ := localeSource(getenv)
	return l
}

// localeSource is localeLang with the variable that decided ("" when
// none is set).
func localeSource(getenv func(string) string) (msg.Lang, string) {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc := getenv(v); loc != "" {
			if l, ok := msg.ParseLang(loc); ok {
				return l, v
			}
			return msg.English, v
		}
	}
	return msg.English, ""
}
