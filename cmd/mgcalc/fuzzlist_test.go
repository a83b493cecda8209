package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Every fuzz target in the code is run by CI (.ci/run) and listed in the
// README, and both name only targets that exist: a list kept by hand goes
// stale (the README named a removed FuzzWholeMg and left out four).
func TestFuzzTargetsListed(t *testing.T) {
	root := filepath.Join("..", "..")
	decl := regexp.MustCompile(`(?m)^func (Fuzz[A-Za-z0-9]+)\(`)
	var code []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range decl.FindAllSubmatch(b, -1) {
			code = append(code, string(m[1]))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(code) < 20 {
		t.Fatalf("found only %d fuzz targets: %v", len(code), code)
	}
	named := regexp.MustCompile(`\bFuzz[A-Z][A-Za-z0-9]*\b`)
	for _, f := range []string{".ci/run", "README.md"} {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		listed := named.FindAllString(string(b), -1)
		for _, c := range code {
			if !slices.Contains(listed, c) {
				t.Errorf("%s does not name fuzz target %s", f, c)
			}
		}
		for _, l := range listed {
			if !slices.Contains(code, l) {
				t.Errorf("%s names %s, which no test file declares", f, l)
			}
		}
	}
}
