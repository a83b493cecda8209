// Package store keeps the journal in a bbolt file: the only package that
// touches it. It opens the file with a lock that a second process waits
// for at most LockTimeout, refuses any file that is not an mgcalc journal
// (never writing to it), migrates older schemas, and backs up, restores,
// checks and repairs.
//
// Layout (schema 2): bucket "meta" (schema, app, created, active_plan),
// "entries" (id → JSON journal.Entry), "by_time" (the entry's time and id
// → its fingerprint, its magnesium and what it is: an index for date
// ranges, doubles and the day's total that reads no entry), "plans" (id →
// JSON journal.Plan). Schema 1 had no by_time index; opening it builds one.
package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/mgcalc/mgcalc/pkg/journal"
	"github.com/mgcalc/mgcalc/pkg/msg"
)

// LockTimeout is the longest a second process waits for the journal:
// then it gets a clear error, never a hang (mgcalc's rule: long enough
// for a few writes ahead of it, short enough not to look hung).
const LockTimeout = 2 * time.Second

// MaxSize bounds the journal file: ten years of a dozen entries a day
// take a few tens of MiB (mgcalc's rule; a larger file is not taken for
// a journal and is refused).
const MaxSize = 256 << 20

// Schema is the journal's schema version.
const Schema = 2

// appName marks an mgcalc journal in its meta bucket.
const appName = "mgcalc journal"

var (
	bucketMeta    = []byte("meta")
	bucketEntries = []byte("entries")
	bucketByTime  = []byte("by_time")
	bucketPlans   = []byte("plans")
	keySchema     = []byte("schema")
	keyApp        = []byte("app")
	keyCreated    = []byte("created")
	keyActivePlan = []byte("active_plan")
)

// Kind classifies a store error, for the exit code.
type Kind int

// The kinds of error.
const (
	Refused    Kind = iota + 1 // not a journal, or damaged: never written to
	Locked                     // another process held the lock for LockTimeout
	Double                     // an identical entry less than a minute before
	ActivePlan                 // a plan is active: replacing it needs force
	Failed                     // reading or writing failed
)

// Error is a store error with a message for people.
type Error struct {
	Kind Kind
	Msg  *msg.Message
}

func (e *Error) Error() string { return e.Msg.Error() }
func (e *Error) Unwrap() error { return e.Msg }

func refused(path string, why *msg.Message) *Error {
	return &Error{Refused, msg.Errorf("journal %s: %s", path, why).
		WithHint("mgcalc does not touch a file that is not its journal: move it away, or name another with --journal")}
}

func failed(path string, err error) *Error {
	var m *msg.Message
	if errors.As(err, &m) {
		return &Error{Failed, msg.Errorf("journal %s: %s", path, m)}
	}
	return &Error{Failed, msg.Errorf("journal %s: %s", path, reason(err))}
}

