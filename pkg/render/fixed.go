package render

import (
	"math"
	"strconv"
)

// Numbers are written by integer arithmetic where that gives the bytes
// strconv.AppendFloat gives, and by strconv where it might not: a batch
// writes four or five numbers a row, and strconv's general algorithm is
// most of the cost of a row. The property tests (fixed_test.go) compare
// both ways over millions of values, ties and near-ties included.

// pow10 are the powers of ten a float64 holds exactly.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// maxQuick bounds the numbers the integer paths write: below it, x·10^dec
// fits in a float64's 53 bits of mantissa with room to spare.
const maxQuick = 1 << 50

// fixedDigits returns n, x rounded to dec decimals as a whole number
// (x ≈ n/10^dec), exactly as strconv.FormatFloat(x, 'f', dec, 64) rounds
// it, or ok false where that is not certain: x·10^dec is computed in
// floating point, within x·10^dec·2^-53 of its exact value, so a product
// whose fraction is that close to one half could round either way (an
// exact tie, such as 0.125 to two decimals, rounds to even in strconv);
// a negative, huge or non-finite x is left to strconv too.
func fixedDigits(x float64, dec int) (n uint64, ok bool) {
	if !(x >= 0) || dec < 0 || dec >= len(pow10) {
		return 0, false
	}
	y := x * pow10[dec]
	if !(y < maxQuick) {
		return 0, false
	}
	whole := math.Floor(y)
	frac := y - whole // exact: whole ≤ y < whole+1 < 2·whole, or whole = 0
	if math.Abs(frac-0.5) <= y*0x1p-50+0x1p-60 {
		return 0, false
	}
	if frac > 0.5 {
		whole++
	}
	return uint64(whole), true
}

// shortestDigits returns x as n/10^dec with the fewest decimals that read
// back as x, which is what strconv.FormatFloat(x, 'f', -1, 64) prints, or
// ok false where x is out of range or needs more than six decimals. Below
// 2^30 a float64's ulp is under 2^-22, less than 10^-6: two decimals of
// one length up to six cannot both read back as x.
func shortestDigits(x float64) (n uint64, dec int, ok bool) {
	if !(x > 0 && x < 1<<30) {
		return 0, 0, false
	}
	for dec = 0; dec <= 6; dec++ {
		// A decimal that reads back as x is within half an ulp of x, so
		// x·10^dec rounds to it: no other candidate of dec decimals needs
		// trying.
		r := math.Round(x * pow10[dec])
		if r/pow10[dec] == x { // one correctly rounded division: ParseFloat's value
			return uint64(r), dec, true
		}
	}
	return 0, 0, false
}

// appendScaled appends n/10^dec in plain digits with dec decimals,
// written in place, two digits at a time, from the right.
func appendScaled(b []byte, n uint64, dec int) []byte {
	width := 1 // the digits of n, at least one more than dec (0.05)
	for width < len(pow10u) && n >= pow10u[width] {
		width++
	}
	if n >= 1e15 {
		return strconv.AppendFloat(b, float64(n)/pow10[dec], 'f', dec, 64) // not reached: fixedDigits stops below 2^50
	}
	width = max(width, dec+1)
	size := width
	if dec > 0 {
		size++ // the point
	}
	if cap(b)-len(b) < size {
		b = append(b, make([]byte, size)...)[:len(b)]
	}
	i := len(b) + size
	b = b[:i]
	for ; dec >= 2; dec -= 2 {
		d := n % 100 * 2
		n /= 100
		i -= 2
		b[i], b[i+1] = digitPairs[d], digitPairs[d+1]
	}
	if dec == 1 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if size > width {
		i--
		b[i] = '.'
	}
	for n >= 100 {
		d := n % 100 * 2
		n /= 100
		i -= 2
		b[i], b[i+1] = digitPairs[d], digitPairs[d+1]
	}
	if n >= 10 {
		i -= 2
		b[i], b[i+1] = digitPairs[n*2], digitPairs[n*2+1]
	} else {
		i--
		b[i] = byte('0' + n)
	}
	return b
}

// AppendUint appends n in decimal digits, as strconv.AppendUint(b, n, 10).
func AppendUint(b []byte, n uint64) []byte {
	if n >= 1e15 {
		return strconv.AppendUint(b, n, 10)
	}
	return appendScaled(b, n, 0)
}

// pow10u are the powers of ten as whole numbers.
var pow10u = [...]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// digitPairs are 00 to 99.
const digitPairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// AppendExplained appends x as the machine formats print a figure that is
// compared with limit: with dec decimals, or, when over, with as many more
// (up to four) as it takes for the printed figure to be above the limit
// (explainDec), rounding once.
func AppendExplained(b []byte, x, limit float64, dec int, over bool) []byte {
	if over {
		for d := dec; d < dec+4; d++ {
			if n, ok := fixedDigits(x, d); ok {
				if float64(n)/pow10[d] > limit { // Round(x, d) > limit
					return appendScaled(b, n, d)
				}
				continue
			}
			if Round(x, d) > limit {
				return AppendFixed(b, x, d)
			}
		}
	}
	return AppendFixed(b, x, explainDec(x, limit, dec, over))
}

// AppendFixed appends x with dec decimals (dec < 0: the fewest that read
// back as x), as strconv.AppendFloat(b, x, 'f', dec, 64) does.
func AppendFixed(b []byte, x float64, dec int) []byte {
	if dec < 0 {
		if n, d, ok := shortestDigits(x); ok {
			return appendScaled(b, n, d)
		}
	} else if n, ok := fixedDigits(x, dec); ok {
		return appendScaled(b, n, dec)
	}
	return strconv.AppendFloat(b, x, 'f', dec, 64)
}
