// Package msg is the one place user-facing text goes through.
//
// Messages are written in English and the English format string is the
// message's key (as in gettext); a Printer for another language looks the
// key up in its catalogue and falls back to English. Command help is keyed
// by where it sits (elemental.long, plan.flag.gut), and each translation
// carries a digest of the English it translates, so a test fails when the
// English changes under it. Every translation lives in data/i18n/ and is
// generated into Go (nl_gen.go): nothing is parsed at run time. Machine
// output (JSON, YAML, TSV, bare values) never goes through here, so it
// stays the same in every language and locale.
package msg

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/text"
)

// Lang names a language with a catalogue.
type Lang string

// The languages mgcalc prints. English is the source language; its
// catalogue is the keys themselves.
const (
	English Lang = "en"
	Dutch   Lang = "nl"
)

// catalogue is one language's translations: messages by their English
// format, help by its key, each sorted for a binary search. They are
// generated arrays of constant strings, which the linker lays out: a
// Printer costs nothing to make, in any language.
type catalogue struct {
	messages []Translation
	help     []HelpText
}

// Translation is a message's translation, keyed by its English format.
type Translation struct{ English, Text string }

// HelpText is a help text's translation, keyed by where it sits in the
// command tree, with the digest of the English it translates (Digest).
type HelpText struct{ Key, Digest, Text string }

// InputWord is a word of another language people may type for a value or
// a flag, folded (pkg/text), and the English word it is read as.
type InputWord struct{ Kind, Word, English string }

// Word returns the English word for word, a value of kind (sex, gut,
// kidney) or a flag name (flag), typed in any language mgcalc knows, by
// the one fold of typed names; false for a word no catalogue has. Words
// are read whatever the language of the output.
func Word(kind, word string) (string, bool) {
	if en, ok := findWord(kind, word); ok || kind == "flag" {
		return en, ok // already folded: most words; a flag's name is exact
	}
	f, err := text.Fold(word)
	if err != nil || f == word {
		return "", false
	}
	return findWord(kind, f)
}

func findWord(kind, w string) (string, bool) {
	ws := nlWords[:]
	i := sort.Search(len(ws), func(i int) bool {
		return ws[i].Kind > kind || ws[i].Kind == kind && ws[i].Word >= w
	})
	if i < len(ws) && ws[i].Kind == kind && ws[i].Word == w {
		return ws[i].English, true
	}
	return "", false
}

// dutch is the Dutch catalogue: constant data, as every language's.
var dutch = catalogue{messages: nlMessages[:], help: nlHelp[:]}

// catalogues returns a language's translations (nil for English, which
// has none), and false for a language mgcalc cannot print.
func catalogues(lang Lang) (*catalogue, bool) {
	switch lang {
	case English:
		return nil, true
	case Dutch:
		return &dutch, true
	}
	return nil, false
}

func (c *catalogue) message(en string) (string, bool) {
	if c == nil {
		return "", false
	}
	i := sort.Search(len(c.messages), func(i int) bool { return c.messages[i].English >= en })
	if i < len(c.messages) && c.messages[i].English == en {
		return c.messages[i].Text, true
	}
	return "", false
}

func (c *catalogue) helpText(key string) (string, bool) {
	if c == nil {
		return "", false
	}
	i := sort.Search(len(c.help), func(i int) bool { return c.help[i].Key >= key })
	if i < len(c.help) && c.help[i].Key == key {
		return c.help[i].Text, true
	}
	return "", false
}

// Digest is the digest a help translation carries of its English: the
// first eight hex digits of its SHA-256.
func Digest(english string) string {
	h := sha256.Sum256([]byte(english))
	return hex.EncodeToString(h[:4])
}

// numberStyle is how a language writes numbers for people.
type numberStyle struct {
	point byte // decimal separator
	group byte // thousands separator, used from 10 000 on; 0 for none
}

func numberStyles(lang Lang) numberStyle {
	if lang == Dutch {
		return numberStyle{point: ',', group: '.'}
	}
	return numberStyle{point: '.'}
}

// Langs lists the languages mgcalc can print, in a fixed order.
func Langs() []Lang { return []Lang{English, Dutch} }