// reason is an OS error in words, without the path it repeats.
func reason(err error) *msg.Message {
	switch {
	case errors.Is(err, syscall.ENOENT):
		return msg.New("no such file or directory")
	case errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		return msg.New("permission denied")
	case errors.Is(err, syscall.EISDIR):
		return msg.New("is a directory")
	case errors.Is(err, syscall.ENOTDIR):
		return msg.New("not a directory")
	case errors.Is(err, syscall.ENOSPC):
		return msg.New("no space left on device")
	case errors.Is(err, syscall.EROFS):
		return msg.New("read-only file system")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return msg.New("%s", err.Error())
}

// ErrNoJournal is what Open for reading returns when there is no journal
// yet: nothing was logged.
var ErrNoJournal = errors.New("no journal")

// Store is an open journal.
type Store struct {
	db     *bolt.DB
	path   string
	write  bool
	closed bool
	ticket *ticket // the place in the queue, left on Close
}

// Path is the journal's file.
func (s *Store) Path() string { return s.path }

// Options say how to open the journal.
type Options struct {
	// Write opens it for writing (an exclusive lock), creating it when
	// it does not exist; otherwise it is opened for reading (a shared
	// lock) and a missing journal is ErrNoJournal.
	Write bool
	// MakeDir creates the journal's folder (0700) when missing: for the
	// default location. A folder named with --journal must exist.
	MakeDir bool
	// Timeout overrides LockTimeout (tests).
	Timeout time.Duration
	// NoSync skips fsync on commit: for filling a journal in bulk (the
	// benchmark), never for a person's journal.
	NoSync bool
	// NoQueue opens without a place in the queue (a backup read by
	// restore: its folder gets no queue of its own).
	NoQueue bool

	total time.Duration // the whole wait allowed, for the message
}

// errMigrate asks Open to open an older journal for writing, to migrate it.
var errMigrate = errors.New("migrate")

// Open opens the journal at path.
func Open(path string, o Options) (s *Store, err error) {
	if o.Timeout == 0 {
		o.Timeout = LockTimeout
	}
	// a damaged file must never crash mgcalc: a fault in the mapped file
	// becomes an error here
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, refused(path, msg.New("damaged: %s", fmt.Sprint(r)))
		}
	}()
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if !o.Write {
			return nil, ErrNoJournal
		}
		if o.MakeDir {
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				return nil, failed(path, err)
			}
		}
	case err == nil && !fi.Mode().IsRegular():
		return nil, refused(path, msg.New("not a regular file"))
	}
	// first come, first served (queue_unix.go), then the file's own lock
	o.total = o.Timeout
	deadline := time.Now().Add(o.Timeout)
	var t *ticket
	if !o.NoQueue {
		if t, err = enqueue(path, deadline); err != nil {
			return nil, lockedError(path, o.total)
		}
	}
	for range 5 { // a restore or delete may replace the file while we wait
		o.Timeout = max(time.Until(deadline), time.Millisecond)
		s, retry, err := open(path, o)
		if errors.Is(err, errMigrate) {
			// an older schema: migrated by opening it for writing, in
			// the same place in the queue
			o.Write, retry = true, true
		}
		if !retry {
			if s != nil {
				s.ticket = t
			} else {
				t.leave()
			}
			return s, err
		}
	}
	t.leave()
	return nil, &Error{Locked, msg.Errorf("journal %s: it was replaced several times while mgcalc waited for it", path)}
}

// lockedError is the journal in use by another process for longer than
// the timeout.
func lockedError(path string, timeout time.Duration) *Error {
	return &Error{Locked, msg.Errorf("journal %s is in use by another mgcalc: waited %s s", path, msg.N(timeout.Seconds(), 0)).
		WithHint("try again in a moment")}
}

func open(path string, o Options) (_ *Store, retry bool, _ error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if !o.Write {
			return nil, false, ErrNoJournal
		}
		if err := create(path, o.MakeDir); err != nil {
			return nil, false, err
		}
		if fi, err = os.Stat(path); err != nil {
			return nil, false, failed(path, err)
		}
	case err != nil:
		return nil, false, failed(path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, false, refused(path, msg.New("not a regular file"))
	}
	flag := os.O_RDONLY
	if o.Write {
		flag = os.O_RDWR
	}
	// O_NONBLOCK: a FIFO swapped in since the Stat must not hang the open
	f, err := os.OpenFile(path, flag|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, false, failed(path, err)
	}
	keep := false
	defer func() {
		if !keep {
			f.Close()
		}
	}()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, false, refused(path, msg.New("not a regular file"))
	}
	ok, err := lock(f, o.Write, o.Timeout)
	if err != nil {
		return nil, false, failed(path, err)
	}
	if !ok {
		keep = true // the lock's goroutine closes it
		return nil, false, lockedError(path, o.total)
	}
	if !sameFile(f, path) {
		return nil, true, nil
	}
	if err := checkHeader(f); err != nil {
		return nil, false, refused(path, err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{
		ReadOnly: !o.Write, Timeout: o.Timeout, NoFreelistSync: false,
		OpenFile: func(string, int, os.FileMode) (*os.File, error) { return f, nil },
	})
	if err != nil {
		return nil, false, refused(path, msg.New("not a journal: %s", err.Error()))
	}
	keep = true // bbolt closes it
	db.NoSync = o.NoSync
	s := &Store{db: db, path: path, write: o.Write}
	schema, err := s.schema()
	if err != nil {
		db.Close()
		return nil, false, err
	}
	if schema < Schema {
		if !o.Write {
			// an older journal is migrated by the first writer; reading
			// one opens it for writing once
			db.Close()
			return nil, false, errMigrate
		}
		if err := s.migrate(schema); err != nil {
			db.Close()
			return nil, false, err
		}
	}
	return s, false, nil
}

// Close closes the journal and releases its lock; closing it again does
// nothing.
func (s *Store) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	err := s.db.Close()
	s.ticket.leave()
	return err
}

// header is what checkHeader reads of a bbolt file's two meta pages.
const (
	boltMagic   = 0xED0CDAED
	boltVersion = 2
	pageHeader  = 16
)

