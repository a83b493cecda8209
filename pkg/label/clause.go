package label

import (
	"math"
	"slices"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
	"github.com/mgcalc/mgcalc/pkg/units"
)

// readClause reads one product of a line.
func (r *reader) readClause(ln *line, c clause) {
	child := hasMarker(c.atoms, mChild) && !hasMarker(c.atoms, mAdult)
	nouns, _ := bind(c.atoms)
	var head *noun
	magnesium := false
	for _, n := range nouns {
		if head == nil || n.a.depth < head.a.depth {
			head = n
		}
		magnesium = magnesium || n.a.kind == aMg || n.a.kind == aSalt
	}
	if head == nil {
		if hasMarker(c.atoms, mBlend) && hasAmount(c.atoms) {
			r.blend = ln // a blend heading; its parts may follow on the next lines
		}
		return
	}
	if head.a.kind == aNutrient {
		// another nutrient, or a vitamin whose form is a magnesium salt:
		// Vitamin C (as magnesium ascorbate) 318 mg is vitamin C. Magnesium
		// beside it with its own amount ("Calcium 500 mg / Magnesium 250
		// mg") is read on.
		if head.a.nutrient == "mineral" || magnesium {
			r.add(Line{Line: ln.n, Text: c.text, Kind: Other, Reason: ReasonNotMagnesium})
		}
		own := false
		for _, n := range nouns {
			own = own || (n.a.kind == aMg || n.a.kind == aSalt) && n.a.depth == head.a.depth && n.amt != nil
		}
		if !own {
			return
		}
		var kept []*noun
		for _, n := range nouns {
			if n.a.depth == head.a.depth && n.a.kind != aNutrient {
				kept = append(kept, n)
			}
		}
		nouns = kept
	}
	var mg []*noun
	for _, n := range nouns {
		switch {
		case n.a.kind == aSalt && n.a.excipient:
			r.add(Line{Line: ln.n, Text: c.text, Kind: Excipient, Reason: ReasonExcipient})
		case n.a.kind == aMg || n.a.kind == aSalt:
			mg = append(mg, n)
		}
	}
	if len(mg) == 0 {
		return
	}
	// the salts it names without an amount may give an elemental dose its form
	for _, n := range mg {
		if n.amt == nil && n.a.form != nil {
			r.sources = append(r.sources, source{form: n.a.form, line: ln.n})
		}
	}
	// amounts that are no dose: a sentence about intakes or limits, a range,
	// per kg of body weight, for children
	var reason Reason
	switch {
	case hasMarker(c.atoms, mPerKg):
		reason = ReasonPerKg
	case hasMarker(c.atoms, mReference):
		reason = ReasonReference
	case child:
		reason = ReasonChildren
	}
	amounts := false
	for _, n := range mg {
		if n.amt == nil {
			continue
		}
		amounts = true
		switch {
		case n.amt.isRange && reason == "":
			reason = ReasonReference
		case n.amt.perKg:
			reason = ReasonPerKg
		}
	}
	if reason != "" {
		if amounts {
			r.add(Line{Line: ln.n, Text: c.text, Kind: Other, Reason: reason})
		}
		return
	}
	if !amounts {
		r.mention(ln, c)
		return
	}
	// "waarvan magnesium" with no amount after it
	if l := incompleteLink(c.atoms, mg); l != nil {
		r.unreadable(ln, c.text, ReasonIncomplete, msg.Errorf("%q without an amount", ln.span(l)).
			WithHint("expected an amount after it, such as %q", ln.span(l)+" 70 mg"))
		return
	}
	var es, cs, named []*noun
	for _, n := range mg {
		switch {
		case n.amt != nil && n.a.kind == aMg:
			es = append(es, n)
		case n.amt != nil:
			cs = append(cs, n)
		default:
			named = append(named, n)
		}
	}
	switch {
	case len(es) == 1 && len(cs) == 1:
		r.dose(ln, c.text, es[0], cs[0], nil)
	case len(es) >= 1:
		for _, e := range es {
			r.dose(ln, c.text, e, nil, append(named, cs...))
		}
	default:
		for _, k := range cs {
			r.dose(ln, c.text, nil, k, nil)
		}
	}
}

