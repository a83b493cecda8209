package msg

import "testing"

func TestVerb(t *testing.T) {
	for _, c := range []struct {
		format string
		i      int
		want   byte
	}{
		{"%s: %q", 0, 's'},
		{"%s: %q", 1, 'q'},
		{"100 %% of %s", 0, 's'},
		{"%d more (%s mg)", 1, 's'},
		{"%-10s|%5.1f|%v", 2, 'v'},
		{"%*d %s", 2, 's'}, // the width takes an argument
		{"%[2]s %[1]s", 0, 0},
		{"%s", 1, 0},
		{"trailing %", 0, 0},
	} {
		if got := verb(c.format, c.i); got != c.want {
			t.Errorf("verb(%q, %d) = %q, want %q", c.format, c.i, got, c.want)
		}
	}
}

func TestData(t *testing.T) {
	d := NewData(
		map[string]string{"form.oxide.name": "magnesiumoxide", "stale": "x"},
		map[string]string{"form.oxide.name": "magnesium oxide", "goal.sleep.name": "sleep"})
	if d.Len() != 1 {
		t.Fatalf("Len = %d, want 1 (a translation without English is dropped)", d.Len())
	}
	p := EN.WithData(d)
	for _, c := range []struct{ key, en, want string }{
		{"form.oxide.name", "magnesium oxide", "magnesiumoxide"},
		{"", "magnesium oxide", "magnesiumoxide"},
		{"form.oxide.name", "magnesium oxide, anhydrous", "magnesium oxide, anhydrous"},
		{"goal.sleep.name", "sleep", "sleep"}, // no translation: English
	} {
		if got := p.Data(c.key, c.en); got != c.want {
			t.Errorf("Data(%q, %q) = %q, want %q", c.key, c.en, got, c.want)
		}
	}
	if got := EN.Data("form.oxide.name", "magnesium oxide"); got != "magnesium oxide" {
		t.Errorf("without data: %q", got)
	}
	m := Errorf("%s is not %q", "magnesium oxide", "magnesium oxide")
	if got, want := p.Message(m), `magnesiumoxide is not "magnesium oxide"`; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
	if got, want := m.Error(), `magnesium oxide is not "magnesium oxide"`; got != want {
		t.Errorf("Error = %q, want %q: errors stay English", got, want)
	}
}

// Entries that share their English are one text: the first by key is
// kept, so a lookup by text finds one translation whatever the order.
func TestDataSharedEnglish(t *testing.T) {
	e := []DataEntry{{"b", "same", "B"}, {"a", "same", "A"}, {"c", "other", "C"}}
	d := SortedData(e)
	if d.Len() != 3 || EN.WithData(d).DataText("same") != "A" || EN.WithData(d).Data("b", "same") != "B" {
		t.Errorf("len %d, by text %q, by key %q", d.Len(), EN.WithData(d).DataText("same"), EN.WithData(d).Data("b", "same"))
	}
}
