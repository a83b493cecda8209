package journal

import (
	"strings"
	"testing"
	"time"

	"github.com/mgcalc/mgcalc/pkg/limits"
)

// testPlan is a hand-written schedule: 100 mg days 1-3, 150 mg days 4-6,
// 200 mg (split) from day 7 to 10, step interval 3 days.
func testPlan() *Plan {
	ul := 350.0
	return &Plan{ID: 1, Start: date("2026-12-01"), IntervalDays: 3, Morning: "08:00", Evening: "21:00",
		Limit: &Limit{Authority: "nih", AuthorityName: "US IOM/NIH", Mg: &ul},
		Steps: []Step{
			{FirstDay: 1, LastDay: 3, ElementalMg: 100, Intakes: []Intake{{When: "evening", ElementalMg: 100}}},
			{FirstDay: 4, LastDay: 6, ElementalMg: 150, Intakes: []Intake{{When: "evening", ElementalMg: 150}}},
			{FirstDay: 7, LastDay: 10, ElementalMg: 200, Intakes: []Intake{{When: "morning", ElementalMg: 100}, {When: "evening", ElementalMg: 100}}},
		}}
}

var cet = time.FixedZone("CET", 3600)

func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, cet)
	if err != nil {
		panic(err)
	}
	return t
}

func gut(when string, g Gut) Entry { return Entry{At: at(when), Gut: g} }

func mg(when string, amount float64) Entry {
	return Entry{At: at(when), Items: []Taken{{Form: "bisglycinate", ElementalMg: amount, Counted: true}}, ElementalMg: amount}
}

// doses returns the loop's dose for each day from the start through
// through.
func doses(p *Plan, entries []Entry, through string) []float64 {
	var out []float64
	for _, d := range Simulate(p, entries, cet, date(through)).Days {
		out = append(out, d.DoseMg)
	}
	return out
}

