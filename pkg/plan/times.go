package plan

import (
	"math"
	"slices"
	"time"
)

// day is the length of a day on the clock.
const day = 24 * time.Hour

// IntakeTime is the clock time (an offset from midnight) of an intake at
// when: morning and evening as the person gives them; midday, where a
// medicine taken on waking moved the morning intake, is the longest of
// those medicines' spacings before magnesium after the morning time
// (mgcalc's rule: the medicine is taken on waking, by the morning time at
// the latest, so its spacing is then kept).
func (p *Plan) IntakeTime(when TimeOfDay, morning, evening time.Duration) time.Duration {
	switch when {
	case Morning:
		return morning
	case Midday:
		// the spacing applied to the plan's form, as the medicine's window
		hours := 0.0
		for _, s := range p.Spacing {
			if slices.Contains(p.Midday, s.Interaction) {
				hours = math.Max(hours, s.BeforeHours)
			}
		}
		return min(morning+time.Duration(math.Ceil(hours*60))*time.Minute, day-time.Minute)
	}
	return evening
}

// IntakeTimes are the distinct clock times of the plan's intakes, in
// order of the day.
func (p *Plan) IntakeTimes(morning, evening time.Duration) []time.Duration {
	var out []time.Duration
	for _, s := range p.Steps {
		for _, in := range s.Intakes {
			if t := p.IntakeTime(in.When, morning, evening); !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Window is a span of the clock, From to To (offsets from midnight); a
// window with To before From runs past midnight.
type Window struct{ From, To time.Duration }

// MedWindows is when a medicine spaced by s may be taken on a day whose
// magnesium is taken at times: at least BeforeHours before or AfterHours
// after each intake. Nil where no time of day is far enough from all of
// them (a way closed by a rule that gives no time for it closes the whole
// day: ClosedHours), or where s gives no spacing.
func MedWindows(s MedSpacing, times []time.Duration) []Window {
	if !s.Applies || len(s.Rules) == 0 || len(times) == 0 {
		return nil
	}
	before := time.Duration(s.BeforeHours * float64(time.Hour))
	after := time.Duration(s.AfterHours * float64(time.Hour))
	if before+after >= day {
		return nil
	}
	// the forbidden spans (t-before, t+after), on a clock from 0 to day
	type span struct{ a, b time.Duration }
	var bad []span
	for _, t := range times {
		a, b := t-before, t+after
		switch {
		case a < 0:
			bad = append(bad, span{a + day, day}, span{0, b})
		case b > day:
			bad = append(bad, span{a, day}, span{0, b - day})
		default:
			bad = append(bad, span{a, b})
		}
	}
	slices.SortFunc(bad, func(x, y span) int { return int(x.a - y.a) })
	var free []Window
	at := time.Duration(0)
	for _, sp := range bad {
		if sp.a > at {
			free = append(free, Window{at, sp.a})
		}
		at = max(at, sp.b)
	}
	if at < day {
		free = append(free, Window{at, day})
	}
	// a window that reaches midnight and one that starts there are one
	if n := len(free); n > 1 && free[0].From == 0 && free[n-1].To == day {
		free[0].From = free[n-1].From
		free = free[:n-1]
	}
	for i := range free {
		free[i].From %= day
		free[i].To %= day
	}
	return free
}
