package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// textPerDay is the daily amount in label's text: the one value, or the
// top of a range.
var textPerDay = regexp.MustCompile(`(?m)^  magnesium per day: (?:[0-9.]+ to )?([0-9.]+) mg`)

// labelAnswers runs label and total --label on one label file and returns
// every answer they give for its magnesium a day.
type labelAnswers struct {
	value, text     string  // -o value, and the text's daily amount
	json            float64 // -o json elemental_mg_per_day
	totalValue      string  // total --label -o value
	totalJSON       float64 // total --label -o json total_elemental_mg
	code, totalCode int
}

func answers(t *testing.T, path string) labelAnswers {
	t.Helper()
	var a labelAnswers
	var errs string
	a.value, errs, a.code = runIn(t, nil, "", "label", path, "-o", "value")
	if a.code != 0 && a.code != ExitOverLimit {
		t.Fatalf("label %s -o value: exit %d, %s", path, a.code, errs)
	}
	a.value = strings.TrimSpace(a.value)
	out, _, code := runIn(t, nil, "", "label", path)
	m := textPerDay.FindStringSubmatch(out)
	if m == nil || code != a.code {
		t.Fatalf("label %s: exit %d, no daily amount in:\n%s", path, code, out)
	}
	a.text = m[1]
	out, _, code = runIn(t, nil, "", "label", path, "-o", "json")
	var j struct {
		PerDay *float64 `json:"elemental_mg_per_day"`
	}
	if err := json.Unmarshal([]byte(out), &j); err != nil || j.PerDay == nil || code != a.code {
		t.Fatalf("label %s -o json: exit %d, %v:\n%s", path, code, err, out)
	}
	a.json = *j.PerDay
	a.totalValue, _, a.totalCode = runIn(t, nil, "", "total", "--label", path, "-o", "value")
	a.totalValue = strings.TrimSpace(a.totalValue)
	out, _, _ = runIn(t, nil, "", "total", "--label", path, "-o", "json")
	var tj struct {
		Total float64 `json:"total_elemental_mg"`
	}
	if err := json.Unmarshal([]byte(out), &tj); err != nil {
		t.Fatalf("total --label %s -o json: %v:\n%s", path, err, out)
	}
	a.totalJSON = tj.Total
	return a
}

// check asserts that the answers agree with each other and, where the
// caller knows it, with the daily amount the label prints (want, < 0 when
// not known): JSON to 0.01 mg, the value and the text to their one
// decimal, and total --label gives the same number and exit status.
func (a labelAnswers) check(t *testing.T, name string, want float64) {
	t.Helper()
	one := strconv.FormatFloat(a.json, 'f', 1, 64)
	switch {
	case want >= 0 && math.Abs(a.json-want) > 0.005+1e-9:
		t.Errorf("%s: JSON %v mg a day, the label says %v", name, a.json, want)
	case a.value != one && !strings.HasPrefix(a.value, one[:len(one)-1]):
		t.Errorf("%s: -o value %s, JSON %v", name, a.value, a.json)
	case a.text != a.value:
		t.Errorf("%s: text %s, -o value %s", name, a.text, a.value)
	case a.totalValue != a.value || a.totalJSON != a.json:
		t.Errorf("%s: total --label gives %s (%v), label %s (%v)", name, a.totalValue, a.totalJSON, a.value, a.json)
	case a.totalCode != a.code:
		t.Errorf("%s: total --label exits %d, label %d", name, a.totalCode, a.code)
	}
}

// For every real label in testdata/labels that can be read, label and
// total --label agree, and text, -o value and JSON give one number.
func TestLabelFixturesAgree(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "labels", "*"))
	if err != nil || len(files) < 8 {
		t.Fatalf("fixtures: %v, %v", files, err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			continue
		}
		if _, _, code := runIn(t, nil, "", "label", f, "-o", "value"); code == ExitError {
			continue // refused: 33919, 299037 (their own tests)
		}
		answers(t, f).check(t, filepath.Base(f), -1)
		n++
	}
	if n < 9 {
		t.Errorf("only %d fixtures read", n)
	}
}

