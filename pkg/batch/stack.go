package batch

import (
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/stack"
)

// StackCSV reads a stack as CSV: a header row of stack-file field names
// (name, form, amount, per_day, elemental, assay, route, in any order and
// case) and one product a row; empty cells are absent fields. Every row
// is checked by the same rule as a stack file's entries. Errors are
// *stack.StackError (a field's problem) or *LineError.
func StackCSV(r io.Reader, t *forms.Table) ([]stack.Item, error) {
	cr, header, err := openCSV(r)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(header))
	known := stack.Fields()
	for i, h := range header {
		names[i] = strings.ToLower(strings.TrimSpace(h))
		if !slices.Contains(known, names[i]) {
			return nil, &LineError{Line: 1, Err: msg.Errorf("unknown column %q", h).WithHint("the columns are: %s", strings.Join(known, ", "))}
		}
		if slices.Contains(names[:i], names[i]) {
			return nil, &LineError{Line: 1, Err: msg.Errorf("column %q is given twice", h)}
		}
	}
	if !slices.Contains(names, "form") {
		return nil, &LineError{Line: 1, Err: msg.Errorf("no form column").WithHint("the header needs form, and amount or elemental")}
	}
	cr.FieldsPerRecord = len(header)
	var items []stack.Item
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && pe.Err == csv.ErrFieldCount {
				return nil, &LineError{Line: pe.StartLine, Err: msg.Errorf("%d fields where the header has %d", len(rec), len(header))}
			}
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if len(items) == stack.MaxItems {
			return nil, &LineError{Line: line, Err: msg.Errorf("more than %d products", stack.MaxItems)}
		}
		fields := map[string]*stack.Field{}
		for i, v := range rec {
			if v = strings.TrimSpace(v); v != "" {
				fields[names[i]] = &stack.Field{Value: v, Line: line}
			}
		}
		it, err := stack.ParseFields(t, fields, line)
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		return nil, &LineError{Line: 1, Err: msg.Errorf("the file lists no products")}
	}
	return items, nil
}
