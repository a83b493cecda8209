package journal

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
)

// The states of a day in the loop.
const (
	StatePlan      = "plan"           // as saved (perhaps later than saved)
	StateHold      = "hold"           // stepped back to the last tolerated dose
	StatePause     = "pause"          // stepped back below the start dose
	StateRetry     = "retry"          // the dose that upset the gut, once more
	StateLowered   = "lowered"        // held at a lowered target
	StateStopped   = "stopped"        // a second bad episode at the start dose
	StateAfterEnd  = "after_end"      // past the schedule's last day
	StateBefore    = "before"         // before the plan's start
	StateNoPlan    = "no_plan"        // no plan covers the day
	missedDoseUnit = limits.Tolerance // less than this taken is nothing taken
)

// DayPlan is one calendar day as the loop sees it.
type DayPlan struct {
	Date   time.Time // at UTC midnight
	PlanID uint64
	// PlanDay is the day of the saved schedule the day follows (0 when
	// held, paused or stopped); it runs behind the calendar after a hold.
	PlanDay int
	// PlannedMg is the saved schedule's dose for this calendar day;
	// DoseMg the loop's. Step is the index of DoseMg's step (-1: none).
	PlannedMg float64
	DoseMg    float64
	Step      int
	State     string
	TakenMg   float64 // logged magnesium that counts towards the limit
	Logged    int     // magnesium entries
	Doses     int     // planned intakes
	Bad       bool    // a bad gut day
	Gut       []Gut
	Meds      int
}

// Missed reports whether a dose was planned and nothing was logged.
func (d DayPlan) Missed() bool { return d.DoseMg > 0 && d.TakenMg < missedDoseUnit }

// Record is the day's dose and intakes as the record shows them: the
// day's own, also on a bad gut day (the next days step back).
func (d DayPlan) Record() (mg float64, doses int) { return d.DoseMg, d.Doses }

// Event is something the loop did, for why a day differs from the saved
// schedule.
type Event struct {
	Rule   string
	On     time.Time // the bad gut day
	FromMg float64   // the dose that upset the gut
	ToMg   float64   // the dose stepped back to (0: a pause)
	Until  time.Time // last day of a hold
}

// State is where the loop stands after the last simulated day.
type State struct {
	Days []DayPlan
	// Hold is the current hold, if the last day is in one; Lowered the
	// lowered target, if any; Stopped is set after a second bad episode
	// at the start dose.
	Hold    *Event
	Lowered *Event
	Stopped *Event
	Retry   *Event // the retry the last day is in
	// Behind is how many days the schedule runs behind the calendar.
	Behind int
}

// DayLog is what the loop needs of a day's entries: the magnesium taken,
// how many doses, the gut words, how many medicines. The store can give
// it from its index without reading the entries.
type DayLog struct {
	TakenMg float64
	Logged  int
	Gut     []Gut
	Bad     bool
	Meds    int
}

// Add counts an entry into the day.
func (l *DayLog) Add(e *Entry) {
	if e.IsMagnesium() {
		l.AddMagnesium(e.ElementalMg)
	}
	l.AddGut(e.Gut)
	if e.Med != nil {
		l.Meds++
	}
}

// AddMagnesium counts a dose.
func (l *DayLog) AddMagnesium(mg float64) { l.TakenMg += mg; l.Logged++ }

// AddGut counts a gut word ("" counts nothing).
func (l *DayLog) AddGut(g Gut) {
	if g != "" {
		l.Gut = append(l.Gut, g)
		l.Bad = l.Bad || g.Bad()
	}
}

// Logs are the days' logs by date (at UTC midnight).
type Logs map[time.Time]*DayLog

// LogsOf sums entries into days, in loc.
func LogsOf(entries []Entry, loc *time.Location) Logs {
	out := Logs{}
	for i := range entries {
		out.Add(&entries[i], loc)
	}
	return out
}

