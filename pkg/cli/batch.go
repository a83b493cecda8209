package cli

import (
	"errors"
	"io"
	"slices"

	"github.com/mgcalc/mgcalc/pkg/batch"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/records"
	"github.com/mgcalc/mgcalc/pkg/render"
)

// Streams: elemental -, compound -, check - and --csv FILE all run through
// pkg/batch's one engine (batch.Run); what differs is only the reader,
// the converter and the writer. Here is the wiring they share: the
// format, the input, the bad-line rule and the summary.

// streamFormat is the format of a stream of rows (elemental -, check
// --csv): what -o says, else text on a terminal and TSV when piped; json
// is JSON Lines, a stream of objects.
func streamFormat(s *IO, root *rootOptions, outputSet bool) (render.Format, error) {
	f := root.format
	if !outputSet {
		f = render.Text
		if !s.StdoutTTY {
			f = render.TSV
		}
	}
	if !slices.Contains(render.RowFormats, f) {
		return "", formatError(&render.FormatError{Format: f, Allowed: render.RowFormats}, msg.New("a stream of rows"), root.config)
	}
	if f == render.JSON {
		f = render.JSONL
	}
	return f, nil
}

// streamInput is a stream's rows: the CSV file csvPath (- for stdin) with
// its columns, else stdin's lines (labels: FORM AMOUNT STATED). where
// names the file in errors ("" for stdin's lines); idle reports when no
// input is waiting, so rows are flushed as lines arrive. Over a file of
// known size it shows a progress line on a terminal's stderr
// (progress.go); close clears it.
type streamInput struct {
	in    batch.Reader
	where string
	idle  func() bool
	close func()
}

func openStream(s *IO, csvPath string, cols batch.Columns, labels bool) (streamInput, error) {
	if csvPath == "" {
		in, done := withProgress(s, s.In, streamProgress(s, s.In))
		lr := batch.Lines(in)
		if labels {
			lr = batch.Labels(in)
		}
		return streamInput{in: lr, idle: func() bool { return !lr.Buffered() }, close: done}, nil
	}
	f, err := openUser(s, csvPath)
	if err != nil {
		return streamInput{}, dataError(prefixed(csvPath, err))
	}
	var src io.Reader = f
	if csvPath == "-" {
		src = s.In // openUser's is not an *os.File
	}
	in, done := withProgress(s, f, streamProgress(s, src))
	cr, err := batch.CSV(in, cols)
	if err != nil {
		done()
		f.Close()
		return streamInput{}, dataError(fileError(csvPath, err))
	}
	return streamInput{in: cr, where: csvPath, close: func() { done(); f.Close() }}, nil
}

// runStream runs a stream through the engine: rows are written as they
// are converted; a bad row stops the stream (the rows before it stay
// written), or with keepGoing is reported and skipped, and the exit
// status is 1 at the end. done words what a good row was ("converted").
func runStream[T any](s *IO, in streamInput, keepGoing bool, conv batch.RowConverter[T], out batch.RowWriter[T], done *msg.Message) error {
	defer in.close()
	var first *batch.LineError
	onError := func(le *batch.LineError) bool {
		if first == nil {
			first = le
		}
		if keepGoing {
			printError(s.ErrOut, s.P, located(in.where, le))
		}
		return keepGoing
	}
	rows, failed, err := batch.Run(in.in, conv, out, onError, in.idle)
	if err != nil {
		return dataError(fileError(in.where, err))
	}
	switch {
	case failed > 0 && keepGoing:
		return &codeError{ExitError, msg.Plural(float64(rows+failed), "%d of %d line could not be %s", "%d of %d lines could not be %s", failed, rows+failed, done)}
	case failed > 0:
		return dataError(located(in.where, first))
	}
	return nil
}

// runConvertBatch converts a stream of products: stdin ("-") or --csv.
func runConvertBatch(o *convertOptions) error {
	t, err := o.Root.tables.Forms()
	if err != nil {
		return dataError(err)
	}
	format, err := streamFormat(o.IO, o.Root, o.outputSet)
	if err != nil {
		return err
	}
	_, limit, err := o.Person.applied(o.Root.tables, o.Root.config)
	if err != nil {
		return err
	}
	// the person's cautions once, not per row
	for _, c := range limit.Cautions() {
		o.IO.Warn(c)
	}
	var cols batch.Columns
	if o.CSV != "" {
		if cols, err = batch.ParseColumns(o.Columns); err != nil {
			return usageError(prefixed("--columns", err))
		}
	}
	out, err := render.NewRowWriter(o.IO.Stream(), format, o.IO.Term())
	if err != nil {
		return usageError(err)
	}
	in, err := openStream(o.IO, o.CSV, cols, false)
	if err != nil {
		return err
	}
	c := &batch.Converter{Forms: t, Limit: limit, Reverse: o.Reverse, Count: o.Count, Assay: o.Assay, Note: o.IO.Warn}
	return runStream(o.IO, in, o.KeepGoing, c, out, msg.New("converted"))
}

// fileError words an error reading path: located where it can be.
func fileError(path string, err error) *msg.Message {
	var le *records.Error
	if errors.As(err, &le) {
		return located(path, le)
	}
	return prefixed(path, err)
}

// columnsNeedCSV refuses --columns without --csv: it maps a CSV header,
// and silently ignored it would hide a mistake.
func columnsNeedCSV(columns, csv string) error {
	if columns != "" && csv == "" {
		return usageError(msg.Errorf("--columns applies only with --csv FILE").
			WithHint("give the CSV file with --csv, or leave --columns out"))
	}
	return nil
}
