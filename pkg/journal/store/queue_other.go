//go:build !unix

package store

import (
	"errors"
	"time"
)

type ticket struct{}

var errQueueTimeout = errors.New("queue: timeout")

func enqueue(string, time.Time) (*ticket, error) { return nil, nil }
func (t *ticket) leave()                         {}
func staleTickets(string) []string               { return nil }
