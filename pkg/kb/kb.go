// Package kb builds mgcalc's knowledge tables once, on first use, and
// validates them. A broken table is a build defect: the tests build the
// tables, so a bad edit fails CI before it ships.
//
// The tables come from data/*.yaml, turned into Go literals by
// cmd/gen-tables (tables_gen.go), so that no YAML is parsed when mgcalc
// runs; validation, formula parsing and every fraction still happen here,
// at first use, with the code that loads the YAML. After editing data/,
// regenerate:
//
//	go generate ./pkg/kb
//
// The tests fail while tables_gen.go is stale.
package kb

import (
	"sync"

	"github.com/mgcalc/mgcalc/pkg/chem"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/source"
)

//go:generate go run ../../cmd/gen-tables -o tables_gen.go -msg ../msg/nl_gen.go

var (
	sourcesOnce = sync.OnceValues(func() (source.Registry, error) { return source.Build(genSources()) })
	formsOnce   = sync.OnceValues(func() (*forms.Table, error) {
		reg, w, err := sourcesAndWeights()
		if err != nil {
			return nil, err
		}
		return forms.Build(genForms(), genNames(), w, reg)
	})
	limitsOnce = sync.OnceValues(func() (*limits.Tables, error) {
		reg, err := sourcesOnce()
		if err != nil {
			return nil, err
		}
		t := genLimits()
		if err := limits.Validate(t, reg); err != nil {
			return nil, err
		}
		return t, nil
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
		return plan.Build(genPlan(), ft, reg)
	})
)

// sourcesAndWeights are what every form table is validated against: the
// bibliography and the atomic weights.
func sourcesAndWeights() (source.Registry, chem.Weights, error) {
	reg, err := sourcesOnce()
	if err != nil {
		return nil, nil, err
	}
	w, err := forms.BuildWeights(genElements(), reg)
	return reg, w, err
}

// Sources returns the bibliography.
func Sources() (source.Registry, error) { return sourcesOnce() }

// Forms returns the form table.
func Forms() (*forms.Table, error) { return formsOnce() }

// Limits returns the reference-value tables.
func Limits() (*limits.Tables, error) { return limitsOnce() }

// Plan returns the knowledge behind `mgcalc plan`, validated against the
// form table and the bibliography.
func Plan() (*plan.Knowledge, error) { return planOnce() }

// FormsFrom builds a form table from a forms.yaml of the user's (mgcalc's
// --table FILE): decoded strictly, in the schema of data/forms.yaml, and
// validated as the built-in table is, against the built-in atomic weights
// and bibliography, so every variant's fraction is still computed from its
// formula and every value still cites a source mgcalc knows. Of the
// built-in names of salts without a formula, refused names and other
// salts' names, those that fit the file's forms are added (see
// forms.Table.AddNamesThatFit).
func FormsFrom(formsYAML []byte) (*forms.Table, error) {
	reg, w, err := sourcesAndWeights()
	if err != nil {
		return nil, err
	}
	fs, err := forms.DecodeForms(formsYAML)
	if err != nil {
		return nil, err
	}
	t, err := forms.Build(fs, nil, w, reg)
	if err != nil {
		return nil, err
	}
	if err := t.AddNamesThatFit(genNames(), reg); err != nil {
		return nil, err
	}
	return t, nil
}

// PlanFor builds the knowledge behind `mgcalc plan` against the form table
// t instead of the built-in one; it fails when t lacks a form or variant
// the plan's knowledge names. The forms its gates and interactions name
// are known by their formulas in t and in the built-in table, so a form
// of t is matched by what it is, whatever its key.
func PlanFor(t *forms.Table) (*plan.Knowledge, error) {
	reg, err := sourcesOnce()
	if err != nil {
		return nil, err
	}
	builtin, err := formsOnce()
	if err != nil {
		return nil, err
	}
	return plan.BuildWith(genPlan(), t, builtin, reg)
}