// mention records magnesium named without an amount: read as a heading
// or title when the label gives an amount elsewhere, refused when it does
// not (finish).
func (r *reader) mention(ln *line, c clause) {
	blend := hasMarker(c.atoms, mBlend)
	for _, a := range c.atoms {
		if a.kind == aSalt && a.unknown != nil && hasBlendWord(a.salt) {
			blend = true
		}
	}
	m := mention{line: ln.n, text: c.text}
	if blend {
		m.blend = ln
	} else if r.blend != nil && ln.n-r.blend.n <= 20 {
		m.blend = r.blend
	}
	r.mentions = append(r.mentions, m)
	r.add(Line{Line: ln.n, Text: c.text, Kind: Other, Reason: ReasonNoAmount})
	r.mentions[len(r.mentions)-1].line = len(r.label.Lines) - 1 // the index of its Line
}

func hasBlendWord(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if blendWords(w) {
			return true
		}
	}
	return false
}

// incompleteLink returns the link and the noun after it when a link of
// "of which" or "providing" kind is followed by magnesium without an
// amount ("500 mg waarvan magnesium"), or the link alone when nothing it
// could link follows it ("500 mg waarvan" at the end of the line), else
// nil.
func incompleteLink(atoms []atom, mg []*noun) []atom {
	for i, a := range atoms {
		if a.kind != aLink || a.link == linkSource {
			continue
		}
		if !slices.ContainsFunc(atoms[i+1:], func(b atom) bool {
			return b.kind == aAmount || b.kind == aMg || b.kind == aSalt || b.kind == aNutrient || b.kind == aPercent || b.kind == aCount
		}) {
			return atoms[i : i+1]
		}
		if i+1 >= len(atoms) {
			continue
		}
		next := &atoms[i+1]
		if next.kind != aMg && next.kind != aSalt {
			continue
		}
		for _, n := range mg {
			if n.a == next && n.amt == nil {
				return atoms[i : i+2]
			}
		}
	}
	return nil
}

func (r *reader) unreadable(ln *line, text string, reason Reason, m *msg.Message) {
	r.add(Line{Line: ln.n, Text: text, Kind: Unreadable, Reason: reason, Err: m})
}

// dose records one dose: elemental (e), compound (c), or both. named are
// the salts the clause names without an amount, for an elemental dose's
// form.
func (r *reader) dose(ln *line, text string, e, c *noun, named []*noun) {
	for _, n := range []*noun{e, c} {
		if n != nil && n.amt.err != nil {
			r.unreadable(ln, text, ReasonBadAmount, quoted(text, n.amt.err))
			return
		}
	}
	l := Line{Line: ln.n, Text: text, Kind: Dose}
	switch {
	case e != nil && c != nil:
		l.Declared = Both
		if !r.both(ln, &l, e, c) {
			return
		}
	case e != nil:
		l.Declared = Elemental
		v, ok := r.one(ln, text, e)
		if !ok {
			return
		}
		l.ElementalMg = v
		l.Form, l.Variant, l.FormName = formOf(e, named)
		l.named = l.Variant
	default:
		l.Declared = Compound
		if c.a.form == nil {
			r.unknownSalt(ln, text, c)
			return
		}
		v, ok := r.one(ln, text, c)
		if !ok {
			return
		}
		l.Form, l.Variant, l.CompoundMg, l.named = c.a.form, c.a.variant, v, c.a.variant
		if l.Variant == nil {
			l.Variant = l.Form.Default()
		}
		l.ElementalMg = forms.ShareOf(l.Variant, 0).Elemental(v)
	}
	if p := firstPct(e, c); p != nil {
		l.RI = &RICheck{Percent: p.value, Approx: p.approx, marker: p.ri}
	}
	r.add(l)
}

