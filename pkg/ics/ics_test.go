package ics

import (
	"bytes"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"
)

const prodID = "-//mgcalc//mgcalc test//EN"

// stamp is 09:30 at UTC+1, so DTSTAMP must read 08:30Z.
var stamp = time.Date(2024, 3, 1, 9, 30, 0, 0, time.FixedZone("CET", 3600))

// ist is a zone far from UTC: floating times must keep its wall clock.
var ist = time.FixedZone("IST", 5*3600+1800)

func write(t *testing.T, events ...Event) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, prodID, stamp, events); err != nil {
		t.Fatalf("Write: %v", err)
	}
	checkPhysicalLines(t, b.Bytes())
	return b.Bytes()
}

// checkPhysicalLines asserts the framing rules of RFC 5545 3.1: every line
// ends in CR LF (no bare CR or LF anywhere), no line exceeds 75 octets, no
// line holds a split UTF-8 sequence, and continuation lines start with a
// space.
func checkPhysicalLines(t *testing.T, out []byte) {
	t.Helper()
	s := string(out)
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatalf("output does not end in CRLF: %q", s)
	}
	if n := strings.Count(s, "\n"); n != strings.Count(s, "\r\n") || n != strings.Count(s, "\r") {
		t.Fatalf("bare CR or LF in output: %q", s)
	}
	for i, l := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets: %q", i, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i, l)
		}
		if i == 0 && l != "BEGIN:VCALENDAR" {
			t.Errorf("first line %q", l)
		}
		if l == "" {
			t.Errorf("line %d is empty", i)
		}
	}
}

// unfold undoes RFC 5545 3.1 folding and returns the logical lines.
func unfold(s string) []string {
	s = strings.ReplaceAll(s, "\r\n ", "")
	s = strings.ReplaceAll(s, "\r\n\t", "")
	return strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
}

func decode(t *testing.T, out []byte) *ical.Calendar {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(out)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot parse the output: %v\n%s", err, out)
	}
	return cal
}

// ---- 1. Golden files ----------------------------------------------------

var allDayCount = Event{
	UID:         "mg-1@mgcalc",
	Start:       time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC),
	AllDay:      true,
	Summary:     "Magnesium glycinate 200 mg",
	Description: "Take with food; split, if needed",
	Count:       14,
}

var timedCount = Event{
	UID:         "mg-2@mgcalc",
	Start:       time.Date(2024, 3, 4, 8, 0, 0, 0, ist),
	Duration:    90 * time.Minute,
	Summary:     "Morning dose",
	Description: "Line one\nLine two: 50% of C:\\dose",
	Count:       14,
}

var timedAlarm = Event{
	UID:      "mg-3@mgcalc",
	Start:    time.Date(2024, 3, 5, 21, 15, 30, 0, time.UTC),
	Duration: 15 * time.Minute,
	Summary:  "Evening dose",
	Alarm:    &Alarm{Description: "Take it, now"},
}

var allDayCountAlarm = Event{
	UID:     "mg-4@mgcalc",
	Start:   time.Date(2024, 3, 6, 0, 0, 0, 0, ist),
	AllDay:  true,
	Summary: "Rest day",
	Count:   3,
	Alarm:   &Alarm{},
}

const header = "BEGIN:VCALENDAR\r\n" +
	"PRODID:-//mgcalc//mgcalc test//EN\r\n" +
	"VERSION:2.0\r\n" +
	"CALSCALE:GREGORIAN\r\n" +
	"METHOD:PUBLISH\r\n"

const footer = "END:VCALENDAR\r\n"

