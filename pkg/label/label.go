// Package label reads a supplement label as it is printed, in English,
// Dutch or German, or as the NIH Dietary Supplement Label Database (DSLD)
// gives it in JSON, and says what each line means for magnesium: a dose
// (elemental, compound, or both, checked against each other), an
// excipient, another nutrient, or a line that names magnesium but cannot
// be read. It never guesses a number: a line it cannot read is refused
// with the reason, quoting the text.
//
// Reading is a small grammar: each line is split into tokens (words,
// numbers, symbols; token.go), the tokens are read as phrases (amounts,
// percentages, magnesium and its salts, links such as "as" or "waarvan",
// counts and directions; phrase.go), and the phrases of a line as clauses
// (interpret.go). The package is pure: it reads bytes the caller passes,
// and its doses become stack items, so pkg/dose totals and judges them as
// it does any other product.
package label

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/records"
	"github.com/mgcalc/mgcalc/pkg/stack"
)

// Limits on a label, so a hostile file costs little.
const (
	MaxTextSize = 256 << 10 // bytes of one text label
	MaxLines    = 5000      // lines of one text label
	MaxLineSize = 4096      // bytes of one line
	// MaxServingsPerDay bounds the servings a day the directions may give.
	MaxServingsPerDay = stack.MaxPerDay
)

// Kind is what a line of a label is.
type Kind string

// The kinds of line.
const (
	Dose       Kind = "dose"       // magnesium, counted
	Excipient  Kind = "excipient"  // magnesium stearate, silicate, an anti-caking agent: never counted
	Other      Kind = "other"      // another nutrient, a reference intake, the same magnesium again
	Unreadable Kind = "unreadable" // names magnesium but cannot be read: the label is refused
)

// Declared is how a dose line states its magnesium.
type Declared string

// How a dose is declared.
const (
	Elemental Declared = "elemental" // Magnesium (as citrate) 200 mg
	Compound  Declared = "compound"  // Magnesium citrate 500 mg
	Both      Declared = "both"      // Magnesiumbisglycinaat 500 mg waarvan magnesium 70 mg
)

// Reason says why a line is what it is; it is part of the machine output,
// the same in every language.
type Reason string

// The reasons.
const (
	ReasonSameAs       Reason = "same_magnesium"   // the same magnesium as another line: counted once
	ReasonNotMagnesium Reason = "not_magnesium"    // another mineral, or a vitamin given as a magnesium salt
	ReasonReference    Reason = "reference_intake" // NRV 375 mg, DGE 300-400 mg, an upper limit
	ReasonPerKg        Reason = "per_kg"           // an amount per kg of body weight
	ReasonChildren     Reason = "children"         // an amount for children, not the adult daily amount
	ReasonIngredient   Reason = "ingredient_list"  // a salt named without an amount (it may give the form)
	ReasonNoAmount     Reason = "no_amount"        // magnesium named without an amount
	ReasonBlend        Reason = "proprietary_blend"
	ReasonAmbiguous    Reason = "ambiguous_amount"
	ReasonBadAmount    Reason = "bad_amount"
	ReasonUnknownForm  Reason = "unknown_form"
	ReasonImpossible   Reason = "impossible"
	ReasonIncomplete   Reason = "incomplete" // "waarvan" without an amount
	ReasonExcipient    Reason = "excipient"
	ReasonCharacter    Reason = "unread_character" // a word that reads as magnesium but for a letter of another script
)

// FormMixed and FormUnknown stand for the form of an elemental dose whose
// salt is several salts, or not named anywhere on the label.
const (
	FormMixed   = "mixed"
	FormUnknown = "unknown"
)

// Line is one reading of a label line (a line with two products gives two).
type Line struct {
	Line   int    // the line's number (text), or the row's order (DSLD)
	Text   string // as printed
	Kind   Kind
	Reason Reason
	SameAs int // ReasonSameAs: the line that counts

	Declared Declared // dose lines
	Form     *forms.Form
	// FormName is FormMixed or FormUnknown for an elemental dose without
	// one form, "" otherwise.
	FormName string
	// FormFrom is the line whose salt gave an elemental dose its form (an
	// ingredient list), 0 when the dose's own line names it.
	FormFrom int
	Variant  *forms.Variant // named on the label, or the one a compound was computed with
	// CompoundMg and ElementalMg are per serving, unrounded; 0 when not
	// printed (compound) or for lines that are no dose.
	CompoundMg  float64
	ElementalMg float64
	Check       *dose.LabelCheck // both amounts printed: the label check
	RI          *RICheck         // a % RI or % DV printed with the amount
	Err         *msg.Message     // Unreadable: why, quoting the text

	group int            // DSLD: rows of one parent share a group
	named *forms.Variant // the variant the line names (·4H2O), nil for the default
}

// Range is a range of servings a day; Min == Max for one value.
type Range struct{ Min, Max float64 }

