package render

import (
	"encoding/json"
	"math"
	"strconv"

	"github.com/mgcalc/mgcalc/pkg/text"
)

// The precisions of every number mgcalc prints. Values are rounded once,
// from the unrounded result, at these.
const (
	MassDec      = 2 // mg in JSON, YAML and TSV
	ValueDec     = 1 // mg in text and -o value
	PercentDec   = 1 // % of a limit or reference in JSON, YAML and TSV
	FractionDec  = 6 // Mg mass fraction
	MolarMassDec = 3 // g/mol
)

// Round rounds x to dec decimals the way FormatFloat prints it (correctly
// rounded from x's exact binary value), for the machine formats.
func Round(x float64, dec int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	if n, ok := fixedDigits(x, dec); ok {
		return float64(n) / pow10[dec] // what ParseFloat reads from its digits
	}
	r, _ := strconv.ParseFloat(FormatFloat(x, dec), 64)
	return r
}

// FormatFloat prints x with dec decimals, machine style (a point, no
// grouping), for TSV and bare values. It rounds once.
func FormatFloat(x float64, dec int) string {
	return text.NoNegativeZero(strconv.FormatFloat(x, 'f', dec, 64))
}

func fmtOpt(p *float64, dec int) string {
	if p == nil {
		return ""
	}
	return FormatFloat(*p, dec)
}

func boolOpt(b *bool) string {
	if b == nil {
		return ""
	}
	return boolStr(*b)
}

func ptr(x float64) *float64 { return &x }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func marshal(v any) ([]byte, error) { return json.Marshal(v) }
