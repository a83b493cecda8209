package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/mgcalc/mgcalc/pkg/journal"
)

func entry(at string, mg float64) *journal.Entry {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		panic(err)
	}
	return &journal.Entry{At: t, LoggedAt: t, ElementalMg: mg,
		Items: []journal.Taken{{Input: "citrate:500", Form: "citrate", Variant: "anhydrous", Fraction: 0.161634, CompoundMg: 500, ElementalMg: mg, Counted: true, Route: "oral"}}}
}

func openW(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path, Options{Write: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func kind(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

func TestCreateWritesAPrivateJournal(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mgcalc")
	path := filepath.Join(dir, "journal.db")
	if _, err := Open(path, Options{}); !errors.Is(err, ErrNoJournal) {
		t.Fatalf("reading a missing journal: %v, want ErrNoJournal", err)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("reading must not create the folder")
	}
	s, err := Open(path, Options{Write: true, MakeDir: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	fi, _ := os.Stat(path)
	di, _ := os.Stat(dir)
	if fi.Mode().Perm() != 0o600 || di.Mode().Perm() != 0o700 {
		t.Errorf("file %v, folder %v; want 0600 and 0700", fi.Mode().Perm(), di.Mode().Perm())
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(left) != 1 || filepath.Base(left[0]) != ".journal.db.queue" {
		t.Errorf("files beside the journal: %v, want only its queue folder", left)
	}
	if qi, err := os.Stat(queueDir(path)); err != nil || qi.Mode().Perm() != 0o700 {
		t.Errorf("the queue folder: %v, %v", qi, err)
	}
	if q, _ := os.ReadDir(queueDir(path)); len(q) != 0 {
		t.Errorf("tickets left in the queue: %v", q)
	}
}

func TestAddAndReadByTime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	s := openW(t, path)
	for _, at := range []string{"2026-12-03T21:00:00+01:00", "2026-12-01T08:00:00+01:00", "2026-12-02T21:00:00+01:00"} {
		if _, err := s.Add(entry(at, 80.8), false); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	from, _ := time.Parse(time.RFC3339, "2026-12-02T00:00:00+01:00")
	got, err := r.Entries(from, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].At.Day() != 2 || got[1].At.Day() != 3 || got[0].ID != 3 {
		t.Errorf("entries from Dec 2: %+v", got)
	}
	if got[0].Items[0].Fraction != 0.161634 {
		t.Error("the snapshot's fraction is not kept")
	}
}

func TestDoubleIsRefusedUnlessForced(t *testing.T) {
	s := openW(t, filepath.Join(t.TempDir(), "j.db"))
	defer s.Close()
	if _, err := s.Add(entry("2026-12-01T21:00:00Z", 80.8), false); err != nil {
		t.Fatal(err)
	}
	_, err := s.Add(entry("2026-12-01T21:00:30Z", 80.8), false)
	if kind(err) != Double {
		t.Fatalf("a double 30 s later: %v, want a Double error", err)
	}
	e := entry("2026-12-01T21:00:30Z", 80.8)
	if _, err := s.Add(e, true); err != nil || !e.Forced {
		t.Fatalf("forced: %v, forced=%v", err, e.Forced)
	}
	if _, err := s.Add(entry("2026-12-01T21:01:30Z", 80.8), false); err != nil {
		t.Errorf("90 s later is no double of the first (but 60 s after the second): %v", err)
	}
}

func TestSavePlanReplacesOnlyWhenAsked(t *testing.T) {
	s := openW(t, filepath.Join(t.TempDir(), "j.db"))
	defer s.Close()
	start := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	p := &journal.Plan{Start: start, GoalName: "sleep", Steps: []journal.Step{{FirstDay: 1, LastDay: 14, ElementalMg: 100}}}
	if err := s.SavePlan(p, false); err != nil {
		t.Fatal(err)
	}
	q := &journal.Plan{Start: start.AddDate(0, 0, 10), GoalName: "cramps", Steps: p.Steps}
	if err := s.SavePlan(q, false); kind(err) != ActivePlan {
		t.Fatalf("replacing without force: %v", err)
	}
	if err := s.SavePlan(q, true); err != nil {
		t.Fatal(err)
	}
	a, _ := s.ActivePlan()
	all, _ := s.Plans()
	if a.GoalName != "cramps" || len(all) != 2 || all[0].Ended == nil || all[0].Ended.Day() != 10 {
		t.Errorf("active %q, plans %d, the first ended %v; want cramps, 2, Dec 10", a.GoalName, len(all), all[0].Ended)
	}
	// a plan from Dec 5 overlaps both: the first ends on Dec 4, the
	// second (from Dec 11) is dropped; no day has two plans
	r := &journal.Plan{Start: start.AddDate(0, 0, 4), GoalName: "stress", Steps: p.Steps}
	if err := s.SavePlan(r, true); err != nil {
		t.Fatal(err)
	}
	all, _ = s.Plans()
	if len(all) != 2 || all[0].GoalName != "sleep" || all[0].Ended.Day() != 4 || all[1].GoalName != "stress" || all[1].Ended != nil {
		t.Errorf("plans after an overlapping save: %+v", all)
	}
}

// hostile files: each must be refused, and left byte for byte as it was
func TestHostileFilesAreRefusedAndLeftAlone(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]func(path string) error{
		"text": func(p string) error { return os.WriteFile(p, []byte("hello, this is not a database\n"), 0o600) },
		"sqlite": func(p string) error {
			return os.WriteFile(p, append([]byte("SQLite format 3\x00"), make([]byte, 8192)...), 0o600)
		},
		"empty": func(p string) error { return os.WriteFile(p, nil, 0o600) },
		"zeros": func(p string) error { return os.WriteFile(p, make([]byte, 64<<10), 0o600) },
		"huge": func(p string) error {
			f, err := os.Create(p)
			if err != nil {
				return err
			}
			defer f.Close()
			return f.Truncate(MaxSize + 1) // sparse
		},
		"other program's bbolt": func(p string) error {
			db, err := bolt.Open(p, 0o600, nil)
			if err != nil {
				return err
			}
			db.Update(func(tx *bolt.Tx) error {
				b, _ := tx.CreateBucket([]byte("widgets"))
				return b.Put([]byte("k"), []byte("v"))
			})
			return db.Close()
		},
		"empty bbolt": func(p string) error {
			db, err := bolt.Open(p, 0o600, nil)
			if err != nil {
				return err
			}
			return db.Close()
		},
		"newer schema": func(p string) error {
			s, err := Open(p, Options{Write: true})
			if err != nil {
				return err
			}
			s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte("99")) })
			return s.Close()
		},
		"truncated": func(p string) error {
			s, err := Open(p, Options{Write: true})
			if err != nil {
				return err
			}
			for i := range 300 {
				s.Add(entry("2026-12-01T21:00:00Z", float64(i)), true)
			}
			s.Close()
			fi, _ := os.Stat(p)
			return os.Truncate(p, fi.Size()/2)
		},
	}
	for name, make := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".db")
			if err := make(path); err != nil {
				t.Fatal(err)
			}
			before := digest(t, path)
			for _, write := range []bool{false, true} {
				s, err := Open(path, Options{Write: write})
				if err == nil {
					s.Close()
					t.Fatalf("opened (write=%v)", write)
				}
				if kind(err) != Refused {
					t.Errorf("write=%v: %v, want a refusal", write, err)
				}
			}
			if checks, ok := Doctor(path, true); ok {
				t.Errorf("doctor passed a hostile file: %+v", checks)
			}
			if digest(t, path) != before {
				t.Error("the file was changed")
			}
		})
	}
	t.Run("fifo", func(t *testing.T) {
		path := filepath.Join(dir, "fifo")
		if err := syscall.Mkfifo(path, 0o600); err != nil {
			t.Skip(err)
		}
		done := make(chan error, 1)
		go func() { _, err := Open(path, Options{Write: true}); done <- err }()
		select {
		case err := <-done:
			if kind(err) != Refused {
				t.Errorf("%v, want a refusal", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("opening a FIFO hangs")
		}
	})
	t.Run("directory", func(t *testing.T) {
		path := filepath.Join(dir, "adir")
		os.Mkdir(path, 0o700)
		if _, err := Open(path, Options{Write: true}); kind(err) != Refused {
			t.Errorf("%v, want a refusal", err)
		}
	})
}

func digest(t *testing.T, path string) [32]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	if fi.Size() > 1<<20 {
		// a sparse giant: its size and first MiB
		b := make([]byte, 1<<20)
		f.Read(b)
		return sha256.Sum256(append(b, []byte(strconv.FormatInt(fi.Size(), 10))...))
	}
	b, _ := os.ReadFile(path)
	return sha256.Sum256(b)
}

