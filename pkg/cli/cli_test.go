package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mgcalc/mgcalc/pkg/render"
)

func runWith(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string { return env[k] }
	code = run(args, strings.NewReader(""), &out, &errb, getenv)
	return out.String(), errb.String(), code
}

// flag > MGCALC_ environment > config file > default, for every option.
func TestPrecedence(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "mgcalc"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "mgcalc", "config.yaml")
	if err := os.WriteFile(cfg, []byte("authority: efsa\noutput: value\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"XDG_CONFIG_HOME": dir}
	cases := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"default", map[string]string{}, []string{"limits", "-o", "value"}, "350\n"},
		{"config", env, []string{"limits"}, "250\n"},
		{"env over config", map[string]string{"XDG_CONFIG_HOME": dir, "MGCALC_AUTHORITY": "evm"}, []string{"limits"}, "400\n"},
		{"flag over env", map[string]string{"XDG_CONFIG_HOME": dir, "MGCALC_AUTHORITY": "evm"}, []string{"limits", "--authority", "nih"}, "350\n"},
		{"explicit config", map[string]string{"MGCALC_CONFIG": cfg}, []string{"limits"}, "250\n"},
		{"age from env", map[string]string{"MGCALC_AGE": "6"}, []string{"limits", "-o", "value"}, "110\n"},
	}
	for _, c := range cases {
		out, errs, code := runWith(t, c.env, c.args...)
		if code != 0 || out != c.want {
			t.Errorf("%s: got %q (exit %d, stderr %q), want %q", c.name, out, code, errs, c.want)
		}
	}
}

