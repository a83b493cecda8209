package journal

import (
	"slices"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
)

// Rule is one rule of the loop: what it says and where it comes from. A
// rule whose Basis is mgcalc is mgcalc's own choice where no source gives
// one; its Sources are what it leans on.
type Rule struct {
	Key     string
	Value   float64 // 0 for a rule without a number
	Unit    string  // days, or ""
	Basis   plan.Basis
	Sources []string
	Note    *msg.Message
}

// The rules' keys.
const (
	RuleBadGut      = "bad_gut"
	RuleEpisode     = "episode"
	RuleStepBack    = "step_back"
	RuleStepBackTo  = "step_back_to"
	RuleHold        = "hold"
	RuleRetry       = "retry"
	RuleLowerTarget = "lower_target"
	RuleStop        = "stop"
	RuleAfterEnd    = "after_end"
	RuleMissed      = "missed"
	RuleSpacing     = "spacing"
	RuleClosedWay   = "closed_way"
	RuleDouble      = "double"
	RuleLimitNow    = "limit_now"
)

// badGutSources say loose stools, cramps and nausea are magnesium's
// side effects on the gut: seeds 004 and 000 (loose stools, cramps, a
// rumbling gut), seeds 000 and 001 (nausea).
var badGutSources = []string{"seed-004", "seed-000", "seed-001"}

// pauseSources say to stop for a while and reintroduce at a lower dose:
// seed 000 (a stop-test) and the Magnaspartate SmPC (interrupt, restart
// at a reduced dose).
var pauseSources = []string{"seed-000", "smpc-magnaspartate"}

// closedWaySources give a spacing one way only: gabapentin after an
// antacid (data/plan.yaml, closed_way).
var closedWaySources = []string{"neurontin-label"}

// Rules lists the loop's rules for plan p (nil: the rules that need no
// plan), each with its basis.
func Rules(p *Plan) []Rule {
	stepBack := badGutSources
	keepLowest := []string{"seed-001"}
	hold := 0
	if p != nil {
		stepBack = union(p.StepBack.Sources, pauseSources)
		if len(p.KeepLowest.Sources) > 0 {
			keepLowest = p.KeepLowest.Sources
		}
		hold = p.IntervalDays
	}
	rules := []Rule{
		{Key: RuleBadGut, Basis: plan.FromSource, Sources: badGutSources,
			Note: msg.New("loose stools, stomach cramps or nausea make a bad gut day: a sign that the dose is too high or the form does not suit")},
		{Key: RuleEpisode, Basis: plan.FromMgcalc,
			Note: msg.New("bad gut days in a row are one episode, counted against the dose of its first day: a gut takes a day or more to settle, and no source says how to count them")},
		{Key: RuleStepBack, Basis: plan.FromSource, Sources: stepBack,
			Note: msg.New("after a bad gut day, step back: the sources say to lower the dose, and the Magnaspartate SmPC to interrupt and restart at a reduced dose")},
		{Key: RuleStepBackTo, Basis: plan.FromMgcalc, Sources: pauseSources,
			Note: msg.New("back to the last dose you tolerated, the plan's step before; no source says by how much. At the start dose there is none: a pause, then the start dose once more (a consumer article (Topvitamine, 2025) and the Magnaspartate SmPC say to stop for a while and restart lower; the plan has no lower dose, so a second bad day ends it)")},
	}
	if p != nil {
		rules = append(rules, Rule{Key: RuleHold, Value: float64(hold), Unit: "days", Basis: plan.FromMgcalc, Sources: []string{"seed-001"},
			Note: msg.Plural(float64(hold), "hold the tolerated dose for %d day, one step interval of the plan (a consumer article (Topvitamine, 2026): evaluate after one to two weeks, then raise), before trying again: no source says how long",
				"hold the tolerated dose for %d days, one step interval of the plan (a consumer article (Topvitamine, 2026): evaluate after one to two weeks, then raise), before trying again: no source says how long", hold)})
	}
	rules = append(rules,
		Rule{Key: RuleRetry, Basis: plan.FromMgcalc,
			Note: msg.New("then retry the dose that upset the gut once, for a full step of the plan")},
		Rule{Key: RuleLowerTarget, Basis: plan.FromMgcalc, Sources: keepLowest,
			Note: msg.New("a second bad gut day at the same dose lowers the target to the last dose you tolerated (keep the lowest dose that works, as a consumer article (Topvitamine, 2026) says)")},
		Rule{Key: RuleStop, Basis: plan.FromMgcalc, Sources: stepBack,
			Note: msg.New("a second bad gut day at the start dose ends the schedule: talk to your doctor or pharmacist, or change to a gentler form")},
		Rule{Key: RuleAfterEnd, Basis: plan.FromMgcalc, Sources: keepLowest,
			Note: msg.New("after the schedule's last day its last dose continues: keep the lowest dose that works (a consumer article (Topvitamine, 2026))")},
		Rule{Key: RuleMissed, Basis: plan.FromMgcalc,
			Note: msg.New("a day without magnesium logged is marked missed; it does not move the schedule")},
		Rule{Key: RuleSpacing, Basis: plan.FromSource,
			Note: msg.New("a logged medicine moves the day's intakes out of its spacing window, by the longest of the interaction table's rules that apply to the magnesium's form (every rule where the form is not known), and a magnesium dose logged inside a window is flagged")},
		Rule{Key: RuleClosedWay, Value: plan.ClosedHours, Unit: "hours", Basis: plan.FromMgcalc, Sources: closedWaySources,
			Note: msg.New("a spacing rule that gives a time one way only (gabapentin: at least 2 h after magnesium) closes the other way for %s hours: no source gives a number for it, and 'any time' would allow a dose right next to the medicine", msg.N(plan.ClosedHours, 0))},
		Rule{Key: RuleLimitNow, Basis: plan.FromMgcalc,
			Note: msg.New("where the upper limit in force now (another authority, a person who changed) is below the saved plan's dose, what is still due today is cut to stay within it (whole units for a plan in units), and mgcalc says so: a schedule that passes the limit is never printed")},
		Rule{Key: RuleDouble, Basis: plan.FromMgcalc,
			Note: msg.New("an identical entry less than a minute from another is refused as a double (--force keeps it)")},
	)
	if p != nil {
		var spacing []string
		for _, m := range p.Spacing {
			spacing = union(spacing, m.Sources())
		}
		for i := range rules {
			if rules[i].Key == RuleSpacing {
				rules[i].Sources = spacing
			}
		}
	}
	return rules
}

// RuleOf returns the rule with key in rules.
func RuleOf(rules []Rule, key string) Rule {
	for _, r := range rules {
		if r.Key == key {
			return r
		}
	}
	return Rule{Key: key}
}

func union(a, b []string) []string {
	out := append([]string{}, a...)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
