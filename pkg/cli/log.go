package cli

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/journal"
	"github.com/mgcalc/mgcalc/pkg/journal/store"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/render"
	"github.com/mgcalc/mgcalc/pkg/stack"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// logOptions are the options of `log`.
type logOptions struct {
	IO      *IO
	Root    *rootOptions
	Person  personOptions
	Journal journalOptions
	// Products are read exactly as total reads them.
	Products totalOptions

	At, On, Gut, Note, Med string
	Force                  bool
}

// maxNote bounds --note and --med: a note, not a diary page.
const (
	maxNote    = 500
	maxMedName = 100
)

func newLogCmd(s *IO, root *rootOptions) *cobra.Command {
	o := &logOptions{IO: s, Root: root}
	o.Products = totalOptions{IO: s, Root: root}
	cmd := &cobra.Command{
		Use:   "log [FORM[:VARIANT]:AMOUNT[xN]...]",
		Short: logShort(s.P),
		Long: s.P.Help("log.long", `Writes an entry in your journal: the magnesium you took (items exactly as
'mgcalc total' takes them: FORM:AMOUNT with xN for N units, magnesium:AMOUNT
for a product whose label gives only its magnesium, --stack, --csv and
--label files), a medicine (--med), how your gut took it (--gut) and a note.
Each product is stored as it was computed when logged (form, variant, Mg
share, elemental mg, the upper limit that applied), so a later fix to the
tables never rewrites what you logged. 'mgcalc today' then says what is
still due, and 'mgcalc journal' shows what was taken.

The time is now, unless --at HH:MM (today) or --on DATE (YYYY-MM-DD, today,
yesterday; with --at, at that time, else at the time of day it is now)
say when: entries may be logged afterwards, never ahead. The same entry
logged again within a minute is refused as a double; --force keeps it.

--gut ok, loose, cramps or nausea (goed, dun, buikkrampen, misselijk): a
loose, cramping or nauseous day is a bad gut day: it keeps its own dose,
and the plan steps back from the next day on (see 'mgcalc today'). --med NAME logs a medicine by its
generic, brand or Dutch name: one the plan's interaction table knows gets
its spacing from magnesium (levothyroxine at 07:10 with a 4 h rule: no
magnesium before 11:10), and a magnesium dose logged inside such a window
is flagged. Another name is logged as typed.

The journal is $XDG_DATA_HOME/mgcalc/journal.db (else
~/.local/share/mgcalc/journal.db); --journal FILE, MGCALC_JOURNAL or
journal: in the config file name another.

Exit status: 0 logged, 1 a journal that cannot be opened (in use for more
than 2 s, or not a journal) or a broken stack file, 2 bad arguments or a
double, 3 logged, and the magnesium logged on that day is above the upper
limit (as 'mgcalc total' and 'mgcalc today').`),
		Example: s.P.Help("log.example", `  mgcalc log bisglycinate:500x2
  mgcalc log citrate:500 --at 08:30
  mgcalc log citrate:500 --on yesterday --at 21:30
  mgcalc log --med levothyroxine --at 07:10
  mgcalc log --gut loose --note "after the evening dose"
  mgcalc log --stack my-supplements.yaml
  mgcalc log magnesium:100 --label etiket.txt
  mgcalc log glycinaat:500 --gut dun --lang nl`),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Products.Items = args
			o.Person.read(cmd)
			if err := csvOnly(cmd, len(o.Products.CSVs) > 0, "delimiter"); err != nil {
				return err
			}
			if len(args) == 0 && len(o.Products.Stacks) == 0 && len(o.Products.CSVs) == 0 && len(o.Products.Labels) == 0 &&
				o.Med == "" && o.Gut == "" && o.Note == "" {
				return usageError(msg.Errorf("nothing to log").
					WithHint("give FORM:AMOUNT items (citrate:500, magnesium:100), --label FILE, --med NAME, --gut ok|loose|cramps|nausea or --note TEXT"))
			}
			return runLog(o)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.Products.Stacks, "stack", nil, s.P.Help("log.flag.stack", "YAML `file` listing the products taken (- for stdin); repeat for several files"))
	f.StringArrayVar(&o.Products.CSVs, "csv", nil, s.P.Help("log.flag.csv", "the products as a CSV `file` with a header of stack fields (form, amount, per_day, …); repeatable"))
	delimiterFlag(cmd, s.P, &o.Products.Delimiter)
	f.StringArrayVar(&o.Products.Labels, "label", nil, s.P.Help("log.flag.label", "a label's text `file`, read as 'mgcalc label' reads it (- for stdin); repeatable"))
	f.StringVar(&o.At, "at", "", s.P.Help("log.flag.at", "the time it was taken, HH:MM (default: now)"))
	f.StringVar(&o.On, "on", "", s.P.Help("log.flag.on", "the day it was taken: YYYY-MM-DD, today or yesterday (default: today)"))
	f.StringVar(&o.Gut, "gut", "", s.P.Help("log.flag.gut", "how your gut took it: ok, loose, cramps or nausea"))
	f.StringVar(&o.Note, "note", "", s.P.Help("log.flag.note", "a note to keep with the entry"))
	f.StringVar(&o.Med, "med", "", s.P.Help("log.flag.med", "a medicine taken at this time (generic, brand or Dutch name)"))
	f.BoolVar(&o.Force, "force", false, s.P.Help("log.flag.force", "log it even if the same entry was logged less than a minute before"))
	o.Journal.addFlag(f, s.P)
	outputFlag(cmd, root, s.P, valueOutput)
	o.Person.addFlags(cmd, false, s.P)
	// --at, --on, --gut, --note and --med describe one entry: never
	// inherited (log's --gut is how the gut took a dose; plan's --gut, a
	// standing setting, shares only its name)
	oneRun(f, "force")
	cmd.ValidArgsFunction = completeItems
	_ = cmd.RegisterFlagCompletionFunc("gut", fixedCompletion("ok", "loose", "cramps", "nausea"))
	_ = cmd.RegisterFlagCompletionFunc("on", fixedCompletion("today", "yesterday"))
	return cmd
}

