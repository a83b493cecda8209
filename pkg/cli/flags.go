package cli

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/stack"
	"github.com/mgcalc/mgcalc/pkg/text"
	"github.com/mgcalc/mgcalc/pkg/units"
)

// decimalValue is a float flag that takes plain decimals only (14.5, 010
// is ten), never Go syntax (0x10, 1e3, 1_0), and explains a decimal comma.
type decimalValue struct{ p *float64 }

func (v decimalValue) String() string {
	if *v.p == 0 {
		return "0"
	}
	return strconv.FormatFloat(*v.p, 'f', -1, 64)
}
func (v decimalValue) Type() string { return "number" }
func (v decimalValue) Set(s string) error {
	x, err := units.ParseDecimal(s)
	if err != nil {
		return err
	}
	*v.p = x
	return nil
}

// unitsValue is a number of units, by the one rule stack.ParseUnits
// applies to items and stack files too.
type unitsValue struct{ p *float64 }

func (v unitsValue) String() string { return strconv.FormatFloat(*v.p, 'f', -1, 64) }
func (v unitsValue) Type() string   { return "units" }
func (v unitsValue) Set(s string) error {
	n, err := stack.ParseUnits(s)
	if err != nil {
		return err
	}
	*v.p = n
	return nil
}

// listValue is a flag that takes a list (--meds, --condition): split by
// the one rule for lists (text.List: commas and line breaks alike, an
// empty entry refused), whether it comes from the command line, an
// MGCALC_* variable or the config file. Given again on the command line,
// it adds to the list.
type listValue struct {
	p   *[]string
	set bool
}

// String is the list as it would be typed (config show): "" for none.
func (v *listValue) String() string { return strings.Join(*v.p, ",") }
func (v *listValue) Type() string   { return "strings" }
func (v *listValue) Set(s string) error {
	entries, err := splitList(s)
	if err != nil {
		return err
	}
	if !v.set {
		*v.p = nil
	}
	*v.p = append(*v.p, entries...)
	v.set = true
	return nil
}

// Append, Replace and GetSlice make it a pflag.SliceValue, as the
// string slices were.
func (v *listValue) Append(s string) error { return v.Set(s) }
func (v *listValue) Replace(s []string) error {
	*v.p = slices.Clone(s)
	return nil
}
func (v *listValue) GetSlice() []string { return *v.p }

// splitList splits a list a person gave (text.List), refusing an empty
// entry.
func splitList(s string) ([]string, error) {
	entries, ok := text.List(s)
	if !ok {
		return nil, errEmptyEntry
	}
	return entries, nil
}

// errEmptyEntry is the one wording of a list with an empty entry.
var errEmptyEntry = msg.Errorf("the list has an empty entry").
	WithHint("separate the entries with one comma or one line break, such as levothyroxine,doxycycline")

func listFlag(fs *pflag.FlagSet, p *[]string, name, usage string) {
	fs.Var(&listValue{p: p}, name, usage)
}

// decimalFlag declares a number flag that has no default: unset, it is
// not given (--age: an adult; --target: the goal's), which its usage says.
// Its DefValue is empty, not "0", so that no reference page shows a 0
// that is not its meaning (--age=0 beside "default adult"); --help shows
// no default for it either way.
func decimalFlag(fs *pflag.FlagSet, p *float64, name, usage string) {
	fs.Var(decimalValue{p}, name, usage)
	fs.Lookup(name).DefValue = ""
}

func unitsFlagP(fs *pflag.FlagSet, p *float64, name, short string, value float64, usage string) {
	*p = value
	fs.VarP(unitsValue{p}, name, short, usage)
}

// flagError turns pflag's errors into mgcalc's: the flag and the value,
// the reason in words (never Go's parser message), and a hint.
func flagError(c *cobra.Command, err error) error {
	var ive *pflag.InvalidValueError
	if errors.As(err, &ive) {
		name := "--" + ive.GetFlag().Name
		var cause *msg.Message
		if errors.As(err, &cause) {
			m := msg.Errorf("invalid value %q for %s: %s", text.Clip(ive.GetValue()), name, cause)
			m.Hint = cause.Hint
			return usageError(m)
		}
		return usageError(msg.Errorf("invalid value %q for %s", text.Clip(ive.GetValue()), name).
			WithHint("run '%s --help' for usage", c.CommandPath()))
	}
	return usageError(parseError(err).WithHint("run '%s --help' for usage", c.CommandPath()))
}

// parseError words pflag's other errors (an unknown flag, a missing
// value, bad syntax) as a message, so that they print in the user's
// language. pflag's error types say which; an error of another kind keeps
// its own English text. In English the words are pflag's own.
func parseError(err error) *msg.Message {
	var ne *pflag.NotExistError
	var vre *pflag.ValueRequiredError
	var ise *pflag.InvalidSyntaxError
	switch {
	case errors.As(err, &ne) && ne.GetSpecifiedShortnames() != "":
		return msg.Errorf("unknown shorthand flag: %q in -%s", []rune(ne.GetSpecifiedName())[0], ne.GetSpecifiedShortnames())
	case errors.As(err, &ne):
		return msg.Errorf("unknown flag: --%s", ne.GetSpecifiedName())
	case errors.As(err, &vre) && vre.GetSpecifiedShortnames() != "":
		return msg.Errorf("flag needs an argument: %q in -%s", []rune(vre.GetSpecifiedName())[0], vre.GetSpecifiedShortnames())
	case errors.As(err, &vre):
		return msg.Errorf("flag needs an argument: --%s", vre.GetSpecifiedName())
	case errors.As(err, &ise):
		return msg.Errorf("bad flag syntax: %s", ise.GetSpecifiedFlag())
	}
	return msg.Errorf("%s", err.Error())
}
