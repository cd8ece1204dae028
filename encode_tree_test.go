package toml_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

// multilineSource has multi-line strings, a line-ending backslash, an
// underscore in a number and a date-time with a space, at the top level and
// inside an array inside an inline table.
const multilineSource = "s = \"\"\"\none\\\n  two\"\"\"\n" +
	"t = {u = ['''a\nb''', 1_000], d = 1979-05-27 07:32:00}\n"

func TestMarshalTrees(t *testing.T) {
	src := "title = 'x' # comment\n[[a]]\nb.c = 0x10\n[a.d]\ne = 1979-05-27\n"
	doc := mustParse(t, src)
	runEncodeCases(t, []encodeCase{
		{
			name: "Document: scalars keep their spelling",
			in:   doc,
			want: "title = 'x'\n\n[[a]]\nb.c = 0x10\n\n[a.d]\ne = 1979-05-27\n",
		},
		{
			name: "Document value",
			// A copy of *doc, made so that vet does not object to copying
			// the Document's sync.Once.
			in:   reflect.ValueOf(doc).Elem().Interface(),
			want: "title = 'x'\n\n[[a]]\nb.c = 0x10\n\n[a.d]\ne = 1979-05-27\n",
		},
		{
			name: "root Value: scalars in normal form",
			in:   doc.Root(),
			want: "title = \"x\"\n\n[[a]]\nb.c = 16\n\n[a.d]\ne = 1979-05-27\n",
		},
		{
			name: "root Table: scalars in normal form",
			in:   doc.Table(),
			want: "title = \"x\"\n\n[[a]]\nb.c = 16\n\n[a.d]\ne = 1979-05-27\n",
		},
		{
			name: "pointer to the root Value",
			in:   new(doc.Root()),
			want: "title = \"x\"\n\n[[a]]\nb.c = 16\n\n[a.d]\ne = 1979-05-27\n",
		},
		{
			name: "zero Table: an empty document",
			in:   toml.Table{},
			want: "",
		},
		{
			name: "Document: multi-line strings, inside arrays and inline tables too",
			in:   mustParse(t, multilineSource),
			want: multilineSource,
		},
		{
			name: "Values inside Go values: tables as sections, others inline",
			in: map[string]any{
				"doc":   doc,
				"title": doc.Table().Get("title"),
				"arr":   doc.Table().Get("a"),
				"d":     doc.Table().Get("a").Array().Index(0).Table().Get("d"),
				"inl":   mustParse(t, "v = {x = [1, {y = 2}]}").Table().Get("v"),
			},
			want: `inl = {x = [1, {y = 2}]}
title = "x"

[[arr]]
b.c = 16

[arr.d]
e = 1979-05-27

[d]
e = 1979-05-27

[doc]
title = "x"

[[doc.a]]
b.c = 16

[doc.a.d]
e = 1979-05-27
`,
		},
		{
			name: "Tables, Arrays and pointers to Values inside Go values",
			in: map[string]any{
				"t":   doc.Table().Get("a").Array().Index(0).Table(),
				"arr": doc.Table().Get("a").Array(),
				"ia":  mustParse(t, "v = [1, 'a']").Table().Get("v").Array(),
				"p":   new(doc.Table().Get("title")),
				"np":  (*toml.Value)(nil),
				"zt":  toml.Table{},
				"za":  toml.Array{},
			},
			want: `ia = [1, "a"]
p = "x"
za = []
zt = {}

[[arr]]
b.c = 16

[arr.d]
e = 1979-05-27

[t]
b.c = 16

[t.d]
e = 1979-05-27
`,
		},
		{
			name: "super-table after its sub-table keeps its key order",
			in:   mustParse(t, "[x.y.z]\nq = 1\n[x]\nw = 2\ny.v = 3\n"),
			want: "[x.y.z]\nq = 1\n\n[x]\ny.v = 3\nw = 2\n",
		},
	})
}

func TestValueString(t *testing.T) {
	doc := mustParse(t, `
s = "a\"b"
i = 42
f = 1e300
nz = -0.0
n = -nan
b = false
dt = 1979-05-27 07:32:00.123-07:30
ldt = 1979-05-27t07:32:00
ld = 1979-05-27
lt = 07:32:00.000001
arr = [1, "x", {a = 1}, []]
tab = {a.b = 1, c = {}}
[[aot]]
x = 1
[[aot]]
`)
	want := map[string]string{
		"s":   `"a\"b"`,
		"i":   "42",
		"f":   "1e+300",
		"nz":  "-0.0",
		"n":   "-nan",
		"b":   "false",
		"dt":  "1979-05-27T07:32:00.123-07:30",
		"ldt": "1979-05-27T07:32:00",
		"ld":  "1979-05-27",
		"lt":  "07:32:00.000001",
		"arr": `[1, "x", {a = 1}, []]`,
		"tab": "{a.b = 1, c = {}}",
		"aot": "[{x = 1}, {}]",
	}
	for _, e := range doc.Table().Entries() {
		t.Run(e.Key.Name, func(t *testing.T) {
			if diff := cmp.Diff(want[e.Key.Name], e.Value.String()); diff != "" {
				t.Errorf("String() (-want +got):\n%s", diff)
			}
		})
	}
	if got := (toml.Value{}).String(); got != "" {
		t.Errorf("zero Value's String() = %q, want \"\"", got)
	}
}

// TestMarshalDeepTrees writes documents nested almost as deeply as the
// parser allows, in every way they can nest, and reads them back.
func TestMarshalDeepTrees(t *testing.T) {
	const n = toml.MaxDepth - 10
	tests := map[string]string{
		"dotted keys under a header": "[x]\n" + strings.Repeat("a.", n) + "b = 1\n",
		"dotted keys under the root": strings.Repeat("a.", n) + "b = 1\n",
		"a long header":              "[" + strings.Repeat("a.", n) + "b]\nc = 1\n",
		"nested arrays":              "v = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n",
		"nested inline tables":       "v = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n",
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			doc := mustParse(t, src)
			out, err := toml.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			again, err := toml.Parse(out)
			if err != nil {
				t.Fatalf("output does not parse: %v", err)
			}
			if diff := treeDiff(nodeOf(doc.Root()), nodeOf(again.Root())); diff != "" {
				t.Errorf("tree changed (-want +got):\n%s", diff)
			}
		})
	}
}
