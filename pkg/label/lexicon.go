package label

import "strings"

// The words labels are printed with, in English, Dutch and German, lower
// case. Words are matched whole; stems (plurals, compounds) where said.

// units of amounts, by the word after a number; the value is what the
// units package reads ("mg", "g", "mcg", "mmol", "meq"), or "" for a unit
// that is no amount of magnesium (ml, IU, kcal): such an amount is never
// read as magnesium.
var unitWords = map[string]string{
	"mg": "mg", "milligram": "mg", "milligrams": "mg", "milligramm": "mg", "milligramme": "mg", "mgr": "mg",
	"g": "g", "gram": "g", "grams": "g", "gramm": "g", "gramme": "g",
	"mcg": "mcg", "µg": "mcg", "μg": "mcg", "ug": "mcg", "microgram": "mcg", "micrograms": "mcg", "mikrogramm": "mcg",
	"mmol": "mmol", "millimol": "mmol", "millimole": "mmol",
	"meq": "meq", "mval": "meq", "millival": "meq",
	"ml": "", "l": "", "iu": "", "ie": "", "kcal": "", "kj": "", "cl": "", "dl": "",
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
var dayDoseWords = map[string]bool{
	"dagdosis": true, "dagdosering": true, "dagportie": true,
	"tagesdosis": true, "tagesportion": true, "tagesration": true, "tagesverzehrmenge": true,
}

// countUnit returns the unit key of a word, or "".
func countUnit(w string) string {
	if dayDoseWords[w] {
		return servingKey
	}
	if w == "" {
		return ""
	}
	best, key := 0, ""
	for _, k := range unitsByFirst[w[0]] {
		u := countUnits[k]
		if strings.HasPrefix(w, u.stem) && len(w)-len(u.stem) <= 4 && len(u.stem) > best {
			best, key = len(u.stem), u.key
		}
	}
	return key
}

// unitsByFirst indexes countUnits by the first byte of their stems.
var unitsByFirst = func() map[byte][]int {
	m := map[byte][]int{}
	for k, u := range countUnits {
		m[u.stem[0]] = append(m[u.stem[0]], k)
	}
	return m
}()

// numberWords are counts written as words.
var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "half": 0.5,
	"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "halve": 0.5,
	"ein": 1, "eine": 1, "einen": 1, "einer": 1, "zwei": 2, "drei": 3, "fünf": 5, "sechs": 6, "halbe": 0.5,
}

// freqWords are how often a day: once, twice.
var freqWords = map[string]float64{
	"once": 1, "twice": 2, "thrice": 3,
	"eenmaal": 1, "tweemaal": 2, "driemaal": 3, "viermaal": 4,
	"einmal": 1, "zweimal": 2, "dreimal": 3, "viermal": 4,
}

// timesWords follow a number to make a frequency: 2 x, 2 keer, 2 times.
var timesWords = map[string]bool{"x": true, "×": true, "keer": true, "maal": true, "mal": true, "times": true}

// dailyWords say "a day"; dailyPhrases are the ones of two words.
var dailyWords = map[string]bool{
	"daily": true, "dagelijks": true, "daags": true, "täglich": true, "taeglich": true, "tgl": true, "dgl": true,
}
var dailyPhrases = [][2]string{
	{"a", "day"}, {"per", "day"}, {"each", "day"}, {"every", "day"}, {"per", "dag"}, {"elke", "dag"}, {"iedere", "dag"},
	{"per", "etmaal"}, {"pro", "tag"}, {"am", "tag"}, {"je", "tag"}, {"per", "tag"}, {"/", "day"}, {"/", "dag"}, {"/", "tag"},
}

// perWords introduce a serving: per tablet, pro Kapsel, je Kapsel, each
// capsule.
var perWords = map[string]bool{"per": true, "pro": true, "je": true, "each": true, "every": true, "elke": true, "iedere": true}

// containsWords end a serving heading: "1 Tablette enthält", "2 capsules
// bevatten", "each tablespoon contains" ("provides" links two amounts of
// one line instead).
var containsWords = map[string]bool{
	"contains": true, "contain": true, "bevat": true, "bevatten": true, "enthält": true, "enthalten": true,
}