// when reads --on and --at: the moment the entry is for, in now's
// location. It is never ahead of now (by more than a minute of clock
// drift between a watch and the computer).
func (o *logOptions) when(now time.Time) (time.Time, error) {
	loc := now.Location()
	day := journal.Day(now)
	if o.On != "" {
		d, err := parseDay(o.On, "--on", now)
		if err != nil {
			return time.Time{}, err
		}
		day = d
	}
	at := time.Date(day.Year(), day.Month(), day.Day(), now.Hour(), now.Minute(), now.Second(), 0, loc)
	if o.At != "" {
		c, err := clock(o.At, "--at")
		if err != nil {
			return time.Time{}, err
		}
		at = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc).Add(c)
	}
	if at.After(now.Add(time.Minute)) {
		return time.Time{}, usageError(msg.Errorf("%s %s is in the future: log what was taken, not what will be", at.Format(time.DateOnly), at.Format("15:04")).
			WithHint("'mgcalc today' shows what is still due"))
	}
	return at, nil
}

// plainText refuses a note with characters no text may have (text.Plain:
// control characters, bidi overrides, bytes that are not UTF-8), and
// bounds its length.
func plainText(s, flag string, max int) error {
	var ce *text.CharError
	if err := text.Plain(s); errors.As(err, &ce) && ce.Invalid {
		return usageError(msg.Errorf("%s is not valid UTF-8", flag))
	} else if err != nil {
		return usageError(msg.Errorf("%s contains the control character U+%04X", flag, ce.Rune))
	}
	if utf8.RuneCountInString(s) > max {
		return usageError(msg.Errorf("%s is longer than %d characters", flag, max))
	}
	return nil
}

