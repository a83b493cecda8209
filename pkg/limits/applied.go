package limits

import (
	"math"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// Tolerance is the one precision at which mgcalc decides "over the limit":
// an amount is over when it exceeds the limit by more than Tolerance mg,
// that is, when it is above the limit once both are rounded to 0.01 mg.
// Float noise (1e-13 mg) can therefore never tip an amount that equals the
// limit over it, and the verdict does not depend on how a daily amount is
// split into items, counts or files.
const Tolerance = 0.005

// Applied is the supplemental upper limit that applies to one person under
// one authority. Band.Mg is nil where the authority sets none.
type Applied struct {
	Authority *Authority
	Person    Person
	Band      ULBand
	AdultMg   *float64 // the authority's adult limit
}

// For returns the limit that applies to p.
func (a *Authority) For(p Person) Applied {
	return Applied{Authority: a, Person: p, Band: a.UL(p), AdultMg: a.UL(Person{}).Mg}
}

// Mg is the limit in mg/day, or nil where none is set.
func (l Applied) Mg() *float64 { return l.Band.Mg }

// Check is the verdict for one daily amount against the limit.
type Check struct {
	HasLimit bool
	Percent  float64 // of the limit; 0 without one
	Over     bool    // false without a limit: nothing to be over
}

// Check compares a daily amount (unrounded, mg) with the limit. It is the
// only place mgcalc decides "over".
func (l Applied) Check(mg float64) Check {
	if l.Band.Mg == nil {
		return Check{}
	}
	ul := *l.Band.Mg
	return Check{HasLimit: true, Percent: mg / ul * 100, Over: mg-ul > Tolerance}
}

// Cautions are the "see a doctor" messages the sources call for (IOM 1997,
// NIH ODS, a practitioner's blog) for this person: infants, children,
// pregnancy and lactation, impaired kidneys, and a person for whom the
// authority sets no limit. They do not
// depend on an amount; the over-the-limit caution belongs to the caller,
// which knows what was added up.
func (l Applied) Cautions() []*msg.Message { return l.CautionsFor(0, nil) }

// CautionsFor are Cautions for an amount of mg, compared with every
// authority's limit for the person (others): where l's authority sets no
// limit, the line that says so also says what the others set and whether
// mg exceeds it (NoLimitHere).
func (l Applied) CautionsFor(mg float64, others []Applied) []*msg.Message {
	p := l.Person
	noLimit := l.NoLimitHere(mg, others)
	var out []*msg.Message
	switch {
	case p.AgeSet && p.Age < 1:
		out = append(out, msg.New("no upper limit exists for infants: give magnesium supplements only on a doctor's advice"))
	case p.Child():
		if noLimit != nil {
			out = append(out, noLimit)
		} else if l.Band.Mg == nil {
			out = append(out, msg.New("%s sets no upper limit for %s", l.Authority.Name, Who(p)))
		} else if l.AdultMg != nil && *l.Band.Mg < *l.AdultMg {
			out = append(out, msg.New("children have their own, lower limits"))
		}
		out = append(out, msg.New("for children and teenagers, ask a doctor before giving magnesium supplements"))
	case noLimit != nil:
		out = append(out, noLimit)
	case l.Band.Mg == nil:
		out = append(out, msg.New("%s sets no upper limit for %s: ask a doctor, or compare with another authority's limit", l.Authority.Name, Who(p)))
	}
	if p.Pregnant || p.Lactating {
		out = append(out, msg.New("the upper limit is unchanged in pregnancy and lactation; talk to your doctor or midwife before taking supplements"))
	}
	if p.KidneyImpaired {
		out = append(out, msg.New("the upper limits are set for people with healthy kidneys: with impaired kidneys magnesium can build up, so see your doctor before taking it"))
	}
	return out
}

// Who describes the person for text: "adults", "age 6", "age 6 months".
// Ages are shown truncated, never rounded up, so a 17.99-year-old is
// never shown as 18 beside a limit for under-18s.
func Who(p Person) *msg.Message {
	switch {
	case !p.AgeSet:
		return msg.New("adults")
	case p.Age < 1:
		months := int(p.Age*12 + 1e-9)
		return msg.Plural(float64(months), "age %d month", "age %d months", months)
	case p.Age == math.Trunc(p.Age):
		return msg.New("age %d", int(p.Age))
	default:
		return msg.New("age %s", msg.N(math.Trunc(p.Age*10)/10, 1))
	}
}

// ResolveAuthority finds an authority by key, by the one fold of typed
// names (any case, full-width letters); a character the fold does not
// read is refused (msg.NameRefusal), never dropped.
func (t *Tables) ResolveAuthority(key string) (*Authority, error) {
	f, err := text.Fold(key)
	if r := msg.NameRefusal(key, err); r != nil {
		return nil, r
	}
	var a *Authority
	for _, u := range t.UpperLimits {
		if k, _ := text.Fold(u.Key); k == f && f != "" {
			a = u
		}
	}
	if a == nil {
		return nil, msg.Errorf("unknown authority %q", text.Clip(key)).
			WithHint("use one of: %s", strings.Join(t.AuthorityKeys(), ", "))
	}
	return a, nil
}

// Reference is the intake reference (RDA/AI) food and supplements
// together are compared with.
type Reference struct {
	Key   string // us_rda, efsa_ai
	Body  string // who sets it: "US", "EFSA"
	Table *IntakeTable
	// Fallback is true where the chosen authority sets no intake reference
	// of its own and the US values stand in.
	Fallback bool
}

// Reference returns the intake reference of authority a: its own where
// limits.yaml names one, else the US RDA/AI (marked as a fallback).
func (t *Tables) Reference(a *Authority) Reference {
	switch a.Intake {
	case "efsa_ai":
		return Reference{Key: "efsa_ai", Body: "EFSA", Table: t.EFSAAI}
	case "us_rda":
		return Reference{Key: "us_rda", Body: "US", Table: t.USRDA}
	}
	return Reference{Key: "us_rda", Body: "US", Table: t.USRDA, Fallback: true}
}

// OverOthers returns the limits among others, for other authorities than
// l's, that a daily amount of mg is over (by Check's one rule).
func (l Applied) OverOthers(mg float64, others []Applied) []Applied {
	var out []Applied
	for _, o := range others {
		if o.Authority != l.Authority && o.Check(mg).Over {
			out = append(out, o)
		}
	}
	return out
}

// AboveOthers says, in one line, that mg is above the limits of over
// (OverOthers), though within l's: "340 mg/day is above the limits of EU
// SCF/EFSA and DE BfR (250 mg/day), though within the US IOM/NIH limit of
// 350 mg/day that mgcalc applies".
func AboveOthers(mg float64, l Applied, over []Applied) *msg.Message {
	return aboveOthers(msg.N(mg, 1), othersPhrase(over), l.Authority.Name, msg.N(*l.Mg(), 0))
}

// aboveOthers is AboveOthers' message: its format is the one key.
func aboveOthers(args ...any) *msg.Message {
	return msg.New("%s mg/day is above %s, though within the %s limit of %s mg/day that mgcalc applies", args...)
}

// IsAboveOthers reports whether format (a kept message's) is an
// AboveOthers line: one worked out against a limit, which a reader under
// another limit works out again rather than replays.
func IsAboveOthers(format string) bool { return format == aboveOthers().Format }

// othersPhrase names limits with their values: "the EU SCF/EFSA limit of
// 250 mg/day", "the limits of EU SCF/EFSA and DE BfR (250 mg/day)", "the
// limits of EU SCF/EFSA (250 mg/day) and UK EVM (400 mg/day)".
func othersPhrase(ls []Applied) *msg.Message {
	if len(ls) == 1 {
		return msg.New("the %s limit of %s mg/day", ls[0].Authority.Name, msg.N(*ls[0].Mg(), 0))
	}
	same := true
	for _, o := range ls[1:] {
		same = same && *o.Mg() == *ls[0].Mg()
	}
	var names []*msg.Message
	for _, o := range ls {
		if same {
			names = append(names, msg.New("%s", o.Authority.Name))
		} else {
			names = append(names, msg.New("%s (%s mg/day)", o.Authority.Name, msg.N(*o.Mg(), 0)))
		}
	}
	list := names[len(names)-1]
	if len(names) > 1 {
		head := names[0]
		for _, n := range names[1 : len(names)-1] {
			head = msg.New("%s, %s", head, n)
		}
		list = msg.New("%s and %s", head, list)
	}
	if same {
		return msg.New("the limits of %s (%s mg/day)", list, msg.N(*ls[0].Mg(), 0))
	}
	return msg.New("the limits of %s", list)
}

// NoLimitHere says, for a person l's authority sets no limit for, what the
// other authorities set and whether mg exceeds it: "at age 2 the US
// IOM/NIH limit is 65 mg/day, which this exceeds". Nil where no other
// authority sets one either, or l has a limit.
func (l Applied) NoLimitHere(mg float64, others []Applied) *msg.Message {
	if l.Mg() != nil {
		return nil
	}
	var parts []*msg.Message
	for _, o := range others {
		if o.Authority == l.Authority || o.Mg() == nil {
			continue
		}
		if o.Check(mg).Over {
			parts = append(parts, msg.New("the %s limit is %s mg/day, which this exceeds", o.Authority.Name, msg.N(*o.Mg(), 0)))
		} else {
			parts = append(parts, msg.New("the %s limit is %s mg/day, which this is within", o.Authority.Name, msg.N(*o.Mg(), 0)))
		}
	}
	if len(parts) == 0 {
		return nil
	}
	out := parts[0]
	for _, m := range parts[1:] {
		out = msg.New("%s; %s", out, m)
	}
	return msg.New("%s sets no upper limit for %s, but %s", l.Authority.Name, Who(l.Person), out)
}
