//go:build linux

// Command bench measures mgcalc against yardsticks built in the same run.
// From the module root:
//
//	go run ./bench                  # a few minutes on 2 cores
//	go run ./bench -n 100           # fewer rounds: quicker, noisier
//	go run ./bench -lines 0         # single calls only
//	go run ./bench -base main       # also build mgcalc from a git ref: before and after in one run
//
// Single calls. Every mgcalc command runs in rounds with the full-stack
// floor (bench/floor built with -tags fullstack: a cobra root and
// subcommand, a viper reading an optional config file, the environment and
// the flags, lipgloss and yaml.v3 linked, nothing of mgcalc's) and a static
// hello-world, the order rotated every round, each a whole process from
// start to exit. A round's ratio is mgcalc's wall time over the floor's
// (the targets) and over the hello-world's; the medians, and the 10th and
// 90th percentiles, are printed. A machine that drifts in speed moves all
// three. Stdout is a pipe (drained, as a shell's next command would), then
// a pseudo-terminal of 100 columns opened here from /dev/ptmx. With -base,
// the base build runs in the same rounds, so its row is comparable.
//
// Dutch: `elemental citrate 500 --lang nl` in rounds with the same command
// in English; the ratio is Dutch over English.
//
// Memory: each command's peak resident memory (ru_maxrss), read through
// bench/rusage, a small program that starts the command and reports. Go's
// os/exec starts a child with CLONE_VFORK|CLONE_VM, and the kernel counts
// the parent's memory in the child's peak until execve: a child of this
// bench would read at least this bench's own size (about 7.5 MiB). Through
// rusage, a child reads at least rusage's size: about 2.3 MiB here, which
// the hello-world's row shows.
//
// Batch: `mgcalc elemental -` against bench/tightloop (the fastest loop one
// would write by hand: bytes, a map, strconv.AppendFloat, no fmt) and
// bench/handloop (the same job in idiomatic Go), over 1,000,000 lines of
// repeated products (4 forms × 900 amounts: 3,600 distinct lines, in a
// shuffled order) and 1,000,000 lines whose amounts never repeat; then
// mgcalc's peak memory over 1 M and 10 M lines fed through a pipe.
//
// Every program runs with HOME set to an empty directory, so no config
// file or MGCALC_* variable of the user's changes what is measured.
// Linux only (the pseudo-terminal and the rusage fields).
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
	"unsafe"
)

// call is one single-call case: a command and its targets against the
// full-stack floor (0: none).
type call struct {
	args           []string
	pipeTarget     float64
	terminalTarget float64
}

var calls = []call{
	{[]string{"elemental", "citrate", "500"}, 1.08, 0},
	{[]string{"total", "citrate:500", "bisglycinate:1000"}, 0, 0},
	{[]string{"limits"}, 0, 0},
	{[]string{"compound", "citrate", "100"}, 0, 0},
	{[]string{"elemental", "citrate", "500", "-o", "json"}, 0, 0},
	{[]string{"plan", "--goal", "sleep", "--gut", "sensitive"}, 1.20, 0},
	{[]string{"forms"}, 0, 1.30},
	{[]string{"--version"}, 0, 0},
}

// dutchTarget is the target for Dutch over English.
const dutchTarget = 1.05

// memTargets are the peak-memory targets (MiB) of single calls, piped.
var memTargets = map[string]float64{"elemental citrate 500": 9, "plan --goal sleep --gut sensitive": 9}

// forms4 are the forms of the batch inputs, with the Mg fractions that
// tightloop and handloop carry.
var forms4 = []string{"citrate", "oxide", "bisglycinate", "malate"}

// Batch targets: mgcalc's speed over tightloop's.
const (
	repeatedTarget = 1.0
	uniqueTarget   = 0.5
)

