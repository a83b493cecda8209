package batch_test

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/batch"
	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
)

func setup(t testing.TB) (*forms.Table, limits.Applied) {
	t.Helper()
	ft, err := kb.Forms()
	if err != nil {
		t.Fatal(err)
	}
	lt, err := kb.Limits()
	if err != nil {
		t.Fatal(err)
	}
	a, _ := lt.ResolveAuthority("nih")
	return ft, a.For(limits.Person{})
}

func TestSplitLine(t *testing.T) {
	cases := map[string][2]string{
		"citrate 500":                    {"citrate", "500"},
		"citrate:500":                    {"citrate", "500"},
		"citrate:nonahydrate:1g":         {"citrate:nonahydrate", "1g"},
		"citrate 500 mg":                 {"citrate", "500 mg"},
		"magnesium citrate 500 mg":       {"magnesium citrate", "500 mg"},
		"magnesium citrate 1.5g":         {"magnesium citrate", "1.5g"},
		"chloride:anhydrous 250 mcg":     {"chloride:anhydrous", "250 mcg"},
		"  oxide\t400  ":                 {"oxide", "400"},
		"Magnesium L-threonate: 2000 mg": {"Magnesium L-threonate", "2000 mg"},
	}
	for in, want := range cases {
		f, a, ok := batch.SplitLine(strings.TrimSpace(in))
		if !ok || f != want[0] || a != want[1] {
			t.Errorf("SplitLine(%q) = %q, %q, %v; want %q, %q", in, f, a, ok, want[0], want[1])
		}
	}
	if _, _, ok := batch.SplitLine("citrate"); ok {
		t.Error("one word split")
	}
}

