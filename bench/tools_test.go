package bench

import (
	"strings"
	"testing"

	"github.com/seed02375186/toml"
)

// toolDocs are the documents the formatter and the editor are measured on:
// Cargo.lock at 1 and 10 MB (the yardstick: taplo takes 197 s to
// format the 10 MB one), the 1 MB pyproject, and the real corpus.
func toolDocs(tb testing.TB) []benchDoc {
	return append([]benchDoc{
		generatedDoc(shapeNamed("cargo-lock"), 1*MB),
		generatedDoc(shapeNamed("cargo-lock"), 10*MB),
		generatedDoc(shapeNamed("pyproject"), 1*MB),
	}, corpusDocs(tb, 0)...)
}

// BenchmarkFormat formats each document, as toml fmt does: parse, then
// write the formatted text. Compare with BenchmarkParse on the same
// document for the formatter's cost over parsing.
func BenchmarkFormat(b *testing.B) {
	benchOurs(b, toolDocs(b), func(f []byte) error {
		_, err := toml.Format(f)
		return err
	})
}

// BenchmarkEdit makes one edit to each Cargo.lock, as a release script
// bumping a version does: parse for editing, set the last package's
// version (the edit is checked by parsing the result again), and take the
// text to write (as String, which toml set writes, without the copy Bytes
// makes).
func BenchmarkEdit(b *testing.B) {
	for _, size := range []int{1 * MB, 10 * MB} {
		doc := generatedDoc(shapeNamed("cargo-lock"), size)
		b.Run("doc="+doc.name+"/lib=ours", func(b *testing.B) {
			src := doc.load(b)[0]
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			loopWithCPU(b, func() {
				ed, err := toml.NewEditor(src)
				if err != nil {
					b.Fatal(err)
				}
				if err := ed.Set("package[-1].version", "9.9.9"); err != nil {
					b.Fatal(err)
				}
				if !strings.Contains(ed.String(), `version = "9.9.9"`) {
					b.Fatal("the edit did not land")
				}
			})
		})
	}
}
