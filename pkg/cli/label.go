package cli

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/dose"
	"github.com/mgcalc/mgcalc/pkg/label"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
	"github.com/mgcalc/mgcalc/pkg/stack"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// labelOptions are the options of `label`.
type labelOptions struct {
	IO     *IO
	Root   *rootOptions
	Person personOptions

	Files     []string // text labels, "-" for stdin
	Texts     []string // --text, repeatable: one label each
	DSLD      []string // DSLD v9 JSON files
	KeepGoing bool
}

func newLabelCmd(s *IO, root *rootOptions) *cobra.Command {
	o := &labelOptions{IO: s, Root: root}
	cmd := &cobra.Command{
		Use:   "label [FILE...|-] [--text TEXT] [--dsld FILE]",
		Short: s.P.Help("label.short", "Read a supplement label as it is printed: its magnesium, serving and daily amount"),
		Long: s.P.Help("label.long", `Reads a supplement label as it is printed, in English, Dutch or German (a
text file, '-' for stdin, or --text), or as the NIH Dietary Supplement Label
Database gives it (--dsld FILE, v9 JSON; a file may hold an array of
labels), and says what each line means for magnesium:

  Magnesium (as magnesium citrate) 200 mg            200 mg magnesium (elemental)
  Magnesium citrate 500 mg                           80.8 mg, computed from the salt
  Magnesiumbisglycinaat 500 mg waarvan magnesium 70 mg
                                                     both, checked against each other
  magnesium stearate, E470b, E553a                   an excipient, never counted
  Zink 10 mg; Vitamin C (as magnesium ascorbate)     not magnesium

It reads the serving ("per 2 capsules", "Serving Size 3 Capsules", "per
dagdosis (2 tabletten)", "1 Tablette enthält") and the directions ("Neem
1-2 tabletten per dag", "Take 2 tablets twice daily", "zweimal täglich"),
gives the magnesium per serving and per day (a range is given with both
ends; the verdict uses the top) and compares it with the upper limit, as
total does. A printed %% RI or %% DV is checked against the EU reference
value (375 mg) or the US Daily Value (420 mg; 400 mg before 2016): a
mismatch is reported, never an error.

An elemental amount without a salt takes its form from the ingredient list
when that names one magnesium salt ("mixed" when it names several). The
same magnesium printed twice (a compound amount beside the magnesium it
gives, DSLD parent and nested rows) counts once, the elemental figure being
the dose. Reference intakes (NRV 375 mg, DGE 300-400 mg), amounts per kg of
body weight and amounts for children are no dose. Lines starting with # are
comments.

mgcalc refuses, quoting the line, what it cannot read without a guess: a
line that names magnesium without an amount anywhere on the label, an
ambiguous number (1.830 mg), a salt it has no formula for, amounts no salt
can carry, and the magnesium of a proprietary blend.

Several labels: one report each, or with -o tsv, csv or jsonl one row each
with its file name; -o json gives an array. --keep-going reports every
label that cannot be read and prints the others (exit 1 at the end).

Exit status: 0 at or under the upper limit, 3 above it (any label), 1 for a
file that cannot be read or a line that names magnesium but cannot be read,
2 for bad arguments. -o value prints the magnesium a day (the top of the
range).`),
		Example: s.P.Help("label.example", `  mgcalc label --text "Magnesium (as magnesium citrate) 200 mg"
  mgcalc label etiket.txt
  pbpaste | mgcalc label -
  mgcalc label --dsld 33919.json
  mgcalc label *.txt -o tsv
  mgcalc label etiket.txt --authority efsa -o value`),
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Files = args
			o.Person.read(cmd)
			for _, t := range o.Texts {
				if strings.TrimSpace(t) == "" {
					return usageError(msg.Errorf("--text is empty").WithHint("give the label's text, such as --text \"Magnesium (as citrate) 200 mg\""))
				}
			}
			if len(o.Files) == 0 && len(o.Texts) == 0 && len(o.DSLD) == 0 {
				return usageError(msg.Errorf("no label given").
					WithHint("give a FILE, - for stdin, --text TEXT or --dsld FILE"))
			}
			if err := oneStdin(append(append([]string{}, o.Files...), o.DSLD...)); err != nil {
				return err
			}
			return runLabel(o)
		},
	}
	cmd.Flags().StringArrayVar(&o.Texts, "text", nil, s.P.Help("label.flag.text", "a label's `text` (several lines are fine); repeatable: one label each"))
	cmd.Flags().StringArrayVar(&o.DSLD, "dsld", nil, s.P.Help("label.flag.dsld", "a DSLD v9 JSON `file`: one label or an array of labels (repeatable)"))
	cmd.Flags().BoolVar(&o.KeepGoing, "keep-going", false, s.P.Help("label.flag.keep-going", "report every label that cannot be read and print the others (exit 1 at the end)"))
	outputFlag(cmd, root, s.P, valueOutput)
	o.Person.addFlags(cmd, false, s.P)
	return cmd
}

