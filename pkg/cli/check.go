package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/batch"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
)

// checkOptions are the options of `check`.
type checkOptions struct {
	IO        *IO
	Root      *rootOptions
	Form      string
	Amount    string
	Stated    string
	CSV       string
	Columns   string
	Delimiter string
	KeepGoing bool
	outputSet bool
}

func newCheckCmd(s *IO, root *rootOptions) *cobra.Command {
	o := &checkOptions{IO: s, Root: root}
	cmd := &cobra.Command{
		Use:   "check FORM[:VARIANT] AMOUNT --stated MG",
		Short: s.P.Help("check.short", "Check a label: can this much of the compound carry the magnesium it states?"),
		Long: s.P.Help("check.long", `From a label's compound amount and its stated elemental magnesium, the Mg
share the label implies, and which variants (or the raw-material assay range)
it is consistent with, within 3 %% (mgcalc's tolerance: labels round, and no
source gives a number). "impossible" when it is more than any variant of the
form carries: a blend with a richer salt ("buffered" with oxide), a
mislabelled form or hydrate, or a typo; when it is more than any magnesium
salt carries, a typo or swapped amounts. "unmatched" when it fits no variant
but is possible.

--stated takes mg, g, mcg, mmol or mEq of magnesium. '-' as FORM checks a
stream, one label a line ("glycinate 500 100", "citrate 1830 mg 295 mg":
the last amount, with its unit, is the stated one), and --csv FILE reads
CSV with form, amount and stated columns, so a catalogue is audited in
one call.

Exit status: 0 checked, whatever the verdict (read it from -o value or
JSON); 1 for a file that cannot be read or a bad line; 2 for bad arguments.`),
		Example: s.P.Help("check.example", `  mgcalc check glycinate 500 --stated 100
  mgcalc check citrate 1830 --stated 295.7
  mgcalc check threonate 2000 --stated 144 -o json
  mgcalc check --csv catalogue.csv -o tsv
  mgcalc check --csv shop.csv --columns form=Form,amount=Salt,stated=Mg`),
		Args: func(cmd *cobra.Command, args []string) error {
			if stream, err := streamArgs(cmd, args, "AMOUNT", "stated"); stream || err != nil {
				return err
			}
			if len(args) == 2 {
				return nil
			}
			m := msg.Errorf("check takes FORM and AMOUNT with --stated, '-' or --csv FILE (got %s)", msg.Plural(float64(len(args)), "%d argument", "%d arguments", len(args)))
			if len(args) == 1 {
				// hydroxide:1200mg, as total takes a product
				if form, amount, ok := itemAsArgs(cmd, args[0], true); ok {
					stated := "MG"
					if f := cmd.Flag("stated"); f != nil && f.Changed {
						stated = f.Value.String()
						if strings.ContainsAny(stated, " \t") {
							stated = `"` + stated + `"`
						}
					}
					return usageError(m.WithHint("give the form and the amount as two arguments: %s %s %s --stated %s", cmd.CommandPath(), form, amount, stated))
				}
			}
			return usageError(m.WithHint("run 'mgcalc check --help' for usage"))
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.outputSet = cmd.Flag("output").Changed
			if err := csvOnly(cmd, o.CSV != "", "columns", "delimiter"); err != nil {
				return err
			}
			if len(args) > 0 {
				o.Form = args[0]
			}
			if len(args) > 1 {
				o.Amount = args[1]
			}
			if o.CSV != "" || o.Form == "-" {
				return runCheckBatch(o)
			}
			if o.Stated == "" {
				return usageError(msg.Errorf("no stated amount").WithHint("give the label's elemental magnesium with --stated, such as --stated 100"))
			}
			return runCheck(o)
		},
	}
	outputFlag(cmd, root, s.P, streamOutput)
	cmd.Flags().StringVar(&o.Stated, "stated", "", s.P.Help("check.flag.stated", "the label's stated elemental magnesium per unit (mg, g, mcg, mmol or mEq)"))
	cmd.Flags().BoolVar(&o.KeepGoing, "keep-going", false, s.P.Help("check.flag.keep-going", "in a batch, report every bad line and check the rest (exit 1 at the end)"))
	cmd.Flags().StringVar(&o.CSV, "csv", "", s.P.Help("check.flag.csv", "check every row of this CSV `file` (columns form, amount, stated)"))
	cmd.Flags().StringVar(&o.Columns, "columns", "", s.P.Help("check.flag.columns", "CSV columns as form=COL,amount=COL,stated=COL (default form, amount, stated)"))
	delimiterFlag(cmd, s.P, &o.Delimiter)
	cmd.ValidArgsFunction = completeForms
	return cmd
}

func runCheck(o *checkOptions) error {
	t, err := o.Root.tables.Forms()
	if err != nil {
		return dataError(err)
	}
	c, err := (&batch.LabelChecker{Forms: t}).Check(o.Form, o.Amount, o.Stated)
	if err != nil {
		return formError(err)
	}
	return o.Root.print(o.IO, render.NewCheck(c))
}

// runCheckBatch checks a stream of labels (check -, check --csv) through
// the one stream engine, as elemental - converts products.
func runCheckBatch(o *checkOptions) error {
	t, err := o.Root.tables.Forms()
	if err != nil {
		return dataError(err)
	}
	f, err := streamFormat(o.IO, o.Root, o.outputSet)
	if err != nil {
		return err
	}
	var cols batch.Columns
	if o.CSV != "" {
		if cols, err = batch.LabelColumns(o.Columns); err != nil {
			return usageError(prefixed("--columns", err))
		}
		if cols.Comma, err = readDelimiter(o.Delimiter); err != nil {
			return err
		}
	}
	out, err := render.NewCheckWriter(o.IO.Stream(), f, o.IO.Term())
	if err != nil {
		return usageError(err)
	}
	in, err := openStream(o.IO, o.CSV, cols, true)
	if err != nil {
		return err
	}
	return runStream(o.IO, in, o.KeepGoing, &batch.LabelChecker{Forms: t}, out, msg.New("checked"))
}
