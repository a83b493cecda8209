package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
	"github.com/mgcalc/mgcalc/pkg/units"
)

// convertOptions are the options of `elemental` and `compound`.
type convertOptions struct {
	IO     *IO
	Root   *rootOptions
	Person personOptions

	Form, Amount string
	Count        float64
	assay        float64
	Assay        *float64 // nil: not given
	Reverse      bool     // compound: Amount is the elemental magnesium wanted

	// batch: Form "-" reads lines from stdin; CSV names a CSV file
	Unit      string
	CSV       string
	Columns   string
	Delimiter string
	KeepGoing bool
	outputSet bool
}

// addBatchFlags declares the batch options of elemental and compound.
func (o *convertOptions) addBatchFlags(cmd *cobra.Command) {
	outputFlag(cmd, o.Root, o.IO.P, streamOutput)
	f := cmd.Flags()
	f.StringVar(&o.CSV, "csv", "", o.IO.P.Help("convert.flag.csv", "convert every row of this CSV `file` (- for stdin)"))
	f.StringVar(&o.Columns, "columns", "", o.IO.P.Help("convert.flag.columns", "CSV columns as form=COL,amount=COL[,unit=COL] (default form, amount)"))
	delimiterFlag(cmd, o.IO.P, &o.Delimiter)
	f.StringVar(&o.Unit, "unit", "mg", o.IO.P.Help("convert.flag.unit", "unit of elemental magnesium shown: mg, mmol or meq (amounts accept mmol and mEq too)"))
	f.BoolVar(&o.KeepGoing, "keep-going", false, o.IO.P.Help("convert.flag.keep-going", "in a batch, report every bad line and convert the rest (exit 1 at the end)"))
	_ = cmd.RegisterFlagCompletionFunc("unit", fixedCompletion(units.UnitNames...))
}

func newElementalCmd(s *IO, root *rootOptions) *cobra.Command {
	o := &convertOptions{IO: s, Root: root}
	cmd := &cobra.Command{
		Use:   "elemental FORM[:VARIANT] AMOUNT",
		Short: s.P.Help("elemental.short", "Elemental magnesium in an amount of a magnesium compound"),
		Long: s.P.Help("elemental.long", `Elemental magnesium in AMOUNT of a magnesium compound, computed from the
variant's molecular formula and IUPAC atomic weights, and its share of the
supplemental upper limit.

FORM is a form name or alias in any case, with or without "magnesium"
(citrate, glycinate, magnesiumcitraat), or a molecular formula (MgCl2,
MgSO4·7H2O), which selects exactly that variant; add :VARIANT for a hydrate
or salt other than the default (citrate:nonahydrate). 'mgcalc forms' lists
them. AMOUNT is the weight of the compound: 500, 500mg, "500 mg", 0.5g or
250mcg; a bare number is milligrams. A decimal comma with one or two digits
after it is a decimal in every language (187,5 mg, 0,5g); "1.830 mg" and
"1,830 mg" are refused as ambiguous (1.83 or 1830 mg?).

--assay replaces the formula's Mg share with a raw material's stated
percentage; a label's stated elemental amount beats both, so use it when the
label gives one.

-o value prints the elemental mg with one decimal, rounded once from the
exact result (the same digits as the text; two where one would hide that
the amount is above the limit, as 350.01); with --unit mmol or meq, the
mmol or mEq with two decimals.

Batch: '-' as FORM reads one product a line from stdin ("citrate 500",
"citrate:500" or "magnesium citrate 500 mg"; blank lines and # comments
skipped), --csv FILE reads CSV with a header (--columns maps form, amount
and an optional unit column). One row out per product, as it is converted:
TSV when piped (the default), text on a terminal, or -o csv, -o jsonl (JSON
Lines). The person's cautions are printed once on stderr. A bad line stops
the stream, after the rows before it; --keep-going reports every bad line
and converts the rest.

Exit status: 0 converted (above the upper limit too: only 'total' exits 3);
1 for a file that cannot be read or is broken (config file, --csv file) or,
in a batch, a bad line (with --keep-going, at the end, after the good
lines); 2 for bad arguments (an unknown form, a bad amount or flag).`),
		Example: s.P.Help("elemental.example", `  mgcalc elemental citrate 500
  printf 'citrate 500\noxide 400\n' | mgcalc elemental -
  mgcalc elemental --csv products.csv --columns form=Form,amount=Amount,unit=Unit -o csv
  mgcalc elemental magnesium-bisglycinate 1g --count 2
  mgcalc elemental citrate 500 --assay 14.5
  mgcalc elemental MgCl2 1g -o value
  mgcalc elemental oxide 400 --age 6 --authority efsa`),
		Args: convertArgs("AMOUNT"),
		RunE: o.runE,
	}
	o.addBatchFlags(cmd)
	decimalFlag(cmd.Flags(), &o.assay, "assay", s.P.Help("elemental.flag.assay", "the raw material's stated Mg `percent`, replacing the formula's share"))
	unitsFlagP(cmd.Flags(), &o.Count, "count", "n", 1, s.P.Help("elemental.flag.count", "number of capsules or servings of AMOUNT each (halves allowed, at most 100)"))
	o.Person.addFlags(cmd, false, s.P)
	cmd.ValidArgsFunction = completeForms
	return cmd
}

