// Package chem parses molecular formulas and computes molar masses and
// mass fractions from standard atomic weights. It is pure: no I/O, no
// globals beyond constants.
package chem

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits that keep a hostile formula from costing more than it should.
const (
	MaxFormulaLen = 256  // bytes
	MaxDepth      = 8    // nested parentheses
	MaxCount      = 1000 // any single coefficient or multiplier
)

// Composition is the atoms of a formula: each element once, with the
// number of its atoms, in Hill order (C, H, then alphabetical; without
// carbon every element alphabetical). It is a slice, not a map, so that a
// table generated into Go (pkg/kb) holds its compositions as constant
// data.
type Composition []Atoms

// Atoms is one element of a Composition and the number of its atoms.
type Atoms struct {
	Element string
	N       int
}

// Count returns the number of atoms of el in c (0 when it has none).
func (c Composition) Count(el string) int {
	for _, a := range c {
		if a.Element == el {
			return a.N
		}
	}
	return 0
}

// Elements returns the symbols in c in Hill order (C, H, then alphabetical).
func (c Composition) Elements() []string {
	out := make([]string, len(c))
	for i, a := range c {
		out[i] = a.Element
	}
	return out
}

// String renders c in Hill notation, e.g. C12H10Mg3O14.
func (c Composition) String() string {
	var b strings.Builder
	for _, a := range c {
		b.WriteString(a.Element)
		if a.N != 1 {
			b.WriteString(strconv.Itoa(a.N))
		}
	}
	return b.String()
}

// Equal reports whether c and d have the same atoms.
func (c Composition) Equal(d Composition) bool { return slices.Equal(c, d) }

// hill turns counts into a Composition in Hill order.
func hill(counts map[string]int) Composition {
	out := make(Composition, 0, len(counts))
	for el, n := range counts {
		out = append(out, Atoms{el, n})
	}
	_, hasC := counts["C"]
	rank := func(s string) int {
		if hasC {
			switch s {
			case "C":
				return 0
			case "H":
				return 1
			}
		}
		return 2
	}
	slices.SortFunc(out, func(a, b Atoms) int {
		if ra, rb := rank(a.Element), rank(b.Element); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.Element, b.Element)
	})
	return out
}

// SyntaxError reports where and why a formula does not parse.
type SyntaxError struct {
	Formula string
	Pos     int // byte offset
	Msg     string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("formula %q: %s at offset %d", e.Formula, e.Msg, e.Pos)
}

// Parse reads a molecular formula such as "Mg3(C6H5O7)2·9H2O".
//
// Grammar:
//
//	formula := part { dot [count] part }
//	part    := group { group }
//	group   := ( element | "(" part ")" | "[" part "]" ) [count]
//	element := upper [lower]
//	dot     := "·" | "." | "*" | "•"
//
// Each hydrate part may carry a leading multiplier (the 9 in ·9H2O).
// Whitespace is not allowed; counts are 1..MaxCount.
func Parse(s string) (Composition, error) {
	if len(s) == 0 {
		return nil, &SyntaxError{Formula: s, Msg: "empty formula"}
	}
	if len(s) > MaxFormulaLen {
		return nil, &SyntaxError{Formula: s[:32] + "…", Msg: fmt.Sprintf("longer than %d bytes", MaxFormulaLen)}
	}
	p := parser{s: s}
	total := counts{}
	for {
		mult := 1
		if p.pos > 0 { // after a dot, a leading multiplier is allowed
			n, ok, err := p.count()
			if err != nil {
				return nil, err
			}
			if ok {
				mult = n
			}
		}
		part, err := p.part(0)
		if err != nil {
			return nil, err
		}
		if err := addScaled(total, part, mult, &p); err != nil {
			return nil, err
		}
		if p.pos == len(s) {
			break
		}
		if !p.dot() {
			return nil, p.errorf("unexpected %q", p.peekRune())
		}
		if p.pos == len(s) {
			return nil, p.errorf("nothing after the hydrate dot")
		}
	}
	return hill(total), nil
}

// counts are the atoms of a formula as it is read, by element.
type counts map[string]int

type parser struct {
	s   string
	pos int
}

