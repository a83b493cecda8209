package cli

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/records"
)

// fileFlag is a flag that names a file: the extensions the shell offers
// for it, and the hint for an empty name.
type fileFlag struct {
	exts []string
	hint *msg.Message
}

// fileFlagNames are the flags that name a file, wherever they are
// declared; fileFlagOf says what each takes.
var fileFlagNames = []string{"stack", "config", "table", "csv", "ics", "dsld", "label", "journal"}

func fileFlagOf(name string) (fileFlag, bool) {
	switch name {
	case "stack":
		return fileFlag{[]string{"yaml", "yml"}, msg.New("give a YAML file, or - for stdin")}, true
	case "config":
		return fileFlag{[]string{"yaml", "yml"}, msg.New("leave --config out for %s", "$XDG_CONFIG_HOME/mgcalc/config.yaml")}, true
	case "table":
		return fileFlag{[]string{"yaml", "yml"}, msg.New("leave --table out for the built-in form table")}, true
	case "csv":
		return fileFlag{[]string{"csv"}, msg.New("give a CSV file, or - for stdin")}, true
	case "ics":
		return fileFlag{[]string{"ics"}, msg.New("give a path, or - for stdout")}, true
	case "dsld":
		return fileFlag{[]string{"json"}, msg.New("give a DSLD JSON file, or - for stdin")}, true
	case "label":
		return fileFlag{nil, msg.New("give a label's text file, or - for stdin")}, true // any file
	case "journal":
		return fileFlag{[]string{"db"}, msg.New("leave --journal out for the default, $XDG_DATA_HOME/mgcalc/journal.db")}, true
	}
	return fileFlag{}, false
}

// fileArgHint is, for a command whose arguments name files (by command
// path), the hint for an empty name; false for the others.
func fileArgHint(path string) (*msg.Message, bool) {
	switch path {
	case "mgcalc label":
		return msg.New("give a label's text file, or - for stdin"), true
	case "mgcalc journal backup":
		return msg.New("give the name of the file to write the copy to"), true
	case "mgcalc journal restore":
		return msg.New("give the backup file that 'mgcalc journal backup' wrote"), true
	}
	return nil, false
}

// emptyFileName refuses a file flag or argument given an empty name
// (--stack ”, label ”): it is a slip on the command line, not a file
// that cannot be found, nor a journal that does not exist.
func emptyFileName(cmd *cobra.Command, args []string) error {
	if hint, ok := fileArgHint(cmd.CommandPath()); ok {
		for i, a := range args {
			if strings.TrimSpace(a) == "" {
				m := msg.Errorf("argument %d is an empty file name", i+1)
				m.Hint = hint
				return usageError(m)
			}
		}
	}
	for _, name := range fileFlagNames {
		f := cmd.Flags().Lookup(name)
		if f == nil || !f.Changed {
			continue
		}
		values := []string{f.Value.String()}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			values = sv.GetSlice()
		}
		for _, v := range values {
			if strings.TrimSpace(v) == "" {
				m := msg.Errorf("--%s needs a file name", name)
				ff, _ := fileFlagOf(name)
				m.Hint = ff.hint
				return usageError(m)
			}
		}
	}
	return nil
}

// writeFileAtomic writes a file through a temporary file in the same
// directory, synced and renamed into place, so a reader never sees half a
// file and a failure leaves no debris. An existing file is not replaced
// without force. The file is put in place last (laterFile).
func writeFileAtomic(s *IO, path string, force bool, write func(io.Writer) error) error {
	return laterFile(s, path, force, func(tmp *os.File) error {
		if err := write(tmp); err != nil {
			return err
		}
		if err := tmp.Chmod(0o644); err != nil {
			return err
		}
		return tmp.Sync()
	})
}

// laterFile is every file mgcalc writes where a person names it: path is
// checked (a regular file, or none; an existing one only with force),
// fill writes a temporary file beside it, and the file is put in place
// last (IO.later): after the command succeeded and its report reached
// stdout, so a command that fails for any reason, its output included,
// leaves no file behind, and an existing one untouched.
func laterFile(s *IO, path string, force bool, fill func(tmp *os.File) error) error {
	if strings.TrimSpace(path) == "" {
		return usageError(msg.Errorf("no file name given"))
	}
	if fi, err := os.Lstat(path); err == nil {
		if !fi.Mode().IsRegular() {
			return dataError(msg.Errorf("%s is not a regular file", path))
		}
		if !force {
			return usageError(msg.Errorf("%s exists", path).WithHint("give --force to replace it"))
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return dataError(msg.Errorf("%s: %s", path, errReason(err)))
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return dataError(msg.Errorf("cannot write %s: %s", path, errReason(err)))
	}
	err = fill(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		if _, ok := errors.AsType[*msg.Message](err); ok {
			return err // the writer's own words
		}
		return dataError(msg.Errorf("cannot write %s: %s", path, errReason(err)))
	}
	s.later(func() error { return placeFile(tmp.Name(), path, force) }, func() { os.Remove(tmp.Name()) })
	return nil
}

// placeFile puts the temporary file tmp in place as path: renamed over it
// with force; else linked, so that a file that appeared meanwhile is never
// replaced (a hard link fails where the name exists).
func placeFile(tmp, path string, force bool) error {
	defer os.Remove(tmp)
	if force {
		if err := os.Rename(tmp, path); err != nil {
			return dataError(msg.Errorf("cannot write %s: %s", path, errReason(err)))
		}
		return nil
	}
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return usageError(msg.Errorf("%s exists", path).WithHint("give --force to replace it"))
		}
		return dataError(msg.Errorf("cannot write %s: %s", path, errReason(err)))
	}
	return nil
}