func main() {
	rounds := flag.Int("n", 200, "rounds for each single call")
	batchN := flag.Int("lines", 1_000_000, "lines for the batch throughput runs (0: no batch)")
	batchRuns := flag.Int("batch-runs", 5, "runs of each batch program on each input")
	bigN := flag.Int("rss-lines", 10_000_000, "lines for the second batch peak-memory run")
	memRuns := flag.Int("mem-runs", 15, "runs of each single call for its peak memory")
	base := flag.String("base", "", "a git ref to build as a second mgcalc, measured in the same rounds")
	journalN := flag.Int("journal", 10_000, "entries in the journal for the log and today runs (0: skip them)")
	flag.Parse()
	journalEntries = *journalN
	if err := run(*rounds, *batchN, *batchRuns, *bigN, *memRuns, *base); err != nil {
		fmt.Fprintln(os.Stderr, "bench: error:", err)
		os.Exit(1)
	}
}

type programs struct {
	mgcalc, base, hello, floor, linked, handloop, tightloop, rusage string
}

// devNull is /dev/null, open for reading and writing.
var devNull *os.File

func run(rounds, batchN, batchRuns, bigN, memRuns int, baseRef string) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "mgcalc-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	home := filepath.Join(tmp, "home")
	if err := os.Mkdir(home, 0o755); err != nil {
		return err
	}
	env := []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "TERM=xterm-256color", "LANG=C.UTF-8"}

	bin := func(name string) string { return filepath.Join(tmp, name) }
	p := programs{mgcalc: bin("mgcalc"), hello: bin("hello"), floor: bin("floor-full"), linked: bin("floor-linked"),
		handloop: bin("handloop"), tightloop: bin("tightloop"), rusage: bin("rusage")}
	builds := []struct{ dir, out, pkg, tags string }{{root, p.mgcalc, "./cmd/mgcalc", ""}, {root, p.hello, "./bench/hello", ""},
		{root, p.floor, "./bench/floor", "fullstack"}, {root, p.linked, "./bench/floor", "fullstack,linked"},
		{root, p.handloop, "./bench/handloop", ""},
		{root, p.tightloop, "./bench/tightloop", ""}, {root, p.rusage, "./bench/rusage", ""}}
	if baseRef != "" {
		src := filepath.Join(tmp, "base-src")
		if err := exportRef(root, baseRef, src); err != nil {
			return err
		}
		p.base = bin("mgcalc-base")
		builds = append(builds, struct{ dir, out, pkg, tags string }{src, p.base, "./cmd/mgcalc", ""})
	}
	for _, b := range builds {
		cmd := exec.Command("go", "build", "-tags="+b.tags, "-o", b.out, b.pkg)
		cmd.Dir = b.dir
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s in %s: %v\n%s", b.pkg, b.dir, err, out)
		}
	}
	goVersion, _ := exec.Command("go", "env", "GOVERSION").Output()
	fmt.Printf("mgcalc bench, %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Printf("machine: %s, %d cores, %s, Linux %s, load %s; %s; every program built static (CGO_ENABLED=0) in this run\n",
		cpuModel(), runtime.NumCPU(), memTotal(), kernel(), loadAvg(), strings.TrimSpace(string(goVersion)))
	if baseRef != "" {
		fmt.Printf("base: mgcalc built from %s (%s), measured in the same rounds\n", baseRef, describe(root, baseRef))
	}
	fmt.Println()

	if devNull, err = os.OpenFile(os.DevNull, os.O_RDWR, 0); err != nil {
		return err
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return err
	}
	go io.Copy(io.Discard, pr) // the reading end of the pipe, as a shell's next command
	master, tty, err := openPTY(40, 100)
	if err != nil {
		return fmt.Errorf("opening a pseudo-terminal: %w", err)
	}
	go io.Copy(io.Discard, master)

	var failed []string
	for _, mode := range []struct {
		name, title string
		stdout      *os.File
		pipe        bool
	}{{"piped", "stdout a pipe", pw, true}, {"terminal", "stdout a pseudo-terminal of 100 columns", tty, false}} {
		fmt.Printf("%s (%s): %d rounds of mgcalc, the full-stack floor and hello, order rotated; wall time;\n", mode.name, mode.title, rounds)
		fmt.Println("ratios are medians (p10-p90) of the rounds' mgcalc/floor and mgcalc/hello")
		tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprint(tw, "command\tmgcalc ms\t× floor\tp10-p90\ttarget\t× hello\t")
		if p.base != "" {
			fmt.Fprint(tw, "base × floor\tbase × hello\t")
		}
		fmt.Fprintln(tw)
		var floorMs, helloMs []float64
		for _, c := range calls {
			target := c.terminalTarget
			if mode.pipe {
				target = c.pipeTarget
			}
			label := strings.Join(c.args, " ")
			progs := []prog{{p.mgcalc, c.args}, {p.floor, []string{"elemental", "citrate", "500"}}, {p.hello, nil}}
			if p.base != "" {
				progs = append(progs, prog{p.base, c.args})
			}
			r, err := rounds_(progs, mode.stdout, env, rounds)
			if err != nil {
				return err
			}
			floorMs, helloMs = append(floorMs, r.ms[1][1]), append(helloMs, r.ms[2][1])
			vsFloor, vsHello := r.ratio(0, 1), r.ratio(0, 2)
			verdict := ""
			if target > 0 {
				verdict = fmt.Sprintf("≤ %.2f", target)
				if vsFloor[1] > target {
					verdict += " (over)"
					failed = append(failed, fmt.Sprintf("%s, %s: %.2f× the floor > %.2f×", label, mode.name, vsFloor[1], target))
				}
			}
			fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.2f-%.2f\t%s\t%.2f\t", label, r.ms[0][1], vsFloor[1], vsFloor[0], vsFloor[2], verdict, vsHello[1])
			if p.base != "" {
				fmt.Fprintf(tw, "%.3f\t%.2f\t", r.ratio(3, 1)[1], r.ratio(3, 2)[1])
			}
			fmt.Fprintln(tw)
		}
		tw.Flush()
		fmt.Printf("floor %.3f ms (%.2f× hello), hello %.3f ms: medians over every row's rounds\n\n",
			median(floorMs), median(floorMs)/median(helloMs), median(helloMs))
	}

	if err := aboveFloor(p, pw, env, rounds, memRuns); err != nil {
		return err
	}

	// Dutch against English, piped.
	en := []string{"elemental", "citrate", "500"}
	nl := append(slices.Clone(en), "--lang", "nl")
	progs := []prog{{p.mgcalc, nl}, {p.mgcalc, en}}
	if p.base != "" {
		progs = append(progs, prog{p.base, nl}, prog{p.base, en})
	}
	r, err := rounds_(progs, pw, env, rounds)
	if err != nil {
		return err
	}
	d := r.ratio(0, 1)
	fmt.Printf("Dutch: `elemental citrate 500 --lang nl` over the same in English, piped, %d rounds: %.3f× (p10-p90 %.2f-%.2f; target ≤ %.2f)",
		rounds, d[1], d[0], d[2], dutchTarget)
	if p.base != "" {
		fmt.Printf("; base %.3f×", r.ratio(2, 3)[1])
	}
	fmt.Print("\n\n")
	if d[1] > dutchTarget {
		failed = append(failed, fmt.Sprintf("Dutch: %.3f× English > %.2f×", d[1], dutchTarget))
	}

	// Peak memory, piped, through bench/rusage.
	fmt.Printf("peak memory, piped, through bench/rusage: median of %d runs (MiB)\n", memRuns)
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "command\tmgcalc\ttarget\t")
	if p.base != "" {
		fmt.Fprint(tw, "base\t")
	}
	fmt.Fprintln(tw)
	memRows := append([]prog{}, prog{p.hello, nil}, prog{p.floor, en})
	for _, c := range calls {
		memRows = append(memRows, prog{p.mgcalc, c.args})
	}
	memRows = append(memRows, prog{p.mgcalc, nl})
	for _, m := range memRows {
		label := strings.Join(m.args, " ")
		switch m.bin {
		case p.hello:
			label = "hello"
		case p.floor:
			label = "full-stack floor"
		}
		peak, err := medianPeak(p.rusage, m, pw, env, memRuns)
		if err != nil {
			return err
		}
		target := ""
		if t, ok := memTargets[label]; ok && m.bin == p.mgcalc {
			target = fmt.Sprintf("≤ %.0f", t)
			if peak > t {
				target += " (over)"
				failed = append(failed, fmt.Sprintf("%s: peak %.1f MiB > %.0f MiB", label, peak, t))
			}
		}
		fmt.Fprintf(tw, "%s\t%.1f\t%s\t", label, peak, target)
		if p.base != "" && m.bin == p.mgcalc {
			bp, err := medianPeak(p.rusage, prog{p.base, m.args}, pw, env, memRuns)
			if err != nil {
				return err
			}
			fmt.Fprintf(tw, "%.1f\t", bp)
		} else if p.base != "" {
			fmt.Fprint(tw, "\t")
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	fmt.Println()

	if journalEntries > 0 {
		if err := journalRuns(p, tmp, env, pw, min(rounds, 200)); err != nil {
			return err
		}
	}
	if batchN > 0 {
		f, err := batch(p, tmp, env, batchN, batchRuns, bigN)
		if err != nil {
			return err
		}
		failed = append(failed, f...)
	}
	if len(failed) == 0 {
		fmt.Println("every target met")
	} else {
		fmt.Printf("targets not met:\n  %s\n", strings.Join(failed, "\n  "))
	}
	return nil
}

// aboveFloor splits mgcalc's distance above the full-stack floor in two,
// piped, in one set of rounds: the floor built with all of mgcalc linked
// and none of it run (bench/floor -tags fullstack,linked: what mgcalc's
// size costs on every call before any of its code runs), and mgcalc's calls
// above that. Each program's minor page faults and peak memory are the
// medians of memRuns runs through bench/rusage.
func aboveFloor(p programs, stdout *os.File, env []string, rounds, memRuns int) error {
	en := []string{"elemental", "citrate", "500"}
	progs := []prog{{p.floor, en}, {p.linked, en}, {p.mgcalc, []string{"--version"}}, {p.mgcalc, en},
		{p.mgcalc, []string{"plan", "--goal", "sleep", "--gut", "sensitive"}}, {p.hello, nil}}
	labels := []string{"full-stack floor", "the floor with mgcalc linked, not run", "mgcalc --version",
		"mgcalc elemental citrate 500", "mgcalc plan --goal sleep --gut sensitive", "hello"}
	r, err := rounds_(progs, stdout, env, rounds)
	if err != nil {
		return err
	}
	fmt.Printf("above the floor, piped: %d rounds, order rotated; the floor with mgcalc linked and not run is what\n", rounds)
	fmt.Println("mgcalc's size costs before any of its code runs; minor page faults and peak memory through bench/rusage")
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "program\tbinary MB\tms\t× floor\tp10-p90\t× linked floor\tminor faults\tpeak MiB\t")
	for i, pr := range progs {
		peak, faults, err := medianUsage(p.rusage, pr, stdout, env, memRuns)
		if err != nil {
			return err
		}
		size := 0.0
		if fi, err := os.Stat(pr.bin); err == nil {
			size = float64(fi.Size()) / 1e6
		}
		vs, vsLinked := r.ratio(i, 0), r.ratio(i, 1)
		fmt.Fprintf(tw, "%s\t%.1f\t%.3f\t%.3f\t%.2f-%.2f\t%.3f\t%.0f\t%.1f\t\n", labels[i], size, r.ms[i][1],
			vs[1], vs[0], vs[2], vsLinked[1], faults, peak)
	}
	tw.Flush()
	fmt.Println()
	return nil
}

