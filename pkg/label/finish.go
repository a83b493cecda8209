package label

import (
	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/msg"
)

// finish assembles the label once every line is read: magnesium named
// without an amount, the form of elemental doses, the same magnesium
// printed twice, the serving and the servings a day, and the % RI checks.
func (r *reader) finish() *Label {
	l := &r.label
	r.pairLines()
	doses := false
	for _, ln := range l.Lines {
		doses = doses || ln.Kind == Dose
	}
	for _, m := range r.mentions {
		ln := &l.Lines[m.line]
		switch {
		case m.blend != nil:
			ln.Kind, ln.Reason = Unreadable, ReasonBlend
			text := ln.Text
			if m.blend.n != ln.Line {
				text = m.blend.text + " … " + ln.Text
			}
			ln.Err = blendError(text)
		case !doses:
			ln.Kind = Unreadable
			ln.Err = msg.Errorf("%q names magnesium but gives no amount", clipShort(ln.Text)).
				WithHint("expected an amount such as 200 mg on this line or the next")
		}
	}
	r.inferForms()
	r.perDay()
	for i := range l.Lines {
		ln := &l.Lines[i]
		if ln.Kind == Dose && ln.RI != nil {
			checkRI(ln.RI, ln.ElementalMg, r.o.Refs, r.ri)
		}
	}
	return l
}

// inferForms gives an elemental dose whose line names no salt the form of
// the salts the label names elsewhere (its ingredient list): one form is
// that form, several are mixed, none is unknown. It never splits a dose
// between salts.
func (r *reader) inferForms() {
	var first *source
	mixed := false
	for i := range r.sources {
		s := &r.sources[i]
		switch {
		case first == nil:
			first = s
		case s.form != first.form:
			mixed = true
		}
	}
	for i := range r.label.Lines {
		ln := &r.label.Lines[i]
		if ln.Kind != Dose || ln.Form != nil || ln.FormName != "" {
			continue
		}
		switch {
		case mixed:
			ln.FormName = FormMixed
		case first != nil:
			ln.Form, ln.FormFrom = first.form, first.line
		default:
			ln.FormName = FormUnknown
		}
	}
}

// pairLines counts the same magnesium printed twice once: a compound
// line and an elemental line of the same salt whose amounts fit together
// (a Drug Facts "Magnesium Oxide 420 mg" beside "Magnesium (as Magnesium
// Oxide) 253 mg"; DSLD rows) are one dose, and the elemental figure is
// the dose. They pair only when exactly one elemental line can be the
// compound's magnesium (for rows of one DSLD parent: in that parent); if
// their amounts cannot fit, the magnesium is refused.
func (r *reader) pairLines() {
	lines := r.label.Lines
	for i := range lines {
		c := &lines[i]
		if c.Kind != Dose || c.Declared != Compound {
			continue
		}
		var match *Line
		n := 0
		for j := range lines {
			e := &lines[j]
			if e.Kind != Dose || e.Declared != Elemental || e.CompoundMg > 0 {
				continue
			}
			if c.group != 0 && e.group != c.group {
				continue
			}
			if e.Form != nil && e.Form != c.Form || e.FormName == FormMixed {
				continue
			}
			match, n = e, n+1
		}
		if n != 1 {
			continue
		}
		check := dose.CheckLabel(r.o.Forms, c.Form, variantNamed(c), c.CompoundMg, match.ElementalMg)
		if check.Verdict == dose.Impossible && !check.RicherSalt {
			// one magnesium printed twice, as amounts no salt of the form
			// can carry: a typo, swapped rows or a blend; counting both
			// would double it, and choosing one would be a guess
			{
				match.Kind, match.Reason = Unreadable, ReasonImpossible
				match.Err = msg.Errorf("%q and %q: %s mg magnesium cannot come from %s mg %s, which carries at most %s mg",
					clipShort(match.Text), clipShort(c.Text), msg.A(match.ElementalMg), msg.A(c.CompoundMg), c.Form.Name,
					msg.N(c.CompoundMg*c.Form.MaxFraction(), 1)).
					WithHint("no magnesium salt carries that much: the lines are likely swapped or mistyped; if you trust the label's magnesium, count it as magnesium:%s", msg.A(match.ElementalMg))
				c.Kind, c.Reason, c.SameAs, c.ElementalMg = Other, ReasonSameAs, match.Line, 0
			}
			continue
		}
		match.Declared, match.CompoundMg, match.Check = Both, c.CompoundMg, &check
		match.Form, match.FormName, match.FormFrom = c.Form, "", 0
		match.Variant = variantNamed(c)
		c.Kind, c.Reason, c.SameAs = Other, ReasonSameAs, match.Line
		c.ElementalMg = 0
	}
}

