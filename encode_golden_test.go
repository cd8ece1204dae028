package toml_test

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	tomltest "github.com/toml-lang/toml-test/v2"

	"github.com/seed02375186/toml"
)

var updateEncodeGoldens = flag.Bool("update-encode", false, "rewrite testdata/encode/*.toml from Marshal's output")

// goldenCases are toml-test's valid cases whose re-encoded text is pinned:
// the spec's examples, tables defined out of order, and the values with
// the most ways to be spelled.
var goldenCases = []string{
	"valid/spec-example-1",
	"valid/spec-1.0.0/array-of-tables-1",
	"valid/spec-1.0.0/keys-1",
	"valid/spec-1.0.0/table-7",
	"valid/implicit-and-explicit-after",
	"valid/table/array-implicit-and-explicit-after",
	"valid/inline-table/key-dotted-01",
	"valid/float/inf-and-nan",
	"valid/string/multiline-quotes",
	"valid/float/exponent",
	"valid/datetime/milliseconds",
}

// TestMarshalGoldens pins the text Marshal writes for the trees of parsed
// documents (their root Values, so that scalars are in normal form), so
// that a change of layout shows up as a diff to review. Run with
// -update-encode to rewrite the files after checking the diff.
func TestMarshalGoldens(t *testing.T) {
	files := tomltest.TestCases()
	for _, name := range goldenCases {
		t.Run(name, func(t *testing.T) {
			data, err := fs.ReadFile(files, name+".toml")
			if err != nil {
				t.Fatal(err)
			}
			doc, err := toml.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := toml.Marshal(doc.Root())
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "encode", strings.ReplaceAll(strings.TrimPrefix(name, "valid/"), "/", "_")+".toml")
			if *updateEncodeGoldens {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update-encode to write it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("Marshal output differs from %s (-want +got):\n%s\ninput:\n%s", golden, diff, data)
			}
		})
	}
}
