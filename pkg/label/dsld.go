package label

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// MaxDSLDSize bounds a DSLD file; MaxDSLDLabels the labels in one.
const (
	MaxDSLDSize   = 32 << 20
	MaxDSLDLabels = 100000
	maxDSLDRows   = 1000 // rows (nested ones too) of one label
	maxDSLDDepth  = 4    // nesting of rows
)

// The DSLD v9 label, as GET /v9/label/{id} gives it (the fields mgcalc
// reads; the others are ignored). Amounts are per servingSizeQuantity
// units of the serving with servingSizeOrder.
type dsldLabel struct {
	ID             json.RawMessage `json:"id"`
	FullName       string          `json:"fullName"`
	BrandName      string          `json:"brandName"`
	ServingSizes   []dsldServing   `json:"servingSizes"`
	IngredientRows []dsldRow       `json:"ingredientRows"`
	Other          *dsldOther      `json:"otheringredients"`
}

type dsldServing struct {
	Order            float64  `json:"order"`
	MinQuantity      *float64 `json:"minQuantity"`
	MaxQuantity      *float64 `json:"maxQuantity"`
	MinDailyServings *float64 `json:"minDailyServings"`
	MaxDailyServings *float64 `json:"maxDailyServings"`
	Unit             string   `json:"unit"`
}

type dsldRow struct {
	Name            string         `json:"name"`
	IngredientGroup string         `json:"ingredientGroup"`
	Category        string         `json:"category"`
	Quantity        []dsldQuantity `json:"quantity"`
	Forms           []dsldForm     `json:"forms"`
	NestedRows      []dsldRow      `json:"nestedRows"`
}

type dsldQuantity struct {
	ServingSizeOrder    float64 `json:"servingSizeOrder"`
	ServingSizeQuantity float64 `json:"servingSizeQuantity"`
	Operator            string  `json:"operator"`
	Quantity            float64 `json:"quantity"`
	Unit                string  `json:"unit"`
	DailyValue          []struct {
		Percent  *float64 `json:"percent"`
		Operator string   `json:"operator"`
	} `json:"dailyValueTargetGroup"`
}

type dsldForm struct {
	Name   string `json:"name"`
	Prefix string `json:"prefix"`
}

type dsldOther struct {
	Text        string `json:"text"`
	Ingredients []struct {
		Name string `json:"name"`
	} `json:"ingredients"`
}

// dsldUnits are DSLD's units of amounts, as the label text reader reads
// them; others (IU, mcg DFE, NP) are no amount of magnesium.
func dsldUnits(w string) (string, bool) {
	switch w {
	case "mg", "milligram(s)":
		return "mg", true
	case "g", "gram(s)":
		return "g", true
	case "mcg", "µg", "microgram(s)":
		return "mcg", true
	case "mmol":
		return "mmol", true
	case "meq":
		return "meq", true
	}
	return "", false
}

