package batch_test

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/batch"
	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/render"
)

// benchInput is n lines as bench/main.go writes them: repeated products
// (4 forms × 900 whole amounts, shuffled) or amounts that never repeat.
func benchInput(n int, unique bool) []byte {
	forms := []string{"citrate", "oxide", "bisglycinate", "malate"}
	var b []byte
	const m = 1 << 20
	x := uint32(12345)
	for i := range n {
		x = (x*1664525 + 1013904223) % m
		b = append(b, forms[i%len(forms)]...)
		b = append(b, ' ')
		if unique {
			c := 10000 + int(x)
			b = strconv.AppendInt(b, int64(c/100), 10)
			b = append(b, '.')
			if c%100 < 10 {
				b = append(b, '0')
			}
			b = strconv.AppendInt(b, int64(c%100), 10)
		} else {
			b = strconv.AppendInt(b, int64(100+x%900), 10)
		}
		b = append(b, '\n')
	}
	return b
}

// BenchmarkStream is `mgcalc elemental -` in process over 100,000 lines,
// TSV to nowhere: the engine, the converter and the writer, per line.
func BenchmarkStream(b *testing.B) {
	ft, _ := kb.Forms()
	lt, _ := kb.Limits()
	for _, unique := range []bool{false, true} {
		name := "repeated"
		if unique {
			name = "unique"
		}
		in := benchInput(100_000, unique)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				c := &batch.Converter{Forms: ft, Limit: lt.Authority(limits.DefaultAuthority).For(limits.Person{})}
				out, _ := render.NewRowWriter(bufio.NewWriterSize(io.Discard, 64<<10), render.TSV, nil)
				if _, _, err := batch.Run[*dose.Conversion](batch.Lines(bytes.NewReader(in)), c, out, func(*batch.LineError) bool { return false }, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100_000, "ns/line")
		})
	}
}
