package schema

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// positionsSchema has a rule for each kind of place a violation can be.
const positionsSchema = `{
	"type": "object",
	"required": ["name"],
	"additionalProperties": false,
	"properties": {
		"name": {"type": "string"},
		"kind": {"enum": ["a", "b"]},
		"list": {"type": "array", "items": {"type": "integer"}},
		"typed": {"type": "string"},
		"dotted": {"type": "object", "required": ["must"]},
		"inline": {"type": "object", "required": ["must"], "properties": {"n": {"type": "integer"}}},
		"header": {"type": "object", "required": ["must"], "properties": {"n": {"type": "integer"}}},
		"bins": {"type": "array", "items": {"type": "object", "required": ["path"],
			"properties": {"path": {"type": "string"}}}}
	}
}`

// TestPositions checks the line and column of each kind of violation:
// a missing key at what made its table (the top of the file for the
// root, a header, a dotted key, the braces of an inline table, the
// [[header]] of an element), an unexpected key at the key, a wrong value
// at the value, an array's element at the element, and a table of the
// wrong type made by a dotted key at that key.
func TestPositions(t *testing.T) {
	dir := t.TempDir()
	writeSchema(t, dir, "s.json", positionsSchema)
	s, err := Open("s.json", dir)
	if err != nil {
		t.Fatal(err)
	}
	src := `# the root table lacks "name"
kind = "c"
list = [1, "two", 3]
extra = true
dotted.other = 1
inline = { other = 1, n = "x" }
typed.sub = 1

[header]
n = "x"

[[bins]]
path = "a"

  [[bins]]
  other = 2
`
	want := []string{
		`1:1: missing required key "name"`,
		`2:8: kind: expected one of "a" or "b", found string "c"`,
		`3:12: list[1]: expected an integer, found string "two"`,
		`4:1: unknown key extra`,
		`5:1: dotted: missing required key "must"`,
		`6:10: inline: missing required key "must"`,
		`6:27: inline.n: expected an integer, found string "x"`,
		`7:1: typed: expected a string, found a table`,
		`9:1: header: missing required key "must"`,
		`10:5: header.n: expected an integer, found string "x"`,
		`15:3: bins[1]: missing required key "path"`,
	}
	if diff := cmp.Diff(want, validateString(t, s, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestPositionsPyproject checks the places of the two corpus errors that
// the issue names: a [project] header without version or dynamic, and a
// license-files made a table by a dotted key.
func TestPositionsPyproject(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"missing key at the header", "[build-system]\nrequires = []\n\n[project]\nname = \"typos\"\n",
			[]string{`4:1: project: missing required key "dynamic" or "version"`}},
		{"missing key at a dotted key", "project.name = \"p\"\n",
			[]string{`1:1: project: missing required key "dynamic" or "version"`}},
		{"missing key at an inline table", "project = {name = \"p\"}\n",
			[]string{`1:11: project: missing required key "dynamic" or "version"`}},
		{"table made by a dotted key", "[project]\nname = \"p\"\nversion = \"1\"\nlicense-files.globs = [\"LICENSE\"]\n",
			[]string{`4:1: project.license-files: expected an array, found a table`}},
		{"element of an array of tables", "[project]\nname = \"p\"\nversion = \"1\"\n[[project.authors]]\nname = \"a\"\n[[project.authors]]\nemail = 5\n",
			[]string{`7:9: project.authors[1].email: expected a string, found integer 5`}},
		{"unexpected key in an inline table", "[project]\nname = \"p\"\nversion = \"1\"\nreadme = {file = \"R\", typ = \"x\"}\n",
			[]string{`4:23: unknown key project.readme.typ`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, validateString(t, Embedded("pyproject.json"), tt.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
