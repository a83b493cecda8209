// Command mgcalc is a dose and form calculator for magnesium supplements.
package main

import (
	"os"

	"github.com/mgcalc/mgcalc/pkg/cli"
)

func main() {
	growStack(0)
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// growStack grows the main goroutine's stack once, while it is shallow.
// A call of mgcalc goes deeper than the 8 KiB a goroutine starts with
// (cobra, the flags, the renderer), and each time the runtime grows a
// stack it copies it and reads, from the binary, the tables of every
// function on it: growing it here, with two frames on it, reads two, and
// touches fewer pages of the binary (the elemental call faults about 8
// pages less). It returns a byte so that the frame is not optimised away.
//
//go:noinline
func growStack(i int) byte {
	var b [12 << 10]byte
	b[i] = 1
	return b[len(b)-1-i]
}
