package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/mgcalc/mgcalc/pkg/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"mgcalc": func() { os.Exit(cli.MainAt(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, testClock())) },
	})
}

// testClock is the clock of a script: MGCALC_TEST_NOW (RFC 3339, whose
// offset is the person's time zone) when set, so a journey can be run day
// by day; else (nil) mgcalc's own clock. Only this test harness reads the
// variable: mgcalc itself never does.
func testClock() func() time.Time {
	v := os.Getenv("MGCALC_TEST_NOW")
	if v == "" {
		return nil // mgcalc's own clock, in the zone TZ names
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		fmt.Fprintf(os.Stderr, "MGCALC_TEST_NOW=%q: %v\n", v, err)
		os.Exit(99)
	}
	return func() time.Time { return t }
}

// TestScripts runs the behavioural spec in testdata/script. Set
// MGCALC_UPDATE_SCRIPTS=1 to rewrite the golden files after a deliberate
// change of output (then read the diff).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("..", "..", "testdata", "script"),
		UpdateScripts:       os.Getenv("MGCALC_UPDATE_SCRIPTS") != "",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("XDG_CONFIG_HOME", filepath.Join(e.WorkDir, ".config"))
			e.Setenv("HOME", filepath.Join(e.WorkDir, "home"))
			// $DATA is the repository's data/, for scripts that feed
			// mgcalc its own YAML (--table)
			data, err := filepath.Abs(filepath.Join("..", "..", "data"))
			if err != nil {
				return err
			}
			e.Setenv("DATA", data)
			// $LABELS is testdata/labels: the real labels the label
			// scripts read
			labels, err := filepath.Abs(filepath.Join("..", "..", "testdata", "labels"))
			if err != nil {
				return err
			}
			e.Setenv("LABELS", labels)
			// $NL is a line break, for an argument or a variable that
			// holds one (a script's quoted argument cannot)
			e.Setenv("NL", "\n")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// gen FILE PART... writes FILE from its parts, for input too
			// large for a script or bytes a script does not show: a part
			// is TEXT, or N*TEXT for N copies; \n, \r, \t, \\ and \xHH in
			// TEXT are a line break, a carriage return, a tab, a backslash
			// and the byte HH.
			"gen": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: gen FILE PART...")
				}
				var b strings.Builder
				for _, part := range args[1:] {
					n := 1
					if count, text, ok := strings.Cut(part, "*"); ok {
						if c, err := strconv.Atoi(count); err == nil {
							n, part = c, text
						}
					}
					b.WriteString(strings.Repeat(unescape(ts, part), n))
				}
				if err := os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o644); err != nil {
					ts.Fatalf("gen: %v", err)
				}
			},
			// exits N CMD ARGS... runs CMD and asserts its exit code is N,
			// and the door contract: when N is not 0 or 3, nothing on
			// stdout and exactly one "mgcalc: error:" line on stderr.
			// exits -stream N is for a stream of rows, where the rows
			// before a bad line stay written and --keep-going reports
			// each bad line: stderr must still say why.
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				stream := len(args) > 0 && args[0] == "-stream"
				if stream {
					args = args[1:]
				}
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits [-stream] CODE COMMAND [ARGS...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exits: bad code %q", args[0])
				}
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("exits: %v", err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("exit code %d, want %d", got, want)
				}
				// A bug must never reach the user as a Go panic.
				errs := ts.ReadFile("stderr")
				if strings.Contains(errs, "panic:") || strings.Contains(errs, "goroutine ") {
					ts.Fatalf("stderr shows a Go panic:\n%s", errs)
				}
				if want == 0 || want == 3 || args[1] != "mgcalc" {
					return
				}
				n := strings.Count(errs, "mgcalc: error: ")
				switch {
				case stream && n == 0:
					ts.Fatalf("exit %d without an error line:\n%s", got, errs)
				case stream:
				case ts.ReadFile("stdout") != "":
					ts.Fatalf("exit %d with stdout:\n%s", got, ts.ReadFile("stdout"))
				case n != 1:
					ts.Fatalf("exit %d with %d error lines, want 1:\n%s", got, n, errs)
				}
			},
		},
	})
}

// unescape reads gen's escapes: \n, \r, \t, \\ and \xHH.
func unescape(ts *testscript.TestScript, s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'x':
			v, err := strconv.ParseUint(s[i+1:min(i+3, len(s))], 16, 8)
			if err != nil {
				ts.Fatalf("gen: bad \\x escape in %q", s)
			}
			b.WriteByte(byte(v))
			i += 2
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
