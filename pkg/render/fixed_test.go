package render

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// AppendFixed writes the bytes strconv writes, over millions of values:
// amounts as people type them (n/10^k), products of amounts and Mg shares
// as batch rows have them, exact ties and the floats next to them, random
// floats of every magnitude, and the edges.
func TestAppendFixedIsStrconv(t *testing.T) {
	n := 1_000_000
	if testing.Short() {
		n = 100_000
	}
	r := rand.New(rand.NewPCG(1, 2))
	shares := []float64{0.16163355966243487, 0.6030418816990869, 0.1409614726573601, 0.15542666393820023, 0.11955532600408272}
	check := func(x float64) {
		for _, dec := range []int{-1, 0, 1, 2, 3, 6} {
			want := strconv.AppendFloat(nil, x, 'f', dec, 64)
			if got := AppendFixed(nil, x, dec); string(got) != string(want) {
				t.Fatalf("AppendFixed(%v (%b), %d) = %s, strconv %s", x, x, dec, got, want)
			}
			if dec >= 0 && !math.IsInf(x, 0) && !math.IsNaN(x) {
				want, _ := strconv.ParseFloat(string(want), 64)
				if got := Round(x, dec); got != want && !(x < 0 && got == 0) {
					t.Fatalf("Round(%v, %d) = %v, the printed value %v", x, dec, got, want)
				}
			}
		}
	}
	for _, x := range []float64{0, 1, 0.5, 0.125, 0.375, 2.5, 1e-9, 123456.789, 1e12, 1e13 - 1, 1e13, 1e15, 1 << 50, 1 << 53,
		math.SmallestNonzeroFloat64, math.MaxFloat64, math.Inf(1), math.NaN(), -0.0, -1.5, 5e-324} {
		check(x)
	}
	// where the integer path hands over to strconv: x·10^dec near 2^50
	for dec := range 7 {
		for _, y := range []float64{maxQuick - 1, maxQuick - 0.5, maxQuick, maxQuick + 1, maxQuick * 4} {
			x := y / pow10[dec]
			check(x)
			check(math.Nextafter(x, 0))
			check(math.Nextafter(x, math.Inf(1)))
		}
	}
	for i := range n {
		var x float64
		switch i % 6 {
		case 0: // typed amounts: up to 6 digits, 0-3 decimals
			k := r.IntN(4)
			x = float64(r.IntN(1_000_000)) / pow10[k]
		case 1: // batch products: amount × share
			x = float64(1+r.IntN(1_000_000)) / 100 * shares[r.IntN(len(shares))]
		case 2: // exact ties at 0-6 decimals and their neighbours
			dec := r.IntN(7)
			x = (float64(r.IntN(10_000_000)) + 0.5) / pow10[dec]
			switch r.IntN(3) {
			case 1:
				x = math.Nextafter(x, 0)
			case 2:
				x = math.Nextafter(x, math.Inf(1))
			}
		case 3: // binary ties: k/2^j
			x = float64(r.IntN(1<<20)) / float64(uint64(1)<<(1+r.IntN(12)))
		case 4: // any float64 bit pattern
			x = math.Float64frombits(r.Uint64())
		case 5: // random magnitudes, 1e-8 to 1e16
			x = r.Float64() * math.Pow(10, float64(r.IntN(25)-8))
		}
		check(x)
		if i%5 == 0 { // negatives go to strconv: the same bytes, minus sign and -0 included
			check(-x)
		}
	}
}

func BenchmarkAppendFixed(b *testing.B) {
	buf := make([]byte, 0, 64)
	for i := 0; b.Loop(); i++ {
		x := float64(10000+i%1000000) / 100 * 0.16163355966243487
		buf = AppendFixed(buf[:0], x, 2)
	}
}

func BenchmarkAppendFloat(b *testing.B) {
	buf := make([]byte, 0, 64)
	for i := 0; b.Loop(); i++ {
		x := float64(10000+i%1000000) / 100 * 0.16163355966243487
		buf = strconv.AppendFloat(buf[:0], x, 'f', 2, 64)
	}
}

// AppendExplained prints what strconv prints at explainDec's decimals,
// for figures just above, at and below a limit.
func TestAppendExplainedIsStrconv(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 300_000 {
		limit := []float64{350, 250, 100, 65, 400}[i%5]
		x := limit * (1 + (r.Float64()-0.5)*math.Pow(10, -float64(r.IntN(9))))
		if i%7 == 0 {
			x = limit + float64(r.IntN(2000)-1000)/1e6
		}
		for _, dec := range []int{1, 2} {
			over := x-limit > 1e-9
			want := strconv.AppendFloat(nil, x, 'f', explainDec(x, limit, dec, over), 64)
			if got := AppendExplained(nil, x, limit, dec, over); string(got) != string(want) {
				t.Fatalf("AppendExplained(%v, %v, %d, %v) = %s, strconv %s", x, limit, dec, over, got, want)
			}
		}
	}
}

// AppendUint writes what strconv writes.
func TestAppendUint(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 200_000 {
		n := r.Uint64() >> uint(r.IntN(64))
		if i < 1000 {
			n = uint64(i)
		}
		if got, want := AppendUint([]byte("x"), n), strconv.AppendUint([]byte("x"), n, 10); string(got) != string(want) {
			t.Fatalf("AppendUint(%d) = %s, want %s", n, got, want)
		}
	}
}
