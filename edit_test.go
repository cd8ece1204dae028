package toml_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

// editCase is one edit of a small document and the text it must give.
type editCase struct {
	name string
	src  string
	edit func(*toml.Editor) error
	want string
}

func runEditCases(t *testing.T, cases []editCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			ed, err := toml.NewEditor([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if err := tt.edit(ed); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, ed.String()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func set(path string, v any) func(*toml.Editor) error {
	return func(e *toml.Editor) error { return e.Set(path, v) }
}

func del(path string) func(*toml.Editor) error {
	return func(e *toml.Editor) error { return e.Delete(path) }
}

func appendTo(path string, v any) func(*toml.Editor) error {
	return func(e *toml.Editor) error { return e.Append(path, v) }
}

func insertAt(path string, i int, v any) func(*toml.Editor) error {
	return func(e *toml.Editor) error { return e.Insert(path, i, v) }
}

// TestEditPlacement pins where new keys and tables go.
func TestEditPlacement(t *testing.T) {
	runEditCases(t, []editCase{
		{"a key after its table's last pair, before its sub-tables",
			"[a]\nx = 1\n# about b\n\n[a.b]\ny = 2\n", set("a.z", 3),
			"[a]\nx = 1\nz = 3\n# about b\n\n[a.b]\ny = 2\n"},
		{"a key after its table's header when it has no pair",
			"[a]\n[a.b]\ny = 2\n", set("a.z", 3),
			"[a]\nz = 3\n[a.b]\ny = 2\n"},
		{"a key of the root after its last pair",
			"# file\nname = \"x\"\n\n[a]\ny = 2\n", set("version", "1"),
			"# file\nname = \"x\"\nversion = \"1\"\n\n[a]\ny = 2\n"},
		{"a key of a root without pairs before the first table and its comments",
			"# file\n\n# the a table\n[a]\ny = 2\n", set("version", "1"),
			"# file\n\nversion = \"1\"\n\n# the a table\n[a]\ny = 2\n"},
		{"a key of an empty document",
			"", set("a", 1), "a = 1\n"},
		{"a key at the end of a file without a final line ending",
			"a = 1", set("b", 2), "a = 1\nb = 2"},
		{"a new table after its parent's last descendant, with a blank line",
			"[tool.ruff]\nx = 1\n\n[tool.ruff.lint]\ny = 2\n\n[other]\nz = 3\n", set("tool.ruff.format.quote", "single"),
			"[tool.ruff]\nx = 1\n\n[tool.ruff.lint]\ny = 2\n\n[tool.ruff.format]\nquote = \"single\"\n\n[other]\nz = 3\n"},
		{"a new table without blank lines where the headers have none",
			"[a]\nx = 1\n[b]\ny = 2\n", set("c.z", 3),
			"[a]\nx = 1\n[b]\ny = 2\n[c]\nz = 3\n"},
		{"a new table in the last element of an array of tables",
			"[[p]]\nn = 1\n\n[[p]]\nn = 2\n", set("p[-1].meta.k", true),
			"[[p]]\nn = 1\n\n[[p]]\nn = 2\n\n[p.meta]\nk = true\n"},
		{"a new table in an element that is not the last",
			"[[p]]\nn = 1\n\n[[p]]\nn = 2\n", set("p[0].meta.k", true),
			"[[p]]\nn = 1\n\n[p.meta]\nk = true\n\n[[p]]\nn = 2\n"},
		{"a key under dotted keys continues them",
			"[package]\nname = \"x\"\nedition.workspace = true\nlicense = \"MIT\"\n", set("package.edition.note", "kept"),
			"[package]\nname = \"x\"\nedition.workspace = true\nedition.note = \"kept\"\nlicense = \"MIT\"\n"},
		{"a key under dotted keys of the root, with their spelling",
			"tool.'ruff'.line-length = 100\n", set("tool.ruff.select", []string{"E"}),
			"tool.'ruff'.line-length = 100\ntool.'ruff'.select = [\"E\"]\n"},
		{"a key inside an inline table",
			"dep = { version = \"1\" }\n", set("dep.features", []string{"derive"}),
			"dep = { version = \"1\", features = [\"derive\"] }\n"},
		{"a key inside an empty inline table",
			"dep = {}\n", set("dep.version", "1"),
			"dep = { version = \"1\" }\n"},
		{"a key deep inside an inline table, with a dotted key",
			"dep = { a = 1 }\n", set("dep.x.y", 2),
			"dep = { a = 1, x.y = 2 }\n"},
		{"a table that is only the parent of headers gets its header before them",
			"[x]\nv = 0\n\n[tool.ruff]\nx = 1\n", set("tool.name", "t"),
			"[x]\nv = 0\n\n[tool]\nname = \"t\"\n\n[tool.ruff]\nx = 1\n"},
		{"missing tables get one header",
			"a = 1\n", set("tool.mypy.strict", true),
			"a = 1\n\n[tool.mypy]\nstrict = true\n"},
		{"a Go table becomes a section",
			"[project]\nname = \"x\"\n", set("tool.pytest", map[string]any{"addopts": "-q", "markers": []string{"slow"}}),
			"[project]\nname = \"x\"\n\n[tool.pytest]\naddopts = \"-q\"\nmarkers = [\"slow\"]\n"},
		{"a Go slice of tables becomes [[header]] elements",
			"a = 1\n", set("bin", []map[string]any{{"name": "x"}, {"name": "y"}}),
			"a = 1\n\n[[bin]]\nname = \"x\"\n\n[[bin]]\nname = \"y\"\n"},
		{"a RawValue table stays inline",
			"[dependencies]\nrand = \"0.8\"\n", set("dependencies.serde", toml.RawValue(`{ version = "1", features = ["derive"] }`)),
			"[dependencies]\nrand = \"0.8\"\nserde = { version = \"1\", features = [\"derive\"] }\n"},
		{"an element of an array of tables after the last element's sub-tables",
			"[[package]]\nname = \"a\"\n\n[package.metadata]\nx = 1\n\n[workspace]\n", appendTo("package", toml.RawValue(`{ name = "b" }`)),
			"[[package]]\nname = \"a\"\n\n[package.metadata]\nx = 1\n\n[[package]]\nname = \"b\"\n\n[workspace]\n"},
		{"an element of an array of tables inserted before another, and its comments",
			"[[p]]\nn = 1\n\n# the second\n[[p]]\nn = 2\n", insertAt("p", 1, map[string]any{"n": 9}),
			"[[p]]\nn = 1\n\n[[p]]\nn = 9\n\n# the second\n[[p]]\nn = 2\n"},
		{"a missing array is made, in the section",
			"[project]\nname = \"x\"\n", appendTo("project.dependencies", "httpx"),
			"[project]\nname = \"x\"\ndependencies = [\"httpx\"]\n"},
	})
}

// TestEditStyle pins how new text follows the text around it.
func TestEditStyle(t *testing.T) {
	runEditCases(t, []editCase{
		{"indentation and spacing of the pair before",
			"[a]\n  x=1\n", set("a.y", 2), "[a]\n  x=1\n  y=2\n"},
		{"aligned '=' is copied",
			"[a]\nname    = \"x\"\n", set("a.v", "1"), "[a]\nname    = \"x\"\nv    = \"1\"\n"},
		{"literal strings beside give a literal string",
			"a = 'x'\nb = 'y'\n", set("c", `C:\path`), "a = 'x'\nb = 'y'\nc = 'C:\\path'\n"},
		{"a string a literal cannot hold stays basic",
			"a = 'x'\n", set("c", "it's"), "a = 'x'\nc = \"it's\"\n"},
		{"basic strings beside give a basic string",
			"a = \"x\"\n", set("c", `C:\path`), "a = \"x\"\nc = \"C:\\\\path\"\n"},
		{"an array over lines gets a line, with its trailing comma",
			"deps = [\n    \"a\",\n    \"b\",\n]\n", appendTo("deps", "c"),
			"deps = [\n    \"a\",\n    \"b\",\n    \"c\",\n]\n"},
		{"an array over lines without a trailing comma keeps none",
			"deps = [\n  \"a\",\n  \"b\"\n]\n", appendTo("deps", "c"),
			"deps = [\n  \"a\",\n  \"b\",\n  \"c\"\n]\n"},
		{"the new element goes after the last one's comment",
			"deps = [\n\t\"a\", # why a\n]\n", appendTo("deps", "c"),
			"deps = [\n\t\"a\", # why a\n\t\"c\",\n]\n"},
		{"an empty array over lines",
			"deps = [\n]\n", appendTo("deps", "c"), "deps = [\n    \"c\",\n]\n"},
		{"an array on one line stays on one line",
			"a = [1, 2]\n", appendTo("a", 3), "a = [1, 2, 3]\n"},
		{"an empty array",
			"a = []\n", appendTo("a", 3), "a = [3]\n"},
		{"an insertion before an element and its comment lines",
			"a = [\n    1,\n    # about two\n    2,\n]\n", insertAt("a", 1, 9),
			"a = [\n    1,\n    9,\n    # about two\n    2,\n]\n"},
		{"an insertion on one line",
			"a = [1, 2]\n", insertAt("a", 0, 0), "a = [0, 1, 2]\n"},
		{"the quotes of an array's strings",
			"a = ['x']\n", appendTo("a", "y"), "a = ['x', 'y']\n"},
		{"CRLF line endings",
			"[a]\r\nx = 1\r\n", set("b.y", 2), "[a]\r\nx = 1\r\n\r\n[b]\r\ny = 2\r\n"},
		{"a value's spelling elsewhere is kept",
			"a = 0x1F # hex\nb = 1979-05-27 07:32:00\n", set("a", 32), "a = 32 # hex\nb = 1979-05-27 07:32:00\n"},
		{"a value given as TOML text is written as it is",
			"a = 1\n", set("a", toml.RawValue("0o17")), "a = 0o17\n"},
	})
}

// TestEditComments pins which comments go with a deletion.
func TestEditComments(t *testing.T) {
	runEditCases(t, []editCase{
		{"a key's comment lines and end-of-line comment go with it",
			"a = 1\n# about b\n# more\nb = 2 # two\nc = 3\n", del("b"), "a = 1\nc = 3\n"},
		{"a comment set apart by a blank line stays",
			"a = 1\n# about the file\n\nb = 2\nc = 3\n", del("b"), "a = 1\n# about the file\n\nc = 3\n"},
		{"a table's header comments and whole section go",
			"[a]\nx = 1\n\n# black\n[tool.black]\n# its width\nline-length = 100\n# trailing note\n\n# isort\n[tool.isort]\nprofile = \"black\"\n",
			del("tool.black"),
			"[a]\nx = 1\n\n# isort\n[tool.isort]\nprofile = \"black\"\n"},
		{"a table's sub-tables go with it",
			"[a]\nx = 1\n\n[a.b]\ny = 2\n\n[c]\nz = 3\n\n[a.d]\nw = 4\n", del("a"), "[c]\nz = 3\n"},
		{"an element's comment lines go with it",
			"a = [\n    1,\n    # about two\n    2, # two\n    3,\n]\n", del("a[1]"), "a = [\n    1,\n    3,\n]\n"},
		{"the last element of an array without a trailing comma takes the comma before",
			"a = [\n    1,\n    2\n]\n", del("a[1]"), "a = [\n    1\n]\n"},
		{"an element on one line",
			"a = [1, 2, 3]\n", del("a[1]"), "a = [1, 3]\n"},
		{"the last element on one line",
			"a = [1, 2, 3]\n", del("a[2]"), "a = [1, 2]\n"},
		{"an element of an array of tables with its sub-tables",
			"[[p]]\nn = 1\n\n[p.meta]\nk = 1\n\n[[p]]\nn = 2\n", del("p[0]"), "[[p]]\nn = 2\n"},
		{"a key of an inline table",
			"a = { x = 1, y = 2 }\n", del("a.x"), "a = { y = 2 }\n"},
		{"a table that only the deleted key wrote goes",
			"[package]\nname = \"x\"\nedition.workspace = true\n", del("package.edition.workspace"), "[package]\nname = \"x\"\n"},
		{"two blank lines do not meet",
			"a = 1\n\nb = 2\n\nc = 3\n", del("b"), "a = 1\n\nc = 3\n"},
		{"the last line of a file without a final line ending",
			"a = 1\nb = 2", del("b"), "a = 1"},
	})
}

// TestEditReplace pins how set replaces a value that exists.
func TestEditReplace(t *testing.T) {
	runEditCases(t, []editCase{
		{"a scalar keeps its comments",
			"# the version\nversion = \"1.0\"  # bump me\n", set("version", "1.1"), "# the version\nversion = \"1.1\"  # bump me\n"},
		{"an array element",
			"a = [1, 2, 3]\n", set("a[-1]", 9), "a = [1, 2, 9]\n"},
		{"a table with a header by a Go table, in its place",
			"[a]\nx = 1\n\n# about b\n[b]\ny = 2\n\n[c]\n", set("b", map[string]any{"z": 3}),
			"[a]\nx = 1\n\n# about b\n[b]\nz = 3\n\n[c]\n"},
		{"an element of an array of tables",
			"[[p]]\nn = 1\n\n[[p]]\nn = 2\n", set("p[0]", toml.RawValue("{ n = 7, m = 'x' }")),
			"[[p]]\nn = 7\nm = 'x'\n\n[[p]]\nn = 2\n"},
		{"a table of dotted keys by a value, on its first line",
			"[dependencies]\nserde.workspace = true\nserde.features = [\"derive\"]\nrand = \"0.8\"\n", set("dependencies.serde", toml.RawValue(`"1"`)),
			"[dependencies]\nserde = \"1\"\nrand = \"0.8\"\n"},
		{"a table with a header by a scalar: a pair of its parent",
			"x = 0\n\n[a]\nb = 1\n", set("a", 5), "x = 0\na = 5\n"},
	})
}

// TestEditErrors checks that impossible edits fail with an EditError that
// names the path, the reason and the place, and change nothing.
func TestEditErrors(t *testing.T) {
	src := "name = \"x\"\nlist = [1, 2]\n\n[[package]]\nn = 1\n"
	tests := []struct {
		name     string
		edit     func(*toml.Editor) error
		wantMsg  string
		wantLine int
	}{
		{"a key under a string", set("name.first", "a"), "name is a string, not a table", 1},
		{"a key under an array", set("list.x", 1), "list is an array, not a table", 2},
		{"appending to a string", appendTo("name", 1), "name is a string, not an array", 1},
		{"a path through an array of tables without an index", set("package.n", 2), "package is an array of tables: name one of its elements, as in package[-1].n", 4},
		{"an index out of range", set("list[5]", 1), "index 5 is out of range: list has 2 elements", 2},
		{"an insertion past the end", insertAt("list", 3, 1), "index 3 is out of range: list has 2 elements", 2},
		{"a negative insertion", insertAt("list", -1, 1), "index -1 is negative", 0},
		{"deleting what is not there", del("nothing"), "nothing does not exist", 0},
		{"deleting the document", del(""), "bad path", 0},
		{"setting the document", func(e *toml.Editor) error { return e.Set("package[0]", 3) }, "package is an array of tables, and an integer is not a table", 4},
		{"an index below a missing key", set("missing[0]", 1), "missing does not exist, so it has no element 0", 0},
		{"a value that is not TOML", set("a", toml.RawValue("1 2")), `"1 2" is not one TOML value`, 0},
		{"a value that is two", set("a", toml.RawValue("1\nb = 2")), "is not one TOML value", 0},
		{"a Go value without TOML form", set("a", make(chan int)), "cannot write the value", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed, err := toml.NewEditor([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			err = tt.edit(ed)
			var ee *toml.EditError
			if !errors.As(err, &ee) {
				t.Fatalf("error %v, want an *EditError", err)
			}
			if !strings.Contains(ee.Message, tt.wantMsg) || ee.Line != tt.wantLine {
				t.Errorf("error %q at line %d, want %q at line %d", ee.Message, ee.Line, tt.wantMsg, tt.wantLine)
			}
			if !strings.Contains(err.Error(), ee.Path) {
				t.Errorf("Error() = %q does not name the path %q", err.Error(), ee.Path)
			}
			if ed.String() != src {
				t.Errorf("the failed edit changed the document:\n%s", ed.String())
			}
		})
	}
}

// TestEditSequence makes several edits one after another on one editor,
// each seeing the ones before.
func TestEditSequence(t *testing.T) {
	ed, err := toml.NewEditor([]byte("[project]\nname = \"x\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []func(*toml.Editor) error{
		set("tool.ruff.line-length", 100),
		set("tool.ruff.select", []string{"E"}),
		appendTo("tool.ruff.select", "F"),
		set("project.version", "0.1.0"),
		del("project.name"),
		appendTo("tool.ruff.select", "UP"),
	} {
		if err := step(ed); err != nil {
			t.Fatal(err)
		}
	}
	want := "[project]\nversion = \"0.1.0\"\n\n[tool.ruff]\nline-length = 100\nselect = [\"E\", \"F\", \"UP\"]\n"
	if diff := cmp.Diff(want, ed.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