func TestMigrationFromSchema1BuildsTheIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	// a schema-1 journal: no by_time index
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		m, _ := tx.CreateBucket(bucketMeta)
		m.Put(keyApp, []byte(appName))
		m.Put(keySchema, []byte("1"))
		tx.CreateBucket(bucketPlans)
		es, _ := tx.CreateBucket(bucketEntries)
		for i, at := range []string{"2026-12-02T21:00:00Z", "2026-12-01T21:00:00Z"} {
			b, _ := json.Marshal(entry(at, 80.8))
			es.Put(idKey(uint64(i+1)), b)
		}
		es.SetSequence(2)
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{}) // a reader migrates it too
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Entries(time.Time{}, time.Time{})
	if err != nil || len(got) != 2 || got[0].At.Day() != 1 {
		t.Errorf("after migration: %v, %+v", err, got)
	}
	v, _ := s.schema()
	s.Close()
	if v != Schema {
		t.Errorf("schema %d after opening, want %d", v, Schema)
	}
}

func TestSecondWriterWaitsThenFailsClearly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	held := openW(t, path)
	start := time.Now()
	_, err := Open(path, Options{Write: true, Timeout: 300 * time.Millisecond})
	waited := time.Since(start)
	if kind(err) != Locked {
		t.Fatalf("%v, want a Locked error", err)
	}
	if waited > 3*time.Second {
		t.Errorf("waited %v", waited)
	}
	// the lock that a timed-out waiter would have got is not kept
	held.Close()
	time.Sleep(50 * time.Millisecond)
	s, err := Open(path, Options{Write: true, Timeout: time.Second})
	if err != nil {
		t.Fatalf("after the holder closed: %v", err)
	}
	s.Close()
}

