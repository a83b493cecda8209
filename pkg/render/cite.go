package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/source"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// citations number the sources a text report cites, in the order first
// cited, into a list at its end, as the plan's --explain does: prose cites
// "[1, 2]", and source keys appear only in that list (and in JSON).
type citations struct {
	bib source.Registry
	ids []string
}

// cite numbers ids: " [1, 2]", dimmed; "" for none.
func (c *citations) cite(t *Term, ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	var nums []string
	for _, id := range ids {
		i := slices.Index(c.ids, id)
		if i < 0 {
			c.ids = append(c.ids, id)
			i = len(c.ids) - 1
		}
		if n := itoa(i + 1); !slices.Contains(nums, n) {
			nums = append(nums, n)
		}
	}
	return " " + t.Dim("["+strings.Join(nums, ", ")+"]")
}

// list is the sources cited, with their titles: "sources:" and a line
// each; "" where none was cited.
func (c *citations) list(t *Term) string {
	if len(c.ids) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(t.P.S("sources:") + "\n")
	for i, id := range c.ids {
		title := id
		if s, ok := c.bib.Get(id); ok {
			title = sourceTitle(t.P, s) + " (" + id + ")"
		}
		b.WriteString(t.Dim(fmt.Sprintf("  [%d] %s", i+1, text.Strip(title))) + "\n")
	}
	return b.String()
}

// sourced is a warning with the sources it cites in a text report.
type sourced struct {
	m       *msg.Message
	sources []string
}

func messages(ws []sourced) []*msg.Message {
	out := make([]*msg.Message, len(ws))
	for i, w := range ws {
		out[i] = w.m
	}
	return out
}