// ParseDSLD reads a DSLD v9 label, an array of labels, or a search answer
// ({"hits": [{"_source": label}]}). Each label's rows are read with the
// text grammar, one row a line ("Magnesium (as Magnesium Citrate) 200 mg
// 48% DV"), nested rows grouped with their parent; its serving and daily
// servings come from servingSizes, its other ingredients are an
// ingredient list. Errors are for JSON that is no DSLD label.
func ParseDSLD(b []byte, o Options) ([]*Label, error) {
	if o.Forms == nil {
		return nil, errors.New("label: no form table")
	}
	if len(b) > MaxDSLDSize {
		return nil, msg.Errorf("the DSLD file is larger than %d MiB", MaxDSLDSize>>20)
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	trimmed := bytes.TrimSpace(b)
	if len(trimmed) == 0 {
		return nil, msg.Errorf("the DSLD file is empty")
	}
	var docs []*dsldLabel
	switch trimmed[0] {
	case '[':
		// one label at a time, so a file of many is parsed once
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		if _, err := dec.Token(); err != nil {
			return nil, jsonError(err)
		}
		for dec.More() {
			if len(docs) == MaxDSLDLabels {
				return nil, msg.Errorf("the DSLD file holds more than %d labels", MaxDSLDLabels)
			}
			d := &dsldLabel{}
			if err := dec.Decode(d); err != nil {
				var se *json.SyntaxError
				if errors.As(err, &se) {
					return nil, jsonError(err)
				}
				return nil, &LabelError{Index: len(docs) + 1, Err: jsonError(err)}
			}
			docs = append(docs, d)
		}
		if _, err := dec.Token(); err != nil {
			return nil, jsonError(err)
		}
	case '{':
		// a label, or a search answer whose hits hold labels
		var doc struct {
			dsldLabel
			Hits []struct {
				Source *dsldLabel `json:"_source"`
			} `json:"hits"`
		}
		if err := decode(trimmed, &doc); err != nil {
			return nil, err
		}
		if len(doc.Hits) > MaxDSLDLabels {
			return nil, msg.Errorf("the DSLD file holds more than %d labels", MaxDSLDLabels)
		}
		for _, h := range doc.Hits {
			if h.Source != nil {
				docs = append(docs, h.Source)
			}
		}
		if len(doc.Hits) == 0 {
			docs = []*dsldLabel{&doc.dsldLabel}
		}
	default:
		return nil, msg.Errorf("not DSLD JSON: a label is a JSON object, or an array of them")
	}
	if len(docs) == 0 {
		return nil, msg.Errorf("the DSLD file holds no label")
	}
	out := make([]*Label, 0, len(docs))
	for i, d := range docs {
		l, err := readDSLD(d, o)
		if err != nil {
			return nil, &LabelError{Index: i + 1, Err: err.(*msg.Message)}
		}
		out = append(out, l)
	}
	return out, nil
}

// LabelError locates a problem in the n-th label of a DSLD file.
type LabelError struct {
	Index int
	Err   *msg.Message
}

func (e *LabelError) Error() string { return "label " + strconv.Itoa(e.Index) + ": " + e.Err.Error() }
func (e *LabelError) Unwrap() error { return e.Err }

func decode(b []byte, v any) *msg.Message {
	if err := json.Unmarshal(b, v); err != nil {
		return jsonError(err)
	}
	return nil
}

// jsonError words a JSON error without Go's type names.
func jsonError(err error) *msg.Message {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return msg.Errorf("not valid JSON at byte %d", se.Offset)
	case errors.As(err, &te):
		return msg.Errorf("not a DSLD label: %s is a JSON %s", strings.TrimPrefix(te.Field, "dsldLabel."), te.Value)
	}
	return msg.Errorf("not valid JSON")
}

