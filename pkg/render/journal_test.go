package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/mgcalc/mgcalc/pkg/journal"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/stack"
)

var cet = time.FixedZone("CET", 3600)

// journalCase is a fortnight of a sensitive-gut sleep plan: doses, a
// missed day, a bad gut day, levothyroxine, an oil on the skin and a
// note.
func journalCase(t *testing.T) (*journal.Period, time.Time, limits.Applied) {
	t.Helper()
	k, err := kb.Plan()
	if err != nil {
		t.Fatal(err)
	}
	lt, _ := kb.Limits()
	ft, _ := kb.Forms()
	limit := lt.Authority("nih").For(limits.Person{})
	p, err := plan.Make(k, plan.Request{Goal: k.Goal("sleep"), Gut: plan.GutSensitive, Limit: limit})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	snap := journal.PlanOf(p, start, "08:00", "21:00", start)
	snap.ID = 1
	item := func(s string) journal.Taken {
		it, err := stack.ParseItem(ft, s)
		if err != nil {
			t.Fatal(err)
		}
		return journal.TakenOf(it, s)
	}
	var entries []journal.Entry
	add := func(e journal.Entry) {
		e.ID = uint64(len(entries) + 1)
		e.LoggedAt = e.At
		for _, it := range e.Items {
			if it.Counted {
				e.ElementalMg += it.ElementalMg
			}
		}
		if len(e.Items) > 0 {
			e.Limit = journal.LimitOf(limit)
		}
		entries = append(entries, e)
	}
	sp, dep, known := k.Medicine("levothyroxine")
	for d := 1; d <= 14; d++ {
		at := time.Date(2026, 12, d, 21, 0, 0, 0, cet)
		if d == 4 {
			continue // missed
		}
		add(journal.Entry{At: at, Items: []journal.Taken{item("bisglycinate:709.4")}})
		add(journal.Entry{At: at.Add(-14 * time.Hour), Med: journal.MedOf("Thyrax", sp, dep, known)})
	}
	oil := item("chloride:1000")
	oil.Route, oil.Counted = "skin", false
	add(journal.Entry{At: time.Date(2026, 12, 6, 22, 0, 0, 0, cet), Items: []journal.Taken{oil}, Note: "oil on the calves | after sport"})
	add(journal.Entry{At: time.Date(2026, 12, 10, 7, 30, 0, 0, cet), Gut: journal.GutLoose})
	now := time.Date(2026, 12, 14, 22, 0, 0, 0, cet)
	per := journal.MakePeriod([]journal.Plan{snap}, entries, now, start, now)
	return per, now, limit
}

// The journal's statements are valid FHIR R4: one per product and
// medicine taken, the dose in mg of elemental magnesium.
func TestJournalFHIRValidAgainstR4Schema(t *testing.T) {
	per, now, limit := journalCase(t)
	r := NewJournal(per, now, limit, "journal.db")
	b, err := r.Export(FHIR)
	if err != nil {
		t.Fatal(err)
	}
	if err := validateFHIR(t, b); err != nil {
		t.Fatalf("invalid FHIR R4:\n%v\n%s", err, b)
	}
	var bundle struct {
		ResourceType, Type string
		Entry              []struct {
			Resource struct {
				ResourceType, Status, EffectiveDateTime string
				Dosage                                  []struct {
					DoseAndRate []struct{ DoseQuantity struct{ Value float64 } }
				}
			}
		}
	}
	if err := json.Unmarshal(b, &bundle); err != nil {
		t.Fatal(err)
	}
	// 13 doses, 13 medicines, the oil; the gut entry has no statement
	if len(bundle.Entry) != 27 {
		t.Errorf("%d statements, want 27", len(bundle.Entry))
	}
	doses := 0
	for _, e := range bundle.Entry {
		if e.Resource.ResourceType != "MedicationStatement" || e.Resource.Status != "completed" {
			t.Errorf("a %s %s", e.Resource.Status, e.Resource.ResourceType)
		}
		if len(e.Resource.Dosage) == 1 && e.Resource.Dosage[0].DoseAndRate[0].DoseQuantity.Value == 100 {
			doses++
		}
	}
	if doses != 13 {
		t.Errorf("%d statements of 100 mg, want 13 (709.4 mg bisglycinate carries 100.0 mg)", doses)
	}
	again, _ := NewJournal(per, now, limit, "journal.db").Export(FHIR)
	if !bytes.Equal(b, again) {
		t.Error("the same journal gives other bytes")
	}
}

// The picture is one bar a day within 80 columns, coloured or plain, and
// marks the missed day and the bad gut day.
func TestJournalBarsFitAndMark(t *testing.T) {
	per, _, limit := journalCase(t)
	for _, color := range []bool{false, true} {
		var out bytes.Buffer
		term := NewTerm(&out, msg.EN, color, color)
		text := Bars(term, per.Days, limit, per.Today)
		lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
		bars := 0
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > 80 {
				t.Errorf("color %v: %d columns: %q", color, w, l)
			}
			if l != "" && !strings.HasPrefix(ansi.Strip(l), "#") && !strings.HasPrefix(ansi.Strip(l), "█") {
				bars++
			}
		}
		if bars != 14 {
			t.Errorf("color %v: %d bars for 14 days:\n%s", color, bars, text)
		}
		if !color && (strings.Contains(text, "█") || strings.Contains(text, "\x1b")) {
			t.Error("plain bars use block characters or escapes")
		}
		plain := ansi.Strip(text)
		if !strings.Contains(plain, "Fr 12-04") || !strings.Contains(strings.SplitAfter(plain, "Fr 12-04")[1], "missed") {
			t.Errorf("day 4 is not marked missed:\n%s", plain)
		}
		// the bad gut day keeps its own dose; the next days pause
		if !strings.Contains(plain, "Th 12-10 ") || !strings.Contains(strings.SplitAfter(plain, "Th 12-10 ")[1], "100/100 mg ! loose\n") {
			t.Errorf("the bad gut day is not marked:\n%s", plain)
		}
	}
}

// The report for a doctor is one page: every day a row, and the entries
// with their amounts; cells cannot break the table.
func TestJournalMarkdown(t *testing.T) {
	per, now, limit := journalCase(t)
	md := NewJournal(per, now, limit, "journal.db").Markdown()
	for _, want := range []string{
		"# Magnesium taken, 2026-12-01 to 2026-12-14",
		"- **Adherence**: 9 of 10 planned doses logged (90 %)",
		"- **Bad gut days** (loose stools, stomach cramps or nausea): 1.",
		"| 2026-12-04 | 100 | missed |",
		// the bad gut day was planned at the dose it began with, which was
		// taken: the next days step back, not the day itself
		"| 2026-12-10 | 100 | 100 | 29 | loose |",
		"| 2026-12-11 | 0 | 100 |",
		"oil on the calves \\| after sport",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, md)
		}
	}
	if n := strings.Count(md, "\n"); n > 80 {
		t.Errorf("%d lines: more than a page", n)
	}
}
