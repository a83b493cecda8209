//go:build linux

// Command rusage runs a program and prints its peak resident memory in KiB
// (getrusage's ru_maxrss) and its minor page faults (ru_minflt) on file
// descriptor 3. bench measures memory
// through it because Go's os/exec starts children with
// CLONE_VFORK|CLONE_VM: until execve the child shares its parent's memory,
// and the kernel counts that memory in the child's ru_maxrss, so a child of
// the bench itself reads at least the bench's own resident size (about
// 7.5 MiB). Started from this small program instead, a child reads at
// least this program's size (about 1.5 MiB), below every floor measured.
package main

import (
	"os"
	"os/exec"
	"strconv"
	"syscall"
)

func main() {
	if len(os.Args) < 2 {
		os.Stderr.WriteString("usage: rusage PROGRAM [ARGS...]\n")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	if cmd.ProcessState == nil {
		os.Stderr.WriteString("rusage: " + err.Error() + "\n")
		os.Exit(125)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	out := os.NewFile(3, "rusage")
	out.WriteString(strconv.FormatInt(ru.Maxrss, 10) + " " + strconv.FormatInt(ru.Minflt, 10) + "\n")
	os.Exit(cmd.ProcessState.ExitCode())
}
