package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/mgcalc/mgcalc/pkg/journal"
	"github.com/mgcalc/mgcalc/pkg/msg"
)

// WriteTo writes a consistent copy of the journal to w: a backup's bytes,
// for a caller that places the file itself.
func (s *Store) WriteTo(w io.Writer) (n int64, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		n, err = tx.WriteTo(w)
		return err
	})
	return n, err
}

// Backup writes a consistent copy of the journal to dst (file 0600),
// through a temporary file in dst's folder, never over an existing file
// unless force.
func (s *Store) Backup(dst string, force bool) error {
	return writeAtomic(dst, force, func(f *os.File) error {
		return s.view(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(f)
			return err
		})
	})
}

// ErrExists is Backup's refusal to replace a file without force.
var ErrExists = errors.New("exists")

// writeAtomic writes dst through a temporary file in the same folder,
// synced and linked (or, with force, renamed) into place.
func writeAtomic(dst string, force bool, write func(*os.File) error) error {
	if fi, err := os.Lstat(dst); err == nil {
		if !fi.Mode().IsRegular() {
			return &Error{Failed, msg.Errorf("%s is not a regular file", dst)}
		}
		if !force {
			return ErrExists
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".*.tmp")
	if err != nil {
		return failed(dst, err)
	}
	name := tmp.Name()
	defer os.Remove(name)
	err = tmp.Chmod(0o600)
	if err == nil {
		err = write(tmp)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return failed(dst, err)
	}
	if force {
		err = os.Rename(name, dst)
	} else if err = os.Link(name, dst); errors.Is(err, fs.ErrExist) {
		return ErrExists
	}
	if err != nil {
		return failed(dst, err)
	}
	return nil
}

// Restore replaces the journal with the backup at src, after checking
// that src is an mgcalc journal this mgcalc reads. The journal is locked
// while it is replaced; processes waiting for it open the new file.
// Without force, a journal that holds entries or plans is not replaced.
func Restore(path, src string, force bool, makeDir bool) (entries int, err error) {
	b, err := Open(src, Options{NoQueue: true})
	if err != nil {
		if errors.Is(err, ErrNoJournal) {
			return 0, &Error{Failed, msg.Errorf("backup %s: no such file", src)}
		}
		return 0, err
	}
	entries, _, err = b.Counts()
	if err != nil {
		b.Close()
		return 0, failed(src, err)
	}
	live, err := Open(path, Options{Write: true, MakeDir: makeDir})
	if err != nil {
		b.Close()
		return 0, err
	}
	defer live.Close()
	defer b.Close()
	if n, p, err := live.Counts(); err != nil {
		return 0, failed(path, err)
	} else if (n > 0 || p > 0) && !force {
		return 0, &Error{ActivePlan, msg.Errorf("journal %s holds %s and %s: restoring replaces them", path, entriesWord(n), plansWord(p)).
			WithHint("back it up first ('mgcalc journal backup FILE'), then give --force")}
	}
	err = writeAtomic(path, true, func(f *os.File) error {
		return b.view(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(f)
			return err
		})
	})
	return entries, err
}

// DeleteAll replaces the journal with an empty one: every entry and plan
// is gone from the file (the file system frees the old blocks; it does
// not wipe them).
func DeleteAll(path string) error {
	live, err := Open(path, Options{Write: true})
	if err != nil {
		if errors.Is(err, ErrNoJournal) {
			return nil
		}
		return err
	}
	defer live.Close()
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return failed(path, err)
	}
	name := tmp.Name()
	tmp.Close()
	defer os.Remove(name)
	if err := initialise(name, schemaNow{}); err != nil {
		return failed(path, err)
	}
	if err := os.Rename(name, path); err != nil {
		return failed(path, err)
	}
	return nil
}

// Check is one check of `journal doctor`.
type Check struct {
	Name   string
	OK     bool
	Detail *msg.Message // what is wrong, or what was found
	Fixed  bool
}