// Add counts an entry into its day in loc.
func (ls Logs) Add(e *Entry, loc *time.Location) { ls.Day(DayIn(e.At, loc)).Add(e) }

// Day returns day d's log, made when missing.
func (ls Logs) Day(d time.Time) *DayLog {
	l := ls[d]
	if l == nil {
		l = &DayLog{}
		ls[d] = l
	}
	return l
}

// GutCode numbers a gut word for a compact index (0: none).
func (g Gut) Code() byte {
	for i, w := range Guts {
		if w == g {
			return byte(i + 1)
		}
	}
	return 0
}

// GutOfCode is the gut word of a code (Code's inverse).
func GutOfCode(c byte) Gut {
	if c == 0 || int(c) > len(Guts) {
		return ""
	}
	return Guts[c-1]
}

// Simulate runs the loop over plan p from its start through the date
// through (inclusive), with the entries logged (any order, any days).
func Simulate(p *Plan, entries []Entry, loc *time.Location, through time.Time) *State {
	return simulate(p, LogsOf(entries, loc), through)
}

// SimulateLogs is Simulate from the days' logs.
func SimulateLogs(p *Plan, logs Logs, through time.Time) *State { return simulate(p, logs, through) }

func simulate(p *Plan, days Logs, through time.Time) *State {
	st := &State{}
	if p == nil || len(p.Steps) == 0 {
		return st
	}
	through = Day(through)
	if p.Ended != nil && p.Ended.Before(through) {
		through = *p.Ended
	}
	cursor := 1
	capStep := len(p.Steps) - 1
	bad := map[int]int{}
	var hold *Event
	var holdStep, retryStep, retryFrom int
	retrying := -1
	prevBad := false
	hdays := max(p.IntervalDays, 1)
	for d := p.Start; !d.After(through); d = d.AddDate(0, 0, 1) {
		n := p.DayNumber(d)
		day := DayPlan{Date: d, PlanID: p.ID, PlannedMg: p.Steps[p.stepAt(n)].ElementalMg, Step: -1}
		switch {
		case st.Stopped != nil:
			day.State = StateStopped
			st.Hold, st.Retry = nil, nil
		case hold != nil && !d.After(hold.Until):
			day.Step = holdStep
			day.State = StateHold
			if holdStep < 0 {
				day.State = StatePause
			}
			st.Hold, st.Retry = hold, nil
		default:
			if hold != nil {
				cursor, retrying = retryFrom, retryStep
				st.Retry = &Event{Rule: RuleRetry, On: hold.On, FromMg: hold.FromMg, ToMg: hold.ToMg}
				hold, st.Hold = nil, nil
			}
			k := p.stepAt(cursor)
			day.PlanDay = cursor
			day.State = StatePlan
			if cursor > p.LastDay() {
				day.State = StateAfterEnd
			}
			if k > capStep {
				k = capStep
				day.State = StateLowered
			}
			if retrying >= 0 && k == retrying {
				day.State = StateRetry
			} else {
				retrying, st.Retry = -1, nil
			}
			day.Step = k
			cursor++
		}
		if l := days[d]; l != nil {
			day.TakenMg, day.Logged, day.Gut, day.Bad, day.Meds = l.TakenMg, l.Logged, l.Gut, l.Bad, l.Meds
		}
		// A new episode counts against the day's dose (rules episode,
		// step_back, step_back_to, hold, lower_target, stop). The bad day
		// keeps its own dose, in today as in the record: the change starts
		// the next day (issue 20: "the next days return to the last
		// tolerated dose").
		if day.Bad && !prevBad && day.Step >= 0 && st.Stopped == nil {
			k := day.Step
			bad[k]++
			from := p.Steps[k].ElementalMg
			switch {
			case bad[k] >= 2 && k == 0:
				st.Stopped = &Event{Rule: RuleStop, On: d, FromMg: from}
				hold, st.Hold, st.Retry, retrying = nil, nil, nil, -1
			case bad[k] >= 2:
				capStep = min(capStep, k-1)
				st.Lowered = &Event{Rule: RuleLowerTarget, On: d, FromMg: from, ToMg: p.Steps[k-1].ElementalMg}
				hold, st.Hold, st.Retry, retrying = nil, nil, nil, -1
			default:
				holdStep = k - 1
				to := 0.0
				if k > 0 {
					to = p.Steps[k-1].ElementalMg
				}
				hold = &Event{Rule: RuleStepBack, On: d, FromMg: from, ToMg: to, Until: d.AddDate(0, 0, hdays)}
				retryStep, retryFrom = k, p.Steps[k].FirstDay
				retrying = -1
				st.Hold, st.Retry = hold, nil
			}
		}
		if day.Step >= 0 {
			day.DoseMg = p.Steps[day.Step].ElementalMg
			day.Doses = len(p.Steps[day.Step].Intakes)
		}
		prevBad = day.Bad
		st.Days = append(st.Days, day)
	}
	if len(st.Days) > 0 {
		last := st.Days[len(st.Days)-1]
		if last.PlanDay > 0 {
			st.Behind = p.DayNumber(last.Date) - last.PlanDay
		} else {
			st.Behind = -1 // held, paused or stopped: the schedule waits
		}
	}
	return st
}

