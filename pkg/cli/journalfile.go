package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/mgcalc/mgcalc/pkg/journal"
	"github.com/mgcalc/mgcalc/pkg/journal/store"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// MainAt is Main with another clock: the testscripts run the journey of a
// plan day by day with it (nil: the system clock, in the local zone, as
// Main). mgcalc itself always reads the system clock.
func MainAt(args []string, stdin io.Reader, stdout, stderr io.Writer, now func() time.Time) int {
	return runTree(args, stdin, stdout, stderr, os.Getenv, func(s *IO) *cobra.Command {
		s.environ, s.lookupEnv = os.Environ, os.LookupEnv
		if now != nil {
			s.Now = now
		}
		return newRootCmd(s)
	})
}

// journalOptions is --journal: where the journal is, a standing setting.
type journalOptions struct {
	Path string
}

func (o *journalOptions) addFlag(fs *pflag.FlagSet, p msg.Printer) {
	fs.StringVar(&o.Path, "journal", "", p.Help("journal.flag.journal", "the journal `file` (default $XDG_DATA_HOME/mgcalc/journal.db)"))
	standing(fs, "journal")
}

// path is the journal's file: --journal (or MGCALC_JOURNAL, or journal:
// in the config file), else $XDG_DATA_HOME/mgcalc/journal.db, else
// ~/.local/share/mgcalc/journal.db. makeDir is true for the default
// location, whose folder mgcalc creates (0700).
func (o *journalOptions) path(s *IO) (path string, makeDir bool, err error) {
	if o.Path != "" {
		return o.Path, false, nil
	}
	// the XDG spec says a relative path is invalid and to be ignored
	if dir := s.Getenv("XDG_DATA_HOME"); dir != "" && filepath.IsAbs(dir) {
		return filepath.Join(dir, "mgcalc", "journal.db"), true, nil
	}
	if home := s.Getenv("HOME"); home != "" {
		return filepath.Join(home, ".local", "share", "mgcalc", "journal.db"), true, nil
	}
	return "", false, dataError(msg.Errorf("no place for the journal: neither XDG_DATA_HOME nor HOME is set").
		WithHint("name a file with --journal FILE"))
}

// open opens the journal for reading or writing. For reading, a journal
// that does not exist yet is (nil, nil): nothing was logged.
func (o *journalOptions) open(s *IO, write bool) (*store.Store, error) {
	path, makeDir, err := o.path(s)
	if err != nil {
		return nil, err
	}
	st, err := store.Open(path, store.Options{Write: write, MakeDir: makeDir})
	if errors.Is(err, store.ErrNoJournal) {
		return nil, nil
	}
	if err != nil {
		return nil, storeError(err)
	}
	return st, nil
}

// storeError gives a store error its exit code: a double or an active
// plan is the caller's (2, with --force as the way out); a refused,
// locked or failing journal is 1.
func storeError(err error) error {
	var se *store.Error
	if errors.As(err, &se) {
		switch se.Kind {
		case store.Double, store.ActivePlan:
			return usageError(se.Msg)
		}
		return dataError(se.Msg)
	}
	return dataError(err)
}

