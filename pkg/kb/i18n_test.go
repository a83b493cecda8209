package kb

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/datatext"
	"github.com/mgcalc/mgcalc/pkg/msg"
)

// dutch is nl.yaml with the forms' Mg shares filled in, keyed as the
// data texts are.
func dutch(t *testing.T) map[string]string {
	t.Helper()
	ft, err := Forms()
	if err != nil {
		t.Fatal(err)
	}
	nl, err := datatext.Fill("nl", Translations("nl"), ft, ",")
	if err != nil {
		t.Fatal(err)
	}
	return nl
}

func dataTexts(t *testing.T) []DataText {
	t.Helper()
	texts, err := DataTexts()
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) < 250 {
		t.Fatalf("only %d data texts: the walk over the tables misses some", len(texts))
	}
	return texts
}

// Every text people read from the tables has Dutch, and nl.yaml has no
// key that matches no text (a renamed or removed entry).
func TestDutchCoversEveryDataText(t *testing.T) {
	texts, nl := dataTexts(t), dutch(t)
	keys := map[string]bool{}
	for _, x := range texts {
		if keys[x.Key] {
			t.Errorf("data text key %s is used twice", x.Key)
		}
		keys[x.Key] = true
		if strings.TrimSpace(nl[x.Key]) == "" {
			t.Errorf("data/i18n/nl.yaml has no Dutch for %s: %q", x.Key, x.English)
		}
	}
	for k := range nl {
		if !keys[k] {
			t.Errorf("data/i18n/nl.yaml: %s matches no data text (stale or misspelt key)", k)
		}
	}
}

var digits = regexp.MustCompile(`[0-9]+`)

// A translation carries every number of the English over, and adds none:
// a dose, a day, a p-value or a source's year is never lost or changed.
// A decimal comma stands for a decimal point (16.2 is 16,2), so numbers
// are compared as their runs of digits.
func TestDutchKeepsEveryNumber(t *testing.T) {
	nl := dutch(t)
	for _, x := range dataTexts(t) {
		d, ok := nl[x.Key]
		if !ok {
			continue // reported by TestDutchCoversEveryDataText
		}
		en, got := digits.FindAllString(x.English, -1), digits.FindAllString(d, -1)
		slices.Sort(en)
		slices.Sort(got)
		if !slices.Equal(en, got) {
			t.Errorf("%s: the numbers differ: English %v, Dutch %v\n  en: %s\n  nl: %s", x.Key, en, got, x.English, d)
		}
	}
}

// A decimal number is written with a comma in Dutch, percentages
// included: "17,4 minuten", "70,6 %". A point between digits stays only in
// a section number ("SmPC rubriek 4.3").
func TestDutchWritesDecimalCommas(t *testing.T) {
	point := regexp.MustCompile(`[0-9]\.[0-9]`)
	for key, d := range dutch(t) {
		if s := point.FindString(d); s != "" && !strings.Contains(d, "rubriek 4.3") {
			t.Errorf("%s: %q has a decimal point: %s", key, s, d)
		}
	}
}

// Texts the tables repeat (the same spacing for two antibiotic classes,
// the same advice for two diuretics) are translated alike: a message that
// carries the English text finds one Dutch text for it.
func TestDutchIsConsistent(t *testing.T) {
	nl := dutch(t)
	seen := map[string]string{}
	for _, x := range dataTexts(t) {
		d := nl[x.Key]
		if prev, ok := seen[x.English]; ok && prev != d {
			t.Errorf("%q has two Dutch texts: %q and %q (%s)", x.English, prev, d, x.Key)
		}
		seen[x.English] = d
	}
}

// Nothing is left in English by accident: a Dutch text equal to its
// English is one of these names, which Dutch writes the same way.
func TestDutchIsTranslated(t *testing.T) {
	same := map[string]bool{
		"eltrombopag": true, "penicillamine": true, "nitroxoline": true, "foscarnet": true, "pentamidine": true,
		"myasthenia gravis": true, "EU SCF/EFSA": true, "DE BfR": true, "magnesia": true,
		"erlotinib (Tarceva)": true, "ulipristal (ellaOne, Esmya)": true, "nilotinib (Tasigna)": true,
		"Rennie": true, "Magnesia San Pellegrino": true, "Maalox": true,
		// form and variant keys that Dutch writes the same way
		"oxide": true, "hydroxide": true, "chloride": true, "monomagnesium": true, "hydrochloride": true,
		// goal keys that Dutch writes the same way
		"stress": true, "sport": true, "migraine": true,
	}
	nl := dutch(t)
	for _, x := range dataTexts(t) {
		if d := nl[x.Key]; d == x.English && !same[x.English] {
			t.Errorf("%s is not translated: %q", x.Key, d)
		}
	}
}

// The catalogue a Printer gets: Dutch by key and by English text (a
// Message that carries a data text), English for a key it does not know,
// and nothing for English itself.
func TestDataCatalogue(t *testing.T) {
	if d := DataCatalogue("en"); d != nil {
		t.Fatalf("English: %v; want no catalogue", d)
	}
	d := DataCatalogue("nl")
	if texts := dataTexts(t); d.Len() != len(texts) {
		t.Errorf("the catalogue has %d texts, the tables %d", d.Len(), len(texts))
	}
	ft, err := Forms()
	if err != nil {
		t.Fatal(err)
	}
	citrate := ft.Lookup("citrate")
	p := msg.EN.WithData(d)
	for _, c := range []struct{ key, en, want string }{
		{"form.citrate.name", citrate.Name, "magnesiumcitraat"},
		{"form.citrate.variant.anhydrous.name", citrate.Default().Name, "trimagnesiumdicitraat, watervrij"},
		{"", "magnesium citrate", "magnesiumcitraat"},
		{"form.citrate.name", "magnesium oxide", "magnesiumoxide"}, // the text wins over a key that names another
		{"form.no-such.name", "not a data text", "not a data text"},
	} {
		if got := p.Data(c.key, c.en); got != c.want {
			t.Errorf("Data(%q, %q) = %q, want %q", c.key, c.en, got, c.want)
		}
	}
	// A note's Mg share is filled in with a decimal comma.
	taurate := ft.Lookup("taurate")
	if got := p.Data("form.taurate.note.1", taurate.Notes[0].Text); !strings.Contains(got, "8,9 %") {
		t.Errorf("taurate's note: %q, want its share as 8,9 %%", got)
	}
	// A Message translates a data text it carries with %s, not a value
	// someone typed (%q).
	m := msg.Errorf("no plan with %s: %q", "magnesium citrate", "magnesium citrate")
	if got, want := p.Message(m), `no plan with magnesiumcitraat: "magnesium citrate"`; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
	if got := msg.EN.Message(m); !strings.Contains(got, "with magnesium citrate") {
		t.Errorf("English Message = %q", got)
	}
}
