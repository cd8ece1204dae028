package bench

import (
	"cmp"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// corpusDir holds the real-world TOML files; it sits beside the repository,
// so a fresh clone without it skips every benchmark and test that reads it.
const corpusDir = "../../shared/corpus/real"

// corpusFile is one accepted file of the real-world corpus.
type corpusFile struct {
	path string // relative to corpusDir, e.g. "cargo-lock/jdx__mise__Cargo.lock.toml"
	data []byte
}

var (
	corpusOnce  sync.Once
	corpusFiles []corpusFile
	corpusErr   error
)

// loadCorpus returns every accepted corpus file (those outside _rejected/),
// sorted by path, reading them once per process.
func loadCorpus(tb testing.TB) []corpusFile {
	tb.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		tb.Skipf("real-world corpus not found at %s (it lives beside the repository, in /work/shared/corpus/real): %v", corpusDir, err)
	}
	corpusOnce.Do(func() {
		corpusErr = filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
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
			rel, err := filepath.Rel(corpusDir, path)
			if err != nil {
				return err
			}
			corpusFiles = append(corpusFiles, corpusFile{path: filepath.ToSlash(rel), data: data})
			return nil
		})
		slices.SortFunc(corpusFiles, func(a, b corpusFile) int { return cmp.Compare(a.path, b.path) })
	})
	if corpusErr != nil {
		tb.Fatal(corpusErr)
	}
	if len(corpusFiles) == 0 {
		tb.Skipf("real-world corpus at %s holds no .toml files", corpusDir)
	}
	return corpusFiles
}

// corpusKind returns the files of one corpus directory, such as "cargo-lock".
func corpusKind(tb testing.TB, kind string) []corpusFile {
	var files []corpusFile
	for _, f := range loadCorpus(tb) {
		if strings.HasPrefix(f.path, kind+"/") {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		tb.Fatalf("no corpus files under %s/", kind)
	}
	return files
}

// largestCorpusFiles returns the n largest files, largest first: the ones
// the issue asks to benchmark on their own.
func largestCorpusFiles(tb testing.TB, n int) []corpusFile {
	files := slices.Clone(loadCorpus(tb))
	slices.SortStableFunc(files, func(a, b corpusFile) int { return cmp.Compare(len(b.data), len(a.data)) })
	return files[:min(n, len(files))]
}
