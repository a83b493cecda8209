package units

import "testing"

// wholeMg, the quick path for whole milligrams, gives what the full parser
// gives wherever it takes the amount (a space in front keeps the amount
// from the quick path and means the same).
func FuzzWholeMg(f *testing.F) {
	for _, s := range []string{"500", "0", "000", "0500", "100000", "100001", "999999999", "1", "500mg", " 500", "5.0", "", "1e3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, maxMg := range []float64{MaxMg, MaxSkinMg} {
			mg, ok := wholeMg(s, maxMg)
			if !ok {
				continue
			}
			if want, err := parseMass(" "+s, false, maxMg, 0); err != nil || want != mg {
				t.Errorf("wholeMg(%q, %v) = %v; the full parser gives %v, %v", s, maxMg, mg, want, err)
			}
		}
	})
}