func TestGolden(t *testing.T) {
	tests := []struct {
		name   string
		events []Event
		want   string
	}{{
		name:   "all-day with COUNT",
		events: []Event{allDayCount},
		want: header +
			"BEGIN:VEVENT\r\n" +
			"UID:mg-1@mgcalc\r\n" +
			"DTSTAMP:20240301T083000Z\r\n" +
			"DTSTART;VALUE=DATE:20240304\r\n" +
			"RRULE:FREQ=DAILY;COUNT=14\r\n" +
			"SUMMARY:Magnesium glycinate 200 mg\r\n" +
			"DESCRIPTION:Take with food\\; split\\, if needed\r\n" +
			"END:VEVENT\r\n" +
			footer,
	}, {
		name:   "timed with COUNT",
		events: []Event{timedCount},
		want: header +
			"BEGIN:VEVENT\r\n" +
			"UID:mg-2@mgcalc\r\n" +
			"DTSTAMP:20240301T083000Z\r\n" +
			"DTSTART:20240304T080000\r\n" +
			"DURATION:PT1H30M\r\n" +
			"RRULE:FREQ=DAILY;COUNT=14\r\n" +
			"SUMMARY:Morning dose\r\n" +
			"DESCRIPTION:Line one\\nLine two: 50% of C:\\\\dose\r\n" +
			"END:VEVENT\r\n" +
			footer,
	}, {
		name:   "alarms",
		events: []Event{timedAlarm, allDayCountAlarm},
		want: header +
			"BEGIN:VEVENT\r\n" +
			"UID:mg-3@mgcalc\r\n" +
			"DTSTAMP:20240301T083000Z\r\n" +
			"DTSTART:20240305T211530\r\n" +
			"DURATION:PT15M\r\n" +
			"SUMMARY:Evening dose\r\n" +
			"BEGIN:VALARM\r\n" +
			"ACTION:DISPLAY\r\n" +
			"TRIGGER:PT0M\r\n" +
			"DESCRIPTION:Take it\\, now\r\n" +
			"END:VALARM\r\n" +
			"END:VEVENT\r\n" +
			"BEGIN:VEVENT\r\n" +
			"UID:mg-4@mgcalc\r\n" +
			"DTSTAMP:20240301T083000Z\r\n" +
			"DTSTART;VALUE=DATE:20240306\r\n" +
			"RRULE:FREQ=DAILY;COUNT=3\r\n" +
			"SUMMARY:Rest day\r\n" +
			"BEGIN:VALARM\r\n" +
			"ACTION:DISPLAY\r\n" +
			"TRIGGER:PT0M\r\n" +
			"DESCRIPTION:Rest day\r\n" +
			"END:VALARM\r\n" +
			"END:VEVENT\r\n" +
			footer,
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := string(write(t, tc.events...))
			if got != tc.want {
				t.Errorf("output differs\n got: %q\nwant: %q", got, tc.want)
			}
		})
	}
}

// ---- 2. Folding -----------------------------------------------------------

// longSummary is exactly 300 octets of text mixing 1-, 2-, 3- and 4-octet
// UTF-8 sequences with every character that TEXT escaping touches.
func longSummary(t *testing.T) string {
	t.Helper()
	pieces := []string{"é", "€", "😀", "a", ";", ",", "\\", "\n", ":", "\"", "👩‍🔬", " "}
	var sb strings.Builder
	for i := 0; ; i++ {
		p := pieces[i%len(pieces)]
		if sb.Len()+len(p) > 300 {
			break
		}
		sb.WriteString(p)
	}
	for sb.Len() < 300 {
		sb.WriteByte('z')
	}
	s := sb.String()
	if len(s) != 300 || !utf8.ValidString(s) {
		t.Fatalf("bad fixture: %d octets", len(s))
	}
	return s
}

func TestFoldingLongMultibyteSummary(t *testing.T) {
	summary := longSummary(t)
	ev := Event{UID: "long@mgcalc", Start: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC), AllDay: true,
		Summary: summary, Description: summary}
	out := write(t, ev) // checks ≤75 octets, valid UTF-8 and CRLF per line

	physical := strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n")
	continuations := 0
	for _, l := range physical {
		if strings.HasPrefix(l, " ") {
			continuations++
		}
	}
	// SUMMARY and DESCRIPTION each escape to well over 300 octets, so each
	// needs at least 4 continuation lines.
	if continuations < 8 {
		t.Errorf("only %d continuation lines", continuations)
	}

	// Unfolding gives back the original escaped logical line…
	wantLine := "SUMMARY:" + mustEscape(t, summary)
	found := false
	for _, l := range unfold(string(out)) {
		if l == wantLine {
			found = true
		}
	}
	if !found {
		t.Errorf("no unfolded line equals %q", wantLine)
	}
	// …and unescaping gives back the original text.
	e := decode(t, out).Events()[0]
	for _, name := range []string{ical.PropSummary, ical.PropDescription} {
		got, err := e.Props.Text(name)
		if err != nil || got != summary {
			t.Errorf("%s after round trip = %q, %v; want %q", name, got, err, summary)
		}
	}
}