// runLog makes the entry, stores it and reports it.
func runLog(o *logOptions) error {
	s := o.IO
	now := s.Now()
	at, err := o.when(now)
	if err != nil {
		return err
	}
	e := &journal.Entry{At: at, LoggedAt: now, Note: strings.TrimSpace(o.Note)}
	if err := plainText(o.Note, "--note", maxNote); err != nil {
		return err
	}
	if o.Gut != "" {
		if e.Gut, err = journal.ParseGut(o.Gut); err != nil {
			return usageError(err)
		}
	}
	var warnings []*msg.Message
	if o.Med != "" {
		name := strings.TrimSpace(o.Med)
		if name == "" {
			return usageError(msg.Errorf("--med needs a name"))
		}
		if utf8.RuneCountInString(name) > maxMedName {
			return usageError(msg.Errorf("%s is longer than %d characters", "--med", maxMedName))
		}
		// a medicine is a name, matched by the one fold as plan --meds
		// matches it: a character it does not read is refused
		if err := nameError("--med", name); err != nil {
			return err
		}
		k, err := o.Root.tables.Plan()
		if err != nil {
			return dataError(err)
		}
		spacing, depleting, known := k.Medicine(name)
		e.Med = journal.MedOf(name, spacing, depleting, known)
		if mp := k.Product(name); mp != nil {
			// an antacid or laxative that is magnesium itself (as plan
			// --meds knows it): it counts, and is logged as magnesium
			e.Med = &journal.Med{Name: name, Class: mp.Key, ClassName: mp.Name, Known: true}
			ft, err := o.Root.tables.Forms()
			if err != nil {
				return dataError(err)
			}
			warnings = append(warnings, productWarning(mp, ft))
		} else if !known {
			warnings = append(warnings, msg.New("mgcalc does not know the medicine %q: ask your pharmacist whether it interacts with magnesium", name))
		}
		if spacing != nil && spacing.Interaction.Advice != nil && len(spacing.Interaction.Spacings) == 0 {
			// no spacing is given (levodopa with oxide) or none works
			// (raltegravir): the source's advice
			warnings = append(warnings, msg.New("%s: %s", spacing.Interaction.Name, spacing.Interaction.Advice.Text))
		}
		for _, d := range depleting {
			warnings = append(warnings, msg.New("%s: %s", d.Name, d.Advice.Text))
		}
	}
	items, inputs, err := readItems(&o.Products)
	if err != nil {
		return err
	}
	if len(o.Products.noMagnesium) > 0 && len(items) == 0 && e.Med == nil && e.Gut == "" && e.Note == "" {
		return usageError(msg.Errorf("%s: the label names no magnesium: nothing to log", o.Products.noMagnesium[0]).
			WithHint("log a product's magnesium as FORM:MG or magnesium:MG"))
	}
	o.Products.noMagnesiumWarnings()
	var k *plan.Knowledge
	if len(items) > 0 {
		// what each product's form is, for the medicines' rules that name
		// forms (the antacid salts), whichever is logged first
		if k, err = o.Root.tables.Plan(); err != nil {
			return dataError(err)
		}
	}
	for i, it := range items {
		tk := journal.TakenOf(it, inputs[i])
		tk.Is = k.NamedAs(it.Form)
		e.Items = append(e.Items, tk)
		if tk.Counted {
			e.ElementalMg += tk.ElementalMg
		}
		if it.Warning != nil {
			warnings = append(warnings, it.Warning)
		}
	}
	_, limit, err := o.Person.applied(o.Root.tables, o.Root.config)
	if err != nil {
		return err
	}
	if e.IsMagnesium() {
		e.Limit = journal.LimitOf(limit)
	}
	// The lock is held to write, and to read from the index the day's
	// magnesium and the medicines around: other writers wait for it.
	st, err := o.Journal.open(s, true)
	if err != nil {
		return err
	}
	path := st.Path()
	loc := at.Location()
	day := journal.DayIn(at, loc)
	from := time.Date(day.Year(), day.Month(), day.Day()-1, 0, 0, 0, 0, loc)
	var near []journal.Entry // the spaced medicines around, or the doses around a medicine
	dayMg := 0.0
	_, err = st.Add(e, o.Force)
	var briefs []store.Brief
	if err == nil {
		briefs, err = st.Briefs(from, from.AddDate(0, 0, 3))
	}
	if err == nil {
		var ids []uint64
		for _, b := range briefs {
			if b.Magnesium && journal.DayIn(b.At, loc) == day {
				dayMg += b.ElementalMg
			}
			if b.ID != e.ID && (e.IsMagnesium() && b.Spaced || e.Med.Spaced() && b.Magnesium) {
				ids = append(ids, b.ID)
			}
		}
		near, err = st.Get(ids)
	}
	if cerr := st.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return storeError(err)
	}
	var flags []journal.Flag
	if e.IsMagnesium() {
		flags = journal.FlagsFor(e, near)
	} else if e.Med.Spaced() {
		// a medicine logged after magnesium: the doses it now overlaps
		for i := range near {
			flags = append(flags, journal.FlagsFor(&near[i], []journal.Entry{*e})...)
		}
	}
	if err := o.Root.print(s, render.NewLogged(e, now, dayMg, limit, flags, warnings, path).WithSources(bibliography())); err != nil {
		return err
	}
	// the entry is kept; the day it falls on is above the limit, as
	// total and today say with exit 3 (pkg/limits decides)
	if limit.Check(dayMg).Over {
		return errOverLimit
	}
	return nil
}