func newCompoundCmd(s *IO, root *rootOptions) *cobra.Command {
	o := &convertOptions{IO: s, Root: root, Count: 1, Reverse: true}
	cmd := &cobra.Command{
		Use:   "compound FORM[:VARIANT] ELEMENTAL",
		Short: s.P.Help("compound.short", "Compound needed for an amount of elemental magnesium"),
		Long: s.P.Help("compound.long", `The reverse of 'elemental': how much of a magnesium compound carries
ELEMENTAL mg of magnesium, from the variant's molecular formula (or --assay).

-o value prints the compound mg with one decimal, rounded once from the
exact result. '-' as FORM (or --csv FILE) converts a stream, as 'elemental'
does.

Exit status: 0 converted; 1 for a file that cannot be read or is broken
(config file, --csv file) or, in a batch, a bad line; 2 for bad arguments
(an unknown form, a bad ELEMENTAL amount or flag).`),
		Example: s.P.Help("compound.example", `  mgcalc compound bisglycinate 200
  mgcalc compound citrate:nonahydrate 150mg -o value
  mgcalc compound citrate 100 --assay 14.5
  mgcalc compound - < targets.txt`),
		Args: convertArgs("ELEMENTAL"),
		RunE: o.runE,
	}
	o.addBatchFlags(cmd)
	decimalFlag(cmd.Flags(), &o.assay, "assay", s.P.Help("compound.flag.assay", "the raw material's stated Mg `percent`, replacing the formula's share"))
	o.Person.addFlags(cmd, false, s.P)
	cmd.ValidArgsFunction = completeForms
	return cmd
}

// runE is elemental's and compound's: one path for both directions, a
// stream or one conversion.
func (o *convertOptions) runE(cmd *cobra.Command, args []string) error {
	o.read(cmd, args)
	if err := csvOnly(cmd, o.CSV != "", "columns", "delimiter"); err != nil {
		return err
	}
	if o.batch() {
		return runConvertBatch(o)
	}
	return runConvert(o)
}

