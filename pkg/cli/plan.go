package cli

import (
	"errors"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/render"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// planOptions are the options of `plan`.
type planOptions struct {
	IO     *IO
	Root   *rootOptions
	Person personOptions

	Goal, Gut, Form, Kidney string
	target                  float64
	Target                  *float64
	capsule, capsuleEl      float64
	Capsule, CapsuleEl      *float64
	Half, Supervised        bool
	egfr                    float64
	EGFR                    *float64
	Conditions, Meds        []string
	With, Stacks            []string // other magnesium: FORM:AMOUNT items and stack files
	Explain                 bool
	UnitName                string
	Start                   string
	ICS                     string
	Force, Remind           bool
	outputGiven             bool // -o on the command line (not a standing setting)
	Morning, Evening        string
	now                     func() time.Time
	// the journal: --save keeps the plan as the active one, --show
	// prints it (planjournal.go)
	Save, Show bool
	Journal    journalOptions
}

func newPlanCmd(s *IO, root *rootOptions) *cobra.Command {
	o := &planOptions{IO: s, Root: root, now: func() time.Time { return s.Now() }}
	cmd := &cobra.Command{
		Use:   "plan --goal GOAL",
		Short: s.P.Help("plan.short", "A form for a goal and a titration schedule that stays under the upper limit"),
		Long: s.P.Help("plan.long", `Recommends a magnesium form for a goal (with how strong the evidence is) and
prints a titration schedule: start low, step up, split higher doses morning
and evening, never above the person's upper limit, evaluate, keep the lowest
dose that helps, step back on loose stools. 'mgcalc plan goals' lists the
goals, their forms and evidence grades.

Every rule says where its number comes from: a source, or mgcalc's own rule
where no source gives one (the step size, the dose above which to split, how
far to step back). mgcalc informs; it does not diagnose.

mgcalc refuses to print a schedule (exit 4, the reason on stderr, nothing on
stdout) with impaired kidneys (--kidney impaired, or --egfr below 30), heart
block, bradycardia or myasthenia gravis (--condition), for anyone under 18,
and for a target above the upper limit unless --supervised (then every output
says the plan is for medical supervision only). eGFR 30-60 is a warning.
In pregnancy and lactation the plan stays under the unchanged limit, with
advice to consult a midwife or doctor; L-threonate is excluded.

--meds names medicines or classes (generic, brand or Dutch names, comma
separated): each gets the spacing the sources give, with the times it fits
between the intakes; a medicine taken on waking (levothyroxine, alendronate)
moves the morning magnesium to midday; a medicine that lowers magnesium gets
"talk to your doctor"; an antacid or laxative that is itself magnesium
(Rennie, milk of magnesia) is said to count; an unknown name is reported.

Other magnesium counts toward the same limit: --with FORM:AMOUNT (as total
takes it, repeatable) and --stack FILE (a total stack file) add the
products someone already takes, and the target is capped by the room they
leave.

The text shows what to act on, on one screen: the form and its evidence in
words, the target, the schedule, when to evaluate, the safety warnings and
the advice that applies. --explain adds the evidence, every rule with its
basis, every warning in full and the sources with their titles. --capsule
MG (mg of compound a unit, as the label gives it) or --capsule-elemental MG
turns the amounts into tablets or capsules, stepping up a unit at a time; a
first unit may be up to the top of the sourced start range (200 mg), and the
schedule may end a unit above the target, inside its sourced range and never
above the limit. -o value prints the daily dose the schedule reaches (not
for a --supervised plan: a bare number cannot say it is for supervision).

With Dutch output (--lang nl or a Dutch or Belgian locale) the default
authority is EU SCF/EFSA; a dose above another authority's limit is said.

--start DATE prints dates; --ics FILE writes the schedule as an iCalendar
file (one daily-repeating event per step and time of day, at --morning and
--evening, and the evaluation days): written atomically, never over an
existing file without --force. --remind adds an alarm to each intake (some
calendars drop alarms).

-o md writes the plan as a one-page Markdown document with its sources, for
a doctor; -o fhir as a FHIR R4 Bundle with a MedicationRequest per step; -o
ics (or --ics -) as the calendar, on stdout in place of the plan.

--save keeps the plan in your journal as the active plan, from --start (or
today): 'mgcalc today' then says what is due, and the plan adapts to what
you log ('mgcalc log'). A new plan replaces the active one after asking, or
with --force. --show prints the active plan, where it stands today, and the
days so far as bars.

Exit status: 0 a plan, 1 an error, 2 bad arguments, 4 refused for safety.`),
		Example: s.P.Help("plan.example", `  mgcalc plan --goal sleep --gut sensitive
  mgcalc plan --goal sleep --gut sensitive --explain
  mgcalc plan --goal constipation --capsule 250 --half
  mgcalc plan --goal sleep --form citrate --capsule 1830 --half --unit-name tablet
  mgcalc plan --goal sleep --with citrate:500 --meds levothyroxine
  mgcalc plan --goal migraine --authority efsa --start 2026-12-01 --ics plan.ics
  mgcalc plan --goal sleep --meds levothyroxine,doxycycline
  mgcalc plan --goal sleep -o md > plan.md
  mgcalc plan --goal migraine --target 600 --supervised
  mgcalc plan --goal sleep --gut sensitive --capsule 500 --start today --save
  mgcalc plan --show
  mgcalc plan goals`),
		Args: argsUsage(0, msg.New("no arguments (give the goal as --goal)")),
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.read(cmd)
			if o.Show {
				return runPlanShow(o, cmd)
			}
			if o.Goal == "" {
				return usageError(msg.Errorf("no goal given").WithHint("give --goal GOAL; 'mgcalc plan goals' lists them"))
			}
			return runPlan(o)
		},
	}
	outputFlag(cmd, root, s.P, planOutput)
	f := cmd.Flags()
	f.StringVarP(&o.Goal, "goal", "g", "", s.P.Help("plan.flag.goal", "what it is for: sleep, stress, constipation, sport, energy, heart, cognition, cramps, migraine, general"))
	f.StringVar(&o.Gut, "gut", "normal", s.P.Help("plan.flag.gut", "normal or sensitive: a sensitive gut starts lower, steps slower and gets a gentle form"))
	f.StringVar(&o.Form, "form", "", s.P.Help("plan.flag.form", "use this FORM[:VARIANT] instead of the recommendation"))
	decimalFlag(f, &o.target, "target", s.P.Help("plan.flag.target", "daily elemental magnesium to reach, mg (default: the goal's, never above the upper limit)"))
	decimalFlag(f, &o.capsule, "capsule", s.P.Help("plan.flag.capsule", "round to whole units of this many mg of compound each"))
	decimalFlag(f, &o.capsuleEl, "capsule-elemental", s.P.Help("plan.flag.capsule-elemental", "round to whole units of this many mg of magnesium each (as the label states)"))
	f.BoolVar(&o.Half, "half", false, s.P.Help("plan.flag.half", "allow half units (tablets that can be split)"))
	f.StringVar(&o.UnitName, "unit-name", "", s.P.Help("plan.flag.unit-name", "what a unit is called: tablet, capsule, sachet or scoop (default: tablet with --half, else capsule)"))
	f.StringArrayVar(&o.With, "with", nil, s.P.Help("plan.flag.with", "another product you take, as FORM[:VARIANT]:AMOUNT[xN] (repeatable): it counts toward the limit"))
	f.StringArrayVar(&o.Stacks, "stack", nil, s.P.Help("plan.flag.stack", "a stack `file` of the other products you take (as for total; repeatable)"))
	f.BoolVar(&o.Explain, "explain", false, s.P.Help("plan.flag.explain", "show the evidence, every rule with its basis, every warning in full and the sources"))
	f.BoolVar(&o.Supervised, "supervised", false, s.P.Help("plan.flag.supervised", "allow a target above the upper limit, for use under medical supervision"))
	f.StringVar(&o.Kidney, "kidney", "", s.P.Help("plan.flag.kidney", "normal or impaired (impaired: refused, see a doctor)"))
	decimalFlag(f, &o.egfr, "egfr", s.P.Help("plan.flag.egfr", "kidney function, eGFR in mL/min/1.73 m² (below 30: refused; below 60: a warning)"))
	listFlag(f, &o.Conditions, "condition", s.P.Help("plan.flag.condition", "a condition that rules magnesium out (heart-block, bradycardia, myasthenia-gravis, infection-stones) or needs care (dehydration)"))
	listFlag(f, &o.Meds, "meds", s.P.Help("plan.flag.meds", "medicines you take, comma separated (levothyroxine,doxycycline)"))
	f.StringVar(&o.Start, "start", "", s.P.Help("plan.flag.start", "first day of the plan, YYYY-MM-DD, today or tomorrow: prints dates"))
	f.StringVar(&o.ICS, "ics", "", s.P.Help("plan.flag.ics", "write the schedule to this iCalendar `file` (- for stdout)"))
	f.BoolVar(&o.Force, "force", false, s.P.Help("plan.flag.force", "overwrite an existing --ics file; with --save, replace the active plan"))
	f.BoolVar(&o.Remind, "remind", false, s.P.Help("plan.flag.remind", "add a reminder alarm to each intake in the --ics file"))
	f.StringVar(&o.Morning, "morning", "08:00", s.P.Help("plan.flag.morning", "time of the morning intake in the --ics file"))
	f.StringVar(&o.Evening, "evening", "21:00", s.P.Help("plan.flag.evening", "time of the evening intake in the --ics file"))
	o.Person.addFlags(cmd, false, s.P)
	o.addJournalFlags(cmd)
	// a person's standing facts and habits; the rest describes one plan
	// (a target, supervision, units, other products, a calendar) and is
	// never inherited: "supervised: true" with "target: 900" in a file
	// would unlock a schedule above the upper limit nobody asked for
	standing(f, "gut", "kidney", "egfr", "condition", "meds", "morning", "evening", "remind")
	oneRun(f, "force")
	_ = cmd.RegisterFlagCompletionFunc("gut", fixedCompletion("normal", "sensitive"))
	_ = cmd.RegisterFlagCompletionFunc("kidney", fixedCompletion("normal", "impaired"))
	_ = cmd.RegisterFlagCompletionFunc("goal", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		k, err := defaultTables.Plan()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var out []string
		for _, g := range k.Goals {
			out = append(out, g.Key)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("form", completeForms)
	_ = cmd.RegisterFlagCompletionFunc("with", completeItems)
	_ = cmd.RegisterFlagCompletionFunc("unit-name", fixedCompletion(plan.UnitNames...))
	cmd.AddCommand(newPlanGoalsCmd(s, root))
	return cmd
}

func newPlanGoalsCmd(s *IO, root *rootOptions) *cobra.Command {
	var person personOptions
	cmd := &cobra.Command{
		Use:   "goals",
		Short: s.P.Help("plan.goals.short", "The goals, their forms and how strong the evidence for each is"),
		Long: s.P.Help("plan.goals.long", `Every goal mgcalc plans for, with its forms, recommended first, and the
evidence grade of each: guideline, systematic review, randomised trial,
practice-based, marketing claim, no effect shown. The order weighs how well
the gut takes a form as well as its grade. Forms with a marketing claim (and
no effect shown, where the goal is not ranked by tolerance) are listed but
never recommended. -o json adds each finding and its sources, and whether a
trial dose is above the person's limit (--authority, --age, --pregnant).

Exit status: 0, 1 for a broken config file, 2 for bad arguments.`),
		Example: s.P.Help("plan.goals.example", `  mgcalc plan goals
  mgcalc plan goals -o json | jq '.[] | {goal, best: .forms[0].form}'`),
		Args: argsUsage(0, msg.New("no arguments")),
		RunE: func(cmd *cobra.Command, _ []string) error {
			person.read(cmd)
			k, err := root.tables.Plan()
			if err != nil {
				return dataError(err)
			}
			_, limit, err := person.applied(root.tables, root.config)
			if err != nil {
				return err
			}
			return root.print(s, render.NewGoalList(k, limit))
		},
	}
	person.addFlags(cmd, false, s.P)
	outputFlag(cmd, root, s.P, listOutput)
	return cmd
}

// read takes what only cobra knows.
func (o *planOptions) read(cmd *cobra.Command) {
	fs := cmd.Flags()
	set := func(name string, v *float64) *float64 {
		if fs.Changed(name) {
			return v
		}
		return nil
	}
	o.Target, o.Capsule, o.CapsuleEl, o.EGFR = set("target", &o.target), set("capsule", &o.capsule), set("capsule-elemental", &o.capsuleEl), set("egfr", &o.egfr)
	_, standing := o.Root.config.origin("output")
	o.outputGiven = fs.Changed("output") && !standing
	o.Person.read(cmd)
}

// words accepted for --gut, --kidney and --unit-name; a word of another
// language is read as its English (msg.Word: gevoelig, verminderd,
// tabletten).
func unitNameWords(w string) (string, bool) {
	switch w {
	case "tablet", "tablets":
		return "tablet", true
	case "capsule", "capsules":
		return "capsule", true
	case "sachet", "sachets":
		return "sachet", true
	case "scoop", "scoops":
		return "scoop", true
	}
	return "", false
}

func gutWords(w string) (plan.Gut, bool) {
	switch w {
	case "normal":
		return plan.GutNormal, true
	case "sensitive":
		return plan.GutSensitive, true
	}
	return "", false
}

func kidneyWords(w string) (plan.Kidney, bool) {
	switch w {
	case "normal":
		return plan.KidneyNormal, true
	case "impaired":
		return plan.KidneyImpaired, true
	}
	return "", false
}

// parseKidney reads a --kidney word (a standing kidney: too, for the
// commands without the flag).
func parseKidney(s string) (plan.Kidney, bool) {
	k, ok := kidneyWords(word("kidney", s))
	return k, ok
}

// word folds a word typed for kind and reads another language's as its
// English.
func word(kind, s string) string {
	if en, ok := msg.Word(kind, s); ok {
		return en
	}
	return fold(s)
}

// request validates the options into a plan request. Every name typed
// goes through the one fold: a character it does not read is refused,
// naming the flag, never dropped.
func (o *planOptions) request(k *plan.Knowledge) (plan.Request, error) {
	var r plan.Request
	if len(o.Meds) > maxMeds {
		return r, usageError(msg.Errorf("--meds names %d medicines: at most %d", len(o.Meds), maxMeds))
	}
	for _, n := range append([]struct{ flag, name string }{{"--goal", o.Goal}, {"--gut", o.Gut}, {"--kidney", o.Kidney}, {"--unit-name", o.UnitName}}, named("--condition", o.Conditions)...) {
		if err := nameError(n.flag, n.name); err != nil {
			return r, err
		}
	}
	for _, m := range o.Meds {
		if len(m) > 100 {
			return r, usageError(msg.Errorf("--meds: %q is longer than 100 characters", text.Clip(m)))
		}
		if err := nameError("--meds", m); err != nil {
			return r, err
		}
	}
	r.Goal = k.Goal(o.Goal)
	if r.Goal == nil {
		var keys []string
		for _, g := range k.Goals {
			keys = append(keys, g.Key)
		}
		return r, usageError(msg.Errorf("unknown goal %q", o.Goal).WithHint("goals: %s", msg.List(keys...)))
	}
	var ok bool
	if r.Gut, ok = gutWords(word("gut", o.Gut)); !ok {
		return r, usageError(msg.Errorf("--gut must be normal or sensitive, not %q", o.Gut))
	}
	if o.Kidney != "" {
		if r.Kidney, ok = parseKidney(o.Kidney); !ok {
			return r, usageError(msg.Errorf("--kidney must be normal or impaired, not %q", o.Kidney))
		}
	}
	if o.EGFR != nil {
		if *o.EGFR <= 0 || *o.EGFR > 200 {
			return r, usageError(msg.Errorf("--egfr must be above 0 and at most 200 mL/min, not %s", msg.A(*o.EGFR)))
		}
		r.EGFR = o.EGFR
	}
	for _, c := range o.Conditions {
		g := k.Condition(c)
		if g == nil {
			return r, usageError(msg.Errorf("unknown condition %q", c).
				WithHint("mgcalc knows: %s; for any other condition, ask your doctor", msg.List(k.ConditionKeys()...)))
		}
		r.Conditions = append(r.Conditions, g)
	}
	r.Meds = o.Meds
	if o.Target != nil {
		if *o.Target < 1 || *o.Target > 5000 {
			return r, usageError(msg.Errorf("--target must be between 1 and 5000 mg, not %s", msg.A(*o.Target)))
		}
		r.TargetMg = *o.Target
	}
	if o.Capsule != nil && o.CapsuleEl != nil {
		return r, usageError(msg.Errorf("give --capsule or --capsule-elemental, not both"))
	}
	if o.Capsule != nil {
		if *o.Capsule < 1 || *o.Capsule > 10000 {
			return r, usageError(msg.Errorf("--capsule must be between 1 and 10000 mg of compound, not %s", msg.A(*o.Capsule)))
		}
		r.Unit.CompoundMg = *o.Capsule
	}
	if o.CapsuleEl != nil {
		if *o.CapsuleEl < 1 || *o.CapsuleEl > 2000 {
			return r, usageError(msg.Errorf("--capsule-elemental must be between 1 and 2000 mg, not %s", msg.A(*o.CapsuleEl)))
		}
		r.Unit.ElementalMg = *o.CapsuleEl
	}
	if o.Half {
		if !r.Unit.IsSet() {
			return r, usageError(msg.Errorf("--half needs --capsule or --capsule-elemental"))
		}
		r.Unit.Half = true
	}
	if o.UnitName != "" {
		if !r.Unit.IsSet() {
			return r, usageError(msg.Errorf("--unit-name needs --capsule or --capsule-elemental"))
		}
		name, ok := unitNameWords(word("unit-name", o.UnitName))
		if !ok {
			return r, usageError(msg.Errorf("--unit-name must be tablet, capsule, sachet or scoop, not %q", text.Clip(o.UnitName)))
		}
		r.Unit.Name = name
	}
	r.Supervised = o.Supervised
	return r, nil
}

// startDate reads --start.
func (o *planOptions) startDate() (*time.Time, error) {
	if o.Start == "" {
		return nil, nil
	}
	// the day words as --on reads them (vandaag), and tomorrow (morgen):
	// a plan may start the next day
	w, _ := text.Fold(o.Start)
	if en, ok := msg.Word("day", w); ok {
		w = en
	}
	if off, ok := map[string]int{"today": 0, "tomorrow": 1}[w]; ok {
		n := o.now()
		d := time.Date(n.Year(), n.Month(), n.Day()+off, 0, 0, 0, 0, time.UTC)
		return &d, nil
	}
	d, err := time.Parse(time.DateOnly, typedDigits(o.Start))
	if err != nil {
		return nil, usageError(msg.Errorf("--start %q is not a date", text.Clip(o.Start)).WithHint("write it as YYYY-MM-DD, such as 2026-12-01, today or tomorrow"))
	}
	if d.Year() < 2000 || d.Year() > 2200 {
		return nil, usageError(msg.Errorf("--start %q is not a plausible date", o.Start))
	}
	return &d, nil
}

// runPlan makes the plan and prints it (or writes the calendar).
func runPlan(o *planOptions) error {
	k, err := o.Root.tables.Plan()
	if err != nil {
		return dataError(err)
	}
	r, err := o.request(k)
	if err != nil {
		return err
	}
	if o.Form != "" {
		ft, err := o.Root.tables.Forms()
		if err != nil {
			return dataError(err)
		}
		if r.Form, r.Variant, err = ft.Resolve(o.Form); err != nil {
			return formError(prefixed("--form", err))
		}
	}
	start, err := o.startDate()
	if err != nil {
		return err
	}
	// --ics - is -o ics: the calendar on stdout, in place of the plan
	if o.ICS == "-" {
		if o.outputGiven && o.Root.format != render.ICS {
			return usageError(msg.Errorf("--ics - writes the calendar to stdout, where -o %s would write the plan", string(o.Root.format)).
				WithHint("give --ics FILE to write the calendar to a file beside -o %s, or -o ics alone", string(o.Root.format)))
		}
		o.Root.format = render.ICS
	}
	if start == nil && (o.ICS != "" || o.Root.format == render.ICS) {
		flag := "--ics"
		if o.ICS == "" {
			flag = "-o ics"
		}
		return usageError(msg.Errorf("%s needs a first day", flag).WithHint("give --start YYYY-MM-DD (or --start today)"))
	}
	// the times are checked whether or not a calendar is written: a bad
	// setting should not wait for the day it is used
	morning, err1 := clock(o.Morning, "--morning")
	evening, err2 := clock(o.Evening, "--evening")
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if morning >= evening {
		return usageError(msg.Errorf("--morning %s is not before --evening %s", o.Morning, o.Evening))
	}
	lt, limit, err := o.Person.applied(o.Root.tables, o.Root.config)
	if err != nil {
		return err
	}
	r.Limit = limit
	r.Others = o.Person.others(lt)
	if r.OtherMg, err = o.otherMagnesium(); err != nil {
		return err
	}
	p, err := plan.Make(k, r)
	if err != nil {
		var ref *plan.Refusal
		if errors.As(err, &ref) {
			return &codeError{ExitRefused, ref.Reason}
		}
		var ue *plan.UnitError
		if errors.As(err, &ue) {
			return usageError(ue.Msg)
		}
		var m *msg.Message
		if errors.As(err, &m) {
			return usageError(err)
		}
		return err
	}
	// decided once, before anything is saved: a supervised plan has a
	// daily dose, but a bare number cannot carry "for use under medical
	// supervision only" (render.Plan.Value)
	if o.Root.format == render.Value && p.Supervised {
		m := withOrigin(msg.Errorf("-o value prints no plan for use under medical supervision: a bare number (%s mg/day) cannot say it is above the upper limit and for supervision only", msg.N(p.ReachedMg, 1)), o.Root.config, "output")
		if m.Hint == nil {
			m.WithHint("use -o text, or -o json, whose supervised is true")
		}
		return usageError(m)
	}
	ft, err := o.Root.tables.Forms() // the bibliography, for -o md
	if err != nil {
		return dataError(err)
	}
	report := render.NewPlanExport(p, start, ft.Sources)
	report.WithExplain(o.Explain).WithTimes(morning, evening)
	if start != nil {
		report.Calendar = &render.Calendar{Plan: p, Start: *start, Morning: morning, Evening: evening, Remind: o.Remind, P: o.IO.P}
	}
	// the calendar is written (and put in place after the report) before
	// the plan is saved: a calendar that cannot be written saves nothing
	if o.ICS != "" && o.ICS != "-" {
		if err := writeFileAtomic(o.IO, o.ICS, o.Force, report.Calendar.Write); err != nil {
			return err
		}
	}
	if o.Save {
		if err := savePlan(o, p, start); err != nil {
			return err
		}
	}
	return o.Root.print(o.IO, report)
}

// typedDigits is a date or a time as typed, read for its digits: blank
// space around it dropped, full-width digits and colons read as what they
// look like (text.Compat). The one reading of every date and time a
// person types (--start, --on, --at, --morning, --evening).
func typedDigits(s string) string { return text.Compat(strings.TrimSpace(s)) }

// clock reads HH:MM as an offset from midnight.
func clock(s, flag string) (time.Duration, error) {
	t, err := time.Parse("15:04", typedDigits(s))
	if err != nil {
		return 0, usageError(msg.Errorf("%s %q is not a time of day", flag, text.Clip(s)).WithHint("write it as HH:MM, such as 08:00"))
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}

// maxMeds bounds --meds: more is no list of someone's medicines.
const maxMeds = 50

// otherMagnesium is the magnesium a day of the products --with and --stack
// name (those taken by mouth), read by the reader of total (readItems).
func (o *planOptions) otherMagnesium() (float64, error) {
	if len(o.With) == 0 && len(o.Stacks) == 0 {
		return 0, nil
	}
	items, _, err := readItems(&totalOptions{IO: o.IO, Root: o.Root, Items: o.With, Stacks: o.Stacks, itemFlag: "--with"})
	if err != nil {
		return 0, err
	}
	mg := 0.0
	for _, it := range items {
		if it.Counted() {
			mg += it.ElementalMg()
		}
	}
	return mg, nil
}

// named pairs each of names with its flag.
func named(flag string, names []string) []struct{ flag, name string } {
	out := make([]struct{ flag, name string }, len(names))
	for i, n := range names {
		out[i] = struct{ flag, name string }{flag, n}
	}
	return out
}

// fold is text.Fold for a lookup: "" for a name that does not fold.
func fold(s string) string {
	f, _ := text.Fold(s)
	return f
}
