package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
	"github.com/mgcalc/mgcalc/pkg/stack"
	"github.com/mgcalc/mgcalc/pkg/text"
	"github.com/mgcalc/mgcalc/pkg/units"
)

// totalOptions are the options of `total`.
type totalOptions struct {
	IO     *IO
	Root   *rootOptions
	Person personOptions

	Items     []string
	Stacks    []string // files, "-" for stdin; all are read
	CSVs      []string // stacks as CSV
	Labels    []string // label text files (mgcalc label reads them the same way)
	Delimiter string   // the CSV files' delimiter ("": each header's)
	diet      string
	Diet      *string // nil: not given

	Headroom bool
	With     []string // FORM:UNIT products for the headroom
	Unit     string
	// Today adds the magnesium logged today (the journal) to the items.
	Today   bool
	Journal journalOptions
	// itemFlag names the flag the items came from in an error (plan's
	// --with); "" for arguments.
	itemFlag string
	// noMagnesium are the labels (file names as shown) that name no
	// magnesium dose: readItems finds them, and the command says so
	// (total warns; log refuses an entry that would be empty)
	noMagnesium []string
}

// noMagnesiumWarnings warn of the labels that named no magnesium: a
// product given is never silently dropped.
func (o *totalOptions) noMagnesiumWarnings() {
	for _, name := range o.noMagnesium {
		o.IO.Warn(msg.New("%s: the label names no magnesium: it adds nothing", name))
	}
}

func newTotalCmd(s *IO, root *rootOptions) *cobra.Command {
	o := &totalOptions{IO: s, Root: root}
	cmd := &cobra.Command{
		Use:   "total [FORM[:VARIANT]:AMOUNT[xN]...]",
		Short: s.P.Help("total.short", "Add up every product someone takes and compare with the upper limit"),
		Long: s.P.Help("total.long", `The elemental magnesium of every product someone takes, added up and compared
with the supplemental upper limit for the person (see 'mgcalc limits'). The
limit applies to the total across all products, not to each one.

Give products on the command line as FORM[:VARIANT]:AMOUNT (citrate:500,
chloride:anhydrous:1g), with xN for N units a day (citrate:500x2), in stack
files with --stack (repeat it for several files: all are added), or both.
magnesium:AMOUNT is a product whose label gives only its magnesium (a
multivitamin's "Magnesium 100 mg"): magnesium:100, magnesium:100x2.
--label FILE adds a label's doses as 'mgcalc label' reads them (repeatable).
A stack file is a YAML list of products:

  - name: Calm Night          # optional
    form: bisglycinate        # FORM or FORM:VARIANT
    amount: 500 mg            # compound per capsule/scoop
    per_day: 2                # units a day (default 1)
  - name: Buffered glycinate
    form: bisglycinate
    elemental: 100 mg         # the label's Mg per unit: wins over the formula
  - name: Multivitamin
    elemental: 100 mg         # a label that gives only the magnesium: no form
  - form: citrate
    amount: 1 g
    assay: 14.5               # the raw material's Mg %%, replaces the formula
  - name: Magnesium oil spray
    form: chloride
    amount: 100 mg            # the label's magnesium chloride per spray
    route: skin               # shown, not counted towards the oral limit

The total is the sum of the exact (unrounded) amounts. It is over the limit
when it exceeds it by more than 0.005 mg, that is when it is above the limit
at 0.01 mg; where that is less than the shown precision, the text shows the
digits that explain the verdict.

--diet MG adds magnesium from food and water and compares the total intake
with the chosen authority's intake reference (EFSA AI for efsa, US RDA/AI for
nih; the UK EVM sets none, so the US values stand in, and mgcalc says so);
it never counts towards the upper limit, which covers supplements and
medicines only. Use --stack - to read a list from stdin. --csv FILE reads the products as
CSV: a header row of the stack fields (form, amount, per_day, elemental,
assay, route, name), one product a row, empty cells left out.

Exit status: 0 at or under the upper limit (or where none is set), 3 above
it, 1 for a stack, CSV or label file that cannot be read or is broken, 2
for bad arguments. -o value prints the supplemental total in mg, or with
--unit mmol or meq in that unit.`),
		Example: s.P.Help("total.example", `  mgcalc total citrate:500 bisglycinate:1000 oxide:250mg
  mgcalc total citrate:500x2 --authority efsa
  mgcalc total --label etiket.txt citrate:500 magnesium:100
  mgcalc total --stack morning.yaml --stack evening.yaml
  mgcalc total --csv stack.csv
  mgcalc total citrate:500 --diet 220 --age 40 --sex female
  mgcalc total --stack mine.yaml --headroom --with citrate:500
  mgcalc total citrate:500 --unit mmol
  mgcalc total --today --headroom --with bisglycinate:500
  mgcalc total --stack stack.yaml -o value; [ $? -eq 3 ] && echo "over the limit"`),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Items = args
			if cmd.Flags().Changed("diet") {
				o.Diet = &o.diet
			}
			o.Person.read(cmd)
			if err := csvOnly(cmd, len(o.CSVs) > 0, "delimiter"); err != nil {
				return err
			}
			if len(o.Items) == 0 && len(o.Stacks) == 0 && len(o.CSVs) == 0 && len(o.Labels) == 0 && !o.Today {
				return usageError(msg.Errorf("no products given").
					WithHint("give FORM:AMOUNT items (citrate:500), --stack FILE, --csv FILE or --label FILE"))
			}
			return runTotal(o)
		},
	}
	cmd.Flags().StringArrayVar(&o.Stacks, "stack", nil, s.P.Help("total.flag.stack", "YAML `file` listing the products taken (- for stdin); repeat for several files"))
	cmd.Flags().StringArrayVar(&o.CSVs, "csv", nil, s.P.Help("total.flag.csv", "the products as a CSV `file` with a header of stack fields (form, amount, per_day, …); repeatable"))
	delimiterFlag(cmd, s.P, &o.Delimiter)
	cmd.Flags().StringArrayVar(&o.Labels, "label", nil, s.P.Help("total.flag.label", "a label's text `file`, read as 'mgcalc label' reads it (- for stdin); repeatable"))
	cmd.Flags().BoolVar(&o.Headroom, "headroom", false, s.P.Help("total.flag.headroom", "say how much more magnesium fits under the limit, and how many units of each product"))
	cmd.Flags().StringArrayVar(&o.With, "with", nil, s.P.Help("total.flag.with", "a product for --headroom as FORM[:VARIANT]:AMOUNT per unit (repeatable; default: the products given)"))
	cmd.Flags().StringVar(&o.Unit, "unit", "mg", s.P.Help("total.flag.unit", "unit of elemental magnesium shown: mg, mmol or meq"))
	cmd.Flags().StringVar(&o.diet, "diet", "", s.P.Help("total.flag.diet", "magnesium from food and water a day, e.g. 220 or 220mg (compared with the RDA/AI, not the UL)"))
	cmd.Flags().BoolVar(&o.Today, "today", false, s.P.Help("total.flag.today", "add the magnesium logged today (mgcalc log) to the products given"))
	o.Journal.addFlag(cmd.Flags(), s.P)
	outputFlag(cmd, root, s.P, valueOutput)
	o.Person.addFlags(cmd, true, s.P)
	cmd.ValidArgsFunction = completeItems
	_ = cmd.RegisterFlagCompletionFunc("with", completeItems)
	_ = cmd.RegisterFlagCompletionFunc("unit", fixedCompletion(units.UnitNames...))
	return cmd
}

