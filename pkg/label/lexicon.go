package label

import (
	"strings"
	"sync"
)

// The words labels are printed with, in English, Dutch and German, lower
// case. Words are matched whole; stems (plurals, compounds) where said.

// unitWords are the units of amounts, by the word after a number: what
// the units package reads ("mg", "g", "mcg", "mmol", "meq"), or "" for a
// unit that is no amount of magnesium (ml, IU, kcal): such an amount is
// never read as magnesium.
//
// The word lists are switches, not maps: a map literal is built when the
// program starts, in every call of mgcalc, whether it reads a label or
// not.
func unitWords(w string) (string, bool) {
	switch w {
	case "mg", "milligram", "milligrams", "milligramm", "milligramme", "mgr":
		return "mg", true
	case "g", "gram", "grams", "gramm", "gramme":
		return "g", true
	case "mcg", "µg", "μg", "ug", "microgram", "micrograms", "mikrogramm":
		return "mcg", true
	case "mmol", "millimol", "millimole":
		return "mmol", true
	case "meq", "mval", "millival":
		return "meq", true
	case "ml", "l", "iu", "ie", "kcal", "kj", "cl", "dl":
		return "", true
	}
	return "", false
}

// unitOf is the unit a word names ("" for none, and for a unit that is
// no amount of magnesium).
func unitOf(w string) string {
	u, _ := unitWords(w)
	return u
}

// countUnits are the things a serving is counted in, by stem: a word is
// the unit when it starts with the stem and has at most four letters more
// (tablets, tabletten, Tabletten, Kapseln, capsules). The value is the
// unit's key, the same in every language.
var countUnits = []struct{ stem, key string }{
	{"tablet", "tablet"}, {"tab", "tablet"}, {"caplet", "tablet"}, {"filmtablet", "tablet"}, {"kauwtablet", "tablet"},
	{"kautablet", "tablet"}, {"bruistablet", "tablet"}, {"brausetablet", "tablet"}, {"dragee", "tablet"}, {"dragée", "tablet"},
	{"lozenge", "tablet"}, {"zuigtablet", "tablet"}, {"lutschtablet", "tablet"},
	{"capsule", "capsule"}, {"caps", "capsule"}, {"kapsel", "capsule"}, {"capsul", "capsule"}, {"vegicap", "capsule"},
	{"vcap", "capsule"}, {"softgel", "capsule"}, {"gelcap", "capsule"}, {"kapsule", "capsule"},
	{"scoop", "scoop"}, {"schep", "scoop"}, {"maatschep", "scoop"}, {"maatlepel", "scoop"}, {"messlöffel", "scoop"},
	{"messloeffel", "scoop"}, {"dosierlöffel", "scoop"},
	{"sachet", "sachet"}, {"zakje", "sachet"}, {"beutel", "sachet"}, {"stick", "sachet"}, {"packet", "sachet"},
	{"tablespoon", "tablespoon"}, {"tbsp", "tablespoon"}, {"eetlepel", "tablespoon"}, {"esslöffel", "tablespoon"},
	{"teaspoon", "teaspoon"}, {"tsp", "teaspoon"}, {"theelepel", "teaspoon"}, {"teelöffel", "teaspoon"},
	{"gumm", "gummy"}, {"gummie", "gummy"}, {"gummy", "gummy"}, {"fruchtgumm", "gummy"},
	{"drop", "drop"}, {"druppel", "drop"}, {"tropfen", "drop"},
	{"ampul", "ampoule"}, {"ampoule", "ampoule"}, {"trinkampulle", "ampoule"}, {"ampulle", "ampoule"},
	{"serving", servingKey}, {"portion", servingKey}, {"portie", servingKey}, {"dose", servingKey}, {"dosis", servingKey},
	{"dosering", servingKey}, {"dosierung", servingKey},
}

// servingKey is the unit of a label that counts servings, not things.
const servingKey = "serving"

