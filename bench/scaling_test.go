package bench

import (
	"testing"

	"github.com/seed02375186/toml"
)

// BenchmarkScaling parses, and decodes into map[string]any, every shape at
// 1 MB and 10 MB with our library only: the peers at 10 MB would take
// minutes (go-toml's nested-tables cost grows quadratically). Cost is linear
// when MB/s is the same in both columns of `benchstat -col /size`.
func BenchmarkScaling(b *testing.B) {
	for _, op := range []string{"parse", "map"} {
		for _, shape := range Shapes {
			for _, size := range []int{1 * MB, 10 * MB} {
				name := "op=" + op + "/shape=" + shape.Name + "/size=" + sizeName(size)
				b.Run(name, func(b *testing.B) {
					data := generated(shape, size)
					decode := func() error { _, err := toml.Parse(data); return err }
					if op == "map" {
						if oursUnmarshal == nil {
							b.Skip("ours has no Unmarshal yet")
						}
						decode = func() error { var m map[string]any; return oursUnmarshal(data, &m) }
					}
					b.SetBytes(int64(len(data)))
					b.ReportAllocs()
					loopWithCPU(b, func() {
						if err := decode(); err != nil {
							b.Fatal(err)
						}
					})
				})
			}
		}
	}
}