// checkHeader refuses a file that is not a bbolt database before bbolt
// maps it: another program's file, a truncated journal (bbolt would read
// past its end) or noise. It reads the meta pages as bbolt writes them
// (native byte order) and checks their checksums.
func checkHeader(f *os.File) *msg.Message {
	fi, err := f.Stat()
	if err != nil {
		return reason(err)
	}
	size := fi.Size()
	if size > MaxSize {
		return msg.New("larger than %d MiB: not taken for a journal", MaxSize>>20)
	}
	if size < 1024 {
		return msg.New("not an mgcalc journal (%d bytes: too short for a database)", size)
	}
	buf := make([]byte, 4096)
	n, err := f.ReadAt(buf, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return reason(err)
	}
	buf = buf[:n]
	best, ok := readMeta(buf)
	if !ok {
		return msg.New("not an mgcalc journal (not a bbolt database)")
	}
	// the second meta page lies one page further
	if page := int64(best.pageSize); page*2 <= size {
		second := make([]byte, page)
		if _, err := f.ReadAt(second, page); err == nil {
			if m, ok := readMeta(second); ok && m.txid > best.txid {
				best = m
			}
		}
	}
	if int64(best.pgid)*int64(best.pageSize) > size {
		return msg.New("damaged: the file is shorter than its database (truncated?)")
	}
	return nil
}

type meta struct {
	pageSize   uint32
	pgid, txid uint64
}

// readMeta reads one meta page; ok is false when it is not valid.
func readMeta(b []byte) (meta, bool) {
	if len(b) < pageHeader+64 {
		return meta{}, false
	}
	m := b[pageHeader:]
	ne := binary.NativeEndian
	if ne.Uint32(m[0:]) != boltMagic || ne.Uint32(m[4:]) != boltVersion {
		return meta{}, false
	}
	ps := ne.Uint32(m[8:])
	if ps < 512 || ps > 1<<16 || ps&(ps-1) != 0 {
		return meta{}, false
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if h.Sum64() != ne.Uint64(m[56:]) {
		return meta{}, false
	}
	return meta{pageSize: ps, pgid: ne.Uint64(m[40:]), txid: ne.Uint64(m[48:])}, true
}

// schema reads the schema version, refusing another program's database.
func (s *Store) schema() (int, error) {
	v := 0
	err := s.view(func(tx *bolt.Tx) error {
		m := tx.Bucket(bucketMeta)
		if m == nil || !bytes.Equal(m.Get(keyApp), []byte(appName)) {
			if k, _ := tx.Cursor().First(); k == nil {
				return refused(s.path, msg.New("an empty bbolt database, not an mgcalc journal"))
			}
			return refused(s.path, msg.New("another program's bbolt database, not an mgcalc journal"))
		}
		n, err := strconv.Atoi(string(m.Get(keySchema)))
		if err != nil || n < 1 {
			return refused(s.path, msg.New("damaged: no schema version"))
		}
		v = n
		return nil
	})
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return 0, e
		}
		return 0, refused(s.path, msg.New("damaged: %s", err.Error()))
	}
	if v > Schema {
		return 0, refused(s.path, msg.New("written by a newer mgcalc (schema %d; this one reads up to %d)", v, Schema))
	}
	return v, nil
}

// migrations[i] takes schema i+1 to i+2.
var migrations = []func(tx *bolt.Tx) error{
	// 1 → 2: the by_time index
	func(tx *bolt.Tx) error {
		idx, err := tx.CreateBucketIfNotExists(bucketByTime)
		if err != nil {
			return err
		}
		entries := tx.Bucket(bucketEntries)
		if entries == nil {
			return nil
		}
		return entries.ForEach(func(k, v []byte) error {
			var e journal.Entry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("entry %d: %w", binary.BigEndian.Uint64(k), err)
			}
			return idx.Put(timeKey(e.At, binary.BigEndian.Uint64(k)), indexValue(&e))
		})
	},
}

func (s *Store) migrate(from int) error {
	err := s.update(func(tx *bolt.Tx) error {
		for v := from; v < Schema; v++ {
			if err := migrations[v-1](tx); err != nil {
				return fmt.Errorf("migrating schema %d to %d: %w", v, v+1, err)
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(Schema)))
	})
	if err != nil {
		return refused(s.path, msg.New("damaged: %s", err.Error()))
	}
	return nil
}