// dayDoseWords name a serving that is a whole day: amounts per dagdosis
// are per day.
func dayDoseWords(w string) bool {
	switch w {
	case "dagdosis", "dagdosering", "dagportie", "tagesdosis", "tagesportion", "tagesration",
		"tagesverzehrmenge":
		return true
	}
	return false
}

// countUnit returns the unit key of a word, or "".
func countUnit(w string) string {
	if dayDoseWords(w) {
		return servingKey
	}
	if w == "" {
		return ""
	}
	best, key := 0, ""
	for _, k := range lexIndex().unitsByFirst[w[0]] {
		u := countUnits[k]
		if strings.HasPrefix(w, u.stem) && len(w)-len(u.stem) <= 4 && len(u.stem) > best {
			best, key = len(u.stem), u.key
		}
	}
	return key
}

// indexes are the word lists indexed for a quicker look-up, made on first
// use (a call of mgcalc that reads no label makes none).
type indexes struct {
	unitsByFirst  map[byte][]int   // countUnits by the first byte of their stems
	linksByFirst  map[string][]int // linkPhrases by their first word, longest first
	nutrientFirst [256]bool        // the first bytes of the nutrient stems
}

var (
	lexOnce sync.Once
	lex     *indexes
)

func lexIndex() *indexes {
	lexOnce.Do(func() {
		x := &indexes{unitsByFirst: map[byte][]int{}, linksByFirst: map[string][]int{}}
		for k, u := range countUnits {
			x.unitsByFirst[u.stem[0]] = append(x.unitsByFirst[u.stem[0]], k)
		}
		for k, l := range linkPhrases {
			x.linksByFirst[l.words[0]] = append(x.linksByFirst[l.words[0]], k)
		}
		for _, s := range mineralStems {
			x.nutrientFirst[s[0]] = true
		}
		for _, s := range vitaminStems {
			x.nutrientFirst[s[0]] = true
		}
		lex = x
	})
	return lex
}

// numberWords are counts written as words.
func numberWords(w string) (float64, bool) {
	switch w {
	case "one", "een", "één", "ein", "eine", "einen", "einer":
		return 1, true
	case "two", "twee", "zwei":
		return 2, true
	case "three", "drie", "drei":
		return 3, true
	case "four", "vier":
		return 4, true
	case "five", "vijf", "fünf":
		return 5, true
	case "six", "zes", "sechs":
		return 6, true
	case "half", "halve", "halbe":
		return 0.5, true
	}
	return 0, false
}

// freqWords are how often a day: once, twice.
func freqWords(w string) (float64, bool) {
	switch w {
	case "once", "eenmaal", "einmal":
		return 1, true
	case "twice", "tweemaal", "zweimal":
		return 2, true
	case "thrice", "driemaal", "dreimal":
		return 3, true
	case "viermaal", "viermal":
		return 4, true
	}
	return 0, false
}

// timesWords follow a number to make a frequency: 2 x, 2 keer, 2 times.
func timesWords(w string) bool {
	switch w {
	case "x", "×", "keer", "maal", "mal", "times":
		return true
	}
	return false
}

// dailyWords say "a day"; dailyPhrases are the ones of two words.
func dailyWords(w string) bool {
	switch w {
	case "daily", "dagelijks", "daags", "täglich", "taeglich", "tgl", "dgl":
		return true
	}
	return false
}

var dailyPhrases = [][2]string{
	{"a", "day"}, {"per", "day"}, {"each", "day"}, {"every", "day"}, {"per", "dag"}, {"elke", "dag"}, {"iedere", "dag"},
	{"per", "etmaal"}, {"pro", "tag"}, {"am", "tag"}, {"je", "tag"}, {"per", "tag"}, {"/", "day"}, {"/", "dag"}, {"/", "tag"},
}

// perWords introduce a serving: per tablet, pro Kapsel, je Kapsel, each
// capsule.
func perWords(w string) bool {
	switch w {
	case "per", "pro", "je", "each", "every", "elke", "iedere":
		return true
	}
	return false
}