// Reason says why a day differs from the saved schedule, or what it has
// to watch, with the rule behind it.
type Reason struct {
	Rule    string
	Basis   plan.Basis
	Sources []string
	Msg     *msg.Message
}

// Due is one intake of the day.
type Due struct {
	When        string
	ElementalMg float64
	CompoundMg  float64
	Units       float64
	Planned     time.Time // the clock time the plan gives it
	Earliest    time.Time // moved out of spacing windows
	MovedBy     *Entry    // the medicine whose window moved it
	MovedGap    Gap       // its spacing from the plan's form
	TakenMg     float64   // logged magnesium counted towards it
	Status      string    // taken, partly, due, not_today, over_limit
	// PlannedMg is the plan's amount where the limit in force cut it
	// (ElementalMg, CompoundMg and Units are then what fits); 0 when not.
	PlannedMg float64
}

// The statuses of an intake.
const (
	StatusTaken    = "taken"
	StatusPartly   = "partly"
	StatusDue      = "due"
	StatusNotToday = "not_today" // its spacing window runs past midnight
	// StatusOverLimit: nothing of it fits under the limit in force now.
	StatusOverLimit = "over_limit"
)

// Flag is a magnesium dose logged inside a medicine's spacing window.
type Flag struct {
	Magnesium *Entry
	Med       *Entry
	// Before is true when magnesium came too soon after the medicine.
	Before bool
	// Gap is the spacing that applied to the dose's forms; Sources are
	// its rules' sources.
	Gap     Gap
	Sources []string
}

// Today is what `mgcalc today` reports.
type Today struct {
	Now     time.Time
	Date    time.Time
	Plan    *Plan // nil without a plan
	Day     DayPlan
	State   *State
	Intakes []Due
	Entries []*Entry // today's, in time order
	TakenMg float64
	Limit   limits.Applied
	// Others are every authority's limit for the person in force: what
	// the plan's warnings compare its daily amount with (WarningsUnder).
	Others  []limits.Applied
	Check   limits.Check
	Reasons []Reason
	Flags   []Flag
	Rules   []Rule
	// Cap is set when the upper limit in force now is below the saved
	// plan's dose (a plan saved under another authority's limit, a person
	// who changed): what is still due is cut to stay within it.
	Cap *Cap
}

// Cap is the upper limit in force now, below the saved plan's dose.
type Cap struct {
	LimitMg float64 // the limit in force now
	// PlanMg is the plan's highest daily dose; FromDay the first plan
	// day at a dose above the limit.
	PlanMg  float64
	FromDay int
	// Today is set when today's dose passes the limit; DueMg is then the
	// most of what is still due that keeps the day within it (whole or
	// half units for a plan in units).
	Today bool
	DueMg float64
}