// convertArgs accepts FORM and an amount; three words whose last is an
// amount are a form name typed without quotes.
func convertArgs(amount string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if stream, err := streamArgs(cmd, args, amount); stream || err != nil {
			return err
		}
		if len(args) == 2 {
			return nil
		}
		word := msg.New("AMOUNT") // the placeholder in the reader's language
		if amount == "ELEMENTAL" {
			word = msg.New("ELEMENTAL")
		}
		m := msg.Errorf("%s takes FORM and %s (got %s)", cmd.CommandPath(), word, msg.Plural(float64(len(args)), "%d argument", "%d arguments", len(args)))
		isAmount := func(s string) bool { _, err := units.ParseMass(s); return err == nil }
		// a hint names only a form that resolves: "citrate anhydrous" is a
		// form and its variant, written citrate:anhydrous
		switch {
		case len(args) == 1:
			if form, amt, ok := itemAsArgs(cmd, args[0], !strings.HasPrefix(amount, "ELEMENTAL")); ok {
				return usageError(m.WithHint("give the form and the amount as two arguments: %s %s %s", cmd.CommandPath(), form, amt))
			}
		case len(args) == 3 && isAmount(args[2]):
			if name, quote, ok := twoWordName(cmd, args[0], args[1]); ok && quote {
				return usageError(m.WithHint("quote a name of several words: %s %s %s", cmd.CommandPath(), name, args[2]))
			} else if ok {
				return usageError(m.WithHint("write a variant after its form with a colon: %s %s %s", cmd.CommandPath(), name, args[2]))
			}
		case len(args) == 3 && isAmount(args[1]+" "+args[2]):
			return usageError(m.WithHint("quote an amount with a space: %s %s \"%s %s\"", cmd.CommandPath(), args[0], args[1], args[2]))
		case len(args) == 4 && isAmount(args[2]+" "+args[3]):
			if name, quote, ok := twoWordName(cmd, args[0], args[1]); ok && quote {
				return usageError(m.WithHint("quote the name and the amount: %s %s \"%s %s\"", cmd.CommandPath(), name, args[2], args[3]))
			} else if ok {
				return usageError(m.WithHint("write a variant after its form with a colon, and quote the amount: %s %s \"%s %s\"", cmd.CommandPath(), name, args[2], args[3]))
			}
		}
		return usageError(m.WithHint("run '%s --help' for usage", cmd.CommandPath()))
	}
}

// itemAsArgs reads arg as a product written as total takes one,
// FORM:AMOUNT (hydroxide:1200mg, citrate:nonahydrate:1g), for a command
// that takes FORM and AMOUNT as two arguments: ok only when the form
// resolves and the amount reads (a compound's weight, or with compound
// false an amount of magnesium), so that the hint names input that works.
func itemAsArgs(cmd *cobra.Command, arg string, compound bool) (form, amount string, ok bool) {
	i := strings.LastIndexByte(arg, ':')
	if i <= 0 {
		return "", "", false
	}
	form, amount = arg[:i], strings.TrimSpace(arg[i+1:])
	t, err := tablesOf(cmd).Forms()
	if err != nil {
		return "", "", false
	}
	if _, _, err := t.ResolveTerse(form); err != nil {
		return "", "", false
	}
	if compound {
		_, err = units.ParseMass(amount)
	} else {
		_, err = units.ParseElemental(amount, t.MgPerMmol())
	}
	if err != nil || amount == "" {
		return "", "", false
	}
	if strings.ContainsAny(form, " \t") {
		form = `"` + form + `"`
	}
	if strings.ContainsAny(amount, " \t") {
		amount = `"` + amount + `"`
	}
	return form, amount, true
}

// twoWordName is how to write a form typed as two words a and b so that
// it resolves: quoted ("magnesium citrate"; quote is true), or as FORM:VARIANT
// (citrate:anhydrous, citraat:watervrij). ok is false when neither
// resolves: no hint then suggests a command that would be refused.
func twoWordName(cmd *cobra.Command, a, b string) (name string, quote, ok bool) {
	t, err := tablesOf(cmd).Forms()
	if err != nil {
		return "", false, false
	}
	if _, _, err := t.ResolveTerse(a + " " + b); err == nil {
		return `"` + a + " " + b + `"`, true, true
	}
	if _, _, err := t.ResolveTerse(a + ":" + b); err == nil {
		return a + ":" + b, false, true
	}
	return "", false, false
}

// tablesOf are the tables a command uses, before the root's
// PersistentPreRunE has read its flags (argument checks, completion):
// the built-in ones, or the form table of --table.
func tablesOf(cmd *cobra.Command) tables {
	if f := cmd.Flag("table"); f != nil && f.Value.String() != "" {
		return fileTables(f.Value.String())
	}
	return defaultTables
}

// read takes what only cobra knows.
func (o *convertOptions) read(cmd *cobra.Command, args []string) {
	o.Form, o.Amount = "", ""
	if len(args) > 0 {
		o.Form = args[0]
	}
	if len(args) > 1 {
		o.Amount = args[1]
	}
	o.outputSet = cmd.Flag("output").Changed
	if cmd.Flags().Changed("assay") {
		o.Assay = &o.assay
	}
	o.Person.read(cmd)
}

