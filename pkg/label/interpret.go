package label

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// reader reads the lines of one label and assembles it.
type reader struct {
	o     Options
	label Label
	// mentions are magnesium named without an amount: a heading, a title,
	// a blend's part. They are refused only when the label gives no
	// magnesium amount anywhere (finish).
	mentions []mention
	// sources are the salts the label names without an amount (an
	// ingredient list, "as citrate"): an elemental dose without a salt
	// takes its form from them when they name one.
	sources []source
	// servingRank says how sure the serving is: 0 none, 1 "per serving",
	// 2 the count before a bracket that holds the amounts ("1 Messlöffel
	// (… 109 mg Magnesium)"), 3 "per 2 capsules", "/ Kapsel", 4 a heading
	// ("Serving Size 2 Tablets", "1 Tablette enthält", DSLD's serving).
	servingRank int
	directions  []direction
	ri          string // a % RI / % DV heading anywhere: euRI, usDV
	inList      bool   // the ingredient list goes on on this line
	blend       *line  // the last proprietary blend heading
}

type mention struct {
	line  int
	text  string
	blend *line
}

type source struct {
	form *forms.Form
	line int
}

// direction is one adult direction: units a day, in a unit.
type direction struct {
	units Range
	unit  string
	line  int
	text  string
}

// line is one line of text with its tokens and phrases.
type line struct {
	n     int
	text  string
	toks  []token
	atoms []atom
}

func newReader(o Options) *reader { return &reader{o: o} }

func (r *reader) scan(n int, text string) *line {
	toks, _ := tokenize(text)
	return &line{n: n, text: strings.TrimSpace(text), toks: toks, atoms: phrase(r.o.Forms, toks)}
}

// readText reads the lines of a text label. Lines whose first character
// is # are comments (a label file may say where it comes from). A line
// that names magnesium without an amount, followed by a line that starts
// with one, is read as one line (a heading or a table cell with its
// amount below it); so is a line followed by lines that start with a link
// ("(from 2,000 mg magnesium …)", "entsprechend 121,5 mg Magnesium").
func (r *reader) readText(raw []string) {
	// each line is scanned once; a line read with the next is scanned again
	scanned := make([]*line, len(raw))
	at := func(i int) *line {
		if scanned[i] == nil {
			scanned[i] = r.scan(i+1, strings.TrimSpace(raw[i]))
		}
		return scanned[i]
	}
	for i := 0; i < len(raw); i++ {
		if strings.HasPrefix(strings.TrimSpace(raw[i]), "#") {
			continue
		}
		ln := at(i)
		text := ln.text
		if i+1 < len(raw) && needsAmount(ln.atoms) && startsWithAmount(at(i+1).atoms) {
			text += " " + at(i+1).text
			i++
		}
		for i+1 < len(raw) && len(text)+len(raw[i+1]) < MaxLineSize && startsWithLink(at(i+1).atoms) {
			text += " " + at(i+1).text
			i++
		}
		if text != ln.text {
			ln = r.scan(ln.n, text)
		}
		r.readLine(ln)
	}
}

// startsWithLink: the line's first phrase (after a bracket) links it to
// the line before: as, from, of which, providing, entsprechend.
func startsWithLink(atoms []atom) bool {
	for _, a := range atoms {
		switch a.kind {
		case aOpen:
			continue
		case aLink:
			return true
		}
		return false
	}
	return false
}

// needsAmount: the line names magnesium (not an excipient) and prints no
// amount, and is no ingredient list or sentence.
func needsAmount(atoms []atom) bool {
	named := false
	for _, a := range atoms {
		switch {
		case a.kind == aAmount:
			return false
		case a.kind == aMarker && (a.marker == mIngredients || a.marker == mReference || a.marker == mFunction):
			return false
		case (a.kind == aMg || a.kind == aSalt) && !a.excipient:
			named = true
		}
	}
	return named
}

// startsWithAmount: the line's first phrase is an amount of magnesium.
func startsWithAmount(atoms []atom) bool {
	for _, a := range atoms {
		switch a.kind {
		case aOpen, aClose, aSep, aColon:
			continue
		case aAmount:
			return a.unit != ""
		}
		return false
	}
	return false
}

