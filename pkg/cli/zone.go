package cli

import (
	"errors"
	"strings"
	"time"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// The local time zone (plan --start today, log, today, journal) is read
// here, not by Go's time package: Go opens the file TZ names (or
// ZONEINFO/NAME) with a plain open, so a TZ naming a FIFO blocks for ever
// and one naming /dev/zero reads 10 MB before it gives up. mgcalc reads
// the zone as it reads every file a person names (readUser: a regular
// file, bounded), and falls back to UTC with a warning when the zone
// cannot be read; time.Local is never consulted.

// maxZoneFile bounds a zone file: the largest in the tz database is a few
// KiB (mgcalc's rule, with room).
const maxZoneFile = 256 << 10

// zoneDirs are where a zone name is looked up after ZONEINFO, as Go's
// time package looks on Unix.
var zoneDirs = []string{"/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/", "/etc/zoneinfo/"}

// localNow is the default clock: now, in the local time zone.
func (s *IO) localNow() time.Time { return time.Now().In(s.zone()) }

// zone is the local time zone, read once; a warning says when TZ could
// not be read.
func (s *IO) zone() *time.Location {
	if s.loc == nil {
		lookup := s.lookupEnv
		if lookup == nil {
			lookup = func(k string) (string, bool) { v := s.Getenv(k); return v, v != "" }
		}
		tz, set := lookup("TZ")
		zi, _ := lookup("ZONEINFO")
		var warn *msg.Message
		s.loc, warn = readZone(tz, set, zi)
		if warn != nil {
			s.Warn(warn)
		}
	}
	return s.loc
}

// readZone reads the zone TZ names, as the C library and Go do: unset,
// /etc/localtime; empty or UTC, UTC; an absolute path (after an optional
// colon), that file; else a name in the tz database (zoneinfo, the
// ZONEINFO directory first). A zone that cannot be read is UTC, with a
// warning when TZ named it (a missing /etc/localtime is UTC, as in Go).
func readZone(tz string, set bool, zoneinfo string) (*time.Location, *msg.Message) {
	if !set {
		if loc, err := zoneFile("Local", "/etc/localtime"); err == nil {
			return loc, nil
		}
		return time.UTC, nil
	}
	name := strings.TrimPrefix(tz, ":")
	if name == "" || name == "UTC" {
		return time.UTC, nil
	}
	fallback := func(err error) (*time.Location, *msg.Message) {
		return time.UTC, msg.New("TZ=%s: %s; times are in UTC", text.ClipTo(tz, 256), err) // a path: its end matters
	}
	if strings.HasPrefix(name, "/") {
		loc, err := zoneFile(name, name)
		if err != nil {
			return fallback(err)
		}
		return loc, nil
	}
	if !zoneName(name) {
		return fallback(msg.Errorf("not a time zone name such as Europe/Amsterdam"))
	}
	dirs := zoneDirs
	if zoneinfo != "" {
		dirs = append([]string{strings.TrimSuffix(zoneinfo, "/") + "/"}, dirs...)
	}
	for _, d := range dirs {
		loc, err := zoneFile(name, d+name)
		if errors.Is(err, errNoFile) {
			continue
		}
		if err != nil {
			return fallback(err)
		}
		return loc, nil
	}
	return fallback(msg.Errorf("no such time zone"))
}

// zoneName reports whether name can be a tz database name (Europe/Amsterdam,
// America/Argentina/Buenos_Aires, Etc/GMT+1, EST5EDT): letters, digits,
// '_', '-', '+' and '/' between parts, no part empty or "." or "..".
func zoneName(name string) bool {
	if len(name) > 64 {
		return false
	}
	for _, part := range strings.Split(name, "/") {
		if part == "" || part == "." || part == ".." {
			return false
		}
		for _, r := range part {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_-+.", r)) {
				return false
			}
		}
	}
	return true
}

// zoneFile reads a zone file through readUser: a regular file of at most
// maxZoneFile bytes, in the tz database's format.
func zoneFile(name, path string) (*time.Location, error) {
	b, err := readUser(nil, path, maxZoneFile)
	if err != nil {
		return nil, err
	}
	loc, err := time.LoadLocationFromTZData(name, b)
	if err != nil {
		return nil, msg.Errorf("not a time zone file")
	}
	return loc, nil
}