func readDSLD(d *dsldLabel, o Options) (*Label, error) {
	r := newReader(o)
	r.label.ID = strings.Trim(string(d.ID), `"`)
	r.label.Rows = true
	r.label.Name = strings.TrimSpace(strings.TrimSpace(d.BrandName) + " " + strings.TrimSpace(d.FullName))
	if len(r.label.ID) > 40 {
		return nil, msg.Errorf("the label's id is longer than 40 characters")
	}
	order := 1.0
	var serving *dsldServing
	if len(d.ServingSizes) > 0 {
		serving = &d.ServingSizes[0]
		if serving.Order > 0 {
			order = serving.Order
		}
	}
	n, group := 0, 0
	basis := 0.0 // the serving units the amounts are per
	var walk func(rows []dsldRow, depth, g int) error
	walk = func(rows []dsldRow, depth, g int) error {
		if depth > maxDSLDDepth {
			return msg.Errorf("rows are nested more than %d deep", maxDSLDDepth)
		}
		for i := range rows {
			row := &rows[i]
			n++
			if n > maxDSLDRows {
				return msg.Errorf("the label has more than %d ingredient rows", maxDSLDRows)
			}
			rg := g
			if depth == 0 && len(row.NestedRows) > 0 {
				group++
				rg = group
			}
			text, q := row.text(order)
			if q != nil && basis == 0 && q.ServingSizeQuantity > 0 {
				basis = q.ServingSizeQuantity
			}
			before := len(r.label.Lines)
			if len(text) <= MaxLineSize {
				r.readLine(r.scan(n, text))
			}
			for k := before; k < len(r.label.Lines); k++ {
				r.label.Lines[k].group = rg
			}
			if err := walk(row.NestedRows, depth+1, rg); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(d.IngredientRows, 0, 0); err != nil {
		return nil, err
	}
	if d.Other != nil {
		var names []string
		for _, ing := range d.Other.Ingredients {
			if s := strings.TrimSpace(ing.Name); s != "" {
				names = append(names, strings.ReplaceAll(s, ",", " "))
			}
		}
		text := "Other ingredients: " + strings.Join(names, ", ")
		if len(names) == 0 && strings.TrimSpace(d.Other.Text) != "" {
			text = "Other ingredients: " + d.Other.Text
		}
		if len(text) <= MaxLineSize {
			n++
			r.readLine(r.scan(n, text))
		}
	}
	r.dsldServing(serving, basis)
	l := r.finish()
	return l, nil
}

// text is a DSLD row as a label prints it: "Magnesium (as Magnesium
// Citrate) 200 mg 48% DV", with the quantity of the serving order given.
func (row *dsldRow) text(order float64) (string, *dsldQuantity) {
	var b strings.Builder
	b.WriteString(oneLine(row.Name))
	if len(row.Forms) > 0 {
		b.WriteString(" (")
		for i, f := range row.Forms {
			if i > 0 {
				b.WriteString(", ")
			}
			prefix := strings.ToLower(strings.TrimSpace(f.Prefix))
			if prefix == "" || strings.ContainsAny(prefix, "()") {
				prefix = "as"
			}
			b.WriteString(oneLine(prefix) + " " + oneLine(f.Name))
		}
		b.WriteString(")")
	}
	var q *dsldQuantity
	for i := range row.Quantity {
		if row.Quantity[i].ServingSizeOrder == order || row.Quantity[i].ServingSizeOrder == 0 {
			q = &row.Quantity[i]
			break
		}
	}
	if q == nil && len(row.Quantity) > 0 {
		q = &row.Quantity[0]
	}
	if q != nil && q.Quantity > 0 && q.Quantity < 1e9 {
		unit := strings.ToLower(strings.TrimSpace(q.Unit))
		if u, ok := dsldUnits(unit); ok {
			unit = u
		} else {
			unit = "IU" // not an amount of magnesium
		}
		b.WriteString(" " + strconv.FormatFloat(q.Quantity, 'f', -1, 64) + " " + unit)
		for _, dv := range q.DailyValue {
			if dv.Percent != nil && *dv.Percent >= 0 && *dv.Percent < 1e6 {
				if dv.Operator == "<" {
					b.WriteString(" <")
				}
				b.WriteString(" " + strconv.FormatFloat(*dv.Percent, 'f', -1, 64) + "% DV")
				break
			}
		}
	}
	return b.String(), q
}

// oneLine keeps a DSLD text on one line and without the brackets the row
// grammar uses.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t':
			return ' '
		}
		return r
	}, s)), " ")
}

// dsldServing sets the serving and the servings a day from servingSizes:
// the amounts are per basis units (servingSizeQuantity); a serving is
// minQuantity to maxQuantity units, taken minDailyServings to
// maxDailyServings times a day.
func (r *reader) dsldServing(s *dsldServing, basis float64) {
	if s == nil {
		return
	}
	unit := countUnit(strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s.Unit), "(s)")))
	lo, hi := val(s.MinQuantity), val(s.MaxQuantity)
	if hi == 0 {
		hi = lo
	}
	if lo == 0 {
		lo = hi
	}
	if basis == 0 {
		basis = hi
	}
	if basis > 0 {
		r.label.Serving = Serving{Count: Range{basis, basis}, Unit: unit, Text: strings.TrimSpace(strconv.FormatFloat(basis, 'f', -1, 64) + " " + s.Unit)}
		r.servingRank = 4
	}
	dlo, dhi := val(s.MinDailyServings), val(s.MaxDailyServings)
	if dhi == 0 {
		dhi = dlo
	}
	if dlo == 0 {
		dlo = dhi
	}
	if dhi > 0 && hi > 0 && basis > 0 {
		r.directions = append(r.directions, direction{units: Range{lo * dlo, hi * dhi}, unit: unit,
			text: strings.TrimSpace(strconv.FormatFloat(lo, 'f', -1, 64) + "-" + strconv.FormatFloat(hi, 'f', -1, 64) + " " + s.Unit)})
		if unit == "" {
			r.label.Serving.Unit = servingKey
			r.directions[len(r.directions)-1].unit = servingKey
			r.directions[len(r.directions)-1].units = Range{lo * dlo / basis, hi * dhi / basis}
		}
	}
}

func val(p *float64) float64 {
	if p == nil || !(*p > 0) || *p > 1e6 {
		return 0
	}
	return *p
}
