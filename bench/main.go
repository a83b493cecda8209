//go:build linux

// Command bench measures mgcalc against two yardsticks built in the same
// run: a static Go hello-world for single calls, and a hand-written Go
// loop (bench/handloop) for batch mode. From the module root:
//
//	go run ./bench              # under a minute on 2 cores
//	go run ./bench -n 100       # fewer pairs: quicker, noisier
//	go run ./bench -lines 0     # single calls only
//	go run ./bench -base main   # and a second mgcalc, built from git rev main
//	go run ./bench -base /path/to/mgcalc   # or a binary of your own
//
// With -base, every mgcalc row is followed by a "base:" row for the
// second mgcalc, run in the same loop against the same hello-world, and
// the batch runs alternate three programs: before and after a change,
// measured in one run on one machine.
//
// Single calls run as pairs, mgcalc and the hello-world alternately (the
// order swapped every other pair), each a whole process from start to
// exit; a pair's ratio is mgcalc's wall time over the hello-world's, so a
// machine that drifts in speed moves both. It prints the medians, the 10th
// and 90th percentiles and the median ratio for each command, with stdout
// a pipe and with stdout a pseudo-terminal (opened here from /dev/ptmx:
// no cgo, no script(1), so nothing else is timed), and each call's peak
// resident memory from the kernel's accounting (getrusage, as
// /usr/bin/time -v reports it).
//
// Batch: `mgcalc elemental -` and the hand loop read the same 1,000,000
// "FORM AMOUNT" lines from a file and write TSV to /dev/null, alternately;
// then peak memory over 1 M and 10 M lines fed through a pipe.
//
// `mgcalc --version` is listed without a target: it loads no table, so it
// shows what the command tree and the linked libraries cost on their own.
// The last two rows, also without targets, are bench/floor: a cobra root
// and subcommand with a viper reading an optional config file, the
// environment and the flags, and nothing of mgcalc's; then the same
// program built with -tags fullstack, which links lipgloss and yaml.v3 too.
// They are the floors of the stack the user chose; what mgcalc adds is the
// distance above them.
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

// call is one single-call case: a command and its targets (0: none).
type call struct {
	floor          int // 0: mgcalc; 1: bench/floor; 2: bench/floor -tags fullstack
	args           []string
	pipeTarget     float64
	terminalTarget float64
}

var calls = []call{
	{0, []string{"elemental", "citrate", "500"}, 1.9, 2.5},
	{0, []string{"total", "citrate:500", "bisglycinate:1000"}, 1.9, 2.5},
	{0, []string{"limits"}, 1.9, 2.5},
	{0, []string{"compound", "citrate", "100"}, 1.9, 2.5},
	{0, []string{"elemental", "citrate", "500", "-o", "json"}, 1.9, 2.5},
	{0, []string{"plan", "--goal", "sleep", "--gut", "sensitive"}, 2.1, 2.5},
	{0, []string{"forms"}, 0, 2.5},
	{0, []string{"--version"}, 0, 0},
	{1, []string{"elemental", "citrate", "500"}, 0, 0},
	{2, []string{"elemental", "citrate", "500"}, 0, 0},
}

// batchLines are the batch input, repeated: plain "FORM AMOUNT" lines that
// both mgcalc and the hand loop read.
var batchLines = []string{"citrate 500\n", "oxide 400\n", "bisglycinate 1000\n", "malate 1250\n", "chloride 250\n"}

// maxPeakMiB is the target for one call's peak resident memory.
const maxPeakMiB = 8

func main() {
	pairs := flag.Int("n", 300, "pairs of runs for each single call and output")
	batchN := flag.Int("lines", 1_000_000, "lines for the batch throughput runs")
	batchRuns := flag.Int("batch-runs", 5, "runs of each batch program")
	bigN := flag.Int("rss-lines", 10_000_000, "lines for the second peak-memory run")
	flag.StringVar(&baseFlag, "base", "", "a second mgcalc to measure beside this one: a binary, or a git revision to build")
	flag.Parse()
	if err := run(*pairs, *batchN, *batchRuns, *bigN); err != nil {
		fmt.Fprintln(os.Stderr, "bench: error:", err)
		os.Exit(1)
	}
}

type programs struct{ mgcalc, hello, handloop, floor, floorFull, base string }

// baseFlag is -base: "" for none, a binary's path, or a git revision.
var baseFlag string