// Lines skips blanks and comments, accepts CRLF and a BOM, numbers lines
// as the file does, and refuses a line over the bound without reading it
// into memory.
func TestLines(t *testing.T) {
	in := "\ufeffcitrate 500\r\n\r\n# a comment\n   \noxide 400\r\n" + strings.Repeat("x", batch.MaxLine+10) + "\nmalate 1\nlonely\n"
	r := batch.Lines(strings.NewReader(in))
	var got []string
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		var le *batch.LineError
		if errors.As(err, &le) {
			got = append(got, fmt.Sprintf("error %d: %s", le.Line, le.Err))
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d %s|%s", row.Line, row.Form, row.Amount))
	}
	want := []string{"1 citrate|500", "5 oxide|400", "error 6: the line is longer than 4096 bytes", "7 malate|1",
		`error 8: "lonely" is not FORM AMOUNT`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCSV(t *testing.T) {
	in := "\ufeffName,Form,Amount,Unit\n\"Calm, Night\",\"magnesium citrate\",500,mg\nx,oxide,\"1.5\",g\ny,citrate\n"
	cols, err := batch.ParseColumns("form=Form,amount=Amount,unit=Unit")
	if err != nil {
		t.Fatal(err)
	}
	r, err := batch.CSV(strings.NewReader(in), cols)
	if err != nil {
		t.Fatal(err)
	}
	row, err := r.Read()
	if err != nil || row.Form != "magnesium citrate" || row.Amount != "500 mg" || row.Line != 2 {
		t.Fatalf("row 1: %+v %v", row, err)
	}
	row, err = r.Read()
	if err != nil || row.Amount != "1.5 g" || row.Line != 3 {
		t.Fatalf("row 2: %+v %v", row, err)
	}
	_, err = r.Read()
	var le *batch.LineError
	if !errors.As(err, &le) || le.Line != 4 || !strings.Contains(le.Err.Error(), "2 fields where the header has 4") {
		t.Fatalf("short row: %v", err)
	}
	if _, err := r.Read(); err != io.EOF {
		t.Fatalf("end: %v", err)
	}
	// missing columns, an empty file and broken quoting are line errors
	for in, want := range map[string]string{
		"Form,Qty\ncitrate,5\n":        `no column "amount"`,
		"":                             "the file is empty",
		"form,amount\n\"citrate,500\n": "a quoted field is not closed",
		"form,amount\nci\"trate,500\n": "a quote inside a field",
		"form,amount\n" + strings.Repeat("a", batch.MaxLine+1) + ",5\n": "longer than 4096 bytes",
	} {
		r, err := batch.CSV(strings.NewReader(in), batch.Columns{Form: "form", Amount: "amount"})
		if err == nil {
			_, err = r.Read()
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%.60q: %v, want %q", in, err, want)
		}
	}
}

type collect struct {
	rows []dose.Conversion
	w    *strings.Builder
}

func (c *collect) Write(r batch.Row, conv *dose.Conversion) error {
	c.rows = append(c.rows, *conv) // a copy: the converter's is the next row's
	return nil
}
func (c *collect) Flush() error { return nil }

// A row converts to exactly what the one-shot core gives, and bad rows
// stop the run or are skipped as onError says.
func TestRunMatchesCore(t *testing.T) {
	ft, l := setup(t)
	c := &batch.Converter{Forms: ft, Limit: l}
	out := &collect{}
	in := batch.Lines(strings.NewReader("citrate 500\nbogus 1\noxide 1 g\n"))
	rows, failed, err := batch.Run(in, c, out, func(*batch.LineError) bool { return true }, nil)
	if err != nil || rows != 2 || failed != 1 {
		t.Fatalf("rows %d failed %d err %v", rows, failed, err)
	}
	f, v, _ := ft.Resolve("oxide")
	want := dose.Elemental(f, v, forms.ShareOf(v, 0), 1000, 1, l)
	if got := out.rows[1]; math.Abs(got.ElementalMg-want.ElementalMg) > 0 || got.Check != want.Check {
		t.Errorf("batch %+v, core %+v", got.Check, want.Check)
	}
	out = &collect{}
	rows, failed, _ = batch.Run(batch.Lines(strings.NewReader("citrate 500\nbogus 1\noxide 1 g\n")), c, out,
		func(*batch.LineError) bool { return false }, nil)
	if rows != 1 || failed != 1 {
		t.Errorf("stop at the first bad line: rows %d failed %d", rows, failed)
	}
}

// Output flows as lines arrive: a row is written (and flushed) before the
// next line of input exists.
func TestRunStreams(t *testing.T) {
	ft, l := setup(t)
	pr, pw := io.Pipe()
	outR, outW := io.Pipe()
	bw := bufio.NewWriter(outW)
	w := &lineWriter{w: bw}
	lr := batch.Lines(pr)
	done := make(chan error, 1)
	go func() {
		_, _, err := batch.Run(lr, &batch.Converter{Forms: ft, Limit: l}, w, func(*batch.LineError) bool { return true }, func() bool { return !lr.Buffered() })
		outW.Close()
		done <- err
	}()
	go pw.Write([]byte("citrate 500\n"))
	got, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil || !strings.HasPrefix(got, "citrate ") {
		t.Fatalf("first row %q, %v", got, err)
	}
	pw.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

type lineWriter struct{ w *bufio.Writer }

func (l *lineWriter) Write(r batch.Row, c *dose.Conversion) error {
	_, err := fmt.Fprintf(l.w, "%s %.2f\n", c.Form.Key, c.ElementalMg)
	return err
}
func (l *lineWriter) Flush() error { return l.w.Flush() }

// FuzzLines: any input is read without a panic; every row has a form and
// an amount and a line number that only grows.
func FuzzLines(f *testing.F) {
	for _, s := range []string{"citrate 500\n", "\ufeffa:1\r\n#x\n\n", "a b c d\n", strings.Repeat("z", 5000), "é 5 mg"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := batch.Lines(strings.NewReader(s))
		last := 0
		for i := 0; i < 10000; i++ {
			row, err := r.Read()
			if err == io.EOF {
				return
			}
			var le *batch.LineError
			if errors.As(err, &le) {
				if le.Line <= last {
					t.Fatalf("line %d after %d", le.Line, last)
				}
				last = le.Line
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			if row.Line <= last || row.Form == "" || row.Amount == "" {
				t.Fatalf("row %+v after line %d", row, last)
			}
			last = row.Line
		}
		t.Fatal("no end")
	})
}

// FuzzCSV: any CSV input is read without a panic and in bounded work;
// every row read has a form, an amount and a line number past the header.
func FuzzCSV(f *testing.F) {
	for _, s := range []string{"form,amount\ncitrate,500\n", "Form,Amount,Unit\n\"magnesium citrate\",1.5,g\r\n", "form,amount\n\"a,b\",\"5\"\"\"\n",
		"\ufeffform,amount\nx\n", "form\n", "", "form,amount\n" + strings.Repeat("a", 5000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := batch.CSV(strings.NewReader(s), batch.Columns{Form: "form", Amount: "amount"})
		var le *batch.LineError
		if err != nil {
			if !errors.As(err, &le) || le.Err == nil {
				t.Fatalf("%q: error %v (%T) is not located", s, err, err)
			}
			return
		}
		for i := 0; i < 100000; i++ {
			row, err := r.Read()
			if err == io.EOF {
				return
			}
			if errors.As(err, &le) {
				continue
			}
			if err != nil {
				t.Fatalf("%q: error %v (%T) is not located", s, err, err)
			}
			if row.Line < 2 {
				t.Fatalf("row %+v at or before the header", row)
			}
		}
		t.Fatal("no end")
	})
}

func TestLabelColumns(t *testing.T) {
	for _, c := range []struct {
		in   string
		want batch.Columns
		err  string
	}{
		{"", batch.Columns{Form: "form", Amount: "amount", Stated: "stated"}, ""},
		{"  ", batch.Columns{Form: "form", Amount: "amount", Stated: "stated"}, ""},
		{"amount=Zout", batch.Columns{Form: "form", Amount: "Zout", Stated: "stated"}, ""},
		{" Form = Vorm , STATED=Mg per tablet", batch.Columns{Form: "Vorm", Amount: "amount", Stated: "Mg per tablet"}, ""},
		{"salt=Zout", batch.Columns{}, `unknown field "salt"`},
		{"amount", batch.Columns{}, `"amount" is not FIELD=COLUMN`},
		{"amount=", batch.Columns{}, `is not FIELD=COLUMN`},
		{"form=A,form=B", batch.Columns{}, `field "form" is mapped twice`},
		{"form=Vorm,amount=vorm", batch.Columns{}, `column "Vorm" is mapped to both form and amount`},
		{"amount=form", batch.Columns{}, `column "form" is mapped to both form and amount`},
	} {
		got, err := batch.LabelColumns(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: error %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%q: %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
}

// A label line is FORM AMOUNT STATED, each amount with or without a
// space before its unit, as elemental - reads FORM AMOUNT.
func TestSplitLabel(t *testing.T) {
	for _, c := range []struct{ in, form, amount, stated string }{
		{"glycinate 500 100", "glycinate", "500", "100"},
		{"citrate 1830 mg 295 mg", "citrate", "1830 mg", "295 mg"},
		{"citrate 1830mg 295.7mg", "citrate", "1830mg", "295.7mg"},
		{"citrate:1830mg 295.7mg", "citrate", "1830mg", "295.7mg"},
		{"magnesium citrate 1830 mg 12 mmol", "magnesium citrate", "1830 mg", "12 mmol"},
		{"citrate:nonahydrate 1 g 119 mg", "citrate:nonahydrate", "1 g", "119 mg"},
	} {
		form, amount, stated, ok := batch.SplitLabel(c.in)
		if !ok || form != c.form || amount != c.amount || stated != c.stated {
			t.Errorf("SplitLabel(%q) = %q, %q, %q, %v", c.in, form, amount, stated, ok)
		}
	}
	for _, in := range []string{"citrate", "citrate 500", "citrate 500 mg"} {
		if f, a, st, ok := batch.SplitLabel(in); ok {
			t.Errorf("SplitLabel(%q) = %q, %q, %q", in, f, a, st)
		}
	}
}

// TestLineBound: a line of exactly MaxLine bytes is read whatever ends it
// (LF, CRLF, end of input); one byte more is too long.
func TestLineBound(t *testing.T) {
	line := func(n int) string { // "citrate" + spaces + "500", n bytes
		return "citrate" + strings.Repeat(" ", n-len("citrate")-len("500")) + "500"
	}
	for _, end := range []string{"\n", "\r\n", ""} {
		for _, c := range []struct {
			n    int
			long bool
		}{{batch.MaxLine, false}, {batch.MaxLine + 1, true}} {
			row, err := batch.Lines(strings.NewReader(line(c.n) + end)).Read()
			var le *batch.LineError
			switch {
			case c.long && !errors.As(err, &le):
				t.Errorf("%d bytes + %q: %v, want the line-length error", c.n, end, err)
			case !c.long && (err != nil || row.Form != "citrate" || row.Amount != "500"):
				t.Errorf("%d bytes + %q: %+v, %v", c.n, end, row, err)
			}
		}
	}
}
