package cli

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/kb"
)

func formTable(t *testing.T) *forms.Table {
	t.Helper()
	tb, err := kb.Forms()
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

var textElemental = regexp.MustCompile(`(?m)^= ([0-9.]+) mg elemental magnesium`)

// For random forms, variants, amounts, counts and authorities, the text,
// -o value and -o json answers agree with each other and with the exact
// value (compound × the formula's fraction) rounded once; and `total` of
// the same amount exits 3 exactly when its JSON says over.
func TestPropertyOneAnswer(t *testing.T) {
	tb := formTable(t)
	rng := rand.New(rand.NewPCG(1, 2))
	auths := []string{"nih", "efsa", "evm"}
	for i := 0; i < 300; i++ {
		f := tb.Forms[rng.IntN(len(tb.Forms))]
		v := f.Variants[rng.IntN(len(f.Variants))]
		name := f.Key + ":" + v.Key
		amount := float64(rng.IntN(400000)+100) / 100 // 1.00 .. 4001.00 mg, two decimals
		count := rng.IntN(4) + 1
		auth := auths[rng.IntN(len(auths))]
		amountText := strconv.FormatFloat(amount, 'f', 2, 64)
		exact := amount * float64(count) * v.Fraction
		args := []string{"elemental", name, amountText, "--count", strconv.Itoa(count), "--authority", auth}

		val, errs, code := runWith(t, nil, append(args, "-o", "value")...)
		want := strconv.FormatFloat(exact, 'f', 1, 64)
		if code != 0 || strings.TrimSpace(val) != want {
			t.Fatalf("%v -o value = %q (exit %d, %q), want %s", args, val, code, errs, want)
		}
		text, _, _ := runWith(t, nil, args...)
		m := textElemental.FindStringSubmatch(text)
		// where the verdict needs more digits the text shows them; to one
		// decimal it is still the same number
		shown, _ := strconv.ParseFloat(safeGroup(m), 64)
		if m == nil || strconv.FormatFloat(shown, 'f', 1, 64) != want {
			t.Fatalf("%v text says %q, want %s:\n%s", args, m, want, text)
		}
		js, _, _ := runWith(t, nil, append(args, "-o", "json")...)
		var j struct {
			ElementalMg float64 `json:"elemental_mg"`
			Over        *bool   `json:"over"`
			ULMg        *float64
		}
		if err := json.Unmarshal([]byte(js), &j); err != nil {
			t.Fatal(err)
		}
		if got, w := strconv.FormatFloat(j.ElementalMg, 'f', 2, 64), strconv.FormatFloat(exact, 'f', 2, 64); got != w {
			t.Fatalf("%v json elemental_mg %s, want %s", args, got, w)
		}
		item := fmt.Sprintf("%s:%sx%d", name, amountText, count)
		_, _, tcode := runWith(t, nil, "total", item, "--authority", auth)
		tjs, _, _ := runWith(t, nil, "total", item, "--authority", auth, "-o", "json")
		var tj struct {
			Over *bool `json:"over"`
		}
		if err := json.Unmarshal([]byte(tjs), &tj); err != nil {
			t.Fatal(err)
		}
		over := tj.Over != nil && *tj.Over
		if (tcode == ExitOverLimit) != over || (tcode != 0 && tcode != ExitOverLimit) {
			t.Fatalf("total %s: exit %d but json over=%v", item, tcode, over)
		}
		if (j.Over == nil) != (tj.Over == nil) || j.Over != nil && *j.Over != *tj.Over {
			t.Fatalf("%s: elemental says over=%v, total says %v", item, j.Over, tj.Over)
		}
	}
}

// A total's verdict and value are the same however the same daily amount
// is split: into several items, a count, a stack file's per_day, or
// several stack files. Amounts are chosen near the limit, where the
// verdict can flip.
func TestPropertySplitInvariance(t *testing.T) {
	tb := formTable(t)
	rng := rand.New(rand.NewPCG(3, 4))
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ran, over := 0, 0
	for i := 0; i < 150; i++ {
		f := tb.Forms[rng.IntN(len(tb.Forms))]
		v := f.Variants[rng.IntN(len(f.Variants))]
		name := f.Key + ":" + v.Key
		k := rng.IntN(4) + 2
		// a unit so that k units are within ±0.02 mg of the 350 mg limit
		target := 350 + (rng.Float64()-0.5)*0.04
		unit := float64(int(target/float64(k)/v.Fraction*1000)) / 1000
		if unit*1000 > 100_000*1000 || unit < 100 {
			continue // outside what a count of units could be, or an ambiguous-looking amount
		}
		u := strconv.FormatFloat(unit, 'f', 3, 64) + " mg"
		one := write(fmt.Sprintf("one%d.yaml", i), fmt.Sprintf("- {form: %q, amount: %s, per_day: %d}\n", name, u, k))
		single := write(fmt.Sprintf("single%d.yaml", i), fmt.Sprintf("- {form: %q, amount: %s}\n", name, u))
		ways := [][]string{{"total", fmt.Sprintf("%s:%sx%d", name, u, k)}, {"total", "--stack", one}}
		items := []string{"total"}
		files := []string{"total"}
		for j := 0; j < k; j++ {
			items = append(items, name+":"+u)
			files = append(files, "--stack", single)
		}
		ways = append(ways, items, files, []string{"total", name + ":" + u, "--stack", write(fmt.Sprintf("rest%d.yaml", i),
			fmt.Sprintf("- {form: %q, amount: %s, per_day: %d}\n", name, u, k-1))})
		var firstVal string
		firstCode := -1
		for _, w := range ways {
			val, errs, code := runWith(t, nil, append(w, "-o", "value")...)
			if code != 0 && code != ExitOverLimit {
				t.Fatalf("%v: exit %d, %s", w, code, errs)
			}
			if firstCode == -1 {
				firstVal, firstCode = val, code
				ran++
				if code == ExitOverLimit {
					over++
				}
				continue
			}
			if val != firstVal || code != firstCode {
				t.Fatalf("%v: %q exit %d; %v: %q exit %d", ways[0], firstVal, firstCode, w, val, code)
			}
		}
	}
	if ran < 100 || over == 0 || over == ran {
		t.Errorf("%d cases ran, %d over: the generator no longer straddles the limit", ran, over)
	}
}

func safeGroup(m []string) string {
	if len(m) < 2 {
		return ""
	}
	return m[1]
}

// The Mg share of every variant is the same number in `forms`, `forms
// show` and `elemental` (the same question asked three ways): each rounds
// once, from the formula's fraction, to two decimals of a percent.
func TestSharesAgreeEverywhere(t *testing.T) {
	tb := formTable(t)
	list, _, _ := runWith(t, nil, "forms")
	// forms lists the variants in table order, one a line after the header,
	// its % Mg the cell before the gut tolerance
	lines := strings.Split(list, "\n")[1:]
	elemPct := regexp.MustCompile(`([0-9.]+) % Mg\)`)
	i := 0
	for _, f := range tb.Forms {
		detail, _, _ := runWith(t, nil, "forms", "show", f.Key)
		for _, v := range f.Variants {
			want := strconv.FormatFloat(v.Fraction*100, 'f', 2, 64)
			cells := regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(lines[i]), -1)
			i++
			if len(cells) < 3 || cells[len(cells)-2] != want || !strings.HasPrefix(cells[len(cells)-5], v.Key) {
				t.Errorf("forms: %s:%s shows %q, want %s %%", f.Key, v.Key, cells, want)
			}
			if !strings.Contains(detail, " "+want+" %\n") {
				t.Errorf("forms show %s: no %s %% for %s", f.Key, want, v.Key)
			}
			out, _, _ := runWith(t, nil, "elemental", f.Key+":"+v.Key, "100")
			if m := elemPct.FindStringSubmatch(out); m == nil || m[1] != want {
				t.Errorf("elemental %s:%s shows %q, want %s %%", f.Key, v.Key, m, want)
			}
		}
	}
}