// buildBase returns the -base binary: the path itself when it is a file,
// else the revision built from `git archive` (no worktree is touched).
func buildBase(root, tmp string) (string, error) {
	if fi, err := os.Stat(baseFlag); err == nil && fi.Mode().IsRegular() {
		return filepath.Abs(baseFlag)
	}
	src := filepath.Join(tmp, "base-src")
	if err := os.Mkdir(src, 0o755); err != nil {
		return "", err
	}
	archive := exec.Command("git", "archive", baseFlag)
	archive.Dir = root
	tar := exec.Command("tar", "-x", "-C", src)
	pipe, err := archive.StdoutPipe()
	if err != nil {
		return "", err
	}
	tar.Stdin = pipe
	if err := tar.Start(); err != nil {
		return "", err
	}
	var stderr bytes.Buffer
	archive.Stderr = &stderr
	if err := archive.Run(); err != nil {
		return "", fmt.Errorf("git archive %s: %v\n%s", baseFlag, err, stderr.String())
	}
	if err := tar.Wait(); err != nil {
		return "", fmt.Errorf("unpacking %s: %v", baseFlag, err)
	}
	bin := filepath.Join(tmp, "mgcalc-base")
	cmd := exec.Command("go", "build", "-buildvcs=false", "-o", bin, "./cmd/mgcalc")
	cmd.Dir = src
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s: %v\n%s", baseFlag, err, out)
	}
	return bin, nil
}

// devNull is /dev/null, open for reading and writing.
var devNull *os.File