func hasMarker(atoms []atom, m markerKind) bool {
	for _, a := range atoms {
		if a.kind == aMarker && a.marker == m {
			return true
		}
	}
	return false
}

// readLine reads one line.
func (r *reader) readLine(ln *line) {
	if len(ln.atoms) == 0 {
		if ln.text == "" {
			r.inList = false
		}
		return
	}
	if w, c, ok := nearlyMagnesium(ln.toks); ok {
		// a word that reads as magnesium but for a letter of another
		// script: refused as a typed name is, never read as another
		// nutrient and silently left out
		r.unreadable(ln, ln.text, ReasonCharacter, msg.NameRefusal(w, &text.CharError{Rune: c}))
		return
	}
	for _, a := range ln.atoms {
		if a.kind == aMarker && a.marker == mRI && r.ri == "" {
			r.ri = a.ri
		}
		if a.kind == aPercent && a.ri != "" && r.ri == "" {
			r.ri = a.ri
		}
	}
	atoms := ln.atoms
	// an ingredient list: from its heading to the end of the line, and on
	// the next lines until a blank line or a line with an amount
	// (a list goes on on the next line only when this one ends with a comma)
	if k := listStart(atoms); k >= 0 {
		r.readList(ln, atoms[k:])
		atoms = atoms[:k]
		r.inList = strings.HasSuffix(ln.text, ",")
	} else if r.inList && !hasAmount(atoms) {
		r.readList(ln, atoms)
		r.inList = strings.HasSuffix(ln.text, ",")
		return
	} else {
		r.inList = false
	}
	child := hasMarker(atoms, mChild) && !hasMarker(atoms, mAdult)
	if !hasMarker(atoms, mContainer) {
		r.readServing(ln, atoms)
		if !child {
			r.readDirections(ln, atoms)
		}
	}
	to := len(ln.toks)
	if len(atoms) < len(ln.atoms) && len(atoms) > 0 {
		to = ln.atoms[len(atoms)].start // up to the ingredient list
	}
	r.readClauses(ln, atoms, 0, to)
}

func hasAmount(atoms []atom) bool {
	for _, a := range atoms {
		if a.kind == aAmount && a.unit != "" {
			return true
		}
	}
	return false
}

// listStart returns the index after an ingredient list's heading (and its
// colon), or -1.
func listStart(atoms []atom) int {
	for i, a := range atoms {
		if a.kind == aMarker && a.marker == mIngredients && a.depth == 0 {
			j := i + 1
			for j < len(atoms) && (atoms[j].kind == aColon || atoms[j].kind == aMarker && atoms[j].marker == mIngredients) {
				j++
			}
			return j
		}
	}
	return -1
}

// readList reads an ingredient list: items separated by commas (not
// inside brackets). An item with an excipient's function ("anti-caking
// agent", "Trennmittel") makes the salts in it and in its brackets
// excipients.
func (r *reader) readList(ln *line, atoms []atom) {
	var item []atom
	fn := false // a function heading with a colon: applies to the rest of the line
	from := 0
	if len(atoms) > 0 {
		from = atoms[0].start
	}
	flush := func(to int) {
		if len(item) > 0 {
			r.readItem(ln, item, fn, ln.tokText(from, to))
		}
		item = item[:0]
	}
	base := 0
	if len(atoms) > 0 {
		base = atoms[0].depth
	}
	for i, a := range atoms {
		if a.kind == aSep && a.depth == base {
			flush(a.start)
			from = a.end
			continue
		}
		if a.kind == aMarker && a.marker == mFunction && i+1 < len(atoms) && atoms[i+1].kind == aColon {
			fn = true
		}
		item = append(item, a)
	}
	flush(len(ln.toks))
}

