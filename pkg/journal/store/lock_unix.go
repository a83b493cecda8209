//go:build unix

package store

import (
	"os"
	"sync"
	"syscall"
	"time"
)

// lock takes a flock on f, shared or exclusive, waiting at most timeout.
// The wait blocks in the kernel (one waiter is woken when the lock is
// released) rather than polling, so sixteen writers in a row do not
// starve one another. It reports false when the time ran out: f then
// belongs to the waiting goroutine, which closes it (dropping a lock the
// kernel grants too late) once the kernel answers; the caller must not
// use or close f again.
func lock(f *os.File, exclusive bool, timeout time.Duration) (bool, error) {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	fd := int(f.Fd())
	// the common case: free at once
	if err := syscall.Flock(fd, how|syscall.LOCK_NB); err == nil {
		return true, nil
	} else if err != syscall.EWOULDBLOCK {
		return false, err
	}
	var mu sync.Mutex
	gaveUp := false
	done := make(chan error, 1)
	go func() {
		var err error
		for {
			err = syscall.Flock(fd, how)
			if err != syscall.EINTR {
				break
			}
		}
		mu.Lock()
		defer mu.Unlock()
		if gaveUp {
			f.Close() // also drops a lock granted too late
		}
		done <- err
	}()
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case err := <-done:
		return err == nil, err
	case <-t.C:
		mu.Lock()
		defer mu.Unlock()
		select {
		case err := <-done: // granted just now
			return err == nil, err
		default:
			gaveUp = true
			return false, nil
		}
	}
}

// sameFile reports whether the open file f is still the file at path: a
// restore or delete --all replaces the file while others wait for its
// lock, and they must then open the new one.
func sameFile(f *os.File, path string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}