func mustEscape(t *testing.T, s string) string {
	t.Helper()
	v, err := textValue("TEST", s, true)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestFoldingEveryAlignment moves multi-octet sequences across every
// position of the fold boundary and checks that folds are greedy (a line is
// broken only when the next whole character would not fit) and lossless.
func TestFoldingEveryAlignment(t *testing.T) {
	for _, filler := range []string{"é", "€", "😀", "é€😀"} {
		for k := 0; k <= 80; k++ {
			logical := "SUMMARY:" + strings.Repeat("x", k) + strings.Repeat(filler, 200/len(filler))
			var b bytes.Buffer
			line(&b, logical)
			out := b.String()
			checkPhysicalLines(t, []byte("BEGIN:VCALENDAR\r\n"+out))
			if got := unfold(out); len(got) != 1 || got[0] != logical {
				t.Fatalf("filler %q k=%d: unfold = %q", filler, k, got)
			}
			phys := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
			for i := 0; i+1 < len(phys); i++ {
				next, _ := utf8.DecodeRuneInString(phys[i+1][1:])
				if len(phys[i])+utf8.RuneLen(next) <= 75 {
					t.Fatalf("filler %q k=%d: line %d (%d octets) folded early", filler, k, i, len(phys[i]))
				}
				if !strings.HasPrefix(phys[i+1], " ") || strings.HasPrefix(phys[i+1], "  ") {
					t.Fatalf("filler %q k=%d: continuation %q does not start with exactly one space", filler, k, phys[i+1])
				}
			}
		}
	}
}

func TestFoldingExactASCII(t *testing.T) {
	var b bytes.Buffer
	line(&b, "SUMMARY:"+strings.Repeat("x", 67)) // exactly 75 octets: no fold
	line(&b, "SUMMARY:"+strings.Repeat("y", 68)) // 76 octets: one fold
	line(&b, "SUMMARY:"+strings.Repeat("z", 67+74+1))
	want := "SUMMARY:" + strings.Repeat("x", 67) + "\r\n" +
		"SUMMARY:" + strings.Repeat("y", 67) + "\r\n y\r\n" +
		"SUMMARY:" + strings.Repeat("z", 67) + "\r\n " + strings.Repeat("z", 74) + "\r\n z\r\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

// ---- 3. Parsing back with go-ical -----------------------------------------

func TestParseBackWithGoICal(t *testing.T) {
	desc := "Crème brûlée € 😀; a, b\\c\r\nsecond line\tend"
	events := []Event{allDayCount, timedCount, timedAlarm, allDayCountAlarm,
		{UID: "mg-5@mgcalc", Start: time.Date(2024, 3, 9, 7, 5, 0, 0, time.UTC), Summary: "Plain, once", Description: desc}}
	out := write(t, events...)
	cal := decode(t, out)

	for name, want := range map[string]string{
		ical.PropProductID: prodID, ical.PropVersion: "2.0",
		ical.PropCalendarScale: "GREGORIAN", ical.PropMethod: "PUBLISH",
	} {
		if got, err := cal.Props.Text(name); err != nil || got != want {
			t.Errorf("calendar %s = %q, %v; want %q", name, got, err, want)
		}
	}
	got := cal.Events()
	if len(got) != len(events) {
		t.Fatalf("parsed %d events, want %d", len(got), len(events))
	}
	for i, e := range got {
		want := events[i]
		t.Run(want.UID, func(t *testing.T) {
			text := func(name string) string {
				t.Helper()
				v, err := e.Props.Text(name)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				return v
			}
			if uid := text(ical.PropUID); uid != want.UID {
				t.Errorf("UID = %q, want %q", uid, want.UID)
			}
			if s := text(ical.PropSummary); s != want.Summary {
				t.Errorf("SUMMARY = %q, want %q", s, want.Summary)
			}
			wantDesc := strings.ReplaceAll(want.Description, "\r\n", "\n")
			if d := text(ical.PropDescription); d != wantDesc {
				t.Errorf("DESCRIPTION = %q, want %q", d, wantDesc)
			}

			ds := e.Props.Get(ical.PropDateTimeStamp)
			if dt, err := ds.DateTime(nil); err != nil || !dt.Equal(stamp) || !strings.HasSuffix(ds.Value, "Z") {
				t.Errorf("DTSTAMP %q = %v, %v; want %v in UTC", ds.Value, dt, err, stamp)
			}

			start := e.Props.Get(ical.PropDateTimeStart)
			if start.Params.Get(ical.ParamTimezoneID) != "" || strings.HasSuffix(start.Value, "Z") {
				t.Errorf("DTSTART %q is not floating", start.Value)
			}
			// The floating wall clock, read as if in UTC.
			y, mo, d := want.Start.Date()
			h, mi, s := want.Start.Clock()
			wantStart := time.Date(y, mo, d, h, mi, s, 0, time.UTC)
			wantType := ical.ValueDateTime
			if want.AllDay {
				wantStart = time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
				wantType = ical.ValueDate
			}
			if vt := start.ValueType(); vt != wantType {
				t.Errorf("DTSTART type = %q, want %q", vt, wantType)
			}
			if st, err := e.DateTimeStart(time.UTC); err != nil || !st.Equal(wantStart) {
				t.Errorf("DTSTART = %v, %v; want %v", st, err, wantStart)
			}

			if dp := e.Props.Get(ical.PropDuration); want.Duration == 0 {
				if dp != nil {
					t.Errorf("unexpected DURATION %q", dp.Value)
				}
			} else if dur, err := dp.Duration(); err != nil || dur != want.Duration {
				t.Errorf("DURATION = %v, %v; want %v", dur, err, want.Duration)
			}

			checkRRule(t, e, want, wantStart)
			checkAlarm(t, e, want)
		})
	}
}

func checkRRule(t *testing.T, e ical.Event, want Event, wantStart time.Time) {
	t.Helper()
	opt, err := e.Props.RecurrenceRule()
	if err != nil {
		t.Fatalf("RRULE: %v", err)
	}
	if want.Count == 0 {
		if opt != nil {
			t.Errorf("unexpected RRULE %q", e.Props.Get(ical.PropRecurrenceRule).Value)
		}
		return
	}
	if opt == nil {
		t.Fatal("no RRULE")
	}
	if opt.Freq.String() != "DAILY" || opt.Count != want.Count {
		t.Errorf("RRULE FREQ=%v COUNT=%d, want DAILY, %d", opt.Freq, opt.Count, want.Count)
	}
	wantN := want.Count
	set, err := e.RecurrenceSet(time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	all := set.All()
	if len(all) != wantN {
		t.Fatalf("%d occurrences, want %d", len(all), wantN)
	}
	if !all[0].Equal(wantStart) || !all[wantN-1].Equal(wantStart.AddDate(0, 0, wantN-1)) {
		t.Errorf("occurrences run %v..%v", all[0], all[wantN-1])
	}
}

func checkAlarm(t *testing.T, e ical.Event, want Event) {
	t.Helper()
	var alarms []*ical.Component
	for _, c := range e.Children {
		if c.Name == ical.CompAlarm {
			alarms = append(alarms, c)
		}
	}
	if want.Alarm == nil {
		if len(alarms) != 0 {
			t.Errorf("unexpected VALARM")
		}
		return
	}
	if len(alarms) != 1 {
		t.Fatalf("%d VALARMs, want 1", len(alarms))
	}
	a := alarms[0]
	if action, _ := a.Props.Text(ical.PropAction); action != "DISPLAY" {
		t.Errorf("ACTION = %q", action)
	}
	if trig, err := a.Props.Get(ical.PropTrigger).Duration(); err != nil || trig != 0 {
		t.Errorf("TRIGGER = %v, %v; want 0", trig, err)
	}
	wantDesc := want.Alarm.Description
	if wantDesc == "" {
		wantDesc = want.Summary
	}
	if d, err := a.Props.Text(ical.PropDescription); err != nil || d != wantDesc {
		t.Errorf("alarm DESCRIPTION = %q, %v; want %q", d, err, wantDesc)
	}
}

func TestDurationFormat(t *testing.T) {
	for d, want := range map[time.Duration]string{
		45 * time.Second:                   "PT45S",
		15 * time.Minute:                   "PT15M",
		time.Hour:                          "PT1H",
		90 * time.Minute:                   "PT1H30M",
		time.Hour + 30*time.Second:         "PT1H0M30S",
		61*time.Minute + time.Second:       "PT1H1M1S",
		25 * time.Hour:                     "PT25H",
		2*time.Minute + 5*time.Second:      "PT2M5S",
		100*time.Hour + 59*time.Minute:     "PT100H59M",
		48*time.Hour + 1*time.Second:       "PT48H0M1S",
		24*time.Hour - time.Second:         "PT23H59M59S",
		7*24*time.Hour + 3*time.Minute:     "PT168H3M",
		time.Duration(1<<32) * time.Second: "PT1193046H28M16S",
	} {
		got := formatDuration(d)
		if got != want {
			t.Errorf("formatDuration(%v) = %q, want %q", d, got, want)
		}
		p := &ical.Prop{Name: ical.PropDuration, Params: ical.Params{}, Value: got}
		if back, err := p.Duration(); err != nil || back != d {
			t.Errorf("go-ical reads %q as %v, %v; want %v", got, back, err, d)
		}
	}
}

// ---- 4. RFC 5545 examples -------------------------------------------------

// TestRFC5545TextEscaping reproduces section 3.3.11.
func TestRFC5545TextEscaping(t *testing.T) {
	tests := []struct{ in, want string }{
		// "A multiple line value of: … would be represented as: …"
		{"Project XYZ Final Review\nConference Room - 3B\nCome Prepared.",
			`Project XYZ Final Review\nConference Room - 3B\nCome Prepared.`},
		// ESCAPED-CHAR = ("\\" / "\;" / "\," / "\N" / "\n")
		{`C:\temp`, `C:\\temp`},
		{"a;b", `a\;b`},
		{"a,b", `a\,b`},
		// "a COLON character in a TEXT property value SHALL NOT be escaped"
		{"10:30", "10:30"},
		// DQUOTE is a TSAFE-CHAR outside parameters.
		{`say "hi"`, `say "hi"`},
		// WSP (including HTAB) and NON-US-ASCII are allowed as they are.
		{"tab\there é€😀", "tab\there é€😀"},
		{"\\;,\n", `\\\;\,\n`},
		{"", ""},
	}
	for _, tc := range tests {
		got, err := textValue("DESCRIPTION", tc.in, true)
		if err != nil || got != tc.want {
			t.Errorf("escape(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			continue
		}
		// And a real parser reads it back.
		p := &ical.Prop{Name: ical.PropDescription, Params: ical.Params{}, Value: got}
		if back, err := p.Text(); err != nil || back != tc.in {
			t.Errorf("go-ical unescapes %q to %q, %v; want %q", got, back, err, tc.in)
		}
	}
	// The RFC example through the whole writer.
	out := write(t, Event{UID: "rfc@mgcalc", Start: time.Date(1997, 7, 14, 0, 0, 0, 0, time.UTC), AllDay: true,
		Summary: "Review", Description: tests[0].in})
	if !bytes.Contains(out, []byte("\r\nDESCRIPTION:Project XYZ Final Review\\nConference Room - 3B\\nCome Prepared.\r\n")) {
		t.Errorf("RFC 3.3.11 example not written as in the RFC:\n%s", out)
	}
}

// TestRFC5545Folding reproduces section 3.1.
func TestRFC5545Folding(t *testing.T) {
	// "For example, the line: DESCRIPTION:This is a long description that
	// exists on a long line. Can be represented as: …"
	const logical = "DESCRIPTION:This is a long description that exists on a long line."
	const folded = "DESCRIPTION:This is a lo\r\n ng description\r\n  that exists on a long line.\r\n"
	if got := unfold(folded); len(got) != 1 || got[0] != logical {
		t.Errorf("unfold(RFC example) = %q", got)
	}
	// A real parser agrees with that unfolding.
	cal := decode(t, []byte("BEGIN:VCALENDAR\r\n"+folded+"END:VCALENDAR\r\n"))
	if d, err := cal.Props.Text(ical.PropDescription); err != nil || d != strings.TrimPrefix(logical, "DESCRIPTION:") {
		t.Errorf("go-ical reads the RFC example as %q, %v", d, err)
	}
	// The line is 67 octets: "Lines of text SHOULD NOT be longer than 75
	// octets", so the writer keeps it whole.
	out := write(t, Event{UID: "rfc@mgcalc", Start: time.Date(1997, 7, 14, 0, 0, 0, 0, time.UTC), AllDay: true,
		Summary: "Review", Description: strings.TrimPrefix(logical, "DESCRIPTION:")})
	if !bytes.Contains(out, []byte("\r\n"+logical+"\r\n")) {
		t.Errorf("RFC 3.1 line not written whole:\n%s", out)
	}
	// Any line, folded by the writer, unfolds back to itself (the RFC's
	// "unfolding is accomplished by removing the CRLF and the linear white
	// space character that immediately follows"), also when the text at a
	// fold point starts with white space, as in the RFC example.
	for _, l := range []string{logical, logical + strings.Repeat(" that exists on a long line.", 5)} {
		var b bytes.Buffer
		line(&b, l)
		if got := unfold(b.String()); len(got) != 1 || got[0] != l {
			t.Errorf("fold/unfold of %q gave %q", l, got)
		}
	}
}

// ---- 5. Determinism -------------------------------------------------------

func TestDeterministic(t *testing.T) {
	events := []Event{allDayCount, timedCount, timedAlarm, allDayCountAlarm,
		{UID: "long@mgcalc", Start: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC), AllDay: true, Summary: longSummary(t)}}
	first := write(t, events...)
	for i := 0; i < 20; i++ {
		if again := write(t, events...); !bytes.Equal(first, again) {
			t.Fatalf("run %d differs:\n%s\n---\n%s", i, first, again)
		}
	}
	// The same wall clock in another Location gives the same floating
	// times, and the same instant of stamp in another Location the same
	// DTSTAMP.
	moved := append([]Event(nil), events...)
	for i := range moved {
		moved[i].Start = sameWallClock(moved[i].Start, time.FixedZone("X", -7*3600))
	}
	var b bytes.Buffer
	if err := Write(&b, prodID, stamp.In(time.FixedZone("Y", -3*3600)), moved); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, b.Bytes()) {
		t.Errorf("output depends on Location, not only on wall clock:\n%s\n---\n%s", first, b.Bytes())
	}
	// Fractional seconds are dropped.
	frac := timedAlarm
	frac.Start = frac.Start.Add(999 * time.Millisecond)
	if a, b := write(t, timedAlarm), write(t, frac); !bytes.Equal(a, b) {
		t.Errorf("fractional seconds changed the output")
	}
}

func sameWallClock(t time.Time, loc *time.Location) time.Time {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	return time.Date(y, mo, d, h, mi, s, t.Nanosecond(), loc)
}

// ---- Validation -----------------------------------------------------------

func TestInvalidInput(t *testing.T) {
	ok := timedAlarm
	day := allDayCount
	with := func(base Event, f func(*Event)) []Event { f(&base); return []Event{base} }
	tests := []struct {
		name   string
		prodID string
		stamp  time.Time
		events []Event
	}{
		{"empty PRODID", "", stamp, []Event{ok}},
		{"blank PRODID", "  ", stamp, []Event{ok}},
		{"PRODID with newline", "a\nb", stamp, []Event{ok}},
		{"zero stamp", prodID, time.Time{}, []Event{ok}},
		{"stamp year 10000", prodID, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), []Event{ok}},
		{"no events", prodID, stamp, nil},
		{"duplicate UID", prodID, stamp, []Event{ok, ok}},
		{"empty UID", prodID, stamp, with(ok, func(e *Event) { e.UID = "" })},
		{"blank UID", prodID, stamp, with(ok, func(e *Event) { e.UID = " \t" })},
		{"UID with newline", prodID, stamp, with(ok, func(e *Event) { e.UID = "a\nb" })},
		{"UID with CRLF", prodID, stamp, with(ok, func(e *Event) { e.UID = "a\r\nb" })},
		{"empty summary", prodID, stamp, with(ok, func(e *Event) { e.Summary = "" })},
		{"blank summary", prodID, stamp, with(ok, func(e *Event) { e.Summary = " \n " })},
		{"BEL in summary", prodID, stamp, with(ok, func(e *Event) { e.Summary = "ding\a" })},
		{"NUL in summary", prodID, stamp, with(ok, func(e *Event) { e.Summary = "a\x00b" })},
		{"lone CR in summary", prodID, stamp, with(ok, func(e *Event) { e.Summary = "a\rb" })},
		{"ESC in description", prodID, stamp, with(ok, func(e *Event) { e.Description = "\x1b[31mred" })},
		{"DEL in description", prodID, stamp, with(ok, func(e *Event) { e.Description = "a\x7f" })},
		{"C1 NEL in description", prodID, stamp, with(ok, func(e *Event) { e.Description = "a\u0085b" })},
		{"invalid UTF-8", prodID, stamp, with(ok, func(e *Event) { e.Summary = "caf\xe9" })},
		{"control in alarm description", prodID, stamp, with(ok, func(e *Event) { e.Alarm = &Alarm{Description: "a\x0cb"} })},
		{"zero start", prodID, stamp, with(ok, func(e *Event) { e.Start = time.Time{} })},
		{"start year 10000", prodID, stamp, with(ok, func(e *Event) { e.Start = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) })},
		{"negative COUNT", prodID, stamp, with(day, func(e *Event) { e.Count = -1 })},
		{"negative duration", prodID, stamp, with(ok, func(e *Event) { e.Duration = -time.Minute })},
		{"sub-second duration", prodID, stamp, with(ok, func(e *Event) { e.Duration = 1500 * time.Millisecond })},
		{"all-day duration", prodID, stamp, with(day, func(e *Event) { e.Duration = time.Hour })},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := Write(&b, tc.prodID, tc.stamp, tc.events)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			if b.Len() != 0 {
				t.Errorf("wrote %d bytes despite the error", b.Len())
			}
			if strings.ContainsAny(err.Error(), "\r\n\x00") {
				t.Errorf("error message has control characters: %q", err)
			}
		})
	}
}

