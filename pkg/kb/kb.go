// Package kb holds mgcalc's knowledge tables, built and validated when
// they are generated: cmd/gen-tables loads data/*.yaml with the
// validating loaders and writes the built tables (every formula parsed,
// every fraction computed, the name index made, the plan's knowledge
// checked against the form table) into built_gen.go as constant data, so
// that mgcalc decodes no YAML and builds no table when it runs. A broken
// table is a build defect: the generator refuses it, and the tests check
// the generated tables against the YAML and the loaders. After editing
// data/, regenerate:
//
//	go generate ./pkg/kb
//
// The tests fail while the generated files are stale.
package kb

import (
	"github.com/mgcalc/mgcalc/pkg/chem"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/source"
)

//go:generate go run ../../cmd/gen-tables -o tables_gen.go -built built_gen.go -msg ../msg/nl_gen.go

// The tables are read-only: every caller shares them.

// Sources returns the bibliography.
func Sources() (source.Registry, error) { return builtSources, nil }

// Forms returns the form table.
func Forms() (*forms.Table, error) { return &builtForms, nil }

// Limits returns the reference-value tables.
func Limits() (*limits.Tables, error) { return &builtLimits, nil }

// Plan returns the knowledge behind `mgcalc plan`, validated against the
// form table and the bibliography.
func Plan() (*plan.Knowledge, error) { return &builtPlan, nil }

// weights are the atomic weights a form table of the user's is computed
// with.
func weights() (chem.Weights, error) { return forms.BuildWeights(genElements(), builtSources) }

// FormsFrom builds a form table from a forms.yaml of the user's (mgcalc's
// --table FILE): decoded strictly, in the schema of data/forms.yaml, and
// validated as the built-in table is, against the built-in atomic weights
// and bibliography, so every variant's fraction is still computed from its
// formula and every value still cites a source mgcalc knows. Of the
// built-in names of salts without a formula, refused names and other
// salts' names, those that fit the file's forms are added (see
// forms.Table.AddNamesThatFit).
func FormsFrom(formsYAML []byte) (*forms.Table, error) {
	w, err := weights()
	if err != nil {
		return nil, err
	}
	fs, err := forms.DecodeForms(formsYAML)
	if err != nil {
		return nil, err
	}
	t, err := forms.Build(fs, nil, w, builtSources)
	if err != nil {
		return nil, err
	}
	if err := t.AddNamesThatFit(genNames(), builtSources); err != nil {
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
	return plan.BuildWith(genPlan(), t, &builtForms, builtSources)
}
