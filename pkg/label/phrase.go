package label

import (
	"strings"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/units"
)

// atomKind is the kind of a phrase: what a run of tokens means.
type atomKind uint8

const (
	aAmount   atomKind = iota + 1 // 200 mg, 1,5 g, 12,4 mmol, 300-400 mg
	aPercent                      // 53 % RI, 50%
	aMg                           // magnesium itself: Magnesium, Mg, elemental magnesium
	aSalt                         // a magnesium salt: magnesium citrate, Magnesiumcitrat, (as) oxide
	aNutrient                     // another nutrient: Zinc, Vitamin C, Calciumcarbonat
	aLink                         // as, of which, providing, =
	aOpen                         // ( [
	aClose                        // ) ]
	aSep                          // , ;
	aColon                        // :
	aCount                        // 2 tablets, 1-2 tabletten, one tablespoon, (per) tablet
	aFreq                         // twice, 2x, zweimal, 1-2 keer
	aDaily                        // daily, per dag, täglich
	aPer                          // per, pro, je, each, /
	aMarker                       // a word that changes how the line is read
)

// markerKind says which marker a marker atom is.
type markerKind uint8

const (
	mReference   markerKind = iota + 1 // recommends, NRV:, DGE, Höchstmenge
	mBlend                             // proprietary blend, complex
	mIngredients                       // Ingredients:, Zutaten:
	mFunction                          // antiklontermiddel, anti-caking agent
	mChild                             // children, kinderen, Kinder
	mAdult                             // adults, volwassenen
	mContainer                         // servings per container
	mServing                           // serving size, Portion
	mContains                          // contains, bevat, enthält
	mCode                              // E470b, E553a: a magnesium excipient
	mRI                                // % RI, % DV as a column heading
	mPerKg                             // per kg (of body weight)
)

// rng is a range of numbers; Min == Max for one number.
type rng struct{ Min, Max float64 }

// atom is one phrase of a line.
type atom struct {
	kind       atomKind
	start, end int // token span [start, end)
	depth      int // bracket depth

	// aAmount
	text     string    // the amount: the number as printed, the unit as units spells it ("1.830 mg")
	readings []float64 // mg; two for an ambiguous number, none for ml or IU
	unit     string    // "mg", "g", "mcg", "mmol", "meq"; "" for a unit that is no magnesium
	isRange  bool      // 300-400 mg
	perKg    bool      // 5 mg/kg, 5 mg per kg
	err      error     // why the amount cannot be read (units' message)
	pct      *atom     // the percentage printed with it

	// aPercent
	value  float64
	ri     string // euRI, usDV or "" (not said)
	approx bool   // < 1 %

	// aMg, aSalt
	form      *forms.Form
	variant   *forms.Variant // named on the label (·4H2O, dihydrate), or nil
	salt      string         // the salt's words as printed, for messages
	excipient bool           // stearate, silicate, E470b
	unknown   error          // a salt mgcalc cannot compute: Resolve's error
	source    bool           // introduced by as/from/uit/aus: a source, not a dose of its own
	elemental bool           // aMg said "elemental"

	// aNutrient
	nutrient string // "mineral" or "vitamin"

	// aLink
	link linkKind

	// aCount, aFreq
	count    rng
	unitKey  string // aCount: tablet, capsule, …, serving
	implied  bool   // aCount without a number: "per tablet"
	dayDose  bool   // aCount: dagdosis, Tagesdosis
	marker   markerKind
	children bool
}

// phraser turns one line's tokens into atoms.
type phraser struct {
	t      *forms.Table
	toks   []token
	atoms  []atom
	depth  int
	source bool // after as/from: a bare form name is a salt
}

// phrase reads a line's tokens as atoms.
func phrase(t *forms.Table, toks []token) []atom {
	p := &phraser{t: t, toks: toks, atoms: make([]atom, 0, len(toks)/2+1)}
	for i := 0; i < len(toks); {
		i = p.next(i)
	}
	return p.atoms
}