// later keeps a file to put in place once the command has succeeded and
// its output is written (commit), or to drop otherwise (abort).
func (s *IO) later(commit func() error, abort func()) {
	s.pending = append(s.pending, pendingFile{commit, abort})
}

// pendingFile is a file written but not yet in place.
type pendingFile struct {
	commit func() error
	abort  func()
}

// finish puts the pending files in place (ok) or drops them; the first
// error of a commit is returned, and the files after it are dropped.
func (s *IO) finish(ok bool) error {
	var err error
	for _, p := range s.pending {
		if ok && err == nil {
			err = p.commit()
		} else {
			p.abort()
		}
	}
	s.pending = nil
	return err
}

// errReason is an OS error without the path it repeats, as a message
// for the common reasons (so that they print in the user's language).
func errReason(err error) error {
	switch {
	case errors.Is(err, syscall.ENOENT):
		return msg.Errorf("no such file or directory")
	case errors.Is(err, syscall.EACCES):
		return msg.Errorf("permission denied")
	case errors.Is(err, syscall.EISDIR):
		return msg.Errorf("is a directory")
	case errors.Is(err, syscall.ENOTDIR):
		return msg.Errorf("not a directory")
	case errors.Is(err, syscall.ENOSPC):
		return msg.Errorf("no space left on device")
	case errors.Is(err, syscall.EROFS):
		return msg.Errorf("read-only file system")
	}
	return errors.New(errText(err))
}

// errText is an OS error without the path it repeats.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// openUser opens a file a person named, for reading: "-" is stdin (with
// s nil, for a file that cannot be stdin, it is a file's name). Only
// a regular file is opened: the type is checked before the open, since
// opening a FIFO would wait for a writer for ever, /dev/zero never ends
// and a directory is no file. The error is the reason alone, as a
// message ("no such file"); the caller names the file. Every user file
// (stack, CSV, --table, config) is opened here.
func openUser(s *IO, path string) (io.ReadCloser, error) {
	if path == "-" && s != nil {
		return io.NopCloser(s.In), nil
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && !fi.Mode().IsRegular():
		return nil, msg.Errorf("not a regular file")
	case errors.Is(err, fs.ErrNotExist):
		return nil, errNoFile // one look: the usual config file that is not there
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, errNoFile
		}
		return nil, errReason(err)
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() { // replaced since the first look
		f.Close()
		return nil, msg.Errorf("not a regular file")
	}
	return f, nil
}

// errNoFile is openUser's error for a file that does not exist.
var errNoFile = msg.Errorf("no such file")

// readUser reads a whole file a person named (openUser), of at most max
// bytes: a larger one is an error, never memory.
func readUser(s *IO, path string, max int64) ([]byte, error) {
	f, err := openUser(s, path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, errReason(err)
	}
	if int64(len(b)) > max {
		return nil, msg.Errorf("larger than %d KiB", max>>10)
	}
	return b, nil
}

// located is the one wording of a problem located in a file (a path, or
// a message for a placeholder such as <text 2>):
// FILE:LINE: FIELD: MESSAGE (FIELD when there is one; "line N: …" for the
// lines of stdin), with the message's hint, and the CLI's hint for an
// unknown form.
func located(file any, e *records.Error) *msg.Message {
	listFormsHint(e)
	var m *msg.Message
	switch {
	case file == "" && e.Field == "":
		m = msg.Errorf("line %d: %s", e.Line, e.Err)
	case file == "":
		m = msg.Errorf("line %d: %s: %s", e.Line, e.Field, e.Err)
	case e.Field == "":
		m = msg.Errorf("%s:%d: %s", file, e.Line, e.Err)
	default:
		m = msg.Errorf("%s:%d: %s: %s", file, e.Line, e.Field, e.Err)
	}
	m.Hint = e.Err.Hint
	return m
}
