package render

import (
	"fmt"
	"hash/fnv"
	"io"
	"strings"
	"time"

	"github.com/mgcalc/mgcalc/pkg/ics"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
)

// Calendar turns a plan into iCalendar events: one daily-repeating event
// per step and time of day (at Morning or Evening after midnight), and an
// all-day event for each evaluation point. UIDs and DTSTAMP are derived
// from the plan and the start date, so the same plan gives the same file.
type Calendar struct {
	Plan             *plan.Plan
	Start            time.Time // day 1, a date
	Morning, Evening time.Duration
	Remind           bool
	P                msg.Printer // the titles' language: people read a calendar
}

// ProdID names mgcalc as the calendar's producer.
const ProdID = "-//mgcalc//magnesium plan//EN"

// Events builds the events, with titles in p's language.
func (c Calendar) Events(p msg.Printer) []ics.Event {
	pp := c.Plan
	day0 := time.Date(c.Start.Year(), c.Start.Month(), c.Start.Day(), 0, 0, 0, 0, time.UTC)
	// the UIDs carry a digest of the schedule: a changed plan gets new
	// events instead of overwriting some of the old ones in a calendar
	h := fnv.New64a()
	for _, s := range pp.Steps {
		fmt.Fprintf(h, "%d-%d-%.6f;", s.FirstDay, s.LastDay, s.ElementalMg)
		for _, in := range s.Intakes {
			fmt.Fprintf(h, "%s=%.6f;", in.When, in.ElementalMg)
		}
	}
	fmt.Fprintf(h, "%v|%d|%d|%v", pp.Supervised, c.Morning, c.Evening, c.Remind)
	base := fmt.Sprintf("%s-%s-%s-%s-%s-%x", pp.Goal.Key, pp.Form.Key, pp.Variant.Key, pp.Gut, day0.Format("20060102"), h.Sum64())
	var out []ics.Event
	lines := []string{p.S("Magnesium plan for %s: %s.", goalName(p, pp.Goal), formName(p, pp.Form))}
	if pp.Supervised {
		lines = append([]string{p.S("For use under medical supervision only.")}, lines...)
	}
	// every intake carries the medicines' spacing: the calendar is what
	// the person follows each day
	times := pp.IntakeTimes(c.Morning, c.Evening)
	for _, s := range pp.Spacing {
		text := medName(p, s) + ": " + medRule(p, s, pp.Form)
		if w := plan.MedWindows(s, times); s.Applies && len(s.Rules) > 0 {
			text += "; " + windowsText(p, s, w, times)
		}
		lines = append(lines, text+".")
	}
	for _, in := range pp.Midday {
		lines = append(lines, p.S("%s is taken on waking: the morning magnesium moves to midday (%s)", interactionName(p, in), clockText(pp.IntakeTime(plan.Midday, c.Morning, c.Evening)))+".")
	}
	for _, n := range pp.Notices {
		if n.Key == "step-back" {
			lines = append(lines, p.Message(n.BriefText()))
		}
	}
	desc := strings.Join(lines, "\n")
	for i, s := range pp.Steps {
		for _, in := range s.Intakes {
			at := pp.IntakeTime(in.When, c.Morning, c.Evening)
			when := p.S("evening")
			switch in.When {
			case plan.Morning:
				when = p.S("morning")
			case plan.Midday:
				when = p.S("midday")
			}
			summary := p.S("Magnesium (%s): %s mg magnesium = %s mg %s", when, p.Num(in.ElementalMg, 1), p.Num(in.CompoundMg, 1), formName(p, pp.Form))
			if pp.Unit.IsSet() {
				summary = p.S("Magnesium (%s): %s, %s mg magnesium", when, p.Message(plan.UnitCount(pp.Unit.Name, in.Units)), p.Num(in.ElementalMg, 1))
			}
			e := ics.Event{
				UID:         fmt.Sprintf("%s-step%d-%s-%s@mgcalc", base, i+1, in.When, FormatFloat(in.ElementalMg, MassDec)),
				Start:       DateOf(day0, s.FirstDay).Add(at),
				Duration:    5 * time.Minute,
				Summary:     summary,
				Description: desc,
				Count:       s.LastDay - s.FirstDay + 1,
			}
			if c.Remind {
				e.Alarm = &ics.Alarm{Description: e.Summary}
			}
			out = append(out, e)
		}
	}
	for _, ev := range pp.Evaluate {
		out = append(out, ics.Event{
			UID:         fmt.Sprintf("%s-evaluate-day%d@mgcalc", base, ev.Day),
			Start:       DateOf(day0, ev.Day),
			AllDay:      true,
			Summary:     p.S("Magnesium: evaluate (%s)", evalWhat(p, pp.Goal.Key, ev)),
			Description: p.DataText(ruleText(pp, "keep_lowest")),
		})
	}
	return out
}

// Write writes the calendar, its titles in c.P's language.
func (c Calendar) Write(w io.Writer) error {
	stamp := time.Date(c.Start.Year(), c.Start.Month(), c.Start.Day(), 0, 0, 0, 0, time.UTC)
	return ics.Write(w, ProdID, stamp, c.Events(c.P))
}

// ruleText is the text of the plan's rule with key.
func ruleText(p *plan.Plan, key string) string {
	for _, r := range p.Rules {
		if r.Key == key {
			return r.Note
		}
	}
	return ""
}
