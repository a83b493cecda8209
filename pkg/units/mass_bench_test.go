package units

import "testing"

// BenchmarkParseMass reads the amounts of a batch stream: bare milligrams
// (the common case), a unit, a decimal.
func BenchmarkParseMass(b *testing.B) {
	for _, s := range []string{"500", "500 mg", "0.5g"} {
		b.Run(s, func(b *testing.B) {
			for b.Loop() {
				if _, err := ParseMass(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