// readItem reads one ingredient of a list.
func (r *reader) readItem(ln *line, item []atom, fn bool, text string) {
	excipient := fn || hasMarker(item, mFunction) || hasMarker(item, mCode)
	if hasAmount(item) {
		// an active ingredient with its amount, printed in the list
		r.readClauses(ln, item, item[0].start, item[len(item)-1].end)
		return
	}
	for _, a := range item {
		switch {
		case a.kind == aSalt && (a.excipient || excipient):
			r.add(Line{Line: ln.n, Text: text, Kind: Excipient, Reason: ReasonExcipient})
			return
		case a.kind == aSalt || a.kind == aMg:
			if a.form != nil {
				r.sources = append(r.sources, source{form: a.form, line: ln.n})
			}
			r.add(Line{Line: ln.n, Text: text, Kind: Other, Reason: ReasonIngredient, Form: a.form})
			return
		case a.kind == aNutrient && a.nutrient == "mineral":
			r.add(Line{Line: ln.n, Text: text, Kind: Other, Reason: ReasonNotMagnesium})
			return
		}
	}
	if hasMarker(item, mCode) {
		// E470b, E553a, E504 on their own: magnesium excipients by number
		r.add(Line{Line: ln.n, Text: text, Kind: Excipient, Reason: ReasonExcipient})
	}
}

// span is the printed text of atoms (from the first one's first token to
// the last one's last).
func (ln *line) span(atoms []atom) string {
	if len(atoms) == 0 {
		return ""
	}
	return ln.tokText(atoms[0].start, atoms[len(atoms)-1].end)
}

// tokText is the printed text of tokens [i, j), without the separators
// around it.
func (ln *line) tokText(i, j int) string {
	j = min(j, len(ln.toks))
	if i >= j {
		return ""
	}
	s := ln.text
	from, to := ln.toks[i].pos, len(s)
	if j < len(ln.toks) {
		to = ln.toks[j].pos
	}
	if from > len(s) || to > len(s) || from > to {
		return ""
	}
	return strings.Trim(strings.TrimSpace(s[from:to]), ",;: ")
}

func (r *reader) add(l Line) {
	l.Text = strings.Join(strings.Fields(l.Text), " ")
	r.label.Lines = append(r.label.Lines, l)
}

// MaxText bounds a text kept for the reader (directions, a serving, a
// line quoted in a report).
const MaxText = 160

// clip bounds a text kept for the reader (directions, a serving).
func clip(s string) string { return text.ClipTo(s, MaxText) }

// readServing reads what the amounts are per: "Serving Size 2 Tablets",
// "per 2 capsules", "per dagdosis (2 tabletten)", "1 Tablette enthält",
// "/ Kapsel".
func (r *reader) readServing(ln *line, atoms []atom) {
	for i, a := range atoms {
		var c *atom
		rank := 0
		switch {
		case a.kind == aMarker && a.marker == mServing:
			c, rank = nextCount(atoms, i+1, 3), 4
		case a.kind == aPer:
			c, rank = nextCount(atoms, i+1, 1), 3
			if c != nil && c.unitKey == servingKey && !c.dayDose {
				rank = 1 // "Amount Per Serving": says nothing of its size
			}
		case a.kind == aCount && !a.implied && i+1 < len(atoms) && atoms[i+1].kind == aMarker && atoms[i+1].marker == mContains:
			c, rank = &atoms[i], 4
		case a.kind == aCount && !a.implied && i+1 < len(atoms) && atoms[i+1].kind == aOpen && bracketHasAmount(atoms[i+1:]):
			// "1 Messlöffel (ca. 1 g Magnesiumcitrat, davon 109 mg Magnesium)"
			c, rank = &atoms[i], 2
		case a.kind == aCount && a.implied && i > 0 && atoms[i-1].kind == aPer:
			continue // read with its aPer
		}
		if c == nil || rank <= r.servingRank {
			continue
		}
		if r.zeroServing(ln, c) {
			continue
		}
		s := Serving{Count: Range(c.count), Unit: c.unitKey, Line: ln.n, Text: clip(ln.text)}
		if c.dayDose {
			s.Day = true
			// per dagdosis (2 tabletten): the count in brackets
			if k := indexOf(atoms, c); k >= 0 {
				if d := nextCount(atoms, k+1, 2); d != nil && !d.implied {
					if r.zeroServing(ln, d) {
						continue
					}
					s.Count, s.Unit = Range(d.count), d.unitKey
				} else {
					s.Count, s.Unit = Range{}, ""
				}
			}
		}
		r.label.Serving, r.servingRank = s, rank
	}
}

