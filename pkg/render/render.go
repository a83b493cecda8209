// Package render prints mgcalc's reports: styled text on a terminal, plain
// text when piped, and JSON, YAML, TSV or a bare value for scripts. It is
// the only package that imports lipgloss, and it never lets lipgloss query
// the terminal: the colour profile and background are set, not detected.
package render

// The package's files by job: format.go (the formats, the Report
// interface, Write and the machine encodings), term.go (text for people:
// colours, tables, wrapping), number.go (precisions and the one rounding
// of every number).
