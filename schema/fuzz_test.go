package schema

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/seed02375186/toml"
)

// FuzzValidate validates arbitrary documents against pyproject.json and
// cargo.json: validation never fails (a panic in the validator would be
// an error here), and every violation is inside the input, has a message,
// and comes in document order.
func FuzzValidate(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("schemastore", "*test", "*", "*.toml"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("[project]\nname = nan\nkeywords = [inf, -inf, nan]\n"))
	schemas := []*Schema{Embedded("pyproject.json"), Embedded("cargo.json")}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := toml.Parse(data)
		if err != nil {
			return
		}
		for _, s := range schemas {
			vs, err := s.validatePruned(doc)
			if err != nil {
				t.Fatalf("%s: %v", s.Name(), err)
			}
			last := 0
			for _, v := range vs {
				if v.Position.Offset < last || v.Position.Offset > len(data) || v.Position.Line < 1 || v.Message == "" {
					t.Fatalf("%s: violation %+v out of order or place (input %d bytes)", s.Name(), v, len(data))
				}
				last = v.Position.Offset
			}
		}
	})
}