// servingWords head a serving line: "Serving Size 2 Tablets", "Portion: 2
// Kapseln".
var servingWords = map[string]bool{"serving": true, "portion": true, "portie": true, "portiegrootte": true, "portionsgröße": true}

// containerWords mark a line about the package, not a serving: "Servings
// Per Container 60", "Inhoud: 60 capsules" (not "Dose", which is also a
// serving in English).
var containerWords = map[string]bool{
	"container": true, "verpakking": true, "packung": true, "inhoud": true, "inhalt": true, "pot": true, "potje": true,
	"flacon": true, "bottle": true, "net": true, "nettogewicht": true, "füllmenge": true, "packungsinhalt": true,
}

// adultWords mark directions for adults.
var adultWords = map[string]bool{"adult": true, "adults": true, "volwassenen": true, "volwassene": true, "erwachsene": true, "erwachsenen": true}

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
var fillers = map[string]bool{
	"elemental": true, "elementair": true, "elementaire": true, "elementar": true, "elementares": true, "elementarem": true,
	"elementaren": true, "reines": true, "reinem": true, "reinen": true, "reine": true, "pure": true, "pur": true,
	"zuiver": true, "zuivere": true, "puur": true, "ca": true, "circa": true, "approx": true, "approximately": true,
	"about": true, "ongeveer": true, "rund": true, "etwa": true, "organic": true, "organisch": true, "organische": true,
	"organisches": true, "active": true, "actief": true, "aktives": true, "natural": true, "natuurlijk": true,
	"natürliches": true, "hochwertiges": true, "hoogwaardig": true, "hoogwaardige": true, "total": true, "totaal": true,
	"gesamt": true,
}

// elementalWords say that an amount is elemental magnesium: "Magnesium
// (elemental)".
var elementalWords = map[string]bool{
	"elemental": true, "elementair": true, "elementaire": true, "elementar": true, "elementares": true, "reines": true,
	"reinem": true, "pure": true, "zuiver": true,
}

// riWords mark a percentage of a reference value: % RI, % NRV, % DV;
// euRI are the EU ones, usDV the US ones.
var riWords = map[string]string{
	"ri": euRI, "nrv": euRI, "rda": euRI, "adh": euRI, "referentie": euRI, "referentie-inname": euRI,
	"referenzmenge": euRI, "nrw": euRI, "rm": euRI, "rdi": usDV,
	"dv": usDV, "daily": usDV, "tagesbedarf": euRI, "tagesbedarfs": euRI,
}

const (
	euRI = "eu" // % of the EU nutrient reference value (RI, NRV)
	usDV = "us" // % of the US Daily Value
)

// referenceWords mark a sentence about reference intakes, upper limits or
// needs: an amount of magnesium in it is no dose ("DGE 300-400 mg",
// "NRV: 375 mg", "Tageshöchstmenge von 250 mg").
var referenceWords = map[string]bool{
	"recommends": true, "recommended": true, "recommend": true, "recommendation": true, "empfiehlt": true,
	"empfohlen": true, "empfohlene": true, "adviseert": true, "advises": true, "aanbevolen": true, "aanbeveling": true,
	"reference": true, "referentie": true, "referentie-inname": true, "referenzwert": true, "referenzmenge": true,
	"nrv": true, "ri": true, "rda": true, "adh": true, "dge": true, "efsa": true, "bfr": true, "iom": true, "nih": true,
	"höchstmenge": true, "tageshöchstmenge": true, "hoechstmenge": true, "bovengrens": true, "upper": true,
	"ul": true, "limit": true, "grenswaarde": true, "tagesbedarf": true, "bedarf": true, "requirement": true,
	"requirements": true, "behoefte": true, "zufuhr": true, "intake": true, "inname": true, "needs": true, "need": true,
	"gezondheidsraad": true, "voedingscentrum": true, "studies": true, "study": true, "studie": true, "onderzoek": true,
}

// perKgWords follow an amount given per kilogram of body weight.
var perKgWords = map[string]bool{"kg": true, "kilogram": true, "kilogramm": true, "lichaamsgewicht": true, "körpergewicht": true, "bodyweight": true}

