package msg

import (
	"slices"
	"strings"
)

// Data texts are the words that come from mgcalc's knowledge tables
// (data/*.yaml) rather than from its code: form, variant, goal, authority
// and medicine names, notes, findings, advice. Each has a stable key
// derived from where it sits in the tables (form.citrate.name,
// goal.sleep.evaluate.28); its English is the table's own text. A
// translation is looked up as a word, never used as a format string, and
// only for people: machine output prints the tables' English.

// Data is one language's translations of the data texts: two lists of
// the same entries, one sorted by key and one by English (each English
// once), searched by binary search. A catalogue generated into Go
// (pkg/kb) is constant data: nothing is built when mgcalc starts, in any
// language.
type Data struct {
	byKey  []DataEntry
	byText []DataEntry
}

// DataEntry is one data text: its key, its English and its translation.
type DataEntry struct {
	Key, English, Text string
}

// NewData builds a language's data catalogue from its translations
// (key → text) and the tables' English (key → text). A key with no
// translation is left out: its text prints in English.
func NewData(translated, english map[string]string) *Data {
	var entries []DataEntry
	for key, tr := range translated {
		if en, ok := english[key]; ok {
			entries = append(entries, DataEntry{key, en, tr})
		}
	}
	return SortedData(entries)
}

// SortedData returns the catalogue of entries: ByKey and ByText of
// entries, shared.
func SortedData(entries []DataEntry) *Data {
	return StaticData(ByKey(entries), ByText(entries))
}

// ByKey returns entries sorted by key.
func ByKey(entries []DataEntry) []DataEntry {
	out := slices.Clone(entries)
	slices.SortFunc(out, func(a, b DataEntry) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// ByText returns entries sorted by English, the first by key of each
// English only.
func ByText(entries []DataEntry) []DataEntry {
	out := ByKey(entries)
	slices.SortStableFunc(out, func(a, b DataEntry) int { return strings.Compare(a.English, b.English) })
	return slices.CompactFunc(out, func(a, b DataEntry) bool { return a.English == b.English })
}

// StaticData is the catalogue of two lists made by ByKey and ByText (as
// cmd/gen-tables writes them), used as they are.
func StaticData(byKey, byText []DataEntry) *Data { return &Data{byKey: byKey, byText: byText} }

// Len is the number of data texts d translates.
func (d *Data) Len() int {
	if d == nil {
		return 0
	}
	return len(d.byKey)
}

func (d *Data) key(key string) (DataEntry, bool) {
	i, ok := slices.BinarySearchFunc(d.byKey, key, func(e DataEntry, k string) int { return strings.Compare(e.Key, k) })
	if !ok {
		return DataEntry{}, false
	}
	return d.byKey[i], true
}

func (d *Data) text(en string) (DataEntry, bool) {
	i, ok := slices.BinarySearchFunc(d.byText, en, func(e DataEntry, k string) int { return strings.Compare(e.English, k) })
	if !ok {
		return DataEntry{}, false
	}
	return d.byText[i], true
}

// WithData returns a copy of p that prints data texts from d (nil: in
// English).
func (p Printer) WithData(d *Data) Printer {
	p.data = d
	return p
}

// Data returns the data text at key, whose English is english, in p's
// language. A key that is unknown, or whose English is not english (a
// text composed from the tables), falls back to the text's own
// translation, and then to english itself.
func (p Printer) Data(key, english string) string {
	if p.data == nil {
		return english
	}
	if e, ok := p.data.key(key); ok && e.English == english {
		return e.Text
	}
	if e, ok := p.data.text(english); ok {
		return e.Text
	}
	return english
}

// DataText is Data for a text whose key the caller does not know.
func (p Printer) DataText(english string) string { return p.Data("", english) }

// dataArg translates the string argument i of a Message when it is a
// data text printed with %s or %v (a form's name, a source's finding).
// A %q argument is a value someone typed and is echoed as typed.
func (p Printer) dataArg(format string, i int, s string) string {
	if p.data == nil {
		return s
	}
	if v := verb(format, i); v != 's' && v != 'v' {
		return s
	}
	return p.DataText(s)
}

// verb returns the verb of the i-th argument of format (0-based), or 0
// when it has none or uses explicit argument indexes.
func verb(format string, i int) byte {
	n := 0
	for j := 0; j < len(format); j++ {
		if format[j] != '%' {
			continue
		}
		j++
		for j < len(format) && (format[j] == '+' || format[j] == '-' || format[j] == '#' || format[j] == ' ' || format[j] == '0' ||
			format[j] >= '1' && format[j] <= '9' || format[j] == '.' || format[j] == '*') {
			if format[j] == '*' {
				n++ // a width argument takes an argument of its own
			}
			j++
		}
		if j >= len(format) {
			return 0
		}
		switch c := format[j]; c {
		case '%':
			continue
		case '[':
			return 0
		default:
			if n == i {
				return c
			}
			n++
		}
	}
	return 0
}