func firstPct(ns ...*noun) *atom {
	for _, n := range ns {
		if n != nil && n.amt != nil && n.amt.pct != nil {
			return n.amt.pct
		}
	}
	return nil
}

// one reads an amount with one reading; an ambiguous one is refused with
// the units package's message.
func (r *reader) one(ln *line, text string, n *noun) (float64, bool) {
	if len(n.amt.readings) == 1 {
		return n.amt.readings[0], true
	}
	r.unreadable(ln, text, ReasonAmbiguous, r.ambiguousError(n.amt))
	return 0, false
}

// ambiguousError is the units package's message for an ambiguous amount.
func (r *reader) ambiguousError(a *atom) *msg.Message {
	_, err := units.ParseElemental(a.text, r.o.Forms.MgPerMmol())
	if m, ok := err.(*msg.Message); ok {
		return m
	}
	return msg.Errorf("amount %q is ambiguous", a.text)
}

// both reads a line that prints the compound and its magnesium, and
// checks them against each other with pkg/dose's label check. Where a
// number is ambiguous (1.830 mg), the reading that makes the label
// impossible is ruled out; if both remain, the line is refused.
func (r *reader) both(ln *line, l *Line, e, c *noun) bool {
	f := c.a.form
	l.Form, l.Variant, l.named = f, c.a.variant, c.a.variant
	type pair struct {
		e, c  float64
		check *dose.LabelCheck
	}
	var ok []pair
	var blends []pair // impossible for the pure salt, possible for a blend
	impossible := false
	for _, ev := range e.amt.readings {
		for _, cv := range c.amt.readings {
			if f == nil {
				if ev <= cv {
					ok = append(ok, pair{e: ev, c: cv})
				} else {
					impossible = true
				}
				continue
			}
			ch := dose.CheckLabel(r.o.Forms, f, c.a.variant, cv, ev)
			if ch.Verdict == dose.Impossible {
				impossible = true
				if ch.RicherSalt {
					blends = append(blends, pair{e: ev, c: cv, check: &ch})
				}
				continue
			}
			ok = append(ok, pair{e: ev, c: cv, check: &ch})
		}
	}
	switch {
	case len(ok) == 1:
		l.ElementalMg, l.CompoundMg, l.Check = ok[0].e, ok[0].c, ok[0].check
		if f == nil {
			l.FormName = FormUnknown
		}
		return true
	case len(ok) > 1:
		a := e.amt
		if len(c.amt.readings) > 1 {
			a = c.amt
		}
		r.unreadable(ln, l.Text, ReasonAmbiguous, r.ambiguousError(a))
	case len(blends) == 1 && len(e.amt.readings) == 1 && len(c.amt.readings) == 1:
		// more magnesium than the pure salt carries, less than a richer
		// salt mixed in could give: the elemental figure is the dose, and
		// the check's verdict is reported (Label.Warnings)
		l.ElementalMg, l.CompoundMg, l.Check = blends[0].e, blends[0].c, blends[0].check
		return true
	case impossible && len(e.amt.readings) == 1 && len(c.amt.readings) == 1:
		r.unreadable(ln, l.Text, ReasonImpossible, impossibleError(l.Text, e.amt.readings[0], c.amt.readings[0], c.a))
	default:
		r.unreadable(ln, l.Text, ReasonImpossible, impossibleError(l.Text, e.amt.readings[0], c.amt.readings[len(c.amt.readings)-1], c.a))
	}
	return false
}

func impossibleError(text string, e, c float64, salt *atom) *msg.Message {
	most := c
	if salt.form != nil {
		most = c * salt.form.MaxFraction()
	}
	return msg.Errorf("%q: %s mg magnesium cannot come from %s mg %s, which carries at most %s mg", clipShort(text), msg.A(e), msg.A(c), salt.salt, msg.N(most, 1)).
		WithHint("no magnesium salt carries that much: the label has a typo or its lines are swapped; if you trust its magnesium, count it as magnesium:%s", msg.A(e))
}

