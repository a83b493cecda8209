//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/mgcalc/mgcalc/pkg/journal"
	"github.com/mgcalc/mgcalc/pkg/journal/store"
)

// journalEntries is how many entries the journal runs fill the journal
// with (-journal).
var journalEntries int

// journalRuns times `mgcalc log` and `mgcalc today` against a journal of
// journalEntries entries (14 a day, so 10,000 reach two years back, with
// a plan saved at its start), each run alternating with hello, and
// prints the 50th and 95th percentiles.
func journalRuns(p programs, tmp string, env []string, stdout *os.File, runs int) error {
	path := filepath.Join(tmp, "journal.db")
	now := time.Now()
	days := (journalEntries + 13) / 14
	start := journal.Day(now).AddDate(0, 0, -days)
	plan := exec.Command(p.mgcalc, "plan", "--goal", "sleep", "--gut", "sensitive", "--start", start.Format(time.DateOnly), "--save", "--journal", path)
	plan.Env = env
	if out, err := plan.CombinedOutput(); err != nil {
		return fmt.Errorf("saving a plan: %v\n%s", err, out)
	}
	st, err := store.Open(path, store.Options{Write: true, NoSync: true})
	if err != nil {
		return err
	}
	dose := journal.Taken{Input: "bisglycinate:709.4", Name: "bisglycinate", Form: "bisglycinate", Variant: "anhydrous", Fraction: 0.14097,
		Basis: "formula", UnitMg: 709.4, PerDay: 1, CompoundMg: 709.4, ElementalMg: 100, Route: "oral", Counted: true}
	for i := range journalEntries {
		day := start.AddDate(0, 0, i/14)
		at := time.Date(day.Year(), day.Month(), day.Day(), 7+i%14, 0, 0, 0, now.Location())
		e := &journal.Entry{At: at, LoggedAt: at, Note: "entry " + strconv.Itoa(i)}
		switch i % 14 {
		case 0:
			e.Med = &journal.Med{Name: "levothyroxine", Class: "levothyroxine", BeforeHours: 4, AfterHours: 4, Known: true}
		case 13:
			e.Gut = journal.GutOK
		default:
			e.Items, e.ElementalMg = []journal.Taken{dose}, dose.ElementalMg
		}
		if _, err := st.Add(e, true); err != nil {
			st.Close()
			return err
		}
	}
	if err := st.Close(); err != nil {
		return err
	}
	fmt.Printf("journal: %d entries, %d runs of each command, alternating with hello; wall time\n", journalEntries, runs)
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "command\tp50 ms\tp95 ms\thello p50 ms\tp50 ratio\tp95 ratio\t")
	for _, c := range [][]string{{"today"}, {"log", "citrate:500"}, {"journal", "--from", start.Format(time.DateOnly), "-o", "json"}} {
		var as, rs []float64
		var hs []float64
		for i := range runs + 3 {
			args := append(slices.Clone(c), "--journal", path)
			if c[0] == "log" {
				args = append(args, "--note", "run "+strconv.Itoa(i))
			}
			a, err := runOnce(p.mgcalc, args, devNull, stdout, env)
			if err != nil {
				return err
			}
			h, err := runOnce(p.hello, nil, devNull, stdout, env)
			if err != nil {
				return err
			}
			if i < 3 {
				continue
			}
			as, hs, rs = append(as, a.wall), append(hs, h.wall), append(rs, a.wall/h.wall)
		}
		label := c[0]
		if c[0] == "journal" {
			label = fmt.Sprintf("journal (%d days) -o json", days)
		}
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.3f\t%.1f×\t%.1f×\t\n", label, pct(as, 0.5), pct(as, 0.95), pct(hs, 0.5), pct(rs, 0.5), pct(rs, 0.95))
	}
	tw.Flush()
	fmt.Println()
	return nil
}

// pct is the q-th quantile (nearest rank).
func pct(xs []float64, q float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[int(q*float64(len(s)-1)+0.5)]
}
