//go:build linked

package main

// Built with -tags fullstack,linked, the floor links the whole of mgcalc
// (its command tree, tables, renderers, label reader and journal store)
// and runs none of it: it starts as a program of mgcalc's size starts and
// then does the floor's work. Its distance above the full-stack floor is
// what mgcalc's size costs on every call before any of its code runs
// (mapping and faulting in a larger binary, the runtime's start-up tables,
// more interface tables); mgcalc's distance above it is what mgcalc does
// on the way to an answer.
import (
	"os"

	"github.com/mgcalc/mgcalc/pkg/cli"
)

func init() {
	// Never true (no call has a million arguments), and not provable so
	// by the compiler: mgcalc stays linked, and is never run.
	if len(os.Args) > 1<<20 {
		os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
}