func (p *parser) errorf(format string, args ...any) error {
	return &SyntaxError{Formula: p.s, Pos: p.pos, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) peekRune() string {
	r, _ := utf8.DecodeRuneInString(p.s[p.pos:])
	return string(r)
}

func (p *parser) dot() bool {
	for _, d := range []string{"·", "•", ".", "*"} {
		if strings.HasPrefix(p.s[p.pos:], d) {
			p.pos += len(d)
			return true
		}
	}
	return false
}

// count reads an optional positive integer.
func (p *parser) count() (int, bool, error) {
	start := p.pos
	n := 0
	for p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
		n = n*10 + int(p.s[p.pos]-'0')
		p.pos++
		if n > MaxCount {
			p.pos = start
			return 0, false, p.errorf("count larger than %d", MaxCount)
		}
	}
	if p.pos == start {
		return 0, false, nil
	}
	if n == 0 {
		p.pos = start
		return 0, false, p.errorf("count of zero")
	}
	return n, true, nil
}

func (p *parser) part(depth int) (counts, error) {
	if depth > MaxDepth {
		return nil, p.errorf("parentheses nested deeper than %d", MaxDepth)
	}
	out := counts{}
	groups := 0
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		var g counts
		el := "" // a single element: added without a map of its own
		switch {
		case c >= 'A' && c <= 'Z':
			start := p.pos
			p.pos++
			if p.pos < len(p.s) && p.s[p.pos] >= 'a' && p.s[p.pos] <= 'z' {
				p.pos++
			}
			el = p.s[start:p.pos]
		case c == '(' || c == '[':
			closer := byte(')')
			if c == '[' {
				closer = ']'
			}
			open := p.pos
			p.pos++
			inner, err := p.part(depth + 1)
			if err != nil {
				return nil, err
			}
			if p.pos >= len(p.s) || p.s[p.pos] != closer {
				p.pos = open
				return nil, p.errorf("unclosed %q", string(c))
			}
			p.pos++
			g = inner
		default:
			if groups == 0 {
				if p.pos == len(p.s) {
					return nil, p.errorf("missing element")
				}
				return nil, p.errorf("expected an element or '(' but found %q", p.peekRune())
			}
			return out, nil
		}
		n, ok, err := p.count()
		if err != nil {
			return nil, err
		}
		if !ok {
			n = 1
		}
		if el != "" {
			err = addAtoms(out, el, n, p)
		} else {
			err = addScaled(out, g, n, p)
		}
		if err != nil {
			return nil, err
		}
		groups++
	}
	if groups == 0 {
		return nil, p.errorf("missing element")
	}
	return out, nil
}

// maxAtoms bounds the atoms of one element, so nested multipliers cannot
// overflow int.
const maxAtoms = 1_000_000

// addAtoms adds n atoms of el to dst, as addScaled(dst, counts{el: 1},
// n, p) does, without making a map for one element.
func addAtoms(dst counts, el string, n int, p *parser) error {
	v := dst[el] + n
	if v > maxAtoms {
		return p.errorf("more than %d atoms of %s", maxAtoms, el)
	}
	dst[el] = v
	return nil
}

func addScaled(dst, src counts, mult int, p *parser) error {
	for el, n := range src {
		v := dst[el] + n*mult
		if n*mult > maxAtoms || v > maxAtoms {
			return p.errorf("more than %d atoms of %s", maxAtoms, el)
		}
		dst[el] = v
	}
	return nil
}

// Weights maps element symbols to standard atomic weights in g/mol.
type Weights map[string]float64

// UnknownElementError names a symbol the weight table does not hold.
type UnknownElementError struct{ Symbol string }

func (e *UnknownElementError) Error() string {
	return fmt.Sprintf("no atomic weight for element %q", e.Symbol)
}

// MolarMass sums the atomic weights of c, in g/mol.
func (w Weights) MolarMass(c Composition) (float64, error) {
	m := 0.0
	for _, a := range c { // Hill order: stable float sums
		aw, ok := w[a.Element]
		if !ok {
			return 0, &UnknownElementError{Symbol: a.Element}
		}
		m += float64(a.N) * aw
	}
	return m, nil
}

// MassFraction is the mass share of element el in c, in [0, 1].
func (w Weights) MassFraction(c Composition, el string) (float64, error) {
	total, err := w.MolarMass(c)
	if err != nil {
		return 0, err
	}
	aw, ok := w[el]
	if !ok {
		return 0, &UnknownElementError{Symbol: el}
	}
	if total == 0 {
		return 0, nil
	}
	return float64(c.Count(el)) * aw / total, nil
}