func TestAcceptedEdgeCases(t *testing.T) {
	// Tabs pass through; CR LF in descriptions is one line break; a COUNT
	// of one is one occurrence.
	ev := Event{UID: "edge,1;x@mgcalc", Start: time.Date(2024, 3, 4, 8, 0, 0, 0, time.UTC),
		Summary: "a\tb", Description: "one\r\ntwo\nthree", Count: 1}
	out := string(write(t, ev))
	for _, want := range []string{
		"\r\nUID:edge\\,1\\;x@mgcalc\r\n",
		"\r\nSUMMARY:a\tb\r\n",
		"\r\nDESCRIPTION:one\\ntwo\\nthree\r\n",
		"\r\nRRULE:FREQ=DAILY;COUNT=1\r\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if uid, _ := decode(t, []byte(out)).Events()[0].Props.Text(ical.PropUID); uid != ev.UID {
		t.Errorf("UID read back as %q", uid)
	}
	// All-day events ignore the clock of Start.
	late := allDayCount
	late.Start = late.Start.Add(23 * time.Hour)
	if a, b := write(t, allDayCount), write(t, late); !bytes.Equal(a, b) {
		t.Errorf("clock of an all-day Start changed the output")
	}
}

// ---- Writer errors --------------------------------------------------------

type failWriter struct{ n int }

