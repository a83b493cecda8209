package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// labelCorpus writes n labels for the benchmarks: the real text labels of
// testdata/labels in turn, each with a comment line of its own, so no two
// files are alike.
func labelCorpus(b *testing.B, n int) []string {
	b.Helper()
	src, err := filepath.Glob(filepath.Join("..", "..", "testdata", "labels", "*.txt"))
	if err != nil || len(src) == 0 {
		b.Fatal(err)
	}
	var texts []string
	for _, f := range src {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
	}
	dir := b.TempDir()
	files := make([]string, n)
	for i := range files {
		t := texts[i%len(texts)] + fmt.Sprintf("# copy %d\n", i)
		files[i] = filepath.Join(dir, fmt.Sprintf("%05d.txt", i))
		if err := os.WriteFile(files[i], []byte(t), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return files
}

// BenchmarkLabel10000 reads 10,000 labels in one call, `mgcalc label
// FILE… -o jsonl --keep-going`, and reports labels a second.
func BenchmarkLabel10000(b *testing.B) {
	const n = 10000
	files := labelCorpus(b, n)
	args := append(append([]string{"label"}, files...), "-o", "jsonl", "--keep-going")
	getenv := func(string) string { return "" }
	for b.Loop() {
		var out, errb bytes.Buffer
		if code := run(args, strings.NewReader(""), &out, &errb, getenv); code != 0 && code != ExitOverLimit {
			b.Fatalf("exit %d: %s", code, errb.String()[:min(400, errb.Len())])
		}
		if lines := bytes.Count(out.Bytes(), []byte("\n")); lines != n {
			b.Fatalf("%d rows, want %d", lines, n)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "labels/s")
}

// BenchmarkLabelDSLD10000 reads one DSLD file that holds 10,000 labels
// (DSLD 323076's, with its 14 rows: 33 MB would be above the 32 MiB bound,
// so the quoted rows are compacted to what mgcalc reads).
func BenchmarkLabelDSLD10000(b *testing.B) {
	const n = 5000
	one, err := os.ReadFile(filepath.Join("..", "..", "testdata", "labels", "dsld-323076.json"))
	if err != nil {
		b.Fatal(err)
	}
	var label map[string]any
	if err := json.Unmarshal(one, &label); err != nil {
		b.Fatal(err)
	}
	all := make([]map[string]any, n)
	for i := range all {
		all[i] = label
	}
	data, _ := json.Marshal(all)
	path := filepath.Join(b.TempDir(), "all.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	getenv := func(string) string { return "" }
	for b.Loop() {
		var out, errb bytes.Buffer
		if code := run([]string{"label", "--dsld", path, "-o", "jsonl"}, strings.NewReader(""), &out, &errb, getenv); code != 0 {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "labels/s")
}
