package cli

import (
	"bytes"
	"io"
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

// BenchmarkVersion is --version in process: the command tree and the
// settings, no table.
func BenchmarkVersion(b *testing.B) {
	for b.Loop() {
		run([]string{"--version"}, strings.NewReader(""), io.Discard, io.Discard, func(string) string { return "" })
	}
}

// BenchmarkDutchLimits is limits in Dutch: the tree's help in Dutch, the
// catalogue, a report.
func BenchmarkDutchLimits(b *testing.B) {
	for b.Loop() {
		run([]string{"limits", "--lang", "nl"}, strings.NewReader(""), io.Discard, io.Discard, func(string) string { return "" })
	}
}
