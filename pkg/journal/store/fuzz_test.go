package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Any bytes as a journal file: opening them never panics, either refuses
// the file (and leaves it byte for byte as it was) or opens an mgcalc
// journal that reads.
func FuzzOpenHostile(f *testing.F) {
	dir := f.TempDir()
	good := filepath.Join(dir, "good.db")
	s, err := Open(good, Options{Write: true})
	if err != nil {
		f.Fatal(err)
	}
	s.Add(entry("2026-12-01T21:00:00Z", 80.8), false)
	s.Close()
	b, _ := os.ReadFile(good)
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Add([]byte("SQLite format 3\x00"))
	f.Add(bytes.Repeat([]byte{0}, 8192))
	other := filepath.Join(dir, "other.db")
	db, _ := bolt.Open(other, 0o600, nil)
	db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("x")); return err })
	db.Close()
	ob, _ := os.ReadFile(other)
	f.Add(ob)
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "j.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, write := range []bool{false, true} {
			s, err := Open(path, Options{Write: write, Timeout: time.Second})
			if err != nil {
				if kind(err) == 0 {
					t.Fatalf("write=%v: an error of no kind: %v", write, err)
				}
				continue
			}
			if _, err := s.Entries(time.Time{}, time.Time{}); err != nil && kind(err) == 0 {
				t.Errorf("an opened journal that does not read: %v", err)
			}
			s.Close()
			return // a journal: it may since have been migrated
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
			t.Error("a refused file was changed")
		}
	})
}
