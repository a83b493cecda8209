//go:build unix

package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// The queue makes waiting for the journal first come, first served. A
// flock alone is not fair: when it is released the kernel wakes every
// waiter, and under load one unlucky process can lose the race again and
// again until its time runs out. So each process first takes a ticket: a
// file in the journal's queue folder, named by the time it arrived and
// locked for as long as the process lives. It then waits on the lock of
// the ticket just before its own, and only that one: when that process
// leaves (or dies: the kernel drops its lock), the next in line goes on.
// Tickets of processes that died are removed by the one after them.

// queueDir is the journal's queue folder.
func queueDir(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".queue")
}

// ticket is a place in the queue.
type ticket struct {
	f    *os.File
	name string
}

// errQueueTimeout is a wait in the queue that ran out of time.
var errQueueTimeout = errors.New("queue: timeout")

// enqueue takes a ticket and waits until it is first, or the deadline
// passes (errQueueTimeout). Where no queue can be kept (a folder mgcalc
// may not write to), it returns no ticket and no error: the flock alone
// then decides.
func enqueue(path string, deadline time.Time) (*ticket, error) {
	dir := queueDir(path)
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, nil
	}
	tmp, err := os.CreateTemp(dir, "t-*")
	if err != nil {
		return nil, nil
	}
	if err := syscall.Flock(int(tmp.Fd()), syscall.LOCK_EX); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, nil
	}
	name := fmt.Sprintf("q-%016x-%08x", time.Now().UnixNano(), os.Getpid())
	if err := os.Rename(tmp.Name(), filepath.Join(dir, name)); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, nil
	}
	t := &ticket{f: tmp, name: filepath.Join(dir, name)}
	for {
		ahead, err := before(dir, name)
		if err != nil {
			t.leave()
			return nil, nil
		}
		if ahead == "" {
			return t, nil
		}
		left := time.Until(deadline)
		if left <= 0 {
			t.leave()
			return nil, errQueueTimeout
		}
		pf, err := os.Open(filepath.Join(dir, ahead))
		if err != nil {
			continue // it left meanwhile: look again
		}
		ok, err := lock(pf, false, left)
		if err != nil {
			pf.Close()
			t.leave()
			return nil, nil
		}
		if !ok {
			t.leave()
			return nil, errQueueTimeout
		}
		// the one ahead has left, or died: its ticket, if still there, is
		// stale
		os.Remove(filepath.Join(dir, ahead))
		pf.Close()
	}
}

// before is the ticket just before name in dir, or "".
func before(dir, name string) (string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	var ahead []string
	for _, e := range ents {
		if n := e.Name(); strings.HasPrefix(n, "q-") && n < name {
			ahead = append(ahead, n)
		}
	}
	if len(ahead) == 0 {
		return "", nil
	}
	return slices.Max(ahead), nil
}

// leave gives up the place: the ticket is removed, then its lock
// released, which wakes the one after.
func (t *ticket) leave() {
	if t == nil {
		return
	}
	os.Remove(t.name)
	t.f.Close()
}

// staleTickets lists the queue's files whose process is gone (their lock
// is free): the doctor's leftovers.
func staleTickets(path string) []string {
	dir := queueDir(path)
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range ents {
		p := filepath.Join(dir, e.Name())
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil {
			out = append(out, p)
		}
		f.Close()
	}
	return out
}
