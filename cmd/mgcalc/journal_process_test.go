package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mgcalc/mgcalc/pkg/journal/store"
)

// buildMgcalc builds the real binary once for the process tests.
var buildMgcalc = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "mgcalc-proc-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "mgcalc")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

func mgcalcBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin, err := buildMgcalc()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// procEnv is an environment with no config file or MGCALC_* variable of
// the user's.
func procEnv(home string) []string {
	return []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "LANG=C.UTF-8"}
}

// 16 processes each log 50 entries at once: every call succeeds (so none
// waited the 2 s after which it would have failed), and the journal holds
// exactly 800 entries, none lost.
func TestJournalConcurrentWriters(t *testing.T) {
	bin := mgcalcBinary(t)
	home := t.TempDir()
	journal := filepath.Join(home, "journal.db")
	const procs, calls = 16, 50
	var wg sync.WaitGroup
	errs := make(chan string, procs*calls)
	walls := make(chan time.Duration, procs*calls)
	for p := range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range calls {
				cmd := exec.Command(bin, "log", "citrate:500", "--note", fmt.Sprintf("writer %d call %d", p, i), "--journal", journal, "-o", "value")
				cmd.Env = procEnv(home)
				t0 := time.Now()
				// exit 3 is logged too: the day's total passes the limit
				// after a few calls (log exits 3 above it, as total does)
				if out, err := cmd.CombinedOutput(); err != nil && cmd.ProcessState.ExitCode() != 3 {
					errs <- fmt.Sprintf("writer %d call %d: %v: %s", p, i, err, out)
				}
				walls <- time.Since(t0)
			}
		}()
	}
	wg.Wait()
	close(errs)
	close(walls)
	var ws []time.Duration
	for w := range walls {
		ws = append(ws, w)
	}
	slices.Sort(ws)
	// figures for the report, not a verdict: a call that waited more
	// than 2 s would have failed above
	t.Logf("%d calls, whole process: p50 %v, p95 %v, max %v", len(ws), ws[len(ws)/2], ws[len(ws)*95/100], ws[len(ws)-1])
	for e := range errs {
		t.Error(e)
	}
	s, err := store.Open(journal, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	entries, err := s.Entries(time.Time{}, time.Time{})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range entries {
		seen[e.Note] = true
	}
	if len(entries) != procs*calls || len(seen) != procs*calls {
		t.Errorf("%d entries, %d distinct; want %d", len(entries), len(seen), procs*calls)
	}
	if checks, ok := store.Doctor(journal, false); !ok {
		t.Errorf("doctor: %+v", checks)
	}
}

// A writer that finds the journal locked for longer than 2 s ends with a
// clear error, never a hang.
func TestJournalLockedEndsInAClearError(t *testing.T) {
	bin := mgcalcBinary(t)
	home := t.TempDir()
	journal := filepath.Join(home, "journal.db")
	held, err := store.Open(journal, store.Options{Write: true})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	for _, args := range [][]string{{"log", "citrate:500"}, {"today"}} {
		cmd := exec.Command(bin, append(args, "--journal", journal)...)
		cmd.Env = procEnv(home)
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err = <-done:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("%v hangs on a locked journal", args)
		}
		code := cmd.ProcessState.ExitCode()
		if code != 1 || stdout.Len() != 0 || !strings.Contains(stderr.String(), "is in use by another mgcalc: waited 2 s") {
			t.Errorf("%v on a locked journal: exit %d, stdout %q, stderr %q", args, code, stdout.String(), stderr.String())
		}
	}
}

// kill -9 at any moment of a write leaves a journal that doctor passes
// and that holds every entry whose write finished.
func TestJournalSurvivesKill9(t *testing.T) {
	bin := mgcalcBinary(t)
	home := t.TempDir()
	journal := filepath.Join(home, "journal.db")
	// a stack of many products makes each write a little longer
	stack := filepath.Join(home, "stack.yaml")
	var b strings.Builder
	for i := range 200 {
		fmt.Fprintf(&b, "- {name: product %d, form: citrate, amount: %d mg}\n", i, 100+i)
	}
	if err := os.WriteFile(stack, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (int, string) {
		cmd := exec.Command(bin, append(args, "--journal", journal)...)
		cmd.Env = procEnv(home)
		out, _ := cmd.CombinedOutput()
		return cmd.ProcessState.ExitCode(), string(out)
	}
	if code, out := run("log", "citrate:500"); code != 0 {
		t.Fatalf("first log: %d %s", code, out)
	}
	killed := 0
	for i := range 40 {
		cmd := exec.Command(bin, "log", "--stack", stack, "--note", fmt.Sprintf("try %d", i), "--journal", journal)
		cmd.Env = procEnv(home)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rand.IntN(15000)) * time.Microsecond)
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			killed++
		}
		cmd.Wait()
		if code, out := run("journal", "doctor"); code != 0 {
			t.Fatalf("after kill %d: journal doctor exit %d:\n%s", i, code, out)
		}
	}
	// logged: 0, or 3 when the day's total is above the limit (the
	// stacks that got through count)
	if code, out := run("log", "citrate:500", "--force"); code != 0 && code != 3 {
		t.Errorf("a log after the kills: exit %d %s", code, out)
	}
	t.Logf("%d processes killed", killed)
}
