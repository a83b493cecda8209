package records

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

// stdRecords reads in as encoding/csv reads it (the first record sets the
// width), going on after each bad record as a --keep-going stream does:
// each record as its fields joined by "|", or its error as "error LINE
// KIND COLUMN".
func stdRecords(in string, comma byte) []string {
	r := csv.NewReader(strings.NewReader(in))
	r.Comma = rune(comma)
	var out []string
	for first := true; ; first = false {
		rec, err := r.Read()
		var pe *csv.ParseError
		switch {
		case err == io.EOF:
			return out
		case errors.As(err, &pe):
			line, kind := pe.Line, "quote"
			switch {
			case errors.Is(pe.Err, csv.ErrFieldCount):
				line, kind = pe.StartLine, "count"
			case errors.Is(pe.Err, csv.ErrBareQuote):
				kind = "bare"
			}
			col := pe.Column
			if kind == "count" {
				col = 0
			}
			out = append(out, fmt.Sprintf("error %d %s %d", line, kind, col))
			if first {
				return out // a bad header ends the file
			}
		case err != nil:
			panic(err)
		default:
			out = append(out, strings.Join(rec, "|"))
		}
	}
}

// ourRecords reads in with CSV the same way.
func ourRecords(t *testing.T, in string, comma byte) []string {
	c := newCSV(strings.NewReader(in))
	c.comma = comma
	var out []string
	for first := true; ; first = false {
		rec, err := c.Read()
		var e *Error
		switch {
		case err == io.EOF:
			return out
		case errors.As(err, &e):
			kind, col := "quote", 0
			text := e.Err.Error()
			switch {
			case strings.Contains(text, "where the header has"):
				kind = "count"
			case strings.Contains(text, "a quote inside a field"):
				kind = "bare"
			}
			if kind != "count" {
				if _, err := fmt.Sscanf(text[strings.LastIndex(text, "(column"):], "(column %d)", &col); err != nil {
					t.Fatalf("%q: no column in %q", in, text)
				}
			}
			out = append(out, fmt.Sprintf("error %d %s %d", e.Line, kind, col))
			if first {
				return out
			}
		case err != nil:
			t.Fatalf("%q: %v", in, err)
		default:
			if first {
				c.width = len(rec)
			}
			out = append(out, strings.Join(rec, "|"))
		}
	}
}

var csvSeeds = []string{
	"form,amount\ncitrate,500\n",
	"form,amount\r\ncitrate,500\r\noxide,400",
	"a,b\n\"x\ny\",1\n\n\nc,d\n",
	"a,b\n\"x\"\"y\",1\n",
	"a,b\nx\"y,1\nc,d\n",
	"a,b\n\"x\"y,1\nc,d\n",
	"a,b\n\"unclosed,1\nc,d\n",
	"a,b\n\"unclosed\n",
	"a,b\n1,2,3\n4\n5,6\n",
	"a,b\r\n\r\n\"\r\n\",\"\"\r",
	"a\n\"\"\n\n,\n",
	"\r\r\n,\r,\n",
	"a,\"b\"\r\nc,\"d\r\n",
}

func TestCSVAsEncodingCSV(t *testing.T) {
	for _, in := range csvSeeds {
		for _, comma := range []byte(Delimiters) {
			if in != strings.ReplaceAll(in, string(comma), ",") && comma != ',' {
				continue // the seed is written for the comma
			}
			in := strings.ReplaceAll(in, ",", string(comma))
			if want, got := stdRecords(in, comma), ourRecords(t, in, comma); !slices.Equal(got, want) {
				t.Errorf("%q:\n got %q\nwant %q", in, got, want)
			}
		}
	}
}