// blendWords mark a blend whose parts have no amount of their own.
var blendWords = map[string]bool{
	"proprietary": true, "blend": true, "mengsel": true, "melange": true, "mischung": true, "matrix": true,
	"complex": true, "komplex": true, "complexe": true,
}

// ingredientHeads start an ingredient list: "Ingredients:", "Other
// ingredients:", "Ingrediënten:", "Zutaten:", "Hulpstoffen:".
var ingredientHeads = map[string]bool{
	"ingredients": true, "ingredient": true, "ingrediënten": true, "ingredienten": true, "zutaten": true,
	"hulpstoffen": true, "bestandteile": true, "inactive": true, "excipients": true,
}

// excipientFunctions name what an ingredient is for when it is no dose:
// "antiklontermiddel (magnesiumcarbonaat)", "anti-caking agent".
var excipientFunctions = map[string]bool{
	"antiklontermiddel": true, "antiklontermiddelen": true, "trennmittel": true, "trennmitteln": true,
	"rieselhilfe": true, "fließmittel": true, "fliessmittel": true, "glijmiddel": true, "glijmiddelen": true,
	"lubricant": true, "lubricants": true, "anticaking": true, "vulstof": true, "vulstoffen": true,
	"füllstoff": true, "füllstoffe": true, "filler": true, "fillers": true, "bulking": true, "drager": true,
	"dragerstof": true, "trägerstoff": true, "trägerstoffe": true, "carrier": true, "stabilisator": true,
	"stabiliser": true, "stabilizer": true, "emulgator": true, "emulsifier": true, "coating": true, "überzugsmittel": true,
	"bindmiddel": true, "bindemittel": true, "binder": true,
}

// excipientStems are magnesium salts that are never a dose: stearate
// (E470b, E572), silicates (E553a) and the salts of fatty acids.
var excipientStems = []string{"stearat", "stearaat", "stearate", "silicat", "silicaat", "silikat", "silicate", "trisilicat", "trisilikat"}

// excipientCodes are the E numbers of magnesium excipients: stearate and
// the magnesium salts of fatty acids (E470b, E572), silicates (E553a), and
// carbonate added as an anti-caking agent (E504).
var excipientCodes = map[string]bool{"e470b": true, "e572": true, "e553a": true, "e504": true, "e504i": true, "e504ii": true}

// fattyAcidWords: "magnesium salts of fatty acids", "magnesiumzouten van
// vetzuren", "Magnesiumsalze von Speisefettsäuren".
var fattyAcidWords = map[string]bool{"fatty": true, "vetzuren": true, "speisefettsäuren": true, "fettsäuren": true}

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

// nutrientFirst are the first bytes of the nutrient stems.
var nutrientFirst = func() map[byte]bool {
	m := map[byte]bool{}
	for _, s := range append(append([]string{}, mineralStems...), vitaminStems...) {
		m[s[0]] = true
	}
	return m
}()

var vitaminStems = []string{
	"vitamin", "vit", "folate", "folic", "foliumzuur", "folsäure", "folat", "biotin", "niacin", "thiamin", "riboflavin",
	"pantothen", "pantotheen", "cobalamin", "pyridox", "choline", "cholin", "ascorb",
}

// nutrientOf returns "mineral", "vitamin" or "" for a word.
func nutrientOf(w string) string {
	if w == "" || !nutrientFirst[w[0]] {
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
var stopWords = map[string]bool{
	"and": true, "en": true, "und": true, "or": true, "of": true, "oder": true, "with": true, "met": true, "mit": true,
	"per": true, "pro": true, "je": true, "each": true, "in": true, "for": true, "voor": true, "für": true, "bij": true,
	"bei": true, "to": true, "tot": true, "bis": true, "the": true, "de": true, "het": true, "der": true, "die": true,
	"das": true, "a": true, "an": true, "ein": true, "eine": true, "is": true, "ist": true, "zijn": true, "sind": true,
}

// rangeWords join the ends of a range: 1-2, 1 to 2, 1 tot 2, 1 bis 2, 1
// or 2.
var rangeWords = map[string]bool{"-": true, "–": true, "—": true, "to": true, "tot": true, "bis": true, "à": true, "or": true, "of": true, "oder": true}
