package toml_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/seed02375186/toml"
)

// BenchmarkParse measures building the tree alone, on the largest real
// files. Comparisons with other libraries live in the bench/ module.
func BenchmarkParse(b *testing.B) {
	for _, rel := range []string{
		"python-lock/fastapi__fastapi__uv.lock.toml",
		"cargo-lock/jdx__mise__Cargo.lock.toml",
		"helix/helix-editor__helix__languages.toml",
		"pyproject/astral-sh__uv__pyproject.toml",
	} {
		data, err := os.ReadFile(filepath.Join(corpusDir, rel))
		if err != nil {
			b.Skipf("real-world corpus not found beside the repository: %v", err)
		}
		b.Run(filepath.Base(rel), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := toml.Parse(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
