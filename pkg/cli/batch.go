package cli

import (
	"errors"
	"io"
	"os"
	"slices"

	"github.com/mgcalc/mgcalc/pkg/batch"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
	"github.com/mgcalc/mgcalc/pkg/stack"
	"github.com/mgcalc/mgcalc/pkg/text"
)

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

// runConvertBatch converts a stream of products: stdin ("-") or --csv.
// Rows are written as they are converted; a bad row stops the stream
// (rows before it stay written), or with --keep-going is reported and
// skipped, and the exit status is 1 at the end.
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
	var (
		in    batch.Reader
		where = "line"
		idle  func() bool
	)
	if o.CSV != "" {
		cols, err := batch.ParseColumns(o.Columns)
		if err != nil {
			return usageError(prefixed("--columns", err))
		}
		r, closeFn, err := openInput(o.IO, o.CSV)
		if err != nil {
			return err
		}
		defer closeFn()
		cr, err := batch.CSV(r, cols)
		if err != nil {
			return dataError(lineMessage(o.CSV, err))
		}
		in, where = cr, o.CSV
	} else {
		lr := batch.Lines(o.IO.In)
		in, idle = lr, func() bool { return !lr.Buffered() }
	}
	c := &batch.Converter{Forms: t, Limit: limit, Reverse: o.Reverse, Count: o.Count, Assay: o.Assay, Note: o.IO.Warn}
	out, err := render.NewRowWriter(o.IO.Stream(), format, o.IO.Term())
	if err != nil {
		return usageError(err)
	}
	var first *batch.LineError
	onError := func(le *batch.LineError) bool {
		if first == nil {
			first = le
		}
		if o.KeepGoing {
			printError(o.IO.ErrOut, o.IO.P, rowError(where, le))
		}
		return o.KeepGoing
	}
	rows, failed, err := batch.Run(in, c, out, onError, idle)
	if err != nil {
		var le *batch.LineError
		if errors.As(err, &le) {
			return dataError(rowError(where, le))
		}
		return dataError(msg.Errorf("%s", err.Error()))
	}
	switch {
	case failed > 0 && o.KeepGoing:
		return &codeError{ExitError, msg.Errorf("%d of %d lines could not be converted", failed, rows+failed)}
	case failed > 0:
		return dataError(rowError(where, first))
	}
	return nil
}

// rowError names the line (and the file, for CSV) of a bad row.
func rowError(where string, le *batch.LineError) *msg.Message {
	formError(le) // the CLI's hint for an unknown form
	var m *msg.Message
	if where == "line" {
		m = msg.Errorf("line %d: %s", le.Line, le.Err)
	} else {
		m = msg.Errorf("%s:%d: %s", where, le.Line, le.Err)
	}
	m.Hint = le.Err.Hint
	return m
}

// lineMessage words an error from opening a CSV stream.
func lineMessage(path string, err error) *msg.Message {
	var le *batch.LineError
	if errors.As(err, &le) {
		return rowError(path, le)
	}
	return prefixed(path, err)
}

// openInput opens a file (or stdin for "-") for streaming; it must be a
// regular file or a pipe, never a directory.
func openInput(s *IO, path string) (io.Reader, func(), error) {
	if path == "-" {
		return s.In, func() {}, nil
	}
	// the type first: opening a FIFO would wait for a writer for ever, and
	// /dev/zero never ends ('-' reads a pipe)
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return nil, nil, dataError(msg.Errorf("%s: not a regular file", text.Escape(path)))
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil, dataError(msg.Errorf("%s: no such file", text.Escape(path)))
		}
		return nil, nil, dataError(msg.Errorf("%s: %s", text.Escape(path), errReason(err)))
	}
	return f, func() { f.Close() }, nil
}

// readStackCSV reads a stack given as CSV (total --csv).
func readStackCSV(o *totalOptions, path string) ([]stack.Item, error) {
	t, err := o.Root.tables.Forms()
	if err != nil {
		return nil, dataError(err)
	}
	r, closeFn, err := openInput(o.IO, path)
	if err != nil {
		return nil, err
	}
	defer closeFn()
	items, err := batch.StackCSV(r, t)
	if err != nil {
		var se *stack.StackError
		if errors.As(err, &se) {
			m := msg.Errorf("%s:%d: %s: %s", path, se.Line, se.Field, se.Err)
			if se.Field == "" {
				m = msg.Errorf("%s:%d: %s", path, se.Line, se.Err)
			}
			m.Hint = se.Err.Hint
			return nil, dataError(m)
		}
		return nil, dataError(lineMessage(path, err))
	}
	return items, nil
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
