//go:build unix

package bench

import "syscall"

// processCPU returns the CPU time this process has used, user and system,
// in nanoseconds, counting every thread: the GC's background workers are
// part of what a decode costs.
func processCPU() (int64, bool) {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0, false
	}
	return u.Utime.Nano() + u.Stime.Nano(), true
}
