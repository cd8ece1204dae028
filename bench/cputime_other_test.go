//go:build !unix

package bench

// processCPU has no portable source outside unix; the cpu-ns/op metric is
// then left out.
func processCPU() (int64, bool) { return 0, false }