// labelSalts are salts as labels print them in English, Dutch and German.
var labelSalts = []struct{ key, en, nl, de string }{
	{"citrate", "citrate", "citraat", "citrat"}, {"oxide", "oxide", "oxide", "oxid"},
	{"bisglycinate", "bisglycinate", "bisglycinaat", "bisglycinat"}, {"malate", "malate", "malaat", "malat"},
	{"lactate", "lactate", "lactaat", "lactat"}, {"taurate", "taurate", "tauraat", "taurat"},
	{"gluconate", "gluconate", "gluconaat", "gluconat"}, {"chloride", "chloride", "chloride", "chlorid"},
}

// decimal prints x with d decimals, with a comma when comma is set.
func decimal(x float64, d int, comma bool) string {
	s := strconv.FormatFloat(x, 'f', d, 64)
	if comma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// For random labels in three languages (elemental, compound and both
// lines; servings and directions with ranges; decimal commas), the daily
// amount is what the label prints, times the top of its servings a day,
// and every answer of label and total --label is that number.
func TestLabelRandomAgree(t *testing.T) {
	tb := formTable(t)
	rng := rand.New(rand.NewPCG(19, 2026))
	dir := t.TempDir()
	for i := 0; i < 120; i++ {
		s := labelSalts[rng.IntN(len(labelSalts))]
		f := tb.Lookup(s.key)
		frac := f.Default().Fraction
		lang := rng.IntN(3)
		comma := lang > 0
		var lines []string
		var per float64
		switch kind := rng.IntN(3); kind {
		case 0: // elemental with its salt
			e := float64(rng.IntN(3000)+10) / 10
			per = e
			lines = append(lines, [...]string{
				fmt.Sprintf("Magnesium (as magnesium %s) %s mg", s.en, decimal(e, 1, false)),
				fmt.Sprintf("Magnesium (uit magnesium%s) %s mg", s.nl, decimal(e, 1, comma)),
				fmt.Sprintf("Magnesium (aus Magnesium%s) %s mg", s.de, decimal(e, 1, comma)),
			}[lang])
		case 1: // the compound only
			c := float64(rng.IntN(20000)+100) / 10
			per = c * frac
			lines = append(lines, [...]string{
				fmt.Sprintf("Magnesium %s %s mg", s.en, decimal(c, 1, false)),
				fmt.Sprintf("Magnesium%s %s mg", s.nl, decimal(c, 1, comma)),
				fmt.Sprintf("Magnesium%s %s mg", s.de, decimal(c, 1, comma)),
			}[lang])
		default: // both, as a label rounds its magnesium (to 0.1 mg)
			c := float64(rng.IntN(2000) + 100)
			e := math.Round(c*frac*10) / 10
			per = e
			lines = append(lines, [...]string{
				fmt.Sprintf("Magnesium %s %s mg, providing %s mg elemental magnesium", s.en, decimal(c, 0, false), decimal(e, 1, false)),
				fmt.Sprintf("Magnesium%s %s mg waarvan magnesium %s mg", s.nl, decimal(c, 0, false), decimal(e, 1, comma)),
				fmt.Sprintf("%s mg Magnesium%s, davon %s mg Magnesium", decimal(c, 0, false), s.de, decimal(e, 1, comma)),
			}[lang])
		}
		// a serving of k tablets, taken lo-hi tablets a day (often k per
		// serving, so the servings a day are whole)
		k := rng.IntN(2) + 1
		lo := k * (rng.IntN(2) + 1)
		hi := lo + k*rng.IntN(2)
		header := [...]string{fmt.Sprintf("Per %d tablets:", k), fmt.Sprintf("Per %d tabletten:", k), fmt.Sprintf("Pro %d Tabletten:", k)}[lang]
		if k == 1 {
			header = [...]string{"Per tablet:", "Per tablet:", "Pro Tablette:"}[lang]
		}
		dir1 := [...]string{"Take %s tablets daily.", "Neem %s tabletten per dag.", "Täglich %s Tabletten einnehmen."}[lang]
		amount := strconv.Itoa(lo)
		if hi != lo {
			amount += "-" + strconv.Itoa(hi)
		}
		text := header + "\n" + strings.Join(lines, "\n") + "\n" + fmt.Sprintf(dir1, amount) + "\n"
		path := filepath.Join(dir, fmt.Sprintf("l%03d.txt", i))
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		want := per * float64(hi) / float64(k)
		answers(t, path).check(t, fmt.Sprintf("%q", text), want)
	}
}