func TestBackupRestoreDeleteDoctor(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "j.db")
	s := openW(t, path)
	s.Add(entry("2026-12-01T21:00:00Z", 80.8), false)
	s.Add(entry("2026-12-02T21:00:00Z", 80.8), false)
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(backup, false); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(backup, false); !errors.Is(err, ErrExists) {
		t.Errorf("a second backup over the first: %v, want ErrExists", err)
	}
	s.Close()
	if fi, _ := os.Stat(backup); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", fi.Mode().Perm())
	}
	if err := DeleteAll(path); err != nil {
		t.Fatal(err)
	}
	s = openW(t, path)
	if n, _, _ := s.Counts(); n != 0 {
		t.Errorf("%d entries after delete --all", n)
	}
	s.Add(entry("2026-12-05T21:00:00Z", 80.8), false)
	s.Close()
	if _, err := Restore(path, backup, false, false); kind(err) != ActivePlan {
		t.Errorf("restoring over entries without force: %v", err)
	}
	if n, err := Restore(path, backup, true, false); err != nil || n != 2 {
		t.Fatalf("restore: %d, %v", n, err)
	}
	s = openW(t, path)
	got, _ := s.Entries(time.Time{}, time.Time{})
	s.Close()
	if len(got) != 2 {
		t.Errorf("%d entries after restore, want 2", len(got))
	}
	if checks, ok := Doctor(path, false); !ok {
		t.Errorf("doctor fails a good journal: %+v", checks)
	}
	// a broken index is found and rebuilt
	s = openW(t, path)
	s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketByTime).Put(timeKey(time.Now(), 99), nil) })
	s.Close()
	if _, ok := Doctor(path, false); ok {
		t.Error("doctor passes a dangling index key")
	}
	if checks, ok := Doctor(path, true); !ok {
		t.Errorf("doctor --fix did not repair the index: %+v", checks)
	}
	if _, ok := Doctor(path, false); !ok {
		t.Error("still broken after --fix")
	}
	// a restore from a file that is not a journal changes nothing
	junk := filepath.Join(dir, "junk")
	os.WriteFile(junk, bytes.Repeat([]byte("x"), 5000), 0o600)
	if _, err := Restore(path, junk, true, false); kind(err) != Refused {
		t.Errorf("restore from junk: %v", err)
	}
}

// Waiters are served in the order they came: with the journal held, three
// waiters queue up, and when it is let go they get it first come, first
// served.
func TestQueueIsFirstComeFirstServed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	held := openW(t, path)
	order := make(chan int, 3)
	var done []chan struct{}
	for i := range 3 {
		c := make(chan struct{})
		done = append(done, c)
		go func() {
			defer close(c)
			s, err := Open(path, Options{Write: true, Timeout: 10 * time.Second})
			if err != nil {
				t.Error(err)
				return
			}
			order <- i
			time.Sleep(20 * time.Millisecond)
			s.Close()
		}()
		time.Sleep(100 * time.Millisecond) // so each has its ticket before the next comes
	}
	held.Close()
	for _, c := range done {
		<-c
	}
	close(order)
	var got []int
	for i := range order {
		got = append(got, i)
	}
	if len(got) != 3 || got[0] != 0 || got[1] != 1 || got[2] != 2 {
		t.Errorf("served in the order %v, want 0 1 2", got)
	}
}