// zeroServing refuses a serving of zero ("per 0 capsules"): the line is
// refused as an amount of zero is, never read as if it said nothing.
func (r *reader) zeroServing(ln *line, c *atom) bool {
	if c.implied || c.count.Max > 0 {
		return false
	}
	r.unreadable(ln, ln.text, ReasonBadAmount, quoted(ln.text,
		msg.Errorf("serving %q is zero", spanText(ln.toks, c.start, c.end)).WithHint("give a serving above zero")))
	return true
}

// bracketHasAmount: the bracket that opens atoms holds an amount of
// magnesium.
func bracketHasAmount(atoms []atom) bool {
	depth := atoms[0].depth
	for _, a := range atoms[1:] {
		if a.kind == aClose && a.depth <= depth {
			return false
		}
		if a.kind == aAmount && a.unit != "" {
			return true
		}
	}
	return false
}

func indexOf(atoms []atom, a *atom) int {
	for i := range atoms {
		if &atoms[i] == a {
			return i
		}
	}
	return -1
}

// nextCount returns the count at most skip phrases after i (brackets and
// colons do not count), or nil.
func nextCount(atoms []atom, i, skip int) *atom {
	for n := 0; i < len(atoms) && n <= skip; i++ {
		switch atoms[i].kind {
		case aCount:
			return &atoms[i]
		case aOpen, aClose, aColon:
			continue
		}
		n++
	}
	return nil
}

// readDirections reads how much a day the label says to take: a count and
// "a day", with how often: "Neem 1-2 tabletten per dag", "Take 2 tablets
// twice daily", "Zweimal täglich 1 Messlöffel", "Take one tablespoon once
// or twice a day".
func (r *reader) readDirections(ln *line, atoms []atom) {
	daily := false
	var counts []atom
	freq := Range{1, 1}
	for _, a := range atoms {
		if a.depth > 0 {
			continue
		}
		switch a.kind {
		case aDaily:
			daily = true
		case aFreq:
			freq = Range(a.count)
		case aCount:
			if !a.implied && !a.dayDose {
				counts = append(counts, a)
			}
		}
	}
	if !daily || len(counts) == 0 {
		return
	}
	d := direction{units: Range{math.Inf(1), 0}, unit: counts[0].unitKey, line: ln.n, text: clip(ln.text)}
	for _, c := range counts {
		d.units.Min = math.Min(d.units.Min, c.count.Min*freq.Min)
		d.units.Max = math.Max(d.units.Max, c.count.Max*freq.Max)
	}
	if d.units.Max > 0 {
		r.directions = append(r.directions, d)
	}
}

// clause is one product of a line: the phrases between separators.
type clause struct {
	atoms []atom
	text  string
}

// readClauses splits a line into clauses at commas, semicolons and the
// ends of sentences outside brackets, and reads each. A clause that
// starts with a link ("davon 109 mg Magnesium") or only gives an amount
// belongs to the one before.
func (r *reader) readClauses(ln *line, atoms []atom, from, to int) {
	type part struct {
		atoms    []atom
		from, to int // tokens
	}
	var cs []part
	cur := part{from: from}
	for _, a := range atoms {
		if a.kind == aSep && a.depth == 0 {
			cur.to = a.start
			cs = append(cs, cur)
			cur = part{from: a.end}
			continue
		}
		cur.atoms = append(cur.atoms, a)
	}
	cur.to = max(cur.from, to)
	cs = append(cs, cur)
	var merged []part
	for _, c := range cs {
		if len(c.atoms) == 0 {
			continue
		}
		if len(merged) > 0 && (c.atoms[0].kind == aLink && c.atoms[0].link != linkSource || !hasNoun(c.atoms) && hasAmount(c.atoms)) {
			last := &merged[len(merged)-1]
			last.atoms = append(last.atoms, c.atoms...)
			last.to = c.to
			continue
		}
		merged = append(merged, c)
	}
	for _, c := range merged {
		r.readClause(ln, clause{atoms: c.atoms, text: ln.tokText(c.from, c.to)})
	}
}

