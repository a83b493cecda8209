package plan_test

import (
	"testing"

	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/plan"
)

// BenchmarkMake is one plan, as `mgcalc plan --goal sleep --gut sensitive
// --meds levothyroxine` makes it (the knowledge loaded once, as in a call).
func BenchmarkMake(b *testing.B) {
	k, err := kb.Plan()
	if err != nil {
		b.Fatal(err)
	}
	lt, err := kb.Limits()
	if err != nil {
		b.Fatal(err)
	}
	a, err := lt.ResolveAuthority("nih")
	if err != nil {
		b.Fatal(err)
	}
	r := plan.Request{Goal: k.Goal("sleep"), Gut: plan.GutSensitive, Limit: a.For(limits.Person{}), Meds: []string{"levothyroxine"}}
	for b.Loop() {
		if _, err := plan.Make(k, r); err != nil {
			b.Fatal(err)
		}
	}
}
