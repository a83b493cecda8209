package cli

import (
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/journal"
	"github.com/mgcalc/mgcalc/pkg/journal/store"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// journalCmdOptions are the options of `journal` and its subcommands.
type journalCmdOptions struct {
	IO       *IO
	Root     *rootOptions
	Person   personOptions
	Journal  journalOptions
	From, To string
	Force    bool
	Fix, All bool
}

func newJournalCmd(s *IO, root *rootOptions) *cobra.Command {
	o := &journalCmdOptions{IO: s, Root: root}
	cmd := &cobra.Command{
		Use:   "journal",
		Short: journalShort(s.P),
		Long: s.P.Help("journal.long", `The journal between two dates: each day's dose from your saved plan against
what you logged, as one bar a day (the upper limit as a line, bad gut days
and missed days marked), then every entry. Adherence is the planned doses
logged ÷ the doses planned, counted from the plan's start to yesterday.

--from and --to take YYYY-MM-DD, today or yesterday; --from defaults to the
active plan's start (else 28 days ago), --to to today.

-o json, yaml carry the days, the entries as logged (what was computed
then: form, variant, Mg share, elemental mg, the limit that applied), the
adherence and the loop's rules; -o value the adherence as a fraction (0.636
is 63.6 %; exit 1 where no dose was planned); -o tsv and csv one row per entry; -o md a
one-page report for a doctor; -o fhir a FHIR R4 Bundle of
MedicationStatements (one per product and medicine taken). md and fhir
are English in every language.

The journal is a private file (0600 in a 0700 folder):
$XDG_DATA_HOME/mgcalc/journal.db, else ~/.local/share/mgcalc/journal.db,
or --journal FILE (MGCALC_JOURNAL, journal: in the config file). It holds
what you logged and your saved plans, nothing else, and never leaves your
machine. 'journal backup FILE' copies it, 'journal restore FILE' puts a
copy back, 'journal doctor' checks it (--fix repairs), 'journal delete
--all' empties it.

Exit status: 0, 1 a journal that cannot be opened (in use for more than
2 s, or not a journal) or -o value where no dose was planned, 2 bad
arguments.`),
		Example: s.P.Help("journal.example", `  mgcalc journal
  mgcalc journal --from 2026-12-01 -o csv > december.csv
  mgcalc journal --from 2026-12-01 -o md > for-my-doctor.md
  mgcalc journal -o fhir > statements.json
  mgcalc journal backup journal-2026-12.db
  mgcalc journal doctor`),
		Args: unknownCommand,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.Person.read(cmd)
			return runJournal(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.From, "from", "", s.P.Help("journal.flag.from", "first day, YYYY-MM-DD (default: the plan's start, else 28 days ago)"))
	f.StringVar(&o.To, "to", "", s.P.Help("journal.flag.to", "last day, YYYY-MM-DD (default: today)"))
	outputFlag(cmd, root, s.P, journalOutput)
	o.Person.addFlags(cmd, false, s.P)
	o.Journal.addFlag(cmd.PersistentFlags(), s.P)
	_ = cmd.RegisterFlagCompletionFunc("from", fixedCompletion("today", "yesterday"))
	_ = cmd.RegisterFlagCompletionFunc("to", fixedCompletion("today", "yesterday"))
	cmd.AddCommand(newJournalBackupCmd(o), newJournalRestoreCmd(o), newJournalDoctorCmd(o), newJournalDeleteCmd(o))
	return cmd
}

func runJournal(o *journalCmdOptions) error {
	now := o.IO.Now()
	_, limit, err := o.Person.applied(o.Root.tables, o.Root.config)
	if err != nil {
		return err
	}
	st, err := o.Journal.open(o.IO, false)
	if err != nil {
		return err
	}
	var plans []journal.Plan
	var active *journal.Plan
	if st != nil {
		defer st.Close() // closed early below, once read; Close twice is harmless
		if plans, err = st.Plans(); err != nil {
			return storeError(err)
		}
		if active, err = st.ActivePlan(); err != nil {
			return storeError(err)
		}
	}
	to := journal.Day(now)
	if o.To != "" {
		if to, err = parseDay(o.To, "--to", now); err != nil {
			return err
		}
	}
	from := to.AddDate(0, 0, -27)
	if active != nil && !active.Start.After(to) {
		from = active.Start
	}
	if o.From != "" {
		if from, err = parseDay(o.From, "--from", now); err != nil {
			return err
		}
	}
	if from.After(to) {
		return usageError(msg.Errorf("--from %s is after --to %s", from.Format(time.DateOnly), to.Format(time.DateOnly)))
	}
	if to.Sub(from) > 3700*24*time.Hour {
		return usageError(msg.Errorf("from %s to %s is more than ten years", from.Format(time.DateOnly), to.Format(time.DateOnly)))
	}
	var entries []journal.Entry
	logs := journal.Logs{}
	path, _, _ := o.Journal.path(o.IO)
	if st != nil {
		// the days' logs from the earliest plan's start (the loop replays
		// each plan) come from the index; the entries listed, from the
		// period only
		loc := now.Location()
		lo := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc)
		for _, p := range plans {
			if p.Start.Before(lo) && (p.Ended == nil || !p.Ended.Before(from)) {
				lo = time.Date(p.Start.Year(), p.Start.Month(), p.Start.Day(), 0, 0, 0, 0, loc)
			}
		}
		hi := time.Date(to.Year(), to.Month(), to.Day()+1, 0, 0, 0, 0, loc)
		logs, err = st.DayLogs(lo, hi, loc)
		if err == nil {
			entries, err = st.Entries(time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc), hi)
		}
		st.Close() // a reader holds writers back: read, then let go
		if err != nil {
			return storeError(err)
		}
	}
	per := journal.MakePeriodLogs(plans, logs, entries, now, from, to)
	// "No single value" is decided here, once, as limits does: the
	// adherence is the value, and a period with no dose planned has none.
	if _, ok := per.Adherence(); o.Root.format == render.Value && !ok {
		m := withOrigin(msg.Errorf("no dose was planned from %s to %s (up to yesterday), so -o value, the adherence, has nothing to print",
			from.Format(time.DateOnly), to.Format(time.DateOnly)), o.Root.config, "output")
		if m.Hint == nil {
			m.WithHint("save a plan with 'mgcalc plan --goal GOAL --save'; -o json shows the days and entries")
		}
		return dataError(m)
	}
	return o.Root.print(o.IO, render.NewJournal(per, now, limit, path))
}