// StillDueMg is the magnesium still planned today: the day's dose less
// what was taken, and never more than the limit in force leaves.
func (t *Today) StillDueMg() float64 {
	left := max(0, t.Day.DoseMg-t.TakenMg)
	if t.Cap != nil && t.Cap.Today {
		left = min(left, t.Cap.DueMg)
	}
	return left
}

// StartsIn is the number of days until the plan starts (0 once it has).
func (t *Today) StartsIn() int {
	if t.Plan == nil {
		return 0
	}
	return max(0, DaysBetween(t.Date, t.Plan.Start))
}

// MakeToday computes today from the active plan (nil: none), every entry
// logged, the time now (its location is the person's) and the upper limit
// that applies to the person now.
func MakeToday(p *Plan, entries []Entry, now time.Time, limit limits.Applied) *Today {
	return MakeTodayLogs(p, LogsOf(entries, now.Location()), entries, now, limit)
}

// MakeTodayLogs is MakeToday from the days' logs since the plan's start
// and the entries of today and the day before (a late medicine reaches
// into today): the store gives the logs from its index.
func MakeTodayLogs(p *Plan, days Logs, entries []Entry, now time.Time, limit limits.Applied) *Today {
	loc := now.Location()
	date := Day(now)
	t := &Today{Now: now, Date: date, Plan: p, Limit: limit, Rules: Rules(p)}
	for i := range entries {
		if DayIn(entries[i].At, loc) == date {
			t.Entries = append(t.Entries, &entries[i])
		}
	}
	sort.SliceStable(t.Entries, func(i, j int) bool { return t.Entries[i].At.Before(t.Entries[j].At) })
	for _, e := range t.Entries {
		if e.IsMagnesium() {
			t.TakenMg += e.ElementalMg
		}
	}
	t.Check = limit.Check(t.TakenMg)
	t.Day = DayPlan{Date: date, Step: -1, State: StateNoPlan, TakenMg: t.TakenMg}
	if p != nil {
		if date.Before(p.Start) {
			t.Day.State = StateBefore
		} else {
			t.State = simulate(p, days, date)
			t.Day = t.State.Days[len(t.State.Days)-1]
			t.reasons()
			t.intakes(entries)
			t.capToLimit()
		}
	}
	t.flags(entries)
	return t
}

func (t *Today) rule(key string) Rule { return RuleOf(t.Rules, key) }

func (t *Today) add(key string, m *msg.Message, sources ...string) {
	r := t.rule(key)
	if len(sources) == 0 {
		sources = r.Sources
	}
	t.Reasons = append(t.Reasons, Reason{Rule: key, Basis: r.Basis, Sources: sources, Msg: m})
}

