package differential

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tomltest "github.com/toml-lang/toml-test/v2"
)

// corpusDir holds real-world TOML files beside the repository (see its
// README.md). FuzzDifferential uses them as seeds when they are there.
const corpusDir = "../../../shared/corpus/real"

// maxSeedSize keeps the seeds small enough for the mutator to work on quickly.
const maxSeedSize = 32 << 10

// seed is one starting input and where it came from, so that a seed on
// which the two implementations disagree can be named.
type seed struct {
	name string
	data []byte
}

// seeds returns each TOML 1.0.0 case of toml-test, valid and invalid, and
// the real-world corpus files up to maxSeedSize.
func seeds(f *testing.F) []seed {
	f.Helper()
	cases := tomltest.TestCases()
	list, err := fs.ReadFile(cases, "files-toml-1.0.0")
	if err != nil {
		f.Fatalf("reading toml-test's list of TOML 1.0.0 cases: %v", err)
	}
	var all []seed
	sc := bufio.NewScanner(bytes.NewReader(list))
	for sc.Scan() {
		name := strings.TrimSpace(sc.Text())
		if !strings.HasSuffix(name, ".toml") {
			continue
		}
		data, err := fs.ReadFile(cases, name)
		if err != nil {
			f.Fatalf("reading toml-test case: %v", err)
		}
		all = append(all, seed{name, data})
	}
	if len(all) == 0 {
		f.Fatal("toml-test's list of TOML 1.0.0 cases names no .toml file")
	}
	if _, err := os.Stat(corpusDir); err != nil {
		f.Logf("no real-world corpus at %s, seeding from toml-test only: %v", corpusDir, err)
		return all
	}
	err = filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".toml") {
			return err
		}
		info, err := d.Info()
		if err != nil || info.Size() > maxSeedSize {
			return err
		}
		data, err := os.ReadFile(path)
		all = append(all, seed{path, data})
		return err
	})
	if err != nil {
		f.Fatalf("reading the real-world corpus: %v", err)
	}
	return all
}