// prog is a program and its arguments.
type prog struct {
	bin  string
	args []string
}

// roundResult holds, per program, p10, median and p90 of its wall times
// (ms), and every round's times for ratios.
type roundResult struct {
	ms    [][3]float64
	times [][]float64
}

// ratio is p10, median and p90 of the rounds' ratios of program a's time
// over program b's.
func (r roundResult) ratio(a, b int) [3]float64 {
	var rs []float64
	for i := range r.times[a] {
		rs = append(rs, r.times[a][i]/r.times[b][i])
	}
	return spread(rs)
}

// rounds_ runs each program once per round, stdin /dev/null, to stdout,
// the order rotated every round, after a few warm-up rounds.
func rounds_(progs []prog, stdout *os.File, env []string, rounds int) (roundResult, error) {
	const warmup = 5
	times := make([][]float64, len(progs))
	for i := range warmup + rounds {
		round := make([]float64, len(progs))
		for j := range progs {
			k := (i + j) % len(progs)
			res, err := runOnce(progs[k].bin, progs[k].args, devNull, stdout, env)
			if err != nil {
				return roundResult{}, err
			}
			round[k] = res.wall
		}
		if i < warmup {
			continue
		}
		for k := range progs {
			times[k] = append(times[k], round[k])
		}
	}
	r := roundResult{times: times}
	for k := range progs {
		r.ms = append(r.ms, spread(times[k]))
	}
	return r, nil
}