// containsWords end a serving heading: "1 Tablette enthält", "2 capsules
// bevatten", "each tablespoon contains" ("provides" links two amounts of
// one line instead).
func containsWords(w string) bool {
	switch w {
	case "contains", "contain", "bevat", "bevatten", "enthält", "enthalten":
		return true
	}
	return false
}

// servingWords head a serving line: "Serving Size 2 Tablets", "Portion: 2
// Kapseln".
func servingWords(w string) bool {
	switch w {
	case "serving", "portion", "portie", "portiegrootte", "portionsgröße":
		return true
	}
	return false
}

// containerWords mark a line about the package, not a serving: "Servings
// Per Container 60", "Inhoud: 60 capsules" (not "Dose", which is also a
// serving in English).
func containerWords(w string) bool {
	switch w {
	case "container", "verpakking", "packung", "inhoud", "inhalt", "pot", "potje", "flacon", "bottle", "net",
		"nettogewicht", "füllmenge", "packungsinhalt":
		return true
	}
	return false
}

// adultWords mark directions for adults.
func adultWords(w string) bool {
	switch w {
	case "adult", "adults", "volwassenen", "volwassene", "erwachsene", "erwachsenen":
		return true
	}
	return false
}

// childStems mark a line for children: not the adult daily amount.
var childStems = []string{"child", "kid", "kinder", "kind", "kleinkind", "jugendlich", "infant", "zuigeling", "säugling", "baby", "peuter"}

func isChildWord(w string) bool {
	for _, s := range childStems {
		if w == s || strings.HasPrefix(w, s) && len(w)-len(s) <= 4 {
			return true
		}
	}
	return false
}

// linkKind is how two figures of one line relate.
type linkKind uint8

const (
	linkSource  linkKind = iota + 1 // as, from, uit, aus: the salt the magnesium comes as
	linkOfWhich                     // of which, waarvan, davon: the magnesium in the salt before
	linkEquiv                       // providing, =, entsprechend, komt overeen met: the same dose again
)

// linkPhrases are the words that relate two figures, longest first.
var linkPhrases = []struct {
	words []string
	kind  linkKind
}{
	{[]string{"in", "the", "form", "of"}, linkSource}, {[]string{"in", "de", "vorm", "van"}, linkSource},
	{[]string{"in", "form", "von"}, linkSource}, {[]string{"derived", "from"}, linkSource},
	{[]string{"komt", "overeen", "met"}, linkEquiv}, {[]string{"equivalent", "to"}, linkEquiv},
	{[]string{"corresponding", "to"}, linkEquiv}, {[]string{"equal", "to"}, linkEquiv},
	{[]string{"overeenkomend", "met"}, linkEquiv}, {[]string{"overeenkomstig", "met"}, linkEquiv},
	{[]string{"of", "which"}, linkOfWhich},
	{[]string{"as"}, linkSource}, {[]string{"from"}, linkSource}, {[]string{"uit"}, linkSource},
	{[]string{"aus"}, linkSource}, {[]string{"als"}, linkSource},
	{[]string{"waarvan"}, linkOfWhich}, {[]string{"davon"}, linkOfWhich}, {[]string{"wovon"}, linkOfWhich},
	{[]string{"hiervan"}, linkOfWhich}, {[]string{"daarvan"}, linkOfWhich}, {[]string{"containing"}, linkOfWhich},
	{[]string{"bevattende"}, linkOfWhich}, {[]string{"enthaltend"}, linkOfWhich}, {[]string{"including"}, linkOfWhich},
	{[]string{"providing"}, linkEquiv}, {[]string{"provides"}, linkEquiv}, {[]string{"supplying"}, linkEquiv},
	{[]string{"supplies"}, linkEquiv}, {[]string{"yielding"}, linkEquiv}, {[]string{"yields"}, linkEquiv},
	{[]string{"equals"}, linkEquiv}, {[]string{"entsprechend"}, linkEquiv}, {[]string{"entspricht"}, linkEquiv},
	{[]string{"entspr"}, linkEquiv}, {[]string{"levert"}, linkEquiv}, {[]string{"leveren"}, linkEquiv},
	{[]string{"liefert"}, linkEquiv}, {[]string{"gleich"}, linkEquiv}, {[]string{"="}, linkEquiv},
	{[]string{"≙"}, linkEquiv}, {[]string{"≈"}, linkEquiv},
}

