package msg

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// runtimeKeys are the calls whose key is not a literal, with the keys each
// can produce. They are in pkg/render; a key built at run time is allowed
// only here, where its every value is listed (and translated). A call not
// listed fails the test; an entry no call uses fails it too, so its keys
// do not linger in the catalogue.
var runtimeKeys = map[string][]string{
	// render.go: Term.Label's kind; its callers' literal kinds are
	// collected from the source (see labelKinds) and checked against this.
	`kind + ":"`: nil,
	// forms.go: the gut tolerance levels of data/forms.yaml (forms.Table
	// accepts only these).
	`r.Tolerance`: {"gentle", "moderate", "laxative", "unknown"},
	`d.Tolerance`: {"gentle", "moderate", "laxative", "unknown"},
	// limits.go: limits.Sex values.
	`*r.Person.Sex`: {"male", "female"},
	// plan.go, md.go: the values of the ruleNames map (collected from its
	// literal).
	`ruleNames[ru.Key]`: nil,
	// pkg/journal plan.go: a saved plan's warning, kept as its format
	// (a literal key where pkg/plan made it, checked there) and arguments.
	`t.Format`: nil,
}

// sourceKeys walks the non-test Go files of pkg/ and cmd/ (but pkg/msg,
// which is the machinery) and returns every message key: the literal
// first argument of msg.Errorf, msg.New, WithHint, a Printer's S, and the
// kind of Term.Label (its key is kind+":"). bad lists the calls whose key
// is not a literal and not in runtimeKeys.
func sourceKeys(t *testing.T) (keys map[string][]string, bad []string, usedRuntime map[string]bool) {
	keys, bad, usedRuntime, _ = sourceTexts(t)
	return
}

// helpCall is a Printer.Help call: its key, its English, and where.
type helpCall struct{ key, english, at string }