// result is one process: wall time in ms.
type result struct{ wall float64 }

// runOnce runs bin to its exit, stderr to /dev/null.
func runOnce(bin string, args []string, stdin, stdout *os.File, env []string) (result, error) {
	cmd := exec.Command(bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr, cmd.Env = stdin, stdout, devNull, env
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return result{}, err
	}
	err := cmd.Wait()
	wall := time.Since(t0)
	if err := exitOK(bin, args, err); err != nil {
		return result{}, err
	}
	return result{wall: ms(wall)}, nil
}

// exitOK accepts exit 0, and 3 (over the limit) from mgcalc.
func exitOK(bin string, args []string, err error) error {
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 3) {
		return fmt.Errorf("%s %s: %v", filepath.Base(bin), strings.Join(args, " "), err)
	}
	return nil
}

// medianPeak runs p through bench/rusage n times and returns the median
// peak resident memory in MiB.
func medianPeak(rusage string, p prog, stdout *os.File, env []string, n int) (float64, error) {
	peak, _, err := medianUsage(rusage, p, stdout, env, n)
	return peak, err
}

// medianUsage runs p through bench/rusage n times and returns the medians
// of its peak resident memory in MiB and of its minor page faults.
func medianUsage(rusage string, p prog, stdout *os.File, env []string, n int) (peak, faults float64, err error) {
	var peaks, flts []float64
	for range n {
		kib, f, err := usageOf(rusage, p, devNull, stdout, env)
		if err != nil {
			return 0, 0, err
		}
		peaks, flts = append(peaks, kib/1024), append(flts, f)
	}
	return spread(peaks)[1], spread(flts)[1], nil
}

