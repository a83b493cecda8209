package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/intake"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
	"github.com/mgcalc/mgcalc/pkg/units"
)

type totalOptions struct {
	Stack  string
	Diet   string
	person personOptions
}

func newTotalCmd(s *IO, root *rootOptions) *cobra.Command {
	o := &totalOptions{}
	cmd := &cobra.Command{
		Use:   "total [FORM[:VARIANT]:AMOUNT...]",
		Short: "Add up every product someone takes and compare with the upper limit",
		Long: `The elemental magnesium of every product someone takes, added up and compared
with the supplemental upper limit for the person (see 'mgcalc limits'). The
limit applies to the total across all products, not to each one.

Give products on the command line as FORM[:VARIANT]:AMOUNT (citrate:500,
chloride:anhydrous:1g), in a stack file with --stack, or both. A stack file
is a YAML list of products:

  - name: Calm Night          # optional
    form: bisglycinate        # FORM or FORM:VARIANT
    amount: 500 mg            # compound per capsule/scoop
    per_day: 2                # units a day (default 1)
  - name: Buffered glycinate
    form: bisglycinate
    elemental: 100 mg         # the label's Mg per unit: wins over the formula
  - form: citrate
    amount: 1 g
    assay: 14.5               # the raw material's Mg %, replaces the formula

--diet MG adds magnesium from food and water and compares the total intake
with the US RDA/AI; it never counts towards the upper limit, which covers
supplements and medicines only. Use --stack - to read the list from stdin.

Exit status: 0 at or under the upper limit (or where none is set), 3 above
it, 1 for a stack file that cannot be read or is broken, 2 for bad
arguments. -o value prints the supplemental total in mg.`,
		Example: `  mgcalc total citrate:500 bisglycinate:1000 oxide:250mg
  mgcalc total --stack my-supplements.yaml --authority efsa
  mgcalc total citrate:500 --diet 220
  mgcalc total --stack stack.yaml -o value || echo "over the limit"`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTotal(cmd, s, root, o, args)
		},
	}
	cmd.Flags().StringVar(&o.Stack, "stack", "", "YAML `file` listing the products taken (- for stdin)")
	cmd.Flags().StringVar(&o.Diet, "diet", "", "magnesium from food and water a day, e.g. 220 or 220mg (compared with the RDA, not the UL)")
	o.person.addFlags(cmd)
	cmd.ValidArgsFunction = func(c *cobra.Command, a []string, tc string) ([]string, cobra.ShellCompDirective) {
		out, d := completeForms(c, nil, tc)
		for i := range out {
			out[i] += ":"
		}
		return out, d | cobra.ShellCompDirectiveNoSpace
	}
	return cmd
}

func runTotal(cmd *cobra.Command, s *IO, root *rootOptions, o *totalOptions, args []string) error {
	t, err := kb.Forms()
	if err != nil {
		return dataError(err)
	}
	if len(args) == 0 && o.Stack == "" {
		return usageError(msg.Errorf("no products given").
			WithHint("give FORM:AMOUNT items (citrate:500) or --stack FILE"))
	}
	var items []intake.Item
	for _, a := range args {
		it, err := intake.ParseItem(t, a)
		if err != nil {
			return usageError(err)
		}
		items = append(items, it)
	}
	if o.Stack != "" {
		stack, err := readStack(s, t, o.Stack)
		if err != nil {
			return err
		}
		items = append(items, stack...)
	}
	var diet *float64
	if cmd.Flags().Changed("diet") {
		d, err := units.ParseMassOrZero(o.Diet)
		if err != nil {
			return usageError(msg.Errorf("--diet: %s", err.(*msg.Message)))
		}
		diet = &d
	}
	limit, person, err := o.person.limitFor(cmd)
	if err != nil {
		return err
	}
	r := &render.Total{Limit: limit, DietMg: diet}
	for _, it := range items {
		ti := render.TotalItem{Name: it.Name, Form: it.Form.Key, Variant: it.Variant.Key, Basis: string(it.Basis()),
			PerDay: it.PerDay, ElementalMg: it.ElementalMg(), StatedMg: it.StatedMg}
		if it.AssayPercent > 0 {
			pct := it.AssayPercent
			ti.AssayPct = &pct
		}
		if it.UnitMg > 0 {
			unit, compound := it.UnitMg, it.CompoundMg()
			ti.UnitMg, ti.CompoundMg = &unit, &compound
		}
		r.Items = append(r.Items, ti)
		if it.Warning != nil {
			r.Cautions = append(r.Cautions, msg.New("%s: %s", it.Name, it.Warning))
		}
	}
	if diet != nil {
		lt, err := kb.Limits()
		if err != nil {
			return dataError(err)
		}
		r.Intake = intakeOf(lt.USRDA, person)
	}
	r.Cautions = append(r.Cautions, personCautions(person, limit, limit.AdultMg)...)
	r.Finish()
	if err := s.Print(root.format, r); err != nil {
		return err
	}
	if r.Over {
		return errOverLimit
	}
	return nil
}

// readStack reads and parses a stack file; every problem is a data error
// that names the file, and the line and field where it can.
func readStack(s *IO, t *forms.Table, path string) ([]intake.Item, error) {
	var (
		b   []byte
		err error
	)
	if path == "-" {
		b, err = io.ReadAll(io.LimitReader(s.In, intake.MaxStackSize+1))
		path = "<stdin>"
	} else {
		b, err = readLimited(path, intake.MaxStackSize+1)
	}
	if err != nil {
		return nil, dataError(msg.Errorf("stack file %s: %s", path, err.Error()))
	}
	items, err := intake.ParseStack(t, b)
	if err != nil {
		se, ok := err.(*intake.StackError)
		if !ok {
			return nil, dataError(msg.Errorf("%s: %s", path, err.Error()))
		}
		m := msg.Errorf("%s:%d: %s", path, se.Line, se.Err)
		if se.Field != "" {
			m = msg.Errorf("%s:%d: %s: %s", path, se.Line, se.Field, se.Err)
		}
		m.Hint = se.Err.Hint
		return nil, dataError(m)
	}
	return items, nil
}

func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("no such file")
		}
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, max))
}
