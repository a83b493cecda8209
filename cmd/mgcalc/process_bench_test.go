package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkProcess measures what a shell loop pays per call: the static
// binary, built in this run, in pairs with the static hello-world of
// bench/hello as the reference. It reports µs per call and the median of
// the pairs' ratios. `go run ./bench` measures more commands, on a
// terminal too, with percentiles.
//
//	go test ./cmd/mgcalc -run '^$' -bench Process
func BenchmarkProcess(b *testing.B) {
	dir := b.TempDir()
	bin, ref := filepath.Join(dir, "mgcalc"), filepath.Join(dir, "hello")
	for _, p := range []struct{ out, pkg string }{{bin, "."}, {ref, "../../bench/hello"}} {
		build := exec.Command("go", "build", "-o", p.out, p.pkg)
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := build.CombinedOutput(); err != nil {
			b.Fatalf("build %s: %v\n%s", p.pkg, err, out)
		}
	}
	for _, c := range []struct {
		name string
		args []string
	}{
		{"elemental", []string{"elemental", "citrate", "500"}},
		{"total-json", []string{"total", "citrate:500", "bisglycinate:1000", "-o", "json"}},
		{"version", []string{"--version"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var mg time.Duration
			var ratios []float64
			for b.Loop() {
				t0 := time.Now()
				_ = exec.Command(bin, c.args...).Run() // exit 3 is fine here
				t1 := time.Now()
				if err := exec.Command(ref).Run(); err != nil {
					b.Fatal(err)
				}
				mg += t1.Sub(t0)
				ratios = append(ratios, float64(t1.Sub(t0))/float64(time.Since(t1)))
			}
			slices.Sort(ratios)
			b.ReportMetric(float64(mg.Microseconds())/float64(b.N), "µs/call")
			b.ReportMetric(ratios[len(ratios)/2], "x-hello")
		})
	}
}
