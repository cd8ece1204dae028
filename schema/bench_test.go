package schema

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/seed02375186/toml"
)

// forgetCaches empties the process-wide caches, so that a benchmark
// iteration costs what the first validation in a fresh process costs.
func forgetCaches() {
	parsedDocs = sync.Map{}
	pruneInfos = sync.Map{}
	wholeSchemas = sync.Map{}
}

// BenchmarkCompileWhole compiles each root schema with everything it
// refers to, as a validator without pruning would for every file.
func BenchmarkCompileWhole(b *testing.B) {
	for _, name := range []string{"pyproject.json", "cargo.json", "ruff.json", "uv.json"} {
		b.Run(name, func(b *testing.B) {
			s := Embedded(name)
			for b.Loop() {
				forgetCaches()
				if _, _, err := s.compile(nil, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkValidateFresh validates corpus files as the first document of
// a fresh process does: schemas parsed, pruned and compiled for it.
func BenchmarkValidateFresh(b *testing.B) {
	for _, name := range []string{
		"pyproject/crate-ci__typos__crates_typos-cli_pyproject.toml",
		"pyproject/pypa__pip__pyproject.toml",
		"pyproject/astral-sh__uv__test_ecosystem_airflow_pyproject.toml",
		"cargo/rust-lang__cargo__Cargo.toml",
	} {
		data, err := os.ReadFile(filepath.Join(corpusDir, name))
		if err != nil {
			b.Skipf("corpus not found: %v", err)
		}
		doc, err := toml.Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		s := ForFile("Cargo.toml")
		if filepath.Dir(name) == "pyproject" {
			s = ForFile("pyproject.toml")
		}
		b.Run(filepath.Base(name), func(b *testing.B) {
			for b.Loop() {
				forgetCaches()
				if _, err := s.Validate(doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
