package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// missLines is n lines of distinct names no form has.
func missLines(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "zz%07d 500\n", i)
	}
	return b.Bytes()
}

// BenchmarkStreamMisses is elemental - --keep-going over lines of
// distinct unknown names: the miss path (resolving, building and printing
// the error) per line. Compare BenchmarkStreamHits.
func BenchmarkStreamMisses(b *testing.B) { benchStream(b, missLines(10000), 1) }

// BenchmarkStreamHits is the same stream of names that resolve.
func BenchmarkStreamHits(b *testing.B) {
	benchStream(b, bytes.Repeat([]byte("citrate 500\n"), 10000), 0)
}

func benchStream(b *testing.B, in []byte, code int) {
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		got := runTree([]string{"elemental", "-", "--keep-going"}, bytes.NewReader(in), io.Discard, io.Discard, func(string) string { return "" }, func(s *IO) *cobra.Command {
			s.environ = func() []string { return nil }
			return newRootCmd(s)
		})
		if got != code {
			b.Fatalf("exit %d", got)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(strings.Count(string(in), "\n")), "ns/line")
}