// batch reports whether the command converts a stream.
func (o *convertOptions) batch() bool { return o.CSV != "" || o.Form == "-" && o.Amount == "" }

// runConvert runs both directions. It takes no *cobra.Command.
func runConvert(o *convertOptions) error {
	t, err := o.Root.tables.Forms()
	if err != nil {
		return dataError(err)
	}
	if forms.IsMagnesium(o.Form) {
		return usageError(elementNotSalt(o, t.MgPerMmol()))
	}
	f, v, err := t.Resolve(o.Form)
	if err != nil {
		return formError(err)
	}
	parse := units.ParseMass
	if o.Reverse {
		parse = func(s string) (float64, error) { return units.ParseElemental(s, t.MgPerMmol()) }
	}
	amount, err := parse(o.Amount)
	if err != nil {
		return usageError(err)
	}
	unit, err := units.ParseUnit(o.Unit, t.MgPerMmol())
	if err != nil {
		return usageError(prefixed("--unit", err))
	}
	share := forms.ShareOf(v, 0)
	var warning *msg.Message
	if o.Assay != nil {
		w, err := forms.CheckAssay(f, v, *o.Assay)
		if err != nil {
			return usageError(err)
		}
		share, warning = forms.ShareOf(v, *o.Assay), w
	}
	lt, limit, err := o.Person.applied(o.Root.tables, o.Root.config)
	if err != nil {
		return err
	}
	var c dose.Conversion
	if o.Reverse {
		c = dose.Compound(f, v, share, amount, limit)
	} else {
		c = dose.Elemental(f, v, share, amount, o.Count, limit)
	}
	if o.Assay != nil {
		c = c.WithAssay(*o.Assay, warning)
	}
	c.Others = o.Person.others(lt)
	r := render.NewConversion(c).WithUnit(unit)
	if o.Reverse {
		if u, ok := molarGiven(o.Amount, t.MgPerMmol()); ok {
			r = r.Given(u)
		}
	}
	return o.Root.print(o.IO, r)
}

// molarGiven is the unit an elemental amount was typed in when it is
// mmol or mEq (4mmol, "8 mEq").
func molarGiven(amount string, mgPerMmol float64) (units.Unit, bool) {
	word := strings.TrimLeft(strings.TrimSpace(amount), "0123456789.,+- ")
	if !units.IsMolarUnit(word) {
		return units.Unit{}, false
	}
	if strings.EqualFold(word, "mval") {
		word = "meq" // the German Millival is the mEq
	}
	u, err := units.ParseUnit(strings.ToLower(word), mgPerMmol)
	return u, err == nil
}

func completeForms(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	t, err := tablesOf(cmd).Forms() // the forms of the table in use
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []string
	for _, f := range t.Forms {
		out = append(out, f.Key)
		for _, v := range f.Variants {
			out = append(out, f.Key+":"+v.Key)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// elementNotSalt answers "elemental magnesium 400": an amount of magnesium
// is already elemental, so there is nothing to convert; compound gives the
// salt that carries it, limits the person's upper limit.
func elementNotSalt(o *convertOptions, mgPerMmol float64) *msg.Message {
	amount := strings.TrimSpace(o.Amount)
	mg, err := units.ParseElemental(amount, mgPerMmol)
	if err != nil {
		amount = "AMOUNT"
	}
	if o.Reverse {
		return msg.Errorf("%q is magnesium itself, not a salt: compound needs the salt that carries the magnesium", o.Form).
			WithHint("name the salt, such as mgcalc compound citrate %s; 'mgcalc forms' lists them", amount)
	}
	m := msg.Errorf("magnesium is already elemental: there is nothing to convert")
	if err == nil {
		m = msg.Errorf("%s mg magnesium is already elemental: there is nothing to convert", msg.A(mg))
	}
	return m.WithHint("'mgcalc compound FORM %s' gives how much of a salt carries it (such as mgcalc compound citrate %s); 'mgcalc limits' shows your upper limit", amount, amount)
}
