package bench

import (
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkPeakMemory decodes the 10 MB Cargo.lock into map[string]any and
// reports, besides B/op (everything allocated), the highest heap seen during
// the decode (peak-B) and what the result keeps alive (live-B). Peak is
// sampled every millisecond, so it can miss a short spike; a decode of 10 MB
// takes tens of milliseconds or more, and a spike that short is small.
func BenchmarkPeakMemory(b *testing.B) {
	doc := generatedDoc(shapeNamed("cargo-lock"), 10*MB)
	b.Run("doc="+doc.name, func(b *testing.B) {
		data := doc.load(b)[0]
		for _, lib := range libraries {
			b.Run("lib="+lib.name, func(b *testing.B) {
				if lib.unmarshal == nil {
					b.Skipf("%s has no Unmarshal yet", lib.name)
				}
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				var peak, live uint64
				for b.Loop() {
					p, l, err := heapDuring(func() (any, error) {
						var m map[string]any
						err := lib.unmarshal(data, &m)
						return m, err
					})
					if err != nil {
						b.Fatal(err)
					}
					peak, live = max(peak, p), max(live, l)
				}
				b.ReportMetric(float64(peak), "peak-B")
				b.ReportMetric(float64(live), "live-B")
			})
		}
	})
}

// heapObjects is the runtime metric for bytes in heap objects, live or not
// yet swept; unlike runtime.ReadMemStats, reading it does not stop the world.
const heapObjects = "/memory/classes/heap/objects:bytes"

func readHeap() uint64 {
	s := []metrics.Sample{{Name: heapObjects}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// heapDuring runs decode after a collection and returns how far the heap
// rose above its starting point while decode ran, and how much of that the
// decoded value still holds after another collection.
func heapDuring(decode func() (any, error)) (peak, live uint64, err error) {
	runtime.GC()
	base := readHeap()
	var highest atomic.Uint64
	highest.Store(base)
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				if h := readHeap(); h > highest.Load() {
					highest.Store(h)
				}
			}
		}
	}()
	v, err := decode()
	if h := readHeap(); h > highest.Load() {
		highest.Store(h)
	}
	close(stop)
	<-stopped
	runtime.GC()
	after := readHeap()
	runtime.KeepAlive(v)
	return highest.Load() - base, max(after, base) - base, err
}