func (w failWriter) Write(p []byte) (int, error) { return w.n, errors.New("disk full") }

type shortWriter struct{}

func (shortWriter) Write(p []byte) (int, error) { return len(p) / 2, nil }

func TestWriterErrors(t *testing.T) {
	if err := Write(failWriter{}, prodID, stamp, []Event{timedAlarm}); err == nil || err.Error() != "disk full" {
		t.Errorf("writer error = %v, want disk full", err)
	}
	if err := Write(shortWriter{}, prodID, stamp, []Event{timedAlarm}); !errors.Is(err, io.ErrShortWrite) {
		t.Errorf("short write error = %v", err)
	}
}

// ---- Purity ---------------------------------------------------------------

// TestPure checks that the package reads no clock and touches no OS, so
// that it can sit with the other pure packages (cmd/mgcalc's layer test).
func TestPure(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	forbidden := map[string]bool{"os": true, "os/exec": true, "syscall": true, "net": true, "net/http": true}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		timeName := ""
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if forbidden[path] {
				t.Errorf("%s imports %s", name, path)
			}
			if path == "time" {
				timeName = "time"
				if imp.Name != nil {
					timeName = imp.Name.Name
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == timeName && (sel.Sel.Name == "Now" || sel.Sel.Name == "Since" || sel.Sel.Name == "Until") {
					t.Errorf("%s: calls time.%s", fset.Position(sel.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
	}
}
