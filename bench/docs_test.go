package bench

import (
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// benchDoc is one input of a benchmark: one op reads every file once, so
// the real corpus counts as a single document of 151 files.
type benchDoc struct {
	name string
	// load returns the files; it may skip the benchmark, as the corpus
	// documents do when the corpus is missing.
	load func(tb testing.TB) [][]byte
}

var (
	generatedMu    sync.Mutex
	generatedCache = map[string][]byte{}
)

// generated returns a shape's document of the given size, built once per
// process: a 10 MB document takes longer to write than to parse.
func generated(shape Shape, size int) []byte {
	generatedMu.Lock()
	defer generatedMu.Unlock()
	key := shape.Name + "/" + sizeName(size)
	if doc, ok := generatedCache[key]; ok {
		return doc
	}
	doc := shape.Generate(size)
	generatedCache[key] = doc
	return doc
}

// sizeName labels a generator size: 1MB, 10MB, or the small pyproject's
// 2.4KB, named after the reference figure it stands for.
func sizeName(size int) string {
	switch {
	case size >= MB:
		return strconv.Itoa(size/MB) + "MB"
	case size <= 1:
		return "2.4KB"
	default:
		return strconv.Itoa(size/KB) + "KB"
	}
}

// generatedDoc names a generated document "<shape>-<size>", e.g. "cargo-lock-1MB".
func generatedDoc(shape Shape, size int) benchDoc {
	return benchDoc{
		name: shape.Name + "-" + sizeName(size),
		load: func(testing.TB) [][]byte { return [][]byte{generated(shape, size)} },
	}
}

// smallPyproject is the size that makes GeneratePyproject write just its
// 2.4 KB head, the size of the pyproject reference figure.
const smallPyproject = 1

func shapeNamed(name string) Shape {
	for _, s := range Shapes {
		if s.Name == name {
			return s
		}
	}
	panic("no shape " + name)
}

// corpusDocs returns "real-all" (every accepted corpus file in one op) and
// "real-<file>" for the largest files on their own. Without the corpus it
// returns one document that skips, so the skip shows in the output.
func corpusDocs(tb testing.TB, largest int) []benchDoc {
	if _, err := os.Stat(corpusDir); err != nil {
		return []benchDoc{{name: "real", load: func(tb testing.TB) [][]byte { loadCorpus(tb); return nil }}}
	}
	docs := []benchDoc{{name: "real-all", load: func(tb testing.TB) [][]byte { return contents(loadCorpus(tb)) }}}
	for _, f := range largestCorpusFiles(tb, largest) {
		docs = append(docs, benchDoc{
			name: "real-" + shortName(f.path),
			load: func(testing.TB) [][]byte { return [][]byte{f.data} },
		})
	}
	return docs
}

// corpusKindDoc is every corpus file of one kind, e.g. "real-cargo-lock".
func corpusKindDoc(kind string) benchDoc {
	return benchDoc{name: "real-" + kind, load: func(tb testing.TB) [][]byte { return contents(corpusKind(tb, kind)) }}
}

func contents(files []corpusFile) [][]byte {
	out := make([][]byte, len(files))
	for i, f := range files {
		out[i] = f.data
	}
	return out
}

// shortName turns "python-lock/fastapi__fastapi__uv.lock.toml" into
// "fastapi-uv.lock": short enough for a benchstat row, and without the
// slashes and equals signs that benchstat reads as name structure.
func shortName(path string) string {
	base := path[strings.LastIndexByte(path, '/')+1:]
	base = strings.TrimSuffix(base, ".toml")
	parts := strings.Split(base, "__")
	if len(parts) == 3 {
		base = parts[1] + "-" + parts[2]
	}
	return strings.NewReplacer("/", "-", "=", "-", " ", "-").Replace(base)
}
