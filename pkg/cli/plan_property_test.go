package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/kb"
)

// planStepJSON is the part of a plan's JSON the property checks.
type planStepJSON struct {
	StartDay  int      `json:"start_day"`
	EndDay    int      `json:"end_day"`
	Daily     float64  `json:"daily_elemental_mg"`
	Units     *float64 `json:"daily_units"`
	ULPercent float64  `json:"ul_percent"`
	Over      bool     `json:"over"`
}

// Over every goal × gut × authority × tablet size (250, 500, 724, 1000 and
// 1830 mg of the recommended form's compound, whole and halved) ×
// pregnancy (issue 17): every combination plans, or is refused by a gate
// (exit 4) or for a unit above the sourced start range (exit 2); no
// schedule passes the limit without --supervised; -o value is the last
// step's daily dose; and the text's table says what the JSON says, row
// for row.
func TestPropertyPlansWithRealTablets(t *testing.T) {
	k, err := kb.Plan()
	if err != nil {
		t.Fatal(err)
	}
	sizes := []string{"250", "500", "724", "1000", "1830"}
	people := [][]string{nil, {"--pregnant", "--age", "30"}, {"--lactating", "--age", "30"}}
	auths := []string{"nih", "efsa", "evm", "bfr"}
	if testing.Short() {
		auths, sizes = []string{"nih", "efsa"}, []string{"500", "1830"}
	}
	plans, gates, units := 0, 0, 0
	for _, g := range k.Goals {
		for _, gut := range []string{"normal", "sensitive"} {
			for _, auth := range auths {
				for _, size := range sizes {
					for _, half := range []bool{false, true} {
						for _, person := range people {
							args := []string{"plan", "--goal", g.Key, "--gut", gut, "--authority", auth, "--capsule", size}
							if half {
								args = append(args, "--half")
							}
							args = append(args, person...)
							what := strings.Join(args[1:], " ")
							out, errs, code := runWith(t, nil, append(args, "-o", "json")...)
							switch code {
							case ExitRefused:
								gates++
								continue
							case ExitUsage:
								if !strings.Contains(errs, "more than a first step may be (at most 200 mg a day)") {
									t.Fatalf("%s: a usage error that is not a unit above the start range: %s", what, errs)
								}
								units++
								continue
							case ExitOK:
								plans++
							default:
								t.Fatalf("%s: exit %d: %s", what, code, errs)
							}
							var pj struct {
								Steps      []planStepJSON `json:"steps"`
								ReachedMg  float64        `json:"reached_mg"`
								Supervised bool           `json:"supervised"`
								ULMg       float64        `json:"ul_mg"`
							}
							if err := json.Unmarshal([]byte(out), &pj); err != nil {
								t.Fatalf("%s: %v", what, err)
							}
							last := pj.Steps[len(pj.Steps)-1]
							for _, s := range pj.Steps {
								if s.Over || s.Daily > pj.ULMg+0.005 {
									t.Fatalf("%s: a step of %v mg/day passes the %v mg limit", what, s.Daily, pj.ULMg)
								}
							}
							if pj.ReachedMg != last.Daily {
								t.Fatalf("%s: reached_mg %v, the last step %v", what, pj.ReachedMg, last.Daily)
							}
							val, _, _ := runWith(t, nil, append(args, "-o", "value")...)
							// one decimal and the JSON's two, each rounded once
							if v, err := strconv.ParseFloat(strings.TrimSpace(val), 64); err != nil || math.Abs(v-last.Daily) > 0.05+1e-9 {
								t.Fatalf("%s: -o value %q, the last step %v", what, val, last.Daily)
							}
							text, _, _ := runWith(t, nil, args...)
							checkTableAgrees(t, what, text, pj.Steps)
						}
					}
				}
			}
		}
	}
	if plans < 100 || units == 0 {
		t.Errorf("%d plans, %d gates, %d units above the start range: the sweep is not sweeping", plans, gates, units)
	}
	t.Logf("%d plans, %d refused by a gate, %d units above the start range", plans, gates, units)
}

// checkTableAgrees finds each step's row in the piped text table: its
// days, its units a day, its magnesium a day and its share of the limit,
// as the JSON has them.
func checkTableAgrees(t *testing.T, what, text string, steps []planStepJSON) {
	t.Helper()
	rows := map[string][]string{}
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) > 0 && strings.Contains(f[0], "-") && f[0][0] >= '0' && f[0][0] <= '9' {
			rows[f[0]] = f
		}
	}
	if len(rows) != len(steps) {
		t.Fatalf("%s: %d rows in the text, %d steps in the JSON:\n%s", what, len(rows), len(steps), text)
	}
	for _, s := range steps {
		days := fmt.Sprintf("%d-%d", s.StartDay, s.EndDay)
		row, ok := rows[days]
		if !ok {
			t.Fatalf("%s: no row for days %s:\n%s", what, days, text)
		}
		line := strings.Join(row, " ")
		// the day's magnesium: the text's one decimal and the JSON's two,
		// each rounded once from the same exact value
		found := false
		for i := 1; i < len(row); i++ {
			if row[i] == "mg" {
				if v, err := strconv.ParseFloat(row[i-1], 64); err == nil && math.Abs(v-s.Daily) <= 0.05+1e-9 {
					found = true
				}
			}
		}
		if !found || row[len(row)-1] != "%" {
			t.Fatalf("%s: row %q, the JSON says %v mg", what, line, s.Daily)
		}
		// the share, rounded once from the same exact value: the JSON's one
		// decimal and the text's whole percent are within half a percent
		if pct, err := strconv.ParseFloat(row[len(row)-2], 64); err != nil || math.Abs(pct-s.ULPercent) > 0.5+1e-9 {
			t.Fatalf("%s: row %q, the JSON says %v %%", what, line, s.ULPercent)
		}
		if s.Units != nil {
			n := *s.Units
			word := strconv.FormatFloat(math.Floor(n), 'f', 0, 64)
			if n != math.Floor(n) {
				word = strings.TrimPrefix(word+"½", "0")
			}
			if !strings.Contains(line, " "+word+" ") && !strings.Contains(line, " "+word+"\u00a0") {
				t.Fatalf("%s: row %q lacks %s units a day", what, line, word)
			}
		}
	}
}
