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
// NIH ODS, seed 004) for this person: infants, children, pregnancy and
// lactation, and a person for whom the authority sets no limit. They do not
// depend on an amount; the over-the-limit caution belongs to the caller,
// which knows what was added up.
func (l Applied) Cautions() []*msg.Message {
	p := l.Person
	var out []*msg.Message
	switch {
	case p.AgeSet && p.Age < 1:
		out = append(out, msg.New("no upper limit exists for infants: give magnesium supplements only on a doctor's advice"))
	case p.Child():
		if l.Band.Mg == nil {
			out = append(out, msg.New("%s sets no upper limit for %s", l.Authority.Name, Who(p)))
		} else if l.AdultMg != nil && *l.Band.Mg < *l.AdultMg {
			out = append(out, msg.New("children have their own, lower limits"))
		}
		out = append(out, msg.New("for children and teenagers, ask a doctor before giving magnesium supplements"))
	case l.Band.Mg == nil:
		out = append(out, msg.New("%s sets no upper limit for %s: ask a doctor, or compare with another authority's limit", l.Authority.Name, Who(p)))
	}
	if p.Pregnant || p.Lactating {
		out = append(out, msg.New("the upper limit is unchanged in pregnancy and lactation; talk to your doctor or midwife before taking supplements"))
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
		return msg.New("age %d months", int(p.Age*12+1e-9))
	case p.Age == math.Trunc(p.Age):
		return msg.New("age %d", int(p.Age))
	default:
		return msg.New("age %s", msg.N(math.Trunc(p.Age*10)/10, 1))
	}
}

// ResolveAuthority finds an authority by key, in any case.
func (t *Tables) ResolveAuthority(key string) (*Authority, error) {
	a := t.Authority(strings.ToLower(strings.TrimSpace(key)))
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