// fillers may stand between an amount and the noun it belongs to ("90 mg
// reines Magnesium", "144 mg elemental magnesium") or before an amount
// ("ca. 1 g").
func fillers(w string) bool {
	switch w {
	case "elemental", "elementair", "elementaire", "elementar", "elementares", "elementarem", "elementaren",
		"reines", "reinem", "reinen", "reine", "pure", "pur", "zuiver", "zuivere", "puur", "ca", "circa",
		"approx", "approximately", "about", "ongeveer", "rund", "etwa", "organic", "organisch", "organische",
		"organisches", "active", "actief", "aktives", "natural", "natuurlijk", "natürliches", "hochwertiges",
		"hoogwaardig", "hoogwaardige", "total", "totaal", "gesamt":
		return true
	}
	return false
}

// elementalWords say that an amount is elemental magnesium: "Magnesium
// (elemental)".
func elementalWords(w string) bool {
	switch w {
	case "elemental", "elementair", "elementaire", "elementar", "elementares", "reines", "reinem", "pure",
		"zuiver":
		return true
	}
	return false
}

// riWords mark a percentage of a reference value: % RI, % NRV, % DV;
// euRI are the EU ones, usDV the US ones.
func riWords(w string) string {
	switch w {
	case "ri", "nrv", "rda", "adh", "referentie", "referentie-inname", "referenzmenge", "nrw", "rm", "tagesbedarf", "tagesbedarfs":
		return euRI
	case "rdi", "dv", "daily":
		return usDV
	}
	return ""
}

const (
	euRI = "eu" // % of the EU nutrient reference value (RI, NRV)
	usDV = "us" // % of the US Daily Value
)

// referenceWords mark a sentence about reference intakes, upper limits or
// needs: an amount of magnesium in it is no dose ("DGE 300-400 mg",
// "NRV: 375 mg", "Tageshöchstmenge von 250 mg").
func referenceWords(w string) bool {
	switch w {
	case "recommends", "recommended", "recommend", "recommendation", "empfiehlt", "empfohlen", "empfohlene",
		"adviseert", "advises", "aanbevolen", "aanbeveling", "reference", "referentie", "referentie-inname",
		"referenzwert", "referenzmenge", "nrv", "ri", "rda", "adh", "dge", "efsa", "bfr", "iom", "nih",
		"höchstmenge", "tageshöchstmenge", "hoechstmenge", "bovengrens", "upper", "ul", "limit",
		"grenswaarde", "tagesbedarf", "bedarf", "requirement", "requirements", "behoefte", "zufuhr",
		"intake", "inname", "needs", "need", "gezondheidsraad", "voedingscentrum", "studies", "study",
		"studie", "onderzoek":
		return true
	}
	return false
}

// perKgWords follow an amount given per kilogram of body weight.
func perKgWords(w string) bool {
	switch w {
	case "kg", "kilogram", "kilogramm", "lichaamsgewicht", "körpergewicht", "bodyweight":
		return true
	}
	return false
}

// blendWords mark a blend whose parts have no amount of their own.
func blendWords(w string) bool {
	switch w {
	case "proprietary", "blend", "mengsel", "melange", "mischung", "matrix", "complex", "komplex", "complexe":
		return true
	}
	return false
}

// ingredientHeads start an ingredient list: "Ingredients:", "Other
// ingredients:", "Ingrediënten:", "Zutaten:", "Hulpstoffen:".
func ingredientHeads(w string) bool {
	switch w {
	case "ingredients", "ingredient", "ingrediënten", "ingredienten", "zutaten", "hulpstoffen",
		"bestandteile", "inactive", "excipients":
		return true
	}
	return false
}

