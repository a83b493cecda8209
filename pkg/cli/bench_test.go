package cli

import (
	"bytes"
	"strings"
	"testing"
)

// BenchmarkElemental is one whole in-process call, argument parsing to
// rendered output (the embedded tables are loaded once per process, as in
// a real call; see BenchmarkLoadTables for that cost).
func BenchmarkElemental(b *testing.B) {
	getenv := func(string) string { return "" }
	for b.Loop() {
		var out, errb bytes.Buffer
		if code := run([]string{"elemental", "citrate", "500"}, strings.NewReader(""), &out, &errb, getenv); code != 0 {
			b.Fatal(errb.String())
		}
	}
}

func BenchmarkTotalJSON(b *testing.B) {
	getenv := func(string) string { return "" }
	for b.Loop() {
		var out, errb bytes.Buffer
		if code := run([]string{"total", "citrate:500", "bisglycinate:1000", "oxide:250mg", "-o", "json"}, strings.NewReader(""), &out, &errb, getenv); code != 3 {
			b.Fatal(errb.String())
		}
	}
}
