package kb

import (
	"github.com/mgcalc/mgcalc/pkg/datatext"
	"github.com/mgcalc/mgcalc/pkg/msg"
)

// DataText is one text of the knowledge tables that people read, with
// its stable key (datatext.DataText).
type DataText = datatext.DataText

// DataTexts lists every data text of the tables, in table order. The
// English is the text as mgcalc prints it: a form note's Mg shares are
// filled in.
func DataTexts() ([]DataText, error) {
	return datatext.List(&builtForms, genNames().Others, &builtLimits, &builtPlan), nil
}

// dataLangs returns the languages with translations of the data texts, as
// cmd/gen-tables generated them (data/i18n/LANG.yaml, the forms' Mg
// shares filled in with the language's decimal separator: no YAML is read
// and nothing is built at run time), and the raw translations of each.
// English is the tables themselves.
func dataLangs(lang string) (l dataLang, ok bool) {
	switch lang {
	case "nl":
		return dataLang{genNL, nlDataByKey, nlDataByText}, true
	}
	return dataLang{}, false
}

type dataLang struct {
	raw           func() map[string]string
	byKey, byText []msg.DataEntry
}

// Translations returns the translations of lang as its file has them,
// key → text (a form note's Mg shares still {pct}), or nil when lang has
// none.
func Translations(lang string) map[string]string {
	l, ok := dataLangs(lang)
	if !ok {
		return nil
	}
	return l.raw()
}

// DataCatalogue returns the data texts of lang for msg.Printer.WithData:
// nil for English and for a language without translations (the tables'
// English is printed).
func DataCatalogue(lang string) *msg.Data {
	l, ok := dataLangs(lang)
	if !ok {
		return nil
	}
	return msg.StaticData(l.byKey, l.byText)
}