// completeItems completes an item, FORM[:VARIANT]:AMOUNT, up to its colon.
func completeItems(c *cobra.Command, _ []string, tc string) ([]string, cobra.ShellCompDirective) {
	out, d := completeForms(c, nil, tc)
	for i := range out {
		out[i] += ":"
	}
	// filtered here too: cobra filters only arguments, through
	// filterArgCompletions, not a flag's values
	return withPrefix(out, tc), d | cobra.ShellCompDirectiveNoSpace
}

// readItems reads the products given as items, stack files, CSV files
// and label files: total, log (which takes them exactly as total does)
// and plan's other magnesium (--with, --stack) read them here. inputs are
// what was typed for each: the item, or the file's name. At most
// stack.MaxItems products, counted while they are read (stack.Count):
// every input gives at least one product, so more inputs than that are
// refused before any is read, and reading stops at the product past it.
func readItems(o *totalOptions) (items []stack.Item, inputs []string, err error) {
	files := append(append(append([]string{}, o.Stacks...), o.CSVs...), o.Labels...)
	if err := oneStdin(files); err != nil {
		return nil, nil, err
	}
	if err := stack.CheckCount(len(o.Items) + len(files)); err != nil {
		return nil, nil, usageError(msg.Errorf("%s", err).WithHint("every item and file gives at least one product"))
	}
	t, err := o.Root.tables.Forms()
	if err != nil {
		return nil, nil, dataError(err)
	}
	var count stack.Count
	// counted counts the products a file gave: over the limit, the file
	// is named, with the line of the first product past it (lines: a
	// stack file's; a label's lines are its own)
	counted := func(path string, more []stack.Item, lines bool) error {
		if path == "-" {
			path = "<stdin>"
		}
		for _, it := range more {
			line := 0
			if lines {
				line = it.Line
			}
			if err := count.Add(line); err != nil {
				return dataError(fileError(path, err))
			}
		}
		return nil
	}
	for _, a := range o.Items {
		it, err := stack.ParseItem(t, a)
		if err != nil {
			if o.itemFlag != "" {
				err = oneItem(o.itemFlag, a, prefixed(o.itemFlag, err))
			}
			return nil, nil, formError(err)
		}
		items, inputs = append(items, it), append(inputs, a)
		count.Add(0) // within the limit: the items are fewer than the inputs
	}
	for _, path := range o.Stacks {
		more, err := readStack(o.IO, t, path)
		if err != nil {
			return nil, nil, err
		}
		if err := counted(path, more, true); err != nil {
			return nil, nil, err
		}
		for range more {
			inputs = append(inputs, path)
		}
		items = append(items, more...)
	}
	comma, err := readDelimiter(o.Delimiter)
	if err != nil {
		return nil, nil, err
	}
	for _, path := range o.CSVs {
		more, err := readStackCSV(o.IO, t, path, comma, &count)
		if err != nil {
			return nil, nil, err
		}
		for range more {
			inputs = append(inputs, path)
		}
		items = append(items, more...)
	}
	for _, path := range o.Labels { // one at a time, so reading stops at the limit
		more, empty, err := labelItems(o.IO, o.Root.tables, []string{path})
		if err != nil {
			return nil, nil, err
		}
		o.noMagnesium = append(o.noMagnesium, empty...)
		if err := counted(path, more, false); err != nil {
			return nil, nil, err
		}
		for _, it := range more {
			inputs = append(inputs, it.Name)
		}
		items = append(items, more...)
	}
	return items, inputs, nil
}