// create makes a new journal at path: written in a temporary file in the
// same folder and linked into place, so no other process ever sees an
// empty or half-made journal. When another process made one meanwhile,
// that one stands.
func create(path string, makeDir bool) error {
	dir := filepath.Dir(path)
	if makeDir {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return failed(path, err)
		}
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return failed(path, err)
	}
	name := tmp.Name()
	tmp.Close()
	defer os.Remove(name)
	if err := initialise(name, schemaNow{}); err != nil {
		return failed(path, err)
	}
	if err := os.Link(name, path); err != nil && !errors.Is(err, fs.ErrExist) {
		return failed(path, err)
	}
	return nil
}

// schemaNow writes the current schema; tests write older ones.
type schemaNow struct{}

// initialise writes an empty journal of the current schema into the
// (empty) file at name.
func initialise(name string, _ schemaNow) error {
	if err := os.Chmod(name, 0o600); err != nil {
		return err
	}
	db, err := bolt.Open(name, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		m, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		for _, b := range [][]byte{bucketEntries, bucketByTime, bucketPlans} {
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
		if err := m.Put(keyApp, []byte(appName)); err != nil {
			return err
		}
		if err := m.Put(keyCreated, []byte(time.Now().UTC().Format(time.RFC3339))); err != nil {
			return err
		}
		return m.Put(keySchema, []byte(strconv.Itoa(Schema)))
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

func idKey(id uint64) []byte { return binary.BigEndian.AppendUint64(nil, id) }

// timeKey orders entries by time: the instant (nanoseconds since 1970,
// offset so that earlier times sort first) and the id.
func timeKey(t time.Time, id uint64) []byte {
	k := binary.BigEndian.AppendUint64(nil, uint64(t.UnixNano())^(1<<63))
	return binary.BigEndian.AppendUint64(k, id)
}

// indexValue is what the time index keeps of an entry: its fingerprint,
// its magnesium (float64 bits) and its kind (bit 0: magnesium, bit 1: a
// medicine with a spacing, bit 2: a medicine, bits 3-5: the gut word's
// code).
func indexValue(e *journal.Entry) []byte {
	v := binary.BigEndian.AppendUint64(nil, e.Fingerprint())
	v = binary.BigEndian.AppendUint64(v, math.Float64bits(e.ElementalMg))
	var kind byte
	if e.IsMagnesium() {
		kind |= 1
	}
	if e.Med.Spaced() {
		kind |= 2
	}
	if e.Med != nil {
		kind |= 4
	}
	return append(v, kind|e.Gut.Code()<<3)
}

// Brief is what the time index says of an entry, without reading it.
type Brief struct {
	ID          uint64
	At          time.Time // in UTC: the index keeps the instant
	Fingerprint uint64
	ElementalMg float64
	Magnesium   bool
	Spaced      bool // a medicine with a spacing from magnesium
	Med         bool
	Gut         journal.Gut
}

func brief(k, v []byte) (Brief, error) {
	if len(k) != 16 || len(v) != 17 {
		return Brief{}, fmt.Errorf("the time index holds a key of %d bytes and a value of %d", len(k), len(v))
	}
	return Brief{ID: binary.BigEndian.Uint64(k[8:]), At: time.Unix(0, int64(binary.BigEndian.Uint64(k)^(1<<63))).UTC(),
		Fingerprint: binary.BigEndian.Uint64(v), ElementalMg: math.Float64frombits(binary.BigEndian.Uint64(v[8:])),
		Magnesium: v[16]&1 != 0, Spaced: v[16]&2 != 0, Med: v[16]&4 != 0, Gut: journal.GutOfCode(v[16] >> 3 & 7)}, nil
}

// briefs reads the index from from (inclusive) to to (exclusive).
func briefs(tx *bolt.Tx, from, to time.Time) ([]Brief, error) {
	var out []Brief
	c := tx.Bucket(bucketByTime).Cursor()
	hi := timeKey(to, 0)
	for k, v := c.Seek(timeKey(from, 0)); k != nil && bytes.Compare(k, hi) < 0; k, v = c.Next() {
		b, err := brief(k, v)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// Add writes an entry and returns its id. An identical entry (the same
// fingerprint) less than a minute from another is refused as a double,
// unless force. It reads no entry: the index has what it needs.
func (s *Store) Add(e *journal.Entry, force bool) (uint64, error) {
	var id uint64
	err := s.update(func(tx *bolt.Tx) error {
		entries, idx := tx.Bucket(bucketEntries), tx.Bucket(bucketByTime)
		near, err := briefs(tx, e.At.Add(-journal.DoubleWindow+1), e.At.Add(journal.DoubleWindow))
		if err != nil {
			return err
		}
		fp := e.Fingerprint()
		for _, b := range near {
			if b.Fingerprint == fp {
				if !force {
					return &Error{Double, msg.Errorf("the same entry was logged at %s: a double is not logged twice", b.At.In(e.At.Location()).Format("15:04:05")).
						WithHint("give --force to log it again")}
				}
				e.Forced = true
			}
		}
		if id, err = entries.NextSequence(); err != nil {
			return err
		}
		e.ID = id
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if err := entries.Put(idKey(id), b); err != nil {
			return err
		}
		return idx.Put(timeKey(e.At, id), indexValue(e))
	})
	if err != nil {
		var se *Error
		if errors.As(err, &se) {
			return 0, se
		}
		return 0, failed(s.path, err)
	}
	return id, nil
}

// Briefs reads what the index says of the entries from from (inclusive)
// to to (exclusive), in time order, without reading them.
func (s *Store) Briefs(from, to time.Time) ([]Brief, error) {
	var out []Brief
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = briefs(tx, from, to)
		return err
	})
	if err != nil {
		return nil, failed(s.path, err)
	}
	return out, nil
}

// DayLogs sums the entries from from (inclusive) to to (exclusive) into
// days in loc, from the index alone: what the loop needs of a long
// journal, without reading it.
func (s *Store) DayLogs(from, to time.Time, loc *time.Location) (journal.Logs, error) {
	bs, err := s.Briefs(from, to)
	if err != nil {
		return nil, err
	}
	logs := journal.Logs{}
	for _, b := range bs {
		l := logs.Day(journal.DayIn(b.At, loc))
		if b.Magnesium {
			l.AddMagnesium(b.ElementalMg)
		}
		l.AddGut(b.Gut)
		if b.Med {
			l.Meds++
		}
	}
	return logs, nil
}

// Get reads the entries with the ids given.
func (s *Store) Get(ids []uint64) ([]journal.Entry, error) {
	var out []journal.Entry
	err := s.view(func(tx *bolt.Tx) error {
		entries := tx.Bucket(bucketEntries)
		for _, id := range ids {
			v := entries.Get(idKey(id))
			if v == nil {
				return fmt.Errorf("entry %d is missing (run 'mgcalc journal doctor --fix')", id)
			}
			var e journal.Entry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("entry %d: %w", id, err)
			}
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, failed(s.path, err)
	}
	return out, nil
}

// between reads the entries from from (inclusive) to to (exclusive) by
// the index.
func (s *Store) between(tx *bolt.Tx, from, to time.Time) ([]journal.Entry, error) {
	entries, idx := tx.Bucket(bucketEntries), tx.Bucket(bucketByTime)
	var out []journal.Entry
	c := idx.Cursor()
	lo := timeKey(from, 0)
	hi := timeKey(to, 0)
	for k, _ := c.Seek(lo); k != nil && bytes.Compare(k, hi) < 0; k, _ = c.Next() {
		if len(k) != 16 {
			return nil, fmt.Errorf("the time index holds a key of %d bytes", len(k))
		}
		id := binary.BigEndian.Uint64(k[8:])
		v := entries.Get(idKey(id))
		if v == nil {
			return nil, fmt.Errorf("the time index names entry %d, which is missing (run 'mgcalc journal doctor --fix')", id)
		}
		var e journal.Entry
		if err := json.Unmarshal(v, &e); err != nil {
			return nil, fmt.Errorf("entry %d: %w", id, err)
		}
		out = append(out, e)
	}
	return out, nil
}

// Entries reads the entries taken from from (inclusive) to to
// (exclusive), in time order. A zero from or to is open.
func (s *Store) Entries(from, to time.Time) ([]journal.Entry, error) {
	if from.IsZero() {
		from = time.Unix(0, 0).Add(-1 << 62)
	}
	if to.IsZero() {
		to = time.Unix(0, 0).Add(1<<63 - 1)
	}
	var out []journal.Entry
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = s.between(tx, from, to)
		return err
	})
	if err != nil {
		return nil, failed(s.path, err)
	}
	return out, nil
}

// SavePlan saves p as the active plan. Without replace, an active plan
// is an ActivePlan error that names it. With it, the plans p overlaps
// give way: one that started before p ends the day before p starts, and
// one that starts on or after p's start (it had not begun, as p sees it)
// is dropped. Entries are never touched.
func (s *Store) SavePlan(p *journal.Plan, replace bool) error {
	err := s.update(func(tx *bolt.Tx) error {
		plans, m := tx.Bucket(bucketPlans), tx.Bucket(bucketMeta)
		if a := m.Get(keyActivePlan); a != nil && !replace {
			old, err := getPlan(plans, a)
			if err != nil {
				return err
			}
			return &Error{ActivePlan, msg.Errorf("a plan is active: %s, %s, from %s", old.GoalName, old.FormName, old.Start.Format(time.DateOnly))}
		}
		type change struct {
			key  []byte
			plan *journal.Plan // nil: drop it
		}
		var changes []change
		err := plans.ForEach(func(k, v []byte) error {
			var old journal.Plan
			if err := json.Unmarshal(v, &old); err != nil {
				return fmt.Errorf("plan %d: %w", binary.BigEndian.Uint64(k), err)
			}
			switch {
			case !old.Start.Before(p.Start):
				changes = append(changes, change{key: slices.Clone(k)})
			case old.Ended == nil || !old.Ended.Before(p.Start):
				end := p.Start.AddDate(0, 0, -1)
				old.Ended = &end
				changes = append(changes, change{key: slices.Clone(k), plan: &old})
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, c := range changes {
			if c.plan == nil {
				err = plans.Delete(c.key)
			} else {
				var b []byte
				if b, err = json.Marshal(c.plan); err == nil {
					err = plans.Put(c.key, b)
				}
			}
			if err != nil {
				return err
			}
		}
		id, err := plans.NextSequence()
		if err != nil {
			return err
		}
		p.ID = id
		b, err := json.Marshal(p)
		if err != nil {
			return err
		}
		if err := plans.Put(idKey(id), b); err != nil {
			return err
		}
		return m.Put(keyActivePlan, idKey(id))
	})
	if err != nil {
		var se *Error
		if errors.As(err, &se) {
			return se
		}
		return failed(s.path, err)
	}
	return nil
}

func getPlan(plans *bolt.Bucket, key []byte) (*journal.Plan, error) {
	v := plans.Get(key)
	if v == nil {
		return nil, fmt.Errorf("the active plan %d is missing (run 'mgcalc journal doctor --fix')", binary.BigEndian.Uint64(key))
	}
	var p journal.Plan
	if err := json.Unmarshal(v, &p); err != nil {
		return nil, fmt.Errorf("plan %d: %w", binary.BigEndian.Uint64(key), err)
	}
	return &p, nil
}

// ActivePlan reads the active plan, or nil.
func (s *Store) ActivePlan() (*journal.Plan, error) {
	var p *journal.Plan
	err := s.view(func(tx *bolt.Tx) error {
		a := tx.Bucket(bucketMeta).Get(keyActivePlan)
		if a == nil {
			return nil
		}
		var err error
		p, err = getPlan(tx.Bucket(bucketPlans), a)
		return err
	})
	if err != nil {
		return nil, failed(s.path, err)
	}
	return p, nil
}

// Plans reads every plan ever saved, oldest first.
func (s *Store) Plans() ([]journal.Plan, error) {
	var out []journal.Plan
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPlans).ForEach(func(k, v []byte) error {
			var p journal.Plan
			if err := json.Unmarshal(v, &p); err != nil {
				return fmt.Errorf("plan %d: %w", binary.BigEndian.Uint64(k), err)
			}
			out = append(out, p)
			return nil
		})
	})
	if err != nil {
		return nil, failed(s.path, err)
	}
	return out, nil
}

// Counts reports how many entries and plans the journal holds.
func (s *Store) Counts() (entries, plans int, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		entries = tx.Bucket(bucketEntries).Stats().KeyN
		plans = tx.Bucket(bucketPlans).Stats().KeyN
		return nil
	})
	return entries, plans, err
}

// view and update run a transaction on the journal. bbolt trusts the
// file's pages (a page of an unknown type panics, a page past the end
// faults the mapping): a journal damaged after it was opened is an error
// that says so, never a crash (FuzzOpenHostile found a page of type 0
// read by Entries). The transaction is rolled back, and its lock freed,
// as bbolt does for any panic inside it.
func (s *Store) view(fn func(*bolt.Tx) error) error { return s.tx(false, fn) }

func (s *Store) update(fn func(*bolt.Tx) error) error { return s.tx(true, fn) }

func (s *Store) tx(write bool, fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = msg.Errorf("damaged: %s", fmt.Sprint(r))
		}
	}()
	if write {
		return s.db.Update(fn)
	}
	return s.db.View(fn)
}