// unknownSalt refuses a compound that mgcalc has no formula for.
func (r *reader) unknownSalt(ln *line, text string, c *noun) {
	if hasBlendWord(c.a.salt) {
		r.unreadable(ln, text, ReasonBlend, blendError(text))
		return
	}
	m := msg.Errorf("%q: mgcalc cannot compute the magnesium in %s", clipShort(text), c.a.salt)
	if c.a.unknown != nil {
		m = msg.Errorf("%q: %s", clipShort(text), c.a.unknown)
	}
	r.unreadable(ln, text, ReasonUnknownForm, m.WithHint("if the label states its magnesium, count it as magnesium:MG"))
}

func blendError(text string) *msg.Message {
	return msg.Errorf("proprietary blend: %q gives no amount for its magnesium", clipShort(text)).
		WithHint("only the maker can say how much magnesium it holds; if the label states it, count it as magnesium:MG")
}

// formOf is the form of an elemental dose: the salt its line names
// (citrate), several (mixed), one mgcalc cannot compute (unknown), or
// none yet (finish looks in the ingredient list).
func formOf(e *noun, named []*noun) (*forms.Form, *forms.Variant, string) {
	var f *forms.Form
	var v *forms.Variant
	unknown := false
	for _, n := range named {
		switch {
		case n.a.form == nil:
			unknown = true
		case f == nil:
			f, v = n.a.form, n.a.variant
		case f != n.a.form:
			return nil, nil, FormMixed
		}
	}
	switch {
	case f != nil && unknown:
		return nil, nil, FormMixed
	case unknown:
		return nil, nil, FormUnknown
	}
	return f, v, ""
}

func quoted(text string, err error) *msg.Message {
	m, ok := err.(*msg.Message)
	if !ok {
		m = msg.Errorf("%s", err.Error())
	}
	return withHint(msg.Errorf("%q: %s", clipShort(text), m), m)
}

func withHint(m, from *msg.Message) *msg.Message {
	m.Hint = from.Hint
	return m
}

// clipShort bounds text quoted in a message to 64 bytes.
func clipShort(s string) string { return text.ClipTo(strings.TrimSpace(s), 64) }

// RICheck is a printed % RI or % DV checked against the label's amount:
// a second check of the label, reported and never failing it.
type RICheck struct {
	Percent float64 // as printed
	Approx  bool    // "< 1 %": not checked
	// Ref is the reference value the printed percentage fits, or the
	// nearest one when it fits none; Computed is the amount's share of it.
	Ref        *limits.LabelValue
	Computed   float64
	Consistent bool
	marker     string // euRI, usDV or "" (not printed)
}

// RITolerancePoints is how far (percentage points) a printed % RI may be
// from the computed share and still fit: labels print whole percentages.
// No source gives it; it is mgcalc's rule, as is the use of
// dose.LabelTolerance (relative) where that is larger.
const RITolerancePoints = 1.0

// checkRI checks a printed percentage against the reference values the
// label's marker allows (% RI or NRV: the EU value; % DV: the US value and
// the one before 2016; none printed: all of them).
func checkRI(ri *RICheck, mg float64, refs []*limits.LabelValue, labelMark string) {
	if ri.Approx || !(mg > 0) {
		return
	}
	mark := ri.marker
	if mark == "" {
		mark = labelMark
	}
	best := math.Inf(1)
	for _, ref := range refs {
		if mark == euRI && ref.Key != "eu-nrv" || mark == usDV && !strings.HasPrefix(ref.Key, "us-dv") {
			continue
		}
		computed := mg / ref.Mg * 100
		diff := math.Abs(computed - ri.Percent)
		fits := diff <= math.Max(RITolerancePoints, computed*dose.LabelTolerance)
		if fits && !ri.Consistent || !ri.Consistent && diff < best {
			ri.Ref, ri.Computed, ri.Consistent = ref, computed, fits
			best = diff
		}
	}
}
