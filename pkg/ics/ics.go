// Package ics writes iCalendar files (RFC 5545) holding all-day or timed
// events, optionally repeating daily, each with an optional display alarm.
//
// The output is deterministic: the same input always gives the same bytes.
// The package reads no clock; the caller passes the DTSTAMP value.
//
// # Times
//
// DTSTAMP is written in UTC ("…Z"). Event times are "floating": the wall
// clock of Start in its own Location is written as it reads,
// with no TZID and no "Z", so a calendar shows the event at that local time
// wherever it is opened. For an all-day event only the calendar date of
// Start in its own Location is used and the clock is ignored.
// Fractional seconds are dropped. Years must lie in 1..9999.
//
// # Text
//
// PRODID, UID, SUMMARY and DESCRIPTION are TEXT values (RFC 5545 3.3.11):
// backslash, semicolon and comma are escaped with a backslash and a line
// break is written as "\n"; colons and double quotes are written as they
// are. Input must be valid UTF-8. A CR LF pair in a summary or description
// counts as one line break. Control characters are rejected, never
// silently stripped: Write returns an error wrapping ErrInvalid for any
// C0 or C1 control character or DEL, with two exceptions in SUMMARY,
// DESCRIPTION and the alarm's description: horizontal tab (which RFC 5545
// allows in TEXT) and line feed (escaped as "\n"). PRODID and UID must be
// single lines; they may contain tabs.
//
// # Lines
//
// Every line ends in CR LF. Lines longer than 75 octets are folded
// (RFC 5545 3.1): the break is placed before the last whole UTF-8 sequence
// that fits, and each continuation line starts with a single space, so no
// physical line exceeds 75 octets and no character is split.
package ics

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ErrInvalid is wrapped by every error Write returns for input it refuses
// to encode. Nothing is written to the writer in that case.
var ErrInvalid = errors.New("ics: invalid input")

// Event is an all-day or timed event, optionally recurring daily.
type Event struct {
	// UID identifies the event; it must be stable across exports (the
	// caller derives it from the plan), non-blank, unique within one
	// calendar, and a single line.
	UID string
	// Start is a date (all-day) when AllDay, else a floating local
	// date-time (no TZID, no Z). It must not be the zero time.
	Start  time.Time
	AllDay bool
	// Duration is for timed events only; 0 means no DURATION is written.
	// It must be a whole, non-negative number of seconds, and 0 for all-day
	// events (which last one day by definition).
	Duration    time.Duration
	Summary     string // required, non-blank
	Description string // optional; omitted when empty
	// Count > 0 writes RRULE:FREQ=DAILY;COUNT=Count. Negative is invalid.
	Count int
	Alarm *Alarm // optional VALARM
}

// Alarm is a display alarm (ACTION:DISPLAY) that fires at the start of its
// event (TRIGGER:PT0M). When Description is empty the event's summary is
// used, since RFC 5545 requires a DESCRIPTION in a display alarm.
type Alarm struct {
	Description string
}

// Write writes a VCALENDAR with PRODID prodID, VERSION:2.0,
// CALSCALE:GREGORIAN, METHOD:PUBLISH and one VEVENT per event, each with
// UID, DTSTAMP (stamp, in UTC with Z), DTSTART, optional DURATION, RRULE,
// SUMMARY, DESCRIPTION, and VALARM.
//
// All input is validated before anything is written: on invalid input
// (blank prodID, UID or summary; zero stamp or Start; a negative
// Count; control characters; no events; duplicate UIDs; …) Write returns
// an error wrapping ErrInvalid and writes nothing. The calendar is then
// written with a single call to w.Write.
func Write(w io.Writer, prodID string, stamp time.Time, events []Event) error {
	var b bytes.Buffer
	if err := encode(&b, prodID, stamp, events); err != nil {
		return err
	}
	n, err := w.Write(b.Bytes())
	if err == nil && n != b.Len() {
		err = io.ErrShortWrite
	}
	return err
}

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)
}

func encode(b *bytes.Buffer, prodID string, stamp time.Time, events []Event) error {
	prod, err := textValue("PRODID", prodID, false)
	if err != nil {
		return invalid("%v", err)
	}
	if strings.TrimSpace(prodID) == "" {
		return invalid("PRODID is blank")
	}
	if stamp.IsZero() {
		return invalid("DTSTAMP time is zero")
	}
	stamp = stamp.UTC()
	if err := checkYear("DTSTAMP", stamp); err != nil {
		return invalid("%v", err)
	}
	// RFC 5545 3.6: a calendar holds at least one component.
	if len(events) == 0 {
		return invalid("no events: a VCALENDAR must hold at least one component")
	}
	dtstamp := formatDateTime(stamp) + "Z"

	line(b, "BEGIN:VCALENDAR")
	line(b, "PRODID:"+prod)
	line(b, "VERSION:2.0")
	line(b, "CALSCALE:GREGORIAN")
	line(b, "METHOD:PUBLISH")
	seen := make(map[string]int, len(events))
	for i := range events {
		ev := &events[i]
		if j, dup := seen[ev.UID]; dup {
			return invalid("event %d: UID %q already used by event %d", i, ev.UID, j)
		}
		seen[ev.UID] = i
		if err := encodeEvent(b, dtstamp, ev); err != nil {
			return invalid("event %d (UID %q): %v", i, ev.UID, err)
		}
	}
	line(b, "END:VCALENDAR")
	return nil
}

