package toml

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tomltest "github.com/toml-lang/toml-test/v2"
)

// corpusRoot holds real-world TOML files beside the repository.
const corpusRoot = "../shared/corpus/real"

// validInputs returns the valid cases of toml-test for a TOML version
// ("1.0.0" or "1.1.0") and, when the corpus sits beside the repository,
// its accepted files, by name. The internal tests that check the layout,
// the formatter and the editor over every document they know use it.
func validInputs(t testing.TB, version string) map[string]string {
	t.Helper()
	r := tomltest.NewRunner(tomltest.Runner{Version: version})
	list, err := r.List()
	if err != nil {
		t.Fatal(err)
	}
	files := tomltest.TestCases()
	inputs := make(map[string]string)
	for _, p := range list {
		if !strings.HasPrefix(p, "valid/") {
			continue
		}
		data, err := fs.ReadFile(files, p+".toml")
		if err != nil {
			t.Fatal(err)
		}
		inputs[p] = string(data)
	}
	if len(inputs) < 200 {
		t.Fatalf("found %d valid cases of TOML %s, want at least 200", len(inputs), version)
	}
	for name, data := range corpusInputs(t) {
		inputs[name] = data
	}
	return inputs
}

// corpusInputs returns the accepted files of the real-world corpus by
// name ("corpus/" and their path in it), or none, with a log line, when
// the corpus is not beside the repository.
func corpusInputs(t testing.TB) map[string]string {
	t.Helper()
	inputs := make(map[string]string)
	if _, err := os.Stat(corpusRoot); err != nil {
		t.Logf("no real-world corpus at %s (it sits beside the repository in CI): only toml-test's cases", corpusRoot)
		return inputs
	}
	err := filepath.WalkDir(corpusRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "_rejected" {
			return fs.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".toml") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(corpusRoot, path)
		inputs["corpus/"+filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return inputs
}