// FuzzCSVAsEncodingCSV compares the record reader with encoding/csv on
// any input whose records are within the bound: the same records, and the
// same errors at the same lines and columns, record after record.
func FuzzCSVAsEncodingCSV(f *testing.F) {
	for _, s := range csvSeeds {
		f.Add(s, uint8(0))
	}
	f.Add("Vorm;Hoeveelheid\r\ncitraat;\"187,5 mg\"\r\n", uint8(1))
	f.Fuzz(func(t *testing.T, in string, d uint8) {
		if len(in) > MaxLine {
			return // a record could pass the bound, which encoding/csv does not have
		}
		comma := Delimiters[int(d)%len(Delimiters)]
		if want, got := stdRecords(in, comma), ourRecords(t, in, comma); !slices.Equal(got, want) {
			t.Fatalf("%q:\n got %q\nwant %q", in, got, want)
		}
	})
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestCSVBounds: a record over MaxLine bytes is an error however it is
// quoted, the good records after it are read, and the reader never keeps
// more than a record: a header of 100 000 quoted columns with a line
// break in each (1 MB) is refused at the bound, a 600 KB record is
// skipped keeping none of it, and a record past MaxSkip ends the file
// having read no more than it.
func TestCSVBounds(t *testing.T) {
	var wide strings.Builder
	for i := range 100000 {
		if i > 0 {
			wide.WriteByte(',')
		}
		fmt.Fprintf(&wide, "\"c%d\n\"", i)
	}
	wide.WriteString("\n")
	_, _, err := OpenCSV(strings.NewReader(wide.String()), 0)
	var e *Error
	if !errors.As(err, &e) || e.Line != 1 || e.Err.Error() != "the record is longer than 4096 bytes" {
		t.Fatalf("a 1 MB header: %v", err)
	}

	// 600 KB inside one quoted field, then good rows
	in := io.MultiReader(strings.NewReader("form,amount\ncitrate,1\n\""),
		bytes.NewReader(bytes.Repeat([]byte("x\n"), 300000)), strings.NewReader("\",2\noxide,3\n"))
	c, _, err := OpenCSV(in, ',')
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		rec, err := c.Read()
		if err == io.EOF {
			break
		}
		if errors.As(err, &e) {
			got = append(got, fmt.Sprintf("%d: %s", e.Line, e.Err))
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d: %s", c.Line(), strings.Join(rec, "|")))
		if cap(c.buf) > 2*MaxLine {
			t.Fatalf("the reader keeps %d bytes", cap(c.buf))
		}
	}
	want := []string{"2: citrate|1", "3: the record is longer than 4096 bytes", "300004: oxide|3"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}

	// past MaxSkip, a record ends the file
	cr := &countingReader{r: io.MultiReader(strings.NewReader("form,amount\n\""), bytes.NewReader(make([]byte, 64<<20)))}
	c, _, _ = OpenCSV(cr, ',')
	if _, err := c.Read(); err == nil || errors.As(err, &e) {
		t.Fatalf("an endless record: %v", err)
	}
	if cr.n > MaxLine+MaxSkip+64<<10 {
		t.Errorf("an endless record: %d bytes read", cr.n)
	}
}

func TestHeader(t *testing.T) {
	_, _, err := OpenCSV(strings.NewReader("\ufeffForm, form ,amount\n"), 0)
	if err == nil || err.Error() != `line 1: column " form " is given twice` {
		t.Errorf("twice: %v", err)
	}
	// the Kelvin sign folds to k, as strings.EqualFold says
	if _, _, err := OpenCSV(strings.NewReader("k,\u212a\n"), 0); err == nil {
		t.Error("k and the Kelvin sign")
	}
	if _, h, err := OpenCSV(strings.NewReader("\ufeffform,amount\n"), 0); err != nil || !slices.Equal(h, []string{"form", "amount"}) {
		t.Errorf("BOM: %q, %v", h, err)
	}
	many := strings.Repeat("c,", MaxColumns) + "c\n"
	if _, _, err := OpenCSV(strings.NewReader(many), 0); err == nil || !strings.Contains(err.Error(), "at most 512") {
		t.Errorf("%d columns: %v", MaxColumns+1, err)
	}
	names := make([]string, 25)
	for i := range names {
		names[i] = fmt.Sprint("c", i)
	}
	if got := HeaderNames(names).Error(); got != "c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 and 15 more columns" {
		t.Errorf("HeaderNames: %q", got)
	}
}

// oneRead yields its text, then fails the test if read again: a header
// typed on a terminal is not waited past.
type oneRead struct {
	t    *testing.T
	text string
	done bool
}

func (o *oneRead) Read(p []byte) (int, error) {
	if o.done {
		o.t.Fatal("read past the header")
	}
	o.done = true
	return copy(p, o.text), nil
}

// TestDelimiter: the header's delimiter is the most frequent of comma,
// semicolon and tab outside quotes (comma on a tie), and a header read
// with another says so.
func TestDelimiter(t *testing.T) {
	for in, want := range map[string]string{
		"\ufeffArtikelnummer;Productnaam;Vorm;Hoeveelheid per tablet;Magnesium per tablet;Prijs\r\n1;Calm;citraat;\"187,5 mg\";30 mg;12,95\r\n": "Artikelnummer|Productnaam|Vorm|Hoeveelheid per tablet|Magnesium per tablet|Prijs",
		"form,amount\n":           "form|amount",
		"\"a;b;c\",d\n":           "a;b;c|d",
		"a;b,c\n":                 "a;b|c",
		"form\tamount\n":          "form|amount",
		"\"x\ny;z\";w;v,u\n":      "x\ny;z|w|v,u",
		"form":                    "form",
		"a,b;c;d\n\"e;f;g;h\"\n":  "a,b|c|d",
		"a\tb;c\n":                "a\tb|c", // a tie: the first of , ; tab
		"\"Vorm\";\"Mg, mg\"\r\n": "Vorm|Mg, mg",
	} {
		_, h, err := OpenCSV(strings.NewReader(in), 0)
		if got := strings.Join(h, "|"); err != nil || got != want {
			t.Errorf("%q: %q, %v; want %q", in, got, err, want)
		}
	}
	c, h, err := OpenCSV(&oneRead{t: t, text: "form;amount\n"}, 0)
	if err != nil || len(h) != 2 || c.comma != ';' {
		t.Errorf("a header alone: %q, %v", h, err)
	}

	c, h, err = OpenCSV(strings.NewReader("Vorm;Hoeveelheid;Prijs\r\n"), ',')
	if err != nil || len(h) != 1 {
		t.Fatalf("read with a comma: %q, %v", h, err)
	}
	if got := c.Misread().Error(); got != "the header looks separated by semicolons, not by commas: give --delimiter ';'" {
		t.Errorf("Misread: %q", got)
	}
	c, _, _ = OpenCSV(strings.NewReader("form,amount\n"), ';')
	if got := c.Misread().Error(); got != "the header looks separated by commas, not by semicolons: give --delimiter ," {
		t.Errorf("Misread: %q", got)
	}
	if c, _, _ = OpenCSV(strings.NewReader("form;amount\n"), ';'); c.Misread() != nil {
		t.Errorf("Misread of a good header: %v", c.Misread())
	}

	for in, want := range map[string]byte{"": 0, ",": ',', ";": ';', "tab": '\t', "TAB": '\t', "\t": '\t'} {
		if got, err := ParseDelimiter(in); err != nil || got != want {
			t.Errorf("ParseDelimiter(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"|", ";;", "semicolon", " "} {
		if _, err := ParseDelimiter(in); err == nil {
			t.Errorf("ParseDelimiter(%q) accepted", in)
		}
	}
}
