package chem

import "testing"

func BenchmarkParseAndFraction(b *testing.B) {
	for b.Loop() {
		c, err := Parse("Mg3(C6H5O7)2·9H2O")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := iupac.MassFraction(c, "Mg"); err != nil {
			b.Fatal(err)
		}
	}
}
