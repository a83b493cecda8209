package cli

import (
	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/journal"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
)

// todayOptions are the options of `today`.
type todayOptions struct {
	IO      *IO
	Root    *rootOptions
	Person  personOptions
	Journal journalOptions
}

func newTodayCmd(s *IO, root *rootOptions) *cobra.Command {
	o := &todayOptions{IO: s, Root: root}
	cmd := &cobra.Command{
		Use:   "today",
		Short: todayShort(s.P),
		Long: s.P.Help("today.long", `What today holds: the doses still due from the plan saved with 'mgcalc plan
--save', each with the earliest time to take it; what you logged today; the
total so far against your upper limit; and why today differs from the saved
schedule.

The plan adapts to what you logged ('mgcalc log'), by rules that each say
whether a source gives them or mgcalc chose them:
- a bad gut day (loose stools, stomach cramps, nausea) at a dose keeps its
  own dose; from the next day the plan steps back to the last dose you
  tolerated (at the start dose: a pause) and
  holds it for one step interval of the plan, then retries the dose once; a
  second bad gut day at the same dose lowers the target to the tolerated
  dose (at the start dose: the schedule stops; talk to your doctor). Bad
  days in a row count as one.
- a medicine logged with a spacing rule (levothyroxine at 07:10, 4 h) moves
  the day's intakes out of its window (not before 11:10); a dose still due
  after its time is due from now, moved out of every window alike; a magnesium
  dose logged inside a window is flagged with the rule's source.
- after the schedule's last day its last dose continues; a missed day does
  not move the schedule.

Where the upper limit in force now (another --authority, a person who
changed) is below the saved plan's dose, what is still due is cut to stay
within it, in whole units, and one line says so: today never offers a dose
that passes the limit.

-o json carries the plan, the day, the intakes (when, elemental_mg,
earliest, status: taken, partly, due, not_today or over_limit), the
entries, the total and its limit, limit_cut, the reasons and the rules,
each with its basis and sources.
-o value prints the magnesium taken so far today.

A saved plan passes the plan's own safety gates again, for the person in
force (a standing kidney: impaired, an eGFR below 30, a condition that rules
magnesium out, a child): where 'mgcalc plan' would refuse, today refuses too.

Exit status: 0, 1 a journal that cannot be opened, 2 bad arguments, 3 the
magnesium logged today is above the upper limit, 4 the saved plan refused for
safety for the person in force.`),
		Example: s.P.Help("today.example", `  mgcalc today
  mgcalc today -o json | jq '.intakes[] | select(.status == "due")'
  mgcalc today --journal ~/backup/journal.db`),
		Args: argsUsage(0, msg.New("no arguments")),
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.Person.read(cmd)
			return runToday(o)
		},
	}
	o.Journal.addFlag(cmd.Flags(), s.P)
	outputFlag(cmd, root, s.P, valueOutput)
	o.Person.addFlags(cmd, false, s.P)
	return cmd
}

func runToday(o *todayOptions) error {
	now := o.IO.Now()
	_, limit, err := o.Person.applied(o.Root.tables, o.Root.config)
	if err != nil {
		return err
	}
	p, logs, entries, err := o.Journal.readToday(o.IO, now)
	if err != nil {
		return err
	}
	facts, err := standingGateFacts(o.Root.config)
	if err != nil {
		return err
	}
	if err := gateSaved(o.Root, p, limit, facts); err != nil {
		return err
	}
	td := journal.MakeTodayLogs(p, logs, entries, now, limit)
	if err := o.Root.print(o.IO, render.NewToday(td).WithSources(bibliography())); err != nil {
		return err
	}
	if td.Check.Over {
		return errOverLimit
	}
	return nil
}

// todayShort is the command's one-line help: the full command and the stub
// lazyCmd puts in its place share it.
func todayShort(p msg.Printer) string {
	return p.Help("today.short", "Today's doses from your saved plan and your journal, and what you took")
}
