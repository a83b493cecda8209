// Command mgcalc is a dose and form calculator for magnesium supplements.
package main

import (
	"os"

	"github.com/mgcalc/mgcalc/pkg/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