// reasons says why today differs from the saved schedule.
func (t *Today) reasons() {
	st, p := t.State, t.Plan
	day := func(d time.Time) string { return d.Format(time.DateOnly) }
	if e := st.Stopped; e != nil && e.On.Equal(t.Date) {
		t.add(RuleStop, msg.New("a second bad gut day at the start dose of %s mg/day, today: today keeps its dose, and from tomorrow mgcalc plans no more doses; talk to your doctor or pharmacist, or change to a gentler form",
			msg.N(e.FromMg, 1)))
		return
	}
	if e := st.Stopped; e != nil {
		t.add(RuleStop, msg.New("a second bad gut day at the start dose of %s mg/day (%s): mgcalc plans no more doses; talk to your doctor or pharmacist, or change to a gentler form",
			msg.N(e.FromMg, 1), day(e.On)))
		return
	}
	if e := st.Hold; e != nil && e.On.Equal(t.Date) {
		if e.ToMg == 0 {
			t.add(RuleStepBackTo, msg.New("a bad gut day at the start dose of %s mg/day, today: today keeps its dose; from tomorrow a pause until %s, then %s mg/day once more",
				msg.N(e.FromMg, 1), day(e.Until), msg.N(e.FromMg, 1)))
		} else {
			t.add(RuleStepBack, msg.New("a bad gut day at %s mg/day, today: today keeps its dose; from tomorrow back to %s mg/day, the last dose you tolerated, until %s; then %s mg/day once more",
				msg.N(e.FromMg, 1), msg.N(e.ToMg, 1), day(e.Until), msg.N(e.FromMg, 1)))
		}
		t.add(RuleHold, msg.Plural(float64(p.IntervalDays), "held for %d day after the bad day, one step interval of the plan", "held for %d days after the bad day, one step interval of the plan", p.IntervalDays))
	} else if e := st.Hold; e != nil {
		if e.ToMg == 0 {
			t.add(RuleStepBackTo, msg.New("a bad gut day at the start dose of %s mg/day (%s): a pause until %s, then %s mg/day once more",
				msg.N(e.FromMg, 1), day(e.On), day(e.Until), msg.N(e.FromMg, 1)))
		} else {
			t.add(RuleStepBack, msg.New("a bad gut day at %s mg/day (%s): back to %s mg/day, the last dose you tolerated, until %s; then %s mg/day once more",
				msg.N(e.FromMg, 1), day(e.On), msg.N(e.ToMg, 1), day(e.Until), msg.N(e.FromMg, 1)))
		}
		t.add(RuleHold, msg.Plural(float64(p.IntervalDays), "held for %d day after the bad day, one step interval of the plan", "held for %d days after the bad day, one step interval of the plan", p.IntervalDays))
	}
	if e := st.Retry; e != nil && t.Day.State == StateRetry {
		t.add(RuleRetry, msg.New("retrying %s mg/day, which upset your gut on %s: once more, for a full step; a second bad gut day at it lowers the target",
			msg.N(e.FromMg, 1), day(e.On)))
	}
	if e := st.Lowered; e != nil && e.On.Equal(t.Date) {
		t.add(RuleLowerTarget, msg.New("a second bad gut day at %s mg/day, today: today keeps its dose, and from tomorrow the target is lowered to %s mg/day",
			msg.N(e.FromMg, 1), msg.N(e.ToMg, 1)))
	} else if e := st.Lowered; e != nil {
		t.add(RuleLowerTarget, msg.New("target lowered to %s mg/day: a second bad gut day at %s mg/day on %s",
			msg.N(e.ToMg, 1), msg.N(e.FromMg, 1), day(e.On)))
	}
	if st.Behind > 0 {
		t.add(RuleHold, msg.Plural(float64(st.Behind), "the schedule runs %d day behind the saved one, after stepping back", "the schedule runs %d days behind the saved one, after stepping back", st.Behind))
	}
	if t.Day.State == StateAfterEnd {
		t.add(RuleAfterEnd, msg.New("the schedule ended on day %d: its last dose, %s mg/day, continues", p.LastDay(), msg.N(t.Day.DoseMg, 1)))
	}
	if len(st.Days) >= 2 {
		if y := st.Days[len(st.Days)-2]; y.Missed() {
			t.add(RuleMissed, msg.New("no magnesium was logged yesterday (%s): the schedule goes on as planned", day(y.Date)))
		}
	}
}

