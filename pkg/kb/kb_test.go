package kb

import (
	"testing"

	"github.com/mgcalc/mgcalc/data"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/source"
)

func TestTablesLoad(t *testing.T) {
	if _, err := Forms(); err != nil {
		t.Fatal(err)
	}
	if _, err := Limits(); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkLoadTables is the start-up cost every mgcalc call pays once:
// decoding and validating the embedded YAML.
func BenchmarkLoadTables(b *testing.B) {
	for b.Loop() {
		reg, err := source.Load(data.Sources)
		if err != nil {
			b.Fatal(err)
		}
		w, err := forms.LoadWeights(data.Elements, reg)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := forms.Load(data.Forms, w, reg); err != nil {
			b.Fatal(err)
		}
		if _, err := limits.Load(data.Limits, reg); err != nil {
			b.Fatal(err)
		}
	}
}
