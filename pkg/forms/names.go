package forms

import (
	"sort"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// MaxNameLen bounds a form name; longer input is rejected before any work.
const MaxNameLen = 128

// Normalize folds a form name for matching: lower case, no "magnesium" (or
// "mag ") prefix, and only letters and digits.
func Normalize(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if rest, ok := strings.CutPrefix(s, "magnesium"); ok {
		s = rest
	} else if len(s) > 4 && strings.HasPrefix(s, "mag") && (s[3] == ' ' || s[3] == '-' || s[3] == '_') {
		s = s[4:]
	}
	return alnum(s)
}

func normalizeVariant(s string) string { return alnum(strings.ToLower(s)) }

func alnum(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Lookup finds a form by key or alias, or returns nil.
func (t *Table) Lookup(name string) *Form {
	return t.index[Normalize(name)]
}

// Resolve reads FORM or FORM:VARIANT. With no variant it returns the
// form's default. Errors are *msg.Message with a hint where one helps.
func (t *Table) Resolve(name string) (*Form, *Variant, error) {
	if len(name) > MaxNameLen {
		return nil, nil, msg.Errorf("form name is longer than %d characters", MaxNameLen)
	}
	formName, variantName, hasVariant := strings.Cut(name, ":")
	if strings.TrimSpace(formName) == "" {
		return nil, nil, msg.Errorf("no form given").WithHint("run 'mgcalc forms' to list the forms")
	}
	f := t.Lookup(formName)
	if f == nil {
		err := msg.Errorf("unknown form %q", formName)
		if s := t.Suggest(formName); s != "" {
			return nil, nil, err.WithHint("did you mean %s?", s)
		}
		return nil, nil, err.WithHint("run 'mgcalc forms' to list the forms")
	}
	if !hasVariant {
		return f, f.Default(), nil
	}
	v := f.Variant(variantName)
	if v == nil {
		return nil, nil, msg.Errorf("%s has no variant %q", f.Key, variantName).
			WithHint("variants of %s: %s", f.Key, strings.Join(f.VariantKeys(), ", "))
	}
	return f, v, nil
}

// Variant finds a variant by key or alias, or returns nil.
func (f *Form) Variant(name string) *Variant {
	n := normalizeVariant(name)
	if n == "" {
		return nil
	}
	for _, v := range f.Variants {
		if normalizeVariant(v.Key) == n {
			return v
		}
		for _, a := range v.Aliases {
			if normalizeVariant(a) == n {
				return v
			}
		}
	}
	return nil
}

// VariantKeys lists the variant keys, the default marked.
func (f *Form) VariantKeys() []string {
	out := make([]string, len(f.Variants))
	for i, v := range f.Variants {
		out[i] = v.Key
		if v.Default {
			out[i] += " (default)"
		}
	}
	return out
}

// Suggest returns the key of the form whose name is closest to name, or ""
// when none is close enough to be a plausible typo.
func (t *Table) Suggest(name string) string {
	n := Normalize(name)
	if n == "" {
		return ""
	}
	type cand struct {
		key  string
		dist int
	}
	var best []cand
	names := make([]string, 0, len(t.index))
	for k := range t.index {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		d := levenshtein(n, k)
		if len(n) >= 4 && strings.HasPrefix(k, n) {
			d = 0 // a typed beginning: "bisgly"
		}
		best = append(best, cand{t.index[k].Key, d})
	}
	sort.SliceStable(best, func(i, j int) bool { return best[i].dist < best[j].dist })
	limit := 1 // a typo allowance that grows with the word
	switch {
	case len(n) >= 9:
		limit = 3
	case len(n) >= 5:
		limit = 2
	}
	if len(best) == 0 || best[0].dist > limit {
		return ""
	}
	return best[0].key
}

func levenshtein(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 1 << 20
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