func hasNoun(atoms []atom) bool {
	for _, a := range atoms {
		if a.kind == aMg || a.kind == aSalt || a.kind == aNutrient {
			return true
		}
	}
	return false
}

// noun is a magnesium, salt or nutrient phrase with the amount it binds.
type noun struct {
	a   *atom
	amt *atom
}

// bind gives each amount of a clause its noun: the last noun before it at
// the same bracket depth that has none ("Magnesium 200 mg"), else the
// noun right after it ("1 g Magnesiumcitrat", "109 mg Magnesium"). A salt
// introduced by "as" or "from" takes only an amount printed right before
// it ("from 2,000 mg magnesium lysinate glycinate"). An amount that binds
// nothing after a link is the same dose restated ("= 12,4 mmol").
func bind(atoms []atom) (nouns []*noun, orphans []*atom) {
	var lastAmt *atom
	ahead := -1 // a noun already bound to the amount printed before it
	for k := range atoms {
		a := &atoms[k]
		switch a.kind {
		case aMg, aSalt, aNutrient:
			if k == ahead {
				continue
			}
			// Magnesium (magnesium glycinate): a salt in brackets right
			// after magnesium is its source
			if a.kind == aSalt && k >= 2 && atoms[k-1].kind == aOpen && atoms[k-2].kind == aMg {
				a.source = true
			}
			nouns = append(nouns, &noun{a: a})
		case aPercent:
			if lastAmt != nil && lastAmt.pct == nil && prevAmount(atoms, k) == lastAmt {
				lastAmt.pct = a
			}
		case aAmount:
			if a.unit == "" {
				continue // ml, IU: no amount of magnesium
			}
			lastAmt = a
			var back *noun
			for j := len(nouns) - 1; j >= 0; j-- {
				n := nouns[j]
				if n.a.depth != a.depth {
					continue
				}
				if n.amt != nil {
					break
				}
				if n.a.source || n.a.excipient {
					continue // "from magnesium citrate": a source takes no amount after it
				}
				back = n
				break
			}
			if back != nil {
				back.amt = a
				continue
			}
			if k+1 < len(atoms) {
				if f := &atoms[k+1]; (f.kind == aMg || f.kind == aSalt) && f.depth == a.depth {
					nouns = append(nouns, &noun{a: f, amt: a})
					ahead = k + 1
					continue
				}
			}
			orphans = append(orphans, a)
		}
	}
	return nouns, orphans
}

// prevAmount is the amount just before atom k (brackets between do not
// count), or nil.
func prevAmount(atoms []atom, k int) *atom {
	for j := k - 1; j >= 0; j-- {
		switch atoms[j].kind {
		case aOpen, aClose, aColon:
			continue
		case aAmount:
			return &atoms[j]
		}
		return nil
	}
	return nil
}

// nearlyMagnesium finds a word of the line that would read as magnesium
// ("Mаgnesium" with a Cyrillic а, "Magnesiυm" with a Greek υ): most of
// its first nine letters are magnesium's Latin ones where they stand, and
// each other is one the fold does not read (a letter outside the Latin script, which
// no label word of English, Dutch or German mixes with Latin ones). It
// returns the word and its first such letter.
func nearlyMagnesium(toks []token) (string, rune, bool) {
	const stem = "magnesium"
	for _, t := range toks {
		if t.kind != tWord || isASCII(t.text) {
			continue
		}
		rs := []rune(strings.ToLower(text.Compat(t.text)))
		if len(rs) < len(stem) {
			continue
		}
		var foreign rune
		ok, same := true, 0
		for i := 0; i < len(stem) && ok; i++ {
			switch r := rs[i]; {
			case r == rune(stem[i]):
				same++
			case unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r):
				if foreign == 0 {
					foreign = r
				}
			default:
				ok = false
			}
		}
		// mostly Latin: a word of another script ("Кальциевый") is
		// another nutrient, or a label mgcalc does not read
		if ok && foreign != 0 && same > len(stem)/2 {
			return t.text, foreign, true
		}
	}
	return "", 0, false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
