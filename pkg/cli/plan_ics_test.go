package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
)

// The calendar that `plan --ics` writes is read back by a real iCalendar
// parser: one daily-repeating event per step and time of day on the
// right dates and times, every day of the schedule covered exactly once
// per intake, the evaluation days as all-day events, and the same plan
// giving the same file (stable UIDs).
func TestPlanCalendarParsesBack(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plan.ics")
	args := []string{"plan", "--goal", "sleep", "--gut", "sensitive", "--start", "2026-12-01", "--ics", file, "--remind", "-o", "json"}
	out, errs, code := runWith(t, nil, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatalf("the calendar does not parse: %v", err)
	}
	// what the JSON says the schedule is
	if !strings.Contains(out, `"start_date": "2026-12-01"`) {
		t.Fatalf("json lacks the start date:\n%s", out)
	}
	intakeDays := map[string]int{} // date+time -> count
	evaluations := 0
	uids := map[string]bool{}
	for _, e := range cal.Events() {
		uid, _ := e.Props.Text(ical.PropUID)
		if uids[uid] {
			t.Errorf("UID %s twice", uid)
		}
		uids[uid] = true
		start := e.Props.Get(ical.PropDateTimeStart)
		summary, _ := e.Props.Text(ical.PropSummary)
		if start.ValueType() == ical.ValueDate {
			evaluations++
			if !strings.Contains(summary, "evaluate") {
				t.Errorf("an all-day event that is not an evaluation: %q", summary)
			}
			continue
		}
		set, err := e.RecurrenceSet(time.UTC)
		if err != nil || set == nil {
			t.Fatalf("%s: no recurrence: %v", uid, err)
		}
		alarms := 0
		for _, c := range e.Children {
			if c.Name == ical.CompAlarm {
				alarms++
			}
		}
		if alarms != 1 {
			t.Errorf("%s: %d alarms with --remind", uid, alarms)
		}
		for _, when := range set.All() {
			intakeDays[when.Format("2006-01-02 15:04")]++
		}
	}
	// every day of every step has its intakes, as the JSON plan says
	var pj struct {
		Steps []struct {
			StartDate string `json:"start_date"`
			StartDay  int    `json:"start_day"`
			EndDay    int    `json:"end_day"`
			Intakes   []struct {
				Time string `json:"time"`
			} `json:"intakes"`
		} `json:"steps"`
		EvaluateDays []struct {
			Date string `json:"date"`
		} `json:"evaluate_days"`
	}
	if err := json.Unmarshal([]byte(out), &pj); err != nil {
		t.Fatal(err)
	}
	first, _ := time.Parse("2006-01-02", "2026-12-01")
	want := 0
	for _, st := range pj.Steps {
		for d := st.StartDay; d <= st.EndDay; d++ {
			day := first.AddDate(0, 0, d-1).Format("2006-01-02")
			for _, in := range st.Intakes {
				at := map[string]string{"morning": " 08:00", "evening": " 21:00"}[in.Time]
				if intakeDays[day+at] != 1 {
					t.Fatalf("%s %s: %d intakes in the calendar, want 1", day, in.Time, intakeDays[day+at])
				}
				want++
			}
		}
	}
	if len(intakeDays) != want || want < 56 {
		t.Errorf("%d intake occurrences in the calendar, the plan has %d", len(intakeDays), want)
	}
	if evaluations != len(pj.EvaluateDays) {
		t.Errorf("%d evaluation events, the plan has %d", evaluations, len(pj.EvaluateDays))
	}
	// the same plan gives the same file; an existing file is kept without --force
	_, errs, code = runWith(t, nil, args...)
	if code != ExitUsage || !strings.Contains(errs, "exists") {
		t.Fatalf("second write without --force: exit %d, %s", code, errs)
	}
	if _, errs, code = runWith(t, nil, append(args, "--force")...); code != 0 {
		t.Fatalf("--force: exit %d, %s", code, errs)
	}
	again, _ := os.ReadFile(file)
	if !bytes.Equal(b, again) {
		t.Error("the same plan gave a different calendar")
	}
	// "-" writes the calendar, and only the calendar, to stdout
	out, _, code = runWith(t, nil, "plan", "--goal", "sleep", "--gut", "sensitive", "--start", "2026-12-01", "--ics", "-", "--remind")
	if code != 0 || out != string(b) {
		t.Errorf("--ics - gave exit %d and a different calendar", code)
	}
}

// With medicines, every intake event of the calendar carries their
// spacing, and no intake falls inside a medicine's spacing window: with
// levothyroxine, taken on waking (here at 07:00, before --morning), the
// morning magnesium is at midday, at least 4 hours later; with
// doxycycline, the text says when it fits (checked against the intakes).
func TestPlanCalendarKeepsMedicinesApart(t *testing.T) {
	for _, c := range []struct {
		meds    string
		waking  time.Duration // when the medicine is taken, from midnight
		spacing string
	}{
		{"levothyroxine", 7 * time.Hour, "levothyroxine (thyroid hormone): take the medicine at least 4 h before or 4 h after magnesium"},
		{"Euthyrox", 6*time.Hour + 30*time.Minute, "take the medicine at least 4 h before or 4 h after magnesium"},
		{"alendronate", 7 * time.Hour, "bisphosphonates: take the medicine at least 4 h before or 4 h after magnesium"},
	} {
		out, errs, code := runWith(t, nil, "plan", "--goal", "migraine", "--start", "2026-12-01", "--meds", c.meds, "--ics", "-")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.meds, code, errs)
		}
		cal, err := ical.NewDecoder(strings.NewReader(out)).Decode()
		if err != nil {
			t.Fatalf("%s: the calendar does not parse: %v", c.meds, err)
		}
		intakes := 0
		for _, e := range cal.Events() {
			start := e.Props.Get(ical.PropDateTimeStart)
			if start.ValueType() == ical.ValueDate {
				continue // an evaluation day
			}
			intakes++
			desc, _ := e.Props.Text(ical.PropDescription)
			if !strings.Contains(desc, c.spacing) {
				t.Errorf("%s: an intake event without the spacing rule: %q", c.meds, desc)
			}
			at, err := start.DateTime(time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			tod := time.Duration(at.Hour())*time.Hour + time.Duration(at.Minute())*time.Minute
			if d := tod - c.waking; d > -4*time.Hour && d < 4*time.Hour {
				t.Errorf("%s: an intake at %s, within 4 h of the medicine at %s", c.meds, at.Format("15:04"), c.waking)
			}
		}
		if intakes < 5 {
			t.Errorf("%s: only %d intake events", c.meds, intakes)
		}
	}
}
