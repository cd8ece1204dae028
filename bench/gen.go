package bench

import (
	"math/rand/v2"
	"strconv"
)

// Document sizes the generators are asked for. A generator stops at the first
// record boundary at or past the size, so documents are slightly larger.
const (
	KB = 1 << 10
	MB = 1 << 20
)

// Shape is one family of generated documents, named as in the table
// of reference figures so results can be read against it.
type Shape struct {
	Name string
	// Generate returns valid TOML 1.0 of at least size bytes. The same size
	// always yields the same bytes, and a smaller document is a prefix of a
	// larger one record for record, so 1 MB and 10 MB differ only in length.
	Generate func(size int) []byte
}

// Shapes lists every generated document family.
var Shapes = []Shape{
	{"pyproject", GeneratePyproject},
	{"cargo-lock", GenerateCargoLock},
	{"mixed-scalars", GenerateMixedScalars},
	{"nested-tables", GenerateNestedTables},
	{"escaped-strings", GenerateEscapedStrings},
}

// writer appends TOML text and draws from a fixed-seed generator, so output
// depends only on the order of calls.
type writer struct {
	b   []byte
	rnd *rand.Rand
}

func newWriter(size int) *writer {
	// The seed is fixed rather than derived from size so that every size
	// draws the same sequence: the prefix property in Shape relies on it.
	return &writer{b: make([]byte, 0, size+4*KB), rnd: rand.New(rand.NewPCG(0x70b1, 0x5eed))}
}

func (w *writer) str(s string) *writer { w.b = append(w.b, s...); return w }

func (w *writer) int(n int) *writer { w.b = strconv.AppendInt(w.b, int64(n), 10); return w }

// quoted writes s as a TOML basic string; callers pass text without
// characters that need escaping unless they wrote the escapes themselves.
func (w *writer) quoted(s string) *writer { return w.str(`"`).str(s).str(`"`) }

func (w *writer) intn(n int) int { return w.rnd.IntN(n) }

func (w *writer) pick(words []string) string { return words[w.rnd.IntN(len(words))] }

func (w *writer) hex(n int) *writer {
	const digits = "0123456789abcdef"
	for range n {
		w.b = append(w.b, digits[w.rnd.IntN(16)])
	}
	return w
}

// syllables build pronounceable crate and package names.
var syllables = []string{
	"ser", "de", "to", "kio", "rand", "hash", "brown", "lib", "mem", "chr",
	"regex", "syn", "quote", "proc", "macro", "once", "cell", "log", "par",
	"king", "lot", "core", "futures", "util", "bytes", "http", "hyper", "tls",
	"rust", "ls", "clap", "term", "color", "ansi", "win", "api", "sys", "io",
}

// name returns a crate-like name such as "serde-tokio-hash".
func (w *writer) name() string {
	n := 1 + w.intn(3)
	s := w.pick(syllables)
	for range n - 1 {
		s += "-" + w.pick(syllables)
	}
	return s
}

// semver returns a version such as "1.12.3".
func (w *writer) semver() string {
	return strconv.Itoa(w.intn(3)) + "." + strconv.Itoa(w.intn(40)) + "." + strconv.Itoa(w.intn(20))
}