func (p *phraser) add(a atom) {
	a.depth = p.depth
	p.atoms = append(p.atoms, a)
}

// word returns the lower-case word at i, or "" when token i is not a word.
func (p *phraser) word(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tWord {
		return ""
	}
	return p.toks[i].low
}

// sym returns the symbol at i, or "".
func (p *phraser) sym(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tSym {
		return ""
	}
	return p.toks[i].text
}

// lowAt is the lower-case text of token i (any kind), or "".
func (p *phraser) lowAt(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.toks[i].low
}

// next reads the phrase at token i and returns the index after it.
func (p *phraser) next(i int) int {
	tk := p.toks[i]
	if n := p.linkAt(i); n > 0 {
		kind := linkKindAt(p, i)
		p.add(atom{kind: aLink, start: i, end: i + n, link: kind})
		p.source = kind == linkSource
		return i + n
	}
	switch tk.kind {
	case tNum:
		return p.number(i)
	case tSym:
		return p.symbol(i)
	}
	return p.wordAt(i)
}

func (p *phraser) symbol(i int) int {
	switch s := p.toks[i].text; s {
	case "(", "[", "{":
		p.add(atom{kind: aOpen, start: i, end: i + 1})
		p.depth++
	case ")", "]", "}":
		if p.depth > 0 {
			p.depth--
		}
		p.add(atom{kind: aClose, start: i, end: i + 1})
		p.source = false
	case ",", ";":
		p.add(atom{kind: aSep, start: i, end: i + 1})
	case ".", "!", "?":
		// the end of a sentence: a period before white space, not after
		// an abbreviation (ca. 1 g, bzw.)
		if i+1 < len(p.toks) && p.toks[i+1].space && !abbreviations(p.lowAt(i-1)) {
			p.add(atom{kind: aSep, start: i, end: i + 1})
			p.source = false
		}
	case ":":
		p.add(atom{kind: aColon, start: i, end: i + 1})
	case "/":
		// "/ Kapsel", "/tablet": per one
		if u := countUnit(p.word(i + 1)); u != "" {
			p.add(atom{kind: aPer, start: i, end: i + 1})
			return i + 1
		}
		if day := p.dailyAt(i); day > 0 {
			p.add(atom{kind: aDaily, start: i, end: i + day})
			return i + day
		}
	case "%":
		// a column heading "% RI", "%DV"
		if ri, n := p.riAfter(i + 1); ri != "" {
			p.add(atom{kind: aMarker, marker: mRI, ri: ri, start: i, end: i + 1 + n})
			return i + 1 + n
		}
	}
	return i + 1
}

// number reads a number: an amount, a percentage, a count or a frequency.
func (p *phraser) number(i int) int {
	lo, hi, end := p.numRange(i)
	approx := i > 0 && strings.Contains("<>≤≥", p.sym(i-1)) && p.sym(i-1) != ""
	w := p.lowAt(end)
	// a hydrate after a salt's name is read with the salt
	if unit, ok := unitWords(w); ok && p.toks[end].kind == tWord {
		return p.amount(i, end, unit)
	}
	if p.sym(end) == "%" {
		a := atom{kind: aPercent, start: i, end: end + 1, value: hi, approx: approx || lo != hi}
		n := end + 1
		if ri, k := p.riAfter(n); ri != "" {
			a.ri, n = ri, n+k
		} else if ri := p.riBefore(i); ri != "" {
			a.ri = ri
		}
		a.end = n
		p.add(a)
		return n
	}
	// 2 x, 2 keer, 2-mal, 3 times
	j := end
	if p.sym(j) == "-" || p.sym(j) == "–" {
		j++
	}
	if timesWords(p.lowAt(j)) {
		p.add(atom{kind: aFreq, start: i, end: j + 1, count: rng{lo, hi}})
		return j + 1
	}
	if u, n := p.countAfter(end); u != "" {
		p.add(atom{kind: aCount, start: i, end: n, count: rng{lo, hi}, unitKey: u, dayDose: dayDoseWords(p.word(n - 1))})
		return n
	}
	return end
}