// runTotal reads the items and files, adds them up and prints the total.
func runTotal(o *totalOptions) error {
	t, err := o.Root.tables.Forms()
	if err != nil {
		return dataError(err)
	}
	items, _, err := readItems(o)
	if err != nil {
		return err
	}
	o.noMagnesiumWarnings()
	if o.Today {
		logged, err := todaysItems(o, t)
		if err != nil {
			return err
		}
		items = append(items, logged...)
		if err := stack.CheckCount(len(items)); err != nil {
			return usageError(err)
		}
	}
	var diet *float64
	if o.Diet != nil {
		d, err := units.ParseElementalOrZero(*o.Diet, t.MgPerMmol())
		if err != nil {
			return usageError(prefixed("--diet", err))
		}
		diet = &d
	}
	lt, limit, err := o.Person.applied(o.Root.tables, o.Root.config)
	if err != nil {
		return err
	}
	unit, err := units.ParseUnit(o.Unit, t.MgPerMmol())
	if err != nil {
		return usageError(prefixed("--unit", err))
	}
	total := dose.Sum(items, limit, diet, lt.Reference(limit.Authority))
	total.Others = o.Person.others(lt)
	report := render.NewTotal(total).WithUnit(unit)
	if o.Headroom || len(o.With) > 0 {
		products := items
		if len(o.With) > 0 {
			products = nil
			for _, w := range o.With {
				it, err := stack.ParseItem(t, w)
				if err != nil {
					return formError(oneItem("--with", w, prefixed("--with", err)))
				}
				products = append(products, it)
			}
		}
		report = report.WithHeadroom(total.Headroom(products))
	}
	if err := o.Root.print(o.IO, report); err != nil {
		return err
	}
	if total.Check.Over {
		return errOverLimit
	}
	return nil
}

// readStack reads and parses a stack file; every problem is a data error
// that names the file, and the line and field where it can.
func readStack(s *IO, t *forms.Table, path string) ([]stack.Item, error) {
	b, err := readUser(s, path, stack.MaxStackSize)
	if path == "-" {
		path = "<stdin>"
	}
	if err != nil {
		return nil, dataError(msg.Errorf("stack file %s: %s", path, err))
	}
	items, err := stack.ParseStack(t, b)
	if err != nil {
		return nil, dataError(fileError(path, err))
	}
	return items, nil
}

// readStackCSV reads a stack given as CSV (total --csv).
func readStackCSV(s *IO, t *forms.Table, path string, comma byte, count *stack.Count) ([]stack.Item, error) {
	f, err := openUser(s, path)
	if err != nil {
		return nil, dataError(prefixed(path, err))
	}
	defer f.Close()
	items, err := stack.ParseCSV(f, t, comma, count)
	if err != nil {
		return nil, dataError(fileError(path, err))
	}
	return items, nil
}

// oneItem gives the error of a --with value that reads as a list of
// products (citrate:500,oxide:400, or one a line) the hint that --with
// takes one product: it is no list, since its amounts take a decimal
// comma (citrate:187,5).
func oneItem(flag, value string, m *msg.Message) *msg.Message {
	entries, _ := text.List(value)
	n := 0
	for _, e := range entries {
		if strings.Contains(e, ":") {
			n++
		}
	}
	if n < 2 {
		return m
	}
	return m.WithHint("%s takes one product: give it once for each, as in %s %s %s %s", flag, flag, text.Clip(entries[0]), flag, text.Clip(entries[1]))
}