// oneStdin refuses stdin ("-") given more than once: it can be read once.
func oneStdin(paths []string) error {
	n := 0
	for _, p := range paths {
		if p == "-" {
			n++
		}
	}
	if n > 1 {
		return usageError(msg.Errorf("stdin (-) is given %d times: it can be read once", n))
	}
	return nil
}

// readLabel is one label read, or why it could not be.
type readLabel struct {
	file string // as given: a path, "-", or "" for --text
	l    *label.Label
	err  *msg.Message // the file or the label cannot be read
}

// where names a label in messages: its file (a --text label's
// placeholder in the reader's language: render.ShownName), and in a file
// of several labels the DSLD id.
func (rl readLabel) where(of int) any {
	if shown, ok := render.ShownName(rl.file).(*msg.Message); ok {
		return shown
	}
	w := rl.file
	if w == "-" {
		w = "<stdin>"
	}
	if of > 1 && rl.l != nil && rl.l.ID != "" {
		w += " (DSLD " + rl.l.ID + ")"
	}
	return w
}

// labelOptionsFor gives pkg/label the form table and the label values.
func labelOptionsFor(t tables) (label.Options, error) {
	ft, err := t.Forms()
	if err != nil {
		return label.Options{}, dataError(err)
	}
	lt, err := t.Limits()
	if err != nil {
		return label.Options{}, dataError(err)
	}
	return label.Options{Forms: ft, Refs: lt.LabelValues}, nil
}

// readLabels reads every label given: each --text, the text files, the
// DSLD files. A file that cannot be read is one readLabel with its error.
// A --text label is named only among several labels, as stdin is named
// <stdin>: "<text>", or "<text 2>" for the second of several --text.
func readLabels(s *IO, t tables, texts, files, dsld []string) ([]readLabel, error) {
	o, err := labelOptionsFor(t)
	if err != nil {
		return nil, err
	}
	var out []readLabel
	several := len(texts)+len(files)+len(dsld) > 1
	for i, text := range texts {
		name := ""
		switch {
		case len(texts) > 1:
			name = "<text " + strconv.Itoa(i+1) + ">"
		case several:
			name = "<text>"
		}
		l, err := label.ParseText(text, o)
		out = append(out, readLabel{file: name, l: l, err: asMessage(err)})
	}
	for _, path := range files {
		b, err := readUserFile(s, path, label.MaxDSLDSize+1)
		if err != nil {
			out = append(out, readLabel{file: path, err: err})
			continue
		}
		if isJSON(b) {
			// DSLD JSON given as a label file: read as --dsld reads it
			out = append(out, dsldLabels(path, b, o)...)
			continue
		}
		l, perr := label.ParseText(string(b), o)
		out = append(out, readLabel{file: path, l: l, err: asMessage(perr)})
	}
	for _, path := range dsld {
		b, err := readUserFile(s, path, label.MaxDSLDSize+1)
		if err != nil {
			out = append(out, readLabel{file: path, err: err})
			continue
		}
		out = append(out, dsldLabels(path, b, o)...)
	}
	return out, nil
}

// dsldLabels reads a DSLD file's labels.
func dsldLabels(path string, b []byte, o label.Options) []readLabel {
	ls, err := label.ParseDSLD(b, o)
	if err != nil {
		return []readLabel{{file: path, err: asMessage(err)}}
	}
	out := make([]readLabel, len(ls))
	for i, l := range ls {
		out[i] = readLabel{file: path, l: l}
	}
	return out
}