// excipientFunctions name what an ingredient is for when it is no dose:
// "antiklontermiddel (magnesiumcarbonaat)", "anti-caking agent".
func excipientFunctions(w string) bool {
	switch w {
	case "antiklontermiddel", "antiklontermiddelen", "trennmittel", "trennmitteln", "rieselhilfe",
		"fließmittel", "fliessmittel", "glijmiddel", "glijmiddelen", "lubricant", "lubricants", "anticaking",
		"vulstof", "vulstoffen", "füllstoff", "füllstoffe", "filler", "fillers", "bulking", "drager",
		"dragerstof", "trägerstoff", "trägerstoffe", "carrier", "stabilisator", "stabiliser", "stabilizer",
		"emulgator", "emulsifier", "coating", "überzugsmittel", "bindmiddel", "bindemittel", "binder":
		return true
	}
	return false
}

// excipientStems are magnesium salts that are never a dose: stearate
// (E470b, E572), silicates (E553a) and the salts of fatty acids.
var excipientStems = []string{"stearat", "stearaat", "stearate", "silicat", "silicaat", "silikat", "silicate", "trisilicat", "trisilikat"}

// excipientCodes are the E numbers of magnesium excipients: stearate and
// the magnesium salts of fatty acids (E470b, E572), silicates (E553a), and
// carbonate added as an anti-caking agent (E504).
func excipientCodes(w string) bool {
	switch w {
	case "e470b", "e572", "e553a", "e504", "e504i", "e504ii":
		return true
	}
	return false
}

// fattyAcidWords: "magnesium salts of fatty acids", "magnesiumzouten van
// vetzuren", "Magnesiumsalze von Speisefettsäuren".
func fattyAcidWords(w string) bool {
	switch w {
	case "fatty", "vetzuren", "speisefettsäuren", "fettsäuren":
		return true
	}
	return false
}

// nutrientStems head a line about another nutrient: a mineral (listed as
// not magnesium) or a vitamin (whose form may be a magnesium salt:
// "Vitamin C (as magnesium ascorbate)" is vitamin C). minerals are the
// ones listed.
var mineralStems = []string{
	"calcium", "kalzium", "zinc", "zink", "iron", "ijzer", "eisen", "selenium", "seleen", "selen", "copper", "koper",
	"kupfer", "manganese", "mangaan", "mangan", "chromium", "chroom", "chrom", "iodine", "jodium", "jood", "jod",
	"potassium", "kalium", "sodium", "natrium", "phosphorus", "fosfor", "phosphor", "boron", "boor", "molybdenum",
	"molybdeen", "molybdän",
}

var vitaminStems = []string{
	"vitamin", "vit", "folate", "folic", "foliumzuur", "folsäure", "folat", "biotin", "niacin", "thiamin", "riboflavin",
	"pantothen", "pantotheen", "cobalamin", "pyridox", "choline", "cholin", "ascorb",
}

// nutrientOf returns "mineral", "vitamin" or "" for a word.
func nutrientOf(w string) string {
	if w == "" || !lexIndex().nutrientFirst[w[0]] {
		return ""
	}
	for _, s := range mineralStems {
		if w == s || len(s) >= 4 && strings.HasPrefix(w, s) {
			return "mineral"
		}
	}
	for _, s := range vitaminStems {
		if w == s || len(s) >= 5 && strings.HasPrefix(w, s) {
			return "vitamin"
		}
	}
	return ""
}

// stopWords end a salt's name: "magnesium citrate and zinc", "magnesium
// citrate per tablet".
func stopWords(w string) bool {
	switch w {
	case "and", "en", "und", "or", "of", "oder", "with", "met", "mit", "per", "pro", "je", "each", "in",
		"for", "voor", "für", "bij", "bei", "to", "tot", "bis", "the", "de", "het", "der", "die", "das", "a",
		"an", "ein", "eine", "is", "ist", "zijn", "sind":
		return true
	}
	return false
}

// rangeWords join the ends of a range: 1-2, 1 to 2, 1 tot 2, 1 bis 2, 1
// or 2.
func rangeWords(w string) bool {
	switch w {
	case "-", "–", "—", "to", "tot", "bis", "à", "or", "of", "oder":
		return true
	}
	return false
}
