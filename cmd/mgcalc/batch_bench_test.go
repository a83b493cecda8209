package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// BenchmarkBatch streams N lines through `mgcalc elemental -` (the static
// binary, built in this run) and reports lines per second and the peak
// resident memory, which must stay flat from 1 M to 10 M lines:
//
//	go test ./cmd/mgcalc -run '^$' -bench Batch -benchtime 1x
func BenchmarkBatch(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "mgcalc")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	lines := []string{"citrate 500\n", "oxide 400 mg\n", "magnesium bisglycinate:1g\n", "malate 1250\n", "chloride:anhydrous 250 mg\n"}
	for _, n := range []int{1_000_000, 10_000_000} {
		b.Run(strconv.Itoa(n/1_000_000)+"M", func(b *testing.B) {
			var rate, rss float64
			for b.Loop() {
				cmd := exec.Command(bin, "elemental", "-")
				in, _ := cmd.StdinPipe()
				cmd.Stdout = io.Discard
				if err := cmd.Start(); err != nil {
					b.Fatal(err)
				}
				t0 := time.Now()
				w := bufio.NewWriterSize(in, 1<<16)
				for i := 0; i < n; i++ {
					w.WriteString(lines[i%len(lines)])
				}
				w.Flush()
				in.Close()
				if err := cmd.Wait(); err != nil {
					b.Fatal(err)
				}
				rate = float64(n) / time.Since(t0).Seconds()
				rss = float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024 // KiB → MiB
			}
			b.ReportMetric(rate, "lines/s")
			b.ReportMetric(rss, "MiB-peak")
		})
	}
}
