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
	desc := strings.Join([]string{
		p.S("Magnesium plan for %s: %s.", goalName(p, pp.Goal), formName(p, pp.Form)),
		p.DataText(ruleText(pp, "step_back")),
		p.S("Sources: %s.", strings.Join(pp.Sources, ", ")),
	}, "\n")
	if pp.Supervised {
		desc = p.S("For use under medical supervision only.") + "\n" + desc
	}
	for i, s := range pp.Steps {
		for _, in := range s.Intakes {
			at := c.Evening
			when := p.S("evening")
			if in.When == plan.Morning {
				at, when = c.Morning, p.S("morning")
			}
			amount := p.S("%s mg magnesium", p.Num(in.ElementalMg, 1))
			if pp.Unit.IsSet() {
				amount = p.Message(msg.Plural(in.Units, "%s unit, %s mg magnesium", "%s units, %s mg magnesium", msg.A(in.Units), msg.N(in.ElementalMg, 1)))
			}
			e := ics.Event{
				UID:         fmt.Sprintf("%s-step%d-%s-%s@mgcalc", base, i+1, in.When, FormatFloat(in.ElementalMg, MassDec)),
				Start:       DateOf(day0, s.FirstDay).Add(at),
				Duration:    5 * time.Minute,
				Summary:     p.S("Magnesium (%s): %s %s (%s mg %s)", when, amount, formName(p, pp.Form), p.Num(in.CompoundMg, 1), variantName(p, pp.Form, pp.Variant)),
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