// intakes lists today's doses with their earliest times, moved out of
// the spacing windows of medicines logged around today.
func (t *Today) intakes(entries []Entry) {
	p, d := t.Plan, t.Day
	if d.Step < 0 {
		return
	}
	loc := t.Now.Location()
	step := p.Steps[d.Step]
	meds := spacedMeds(entries, t.Date, loc)
	// each medicine's spacing from the plan's form
	gaps := make([]Gap, len(meds))
	for i, m := range meds {
		gaps[i] = m.Med.Gap(p.Is())
	}
	for _, in := range step.Intakes {
		at, ok := ClockOn(t.Date, in.Clock(p), loc)
		if !ok {
			at, _ = ClockOn(t.Date, "12:00", loc)
		}
		t.Intakes = append(t.Intakes, Due{When: in.When, ElementalMg: in.ElementalMg, CompoundMg: in.CompoundMg, Units: in.Units, Planned: at, Earliest: at, Status: StatusDue})
	}
	t.allocate()
	for i := range t.Intakes {
		due := &t.Intakes[i]
		// a dose still due is taken now at the earliest, or at its
		// planned time if that is later: either is moved out of every
		// window it falls in (a medicine logged after the planned time
		// still forbids magnesium now)
		if due.Status != StatusTaken && t.Now.After(due.Earliest) {
			due.Earliest = t.Now
		}
		// move past every window it falls in, until it falls in none
		for moved := true; moved; {
			moved = false
			for j, m := range meds {
				if !gaps[j].Spaced() {
					continue
				}
				if lo, hi := window(m, gaps[j]); InWindow(due.Earliest, lo, hi) {
					due.Earliest, due.MovedBy, due.MovedGap, moved = hi, m, gaps[j], true
				}
			}
		}
		if due.Status != StatusTaken && DayIn(due.Earliest, loc) != t.Date {
			due.Status = StatusNotToday
		}
	}
	for _, due := range t.Intakes {
		if due.MovedBy != nil && due.Status != StatusTaken {
			m, g := due.MovedBy, due.MovedGap
			srcs := m.Med.SourcesOf(g.Rules)
			t.add(RuleSpacing, msg.New("%s logged at %s: the %s dose not before %s (%s)",
				m.Med.Name, m.At.In(loc).Format("15:04"), TimeWord(due.When), due.Earliest.Format("15:04"), g.Words()), srcs...)
			if due.Status == StatusNotToday {
				t.add(RuleSpacing, msg.New("no time is left today for the %s dose outside the spacing window", TimeWord(due.When)), srcs...)
			}
		}
	}
}

// capToLimit cuts what is still due today to the upper limit in force now
// where the saved plan's dose passes it (rule limit_now): a schedule
// that passes the limit in force is never printed. A supervised plan is
// above a limit by design and keeps its doses.
func (t *Today) capToLimit() {
	p, mg := t.Plan, t.Limit.Mg()
	if mg == nil || p.Supervised {
		return
	}
	c := &Cap{LimitMg: *mg}
	for _, s := range p.Steps {
		if t.Limit.Check(s.ElementalMg).Over {
			if c.FromDay == 0 {
				c.FromDay = s.FirstDay
			}
			c.PlanMg = max(c.PlanMg, s.ElementalMg)
		}
	}
	if c.FromDay == 0 {
		return
	}
	t.Cap = c
	if t.Day.Step >= 0 && t.Limit.Check(t.Day.DoseMg).Over {
		c.Today = true
		room := max(0, *mg-t.TakenMg)
		unit := p.UnitElMg
		if p.Half {
			unit /= 2
		}
		for i := range t.Intakes {
			in := &t.Intakes[i]
			if in.Status == StatusTaken {
				continue
			}
			rest := in.ElementalMg - in.TakenMg
			fit := min(rest, room)
			if unit > 0 && fit < rest {
				// whole (or half) units: the most that fits
				fit = math.Floor((fit+limits.Tolerance)/unit) * unit
			}
			fit = max(0, fit)
			room -= fit
			c.DueMg += fit
			if fit >= rest-limits.Tolerance {
				continue
			}
			in.PlannedMg = in.ElementalMg
			total := in.TakenMg + fit
			if in.ElementalMg > 0 {
				k := total / in.ElementalMg
				in.CompoundMg *= k
				in.Units *= k
			}
			in.ElementalMg = total
			switch {
			case fit > limits.Tolerance:
			case in.TakenMg > limits.Tolerance:
				in.Status = StatusTaken // what fits was taken
			default:
				in.Status = StatusOverLimit
			}
		}
	}
	m := msg.New("the upper limit in force now, %s mg/day (%s), is below this plan's %s mg/day from day %d: make a plan under it with %s",
		msg.N(c.LimitMg, 0), t.Limit.Authority.Name, msg.N(c.PlanMg, 1), c.FromDay, p.remake(t.Limit))
	switch {
	case c.Today && c.DueMg <= limits.Tolerance:
		m = msg.New("the upper limit in force now, %s mg/day (%s), is below today's dose of %s mg/day: nothing more is due today; make a plan under it with %s",
			msg.N(c.LimitMg, 0), t.Limit.Authority.Name, msg.N(t.Day.DoseMg, 1), p.remake(t.Limit))
	case c.Today:
		m = msg.New("the upper limit in force now, %s mg/day (%s), is below today's dose of %s mg/day: what is still due is cut to %s mg to stay within it; make a plan under it with %s",
			msg.N(c.LimitMg, 0), t.Limit.Authority.Name, msg.N(t.Day.DoseMg, 1), msg.N(c.DueMg, 1), p.remake(t.Limit))
	}
	t.add(RuleLimitNow, m, t.Limit.Band.Sources...)
}

