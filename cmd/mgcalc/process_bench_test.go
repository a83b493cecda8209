package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkProcess measures what a shell loop pays per call: the static
// binary, built in this run, against `true` as the reference. It reports
// µs per call and the ratio to the reference.
//
//	go test ./cmd/mgcalc -run '^$' -bench Process
func BenchmarkProcess(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "mgcalc")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	ref, err := exec.LookPath("true")
	if err != nil {
		b.Skip("no `true` to compare with")
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
			var mg, tr time.Duration
			for b.Loop() {
				t0 := time.Now()
				_ = exec.Command(bin, c.args...).Run() // exit 3 is fine here
				t1 := time.Now()
				if err := exec.Command(ref).Run(); err != nil {
					b.Fatal(err)
				}
				mg += t1.Sub(t0)
				tr += time.Since(t1)
			}
			b.ReportMetric(float64(mg.Microseconds())/float64(b.N), "µs/call")
			b.ReportMetric(float64(mg)/float64(tr), "x-true")
		})
	}
}
