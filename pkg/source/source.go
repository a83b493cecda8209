// Package source holds the bibliography of mgcalc's tables: every value in
// data/ names one or more source ids, and Registry checks that each exists.
package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Source is one publication, label or document a value comes from.
type Source struct {
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	// Kind and Date describe the publication where its title does not (an
	// article's day, a blog): kept apart from the title, which stays as
	// published, so a report words them in its language. Kind is one of
	// Kinds; Date is YYYY-MM-DD or YYYY-MM.
	Kind string `yaml:"kind,omitempty" json:"kind,omitempty"`
	Date string `yaml:"date,omitempty" json:"date,omitempty"`
	URL  string `yaml:"url,omitempty" json:"url,omitempty"`
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// The kinds of publication a source may name.
const (
	KindPractitionerBlog = "practitioner-blog"
	KindPressRelease     = "press-release"
)

// Kinds are the kinds a source may name.
var Kinds = []string{KindPractitionerBlog, KindPressRelease}

// validDate reports whether d is YYYY-MM-DD or YYYY-MM, with a month 01-12
// and a day 01-31.
func validDate(d string) bool {
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return s != ""
	}
	y, rest, ok := strings.Cut(d, "-")
	if !ok || len(y) != 4 || !digits(y) {
		return false
	}
	m, day, hasDay := strings.Cut(rest, "-")
	if len(m) != 2 || !digits(m) || m < "01" || m > "12" {
		return false
	}
	return !hasDay || len(day) == 2 && digits(day) && day >= "01" && day <= "31"
}

// Registry is the bibliography, sorted by id, each id once: a slice rather
// than a map, so that a table generated into Go (pkg/kb) holds it as
// constant data. Build makes one.
type Registry []Source

// Get returns the source with id.
func (r Registry) Get(id string) (Source, bool) {
	i, ok := slices.BinarySearchFunc(r, id, func(s Source, id string) int { return strings.Compare(s.ID, id) })
	if !ok {
		return Source{}, false
	}
	return r[i], true
}

// Load decodes and validates the bibliography.
func Load(b []byte) (Registry, error) {
	list, err := Decode(b)
	if err != nil {
		return nil, err
	}
	return Build(list)
}

// Decode decodes sources.yaml strictly, without validating it.
func Decode(b []byte) ([]Source, error) {
	var list []Source
	if err := DecodeStrict(b, &list); err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	return list, nil
}

// Build validates a decoded bibliography (every entry has an id and a
// title, no id twice) and sorts it by id. list is left as it is.
func Build(list []Source) (Registry, error) {
	seen := make(map[string]bool, len(list))
	for i, s := range list {
		if s.ID == "" || s.Title == "" {
			return nil, fmt.Errorf("sources: entry %d needs an id and a title", i+1)
		}
		if seen[s.ID] {
			return nil, fmt.Errorf("sources: duplicate id %q", s.ID)
		}
		if s.Kind != "" && !slices.Contains(Kinds, s.Kind) {
			return nil, fmt.Errorf("sources: %s: unknown kind %q (one of %s)", s.ID, s.Kind, strings.Join(Kinds, ", "))
		}
		if s.Date != "" && !validDate(s.Date) {
			return nil, fmt.Errorf("sources: %s: date %q is not YYYY-MM-DD or YYYY-MM", s.ID, s.Date)
		}
		seen[s.ID] = true
	}
	reg := slices.Clone(Registry(list))
	slices.SortFunc(reg, func(a, b Source) int { return strings.Compare(a.ID, b.ID) })
	return reg, nil
}

// Check reports an error unless ids is non-empty and every id is known.
// what names the value for the message.
func (r Registry) Check(what string, ids []string) error {
	if len(ids) == 0 {
		return fmt.Errorf("%s has no source", what)
	}
	for _, id := range ids {
		if _, ok := r.Get(id); !ok {
			return fmt.Errorf("%s cites unknown source %q", what, id)
		}
	}
	return nil
}

// Lookup returns the sources for ids, in order, skipping unknown ones.
func (r Registry) Lookup(ids []string) []Source {
	out := make([]Source, 0, len(ids))
	for _, id := range ids {
		if s, ok := r.Get(id); ok {
			out = append(out, s)
		}
	}
	return out
}

// DecodeStrict decodes one YAML document into v. Unknown keys are errors,
// and so are a second document (it would be dropped unread) and anchors
// and aliases (a few kilobytes of aliases can expand into gigabytes; the
// tables have no use for them).
func DecodeStrict(b []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return errors.New("no YAML document: the file is empty or only comments")
		}
		return err
	}
	if err := noAliases(&doc); err != nil {
		return err
	}
	for {
		var more yaml.Node
		err := dec.Decode(&more)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		// a trailing "---" opens an empty document: nothing to drop
		if len(more.Content) == 1 && more.Content[0].Tag == "!!null" && more.Content[0].Value == "" {
			continue
		}
		return fmt.Errorf("line %d: a second YAML document; a table is one document", more.Line)
	}
	strict := yaml.NewDecoder(bytes.NewReader(b))
	strict.KnownFields(true)
	return strict.Decode(v)
}

// noAliases refuses YAML anchors and aliases anywhere in n.
func noAliases(n *yaml.Node) error {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return fmt.Errorf("line %d: YAML anchors and aliases are not allowed", n.Line)
	}
	for _, c := range n.Content {
		if err := noAliases(c); err != nil {
			return err
		}
	}
	return nil
}
