package journal

import (
	"encoding/json"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// A kept message prints as the message did, in English and in Dutch,
// after a round trip through the journal's JSON.
func TestTextKeepsAMessage(t *testing.T) {
	m := msg.New("%s mg/day is above the limits of %s (%s mg/day), though within the %s limit of %s mg/day that mgcalc applies",
		msg.N(281.92, 1), "EU SCF/EFSA", msg.N(250, 0), "US IOM/NIH", msg.N(350, 0))
	b, err := json.Marshal(TextOf(m))
	if err != nil {
		t.Fatal(err)
	}
	var back Text
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if got, want := back.Message().Error(), "281.9 mg/day is above the limits of EU SCF/EFSA (250 mg/day), though within the US IOM/NIH limit of 350 mg/day that mgcalc applies"; got != want {
		t.Errorf("English %q, want %q", got, want)
	}
	nl, _ := msg.NewPrinter(msg.Dutch)
	if got := nl.Message(back.Message()); got != nl.Message(m) || got == m.Error() {
		t.Errorf("Dutch %q, want %q (not the English)", got, nl.Message(m))
	}
	// a plan saved before the messages were kept prints its English
	old := Plan{Warnings: []string{"an old warning"}}
	if ws := old.WarningMessages(); len(ws) != 1 || ws[0].Error() != "an old warning" {
		t.Errorf("old plan's warnings %v", ws)
	}
}