func newJournalBackupCmd(o *journalCmdOptions) *cobra.Command {
	s := o.IO
	cmd := &cobra.Command{
		Use:   "backup FILE",
		Short: s.P.Help("journal.backup.short", "Copy the journal to a file"),
		Long: s.P.Help("journal.backup.long", `Writes a consistent copy of the journal to FILE (0600), through a temporary
file renamed into place; an existing FILE is replaced only with --force.
'mgcalc journal restore FILE' puts it back.

Exit status: 0, 1 a journal that cannot be opened or a file that cannot be
written, 2 bad arguments or an existing FILE without --force.`),
		Example: s.P.Help("journal.backup.example", `  mgcalc journal backup journal-2026-12.db`),
		Args:    argsUsage(1, msg.New("one FILE")),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.notTheJournal(args[0], "backup"); err != nil {
				return err
			}
			st, err := o.Journal.open(s, false)
			if err != nil {
				return err
			}
			if st == nil {
				return dataError(msg.Errorf("there is no journal yet: nothing was logged"))
			}
			defer st.Close()
			// through the one writer of named files: checked first, put in
			// place after the report
			if err := laterFile(s, args[0], o.Force, func(tmp *os.File) error {
				if err := tmp.Chmod(0o600); err != nil {
					return err
				}
				if _, err := st.WriteTo(tmp); err != nil {
					return err
				}
				return tmp.Sync()
			}); err != nil {
				return err
			}
			n, _, _ := st.Counts()
			return o.Root.print(s, render.NewDone("backup", st.Path(), args[0], &n, msg.Plural(float64(n), "backed up %d entry to %s", "backed up %d entries to %s", n, args[0])))
		},
	}
	cmd.Flags().BoolVar(&o.Force, "force", false, s.P.Help("journal.backup.flag.force", "replace an existing FILE"))
	oneRun(cmd.Flags(), "force")
	outputFlag(cmd, o.Root, s.P, listOutput)
	return cmd
}

// notTheJournal refuses a backup written onto the journal itself, or a
// restore from it: the same file by its path or, where both exist, by the
// file system (a link, another spelling of the path).
func (o *journalCmdOptions) notTheJournal(file, what string) error {
	path, _, err := o.Journal.path(o.IO)
	if err != nil {
		return err
	}
	same := filepath.Clean(file) == filepath.Clean(path)
	if a, err := filepath.Abs(file); err == nil {
		if b, err := filepath.Abs(path); err == nil && a == b {
			same = true
		}
	}
	if fi, err := os.Stat(file); err == nil {
		if ji, err := os.Stat(path); err == nil && os.SameFile(fi, ji) {
			same = true
		}
	}
	if !same {
		return nil
	}
	if what == "backup" {
		return usageError(msg.Errorf("%s is the journal itself: a backup goes to another file", text.Clip(file)).
			WithHint("give another FILE, such as journal-backup.db"))
	}
	return usageError(msg.Errorf("%s is the journal itself: there is nothing to restore from it", text.Clip(file)).
		WithHint("give the backup FILE that 'mgcalc journal backup' wrote"))
}

