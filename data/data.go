// Package data embeds mgcalc's knowledge tables. Each YAML file names the
// sources of its values (see sources.yaml); the loaders in pkg/ decode them
// strictly and validate them.
package data

import _ "embed"

// Sources is the bibliography every table refers to by id.
//
//go:embed sources.yaml
var Sources []byte

// Elements holds the standard atomic weights.
//
//go:embed elements.yaml
var Elements []byte

// Forms is the table of magnesium forms and their variants.
//
//go:embed forms.yaml
var Forms []byte

// Names lists the magnesium salts mgcalc knows exist but has no formula
// for, and the names it refuses (magnesium oil).
//
//go:embed names.yaml
var Names []byte

// Limits holds the upper limits, RDA/AI tables and label reference values.
//
//go:embed limits.yaml
var Limits []byte

// Plan holds the knowledge behind `mgcalc plan`: goals with their ranked
// forms and evidence grades, the titration rules, medicine spacing and
// the safety gates.
//
//go:embed plan.yaml
var Plan []byte

// NL is the Dutch text of the tables' names, notes and advice, by key
// (pkg/msg/keys.go); cmd/gen-tables turns it into Go, and mgcalc reads
// no YAML at run time.
//
//go:embed i18n/nl.yaml
var NL []byte

// NLMessages is the Dutch of mgcalc's messages, keyed by their English
// (pkg/msg); cmd/gen-tables turns it into Go.
//
//go:embed i18n/nl.messages.yaml
var NLMessages []byte

// NLHelp is the Dutch of the command help, keyed by where each text sits
// in the command tree, with a digest of the English it translates.
//
//go:embed i18n/nl.help.yaml
var NLHelp []byte

// NLWords are the Dutch words people may type for a value (gevoelig) or a
// flag (--zwanger), with the English word each is read as.
//
//go:embed i18n/nl.words.yaml
var NLWords []byte
