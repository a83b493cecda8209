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
	want, err = generateBuilt()
	if err != nil {
		t.Fatal(err)
	}
	got, err = os.ReadFile(filepath.Join("..", "..", "pkg", "kb", "built_gen.go"))
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("pkg/kb/built_gen.go is stale (%v): run `go generate ./pkg/kb` (from the module root) and commit it", err)
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

// Built, a pointer is the address of a variable of its own, declared once
// however many pointers share it, computed fields are written, and a map
// (which the compiler cannot lay out as constant data) is refused.
func TestPrinterBuilt(t *testing.T) {
	type Node struct {
		Key  string
		Done float64 `yaml:"-"`
		Next *Node
		Opt  *float64
	}
	half := 0.5
	shared := &Node{Key: "b-c", Done: 2}
	v := []*Node{{Key: "a", Next: shared, Opt: &half}, shared}
	p := &printer{imports: map[string]bool{}, built: true, names: map[ref]string{}, taken: map[string]int{}, queued: map[ref]bool{}}
	p.top("nodes", "are nodes.", reflect.ValueOf(v))
	if p.err != nil {
		t.Fatal(p.err)
	}
	want := `
// nodes are nodes.
var nodes = []*gen-tables.Node{
&node_a,
&node_b_c,
}

var node_a = gen-tables.Node{
Key: "a",
Next: &node_b_c,
Opt: &number_1,
}

var node_b_c = gen-tables.Node{
Key: "b-c",
Done: 2,
}

var number_1 = float64(0.5)
`
	if got := p.body.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	p = &printer{imports: map[string]bool{}, built: true, names: map[ref]string{}, taken: map[string]int{}, queued: map[ref]bool{}}
	p.top("m", "is a map.", reflect.ValueOf(map[string]int{"a": 1}))
	if p.err == nil {
		t.Error("a map was written as constant data")
	}
}