func newJournalRestoreCmd(o *journalCmdOptions) *cobra.Command {
	s := o.IO
	cmd := &cobra.Command{
		Use:   "restore FILE",
		Short: s.P.Help("journal.restore.short", "Replace the journal with a backup"),
		Long: s.P.Help("journal.restore.long", `Replaces the journal with the backup in FILE, after checking that FILE is an
mgcalc journal. A journal that holds entries or plans is replaced only with
--force: back it up first.

Exit status: 0, 1 a FILE that is not a journal or a journal that cannot be
opened, 2 bad arguments or a journal with entries without --force.`),
		Example: s.P.Help("journal.restore.example", `  mgcalc journal restore journal-2026-12.db --force`),
		Args:    argsUsage(1, msg.New("one FILE")),
		RunE: func(cmd *cobra.Command, args []string) error {
			path, makeDir, err := o.Journal.path(s)
			if err != nil {
				return err
			}
			if err := o.notTheJournal(args[0], "restore"); err != nil {
				return err
			}
			n, err := store.Restore(path, args[0], o.Force, makeDir)
			if err != nil {
				return storeError(err)
			}
			return o.Root.print(s, render.NewDone("restore", path, args[0], &n, msg.Plural(float64(n), "restored %d entry from %s", "restored %d entries from %s", n, args[0])))
		},
	}
	cmd.Flags().BoolVar(&o.Force, "force", false, s.P.Help("journal.restore.flag.force", "replace a journal that holds entries or plans"))
	oneRun(cmd.Flags(), "force")
	outputFlag(cmd, o.Root, s.P, listOutput)
	return cmd
}

func newJournalDoctorCmd(o *journalCmdOptions) *cobra.Command {
	s := o.IO
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: s.P.Help("journal.doctor.short", "Check the journal, and with --fix repair what can be repaired"),
		Long: s.P.Help("journal.doctor.long", `Checks the journal: that it is an mgcalc journal of a schema this mgcalc
reads, that only you can read it (0600), that the database is consistent
(every page reachable once), that every entry and plan reads, that the time
index matches the entries and the active plan exists, and that no temporary
file of an interrupted write is left. --fix removes leftovers, sets 0600,
rebuilds the index and clears a missing active plan. A file that is not an
mgcalc journal is reported and never touched.

Exit status: 0 healthy (after --fix: repaired), 1 a problem remains, 2 bad
arguments.`),
		Example: s.P.Help("journal.doctor.example", `  mgcalc journal doctor
  mgcalc journal doctor --fix`),
		Args: argsUsage(0, msg.New("no arguments")),
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, _, err := o.Journal.path(s)
			if err != nil {
				return err
			}
			checks, ok := store.Doctor(path, o.Fix)
			var out []render.DoctorCheck
			for _, c := range checks {
				out = append(out, render.DoctorCheck{Name: c.Name, OK: c.OK, Fixed: c.Fixed, Detail: c.Detail})
			}
			if err := o.Root.print(s, render.NewDoctor(path, ok, out)); err != nil {
				return err
			}
			if !ok {
				return errProblems
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&o.Fix, "fix", false, s.P.Help("journal.doctor.flag.fix", "repair what can be repaired"))
	outputFlag(cmd, o.Root, s.P, valueOutput)
	return cmd
}

// errProblems ends a doctor run that printed its report with exit 1.
var errProblems = &codeError{ExitError, errors.New("the journal has problems")}

func newJournalDeleteCmd(o *journalCmdOptions) *cobra.Command {
	s := o.IO
	cmd := &cobra.Command{
		Use:   "delete --all",
		Short: s.P.Help("journal.delete.short", "Delete every entry and plan in the journal"),
		Long: s.P.Help("journal.delete.long", `Replaces the journal with an empty one: every entry and every saved plan is
gone from the file. The file system frees the old blocks but does not wipe
them. Back up first if you may want it back.

Exit status: 0, 1 a journal that cannot be opened, 2 without --all.`),
		Example: s.P.Help("journal.delete.example", `  mgcalc journal backup before-delete.db && mgcalc journal delete --all`),
		Args:    argsUsage(0, msg.New("no arguments")),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !o.All {
				return usageError(msg.Errorf("journal delete needs --all").WithHint("mgcalc deletes the whole journal or nothing: give --all"))
			}
			path, _, err := o.Journal.path(s)
			if err != nil {
				return err
			}
			if err := store.DeleteAll(path); err != nil {
				return storeError(err)
			}
			return o.Root.print(s, render.NewDone("delete", path, "", nil, msg.New("deleted every entry and plan in %s", path)))
		},
	}
	cmd.Flags().BoolVar(&o.All, "all", false, s.P.Help("journal.delete.flag.all", "delete everything (required)"))
	outputFlag(cmd, o.Root, s.P, listOutput)
	return cmd
}

// journalShort is the command's one-line help: the full command and the stub
// lazyCmd puts in its place share it.
func journalShort(p msg.Printer) string {
	return p.Help("journal.short", "What was taken between two dates; back up, restore, check or delete the journal")
}
