package cli

import (
	"slices"
	"strings"

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

// outputFlag declares -o for cmd, which prints a report that takes
// formats; stream, when not nil, are the formats of its stream of rows
// (elemental -, check --csv).
func outputFlag(cmd *cobra.Command, root *rootOptions, p msg.Printer, formats, stream []render.Format) {
	usage := p.Help("output.flag", "output format: %s", render.FormatNames(formats))
	all := slices.Clone(formats)
	if stream != nil {
		usage = p.Help("output.flag.stream", "output format: %s; for a stream of rows: %s", render.FormatNames(formats), render.FormatNames(stream))
		for _, f := range stream {
			if !slices.Contains(all, f) {
				all = append(all, f)
			}
		}
	}
	f := cmd.Flags()
	f.StringVarP(&root.Output, "output", "o", string(render.Text), usage)
	standing(f, "output")
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	names := make([]string, len(all))
	for i, f := range all {
		names[i] = string(f)
	}
	cmd.Annotations[formatsAnnotation] = strings.Join(names, ",")
	_ = cmd.RegisterFlagCompletionFunc("output", fixedCompletion(names...))
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