// numRange reads a number or a range of numbers (1-2, 1 to 2, 300 bis
// 400) at i, as plain decimals for counts; it returns the token after.
func (p *phraser) numRange(i int) (lo, hi float64, end int) {
	lo = plainNumber(p.toks[i].text)
	hi, end = lo, i+1
	if end+1 < len(p.toks) && rangeWords(p.lowAt(end)) && p.toks[end+1].kind == tNum {
		// not "2 of which"
		if p.lowAt(end) != "of" || p.word(end+2) != "which" {
			hi, end = plainNumber(p.toks[end+1].text), end+2
		}
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	return lo, hi, end
}

// plainNumber reads a count or percentage as printed: a decimal point or
// comma (1,5 tablet; 2.5 %). A number it cannot read is 0.
func plainNumber(s string) float64 {
	v, err := units.ParseDecimal(strings.Replace(s, ",", ".", 1))
	if err != nil {
		return 0
	}
	return v
}

// amount reads NUM[-NUM] UNIT at i (the unit at u).
func (p *phraser) amount(i, u int, unit string) int {
	end := u + 1
	a := atom{kind: aAmount, start: i, end: end, unit: unit}
	a.isRange = u > i+1
	if unit != "" && !a.isRange {
		// the number as printed, the unit as the units package spells it
		a.text = p.toks[i].text + " " + unit
		if p.negative(i) {
			// "Magnesium -5 mg": the sign is read with the number, so
			// the amount is refused as negative, never read as 5 mg
			a.text = "-" + a.text
		}
		a.readings, a.err = units.Readings(a.text, p.t.MgPerMmol())
	}
	// per kilogram of body weight: 5 mg/kg, 5 mg per kg, 5 mg pro kg
	if (p.sym(end) == "/" || perWords(p.word(end))) && perKgWords(p.word(end+1)) {
		a.perKg, end = true, end+2
		a.end = end
	}
	p.add(a)
	p.source = false
	return end
}

// negative: the number at i carries a minus sign: a minus (- or −)
// written against it, with white space or the start of the line before
// the sign and no number before that (1 -5 mg is a range).
func (p *phraser) negative(i int) bool {
	if i == 0 || p.toks[i].space {
		return false
	}
	if s := p.sym(i - 1); s != "-" && s != "−" {
		return false
	}
	return i-1 == 0 || p.toks[i-1].space && p.toks[i-2].kind != tNum
}

// lineText is the printed text of tokens [i, j).
func (p *phraser) lineText(i, j int) string {
	if i >= j || i >= len(p.toks) {
		return ""
	}
	return spanText(p.toks, i, j)
}

// riAfter reads a reference marker after a percentage: RI, NRV, DV,
// "Daily Value", "RI*", "van de RI". It returns the kind and the tokens
// read.
func (p *phraser) riAfter(i int) (string, int) {
	n := 0
	for n < 4 && (p.sym(i+n) == "*" || p.sym(i+n) == "†" || p.lowAt(i+n) == "van" || p.lowAt(i+n) == "de" ||
		p.lowAt(i+n) == "der" || p.lowAt(i+n) == "of" || p.lowAt(i+n) == "the" || p.lowAt(i+n) == "des") {
		n++
	}
	if ri := riWords(p.word(i + n)); ri != "" {
		n++
		if p.word(i+n) == "value" || p.word(i+n) == "values" {
			n++
		}
		for p.sym(i+n) == "*" || p.sym(i+n) == "†" {
			n++
		}
		return ri, n
	}
	return "", 0
}

// riBefore reads a marker just before a percentage: "RI 53 %", "NRV: 27%".
func (p *phraser) riBefore(i int) string {
	j := i - 1
	if p.sym(j) == ":" {
		j--
	}
	return riWords(p.word(j))
}

// countAfter reads the unit of a count after a number at i, skipping
// words such as veg or vegetarian: "3 veg capsules", "2 kleine
// tabletten". It returns the unit key and the token after it.
func (p *phraser) countAfter(i int) (string, int) {
	for k := 0; k < 3; k++ {
		w := p.word(i + k)
		if w == "" {
			return "", 0
		}
		if u := countUnit(w); u != "" {
			return u, i + k + 1
		}
		if !countFillers(w) {
			return "", 0
		}
	}
	return "", 0
}

// activeWords before "ingredient" head the Drug Facts actives, no list.
func activeWords(w string) bool {
	switch w {
	case "active", "werkzame", "actieve", "wirksame":
		return true
	}
	return false
}

// abbreviations end with a period that does not end a sentence.
func abbreviations(w string) bool {
	switch w {
	case "ca", "approx", "bzw", "inkl", "incl", "resp", "tgl", "evt", "vs", "etc", "nr", "no", "max", "min",
		"vgl", "z", "b", "d", "h", "i", "e", "u", "a", "o", "st", "entspr", "dr", "prof", "fig", "ggf",
		"usw", "bijv", "bv", "o.a":
		return true
	}
	return false
}

// countFillers may stand between a count and its unit.
func countFillers(w string) bool {
	switch w {
	case "veg", "vegetable", "vegetarian", "vegan", "vegane", "vegetarische", "plantaardige", "pflanzliche",
		"kleine", "small", "level", "gestrichene", "gestrichener", "afgestreken", "afgestreken,", "hard",
		"soft", "film", "gecoate", "coated", "magensaftresistente", "große", "grote", "large", "rounded",
		"heaping", "volle", "volles":
		return true
	}
	return false
}

// linkAt returns how many tokens a link phrase at i takes, or 0.
func (p *phraser) linkAt(i int) int {
	if i >= len(p.toks) {
		return 0
	}
	for _, k := range lexIndex().linksByFirst[p.toks[i].low] {
		if l := linkPhrases[k]; p.matches(i, l.words) {
			return len(l.words)
		}
	}
	return 0
}

func linkKindAt(p *phraser, i int) linkKind {
	for _, k := range lexIndex().linksByFirst[p.toks[i].low] {
		if l := linkPhrases[k]; p.matches(i, l.words) {
			return l.kind
		}
	}
	return 0
}

// matches reports whether the tokens at i are words (lower case).
func (p *phraser) matches(i int, words []string) bool {
	for k, w := range words {
		if i+k >= len(p.toks) || p.toks[i+k].low != w {
			return false
		}
	}
	// "as" and "als" are links only before a name, not "as directed"
	if len(words) == 1 && (words[0] == "as" || words[0] == "als") {
		n := p.word(i + 1)
		if n == "directed" || n == "needed" || n == "required" || n == "voorgeschreven" || n == "nodig" {
			return false
		}
	}
	return true
}

// dailyAt returns how many tokens a "a day" phrase at i takes, or 0.
func (p *phraser) dailyAt(i int) int {
	if dailyWords(p.word(i)) {
		return 1
	}
	for _, d := range dailyPhrases {
		if p.lowAt(i) == d[0] && p.lowAt(i+1) == d[1] {
			return 2
		}
	}
	return 0
}

// wordAt reads the phrase that starts with the word at i.
func (p *phraser) wordAt(i int) int {
	w := p.toks[i].low
	if n := p.dailyAt(i); n > 0 {
		p.add(atom{kind: aDaily, start: i, end: i + n})
		return i + n
	}
	if f, ok := freqWords(w); ok {
		a := atom{kind: aFreq, start: i, end: i + 1, count: rng{f, f}}
		// once or twice
		if rangeWords(p.word(i + 1)) {
			if g, ok := freqWords(p.word(i + 2)); ok {
				a.count.Max, a.end = max(f, g), i+3
			}
		}
		p.add(a)
		return a.end
	}
	if n, ok := numberWords(w); ok {
		end := i + 1
		hi := n
		if rangeWords(p.word(end)) {
			if m, ok := numberWords(p.word(end + 1)); ok {
				hi, end = m, end+2
			}
		}
		if timesWords(p.word(end)) {
			p.add(atom{kind: aFreq, start: i, end: end + 1, count: rng{n, hi}})
			return end + 1
		}
		if u, e := p.countAfter(end); u != "" {
			p.add(atom{kind: aCount, start: i, end: e, count: rng{n, hi}, unitKey: u, dayDose: dayDoseWords(p.word(e - 1))})
			return e
		}
	}
	if isMagnesiumWord(p.toks, i) || p.source && p.bareForm(i) {
		return p.salt(i)
	}
	if fillers(w) && isMagnesiumWord(p.toks, i+1) {
		return p.salt(i)
	}
	if kind := nutrientOf(w); kind != "" {
		end := i + 1
		// Vitamin C, Vitamin B6, Vitamin D3: the letter belongs to the name
		if n := p.word(end); kind == "vitamin" && n != "" && len(n) <= 3 && unitOf(n) == "" && !stopWords(n) {
			end++
		}
		p.add(atom{kind: aNutrient, start: i, end: end, nutrient: kind})
		p.source = false
		return end
	}
	if servingWords(w) && (p.word(i+1) == "size" || p.word(i+1) == "grootte" || p.sym(i+1) == ":") {
		p.add(atom{kind: aMarker, marker: mServing, start: i, end: i + 1})
		return i + 1
	}
	if u := countUnit(w); u != "" {
		p.add(atom{kind: aCount, start: i, end: i + 1, count: rng{1, 1}, unitKey: u, implied: true, dayDose: dayDoseWords(w)})
		return i + 1
	}
	switch {
	case perWords(w):
		p.add(atom{kind: aPer, start: i, end: i + 1})
	case containerWords(w):
		p.add(atom{kind: aMarker, marker: mContainer, start: i, end: i + 1})
	case containsWords(w):
		p.add(atom{kind: aMarker, marker: mContains, start: i, end: i + 1})
	case ingredientHeads(w) && !activeWords(p.word(i-1)):
		p.add(atom{kind: aMarker, marker: mIngredients, start: i, end: i + 1})
	case excipientFunctions(w) || w == "caking" || w == "klontering":
		p.add(atom{kind: aMarker, marker: mFunction, start: i, end: i + 1})
	case excipientCodes(w):
		p.add(atom{kind: aMarker, marker: mCode, start: i, end: i + 1})
	case w == "e" && p.toks[min(i+1, len(p.toks)-1)].kind == tNum && i+1 < len(p.toks):
		code := "e" + p.toks[i+1].text + p.word(i+2)
		if excipientCodes(code) {
			end := i + 2
			if p.word(i+2) != "" {
				end++
			}
			p.add(atom{kind: aMarker, marker: mCode, start: i, end: end})
			return end
		}
	case w == "kg" && (perWords(p.word(i-1)) || p.sym(i-1) == "/") || perKgWords(w) && w != "kg" && perWords(p.word(i-2)):
		p.add(atom{kind: aMarker, marker: mPerKg, start: i, end: i + 1})
	case blendWords(w):
		p.add(atom{kind: aMarker, marker: mBlend, start: i, end: i + 1})
	case isChildWord(w):
		p.add(atom{kind: aMarker, marker: mChild, start: i, end: i + 1})
	case adultWords(w):
		p.add(atom{kind: aMarker, marker: mAdult, start: i, end: i + 1})
	case riWords(w) != "" && (p.sym(i+1) == "%" || p.sym(i-1) == "%" || p.toks[i].text == strings.ToUpper(w) && p.sym(i+1) != ":" && (i+1 >= len(p.toks) || p.toks[i+1].kind != tNum)):
		// a column heading "RI", "%RI*", "% DV": not a sentence about intakes
		p.add(atom{kind: aMarker, marker: mRI, ri: riWords(w), start: i, end: i + 1})
	case referenceWords(w):
		p.add(atom{kind: aMarker, marker: mReference, start: i, end: i + 1})
	}
	return i + 1
}

// isMagnesiumWord reports whether token i is magnesium, Mg (not the unit
// mg after a number), or a word that starts with magnesium
// (magnesiumcitraat, Magnesiumcitrat, Magnesiumstearat).
func isMagnesiumWord(toks []token, i int) bool {
	if i < 0 || i >= len(toks) || toks[i].kind != tWord {
		return false
	}
	w := toks[i].low
	if strings.HasPrefix(w, "magnesium") {
		return true
	}
	return toks[i].text == "Mg" && (i == 0 || toks[i-1].kind != tNum)
}

// bareForm reports whether the word at i names a form on its own: "oxide"
// in "Magnesium (as oxide)".
func (p *phraser) bareForm(i int) bool {
	w := p.word(i)
	if w == "" || stopWords(w) || fillers(w) || len(w) < 4 {
		return false
	}
	return p.lookup(w) != nil || isExcipientWord(w)
}

// lookup finds a form by one word or a few, as printed in English, Dutch
// or German: the German -at and -id endings are English -ate and -ide
// (Magnesiumcitrat, Magnesiumoxid).
func (p *phraser) lookup(name string) *forms.Form {
	if f := p.t.Lookup(name); f != nil {
		return f
	}
	if g := german(name); g != name {
		return p.t.Lookup(g)
	}
	return nil
}

// german turns German salt endings into English ones: citrat → citrate,
// oxid → oxide; other words are returned as they are.
func german(w string) string {
	switch {
	case strings.HasSuffix(w, "at") || strings.HasSuffix(w, "id"):
		return w + "e"
	case strings.HasSuffix(w, "ate") && strings.HasSuffix(w, "aate"):
		return w
	}
	return w
}

func isExcipientWord(w string) bool {
	for _, s := range excipientStems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return excipientCodes(w) || fattyAcidWords(w)
}

// maxSaltWords bounds a salt's name.
const maxSaltWords = 8

// salt reads a magnesium noun phrase at i: magnesium itself, or a salt
// with its form and hydrate. It ends at a number, a bracket with a space
// before it, a separator, a link or a word that cannot be part of a name.
func (p *phraser) salt(i int) int {
	start := i
	elemental := false
	for fillers(p.word(i)) && !isMagnesiumWord(p.toks, i) {
		elemental = elemental || elementalWords(p.word(i))
		i++
	}
	var words []string
	first := p.toks[i].low
	if rest := strings.TrimPrefix(first, "magnesium"); rest != first && rest != "" {
		words = append(words, rest) // magnesiumcitraat → citraat
	} else if !isMagnesiumWord(p.toks, i) {
		words = append(words, first) // a bare form after "as"
	}
	j := i + 1
	var hydrate string
	depth := 0
	for j < len(p.toks) && len(words) < maxSaltWords {
		tk := p.toks[j]
		switch {
		case tk.kind == tWord && tk.low == "h2o" && len(words) > 0:
			// ·4H2O, 9 H2O: the number before is the hydrate's
			if j > 0 && p.toks[j-1].kind == tNum {
				hydrate = p.toks[j-1].text + "h2o"
			}
			j++
			continue
		case tk.kind == tNum && p.word(j+1) == "h2o":
			j++
			continue
		case tk.kind == tSym && (tk.text == "-" || tk.text == "·" || tk.text == "•" || tk.text == "." || tk.text == "⋅") && !tk.space && (p.word(j+1) != "" || p.toks[min(j+1, len(p.toks)-1)].kind == tNum):
			j++
			continue
		case tk.kind == tSym && tk.text == "(" && !tk.space && p.word(j+1) != "":
			depth++ // Magnesium-bis(hydrogen-L-aspartat)
			j++
			continue
		case tk.kind == tSym && tk.text == ")" && depth > 0:
			depth--
			j++
			continue
		case tk.kind == tWord:
			w := tk.low
			// magnesium salts of fatty acids, Magnesiumsalze der Speisefettsäuren
			if (w == "of" || w == "van" || w == "von" || w == "der") && len(words) > 0 && saltWords(words[len(words)-1]) {
				j++
				continue
			}
			// a word joined to the name by a hyphen or bracket is part of
			// it: Magnesium-bis(hydrogen-L-aspartat)
			joined := !tk.space && (p.sym(j-1) == "-" || p.sym(j-1) == "(")
			if !joined && (stopWords(w) || p.linkAt(j) > 0) || unitOf(w) != "" && j > 0 && p.toks[j-1].kind == tNum ||
				countUnit(w) != "" || nutrientOf(w) == "mineral" || strings.HasPrefix(w, "vit") || perWords(w) || p.dailyAt(j) > 0 || containsWords(w) ||
				isMagnesiumWord(p.toks, j) || referenceWords(w) && !isExcipientWord(w) || isChildWord(w) {
				if !joined || isMagnesiumWord(p.toks, j) {
					goto done
				}
			}
			if elementalWords(w) {
				elemental = true
			} else {
				words = append(words, w)
			}
			j++
			continue
		}
		break
	}
done:
	for depth > 0 && j > i && p.sym(j-1) != ")" { // an unclosed chemical bracket ends the name
		depth--
	}
	a := atom{kind: aMg, start: start, end: j, elemental: elemental, source: p.source}
	a.salt = strings.TrimSpace(p.lineText(start, j))
	p.readSalt(&a, words, hydrate)
	p.add(a)
	return j
}

// readSalt decides what the words after "magnesium" name: nothing (the
// element), a form (with its variant), an excipient or a salt mgcalc
// cannot compute.
func (p *phraser) readSalt(a *atom, words []string, hydrate string) {
	var names []string
	for _, w := range words {
		if isExcipientWord(w) {
			a.kind, a.excipient = aSalt, true
			return
		}
		if saltWords(w) {
			continue
		}
		if noiseWords(w) {
			continue
		}
		names = append(names, w)
	}
	for _, w := range words {
		if fattyAcidWords(w) {
			a.kind, a.excipient = aSalt, true
			return
		}
	}
	if len(names) == 0 {
		if len(words) > 0 && hydrate == "" {
			// only noise: "magnesium chelate" is no form mgcalc computes
			a.kind = aSalt
			if _, _, err := p.t.Resolve("magnesium " + strings.Join(words, " ")); err != nil {
				a.unknown = err
			} else {
				a.kind = aMg // only noise words: magnesium itself
			}
		}
		return
	}
	a.kind = aSalt
	// the longest run of words that names a form; the other words may
	// name its variant (dihydrate, watervrij, Tetrahydrat)
	for n := len(names); n >= 1; n-- {
		for s := 0; s+n <= len(names); s++ {
			if f := p.lookup(strings.Join(names[s:s+n], " ")); f != nil {
				a.form = f
				rest := append(append([]string{}, names[:s]...), names[s+n:]...)
				if hydrate != "" {
					rest = append(rest, hydrate)
				}
				for _, w := range rest {
					if v := f.Variant(w); v != nil {
						a.variant = v
					} else if v := f.Variant(german(w)); v != nil {
						a.variant = v
					}
				}
				return
			}
		}
	}
	f, v, err := p.t.Resolve("magnesium " + strings.Join(names, " "))
	if err != nil {
		a.unknown = err
		return
	}
	a.form, a.variant = f, v
	if v == f.Default() {
		a.variant = nil
	}
}

// saltWords: "magnesium salts of …".
func saltWords(w string) bool {
	switch w {
	case "salts", "zouten", "salze", "salt", "zout", "salz":
		return true
	}
	return false
}

// noiseWords may stand in a salt's name without changing the form:
// "magnesium bisglycinate chelate", "Magnesium-bis(hydrogen-L-aspartat)".
func noiseWords(w string) bool {
	switch w {
	case "chelate", "chelaat", "chelat", "bis", "hydrogen", "l", "dl", "d", "powder", "poeder", "pulver",
		"traacs", "albion":
		return true
	}
	return false
}