func equal(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestLoopFollowsTheScheduleWithoutBadDays(t *testing.T) {
	got := doses(testPlan(), []Entry{gut("2026-12-02 09:00", GutOK)}, "2026-12-12")
	want := []float64{100, 100, 100, 150, 150, 150, 200, 200, 200, 200, 200, 200}
	if !equal(got, want) {
		t.Errorf("doses %v, want %v", got, want)
	}
}

func TestLoopStepsBackHoldsAndRetries(t *testing.T) {
	// loose on day 5 (150): the bad day keeps its 150, back at 100 the
	// next days to day 8 (the hold's 3 days after it), then 150 for a
	// full step (days 9-11), then 200
	entries := []Entry{gut("2026-12-05 10:00", GutLoose)}
	got := doses(testPlan(), entries, "2026-12-13")
	want := []float64{100, 100, 100, 150, 150, 100, 100, 100, 150, 150, 150, 200, 200}
	if !equal(got, want) {
		t.Errorf("doses %v, want %v", got, want)
	}
	st := Simulate(testPlan(), entries, cet, date("2026-12-09"))
	if st.Retry == nil || st.Days[len(st.Days)-1].State != StateRetry {
		t.Errorf("day 9 should be a retry, state %q", st.Days[len(st.Days)-1].State)
	}
	st = Simulate(testPlan(), entries, cet, date("2026-12-07"))
	if st.Hold == nil || st.Hold.ToMg != 100 || st.Hold.Until != date("2026-12-08") {
		t.Errorf("hold %+v, want back to 100 until 2026-12-08", st.Hold)
	}
}

func TestLoopOneEpisodeForDaysInARow(t *testing.T) {
	// loose on days 5 and 6: one episode, one step back
	entries := []Entry{gut("2026-12-05 10:00", GutLoose), gut("2026-12-06 10:00", GutCramps)}
	got := doses(testPlan(), entries, "2026-12-11")
	want := []float64{100, 100, 100, 150, 150, 100, 100, 100, 150, 150, 150}
	if !equal(got, want) {
		t.Errorf("doses %v, want %v", got, want)
	}
}

func TestLoopSecondBadDayAtTheSameDoseLowersTheTarget(t *testing.T) {
	// loose on day 5 (150): hold 6-8; retry from day 9; nausea on day 10
	// at 150 again: day 10 keeps 150, the target is 100 from day 11 on
	entries := []Entry{gut("2026-12-05 10:00", GutLoose), gut("2026-12-10 22:00", GutNausea)}
	got := doses(testPlan(), entries, "2026-12-14")
	want := []float64{100, 100, 100, 150, 150, 100, 100, 100, 150, 150, 100, 100, 100, 100}
	if !equal(got, want) {
		t.Errorf("doses %v, want %v", got, want)
	}
	st := Simulate(testPlan(), entries, cet, date("2026-12-14"))
	if st.Lowered == nil || st.Lowered.ToMg != 100 || st.Lowered.FromMg != 150 {
		t.Errorf("lowered %+v, want 150 → 100", st.Lowered)
	}
	if st.Days[len(st.Days)-1].State != StateLowered {
		t.Errorf("state %q, want lowered", st.Days[len(st.Days)-1].State)
	}
}

func TestLoopPausesAtTheStartDoseAndStopsAfterASecondBadDay(t *testing.T) {
	// loose on day 2 (100, the start dose): day 2 keeps 100, pause days
	// 3-5, restart at 100 on day 6 (plan day 1); loose again on day 7:
	// day 7 keeps 100, stopped from day 8
	entries := []Entry{gut("2026-12-02 10:00", GutLoose), gut("2026-12-07 10:00", GutLoose)}
	got := doses(testPlan(), entries, "2026-12-09")
	want := []float64{100, 100, 0, 0, 0, 100, 100, 0, 0}
	if !equal(got, want) {
		t.Errorf("doses %v, want %v", got, want)
	}
	st := Simulate(testPlan(), entries, cet, date("2026-12-09"))
	if st.Stopped == nil {
		t.Error("a second bad day at the start dose should stop the schedule")
	}
}

func TestLoopHoldAfterTheEndKeepsTheLastDose(t *testing.T) {
	got := doses(testPlan(), nil, "2026-12-12")
	if got[len(got)-1] != 200 {
		t.Errorf("after the last day the dose is %v, want 200", got[len(got)-1])
	}
	st := Simulate(testPlan(), nil, cet, date("2026-12-12"))
	if s := st.Days[len(st.Days)-1].State; s != StateAfterEnd {
		t.Errorf("state %q, want after_end", s)
	}
}

func TestTodaySpacingMovesTheIntake(t *testing.T) {
	p := testPlan()
	levo := Entry{At: at("2026-12-08 07:10"), Med: &Med{Name: "levothyroxine", Class: "levothyroxine", BeforeHours: 4, AfterHours: 4, Known: true,
		Rules: []SpacingRule{{BeforeHours: 4, AfterHours: 4, Sources: []string{"synthroid-pi"}}}}}
	ul := 350.0
	limit := (&Limit{Mg: &ul}).Applied()
	// day 8 is 200 mg, morning 08:00 and evening 21:00
	td := MakeToday(p, []Entry{levo}, at("2026-12-08 07:30"), limit)
	if len(td.Intakes) != 2 {
		t.Fatalf("%d intakes, want 2", len(td.Intakes))
	}
	if got := td.Intakes[0].Earliest.Format("15:04"); got != "11:10" {
		t.Errorf("morning dose not before %s, want 11:10", got)
	}
	if got := td.Intakes[1].Earliest.Format("15:04"); got != "21:00" {
		t.Errorf("evening dose at %s, want 21:00", got)
	}
	// a dose at 09:00 is inside the window: flagged with its source
	dose := mg("2026-12-08 09:00", 100)
	td = MakeToday(p, []Entry{levo, dose}, at("2026-12-08 09:30"), limit)
	if len(td.Flags) != 1 || td.Flags[0].Sources[0] != "synthroid-pi" || !td.Flags[0].Before {
		t.Errorf("flags %+v, want one, after levothyroxine, from synthroid-pi", td.Flags)
	}
	if td.Intakes[0].Status != StatusTaken || td.Intakes[1].Status != StatusDue {
		t.Errorf("statuses %s, %s; want taken, due", td.Intakes[0].Status, td.Intakes[1].Status)
	}
	if td.Check.Over || td.TakenMg != 100 {
		t.Errorf("taken %v, over %v", td.TakenMg, td.Check.Over)
	}
}

func TestTodayLateMedicinePushesPastMidnight(t *testing.T) {
	p := testPlan()
	iron := Entry{At: at("2026-12-08 20:30"), Med: &Med{Name: "iron", BeforeHours: 4, AfterHours: 4,
		Rules: []SpacingRule{{BeforeHours: 4, AfterHours: 4, Sources: []string{"smpc-magnaspartate"}}}}}
	td := MakeToday(p, []Entry{iron}, at("2026-12-08 20:45"), limits.Applied{})
	if got := td.Intakes[1].Status; got != StatusNotToday {
		t.Errorf("evening status %q, want not_today", got)
	}
}

func TestAdherenceCountsFromThePlansStart(t *testing.T) {
	p := *testPlan()
	entries := []Entry{mg("2026-11-29 21:00", 100), mg("2026-12-01 21:00", 100), mg("2026-12-03 21:00", 100), mg("2026-12-03 21:10", 100)}
	per := MakePeriod([]Plan{p}, entries, at("2026-12-04 12:00"), date("2026-11-28"), date("2026-12-10"))
	// planned: days 1-3, one dose each (day 4 is today); logged: day 1
	// and day 3 (two entries, at most one counted)
	if per.PlannedDoses != 3 || per.LoggedDoses != 2 {
		t.Errorf("adherence %d/%d, want 2/3", per.LoggedDoses, per.PlannedDoses)
	}
	if len(per.Days) != 7 {
		t.Errorf("%d days, want 7 (cut at today)", len(per.Days))
	}
	if !per.Days[2].Missed() == false || per.Days[1].State != StateNoPlan {
		t.Errorf("days before the start have no plan")
	}
	if !per.Days[4].Missed() {
		t.Errorf("day 2 of the plan should be missed")
	}
}

func TestDoubleWithinAMinute(t *testing.T) {
	a, b := mg("2026-12-01 21:00", 100), mg("2026-12-01 21:00", 100)
	b.At = b.At.Add(59 * time.Second)
	if !b.IsDouble(&a) {
		t.Error("the same dose 59 s later is a double")
	}
	b.At = a.At.Add(time.Minute)
	if b.IsDouble(&a) {
		t.Error("a minute later is no double")
	}
	c := mg("2026-12-01 21:00", 120)
	if c.IsDouble(&a) {
		t.Error("another amount is no double")
	}
}

func TestParseGutDutch(t *testing.T) {
	for in, want := range map[string]Gut{"dun": GutLoose, "Krampen": GutCramps, "misselijk": GutNausea, "goed": GutOK, " OK ": GutOK} {
		if g, err := ParseGut(in); err != nil || g != want {
			t.Errorf("ParseGut(%q) = %q, %v; want %q", in, g, err, want)
		}
	}
	if _, err := ParseGut("sick"); err == nil {
		t.Error("sick is no gut word")
	}
}

// Any word: ParseGut gives one of the four gut words or an error, and
// the same word in any case and padding gives the same answer.
func FuzzParseGut(f *testing.F) {
	for _, s := range []string{"ok", "loose", "Dun", " krampen ", "misselijk", "sick", "", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, err := ParseGut(s)
		if err != nil {
			if g != "" {
				t.Errorf("%q: an error and %q", s, g)
			}
			return
		}
		if g.Code() == 0 {
			t.Errorf("%q: %q is not a gut word", s, g)
		}
		if g2, err := ParseGut(" " + strings.ToUpper(s) + " "); err == nil && g2 != g {
			t.Errorf("%q: %q, but upper case %q", s, g, g2)
		}
	})
}

