// Command tightloop is the batch yardstick issue 21 asks for: the fastest
// loop one would write by hand for the same job as `mgcalc elemental -`,
// with no fmt: lines read as bytes, the form looked up in a map without
// allocating, the amount parsed with strconv and the elemental mg
// appended with strconv.AppendFloat into one buffered writer. It writes
// "form, amount, elemental" as TSV from a fixed table of Mg fractions and
// checks nothing a real tool must (units, ranges, names with spaces,
// hydrates, limits, hints). bench/handloop is the same job in idiomatic Go.
package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"strconv"
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
	in := bufio.NewReaderSize(os.Stdin, 64<<10)
	out := bufio.NewWriterSize(os.Stdout, 64<<10)
	out.WriteString("form\tamount_mg\telemental_mg\n")
	buf := make([]byte, 0, 128)
	for n := 1; ; n++ {
		line, err := in.ReadSlice('\n')
		if len(line) == 0 && err == io.EOF {
			break
		}
		if err != nil && err != io.EOF {
			fail(n)
		}
		line = bytes.TrimRight(line, "\r\n")
		sp := bytes.IndexByte(line, ' ')
		if sp <= 0 {
			fail(n)
		}
		form, amount := line[:sp], line[sp+1:]
		frac, ok := fractions[string(form)] // no allocation: the compiler's map-key conversion
		mg, perr := strconv.ParseFloat(string(amount), 64)
		if !ok || perr != nil {
			fail(n)
		}
		buf = append(buf[:0], form...)
		buf = append(buf, '\t')
		buf = append(buf, amount...)
		buf = append(buf, '\t')
		buf = strconv.AppendFloat(buf, mg*frac, 'f', 2, 64)
		buf = append(buf, '\n')
		out.Write(buf)
		if err == io.EOF {
			break
		}
	}
	if out.Flush() != nil {
		os.Exit(1)
	}
}

func fail(line int) {
	os.Stderr.WriteString("tightloop: line " + strconv.Itoa(line) + " is not FORM AMOUNT\n")
	os.Exit(1)
}
