// Command handloop is the yardstick for mgcalc's batch mode: the loop one
// would write by hand to do the same job, in idiomatic Go. It reads
// "FORM AMOUNT" lines (AMOUNT in mg) and writes "form, amount, elemental"
// as TSV, with a fixed table of Mg fractions. It checks nothing a real
// tool must (units, ranges, names with spaces, line lengths, hints).
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// fractions are the Mg mass fractions of mgcalc's default variants, as
// float64 (computed from the formulas, as mgcalc computes them).
var fractions = map[string]float64{
	"citrate":      0.16163355966243487, // anhydrous
	"oxide":        0.6030418816990869,
	"bisglycinate": 0.1409614726573601,
	"malate":       0.15542666393820023,
	"chloride":     0.11955532600408272, // hexahydrate
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintln(out, "form\tamount_mg\telemental_mg")
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) != 2 {
			fail(n)
		}
		frac, ok := fractions[f[0]]
		mg, err := strconv.ParseFloat(f[1], 64)
		if !ok || err != nil {
			fail(n)
		}
		fmt.Fprintf(out, "%s\t%s\t%.2f\n", f[0], f[1], mg*frac)
	}
}

func fail(line int) {
	fmt.Fprintf(os.Stderr, "handloop: line %d is not FORM AMOUNT\n", line)
	os.Exit(1)
}
