package cli

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// runClean runs mgcalc as Main does in an environment without MGCALC_*
// variables: the settings index lists the environment, so the commands
// lazyCmd leaves out are not built (run, for tests, builds them always).
func runClean(args []string, stdout, stderr io.Writer) int {
	return runTree(args, strings.NewReader(""), stdout, stderr, func(string) string { return "" }, func(s *IO) *cobra.Command {
		s.environ = func() []string { return nil }
		return newRootCmd(s)
	})
}

// BenchmarkElemental is one whole in-process call, argument parsing to
// rendered output (the embedded tables are loaded once per process, as in
// a real call; see BenchmarkLoadTables for that cost).
func BenchmarkElemental(b *testing.B) {
	for b.Loop() {
		var out, errb bytes.Buffer
		if code := runClean([]string{"elemental", "citrate", "500"}, &out, &errb); code != 0 {
			b.Fatal(errb.String())
		}
	}
}

func BenchmarkTotalJSON(b *testing.B) {
	for b.Loop() {
		var out, errb bytes.Buffer
		if code := runClean([]string{"total", "citrate:500", "bisglycinate:1000", "oxide:250mg", "-o", "json"}, &out, &errb); code != 3 {
			b.Fatal(errb.String())
		}
	}
}

// BenchmarkVersion is --version in process: the command tree and the
// settings, no table.
func BenchmarkVersion(b *testing.B) {
	for b.Loop() {
		runClean([]string{"--version"}, io.Discard, io.Discard)
	}
}

// BenchmarkDutchLimits is limits in Dutch: the tree's help in Dutch, the
// catalogue, a report.
func BenchmarkDutchLimits(b *testing.B) {
	for b.Loop() {
		runClean([]string{"limits", "--lang", "nl"}, io.Discard, io.Discard)
	}
}
