package schema

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/seed02375186/toml"
)

// TestTool checks whose rules each violation breaks: a standard's (no
// tool), or the tool that owns a [tool.NAME] table or a whole file.
func TestTool(t *testing.T) {
	tests := []struct {
		schema *Schema
		src    string
		want   []string // the Tool of each violation, in order
	}{
		{ForFile("pyproject.toml"), "[project]\nname = 1\nversion = \"1\"\n[tool.ruff]\nline-length = \"x\"\n[tool.black]\nnope = 1\n",
			[]string{"", "ruff", "black"}},
		{ForFile("Cargo.toml"), "[package]\nname = 1\n", []string{""}},
		{ForFile("ruff.toml"), "line-length = \"x\"\n", []string{"Ruff"}},
		{ForFile("pylock.toml"), "lock-version = \"1.0\"\ncreated-by = 1\npackages = []\n", []string{""}},
		{mustOpen(t, "https://json.schemastore.org/ruff.json"), "line-length = \"x\"\n", []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.schema.Name()+" "+tt.src, func(t *testing.T) {
			doc, err := toml.ParseString(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			vs, err := tt.schema.Validate(doc)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, v := range vs {
				got = append(got, v.Tool)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s\n%v", diff, vs)
			}
		})
	}
}

func mustOpen(t *testing.T, ref string) *Schema {
	t.Helper()
	s, err := Open(ref, ".")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestValidateMany validates one document many times at once against a
// schema of its own: each result is the same, and after wholeAfter
// documents the schema has been compiled whole, once.
func TestValidateMany(t *testing.T) {
	dir := t.TempDir()
	writeSchema(t, dir, "s.json", positionsSchema)
	s := mustOpen(t, dir+"/s.json")
	doc, err := toml.ParseString("kind = \"c\"\nlist = [\"x\"]\n[[bins]]\n")
	if err != nil {
		t.Fatal(err)
	}
	want, err := s.Validate(doc)
	if err != nil || len(want) != 4 {
		t.Fatalf("%v, %v; want 4 violations", want, err)
	}
	const n = 3 * wholeAfter
	results := make([][]Violation, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			vs, err := s.Validate(doc)
			if err != nil {
				t.Error(err)
			}
			results[i] = vs
		})
	}
	wg.Wait()
	for i, got := range results {
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("validation %d differs (-want +got):\n%s", i, diff)
		}
	}
	w, ok := wholeSchemas.Load(s.url)
	if !ok || w.(*wholeSchema).sch == nil {
		t.Errorf("after %d validations the schema is not compiled whole", n+1)
	}
}