func encodeEvent(b *bytes.Buffer, dtstamp string, ev *Event) error {
	uid, err := textValue("UID", ev.UID, false)
	if err != nil {
		return err
	}
	if strings.TrimSpace(ev.UID) == "" {
		return errors.New("UID is blank")
	}
	summary, err := textValue("SUMMARY", ev.Summary, true)
	if err != nil {
		return err
	}
	if strings.TrimSpace(ev.Summary) == "" {
		return errors.New("SUMMARY is blank")
	}
	description, err := textValue("DESCRIPTION", ev.Description, true)
	if err != nil {
		return err
	}

	if ev.Start.IsZero() {
		return errors.New("start time is zero")
	}
	if err := checkYear("start", ev.Start); err != nil {
		return err
	}
	format := formatDateTime
	dtstart := "DTSTART:"
	if ev.AllDay {
		format = formatDate
		dtstart = "DTSTART;VALUE=DATE:"
	}
	start := format(ev.Start)

	switch {
	case ev.Duration < 0:
		return fmt.Errorf("negative duration %v", ev.Duration)
	case ev.Duration%time.Second != 0:
		return fmt.Errorf("duration %v is not a whole number of seconds", ev.Duration)
	case ev.Duration > 0 && ev.AllDay:
		return fmt.Errorf("an all-day event takes no duration (got %v)", ev.Duration)
	}

	var rrule string
	switch {
	case ev.Count < 0:
		return fmt.Errorf("negative COUNT %d", ev.Count)
	case ev.Count > 0:
		rrule = "RRULE:FREQ=DAILY;COUNT=" + strconv.Itoa(ev.Count)
	}

	var alarmDesc, trigger string
	if a := ev.Alarm; a != nil {
		trigger = "PT0M"
		alarmDesc = summary
		if a.Description != "" {
			if alarmDesc, err = textValue("alarm DESCRIPTION", a.Description, true); err != nil {
				return err
			}
		}
	}

	line(b, "BEGIN:VEVENT")
	line(b, "UID:"+uid)
	line(b, "DTSTAMP:"+dtstamp)
	line(b, dtstart+start)
	if ev.Duration > 0 {
		line(b, "DURATION:"+formatDuration(ev.Duration))
	}
	if rrule != "" {
		line(b, rrule)
	}
	line(b, "SUMMARY:"+summary)
	if description != "" {
		line(b, "DESCRIPTION:"+description)
	}
	if ev.Alarm != nil {
		line(b, "BEGIN:VALARM")
		line(b, "ACTION:DISPLAY")
		line(b, "TRIGGER:"+trigger)
		line(b, "DESCRIPTION:"+alarmDesc)
		line(b, "END:VALARM")
	}
	line(b, "END:VEVENT")
	return nil
}

func checkYear(what string, t time.Time) error {
	if y := t.Year(); y < 1 || y > 9999 {
		return fmt.Errorf("%s year %d is outside 1..9999", what, y)
	}
	return nil
}

// formatDate gives the RFC 5545 DATE form (YYYYMMDD) of t's calendar date
// in t's own location.
func formatDate(t time.Time) string {
	y, m, d := t.Date()
	return fmt.Sprintf("%04d%02d%02d", y, int(m), d)
}

// formatDateTime gives the RFC 5545 local DATE-TIME form (YYYYMMDDTHHMMSS)
// of t's wall clock in t's own location, without any zone suffix.
func formatDateTime(t time.Time) string {
	h, mi, s := t.Clock()
	return fmt.Sprintf("%sT%02d%02d%02d", formatDate(t), h, mi, s)
}

// formatDuration gives the RFC 5545 dur-time form of a positive whole
// number of seconds: PT[nH][nM][nS], with the minutes present whenever
// hours and seconds both are, as the grammar in 3.3.6 requires.
func formatDuration(d time.Duration) string {
	secs := int64(d / time.Second)
	h, m, s := secs/3600, secs/60%60, secs%60
	var sb strings.Builder
	sb.WriteString("PT")
	if h > 0 {
		sb.WriteString(strconv.FormatInt(h, 10) + "H")
	}
	if m > 0 || (h > 0 && s > 0) {
		sb.WriteString(strconv.FormatInt(m, 10) + "M")
	}
	if s > 0 {
		sb.WriteString(strconv.FormatInt(s, 10) + "S")
	}
	return sb.String()
}

// textValue checks s and returns it escaped as an RFC 5545 TEXT value.
// When multiline is false line breaks are rejected too.
func textValue(prop, s string, multiline bool) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%s is not valid UTF-8", prop)
	}
	if multiline {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	var sb strings.Builder
	sb.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\\':
			sb.WriteString(`\\`)
		case r == ';':
			sb.WriteString(`\;`)
		case r == ',':
			sb.WriteString(`\,`)
		case r == '\n' && multiline:
			sb.WriteString(`\n`)
		case r == '\t':
			sb.WriteRune(r)
		case unicode.IsControl(r):
			return "", fmt.Errorf("%s has control character %U", prop, r)
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String(), nil
}

// maxLineOctets is the longest a physical line may be, CR LF excluded
// (RFC 5545 3.1).
const maxLineOctets = 75

// line writes one content line, folded, with CR LF line ends.
func line(b *bytes.Buffer, s string) {
	limit := maxLineOctets
	for len(s) > limit {
		cut := limit
		// Back up to the start of the UTF-8 sequence that straddles the
		// limit. Sequences are at most 4 octets and limit >= 74, so cut
		// stays positive.
		for !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = maxLineOctets - 1 // the leading space takes one octet
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}
