package msg

import "sync"

// Data texts are the words that come from mgcalc's knowledge tables
// (data/*.yaml) rather than from its code: form, variant, goal, authority
// and medicine names, notes, findings, advice. Each has a stable key
// derived from where it sits in the tables (form.citrate.name,
// goal.sleep.evaluate.28); its English is the table's own text. A
// translation is looked up as a word, never used as a format string, and
// only for people: machine output prints the tables' English.

// Data is one language's translations of the data texts. It may be
// built on first use (LazyData), so that a run that prints no data text
// never loads the tables' translations.
type Data struct {
	once   sync.Once
	load   func() (translated, english map[string]string, err error)
	byKey  map[string]dataText
	byText map[string]string // English text → translation
}

type dataText struct{ en, tr string }

// NewData builds a language's data catalogue from its translations
// (key → text) and the tables' English (key → text). A key with no
// translation is left out: its text prints in English.
func NewData(translated, english map[string]string) *Data {
	d := &Data{}
	d.once.Do(func() { d.fill(translated, english) })
	return d
}

// LazyData is NewData on first use: load returns the translations and the
// English. A load error leaves every data text in English (the tables
// and their translations are embedded and tested: an error is a build
// defect, not the user's).
func LazyData(load func() (translated, english map[string]string, err error)) *Data {
	return &Data{load: load}
}

func (d *Data) fill(translated, english map[string]string) {
	d.byKey = make(map[string]dataText, len(translated))
	d.byText = make(map[string]string, len(translated))
	for key, tr := range translated {
		en, ok := english[key]
		if !ok {
			continue
		}
		d.byKey[key] = dataText{en, tr}
		d.byText[en] = tr
	}
}

func (d *Data) loaded() *Data {
	d.once.Do(func() {
		if tr, en, err := d.load(); err == nil {
			d.fill(tr, en)
		}
	})
	return d
}

// Len is the number of data texts d translates.
func (d *Data) Len() int {
	if d == nil {
		return 0
	}
	return len(d.loaded().byKey)
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
	d := p.data.loaded()
	if t, ok := d.byKey[key]; ok && t.en == english {
		return t.tr
	}
	if t, ok := d.byText[english]; ok {
		return t
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