// ParseLang reads a language name: a code (en, nl, in any case) or a
// locale that starts with one (nl_NL.UTF-8, nl-BE, en_GB@euro). It
// reports false for a language without a catalogue.
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_-.@"); i >= 0 {
		s = s[:i]
	}
	if _, ok := catalogues(Lang(s)); ok && s != "" {
		return Lang(s), true
	}
	return "", false
}

// Catalogue returns lang's message translations, keyed by the English
// format (nil for English). Tests use it to check that every key is
// translated.
func Catalogue(lang Lang) map[string]string {
	c, _ := catalogues(lang)
	if c == nil {
		return nil
	}
	out := make(map[string]string, len(c.messages))
	for _, t := range c.messages {
		out[t.English] = t.Text
	}
	return out
}

// HelpCatalogue returns lang's help translations (nil for English).
func HelpCatalogue(lang Lang) []HelpText {
	if c, _ := catalogues(lang); c != nil {
		return c.help
	}
	return nil
}

// Printer renders messages and numbers for one language.
type Printer struct {
	lang  Lang
	cat   *catalogue
	point byte  // decimal separator
	group byte  // thousands separator from 10 000 on; 0 for none
	data  *Data // translations of data texts (data.go); nil: English
	// syntax is how the command in use takes a product: how an Item in
	// a hint is written
	syntax Syntax
}

// NewPrinter returns a Printer for lang, or false when mgcalc has no
// catalogue for it.
func NewPrinter(lang Lang) (Printer, bool) {
	cat, ok := catalogues(lang)
	if !ok {
		return Printer{}, false
	}
	st := numberStyles(lang)
	return Printer{lang: lang, cat: cat, point: st.point, group: st.group}, true
}

// EN is the English printer.
var EN = Printer{lang: English, point: '.'}

// Lang returns the printer's language.
func (p Printer) Lang() Lang { return p.lang }

// S formats the message whose English format is format.
func (p Printer) S(format string, args ...any) string {
	if t, ok := p.cat.message(format); ok {
		format = t
	}
	return sprintf(format, args)
}

// Help formats the help text at key (elemental.long, plan.flag.gut),
// whose English format is english.
func (p Printer) Help(key, english string, args ...any) string {
	if t, ok := p.cat.helpText(key); ok {
		english = t
	}
	return sprintf(english, args)
}

func sprintf(format string, args []any) string {
	if len(args) == 0 && !strings.Contains(format, "%") {
		return format // most help text: nothing to format
	}
	return fmt.Sprintf(format, args...)
}

// Num formats x with dec decimals for reading (not for machines): with
// the language's decimal separator, and in Dutch with a point between
// thousands from 10 000 on (12.500,5; 1830 stays 1830).
func (p Printer) Num(x float64, dec int) string {
	s := text.NoNegativeZero(strconv.FormatFloat(x, 'f', dec, 64))
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if p.group != 0 && len(whole) > 4 && strings.Trim(whole, "0123456789") == "" {
		var b strings.Builder
		for i, c := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteByte(p.group)
			}
			b.WriteRune(c)
		}
		whole = b.String()
	}
	if hasFrac {
		return sign + whole + string(p.decimalPoint()) + frac
	}
	return sign + whole
}

func (p Printer) decimalPoint() byte {
	if p.point == 0 {
		return '.'
	}
	return p.point
}

// Amount formats an amount the way people write it: as few decimals as
// it needs, at most four, without trailing zeros (500, 0.5, 193.461,
// 0.001), so an amount someone typed is shown as typed.
func (p Printer) Amount(x float64) string {
	s := p.Num(x, 4)
	point := string(p.decimalPoint())
	if strings.Contains(s, point) {
		s = strings.TrimRight(strings.TrimRight(s, "0"), point)
	}
	return s
}

// Message is a translatable text that is also an error: it prints in
// English through Error() and in the user's language through
// Printer.Message. Errors, warnings and notes are all Messages.
type Message struct {
	Format string
	Args   []any
	Hint   *Message // optional second line
}

// Errorf makes a Message. Args that are themselves *Message are
// translated with the rest.
func Errorf(format string, args ...any) *Message {
	return &Message{Format: format, Args: args}
}

// New is Errorf for a Message that is not an error (a note, a warning).
func New(format string, args ...any) *Message { return Errorf(format, args...) }

