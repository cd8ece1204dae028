package fuzz

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tomltest "github.com/toml-lang/toml-test/v2"

	"github.com/seed02375186/toml"
)

// corpusDir holds real-world TOML files beside the repository (see its
// README.md). The fuzz targets use them as seeds when they are there.
const corpusDir = "../../shared/corpus/real"

// maxSeedSize keeps the seeds small enough for the mutator to work on
// quickly; larger real files are covered by the root package's corpus tests.
const maxSeedSize = 32 << 10

// seeds returns the inputs every fuzz target starts from: each TOML 1.0.0
// case of toml-test, valid and invalid, and the real-world corpus files
// (accepted and rejected) up to maxSeedSize. The documents nested at the
// depth limit are not among them: gathering their coverage takes seconds
// each, and an input that runs past a short -fuzztime (CI's 20 seconds)
// fails the run with "context deadline exceeded". TestDeepSeeds checks
// every target's properties on them instead.
func seeds(f *testing.F) [][]byte {
	f.Helper()
	cases := tomltest.TestCases()
	list, err := fs.ReadFile(cases, "files-toml-1.0.0")
	if err != nil {
		f.Fatalf("reading toml-test's list of TOML 1.0.0 cases: %v", err)
	}
	var inputs [][]byte
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
		inputs = append(inputs, data)
	}
	if len(inputs) == 0 {
		f.Fatal("toml-test's list of TOML 1.0.0 cases names no .toml file")
	}
	return append(inputs, corpusSeeds(f)...)
}

// deepSeeds nest arrays and inline tables at toml.MaxDepth and one level
// past it, so that every property is checked on the deepest trees the
// parser builds, and on the error just beyond (TestDeepSeeds).
func deepSeeds() [][]byte {
	var inputs [][]byte
	for _, depth := range []int{toml.MaxDepth, toml.MaxDepth + 1} {
		arrays := "a = " + strings.Repeat("[", depth) + strings.Repeat("]", depth)
		tables := "a = " + strings.Repeat("{a = ", depth-1) + "1" + strings.Repeat("}", depth-1)
		inputs = append(inputs, []byte(arrays), []byte(tables))
	}
	return inputs
}

// corpusSeeds returns the small files of the real-world corpus, or none
// (with a log line) when the corpus is not beside the repository.
func corpusSeeds(f *testing.F) [][]byte {
	if _, err := os.Stat(corpusDir); err != nil {
		f.Logf("no real-world corpus at %s, seeding from toml-test only: %v", corpusDir, err)
		return nil
	}
	var inputs [][]byte
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".toml") {
			return err
		}
		info, err := d.Info()
		if err != nil || info.Size() > maxSeedSize {
			return err
		}
		data, err := os.ReadFile(path)
		inputs = append(inputs, data)
		return err
	})
	if err != nil {
		f.Fatalf("reading the real-world corpus: %v", err)
	}
	return inputs
}

// tomlTestCases returns toml-test's TOML 1.0.0 cases whose path starts
// with prefix ("valid/" or "invalid/"), by path.
func tomlTestCases(t testing.TB, prefix string) map[string][]byte {
	return casesOfList(t, "files-toml-1.0.0", prefix)
}

// tomlTestCases11 is tomlTestCases for the TOML 1.1.0 cases.
func tomlTestCases11(t testing.TB, prefix string) map[string][]byte {
	return casesOfList(t, "files-toml-1.1.0", prefix)
}

// casesOfList returns the cases that one of toml-test's lists names and
// whose path starts with prefix, by path.
func casesOfList(t testing.TB, listName, prefix string) map[string][]byte {
	t.Helper()
	cases := tomltest.TestCases()
	list, err := fs.ReadFile(cases, listName)
	if err != nil {
		t.Fatalf("reading toml-test's list %s: %v", listName, err)
	}
	found := make(map[string][]byte)
	for name := range strings.FieldsSeq(string(list)) {
		if !strings.HasSuffix(name, ".toml") || !strings.HasPrefix(name, prefix) {
			continue
		}
		data, err := fs.ReadFile(cases, name)
		if err != nil {
			t.Fatalf("reading toml-test case: %v", err)
		}
		found[strings.TrimSuffix(name, ".toml")] = data
	}
	if len(found) == 0 {
		t.Fatalf("toml-test's %s lists no case under %s", listName, prefix)
	}
	return found
}

// TestDeepSeeds checks the properties of the fuzz targets on the documents
// nested at the depth limit and just past it, which the fuzz seeds leave
// out.
func TestDeepSeeds(t *testing.T) {
	for i, src := range deepSeeds() {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			checkParse(t, src)
			checkDecode(t, src)
			for _, v := range []toml.Version{toml.V1_0, toml.V1_1} {
				if msg := checkFormat(src, v); msg != "" {
					t.Errorf("Format, TOML %s: %s", v, msg)
				}
			}
			if msg := checkDowngrade(src); msg != "" {
				t.Errorf("Downgrade: %s", msg)
			}
			if _, err := toml.Parse(src); err == nil {
				if msg := checkEdits(src, uint64(i), 2); msg != "" {
					t.Errorf("edits: %s", msg)
				}
			}
		})
	}
}