// variantNamed is the variant a compound line names, or nil when it took
// the form's default.
func variantNamed(l *Line) *forms.Variant { return l.named }

// perDay works out how many servings a day the directions give.
func (r *reader) perDay() {
	l := &r.label
	s := l.Serving
	if s.Day {
		l.PerDay, l.PerDayStated = Range{1, 1}, true
		return
	}
	if len(r.directions) == 0 {
		l.PerDay = Range{1, 1}
		if len(l.Doses()) > 0 {
			l.Notes = append(l.Notes, msg.New("the label gives no daily amount: one serving a day is counted (mgcalc's rule)"))
		}
		return
	}
	d := r.directions[0]
	units := d.units
	for _, o := range r.directions[1:] {
		if o.unit == d.unit {
			units.Min, units.Max = min(units.Min, o.units.Min), max(units.Max, o.units.Max)
		}
	}
	l.Directions, l.DirectionsLine = d.text, d.line
	switch {
	case d.unit == servingKey:
		l.PerDay = units
	case s.Unit == "" || s.Unit == servingKey && s.Count.Max <= 1 && r.servingRank <= 1:
		// the amounts are per one of what the directions count
		l.PerDay = units
		if l.Serving.Unit == "" {
			l.Serving.Count, l.Serving.Unit = Range{1, 1}, d.unit
		}
		if len(l.Doses()) > 0 {
			l.Notes = append(l.Notes, msg.New("the label does not say what its amounts are per: they are read as per %s, the unit of its directions (mgcalc's rule)", unitName(d.unit)))
		}
	case s.Unit == d.unit && s.Count.Max > 0:
		l.PerDay = Range{units.Min / s.Count.Max, units.Max / s.Count.Max}
	default:
		l.PerDay = Range{1, 1}
		l.Notes = append(l.Notes, msg.New("the directions count %s and the serving %s: one serving a day is counted (mgcalc's rule)", unitName(d.unit), unitName(s.Unit)))
		return
	}
	l.PerDayStated = true
	if l.PerDay.Max > MaxServingsPerDay || !(l.PerDay.Min > 0) {
		r.add(Line{Line: d.line, Text: d.text, Kind: Unreadable, Reason: ReasonBadAmount,
			Err: msg.Errorf("%q: the directions give %s servings a day, which mgcalc does not read as a dose", clipShort(d.text), msg.A(l.PerDay.Max))})
		l.PerDay = Range{1, 1}
	}
}

// UnitWord is a serving unit (Serving.Unit) as a word people read, for n
// of them (a message, for its Dutch).
func UnitWord(key string, n float64) *msg.Message {
	one := n == 1
	switch key {
	case "tablet":
		if one {
			return msg.New("tablet")
		}
		return msg.New("tablets")
	case "capsule":
		if one {
			return msg.New("capsule")
		}
		return msg.New("capsules")
	case "scoop":
		if one {
			return msg.New("scoop")
		}
		return msg.New("scoops")
	case "sachet":
		if one {
			return msg.New("sachet")
		}
		return msg.New("sachets")
	case "tablespoon":
		if one {
			return msg.New("tablespoon")
		}
		return msg.New("tablespoons")
	case "teaspoon":
		if one {
			return msg.New("teaspoon")
		}
		return msg.New("teaspoons")
	case "gummy":
		if one {
			return msg.New("gummy")
		}
		return msg.New("gummies")
	case "drop":
		if one {
			return msg.New("drop")
		}
		return msg.New("drops")
	case "ampoule":
		if one {
			return msg.New("ampoule")
		}
		return msg.New("ampoules")
	}
	if one {
		return msg.New("serving")
	}
	return msg.New("servings")
}

func unitName(key string) *msg.Message { return UnitWord(key, 1) }
