package batch_test

import (
	"bufio"
	"io"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/batch"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/render"
)

// BenchmarkLine is one line of `mgcalc elemental -`: read, resolved (from
// the converter's cache), converted and written as TSV. It reports the
// cost and the allocations of one line.
func BenchmarkLine(b *testing.B) {
	ft, err := kb.Forms()
	if err != nil {
		b.Fatal(err)
	}
	lt, err := kb.Limits()
	if err != nil {
		b.Fatal(err)
	}
	c := &batch.Converter{Forms: ft, Limit: lt.Authority(limits.DefaultAuthority).For(limits.Person{})}
	out, err := render.NewRowWriter(bufio.NewWriterSize(io.Discard, 64<<10), render.TSV, nil)
	if err != nil {
		b.Fatal(err)
	}
	lines := "citrate 500\noxide 400\nbisglycinate 1000\nmalate 1250\nchloride 250\n"
	lr := batch.Lines(&endless{text: lines})
	for b.Loop() {
		row, err := lr.Read()
		if err != nil {
			b.Fatal(err)
		}
		conv, err := c.Convert(row)
		if err != nil {
			b.Fatal(err)
		}
		if err := out.Write(row, conv); err != nil {
			b.Fatal(err)
		}
	}
}

// endless repeats text without end.
type endless struct {
	text string
	off  int
}

func (e *endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], e.text[e.off:])
		n += c
		e.off = (e.off + c) % len(e.text)
	}
	return n, nil
}
