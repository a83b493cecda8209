package stack

import (
	"io"
	"slices"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/records"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// ParseCSV reads a stack as CSV: a header row of stack-file field names
// (name, form, amount, per_day, elemental, assay, route, in any order and
// case) and one product a row; empty cells are absent fields. Every row
// is checked by the same rule as a stack file's entries (ParseFields).
// comma is the delimiter (0: the header's); count, when not nil, counts
// the products of the command the file is one input of, so reading stops
// at the limit. Errors are *StackError.
func ParseCSV(r io.Reader, t *forms.Table, comma byte, count *Count) ([]Item, error) {
	if count == nil {
		count = &Count{}
	}
	cr, header, err := records.OpenCSV(r, comma)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(header))
	for i, h := range header {
		names[i] = strings.ToLower(strings.TrimSpace(h))
		if !slices.Contains(stackFields, names[i]) {
			hint := msg.New("the columns are: %s", strings.Join(stackFields, ", "))
			if m := cr.Misread(); m != nil {
				hint = m
			}
			return nil, &StackError{Line: 1, Err: msg.Errorf("unknown column %q", text.Clip(h)).WithHint("%s", hint)}
		}
	}
	if !slices.Contains(names, "form") {
		return nil, &StackError{Line: 1, Err: msg.Errorf("no form column").WithHint("the header needs form, and amount or elemental")}
	}
	var items []Item
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line := cr.Line()
		if err := count.Add(line); err != nil {
			return nil, err
		}
		fields := map[string]*Field{}
		for i, v := range rec {
			if v = strings.TrimSpace(v); v != "" {
				fields[names[i]] = &Field{Value: v, Line: line}
			}
		}
		it, err := ParseFields(t, fields, line)
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		return nil, &StackError{Line: 1, Err: msg.Errorf("the file lists no products")}
	}
	return items, nil
}
