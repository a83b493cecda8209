// Package source holds the bibliography of mgcalc's tables: every value in
// data/ names one or more source ids, and Registry checks that each exists.
package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"gopkg.in/yaml.v3"
)

// Source is one publication, label or document a value comes from.
type Source struct {
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	URL   string `yaml:"url,omitempty" json:"url,omitempty"`
	Note  string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Registry maps ids to sources.
type Registry map[string]Source

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
// title, no id twice) and indexes it by id.
func Build(list []Source) (Registry, error) {
	reg := make(Registry, len(list))
	for i, s := range list {
		if s.ID == "" || s.Title == "" {
			return nil, fmt.Errorf("sources: entry %d needs an id and a title", i+1)
		}
		if _, dup := reg[s.ID]; dup {
			return nil, fmt.Errorf("sources: duplicate id %q", s.ID)
		}
		reg[s.ID] = s
	}
	return reg, nil
}

// Check reports an error unless ids is non-empty and every id is known.
// what names the value for the message.
func (r Registry) Check(what string, ids []string) error {
	if len(ids) == 0 {
		return fmt.Errorf("%s has no source", what)
	}
	for _, id := range ids {
		if _, ok := r[id]; !ok {
			return fmt.Errorf("%s cites unknown source %q", what, id)
		}
	}
	return nil
}

// Lookup returns the sources for ids, in order, skipping unknown ones.
func (r Registry) Lookup(ids []string) []Source {
	out := make([]Source, 0, len(ids))
	for _, id := range ids {
		if s, ok := r[id]; ok {
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
