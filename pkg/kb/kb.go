// Package kb loads mgcalc's embedded knowledge tables once, on first use,
// and validates them. A broken table is a build defect: the tests load the
// embedded tables, so a bad edit fails CI before it ships.
package kb

import (
	"sync"

	"github.com/mgcalc/mgcalc/data"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/source"
)

var (
	sourcesOnce = sync.OnceValues(func() (source.Registry, error) { return source.Load(data.Sources) })
	formsOnce   = sync.OnceValues(func() (*forms.Table, error) {
		reg, err := sourcesOnce()
		if err != nil {
			return nil, err
		}
		w, err := forms.LoadWeights(data.Elements, reg)
		if err != nil {
			return nil, err
		}
		return forms.LoadWithNames(data.Forms, data.Names, w, reg)
	})
	limitsOnce = sync.OnceValues(func() (*limits.Tables, error) {
		reg, err := sourcesOnce()
		if err != nil {
			return nil, err
		}
		return limits.Load(data.Limits, reg)
	})
	planOnce = sync.OnceValues(func() (*plan.Knowledge, error) {
		reg, err := sourcesOnce()
		if err != nil {
			return nil, err
		}
		ft, err := formsOnce()
		if err != nil {
			return nil, err
		}
		return plan.Load(data.Plan, ft, reg)
	})
)

// Sources returns the bibliography.
func Sources() (source.Registry, error) { return sourcesOnce() }

// Forms returns the form table.
func Forms() (*forms.Table, error) { return formsOnce() }

// Limits returns the reference-value tables.
func Limits() (*limits.Tables, error) { return limitsOnce() }

// Plan returns the knowledge behind `mgcalc plan`, validated against the
// form table and the bibliography.
func Plan() (*plan.Knowledge, error) { return planOnce() }