// Doctor checks the journal at path (and, with fix, repairs what it
// can). It never writes to a file that is not an mgcalc journal: that is
// reported, and left alone. ok is false while a problem remains.
func Doctor(path string, fix bool) (checks []Check, ok bool) {
	add := func(c Check) { checks = append(checks, c) }
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		add(Check{Name: "file", OK: true, Detail: msg.New("no journal yet: nothing was logged")})
		return checks, true
	}
	if err != nil {
		add(Check{Name: "file", Detail: reason(err)})
		return checks, false
	}
	if !fi.Mode().IsRegular() {
		add(Check{Name: "file", Detail: msg.New("not a regular file: left alone")})
		return checks, false
	}
	// leftovers of a write that was killed
	var stale []string
	if ents, err := os.ReadDir(filepath.Dir(path)); err == nil {
		prefix := "." + filepath.Base(path) + "."
		for _, e := range ents {
			if strings.HasPrefix(e.Name(), prefix) && strings.HasSuffix(e.Name(), ".tmp") {
				stale = append(stale, filepath.Join(filepath.Dir(path), e.Name()))
			}
		}
	}
	stale = append(stale, staleTickets(path)...)
	if len(stale) > 0 {
		// debris, not damage: the journal itself is never written in place
		// of them
		c := Check{Name: "leftovers", OK: true, Detail: msg.Plural(float64(len(stale)), "%d temporary file of an interrupted write", "%d temporary files of an interrupted write", len(stale))}
		if fix {
			for _, f := range stale {
				os.Remove(f)
			}
			c.Fixed, c.OK = true, true
		}
		add(c)
	} else {
		add(Check{Name: "leftovers", OK: true})
	}
	s, err := Open(path, Options{Write: fix})
	if err != nil {
		var m *msg.Message
		if !errors.As(err, &m) {
			m = msg.New("%s", err.Error())
		}
		add(Check{Name: "open", Detail: m})
		return checks, false
	}
	defer s.Close()
	add(Check{Name: "open", OK: true, Detail: msg.New("an mgcalc journal, schema %d", Schema)})
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		c := Check{Name: "permissions", Detail: msg.New("the file is readable by others (%s): it should be 0600", perm.String())}
		if fix && os.Chmod(path, 0o600) == nil {
			c.Fixed, c.OK = true, true
		}
		add(c)
	} else {
		add(Check{Name: "permissions", OK: true})
	}
	// the database's own consistency: every page reachable once
	var pageErrs []string
	_ = s.view(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			pageErrs = append(pageErrs, err.Error())
		}
		return nil
	})
	if len(pageErrs) > 0 {
		add(Check{Name: "pages", Detail: msg.Plural(float64(len(pageErrs)), "%d page error: %s", "%d page errors, the first: %s", len(pageErrs), pageErrs[0])})
		return checks, false
	}
	add(Check{Name: "pages", OK: true})
	add(s.checkEntries(fix))
	add(s.checkPlans(fix))
	ok = true
	for _, c := range checks {
		ok = ok && c.OK
	}
	return checks, ok
}

// checkEntries checks that every entry reads and the time index holds
// each entry once and nothing else; fix rebuilds the index.
func (s *Store) checkEntries(fix bool) Check {
	n, bad, indexed, dangling := 0, 0, 0, 0
	want := map[string]string{} // index key → value
	_ = s.view(func(tx *bolt.Tx) error {
		_ = tx.Bucket(bucketEntries).ForEach(func(k, v []byte) error {
			n++
			var e journal.Entry
			if json.Unmarshal(v, &e) != nil || e.Empty() {
				bad++
				return nil
			}
			want[string(timeKey(e.At, binary.BigEndian.Uint64(k)))] = string(indexValue(&e))
			return nil
		})
		return tx.Bucket(bucketByTime).ForEach(func(k, v []byte) error {
			if w, ok := want[string(k)]; ok && w == string(v) {
				indexed++
			} else {
				dangling++
			}
			return nil
		})
	})
	if bad > 0 {
		return Check{Name: "entries", Detail: msg.Plural(float64(n), "%d of %d entry cannot be read", "%d of %d entries cannot be read", bad, n)}
	}
	if indexed == len(want) && dangling == 0 {
		return Check{Name: "entries", OK: true, Detail: entriesWord(n)}
	}
	c := Check{Name: "entries", Detail: msg.New("the time index is out of step with the %s", entriesWord(n))}
	if fix {
		err := s.update(func(tx *bolt.Tx) error {
			if err := tx.DeleteBucket(bucketByTime); err != nil {
				return err
			}
			return migrations[0](tx)
		})
		if err == nil {
			c.OK, c.Fixed = true, true
		}
	}
	return c
}

// checkPlans checks that every plan reads and the active one exists; fix
// clears an active mark that names no plan.
func (s *Store) checkPlans(fix bool) Check {
	n, bad := 0, 0
	var dangling bool
	_ = s.view(func(tx *bolt.Tx) error {
		plans := tx.Bucket(bucketPlans)
		_ = plans.ForEach(func(_, v []byte) error {
			n++
			var p journal.Plan
			if json.Unmarshal(v, &p) != nil || len(p.Steps) == 0 {
				bad++
			}
			return nil
		})
		if a := tx.Bucket(bucketMeta).Get(keyActivePlan); a != nil && plans.Get(a) == nil {
			dangling = true
		}
		return nil
	})
	switch {
	case bad > 0:
		return Check{Name: "plans", Detail: msg.Plural(float64(n), "%d of %d plan cannot be read", "%d of %d plans cannot be read", bad, n)}
	case dangling:
		c := Check{Name: "plans", Detail: msg.New("the active plan is missing")}
		if fix && s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keyActivePlan) }) == nil {
			c.OK, c.Fixed = true, true
		}
		return c
	}
	return Check{Name: "plans", OK: true, Detail: plansWord(n)}
}

// entriesWord is "1 entry", "3 entries".
func entriesWord[N int | uint64](n N) *msg.Message {
	return msg.Plural(float64(n), "%d entry", "%d entries", n)
}

// plansWord is "1 plan", "3 plans".
func plansWord[N int | uint64](n N) *msg.Message {
	return msg.Plural(float64(n), "%d plan", "%d plans", n)
}