// Serving is what a label's amounts are per.
type Serving struct {
	Count Range  // 2 in "per 2 capsules"; 0 when the label does not say
	Unit  string // tablet, capsule, scoop, …, serving; "" when not said
	// Day is true when the amounts are per day ("per dagdosis").
	Day  bool
	Line int
	Text string
}

// Label is a label as read.
type Label struct {
	ID    string // DSLD id, "" for text
	Name  string // product name (DSLD), "" for text
	Rows  bool   // a DSLD label: its lines are the rows of its table
	Lines []Line
	// Serving is what the amounts are per; PerDay how many servings a day
	// the directions give (the top of a range is the daily amount the
	// verdict uses). PerDayStated is false when the label gives no
	// directions: mgcalc then counts one serving a day, and says so.
	Serving        Serving
	PerDay         Range
	PerDayStated   bool
	DirectionsLine int
	Directions     string
	// Notes are what the reader should know about how the label was read
	// (an assumed serving a day, directions in another unit).
	Notes []*msg.Message
}

// LineError is an unreadable line of a label: a located error, as every
// file's line is (records.Error, worded by the CLI's one builder).
type LineError = records.Error

// Err returns the first unreadable line as a *LineError, or nil.
func (l *Label) Err() error {
	for _, ln := range l.Lines {
		if ln.Kind == Unreadable {
			return &LineError{Line: ln.Line, Err: ln.Err}
		}
	}
	return nil
}

// Unreadable returns the unreadable lines.
func (l *Label) Unreadable() []Line {
	var out []Line
	for _, ln := range l.Lines {
		if ln.Kind == Unreadable {
			out = append(out, ln)
		}
	}
	return out
}

// Doses returns the dose lines.
func (l *Label) Doses() []Line {
	var out []Line
	for _, ln := range l.Lines {
		if ln.Kind == Dose {
			out = append(out, ln)
		}
	}
	return out
}

// ElementalPerServing is the sum of the dose lines' elemental magnesium,
// unrounded.
func (l *Label) ElementalPerServing() float64 {
	sum := 0.0
	for _, ln := range l.Lines {
		if ln.Kind == Dose {
			sum += ln.ElementalMg
		}
	}
	return sum
}

// Items are the label's doses as stack items, name being the product's
// name as shown in a total (""; each is named as an item typed is: by its
// form, or magnesium), each taken PerDay.Max times a day: the top of
// the directions' range, which the verdict uses. pkg/dose adds them up as
// it does any product, so `total --label` and `label` give one number.
func (l *Label) Items(name string) []stack.Item {
	perDay := l.PerDay.Max
	var out []stack.Item
	for _, ln := range l.Lines {
		if ln.Kind != Dose {
			continue
		}
		it := stack.Item{Name: name, PerDay: perDay, Route: stack.Oral, Line: ln.Line}
		if ln.Form != nil {
			it.Form, it.Variant = ln.Form, ln.Variant
			if it.Variant == nil {
				it.Variant = ln.Form.Default()
			}
		}
		switch ln.Declared {
		case Compound:
			it.UnitMg = ln.CompoundMg
		default:
			it.UnitMg, it.StatedMg = ln.CompoundMg, ln.ElementalMg
		}
		if it.Name == "" {
			if it.Name = it.FormName(); it.Name == "" {
				it.Name = stack.MagnesiumName
			}
		}
		out = append(out, it)
	}
	return out
}

// Options are what reading needs besides the text.
type Options struct {
	Forms *forms.Table
	// Refs are the reference values labels print percentages of (the
	// label_values of limits.yaml: eu-nrv, us-dv, us-dv-old). Without
	// them no % RI is checked.
	Refs []*limits.LabelValue
}

// ErrEmpty is the error for a label with no text.
var ErrEmpty = msg.Errorf("the label has no text")

// ParseText reads a label's text. The error is for text that is no label
// at all (too large, not UTF-8, empty); lines that cannot be read are
// Unreadable lines of the label (Label.Err).
func ParseText(text string, o Options) (*Label, error) {
	if o.Forms == nil {
		return nil, errors.New("label: no form table")
	}
	if len(text) > MaxTextSize {
		return nil, msg.Errorf("the label is larger than %d KiB", MaxTextSize>>10)
	}
	if !utf8.ValidString(text) {
		return nil, msg.Errorf("the label is not valid UTF-8 text")
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	raw := splitLines(text)
	if len(raw) > MaxLines {
		return nil, msg.Errorf("the label has more than %d lines", MaxLines)
	}
	r := newReader(o)
	for i, s := range raw {
		if len(s) > MaxLineSize {
			return nil, &LineError{Line: i + 1, Err: msg.Errorf("the line is longer than %d bytes", MaxLineSize)}
		}
	}
	r.readText(raw)
	return r.finish(), nil
}

// splitLines splits text at \n, \r\n and \r.
func splitLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}
