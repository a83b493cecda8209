package cli

import (
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
)

// versionInfo is what the go tool stamped into the binary: the module
// version, and with -buildvcs=true the VCS revision, time and whether the
// work tree was modified. Its json tags are `mgcalc version -o json`.
type versionInfo struct {
	Version  string  `json:"version"`  // the module version, or "dev"
	Revision *string `json:"revision"` // full VCS revision; null when not stamped
	Time     *string `json:"time"`     // VCS commit time, RFC 3339; null when not stamped
	Modified *bool   `json:"modified"` // the work tree had changes; null when not stamped
	Go       string  `json:"go"`
	OS       string  `json:"os"`
	Arch     string  `json:"arch"`
}

// readVersion reads the build info of the running binary.
func readVersion() versionInfo {
	bi, ok := debug.ReadBuildInfo()
	return versionFrom(bi, ok)
}

// versionFrom reads a build info; tests give it stamped ones.
func versionFrom(bi *debug.BuildInfo, ok bool) versionInfo {
	v := versionInfo{Version: "dev", Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH}
	if !ok || bi == nil {
		return v
	}
	if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v.Version = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			if s.Value != "" {
				r := s.Value
				v.Revision = &r
			}
		case "vcs.time":
			if s.Value != "" {
				t := s.Value
				v.Time = &t
			}
		case "vcs.modified":
			m := s.Value == "true"
			v.Modified = &m
		case "GOOS":
			v.OS = s.Value
		case "GOARCH":
			v.Arch = s.Value
		}
	}
	if bi.GoVersion != "" {
		v.Go = bi.GoVersion
	}
	return v
}

// Line is the one line --version prints after "mgcalc version ":
// "v0.1.0 (abc1234, 2026-11-21, go1.26.8 linux/amd64)", with "-dirty"
// after the revision when the work tree was modified, or
// "dev (go1.26.8 linux/amd64)" when nothing was stamped.
func (v versionInfo) Line() string {
	var parts []string
	if v.Revision != nil {
		r := *v.Revision
		if len(r) > 7 {
			r = r[:7]
		}
		if v.Modified != nil && *v.Modified {
			r += "-dirty"
		}
		parts = append(parts, r)
	}
	if v.Time != nil {
		d := *v.Time
		if t, err := time.Parse(time.RFC3339, d); err == nil {
			d = t.UTC().Format(time.DateOnly)
		}
		parts = append(parts, d)
	}
	parts = append(parts, v.Go+" "+v.OS+"/"+v.Arch)
	return v.Version + " (" + strings.Join(parts, ", ") + ")"
}

// The render.Report methods: `mgcalc version` prints like any report.

func (v versionInfo) TSV() [][]string {
	opt := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	mod := ""
	if v.Modified != nil {
		mod = "false"
		if *v.Modified {
			mod = "true"
		}
	}
	return [][]string{
		{"version", "revision", "time", "modified", "go", "os", "arch"},
		{v.Version, opt(v.Revision), opt(v.Time), mod, v.Go, v.OS, v.Arch},
	}
}

func (v versionInfo) Value() (string, bool) { return v.Version, true }

// Formats implements render.Report.
func (v versionInfo) Formats() []render.Format { return render.ValueFormats }

func (v versionInfo) Text(*render.Term) string { return "mgcalc version " + v.Line() + "\n" }

func (v versionInfo) Warnings() []*msg.Message { return nil }

func newVersionCmd(s *IO, root *rootOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "version",
		Short: s.P.Help("version.short", "Print mgcalc's version, VCS revision and Go version"),
		Long: s.P.Help("version.long", `The module version, and when the binary was built from a VCS checkout with
-buildvcs=true, the revision (-dirty when the work tree had changes) and its
commit date, then the Go version and platform it was built with. A binary
built without version information says "dev". 'mgcalc --version' prints the
same line.

-o json carries version, revision (the full hash), time (RFC 3339),
modified (revision, time and modified are null when not stamped), go, os
and arch; -o value prints the module version.

Exit status: 0, or 1 for a broken config file, 2 for bad arguments.`),
		Example: s.P.Help("version.example", `  mgcalc version
  mgcalc --version
  mgcalc version -o json | jq -r .revision`),
		Args: argsUsage(0, msg.New("no arguments")),
		RunE: func(*cobra.Command, []string) error {
			return root.print(s, readVersion())
		},
	}
	outputFlag(cmd, root, s.P, valueOutput)
	return cmd
}
