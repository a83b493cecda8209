package render

import (
	"strconv"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/source"
)

// sourceTitle is a source as every sources list of a report names it: its
// title as published, then its kind and date in the report's language
// ("(practitioner's blog, 2 January 2026)", "(blog van een therapeut, 2
// januari 2026)"). The one wording of a source for people: the plan's
// --explain, today, log, forms show and the plan's Markdown use it; JSON
// keeps the fields.
func sourceTitle(p msg.Printer, s source.Source) string {
	var parts []string
	switch s.Kind {
	case source.KindPractitionerBlog:
		parts = append(parts, p.S("practitioner's blog"))
	case source.KindPressRelease:
		parts = append(parts, p.S("press release"))
	}
	if d := sourceDate(p, s.Date); d != "" {
		parts = append(parts, d)
	}
	if len(parts) == 0 {
		return s.Title
	}
	return s.Title + " (" + strings.Join(parts, ", ") + ")"
}

// sourceDate words YYYY-MM-DD as "2 January 2026" and YYYY-MM as
// "December 2017", the month in p's language; "" for anything else.
func sourceDate(p msg.Printer, d string) string {
	if len(d) < 7 {
		return ""
	}
	m, err := strconv.Atoi(d[5:7])
	if err != nil || m < 1 || m > 12 {
		return ""
	}
	month := p.Message(monthWords[m-1])
	if len(d) == 7 {
		return month + " " + d[:4]
	}
	day, err := strconv.Atoi(d[8:])
	if err != nil {
		return ""
	}
	return strconv.Itoa(day) + " " + month + " " + d[:4]
}

// monthWords are the months' names.
var monthWords = []*msg.Message{
	msg.New("January"), msg.New("February"), msg.New("March"), msg.New("April"), msg.New("May"), msg.New("June"),
	msg.New("July"), msg.New("August"), msg.New("September"), msg.New("October"), msg.New("November"), msg.New("December"),
}