// isJSON reports whether a label file is JSON (a DSLD label or a list of
// them) rather than a label's text: its first character is { or [.
func isJSON(b []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\uFEFF")), " \t\r\n")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// readUserFile reads at most max bytes of a file the user names (or stdin
// for "-"), opened as every user file is (openUser: regular files only);
// pkg/label says what a larger label is.
func readUserFile(s *IO, path string, max int64) ([]byte, *msg.Message) {
	f, err := openUser(s, path)
	if err != nil {
		return nil, asMessage(err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max))
	if err != nil {
		return nil, asMessage(errReason(err))
	}
	return b, nil
}

func asMessage(err error) *msg.Message {
	if err == nil {
		return nil
	}
	var m *msg.Message
	if errors.As(err, &m) {
		var le *label.LineError
		if errors.As(err, &le) {
			return located("", le)
		}
		var de *label.LabelError
		if errors.As(err, &de) {
			return withHint(msg.Errorf("label %d: %s", de.Index, de.Err), de.Err)
		}
		return m
	}
	return msg.Errorf("%s", err.Error())
}

// labelError is the error of a label with an unreadable line: the file,
// the line and why.
func labelError(rl readLabel, of int) *msg.Message {
	w := rl.where(of)
	if s, ok := w.(string); ok {
		w = text.Escape(s)
	}
	if rl.err != nil {
		if w == "" {
			return rl.err
		}
		return withHint(msg.Errorf("%s: %s", w, rl.err), rl.err)
	}
	var le *label.LineError
	if !errors.As(rl.l.Err(), &le) {
		return nil
	}
	row := "line"
	if rl.l.Rows {
		row = "row"
	}
	// a text label's line is located as every file's line is
	// (located); a DSLD label has rows
	m := located(w, le)
	if row == "row" {
		m = msg.Errorf("%s: row %d: %s", w, le.Line, le.Err)
	}
	if n := len(rl.l.Unreadable()); n > 1 {
		more := msg.Plural(float64(n-1), "and %d more line that cannot be read", "and %d more lines that cannot be read", n-1)
		m = msg.Errorf("%s (%s)", m, more)
	}
	return withHint(m, le.Err)
}

// labelTotal adds up a label's doses at the top of its servings a day:
// the same dose.Sum as total, so both give one number.
func labelTotal(l *label.Label, lt *limits.Tables, limit limits.Applied) *dose.Total {
	if l.Err() != nil {
		return nil
	}
	t := dose.Sum(l.Items(""), limit, nil, lt.Reference(limit.Authority))
	t.OneProduct = true
	return &t
}

// runLabel reads the labels, prints them and decides the exit status.
func runLabel(o *labelOptions) error {
	labels, err := readLabels(o.IO, o.Root.tables, o.Texts, o.Files, o.DSLD)
	if err != nil {
		return err
	}
	lt, limit, err := o.Person.applied(o.Root.tables, o.Root.config)
	if err != nil {
		return err
	}
	var reports render.Labels
	failed, over := 0, false
	for _, rl := range labels {
		if m := labelError(rl, len(labels)); m != nil {
			if !o.KeepGoing {
				return dataError(m)
			}
			printError(o.IO.ErrOut, o.IO.P, m)
			failed++
			if rl.l == nil {
				continue
			}
		}
		t := labelTotal(rl.l, lt, limit)
		over = over || t != nil && t.Check.Over
		reports = append(reports, render.NewLabel(fileName(rl.file), rl.l, t, limit))
	}
	if err := o.printLabels(reports); err != nil {
		return err
	}
	switch {
	case failed > 0:
		return &codeError{ExitError, msg.Plural(float64(len(labels)), "%d of %d label could not be read", "%d of %d labels could not be read", failed, len(labels))}
	case over:
		return errOverLimit
	}
	return nil
}

// fileName is a label's file as its report names it.
func fileName(f string) string {
	if f == "-" {
		return "<stdin>"
	}
	return f
}

// printLabels prints one label as a report, several as one; -o jsonl is
// one line a label. With --keep-going the output goes straight to stdout,
// since the run ends with exit 1.
func (o *labelOptions) printLabels(rs render.Labels) error {
	if len(rs) == 0 {
		return nil
	}
	var r render.Report = rs
	if len(rs) == 1 && o.Root.format != render.TSV && o.Root.format != render.CSV {
		r = rs[0]
	}
	if o.Root.format == render.JSONL {
		for _, one := range rs {
			var r render.Report = one
			if len(rs) > 1 {
				r = oneOfSeveral{one} // its warnings name its file, as in one report of several
			}
			if err := o.Root.print(o.IO, r); err != nil {
				return err
			}
		}
	} else if err := o.Root.print(o.IO, r); err != nil {
		return err
	}
	if o.KeepGoing {
		_, err := o.IO.Stream().Write(o.IO.Out.Bytes())
		o.IO.Out.Reset()
		return err
	}
	return nil
}

// oneOfSeveral is a label printed alone (a line of -o jsonl) among
// several: its warnings name its file, as those of one report of several
// labels do.
type oneOfSeveral struct{ *render.Label }

func (o oneOfSeveral) Warnings() []*msg.Message { return render.Labels{o.Label}.Warnings() }

// labelItems are the doses of the labels total --label reads, each named
// by its file and line; empty names the labels that give no magnesium
// dose (a zinc label, a label of excipients only), for the caller to say.
func labelItems(s *IO, t tables, paths []string) (items []stack.Item, empty []string, err error) {
	labels, err := readLabels(s, t, nil, paths, nil)
	if err != nil {
		return nil, nil, err
	}
	for _, rl := range labels {
		if m := labelError(rl, len(labels)); m != nil {
			return nil, nil, dataError(m)
		}
		base := filepath.Base(rl.file)
		if rl.file == "-" {
			base = "<stdin>"
		}
		if len(rl.l.Doses()) == 0 {
			name := base
			if rl.l.Name != "" {
				name = rl.l.Name
			}
			empty = append(empty, name)
			continue
		}
		for _, w := range render.BlendWarnings(rl.l) {
			s.Warn(msg.New("%s: %s", base, w))
		}
		doses := rl.l.Items("")
		for _, it := range doses {
			switch {
			case rl.l.Name != "" && len(doses) == 1:
				it.Name = rl.l.Name // a DSLD product
			case rl.l.Name != "":
				it.Name = rl.l.Name + " (" + strconv.Itoa(it.Line) + ")"
			default:
				it.Name = base + ":" + strconv.Itoa(it.Line)
			}
			items = append(items, it)
		}
	}
	return items, empty, nil
}
