package units

import (
	"strconv"
	"testing"
)

// plainMg, the quick path for plain milligrams, gives what the full
// parser gives wherever it takes the amount (a space in front keeps the
// amount from the quick path and means the same).
func FuzzPlainMg(f *testing.F) {
	for _, s := range []string{"500", "0", "000", "0500", "100000", "100001", "999999999", "1", "500mg", " 500", "5.0", "", "1e3",
		"6070.60", "0.01", "0.00", "1.5", "1.005", "1.", ".5", "12.345", "99999999.99", "100000.01", "0.1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPlainMg(t, s)
	})
}

func checkPlainMg(t *testing.T, s string) {
	t.Helper()
	for _, maxMg := range []float64{MaxMg, MaxSkinMg} {
		mg, ok := plainMg(s, maxMg)
		if !ok {
			continue
		}
		if want, err := parseMass(" "+s, false, maxMg, 0); err != nil || want != mg {
			t.Fatalf("plainMg(%q, %v) = %v; the full parser gives %v, %v", s, maxMg, mg, want, err)
		}
	}
}

// plainMg agrees with the full parser over a million amounts as a batch
// has them: whole milligrams and one or two decimals, leading zeros and
// all.
func TestPlainMgIsTheParser(t *testing.T) {
	n := 1_000_000
	if testing.Short() {
		n = 100_000
	}
	var b []byte
	for i := range n {
		v := i*7919%10_000_000 + i/3
		b = strconv.AppendInt(b[:0], int64(v/100), 10)
		switch i % 4 {
		case 1:
			b = append(b, '.', byte('0'+v%10))
		case 2, 3:
			b = append(b, '.', byte('0'+v/10%10), byte('0'+v%10))
		}
		if i%17 == 0 {
			b = append([]byte("0"), b...)
		}
		checkPlainMg(t, string(b))
	}
}
