package journal

import (
	"sort"
	"time"
)

// Period is the journal between two dates: every day as the loop saw it,
// the entries, and adherence.
type Period struct {
	From, To time.Time // dates at UTC midnight, inclusive
	Today    time.Time
	Days     []DayPlan
	Entries  []*Entry // in time order
	Plans    []*Plan  // the plans that cover a day of the period, oldest first
	// Adherence counts planned doses (intakes) and logged ones, each day
	// at most its planned number, from each plan's start, over whole days
	// (up to yesterday: today is not over).
	PlannedDoses, LoggedDoses int
	// Lowered, Stopped: the loop's state at the end of the period under
	// the plan active then.
	Final *State
}

// Adherence is logged ÷ planned doses, or false when none was planned.
func (p *Period) Adherence() (float64, bool) {
	if p.PlannedDoses == 0 {
		return 0, false
	}
	return float64(p.LoggedDoses) / float64(p.PlannedDoses), true
}

// MakePeriod builds the journal from date from to date to (inclusive;
// cut at today) with every plan ever saved and every entry; now's
// location is the person's.
func MakePeriod(plans []Plan, entries []Entry, now, from, to time.Time) *Period {
	return MakePeriodLogs(plans, LogsOf(entries, now.Location()), entries, now, from, to)
}

// MakePeriodLogs is MakePeriod from the days' logs (since the earliest
// plan's start that the period needs) and the entries of the period.
func MakePeriodLogs(plans []Plan, days Logs, entries []Entry, now, from, to time.Time) *Period {
	loc := now.Location()
	today := Day(now)
	from, to = Day(from), Day(to)
	if to.After(today) {
		to = today
	}
	per := &Period{From: from, To: to, Today: today}
	for i := range entries {
		e := &entries[i]
		if d := DayIn(e.At, loc); !d.Before(from) && !d.After(to) {
			per.Entries = append(per.Entries, e)
		}
	}
	sort.SliceStable(per.Entries, func(i, j int) bool { return per.Entries[i].At.Before(per.Entries[j].At) })
	sims := map[uint64]map[time.Time]DayPlan{}
	for i := range plans {
		p := &plans[i]
		if p.Start.After(to) || p.Ended != nil && p.Ended.Before(from) {
			continue
		}
		per.Plans = append(per.Plans, p)
		st := simulate(p, days, to)
		m := map[time.Time]DayPlan{}
		for _, d := range st.Days {
			m[d.Date] = d
		}
		sims[p.ID] = m
		if p.Ended == nil || !p.Ended.Before(to) {
			per.Final = st
		}
	}
	sort.SliceStable(per.Plans, func(i, j int) bool { return per.Plans[i].Start.Before(per.Plans[j].Start) })
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		var day DayPlan
		found := false
		for _, p := range per.Plans {
			if p.Covers(d) {
				if dp, ok := sims[p.ID][d]; ok {
					day, found = dp, true
				}
			}
		}
		if !found {
			day = DayPlan{Date: d, Step: -1, State: StateNoPlan}
			if l := days[d]; l != nil {
				day.TakenMg, day.Logged, day.Gut, day.Bad, day.Meds = l.TakenMg, l.Logged, l.Gut, l.Bad, l.Meds
			}
		}
		if found && d.Before(today) {
			_, doses := day.Record()
			per.PlannedDoses += doses
			per.LoggedDoses += min(day.Logged, doses)
		}
		per.Days = append(per.Days, day)
	}
	return per
}

// PlanOn returns the plan that covers day d, or nil.
func (p *Period) PlanOn(d time.Time) *Plan {
	for _, pl := range p.Plans {
		if pl.Covers(d) {
			return pl
		}
	}
	return nil
}
