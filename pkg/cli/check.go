package cli

import (
	"errors"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/batch"
	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
	"github.com/mgcalc/mgcalc/pkg/units"
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
	KeepGoing bool
	outputSet bool
}

func newCheckCmd(s *IO, root *rootOptions) *cobra.Command {
	o := &checkOptions{IO: s, Root: root}
	cmd := &cobra.Command{
		Use:   "check FORM[:VARIANT] AMOUNT --stated MG",
		Short: s.P.S("Check a label: can this much of the compound carry the magnesium it states?"),
		Long: s.P.S(`From a label's compound amount and its stated elemental magnesium, the Mg
share the label implies, and which variants (or the raw-material assay range)
it is consistent with, within 3 %% (mgcalc's tolerance: labels round, and no
source gives a number). "impossible" when it is more than any variant of the
form carries: a blend with a richer salt ("buffered" with oxide), a
mislabelled form or hydrate, or a typo. "unmatched" when it fits no variant
but is possible.

--stated takes mg, g, mcg, mmol or mEq of magnesium. '-' as FORM checks a
stream, one label a line ("glycinate 500 100", "citrate:1830mg 295.7mg":
the last word is the stated amount), and --csv FILE reads CSV with form,
amount and stated columns, so a catalogue is audited in one call.

Exit status: 0 checked, whatever the verdict (read it from -o value or
JSON); 1 for a file that cannot be read or a bad line; 2 for bad arguments.`),
		Example: s.P.S(`  mgcalc check glycinate 500 --stated 100
  mgcalc check citrate 1830 --stated 295.7
  mgcalc check threonate 2000 --stated 144 -o json
  mgcalc check --csv catalogue.csv -o tsv
  mgcalc check --csv shop.csv --columns form=Form,amount=Salt,stated=Mg`),
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case cmd.Flags().Changed("csv") && len(args) == 0, len(args) == 1 && args[0] == "-", len(args) == 2:
				return nil
			}
			return usageError(msg.Errorf("check takes FORM and AMOUNT with --stated, '-' or --csv FILE (got %d arguments)", len(args)).
				WithHint("run 'mgcalc check --help' for usage"))
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.outputSet = cmd.Flag("output").Changed
			if err := columnsNeedCSV(o.Columns, o.CSV); err != nil {
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
	outputFlag(cmd, root, s.P, render.ValueFormats, render.RowFormats)
	cmd.Flags().StringVar(&o.Stated, "stated", "", s.P.S("the label's stated elemental magnesium per unit (mg, g, mcg, mmol or mEq)"))
	cmd.Flags().BoolVar(&o.KeepGoing, "keep-going", false, s.P.S("in a batch, report every bad line and check the rest (exit 1 at the end)"))
	cmd.Flags().StringVar(&o.CSV, "csv", "", s.P.S("check every row of this CSV `file` (columns form, amount, stated)"))
	cmd.Flags().StringVar(&o.Columns, "columns", "", s.P.S("CSV columns as form=COL,amount=COL,stated=COL (default form, amount, stated)"))
	cmd.ValidArgsFunction = completeForms
	return cmd
}

func checkOne(t *forms.Table, form, amount, stated string) (dose.LabelCheck, error) {
	f, v, err := t.Resolve(form)
	if err != nil {
		return dose.LabelCheck{}, formError(err)
	}
	compound, err := units.ParseMass(amount)
	if err != nil {
		return dose.LabelCheck{}, usageError(err)
	}
	st, err := units.ParseElemental(stated, t.MgPerMmol())
	if err != nil {
		return dose.LabelCheck{}, usageError(prefixed("stated", err))
	}
	named := v
	if !strings.Contains(form, ":") {
		if _, formula := formulaVariant(t, form); !formula {
			named = nil // a form name alone: every variant is a candidate
		}
	}
	return dose.CheckLabel(f, named, compound, st), nil
}

// formulaVariant reports whether the name was a formula (it names one
// variant exactly).
func formulaVariant(t *forms.Table, name string) (*forms.Variant, bool) {
	if f := t.Lookup(name); f != nil {
		return nil, false
	}
	_, v, err := t.Resolve(name)
	return v, err == nil
}

func runCheck(o *checkOptions) error {
	t, err := o.Root.tables.Forms()
	if err != nil {
		return dataError(err)
	}
	c, err := checkOne(t, o.Form, o.Amount, o.Stated)
	if err != nil {
		return err
	}
	return o.Root.print(o.IO, render.NewCheck(c))
}

// runCheckBatch checks a stream of labels, writing each row as it is
// checked (rows before a bad line stay written); --keep-going reports bad
// lines and goes on, and the exit status is 1 at the end.
func runCheckBatch(o *checkOptions) error {
	t, err := o.Root.tables.Forms()
	if err != nil {
		return dataError(err)
	}
	f, err := streamFormat(o.IO, o.Root, o.outputSet)
	if err != nil {
		return err
	}
	out, err := render.NewCheckWriter(o.IO.Stream(), f, o.IO.Term())
	if err != nil {
		return usageError(err)
	}
	where := "line"
	if o.CSV != "" {
		where = o.CSV
	}
	failed, total := 0, 0
	var first *msg.Message
	one := func(line int, form, amount, stated string) error {
		total++
		c, err := checkOne(t, form, amount, stated)
		if err == nil {
			return out.Write(line, c)
		}
		var m *msg.Message
		errors.As(err, &m)
		failed++
		e := rowError(where, &batch.LineError{Line: line, Err: m})
		if first == nil {
			first = e
		}
		if o.KeepGoing {
			printError(o.IO.ErrOut, o.IO.P, e)
			return nil
		}
		return errStop
	}
	var runErr error
	if o.CSV != "" {
		cols, err := batch.FieldColumns(o.Columns, []string{"form", "amount", "stated"})
		if err != nil {
			return usageError(prefixed("--columns", err))
		}
		r, closeFn, err := openInput(o.IO, o.CSV)
		if err != nil {
			return err
		}
		defer closeFn()
		cr, err := batch.CSVFields(r, cols)
		if err != nil {
			return dataError(lineMessage(o.CSV, err))
		}
		for runErr == nil {
			rec, line, err := cr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				runErr = dataError(lineMessage(o.CSV, err))
				break
			}
			runErr = one(line, rec[0], rec[1], rec[2])
		}
	} else {
		lr := batch.Lines(o.IO.In)
		for runErr == nil {
			if !lr.Buffered() {
				if err := out.Flush(); err != nil {
					return dataError(msg.Errorf("%s", err.Error()))
				}
			}
			row, err := lr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				var le *batch.LineError
				if errors.As(err, &le) {
					total++
					failed++
					e := rowError(where, le)
					if first == nil {
						first = e
					}
					if o.KeepGoing {
						printError(o.IO.ErrOut, o.IO.P, e)
						continue
					}
					runErr = errStop
					break
				}
				runErr = dataError(lineMessage("line", err))
				break
			}
			// the last word is the stated amount
			amount, stated, ok := cutLastWord(row.Amount)
			form := row.Form
			if !ok { // "FORM AMOUNT STATED": SplitLine took STATED as the amount
				f2, a2, ok2 := batch.SplitLine(row.Form)
				if !ok2 {
					runErr = one(row.Line, row.Form, "", row.Amount)
					continue
				}
				form, amount, stated = f2, a2, row.Amount
			}
			runErr = one(row.Line, form, amount, stated)
		}
	}
	if err := out.Flush(); err != nil && runErr == nil {
		runErr = dataError(msg.Errorf("%s", err.Error()))
	}
	switch {
	case runErr == errStop:
		return dataError(first)
	case runErr != nil:
		return runErr
	case failed > 0:
		return &codeError{ExitError, msg.Errorf("%d of %d lines could not be checked", failed, total)}
	}
	return nil
}

// errStop ends a stream at its first bad line.
var errStop = errors.New("stop")

func cutLastWord(s string) (rest, last string, ok bool) {
	f := strings.Fields(s)
	if len(f) < 2 {
		return "", "", false
	}
	return strings.Join(f[:len(f)-1], " "), f[len(f)-1], true
}