// A limit in force below the plan's dose cuts what is still due to what
// fits (rule limit_now); a plan in units cuts in whole units, and a dose
// nothing of which fits is over_limit. A supervised plan keeps its doses.
func TestTodayCutsToTheLimitInForce(t *testing.T) {
	limit := func(mg float64) limits.Applied {
		return (&Limit{Authority: "efsa", AuthorityName: "EU SCF/EFSA", Mg: &mg}).Applied()
	}
	// day 8: 200 mg, 100 in the morning and 100 in the evening
	now := at("2026-12-08 07:30")
	td := MakeToday(testPlan(), nil, now, limit(150))
	if td.Cap == nil || !td.Cap.Today || td.Cap.FromDay != 7 || td.Cap.PlanMg != 200 {
		t.Fatalf("cap %+v, want today, from day 7, plan 200", td.Cap)
	}
	if in := td.Intakes[1]; in.ElementalMg != 50 || in.PlannedMg != 100 || in.Status != StatusDue {
		t.Errorf("evening %+v, want 50 of 100, due", in)
	}
	if got := td.StillDueMg(); got != 150 {
		t.Errorf("still due %v, want 150", got)
	}
	if len(td.Reasons) == 0 || td.Reasons[len(td.Reasons)-1].Rule != RuleLimitNow {
		t.Errorf("reasons %+v, want limit_now last", td.Reasons)
	}
	// in units of 50 mg: 20 mg of room after the morning fits no unit
	p := testPlan()
	p.UnitElMg = 50
	td = MakeToday(p, nil, now, limit(120))
	if in := td.Intakes[1]; in.Status != StatusOverLimit || in.ElementalMg != 0 {
		t.Errorf("evening %+v, want over_limit, 0 mg", in)
	}
	if got := td.StillDueMg(); got != 100 {
		t.Errorf("still due %v, want 100", got)
	}
	// the days before the plan passes the limit are not cut, and say when
	td = MakeToday(testPlan(), nil, at("2026-12-02 07:30"), limit(150))
	if td.Cap == nil || td.Cap.Today || td.Intakes[0].PlannedMg != 0 {
		t.Errorf("day 2: cap %+v, intake %+v; want the cap noted, nothing cut", td.Cap, td.Intakes[0])
	}
	// supervised: above a limit by design
	p = testPlan()
	p.Supervised = true
	if td = MakeToday(p, nil, now, limit(150)); td.Cap != nil || td.StillDueMg() != 200 {
		t.Errorf("supervised: cap %+v, still due %v; want no cap, 200", td.Cap, td.StillDueMg())
	}
}

