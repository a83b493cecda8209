package cli

import (
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
)

// Formats belong to reports (kubectl's allowed formats): each command
// declares the -o formats of the report it prints, where it declares -o,
// and its --help, its completion and the error for any other format come
// from that declaration. A command that prints no report has no -o.

// formatsAnnotation holds a command's -o formats, comma separated.
const formatsAnnotation = "mgcalc/formats"

// output is what a command that prints a report declares about -o: the
// report's formats, and a stream's where it has one. The four kinds are
// made once (building the tree is in every call of mgcalc).
type output struct {
	formats, stream []render.Format
	all             []render.Format   // formats, then the stream's others
	names           string            // formats, for --help
	streamNames     string            // the stream's, for --help
	annotations     map[string]string // never written to
	usage           string            // -o's help in English
}

func newOutput(formats, stream []render.Format) *output {
	o := &output{formats: formats, stream: stream, all: slices.Clone(formats), names: render.FormatNames(formats)}
	if stream != nil {
		o.streamNames = render.FormatNames(stream)
		for _, f := range stream {
			if !slices.Contains(o.all, f) {
				o.all = append(o.all, f)
			}
		}
	}
	names := make([]string, len(o.all))
	for i, f := range o.all {
		names[i] = string(f)
	}
	o.annotations = map[string]string{formatsAnnotation: strings.Join(names, ",")}
	o.usage = o.help(msg.EN)
	return o
}

// help is -o's help in p's language.
func (o *output) help(p msg.Printer) string {
	if o.stream != nil {
		return p.Help("output.flag.stream", "output format: %s; for a stream of rows: %s", o.names, o.streamNames)
	}
	return p.Help("output.flag", "output format: %s", o.names)
}

// The kinds of output, each made once, on first use.
var (
	listOutput    = outputKind(render.ListFormats, nil)
	valueOutput   = outputKind(render.ValueFormats, nil)
	planOutput    = outputKind(render.PlanFormats, nil)
	journalOutput = outputKind(render.JournalFormats, nil)
	streamOutput  = outputKind(render.ValueFormats, render.RowFormats)
)

// outputKind returns the output of formats (and stream), made on first
// use.
func outputKind(formats, stream []render.Format) func() *output {
	var once sync.Once
	var o *output
	return func() *output {
		once.Do(func() { o = newOutput(formats, stream) })
		return o
	}
}

// outputFlag declares -o for cmd, which prints a report of out's kind.
func outputFlag(cmd *cobra.Command, root *rootOptions, p msg.Printer, kind func() *output) {
	out := kind()
	usage := out.usage
	if p.Lang() != msg.English {
		usage = out.help(p)
	}
	cmd.Flags().StringVarP(&root.Output, "output", "o", string(render.Text), usage)
	standing(cmd.Flags(), "output")
	if cmd.Annotations == nil {
		cmd.Annotations = out.annotations
	} else {
		cmd.Annotations[formatsAnnotation] = out.annotations[formatsAnnotation]
	}
}

// completeOutput offers the command's own formats for -o; registered
// only when completion runs (completeSetup).
func completeOutput(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, f := range commandFormats(cmd) {
		out = append(out, string(f))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// commandFormats are the formats cmd declared, nil for a command without
// -o.
func commandFormats(cmd *cobra.Command) []render.Format {
	list, ok := cmd.Annotations[formatsAnnotation]
	if !ok {
		return nil
	}
	var out []render.Format
	for _, n := range strings.Split(list, ",") {
		out = append(out, render.Format(n))
	}
	return out
}

// chooseFormat reads -o for cmd (from the flag, a variable or the
// config file): one of the command's formats, else a usage error that
// names the command's formats, and where a standing setting chose it.
func chooseFormat(cmd *cobra.Command, value string, st *configState) (render.Format, error) {
	allowed := commandFormats(cmd)
	if allowed == nil {
		return render.Text, nil
	}
	f, err := render.ParseFormat(value, allowed)
	if err != nil {
		return "", usageError(withOrigin(err.(*msg.Message), st, "output"))
	}
	if !slices.Contains(allowed, f) {
		return "", formatError(&render.FormatError{Format: f, Allowed: allowed}, msg.New("%s", cmd.CommandPath()), st)
	}
	return f, nil
}

// formatError words a format what does not take, with where a standing
// setting chose it.
func formatError(fe *render.FormatError, what *msg.Message, st *configState) error {
	m := fe.Message(what)
	out := withOrigin(m, st, "output")
	if out != m {
		out.Hint = msg.Errorf("%s; %s", out.Hint, m.Hint)
	}
	return usageError(out)
}
