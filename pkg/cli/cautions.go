package cli

import (
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
)

// personCautions are the "see a doctor" messages the sources call for
// (IOM 1997, NIH ODS, seed 004): children, infants without a limit,
// pregnancy and lactation. adultMg is the authority's adult limit.
func personCautions(p limits.Person, l render.Limit, adultMg *float64) []*msg.Message {
	var out []*msg.Message
	switch {
	case l.Mg == nil && p.AgeSet && p.Age < 1:
		out = append(out, msg.New("no upper limit exists for infants: give magnesium supplements only on a doctor's advice"))
	case l.Mg == nil:
		out = append(out, msg.New("%s sets no upper limit for %s: ask a doctor, or compare with --authority nih", l.AuthorityName, who(p)))
	case p.Child() && adultMg != nil && *l.Mg < *adultMg:
		out = append(out, msg.New("children have their own, lower limits: ask a doctor before giving magnesium supplements"))
	case p.Child():
		out = append(out, msg.New("for children and teenagers, ask a doctor before giving magnesium supplements"))
	}
	if p.Pregnant || p.Lactating {
		out = append(out, msg.New("the upper limit is unchanged in pregnancy and lactation; talk to your doctor or midwife before taking supplements"))
	}
	return out
}
