package bench

import (
	"bytes"
	"testing"

	"github.com/seed02375186/toml"
)

// TestShapesAreValidTOML checks that every library accepts every generated
// shape, so the benchmarks time the same successful work for all of them.
func TestShapesAreValidTOML(t *testing.T) {
	sizes := []int{64 * KB, 1 * MB}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, shape := range Shapes {
		for _, size := range sizes {
			doc := generated(shape, size)
			t.Run(shape.Name+"-"+sizeName(size), func(t *testing.T) {
				if len(doc) < size || len(doc) > size+4*KB {
					t.Errorf("document is %d bytes, want %d to %d", len(doc), size, size+4*KB)
				}
				if _, err := toml.Parse(doc); err != nil {
					t.Errorf("toml.Parse: %v", err)
				}
				for _, lib := range libraries {
					if lib.unmarshal == nil {
						continue
					}
					var m map[string]any
					if err := lib.unmarshal(doc, &m); err != nil {
						t.Errorf("%s: %v", lib.name, err)
					}
				}
			})
		}
	}
}

// TestShapesAreDeterministic checks the promise in Shape: the same size
// gives the same bytes, and a smaller document is a prefix of a larger one.
func TestShapesAreDeterministic(t *testing.T) {
	for _, shape := range Shapes {
		t.Run(shape.Name, func(t *testing.T) {
			small, again, large := shape.Generate(32*KB), shape.Generate(32*KB), shape.Generate(256*KB)
			if !bytes.Equal(small, again) {
				t.Error("two documents of the same size differ")
			}
			if !bytes.HasPrefix(large, small) {
				t.Error("the 32 KB document is not a prefix of the 256 KB one")
			}
		})
	}
}
