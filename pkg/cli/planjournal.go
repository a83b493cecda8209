package cli

import (
	"errors"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/journal"
	"github.com/mgcalc/mgcalc/pkg/journal/store"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/render"
	"github.com/mgcalc/mgcalc/pkg/source"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// addJournalFlags declares plan's --save, --show and --journal.
func (o *planOptions) addJournalFlags(cmd *cobra.Command) {
	f, p := cmd.Flags(), o.IO.P
	f.BoolVar(&o.Save, "save", false, p.Help("plan.flag.save", "keep this plan in your journal as the active plan, from --start (default today)"))
	f.BoolVar(&o.Show, "show", false, p.Help("plan.flag.show", "print the active plan, where it stands today and the days so far"))
	o.Journal.addFlag(f, p)
}

// savePlan keeps p in the journal as the active plan. Replacing an active
// plan asks on a terminal, and needs --force otherwise.
func savePlan(o *planOptions, p *plan.Plan, start *time.Time) error {
	s := o.IO
	now := o.now()
	day := journal.Day(now)
	if start != nil {
		day = *start
	}
	snap := journal.PlanOf(p, day, o.Morning, o.Evening, now)
	st, err := o.Journal.open(s, true)
	if err != nil {
		return err
	}
	defer st.Close()
	err = st.SavePlan(&snap, o.Force)
	var se *store.Error
	if errors.As(err, &se) && se.Kind == store.ActivePlan {
		if !s.stdinTTY() {
			return usageError(msg.Errorf("%s: not saved", se.Msg).WithHint("give --force to replace it, or 'mgcalc plan --show' to see it"))
		}
		if !s.confirm(msg.New("%s. Replace it?", se.Msg)) {
			return usageError(msg.Errorf("not saved: the active plan stays"))
		}
		err = st.SavePlan(&snap, true)
	}
	if err != nil {
		return storeError(err)
	}
	io.WriteString(s.ErrOut, "mgcalc: "+text.Escape(s.P.Message(msg.New("saved as your active plan, from %s, in %s", day.Format(time.DateOnly), st.Path())))+"\n")
	return nil
}

// runPlanShow prints the active plan.
func runPlanShow(o *planOptions, cmd *cobra.Command) error {
	if o.Goal != "" || o.Save {
		return usageError(msg.Errorf("--show prints the saved plan: give it without --goal and --save"))
	}
	s := o.IO
	now := o.now()
	lt, limit, err := o.Person.applied(o.Root.tables, o.Root.config)
	if err != nil {
		return err
	}
	p, logs, entries, err := o.Journal.readToday(s, now)
	if err != nil {
		return err
	}
	if p == nil {
		return dataError(msg.Errorf("no plan is saved").WithHint("make one and keep it: mgcalc plan --goal GOAL --save"))
	}
	if err := gateSaved(o.Root, p, limit, o.gateFacts()); err != nil {
		return err
	}
	td := journal.MakeTodayLogs(p, logs, entries, now, limit)
	td.Others = o.Person.others(lt)
	var per *journal.Period
	if today := journal.Day(now); !today.Before(p.Start) {
		per = journal.MakePeriodLogs([]journal.Plan{*p}, logs, nil, now, p.Start, today)
	}
	o.Root.path = cmd.CommandPath() + " --show" // for a format the saved plan does not take
	return o.Root.print(s, render.NewSavedPlan(td, per).WithSources(bibliography()))
}

// bibliography titles the sources a journal report lists at its end; a
// report without it lists their keys alone.
func bibliography() source.Registry {
	bib, _ := kb.Sources()
	return bib
}
