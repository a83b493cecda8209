package msg

import "testing"

func TestPrinter(t *testing.T) {
	p := EN
	for in, want := range map[float64]string{500: "500", 0.5: "0.5", 618.43: "618.43", 193.461: "193.461", 0.001: "0.001", 0.00004: "0"} {
		if got := p.Amount(in); got != want {
			t.Errorf("Amount(%v) = %q, want %q", in, got, want)
		}
	}
	if got := p.Num(-0.04, 1); got != "0.0" {
		t.Errorf("Num(-0.04, 1) = %q: no negative zero", got)
	}
	m := Errorf("%s, age %s: %d%%", New("adults"), N(6.5, 1), 3).WithHint("try %s", "x")
	if m.Error() != "adults, age 6.5: 3%" || m.Hint.Error() != "try x" {
		t.Errorf("message = %q, hint %q", m.Error(), m.Hint.Error())
	}
	nl := Printer{lang: "nl", cat: &catalogue{messages: []Translation{{"adults", "volwassenen"}},
		help: []HelpText{{"a.long", Digest("About %s."), "Over %s."}, {"b.short", Digest("B"), "Bee"}}}, point: ','}
	if got := nl.Message(m); got != "volwassenen, age 6,5: 3%" {
		t.Errorf("a catalogue and decimal comma: %q", got)
	}
	if got := nl.Help("a.long", "About %s.", "x"); got != "Over x." {
		t.Errorf("help by key: %q", got)
	}
	if got := nl.Help("c.long", "Cee %d%%", 5); got != "Cee 5%" {
		t.Errorf("help without a translation is the English: %q", got)
	}
	if got := EN.Help("b.short", "B"); got != "B" {
		t.Errorf("English help: %q", got)
	}
	if _, ok := NewPrinter("xx"); ok {
		t.Error("a printer for an unknown language")
	}
}

// Words of another language people type are read as their English, by
// the one fold of typed names, in every language of the output.
func TestWord(t *testing.T) {
	for _, c := range []struct{ kind, in, want string }{
		{"sex", "vrouw", "female"}, {"sex", " Vrouw ", "female"}, {"sex", "Mannelijk", "male"}, {"gut", "gevoelig", "sensitive"},
		{"kidney", "ver-minderd", "impaired"}, {"flag", "zwanger", "pregnant"}, {"flag", "borstvoeding", "lactating"},
	} {
		if got, ok := Word(c.kind, c.in); !ok || got != c.want {
			t.Errorf("Word(%s, %q) = %q, %v; want %q", c.kind, c.in, got, ok, c.want)
		}
	}
	for _, c := range []struct{ kind, in string }{{"sex", "female"}, {"gut", "vrouw"}, {"sex", "vrouwд"}, {"flag", "pregnant"}, {"flag", ""}} {
		if got, ok := Word(c.kind, c.in); ok {
			t.Errorf("Word(%s, %q) = %q", c.kind, c.in, got)
		}
	}
}

// EN, written out as constant data, is the printer NewPrinter makes.
func TestENIsNewPrinter(t *testing.T) {
	if p, ok := NewPrinter(English); !ok || p != EN {
		t.Errorf("NewPrinter(English) = %+v, EN = %+v", p, EN)
	}
}

// A product a hint names is written as the command in use takes one: two
// arguments where it takes FORM AMOUNT, one where it takes FORM:AMOUNT
// (the default), in a data text's translation too (users' review 2).
func TestItemSyntax(t *testing.T) {
	it := Item{Form: "hydroxide", Amount: "1200mg"}
	by := BySyntax{Arg: New("ask %s", "compound"), Item: New("add %s", Item{Form: "magnesium", Amount: "100mg"})}
	d := DataItem{Key: "k", English: "as {item} for 15 mL", Item: it}
	m := Errorf("%s; %s; %s", it, by, d)
	if got := m.Error(); got != "hydroxide:1200mg; add magnesium:100mg; as hydroxide:1200mg for 15 mL" {
		t.Errorf("default syntax: %q", got)
	}
	if got := EN.WithSyntax(ArgSyntax).Message(m); got != "hydroxide 1200mg; ask compound; as hydroxide 1200mg for 15 mL" {
		t.Errorf("two arguments: %q", got)
	}
	nl := EN.WithData(SortedData([]DataEntry{{"k", "as {item} for 15 mL", "als {item} voor 15 mL"}})).WithSyntax(ArgSyntax)
	if got := nl.Message(Errorf("%s", d)); got != "als hydroxide 1200mg voor 15 mL" {
		t.Errorf("a translated data text: %q", got)
	}
}
