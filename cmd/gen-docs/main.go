// Command gen-docs writes mgcalc's reference from its command tree: man
// pages (section 1) into DIR/man and Markdown into DIR/cli.
//
//	go run ./cmd/gen-docs            # regenerates docs/ (run from the module root)
//	go run ./cmd/gen-docs -out DIR
//
// It is a separate program so that the man page renderer stays out of the
// mgcalc binary. The output is the same on every run: the pages carry no
// generation date, and the man header's date is fixed (or taken from
// SOURCE_DATE_EPOCH, for packagers).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
	"github.com/spf13/pflag"

	"github.com/mgcalc/mgcalc/pkg/cli"
)

// defaultDate is the man pages' date when SOURCE_DATE_EPOCH is not set:
// fixed, so that a page changes only when its command does.
var defaultDate = time.Date(2026, time.November, 1, 0, 0, 0, 0, time.UTC)

func main() {
	out := flag.String("out", "docs", "write man pages to `dir`/man and Markdown to dir/cli")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "gen-docs: error: no arguments expected; use -out DIR")
		os.Exit(2)
	}
	date, err := headerDate(os.Getenv("SOURCE_DATE_EPOCH"))
	if err == nil {
		err = generate(*out, date)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen-docs: error:", err)
		os.Exit(1)
	}
}

// headerDate is SOURCE_DATE_EPOCH (seconds since 1970) when set, else
// defaultDate.
func headerDate(epoch string) (time.Time, error) {
	if epoch == "" {
		return defaultDate, nil
	}
	s, err := strconv.ParseInt(epoch, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", epoch)
	}
	return time.Unix(s, 0).UTC(), nil
}

// generate writes the man pages and Markdown for the whole tree, replacing
// the pages a previous run wrote (so a removed command loses its page).
func generate(out string, date time.Time) error {
	root := cli.Command()
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableAutoGenTag = true
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	manDir, mdDir := filepath.Join(out, "man"), filepath.Join(out, "cli")
	if err := clean(manDir, ".1"); err != nil {
		return err
	}
	if err := clean(mdDir, ".md"); err != nil {
		return err
	}
	header := &doc.GenManHeader{Section: "1", Date: &date, Source: "mgcalc", Manual: "mgcalc manual"}
	if err := doc.GenManTree(root, header, manDir); err != nil {
		return err
	}
	if err := manValueNames(root, manDir); err != nil {
		return err
	}
	return doc.GenMarkdownTree(root, mdDir)
}

// manValueNames gives each flag without a default its value's name in the
// man pages. cobra's man pages print every flag as --name=DEFAULT: a
// number flag whose unset value means "not given" (--age: an adult) has
// an empty default (it was "0", which read as age 0 beside "(default
// adult)"), and its page shows --age=number, as --help names the value,
// instead of a bare "=". A string flag's empty default prints as "".
func manValueNames(root *cobra.Command, dir string) error {
	var err error
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
				walk(sub)
			}
		}
		if err != nil {
			return
		}
		path := filepath.Join(dir, strings.ReplaceAll(c.CommandPath(), " ", "-")+".1")
		b, rerr := os.ReadFile(path)
		if rerr != nil {
			err = rerr
			return
		}
		page := string(b)
		fix := func(f *pflag.Flag) {
			if f.DefValue != "" || f.Value.Type() == "string" || f.Value.Type() == "bool" || f.NoOptDefVal != "" || f.Hidden {
				return
			}
			name, _ := pflag.UnquoteUsage(f)
			flag := `\fB--` + f.Name + `\fP`
			if f.Shorthand != "" && f.ShorthandDeprecated == "" {
				flag = `\fB-` + f.Shorthand + `\fP, ` + flag
			}
			page = strings.ReplaceAll(page, "\n"+flag+"=\n", "\n"+flag+`=\fI`+name+`\fP`+"\n")
		}
		c.NonInheritedFlags().VisitAll(fix)
		c.InheritedFlags().VisitAll(fix)
		if page != string(b) {
			err = os.WriteFile(path, []byte(page), 0o644)
		}
	}
	walk(root)
	return err
}

// clean creates dir, or removes the generated pages (ext) from it.
func clean(dir, ext string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasPrefix(e.Name(), "mgcalc") && strings.HasSuffix(e.Name(), ext) {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}
