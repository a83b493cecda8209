package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The checked-in pkg/kb/tables_gen.go is what the generator writes for
// the current data/*.yaml.
func TestGeneratedUpToDate(t *testing.T) {
	want, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "..", "pkg", "kb", "tables_gen.go"))
	if err != nil {
		t.Fatalf("%v: run `go generate ./pkg/kb` (from the module root)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("pkg/kb/tables_gen.go is stale: run `go generate ./pkg/kb` (from the module root) and commit it")
	}
	if !strings.HasPrefix(string(want), "// Code generated ") || !strings.Contains(string(want), " DO NOT EDIT.\n") {
		t.Error("the generated file lacks the standard \"Code generated … DO NOT EDIT.\" line")
	}
	want, err = generateMsg()
	if err != nil {
		t.Fatal(err)
	}
	got, err = os.ReadFile(filepath.Join("..", "..", "pkg", "msg", "nl_gen.go"))
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("pkg/msg/nl_gen.go is stale (%v): run `go generate ./pkg/kb` (from the module root) and commit it", err)
	}
}

type Inner struct {
	Text string
	N    int
}

type Sample struct {
	Name     string
	Skip     string `yaml:"-"`
	hidden   int
	F        float64
	Opt      *float64
	Ptr      *Inner
	List     []*Inner
	Values   []Inner
	Tags     []string
	Empty    []string
	Weights  map[string]float64
	Flag     bool
	Unsigned uint8
}

func TestPrinter(t *testing.T) {
	third := 1.0 / 3
	v := Sample{
		Name: "a \"quoted\" name\n", F: 0.1, Opt: &third, Ptr: &Inner{Text: "x"},
		List: []*Inner{{N: 2}, nil}, Values: []Inner{{Text: "y"}}, Tags: []string{"b", "a"}, Empty: []string{},
		Weights: map[string]float64{"Mg": 24.305, "C": 12.011, "Zz": 1e-7}, Flag: true, Unsigned: 7,
	}
	p := &printer{imports: map[string]bool{}}
	p.value(reflect.ValueOf(v), false)
	if p.err != nil {
		t.Fatal(p.err)
	}
	want := `gen-tables.Sample{
Name: "a \"quoted\" name\n",
F: 0.1,
Opt: f64(0.3333333333333333),
Ptr: &gen-tables.Inner{
Text: "x",
},
List: []*gen-tables.Inner{
{
N: 2,
},
nil,
},
Values: []gen-tables.Inner{
{
Text: "y",
},
},
Tags: []string{"b", "a"},
Empty: []string{},
Weights: map[string]float64{
"C": 12.011,
"Mg": 24.305,
"Zz": 1e-07,
},
Flag: true,
Unsigned: 7,
}`
	if got := p.body.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestPrinterRefuses(t *testing.T) {
	for name, v := range map[string]any{
		"NaN":               Sample{F: math.NaN()},
		"negative zero":     Sample{F: math.Copysign(0, -1)},
		"a computed field":  Sample{Skip: "set at load"},
		"an unexported one": Sample{hidden: 1},
		"a channel":         make(chan int),
	} {
		p := &printer{imports: map[string]bool{}}
		p.value(reflect.ValueOf(v), false)
		if p.err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
