//go:build fullstack

package main

// Built with -tags fullstack, the floor links all four libraries the user
// chose for mgcalc, not only cobra and viper: their package initialisers
// run on every call whether or not a command uses them.
import (
	_ "github.com/charmbracelet/lipgloss"
	_ "gopkg.in/yaml.v3"
)