// stdinTTY reports whether a person can be asked: stdin is a terminal.
func (s *IO) stdinTTY() bool {
	f, ok := s.In.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// confirm asks a yes/no question on stderr and reads the answer from a
// terminal stdin; anything but yes (y, or ja in Dutch: msg.Word) is no.
func (s *IO) confirm(q *msg.Message) bool {
	io.WriteString(s.ErrOut, s.P.Message(q)+" [y/N] ")
	var b [64]byte
	n, _ := s.In.Read(b[:])
	a, err := text.Fold(string(b[:n]))
	if en, ok := msg.Word("answer", a); ok {
		a = en
	}
	return err == nil && (a == "y" || a == "yes")
}

// dayWords are the words --on, --from and --to take for a date; the
// Dutch (vandaag, gisteren, eergisteren) are in data/i18n/nl.words.yaml.
func dayWords(w string) (int, bool) {
	switch w {
	case "today":
		return 0, true
	case "yesterday":
		return -1, true
	case "daybeforeyesterday":
		return -2, true
	}
	return 0, false
}

// parseDay reads a date: YYYY-MM-DD, today or yesterday (vandaag,
// gisteren), as a date at UTC midnight.
func parseDay(s, flag string, now time.Time) (time.Time, error) {
	w, _ := text.Fold(s)
	if en, ok := msg.Word("day", w); ok {
		w = en
	}
	if off, ok := dayWords(w); ok && w != "" {
		y, m, d := now.Date()
		return time.Date(y, m, d+off, 0, 0, 0, 0, time.UTC), nil
	}
	d, err := time.Parse(time.DateOnly, typedDigits(s))
	if err != nil {
		return time.Time{}, usageError(msg.Errorf("%s %q is not a date", flag, text.Clip(s)).
			WithHint("write it as YYYY-MM-DD, such as 2026-12-01, or today or yesterday"))
	}
	if d.Year() < 2000 || d.Year() > 2200 {
		return time.Time{}, usageError(msg.Errorf("%s %q is not a plausible date", flag, s))
	}
	return d, nil
}

// lazyCmd is the command name, built in full only when the command line
// may run it or show its help (buildsAll, mayRun): a call of one command
// does not pay for building the others with their flags and help texts.
// In its place stands a stub with the same name, for the root's
// suggestions; the root's help and the help command build the whole tree
// (buildsAll). The settings index builds the commands left out for itself
// when a setting may be theirs (settingsIndex.complete). With no command
// line known (the documentation, tests) every command is built in full.
// last marks the commands the settings index visits after the others
// (the journal's): the list of standing settings keeps its order whether
// they were built or not.
func lazyCmd(s *IO, root *rootOptions, name string, last bool, build func(*rootOptions) *cobra.Command) *cobra.Command {
	if build != nil && (s.args == nil || buildsAll(s.args) || mayRun(s.args, name)) {
		cmd := build(root)
		if last {
			// a copy: outputFlag may have given the command a shared map
			a := map[string]string{lazyAnnotation: "true"}
			for k, v := range cmd.Annotations {
				a[k] = v
			}
			cmd.Annotations = a
		}
		return cmd
	}
	if root.lazy == nil {
		root.lazy = map[string]func(*rootOptions) *cobra.Command{}
	}
	root.lazy[name] = build
	stubOnce.Do(func() {
		stubAnnotations = map[string]string{stubAnnotation: "true"}
		lastStubAnnotations = map[string]string{stubAnnotation: "true", lazyAnnotation: "true"}
	})
	a := stubAnnotations
	if last {
		a = lastStubAnnotations
	}
	return &cobra.Command{Use: name, Args: cobra.ArbitraryArgs, Annotations: a,
		RunE: func(*cobra.Command, []string) error {
			return fmt.Errorf("internal: the stub of %s ran", name)
		}}
}

// lazyAnnotation marks the commands the settings index visits last (the
// journal's), built or not, so that its list of standing settings is the
// same whether they were built or not; stubAnnotation marks a stub.
const (
	lazyAnnotation = "mgcalc/lazy"
	stubAnnotation = "mgcalc/stub"
)

// The stubs share their annotations, made on first use.
var (
	stubOnce                             sync.Once
	stubAnnotations, lastStubAnnotations map[string]string
)

// buildsAll reports whether a command line needs the whole tree: no
// command (the root's help), help, completion, or config, which lists the
// standing settings of every command. A word is read as one of these
// wherever it stands (a flag's value too): rather built once too often
// than missing.
func buildsAll(args []string) bool {
	if len(args) == 0 {
		return true
	}
	for _, a := range args {
		switch a {
		case "help", "-h", "--help", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd, "completion", "config":
			return true
		}
	}
	return false
}

// mayRun reports whether a command line may run command name: it names it
// anywhere (a flag's value too: rather built once too often than
// missing).
func mayRun(args []string, name string) bool {
	for _, a := range args {
		if a == name {
			return true
		}
	}
	return false
}

// readToday reads what today needs: the active plan, the days' logs since
// its start (from the index), and the entries of today and yesterday (a
// late medicine reaches into today). No journal yet is no plan and no
// entries. The journal is closed at once: a reader holds writers back.
func (o *journalOptions) readToday(s *IO, now time.Time) (*journal.Plan, journal.Logs, []journal.Entry, error) {
	st, err := o.open(s, false)
	if err != nil || st == nil {
		return nil, journal.Logs{}, nil, err
	}
	defer st.Close()
	loc := now.Location()
	yesterday := time.Date(now.Year(), now.Month(), now.Day()-1, 0, 0, 0, 0, loc)
	tomorrow := yesterday.AddDate(0, 0, 2)
	p, err := st.ActivePlan()
	if err != nil {
		return nil, nil, nil, storeError(err)
	}
	if today := journal.Day(now); p != nil && p.Start.After(today) {
		// the active plan starts later: the one it replaces still runs
		plans, err := st.Plans()
		if err != nil {
			return nil, nil, nil, storeError(err)
		}
		for i := range plans {
			if plans[i].ID != p.ID && plans[i].Covers(today) {
				p = &plans[i]
			}
		}
	}
	from := yesterday
	if p != nil && p.Start.Before(from) {
		from = time.Date(p.Start.Year(), p.Start.Month(), p.Start.Day(), 0, 0, 0, 0, loc)
	}
	logs, err := st.DayLogs(from, tomorrow, loc)
	if err != nil {
		return nil, nil, nil, storeError(err)
	}
	entries, err := st.Entries(yesterday, tomorrow)
	if err != nil {
		return nil, nil, nil, storeError(err)
	}
	return p, logs, entries, nil
}