// sourceTexts is sourceKeys with the Help calls as well.
func sourceTexts(t *testing.T) (keys map[string][]string, bad []string, usedRuntime map[string]bool, helpCalls []helpCall) {
	t.Helper()
	keys = map[string][]string{}
	usedRuntime = map[string]bool{}
	fset := token.NewFileSet()
	add := func(k string, pos token.Pos) {
		keys[k] = append(keys[k], fset.Position(pos).String())
	}
	var ruleNames []string
	for _, top := range []string{"../../pkg", "../../cmd"} {
		err := filepath.WalkDir(top, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if d.Name() == "testdata" {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			// package msg passes formats through; its own messages are in
			// refusal.go, called there without the package name
			inMsg := filepath.Dir(path) == filepath.Join("..", "..", "pkg", "msg")
			if inMsg && filepath.Base(path) != "refusal.go" {
				return nil
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if vs, ok := n.(*ast.ValueSpec); ok && len(vs.Names) == 1 && vs.Names[0].Name == "ruleNames" && len(vs.Values) == 1 {
					if cl, ok := vs.Values[0].(*ast.CompositeLit); ok {
						for _, e := range cl.Elts {
							if kv, ok := e.(*ast.KeyValueExpr); ok {
								if s, ok := stringLit(kv.Value); ok {
									ruleNames = append(ruleNames, s)
									add(s, kv.Pos())
								}
							}
						}
					}
				}
				c, ok := n.(*ast.CallExpr)
				if !ok || len(c.Args) == 0 {
					return true
				}
				if id, ok := c.Fun.(*ast.Ident); ok && inMsg && (id.Name == "Errorf" || id.Name == "New") {
					if s, ok := stringLit(c.Args[0]); ok {
						add(s, c.Pos())
					}
					return true
				}
				sel, ok := c.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				name := sel.Sel.Name
				pkg, _ := sel.X.(*ast.Ident)
				if name == "Help" && len(c.Args) >= 2 {
					k, ok1 := stringLit(c.Args[0])
					en, ok2 := stringLit(c.Args[1])
					if !ok1 || !ok2 {
						bad = append(bad, fmt.Sprintf("%s: Help with a key or English that is not a literal", fset.Position(c.Pos())))
						return true
					}
					helpCalls = append(helpCalls, helpCall{k, en, fset.Position(c.Pos()).String()})
					return true
				}
				if pkg != nil && pkg.Name == "msg" && name == "Plural" && len(c.Args) >= 3 {
					for _, a := range c.Args[1:3] {
						if s, ok := stringLit(a); ok {
							add(s, c.Pos())
						} else {
							bad = append(bad, fmt.Sprintf("%s: Plural with a key that is not a literal", fset.Position(c.Pos())))
						}
					}
					return true
				}
				switch {
				case pkg != nil && pkg.Name == "msg" && (name == "Errorf" || name == "New"):
				case name == "WithHint", name == "S":
				case name == "Label" && len(c.Args) == 2:
					if s, ok := stringLit(c.Args[0]); ok {
						add(s+":", c.Pos())
					}
					return true
				default:
					return true
				}
				if s, ok := stringLit(c.Args[0]); ok {
					add(s, c.Pos())
					return true
				}
				var b strings.Builder
				printer.Fprint(&b, fset, c.Args[0])
				expr := b.String()
				if _, ok := runtimeKeys[expr]; ok {
					usedRuntime[expr] = true
					for _, k := range runtimeKeys[expr] {
						add(k, c.Pos())
					}
					return true
				}
				bad = append(bad, fmt.Sprintf("%s: %s(%s, …)", fset.Position(c.Pos()), name, expr))
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(ruleNames) == 0 && usedRuntime["ruleNames[ru.Key]"] {
		t.Error("ruleNames is looked up but its literal was not found")
	}
	return keys, bad, usedRuntime, helpCalls
}

// Every help text the code passes to Printer.Help has Dutch under its key
// (data/i18n/nl.help.yaml), translating the English the code has now: the
// digest it carries is the English's, so a changed English fails here
// until its Dutch is redone. A key is one text, and every key is used.
func TestDutchHelp(t *testing.T) {
	_, _, _, calls := sourceTexts(t)
	if len(calls) < 90 {
		t.Fatalf("found only %d help calls", len(calls))
	}
	help := map[string]HelpText{}
	for _, h := range HelpCatalogue(Dutch) {
		help[h.Key] = h
	}
	english := map[string]string{}
	for _, c := range calls {
		if prev, ok := english[c.key]; ok && prev != c.english {
			t.Errorf("%s: help key %s is used for two texts", c.at, c.key)
		}
		english[c.key] = c.english
		h, ok := help[c.key]
		switch {
		case !ok:
			t.Errorf("%s: no Dutch for help %s in data/i18n/nl.help.yaml", c.at, c.key)
			continue
		case h.Digest != Digest(c.english):
			t.Errorf("%s: the Dutch of %s translates an older English: translate the new one, then set en: %q", c.at, c.key, Digest(c.english))
		}
		if a, b := verbs(c.english), verbs(h.Text); strings.Join(a, " ") != strings.Join(b, " ") {
			t.Errorf("%s: the Dutch has verbs %v, the English %v", c.key, b, a)
		}
		if lead, trail := leadTrail(c.english); lead != leadOf(h.Text) || trail != trailOf(h.Text) {
			t.Errorf("%s: the Dutch must keep the English's leading and trailing white space", c.key)
		}
	}
	for k := range help {
		if _, ok := english[k]; !ok {
			t.Errorf("data/i18n/nl.help.yaml has %s, which no code uses", k)
		}
	}
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// verbRE matches a format verb: flags, an optional argument index, width
// and precision (either may be * or indexed), and the verb.
var verbRE = regexp.MustCompile(`%[-+# 0]*(?:\[\d+\])?(?:\d+|\*)?(?:\.(?:\[\d+\])?(?:\d+|\*)?)?(?:\[\d+\])?[a-zA-Z%]`)

// verbs returns the sorted verb letters of a format (%% included), with
// argument indexes left out, so a translation may reorder its arguments.
func verbs(format string) []string {
	var out []string
	for _, v := range verbRE.FindAllString(format, -1) {
		out = append(out, v[len(v)-1:])
	}
	sort.Strings(out)
	return out
}

// dummyArgs returns an argument for each verb of format, in order.
func dummyArgs(format string) []any {
	var args []any
	for _, v := range verbRE.FindAllString(format, -1) {
		switch v[len(v)-1] {
		case '%':
		case 'd':
			args = append(args, 7)
		case 'q', 's', 'v':
			args = append(args, "x")
		default:
			args = append(args, 1.5)
		}
	}
	return args
}

// Every message key in the code has a Dutch translation with the same
// format verbs; the catalogue has no key the code does not use; no key
// is built at run time outside runtimeKeys.
func TestDutchCatalogue(t *testing.T) {
	keys, bad, usedRuntime := sourceKeys(t)
	for _, b := range bad {
		t.Errorf("a message key built at run time (give a literal): %s", b)
	}
	for expr := range runtimeKeys {
		if !usedRuntime[expr] {
			t.Errorf("runtimeKeys lists %s, which no call uses any more: remove it", expr)
		}
	}
	if len(keys) < 400 {
		t.Fatalf("found only %d keys: is the walk looking in the right place?", len(keys))
	}
	nl := Catalogue(Dutch)
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		tr, ok := nl[k]
		if !ok {
			t.Errorf("no Dutch for %q (%s)", k, keys[k][0])
			continue
		}
		if a, b := verbs(k), verbs(tr); strings.Join(a, " ") != strings.Join(b, " ") {
			t.Errorf("%q: the Dutch has verbs %v, the key %v", k, b, a)
			continue
		}
		if out := fmt.Sprintf(k, dummyArgs(k)...); strings.Contains(out, "%!") {
			t.Errorf("%q: the key itself does not format (write a literal %% as %%%%): %q", k, out)
		}
		if out := fmt.Sprintf(tr, dummyArgs(k)...); strings.Contains(out, "%!") {
			t.Errorf("%q: the Dutch does not format: %q", k, out)
		}
		if strings.TrimSpace(tr) == "" {
			t.Errorf("%q: empty translation", k)
		}
		if lead, trail := leadTrail(k); lead != leadOf(tr) || trail != trailOf(tr) {
			t.Errorf("%q: the Dutch must keep the key's leading and trailing white space", k)
		}
	}
	var stale []string
	for k := range nl {
		if _, ok := keys[k]; !ok {
			stale = append(stale, k)
		}
	}
	sort.Strings(stale)
	for _, k := range stale {
		t.Errorf("the Dutch catalogue has %q, which no code uses", k)
	}
	t.Logf("%d keys, all translated", len(keys))
}

// The Label kinds the code uses are the ones runtimeKeys expects.
func TestLabelKinds(t *testing.T) {
	keys, _, _ := sourceKeys(t)
	for _, k := range []string{"note:", "warning:", "advice:"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("no Label(%q, …) found", strings.TrimSuffix(k, ":"))
		}
	}
}

func leadTrail(s string) (string, string) { return leadOf(s), trailOf(s) }
func leadOf(s string) string              { return s[:len(s)-len(strings.TrimLeft(s, " \n"))] }
func trailOf(s string) string             { return s[len(strings.TrimRight(s, " \n")):] }

// Dutch numbers: a decimal comma, and a point between thousands from
// 10 000 on.
func TestDutchNumbers(t *testing.T) {
	nl, ok := NewPrinter(Dutch)
	if !ok {
		t.Fatal("no Dutch printer")
	}
	for _, c := range []struct {
		x    float64
		dec  int
		want string
	}{
		{80.8, 1, "80,8"}, {1830, 0, "1830"}, {9999.5, 1, "9999,5"}, {10000, 0, "10.000"},
		{12345.678, 2, "12.345,68"}, {1234567, 0, "1.234.567"}, {-0.04, 1, "0,0"}, {-12345, 0, "-12.345"},
	} {
		if got := nl.Num(c.x, c.dec); got != c.want {
			t.Errorf("Num(%v, %d) = %q, want %q", c.x, c.dec, got, c.want)
		}
	}
	for in, want := range map[float64]string{500: "500", 0.5: "0,5", 193.461: "193,461", 25000: "25.000", 12500.25: "12.500,25"} {
		if got := nl.Amount(in); got != want {
			t.Errorf("Amount(%v) = %q, want %q", in, got, want)
		}
	}
	if got := EN.Num(12345.6, 1); got != "12345.6" {
		t.Errorf("English groups no thousands: %q", got)
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"nl": Dutch, "NL": Dutch, "nl_NL.UTF-8": Dutch, "nl_BE": Dutch, "nl-BE": Dutch, "en": English, "en_GB.UTF-8": English, "en_US@x": English} {
		if got, ok := ParseLang(in); !ok || got != want {
			t.Errorf("ParseLang(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "fr", "C", "POSIX", "de_DE.UTF-8", "dutch", "_nl"} {
		if got, ok := ParseLang(in); ok {
			t.Errorf("ParseLang(%q) = %q, want none", in, got)
		}
	}
}