// peakOf runs p through bench/rusage and returns its peak in KiB.
func peakOf(rusage string, p prog, stdin io.Reader, stdout *os.File, env []string) (float64, error) {
	kib, _, err := usageOf(rusage, p, stdin, stdout, env)
	return kib, err
}

// usageOf runs p through bench/rusage and returns its peak in KiB and its
// minor page faults.
func usageOf(rusage string, p prog, stdin io.Reader, stdout *os.File, env []string) (kib, faults float64, err error) {
	rd, wr, err := os.Pipe()
	if err != nil {
		return 0, 0, err
	}
	defer rd.Close()
	cmd := exec.Command(rusage, append([]string{p.bin}, p.args...)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr, cmd.Env = stdin, stdout, devNull, env
	cmd.ExtraFiles = []*os.File{wr}
	err = cmd.Start()
	wr.Close()
	if err != nil {
		return 0, 0, err
	}
	out, _ := io.ReadAll(rd)
	if err := exitOK(p.bin, p.args, cmd.Wait()); err != nil {
		return 0, 0, err
	}
	f := strings.Fields(string(out))
	if len(f) != 2 {
		return 0, 0, fmt.Errorf("rusage printed %q", out)
	}
	if kib, err = strconv.ParseFloat(f[0], 64); err == nil {
		faults, err = strconv.ParseFloat(f[1], 64)
	}
	return kib, faults, err
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// spread returns the 10th percentile, the median and the 90th percentile
// (nearest rank).
func spread(xs []float64) [3]float64 {
	if len(xs) == 0 {
		return [3]float64{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	at := func(q float64) float64 { return s[int(q*float64(len(s)-1)+0.5)] }
	return [3]float64{at(0.1), at(0.5), at(0.9)}
}

func median(xs []float64) float64 { return spread(xs)[1] }

// batchInput writes n lines: repeated products (4 forms × amounts 100 to
// 999 mg, 3,600 distinct lines in a shuffled order), or, with unique,
// amounts that never repeat (100.00 to 10,099.99 mg, shuffled).
func batchInput(path string, n int, unique bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	writeBatch(w, n, unique)
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// writeBatch writes the lines batchInput describes. The order comes from
// a full-period linear congruential sequence, the same in every run.
func writeBatch(w *bufio.Writer, n int, unique bool) {
	var b []byte
	const m = 1 << 20 // period of the sequence: covers 1 M unique amounts
	x := uint32(12345)
	for i := range n {
		x = (x*1664525 + 1013904223) % m
		b = append(b[:0], forms4[i%len(forms4)]...)
		b = append(b, ' ')
		if unique {
			// i's amount in hundredths: distinct for i < m
			c := 10000 + int(x)
			if i >= m {
				c = 10000 + i
			}
			b = strconv.AppendInt(b, int64(c/100), 10)
			b = append(b, '.')
			if c%100 < 10 {
				b = append(b, '0')
			}
			b = strconv.AppendInt(b, int64(c%100), 10)
		} else {
			b = strconv.AppendInt(b, int64(100+x%900), 10)
		}
		b = append(b, '\n')
		w.Write(b)
	}
}

// batch times mgcalc, tightloop and handloop over the two inputs and
// measures mgcalc's peak memory over 1 M and 10 M lines.
func batch(p programs, tmp string, env []string, n, runs, bigN int) ([]string, error) {
	var failed []string
	mg := []string{"elemental", "-"}
	for _, in := range []struct {
		name   string
		unique bool
		target float64
	}{{"repeated products (3,600 distinct lines)", false, repeatedTarget}, {"all-unique amounts", true, uniqueTarget}} {
		path := filepath.Join(tmp, fmt.Sprintf("lines-%v.txt", in.unique))
		if err := batchInput(path, n, in.unique); err != nil {
			return nil, err
		}
		if err := sameNumbers(p, path); err != nil {
			return nil, err
		}
		progs := []prog{{p.mgcalc, mg}, {p.tightloop, nil}, {p.handloop, nil}}
		names := []string{"mgcalc elemental -", "tightloop", "handloop"}
		if p.base != "" {
			progs, names = append(progs, prog{p.base, mg}), append(names, "base elemental -")
		}
		times := make([][]float64, len(progs))
		for i := range runs {
			for j := range progs {
				k := (i + j) % len(progs)
				f, err := os.Open(path)
				if err != nil {
					return nil, err
				}
				r, err := runOnce(progs[k].bin, progs[k].args, f, devNull, env)
				f.Close()
				if err != nil {
					return nil, err
				}
				times[k] = append(times[k], r.wall/1000)
			}
		}
		fmt.Printf("batch, %s: %d lines from a file, TSV to /dev/null; %d runs each, order rotated\n", in.name, n, runs)
		tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "program\tmedian s\tmin-max s\tM lines/s\ttime ÷ mgcalc's\t")
		mgS := median(times[0])
		for k := range progs {
			s := median(times[k])
			fmt.Fprintf(tw, "%s\t%.3f\t%.3f-%.3f\t%.2f\t%.2f\t\n", names[k], s, slices.Min(times[k]), slices.Max(times[k]), float64(n)/s/1e6, s/mgS)
		}
		tw.Flush()
		speed := median(times[1]) / mgS
		fmt.Printf("mgcalc's speed: %.2f× tightloop's (target ≥ %.1f×), %.2f× handloop's\n\n", speed, in.target, median(times[2])/mgS)
		if speed < in.target {
			failed = append(failed, fmt.Sprintf("batch, %s: %.2f× tightloop < %.1f×", in.name, speed, in.target))
		}
	}

	// Peak memory through a pipe, the input written as it is read.
	var peaks []float64
	for _, lines := range []int{n, bigN} {
		peak, err := pipedPeak(p, mg, lines)
		if err != nil {
			return nil, err
		}
		peaks = append(peaks, peak)
	}
	word := "flat"
	if peaks[1] > peaks[0]*1.1+0.5 {
		word = "NOT flat"
		failed = append(failed, fmt.Sprintf("batch memory: %.1f MiB at %d lines, %.1f at %d", peaks[0], n, peaks[1], bigN))
	}
	fmt.Printf("mgcalc's peak memory through a pipe (repeated products): %.1f MiB over %d lines, %.1f MiB over %d lines: %s\n\n", peaks[0], n, peaks[1], bigN, word)
	return failed, nil
}

// sameNumbers checks that tightloop's and handloop's fixed fractions give
// mgcalc's elemental amounts on the first lines of the input, so they do
// the same job.
func sameNumbers(p programs, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	lines := bytes.SplitAfterN(b, []byte("\n"), 2001)
	in := bytes.Join(lines[:min(2000, len(lines))], nil)
	var out [3][]string
	for i, c := range []struct {
		bin  string
		args []string
		col  int
	}{{p.mgcalc, []string{"elemental", "-"}, 5}, {p.tightloop, nil, 2}, {p.handloop, nil, 2}} {
		cmd := exec.Command(c.bin, c.args...)
		cmd.Stdin = bytes.NewReader(in)
		b, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("%s: %v", filepath.Base(c.bin), err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
			out[i] = append(out[i], strings.Split(line, "\t")[c.col])
		}
	}
	for i := 1; i < 3; i++ {
		if !slices.Equal(out[0], out[i]) {
			return fmt.Errorf("a yardstick's elemental amounts differ from mgcalc's on %s", path)
		}
	}
	return nil
}

// pipedPeak feeds n repeated-product lines to mgcalc through a pipe,
// started through bench/rusage, and returns its peak memory in MiB.
func pipedPeak(p programs, args []string, n int) (float64, error) {
	rd, wr, err := os.Pipe()
	if err != nil {
		return 0, err
	}
	go func() {
		w := bufio.NewWriterSize(wr, 1<<16)
		writeBatch(w, n, false)
		w.Flush()
		wr.Close()
	}()
	kib, err := peakOf(p.rusage, prog{p.mgcalc, args}, rd, devNull, nil)
	rd.Close()
	return kib / 1024, err
}

// exportRef writes the tree of a git ref into dir.
func exportRef(root, ref, dir string) error {
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	archive := exec.Command("git", "-C", root, "archive", "--format=tar", ref)
	untar := exec.Command("tar", "-x", "-C", dir)
	pipe, err := archive.StdoutPipe()
	if err != nil {
		return err
	}
	untar.Stdin = pipe
	var stderr bytes.Buffer
	archive.Stderr = &stderr
	if err := archive.Start(); err != nil {
		return err
	}
	if out, err := untar.CombinedOutput(); err != nil {
		return fmt.Errorf("tar: %v %s", err, out)
	}
	if err := archive.Wait(); err != nil {
		return fmt.Errorf("git archive %s: %v %s", ref, err, stderr.String())
	}
	return nil
}

// describe names a git ref's commit.
func describe(root, ref string) string {
	out, err := exec.Command("git", "-C", root, "log", "-1", "--format=%h %cs", ref).Output()
	if err != nil {
		return "?"
	}
	return strings.TrimSpace(string(out))
}

// openPTY opens a pseudo-terminal pair of rows × cols, as a terminal
// emulator does: /dev/ptmx, unlocked, and its /dev/pts/N.
func openPTY(rows, cols uint16) (master, tty *os.File, err error) {
	master, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	var unlock int32
	if err := ioctl(master, syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)); err != nil {
		return nil, nil, err
	}
	var n uint32
	if err := ioctl(master, syscall.TIOCGPTN, unsafe.Pointer(&n)); err != nil {
		return nil, nil, err
	}
	tty, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	ws := struct{ row, col, x, y uint16 }{rows, cols, 0, 0}
	if err := ioctl(tty, syscall.TIOCSWINSZ, unsafe.Pointer(&ws)); err != nil {
		return nil, nil, err
	}
	return master, tty, nil
}

func ioctl(f *os.File, req uintptr, arg unsafe.Pointer) error {
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), req, uintptr(arg)); e != 0 {
		return e
	}
	return nil
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %v", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("run bench inside the mgcalc module")
	}
	return filepath.Dir(mod), nil
}

func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func memTotal() string {
	b, _ := os.ReadFile("/proc/meminfo")
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return fmt.Sprintf("%.1f GiB", kb/(1<<20))
		}
	}
	return "? GiB"
}

func loadAvg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func kernel() string {
	var u syscall.Utsname
	if syscall.Uname(&u) != nil {
		return "?"
	}
	var b bytes.Buffer
	for _, c := range u.Release {
		if c == 0 {
			break
		}
		b.WriteByte(byte(c))
	}
	return b.String()
}