func run(pairs, batchN, batchRuns, bigN int) error {
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

	p := programs{filepath.Join(tmp, "mgcalc"), filepath.Join(tmp, "hello"), filepath.Join(tmp, "handloop"), filepath.Join(tmp, "floor"), filepath.Join(tmp, "floor-full"), ""}
	// with -base, both mgcalcs are built alike: without VCS stamps, as a
	// revision from git archive has none
	vcs := "-buildvcs=" + strconv.FormatBool(baseFlag == "")
	for _, b := range []struct{ out, pkg, tags string }{{p.mgcalc, "./cmd/mgcalc", ""}, {p.hello, "./bench/hello", ""},
		{p.handloop, "./bench/handloop", ""}, {p.floor, "./bench/floor", ""}, {p.floorFull, "./bench/floor", "fullstack"}} {
		cmd := exec.Command("go", "build", vcs, "-tags="+b.tags, "-o", b.out, b.pkg)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", b.pkg, err, out)
		}
	}
	if baseFlag != "" {
		if p.base, err = buildBase(root, tmp); err != nil {
			return err
		}
	}
	goVersion, _ := exec.Command("go", "env", "GOVERSION").Output()
	fmt.Printf("mgcalc bench, %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Printf("machine: %s, %d cores, %s, Linux %s; %s; every program built static (CGO_ENABLED=0) in this run\n\n",
		cpuModel(), runtime.NumCPU(), memTotal(), kernel(), strings.TrimSpace(string(goVersion)))

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
		fmt.Printf("%s (%s): %d pairs each, alternating with hello; wall time; ratio = median of the pairs' mgcalc/hello\n", mode.name, mode.title, pairs)
		tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "command\tmgcalc ms\tp10-p90\thello ms\tratio\tp10-p90\tcpu ratio\ttarget\tpeak MiB\t")
		for _, c := range calls {
			target := c.terminalTarget
			if mode.pipe {
				target = c.pipeTarget
			}
			bin, label := p.mgcalc, strings.Join(c.args, " ")
			switch c.floor {
			case 1:
				bin, label = p.floor, "floor (cobra+viper): "+label
			case 2:
				bin, label = p.floorFull, "floor (+lipgloss, yaml.v3): "+label
			}
			r, err := pairRuns(bin, c.args, p.hello, mode.stdout, env, pairs)
			if err != nil {
				return err
			}
			verdict := ""
			if target > 0 {
				verdict = fmt.Sprintf("≤ %.1f", target)
				if r.ratio[1] > target {
					verdict += " (over)"
					failed = append(failed, fmt.Sprintf("%s, %s: %.2f× > %.1f×", label, mode.name, r.ratio[1], target))
				}
			}
			peak := r.peakMiB[1]
			if peak > maxPeakMiB {
				failed = append(failed, fmt.Sprintf("%s, %s: peak %.1f MiB > %d MiB", label, mode.name, peak, maxPeakMiB))
			}
			fmt.Fprintf(tw, "%s\t%.3f\t%.3f-%.3f\t%.3f\t%.2f×\t%.2f-%.2f\t%.2f×\t%s\t%.1f\t\n",
				label, r.a[1], r.a[0], r.a[2], r.b[1], r.ratio[1], r.ratio[0], r.ratio[2], r.cpuRatio, verdict, peak)
			if p.base != "" && c.floor == 0 {
				r, err := pairRuns(p.base, c.args, p.hello, mode.stdout, env, pairs)
				if err != nil {
					return err
				}
				fmt.Fprintf(tw, "base: %s\t%.3f\t%.3f-%.3f\t%.3f\t%.2f×\t%.2f-%.2f\t%.2f×\t\t%.1f\t\n",
					label, r.a[1], r.a[0], r.a[2], r.b[1], r.ratio[1], r.ratio[0], r.ratio[2], r.cpuRatio, r.peakMiB[1])
			}
		}
		tw.Flush()
		fmt.Println()
	}

	if batchN > 0 {
		f, err := batchFailures(p, tmp, env, batchN, batchRuns, bigN)
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

// pairResult holds p10, median and p90 of mgcalc's and hello's wall times
// (ms) and of the pairs' ratios, the median ratio of CPU times, and
// mgcalc's peak memory (MiB).
type pairResult struct {
	a, b, ratio, peakMiB [3]float64
	cpuRatio             float64
}

// pairRuns runs bin and hello in turn, stdin /dev/null, to stdout.
func pairRuns(bin string, args []string, hello string, stdout *os.File, env []string, pairs int) (pairResult, error) {
	const warmup = 5
	var as, bs, ratios, cpus, peaks []float64
	for i := range warmup + pairs {
		var a, b result
		var err error
		if i%2 == 0 {
			if a, err = runOnce(bin, args, devNull, stdout, env); err == nil {
				b, err = runOnce(hello, nil, devNull, stdout, env)
			}
		} else {
			if b, err = runOnce(hello, nil, devNull, stdout, env); err == nil {
				a, err = runOnce(bin, args, devNull, stdout, env)
			}
		}
		if err != nil {
			return pairResult{}, err
		}
		if i < warmup {
			continue
		}
		as, bs = append(as, a.wall), append(bs, b.wall)
		ratios = append(ratios, a.wall/b.wall)
		if b.cpu > 0 {
			cpus = append(cpus, a.cpu/b.cpu)
		}
		peaks = append(peaks, a.peakMiB)
	}
	return pairResult{a: spread(as), b: spread(bs), ratio: spread(ratios), cpuRatio: spread(cpus)[1], peakMiB: spread(peaks)}, nil
}

// result is one process: wall and CPU time in ms, peak memory in MiB.
type result struct {
	wall, cpu, peakMiB float64
}

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
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 3) { // 3: total over the limit
		return result{}, fmt.Errorf("%s %s: %v", filepath.Base(bin), strings.Join(args, " "), err)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return result{wall: ms(wall), cpu: ms(cpu), peakMiB: float64(ru.Maxrss) / 1024}, nil
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

// batchFailures times mgcalc and the hand loop over the same lines and
// measures mgcalc's peak memory over batchN and bigN lines.
func batchFailures(p programs, tmp string, env []string, n, runs, bigN int) ([]string, error) {
	var failed []string
	input := filepath.Join(tmp, "lines.txt")
	if err := writeLines(input, n); err != nil {
		return nil, err
	}
	if err := sameNumbers(p, env); err != nil {
		return nil, err
	}
	fmt.Printf("batch: %d \"FORM AMOUNT\" lines from a file, TSV to /dev/null; %d runs each, alternating\n", n, runs)
	mg := []string{"elemental", "-"}
	var mgT, hlT, mgPeak, hlPeak, baseT, basePeak []float64
	progs := 2
	if p.base != "" {
		progs = 3
	}
	for i := range runs {
		for j := range progs {
			bin, args, times, peaks := p.mgcalc, mg, &mgT, &mgPeak
			switch (i + j) % progs {
			case 1:
				bin, args, times, peaks = p.handloop, nil, &hlT, &hlPeak
			case 2:
				bin, args, times, peaks = p.base, mg, &baseT, &basePeak
			}
			in, err := os.Open(input)
			if err != nil {
				return nil, err
			}
			r, err := runOnce(bin, args, in, devNull, env)
			in.Close()
			if err != nil {
				return nil, err
			}
			*times, *peaks = append(*times, r.wall/1000), append(*peaks, r.peakMiB)
		}
	}
	mgS, hlS := spread(mgT)[1], spread(hlT)[1]
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "program\tmedian s\tmin-max s\tlines/s\tpeak MiB\t")
	fmt.Fprintf(tw, "mgcalc elemental -\t%.3f\t%.3f-%.3f\t%.2f M\t%.1f\t\n", mgS, slices.Min(mgT), slices.Max(mgT), float64(n)/mgS/1e6, spread(mgPeak)[1])
	fmt.Fprintf(tw, "handloop\t%.3f\t%.3f-%.3f\t%.2f M\t%.1f\t\n", hlS, slices.Min(hlT), slices.Max(hlT), float64(n)/hlS/1e6, spread(hlPeak)[1])
	if p.base != "" {
		bS := spread(baseT)[1]
		fmt.Fprintf(tw, "base: mgcalc elemental -\t%.3f\t%.3f-%.3f\t%.2f M\t%.1f\t\n", bS, slices.Min(baseT), slices.Max(baseT), float64(n)/bS/1e6, spread(basePeak)[1])
	}
	tw.Flush()
	speed := hlS / mgS
	fmt.Printf("mgcalc's speed: %.2f× the hand loop's (target ≥ 1.0×), %.2f M lines/s (target ≥ 4 M)\n", speed, float64(n)/mgS/1e6)
	if speed < 1 {
		failed = append(failed, fmt.Sprintf("batch: %.2f× the hand loop < 1.0×", speed))
	}
	if float64(n)/mgS < 4e6 {
		failed = append(failed, fmt.Sprintf("batch: %.2f M lines/s < 4 M", float64(n)/mgS/1e6))
	}

	// Peak memory through a pipe, the input written as it is read.
	var peaks []float64
	for _, lines := range []int{n, bigN} {
		peak, err := pipedPeak(p.mgcalc, mg, lines, env)
		if err != nil {
			return nil, err
		}
		peaks = append(peaks, peak)
	}
	flat := peaks[1] <= peaks[0]*1.1+0.5
	word := "flat"
	if !flat {
		word = "NOT flat"
		failed = append(failed, fmt.Sprintf("batch memory: %.1f MiB at %d lines, %.1f at %d", peaks[0], n, peaks[1], bigN))
	}
	fmt.Printf("mgcalc's peak memory through a pipe: %.1f MiB over %d lines, %.1f MiB over %d lines: %s\n\n", peaks[0], n, peaks[1], bigN, word)
	return failed, nil
}

