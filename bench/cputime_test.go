package bench

import "testing"

// loopWithCPU runs op in a b.Loop and reports cpu-ns/op besides ns/op.
// Wall time on a shared machine counts the time other processes hold the
// cores; process CPU time does not, so it stays comparable across runs
// when the load changes.
func loopWithCPU(b *testing.B, op func()) {
	start, ok := processCPU()
	for b.Loop() {
		op()
	}
	if end, ok2 := processCPU(); ok && ok2 && b.N > 0 {
		b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
	}
}