// command is a word of a command line in a message: printed as typed,
// never translated as a data text (a string argument would be).
type command string

// remake is the command that makes this plan again under limit l: the
// goal, and the flags that shape its doses (a sensitive gut, the form,
// the unit and its halves, the authority in force where it is not the
// one the plan was saved under), so that what it prints is the schedule
// cut to l for the same tablets, not a plan for another form or unit.
func (p *Plan) remake(l limits.Applied) command {
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	args := []string{"mgcalc", "plan", "--goal", p.Goal}
	if p.Gut == string(plan.GutSensitive) {
		args = append(args, "--gut", p.Gut)
	}
	if p.Form != "" {
		form := p.Form
		if p.UnitMg > 0 && p.Variant != "" {
			// a compound unit's magnesium is its variant's
			form += ":" + p.Variant
		}
		args = append(args, "--form", form)
	}
	if l.Authority != nil && (p.Limit == nil || p.Limit.Authority != l.Authority.Key) {
		args = append(args, "--authority", l.Authority.Key)
	}
	switch {
	case p.UnitMg > 0:
		args = append(args, "--capsule", num(p.UnitMg))
	case p.UnitElMg > 0:
		args = append(args, "--capsule-elemental", num(p.UnitElMg))
	}
	if p.Half && (p.UnitMg > 0 || p.UnitElMg > 0) {
		args = append(args, "--half")
	}
	if p.UnitName != "" && (p.UnitMg > 0 || p.UnitElMg > 0) && p.UnitName != plan.DefaultUnitName(p.Half) {
		args = append(args, "--unit-name", p.UnitName)
	}
	return command(strings.Join(append(args, "--save", "--force"), " "))
}

// allocate counts the magnesium logged today towards the intakes: a dose
// logged before the midpoint between the morning and the evening time
// goes to the morning first, a later one to the evening first; what is
// left over goes to the other.
func (t *Today) allocate() {
	ins := t.Intakes
	if len(ins) == 0 {
		return
	}
	mid := ins[0].Planned
	if len(ins) > 1 {
		mid = ins[0].Planned.Add(ins[len(ins)-1].Planned.Sub(ins[0].Planned) / 2)
	}
	give := func(mg float64, order []int) {
		for _, i := range order {
			room := ins[i].ElementalMg - ins[i].TakenMg
			if room <= 0 {
				continue
			}
			g := min(room, mg)
			ins[i].TakenMg += g
			mg -= g
			if mg <= 0 {
				return
			}
		}
	}
	forward, backward := make([]int, len(ins)), make([]int, len(ins))
	for i := range ins {
		forward[i], backward[i] = i, len(ins)-1-i
	}
	for _, e := range t.Entries {
		if !e.IsMagnesium() {
			continue
		}
		if e.At.Before(mid) || len(ins) == 1 {
			give(e.ElementalMg, forward)
		} else {
			give(e.ElementalMg, backward)
		}
	}
	for i := range ins {
		switch {
		case ins[i].ElementalMg-ins[i].TakenMg <= limits.Tolerance:
			ins[i].Status = StatusTaken
		case ins[i].TakenMg > limits.Tolerance && ins[i].Status == StatusDue:
			ins[i].Status = StatusPartly
		}
	}
}

