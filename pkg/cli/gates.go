package cli

import (
	"errors"

	"github.com/mgcalc/mgcalc/pkg/journal"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/text"
	"github.com/mgcalc/mgcalc/pkg/units"
)

// gateFacts are what the plan's safety gates read of a person besides the
// limit: kidneys, eGFR and conditions, as typed (a flag, or a standing
// setting).
type gateFacts struct {
	Kidney     string
	EGFR       *float64
	Conditions []string
}

// gateFacts are plan's --kidney, --egfr and --condition (each filled from
// its standing setting when not given).
func (o *planOptions) gateFacts() gateFacts {
	return gateFacts{Kidney: o.Kidney, EGFR: o.EGFR, Conditions: o.Conditions}
}

// standingGateFacts are the standing kidney:, egfr: and condition: of a
// command without those flags (today), checked where they stand.
func standingGateFacts(origins *configState) (gateFacts, error) {
	var g gateFacts
	v, ok, err := origins.standingValue("kidney")
	if err != nil {
		return g, err
	}
	if ok {
		g.Kidney = v
	}
	if v, ok, err = origins.standingValue("egfr"); err != nil {
		return g, err
	} else if ok {
		e, err := units.ParseDecimal(v)
		if err != nil {
			return g, usageError(err)
		}
		g.EGFR = &e
	}
	if v, ok, err = origins.standingValue("condition"); err != nil {
		return g, err
	} else if ok {
		g.Conditions, _ = text.List(v)
	}
	return g, nil
}

// into validates the facts into r, as plan reads its flags.
func (g gateFacts) into(k *plan.Knowledge, r *plan.Request) error {
	if g.Kidney != "" {
		var ok bool
		if r.Kidney, ok = parseKidney(g.Kidney); !ok {
			return usageError(msg.Errorf("--kidney must be normal or impaired, not %q", g.Kidney))
		}
	}
	if g.EGFR != nil {
		if *g.EGFR <= 0 || *g.EGFR > 200 {
			return usageError(msg.Errorf("--egfr must be above 0 and at most 200 mL/min, not %s", msg.A(*g.EGFR)))
		}
		r.EGFR = g.EGFR
	}
	for _, c := range g.Conditions {
		gate := k.Condition(c)
		if gate == nil {
			return usageError(msg.Errorf("unknown condition %q", c).
				WithHint("mgcalc knows: %s; for any other condition, ask your doctor", msg.List(k.ConditionKeys()...)))
		}
		r.Conditions = append(r.Conditions, gate)
	}
	return nil
}

// gateSaved passes a saved plan through the plan's own safety gates
// (plan.Knowledge.Gate) again, for the person in force now: its limit,
// age and pregnancy, and facts (kidneys, eGFR, conditions). A schedule
// that `plan` would refuse to print for this person is refused here as
// there (exit 4, the reason on stderr, nothing on stdout), whether plan
// --show or today would print it.
func gateSaved(root *rootOptions, p *journal.Plan, limit limits.Applied, facts gateFacts) error {
	if p == nil {
		return nil
	}
	k, err := root.tables.Plan()
	if err != nil {
		return dataError(err)
	}
	r := plan.Request{Limit: limit, Supervised: p.Supervised}
	if err := facts.into(k, &r); err != nil {
		return err
	}
	if ft, err := root.tables.Forms(); err == nil {
		if f, _, err := ft.Resolve(p.Form); err == nil {
			r.Form = f
		}
	}
	if err := k.Gate(r); err != nil {
		var ref *plan.Refusal
		if errors.As(err, &ref) {
			return &codeError{ExitRefused, ref.Reason}
		}
		return err
	}
	return nil
}
