package schema

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// corpusDir is the shared corpus of real-world TOML files, outside the
// repository; tests that need it skip when it is missing.
const corpusDir = "../../shared/corpus/real"

// corpusFile is a corpus file and the name it has in its repository.
type corpusFile struct {
	path, name string
}

// corpusFiles lists the corpus files that have a schema by their real
// name, which SOURCES.md records ("path in repository").
func corpusFiles(t *testing.T) []corpusFile {
	t.Helper()
	sources, err := os.ReadFile(filepath.Join(corpusDir, "SOURCES.md"))
	if err != nil {
		t.Skipf("corpus of real TOML files not found at %s: %v", corpusDir, err)
	}
	row := regexp.MustCompile("^\\| `([^`]+)` \\| [^|]+ \\| `([^`]+)` \\|")
	var files []corpusFile
	for line := range strings.SplitSeq(string(sources), "\n") {
		m := row.FindStringSubmatch(line)
		if m == nil || strings.HasPrefix(m[1], "_rejected/") {
			continue
		}
		if ForFile(m[2]) != nil {
			files = append(files, corpusFile{path: filepath.Join(corpusDir, m[1]), name: m[2]})
		}
	}
	if len(files) == 0 {
		t.Fatal("SOURCES.md lists no file with a schema")
	}
	return files
}