// flags finds the magnesium doses logged today inside a medicine's window.
func (t *Today) flags(entries []Entry) {
	loc := t.Now.Location()
	meds := spacedMeds(entries, t.Date, loc)
	for _, e := range t.Entries {
		for _, m := range meds {
			if f, ok := flag(e, m); ok {
				t.Flags = append(t.Flags, f)
			}
		}
	}
}

// FlagsFor finds, for one magnesium entry, the logged medicines whose
// window it falls in (the log command warns at once).
func FlagsFor(e *Entry, entries []Entry) []Flag {
	var out []Flag
	for i := range entries {
		if f, ok := flag(e, &entries[i]); ok {
			out = append(out, f)
		}
	}
	return out
}

// flag reports whether magnesium entry e falls inside medicine m's window,
// by the spacing that applies to e's forms.
func flag(e, m *Entry) (Flag, bool) {
	if !e.IsMagnesium() || !m.Med.Spaced() {
		return Flag{}, false
	}
	g := e.GapTo(m.Med)
	if !g.Spaced() {
		return Flag{}, false
	}
	if lo, hi := window(m, g); !InWindow(e.At, lo, hi) {
		return Flag{}, false
	}
	return Flag{Magnesium: e, Med: m, Before: !e.At.Before(m.At), Gap: g, Sources: m.Med.SourcesOf(g.Rules)}, true
}

// GapTo is the spacing between medicine m and the magnesium entry e
// logs: the longest of its products' (each by its form; a product whose
// form is not known meets every rule). Magnesium on the skin is not
// absorbed through the gut and meets none.
func (e *Entry) GapTo(m *Med) Gap {
	var g Gap
	for _, it := range e.Items {
		if it.Counted {
			g = g.wider(m.Gap(it.IsForm()))
		}
	}
	return g
}

// window is the time around a medicine in which magnesium must not be
// taken, by gap g: the medicine at least g.Before before magnesium, or at
// least g.After after it.
func window(m *Entry, g Gap) (lo, hi time.Time) {
	return m.At.Add(-hours(g.After)), m.At.Add(hours(g.Before))
}

// InWindow reports whether magnesium at t falls inside the window from
// lo to hi (both ends are allowed: "at least 4 h" is met at 4 h): the one
// test of today's times and log's flags.
func InWindow(t, lo, hi time.Time) bool { return t.After(lo) && t.Before(hi) }

// Window is the time around medicine m in which magnesium must not be
// taken, by gap g (for reports).
func Window(m *Entry, g Gap) (lo, hi time.Time) { return window(m, g) }

func hours(h float64) time.Duration { return time.Duration(h * float64(time.Hour)) }

// spacedMeds are the medicines with a spacing logged within a day of the
// date (a late dose the day before can reach into it).
func spacedMeds(entries []Entry, date time.Time, loc *time.Location) []*Entry {
	var out []*Entry
	for i := range entries {
		e := &entries[i]
		if !e.Med.Spaced() {
			continue
		}
		if d := DaysBetween(DayIn(e.At, loc), date); d >= -1 && d <= 1 {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}

// TimeWord names the time of day of an intake.
func TimeWord(when string) *msg.Message {
	switch when {
	case string(plan.Morning):
		return msg.New("morning")
	case string(plan.Midday):
		return msg.New("midday")
	}
	return msg.New("evening")
}