// WithHint adds a hint line to e and returns e.
func (e *Message) WithHint(format string, args ...any) *Message {
	e.Hint = Errorf(format, args...)
	return e
}

func (e *Message) Error() string { return EN.Message(e) }

// Message renders e (without its hint) in p's language.
func (p Printer) Message(e *Message) string {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		if m, ok := a.(*Message); ok {
			args[i] = p.Message(m)
		} else if n, ok := a.(Number); ok && n.Dec < 0 {
			args[i] = p.Amount(n.V)
		} else if n, ok := a.(Number); ok {
			args[i] = p.Num(n.V, n.Dec)
		} else if it, ok := a.(Item); ok {
			args[i] = p.item(it)
		} else if b, ok := a.(BySyntax); ok {
			args[i] = p.Message(b.of(p.syntax))
		} else if d, ok := a.(DataItem); ok {
			args[i] = strings.ReplaceAll(p.Data(d.Key, d.English), ItemPlaceholder, p.item(d.Item))
		} else if s, ok := a.(string); ok {
			args[i] = p.dataArg(e.Format, i, s)
		} else {
			args[i] = a
		}
	}
	return p.S(e.Format, args...)
}

// List is items joined with ", " as a Message whose every item is an
// argument: a Printer translates each that is a data text (variant
// keys: anhydrous is watervrij in Dutch), and leaves the others be.
func List(items ...string) *Message {
	args := make([]any, len(items))
	for i, s := range items {
		args[i] = s
	}
	return &Message{Format: strings.TrimSuffix(strings.Repeat("%s, ", len(items)), ", "), Args: args}
}

// Plural is the message one (n is 1) or other (any other n), formatted
// with args: "1 argument", "2 arguments". Both are keys of the
// catalogue, so each language words its own plural.
func Plural(n float64, one, other string, args ...any) *Message {
	if n == 1 {
		return New(one, args...)
	}
	return New(other, args...)
}

// Number is a message argument printed with the reader's decimal
// separator; use it with %s.
type Number struct {
	V   float64
	Dec int
}

// N makes a Number argument with dec decimals.
func N(v float64, dec int) Number { return Number{v, dec} }

// A makes a Number argument printed as an amount (Printer.Amount).
func A(v float64) Number { return Number{v, -1} }

// Syntax is how the command in use takes a product on its command line:
// a hint that names one writes it so that the command accepts it.
type Syntax uint8

// The syntaxes.
const (
	// ItemSyntax is FORM:AMOUNT, one argument, as total, log, plan and
	// --with take a product: the default.
	ItemSyntax Syntax = iota
	// ArgSyntax is FORM AMOUNT, two arguments, as elemental, compound and
	// check take one (and their streams, one a line).
	ArgSyntax
)

// WithSyntax returns a copy of p that writes an Item as s takes it.
func (p Printer) WithSyntax(s Syntax) Printer {
	p.syntax = s
	return p
}

// Item is a product a hint names, a form and an amount as someone types
// them ("hydroxide", "1200mg"): a Printer writes it as the command in use
// takes a product (WithSyntax), hydroxide 1200mg for elemental and
// hydroxide:1200mg for total, so that a hint names only input that works.
type Item struct{ Form, Amount string }

func (p Printer) item(it Item) string {
	if p.syntax == ArgSyntax {
		return it.Form + " " + it.Amount
	}
	return it.Form + ":" + it.Amount
}

// ItemPlaceholder stands for a DataItem's Item in its text.
const ItemPlaceholder = "{item}"

// DataItem is a data text (its key and English, as Printer.Data takes
// them) that names a product by ItemPlaceholder: a Printer translates the
// text, then writes Item in its place as the command in use takes it.
type DataItem struct {
	Key, English string
	Item         Item
}

// BySyntax is a part of a message whose words depend on how the command
// in use takes a product: Arg where it takes FORM AMOUNT (elemental:
// "ask mgcalc compound FORM 100mg"), Item where it takes FORM:AMOUNT
// (total: "add it as magnesium:100mg").
type BySyntax struct{ Arg, Item *Message }

func (b BySyntax) of(s Syntax) *Message {
	if s == ArgSyntax {
		return b.Arg
	}
	return b.Item
}