func writeLines(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	for i := range n {
		w.WriteString(batchLines[i%len(batchLines)])
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// sameNumbers checks that the hand loop's fixed fractions give mgcalc's
// elemental amounts, so the two do the same job.
func sameNumbers(p programs, env []string) error {
	in := strings.Join(batchLines, "")
	var out [2][]string
	for i, c := range []struct {
		bin  string
		args []string
		col  int
	}{{p.mgcalc, []string{"elemental", "-"}, 5}, {p.handloop, nil, 2}} {
		cmd := exec.Command(c.bin, c.args...)
		cmd.Stdin, cmd.Env = strings.NewReader(in), env
		b, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("%s: %v", filepath.Base(c.bin), err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
			out[i] = append(out[i], strings.Split(line, "\t")[c.col])
		}
	}
	if !slices.Equal(out[0], out[1]) {
		return fmt.Errorf("the hand loop's elemental amounts %v are not mgcalc's %v", out[1], out[0])
	}
	return nil
}

// pipedPeak feeds n lines to bin through a pipe and returns its peak
// memory in MiB.
func pipedPeak(bin string, args []string, n int, env []string) (float64, error) {
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr, cmd.Env = devNull, devNull, env
	in, err := cmd.StdinPipe()
	if err != nil {
		return 0, err
	}
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	w := bufio.NewWriterSize(in, 1<<16)
	for i := range n {
		w.WriteString(batchLines[i%len(batchLines)])
	}
	w.Flush()
	in.Close()
	if err := cmd.Wait(); err != nil {
		return 0, err
	}
	return float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024, nil
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