// Every command's flags parse without collision, and every command has
// --help with examples and an exit-status section where it does anything.
func TestEveryCommandHelp(t *testing.T) {
	root := newRootCmd(newIO(nil, &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }))
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		shorthands := map[string]string{}
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if f.Shorthand == "" {
				return
			}
			if other, dup := shorthands[f.Shorthand]; dup {
				t.Errorf("%s: -%s is both --%s and --%s", c.CommandPath(), f.Shorthand, other, f.Name)
			}
			shorthands[f.Shorthand] = f.Name
		})
		if c.Runnable() && c.Example == "" {
			t.Errorf("%s has no examples in --help", c.CommandPath())
		}
		if c.Runnable() && !strings.Contains(c.Long, "Exit status") {
			t.Errorf("%s --help has no \"Exit status\" section", c.CommandPath())
		}
		args := append(strings.Fields(c.CommandPath())[1:], "--help")
		out, errs, code := runWith(t, nil, args...)
		if code != 0 || !strings.Contains(out, "Usage:") || errs != "" {
			t.Errorf("%s --help: exit %d, stderr %q", c.CommandPath(), code, errs)
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// An error prints nothing on stdout, even when the command had begun.
func TestNothingOnStdoutOnError(t *testing.T) {
	out, errs, code := runWith(t, nil, "forms", "-o", "value")
	if code != ExitUsage || out != "" || !strings.HasPrefix(errs, "mgcalc: error: ") {
		t.Errorf("got exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// Options that describe one invocation never come from a file or the
// environment: a silently inherited --assay or --count would change a dose.
func TestPerInvocationOptionsNotInherited(t *testing.T) {
	env := map[string]string{"MGCALC_ASSAY": "14.5", "MGCALC_COUNT": "3", "MGCALC_DIET": "100", "MGCALC_STACK": "x.yaml"}
	out, errs, code := runWith(t, env, "elemental", "oxide", "500", "-o", "value")
	if code != 0 || out != "301.5\n" {
		t.Errorf("got %q (exit %d, %q), want 301.5", out, code, errs)
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(cfg, []byte("assay: 14.5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code = runWith(t, map[string]string{"MGCALC_CONFIG": cfg}, "elemental", "oxide", "500")
	if code != ExitError || !strings.Contains(errs, `"assay" cannot be set in a config file`) {
		t.Errorf("assay in a config file: exit %d, %q", code, errs)
	}
}

// A bug that panics becomes exit 1 and one line on stderr, never a Go
// stack trace (exit 2, which is also a usage error's code).
func TestPanicIsExit1(t *testing.T) {
	var out, errb bytes.Buffer
	code := runTree(nil, strings.NewReader(""), &out, &errb, func(string) string { return "" }, func(*IO) *cobra.Command {
		return &cobra.Command{Use: "mgcalc", RunE: func(*cobra.Command, []string) error { panic("boom") }}
	})
	if code != ExitError || out.Len() != 0 || errb.String() != "mgcalc: error: internal error: boom (please report this as a bug)\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
}

// An error nothing classified is exit 1, not 2.
func TestUnclassifiedErrorIsExit1(t *testing.T) {
	var out, errb bytes.Buffer
	code := runTree(nil, strings.NewReader(""), &out, &errb, func(string) string { return "" }, func(*IO) *cobra.Command {
		return &cobra.Command{Use: "mgcalc", SilenceErrors: true, SilenceUsage: true,
			RunE: func(*cobra.Command, []string) error { return errors.New("disk on fire") }}
	})
	if code != ExitError || errb.String() != "mgcalc: error: disk on fire\n" {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}

// Streamed output reaches stdout line by line and stays written when the
// command then fails; the one-shot buffer is dropped on error.
func TestStreamKeepsWhatWasWritten(t *testing.T) {
	var out, errb bytes.Buffer
	code := runTree(nil, strings.NewReader(""), &out, &errb, func(string) string { return "" }, func(s *IO) *cobra.Command {
		return &cobra.Command{Use: "mgcalc", SilenceErrors: true, SilenceUsage: true,
			RunE: func(*cobra.Command, []string) error {
				w := s.Stream()
				w.WriteString("row 1\n")
				s.Out.WriteString("report\n")
				return dataError(errors.New("line 2: broken"))
			}}
	})
	if code != ExitError || out.String() != "row 1\n" || !strings.Contains(errb.String(), "line 2: broken") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
}

// Every format a command lists works, and every other is refused with one
// error naming the command's formats: the list in --help, completion and
// the error is the report's own.
func TestEveryFormatListed(t *testing.T) {
	// a journal with a plan saved a week ago (for the adherence -o value
	// prints), and its backup
	dir := t.TempDir()
	j, backup := filepath.Join(dir, "journal.db"), filepath.Join(dir, "backup.db")
	start := time.Now().AddDate(0, 0, -7).Format(time.DateOnly)
	for _, argv := range [][]string{{"plan", "--goal", "sleep", "--start", start, "--save", "--journal", j}, {"journal", "backup", backup, "--journal", j}} {
		if _, errs, code := runWith(t, nil, argv...); code != ExitOK {
			t.Fatalf("%v: exit %d, %s", argv, code, errs)
		}
	}
	// log's sample is a small dose: the samples of every format add up
	// within the limit (log exits 3 above it)
	samples := map[string][]string{
		"mgcalc elemental":        {"citrate", "500"},
		"mgcalc compound":         {"citrate", "100"},
		"mgcalc check":            {"glycinate", "500", "--stated", "70"},
		"mgcalc total":            {"citrate:500"},
		"mgcalc forms show":       {"citrate"},
		"mgcalc plan":             {"--goal", "sleep", "--start", "2026-01-01"},
		"mgcalc label":            {"--text", "Magnesium (as magnesium citrate) 200 mg"},
		"mgcalc log":              {"citrate:100", "--force", "--journal", filepath.Join(dir, "log.db")},
		"mgcalc today":            {"--journal", j},
		"mgcalc journal":          {"--journal", j},
		"mgcalc journal backup":   {backup, "--force", "--journal", j},
		"mgcalc journal restore":  {backup, "--force", "--journal", j},
		"mgcalc journal doctor":   {"--journal", j},
		"mgcalc journal delete":   {"--all", "--journal", j},
		"mgcalc config init":      {"--print"},
		"mgcalc limits":           nil,
		"mgcalc forms":            nil,
		"mgcalc plan goals":       nil,
		"mgcalc config show":      nil,
		"mgcalc version":          nil,
		"mgcalc completion":       nil, // no -o
		"mgcalc config":           nil,
		"mgcalc":                  nil,
		"mgcalc help":             nil,
		"mgcalc __complete":       nil,
		"mgcalc __completeNoDesc": nil,
	}
	root := Command()
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		args, ok := samples[c.CommandPath()]
		if !ok {
			t.Errorf("%s: add sample arguments to this test", c.CommandPath())
		}
		listed := commandFormats(c)
		if c.Flags().Lookup("output") != nil && listed == nil {
			t.Errorf("%s has -o but declares no formats", c.CommandPath())
		}
		for _, f := range listed {
			argv := append(append(strings.Fields(c.CommandPath())[1:], args...), "-o", string(f))
			out, errs, code := runWith(t, nil, argv...)
			if code != ExitOK || out == "" {
				t.Errorf("%v: exit %d, %d bytes, %q", argv, code, len(out), errs)
			}
		}
		for _, f := range render.Formats {
			if listed == nil || slices.Contains(listed, f) {
				continue
			}
			argv := append(append(strings.Fields(c.CommandPath())[1:], args...), "-o", string(f))
			out, errs, code := runWith(t, nil, argv...)
			want := "mgcalc: error: -o " + string(f) + " is not available for " + c.CommandPath() + "\n"
			if code != ExitUsage || out != "" || !strings.HasPrefix(errs, want) || strings.Count(errs, "mgcalc: error:") != 1 {
				t.Errorf("%v: exit %d, stdout %q, stderr %q", argv, code, out, errs)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// Every command whose arguments name a file refuses an empty name as a
// usage error naming the argument (fileArgHint), as every file flag does: a
// new command with a FILE argument must be added there (config init
// refuses its PATH itself).
func TestEveryFileArgumentRefusesEmpty(t *testing.T) {
	root := newRootCmd(newIO(nil, &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }))
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		args := c.Use
		if i := strings.Index(args, " --"); i >= 0 {
			args = args[:i] // the flags' FILE is emptyFileName's other half
		}
		_, listed := fileArgHint(c.CommandPath())
		if strings.Contains(args, "FILE") && !listed {
			t.Errorf("%s takes a FILE argument but is not in fileArgHint", c.CommandPath())
		}
		if listed && !strings.Contains(args, "FILE") {
			t.Errorf("fileArgHint lists %s, whose usage names no FILE", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