// todaysItems are the products logged today, for total --today: each as
// it was logged (amount, units, label or assay), converted with the form
// table of this run (the journal keeps what was computed then; the two
// differ only after a fix to the tables), named with the time logged.
func todaysItems(o *totalOptions, t *forms.Table) ([]stack.Item, error) {
	st, err := o.Journal.open(o.IO, false)
	if err != nil || st == nil {
		return nil, err
	}
	now := o.IO.Now()
	day := journal.Day(now)
	from := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, now.Location())
	entries, err := st.Entries(from, from.AddDate(0, 0, 1))
	st.Close()
	if err != nil {
		return nil, storeError(err)
	}
	var out []stack.Item
	for _, e := range entries {
		for _, tk := range e.Items {
			f, v, err := tk.FormRef(t)
			if err != nil {
				return nil, dataError(err)
			}
			route := stack.Oral
			if tk.Route == string(stack.Skin) {
				route = stack.Skin
			}
			// the time goes after the name (Item.Label): no words, so
			// JSON is the same in every language, and the name is the
			// form's in the reader's language where it was typed as one
			at := e.At.In(now.Location()).Format("15:04")
			out = append(out, stack.Item{Name: tk.Name, At: at, Form: f, Variant: v, UnitMg: tk.UnitMg, PerDay: tk.PerDay,
				StatedMg: tk.StatedMg, AssayPercent: tk.AssayPercent, Route: route})
		}
	}
	switch {
	case len(entries) == 0:
		o.IO.Warn(msg.New("nothing was logged today"))
	case len(out) == 0:
		// a medicine, a gut word, a note: no magnesium
		o.IO.Warn(msg.New("no magnesium was logged today"))
	}
	return out, nil
}

// logShort is the command's one-line help: the full command and the stub
// lazyCmd puts in its place share it.
func logShort(p msg.Printer) string {
	return p.Help("log.short", "Write down what you took, a medicine, or how your gut took it")
}

// productWarning says that a medicine is magnesium that counts, and how
// to log the magnesium it holds. The form's key is only in the FORM:MG
// syntax; the prose names the salt (a data text: Dutch in Dutch).
func productWarning(mp *plan.MgProduct, t *forms.Table) *msg.Message {
	if f := t.Lookup(mp.Form); mp.Form != "" && f != nil {
		return msg.New("%s is magnesium too: %s. It counts toward the same upper limit: log the magnesium it holds as %s:MG (its %s per dose) or magnesium:MG (the magnesium its label states)",
			mp.Name, mp.Fact.Text, mp.Form, f.Name)
	}
	return msg.New("%s: %s. What it holds counts toward the same upper limit: log it as FORM:MG or magnesium:MG from the label", mp.Name, mp.Fact.Text)
}
