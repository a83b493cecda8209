package forms_test

import "testing"

func BenchmarkResolve(b *testing.B) {
	tb := table(b)
	for b.Loop() {
		if _, _, err := tb.Resolve("Magnesium-L-threonaat"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSuggest(b *testing.B) {
	tb := table(b)
	for b.Loop() {
		if tb.Suggest("bisglycnate") == "" {
			b.Fatal("no suggestion")
		}
	}
}