// A dose still due after its planned time is due from now, moved out of
// a window of a medicine logged since (audit 2, item 1).
func TestTodayOverdueDoseLeavesALaterWindow(t *testing.T) {
	p := testPlan()
	iron := Entry{At: at("2026-12-08 14:00"), Med: &Med{Name: "iron", BeforeHours: 4, AfterHours: 4,
		Rules: []SpacingRule{{BeforeHours: 4, AfterHours: 4, Sources: []string{"smpc-magnaspartate"}}}}}
	td := MakeToday(p, []Entry{iron}, at("2026-12-08 15:13"), limits.Applied{})
	if got := td.Intakes[0].Earliest.Format("15:04"); got != "18:00" || td.Intakes[0].MovedBy == nil {
		t.Errorf("morning dose from %s (moved by %v), want 18:00 by iron", got, td.Intakes[0].MovedBy)
	}
	td = MakeToday(p, nil, at("2026-12-08 15:13"), limits.Applied{})
	if got := td.Intakes[0].Earliest.Format("15:04"); got != "15:13" {
		t.Errorf("overdue morning dose from %s, want now, 15:13", got)
	}
}

// A saved plan's line that its dose is above another authority's limit is
// worked out against the limit in force, never replayed (audit 3 item 2);
// the command that makes a plan under it keeps what shapes the doses.
func TestWarningsUnderTheLimitInForce(t *testing.T) {
	limit := func(key, name string, mg float64) limits.Applied {
		return (&Limit{Authority: key, AuthorityName: name, Mg: &mg}).Applied()
	}
	p := testPlan() // 200 mg/day at most, saved under the US 350 mg/day
	p.WarningTexts = []Text{
		{Format: "keep me"},
		TextOf(limits.AboveOthers(200, limit("nih", "US IOM/NIH", 350), []limits.Applied{limit("efsa", "EU SCF/EFSA", 150)})),
	}
	p.Warnings = []string{"keep me", "replayed"}
	// under EFSA's 150 mg/day the plan is above the limit in force: no
	// "within the limit that mgcalc applies"
	got := p.WarningsUnder(limit("efsa", "EU SCF/EFSA", 150), []limits.Applied{limit("nih", "US IOM/NIH", 350)})
	if len(got) != 1 || got[0].Error() != "keep me" {
		t.Errorf("under 150 mg/day: %v, want [keep me]", got)
	}
	// under the UK's 400 mg/day: above EFSA's 150, within the UK's, said
	// against the UK's, in the saved line's place
	got = p.WarningsUnder(limit("evm", "UK EVM", 400), []limits.Applied{limit("efsa", "EU SCF/EFSA", 150), limit("nih", "US IOM/NIH", 350)})
	want := "200.0 mg/day is above the EU SCF/EFSA limit of 150 mg/day, though within the UK EVM limit of 400 mg/day that mgcalc applies"
	if len(got) != 2 || got[0].Error() != "keep me" || got[1].Error() != want {
		t.Errorf("under 400 mg/day: %v, want [keep me, %s]", got, want)
	}
	// the other magnesium the plan was made beside counts
	p.OtherMg = 200
	got = p.WarningsUnder(limit("evm", "UK EVM", 450), []limits.Applied{limit("nih", "US IOM/NIH", 350)})
	want = "400.0 mg/day is above the US IOM/NIH limit of 350 mg/day, though within the UK EVM limit of 450 mg/day that mgcalc applies"
	if len(got) != 2 || got[1].Error() != want {
		t.Errorf("with 200 mg/day besides: %v, want [keep me, %s]", got, want)
	}

	p = testPlan()
	p.Goal, p.Gut, p.Form, p.Variant = "sleep", "sensitive", "citrate", "anhydrous"
	p.UnitMg, p.Half, p.UnitName = 1830, true, "sachet"
	if got, want := p.remake(limit("efsa", "EU SCF/EFSA", 250)), command("mgcalc plan --goal sleep --gut sensitive --form citrate:anhydrous --authority efsa --capsule 1830 --half --unit-name sachet --save --force"); got != want {
		t.Errorf("remake %q, want %q", got, want)
	}
	p.UnitMg, p.UnitElMg, p.Half, p.UnitName, p.Gut = 0, 0, false, "", "normal"
	if got, want := p.remake(limit("nih", "US IOM/NIH", 350)), command("mgcalc plan --goal sleep --form citrate --save --force"); got != want {
		t.Errorf("remake under the saved authority %q, want %q", got, want)
	}
}
