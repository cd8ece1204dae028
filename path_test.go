package toml_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

// TestParsePath reads paths in their text form, and checks that String
// writes each back so that it reads the same.
func TestParsePath(t *testing.T) {
	key := func(k string) toml.PathStep { return toml.PathStep{Key: k} }
	index := func(i int) toml.PathStep { return toml.PathStep{Index: i, IsIndex: true} }
	tests := []struct {
		path    string
		want    toml.Path
		wantErr string
	}{
		{path: "a", want: toml.Path{key("a")}},
		{path: "tool.ruff.line-length", want: toml.Path{key("tool"), key("ruff"), key("line-length")}},
		{path: "package[0].name", want: toml.Path{key("package"), index(0), key("name")}},
		{path: "a[1][-2]", want: toml.Path{key("a"), index(1), index(-2)}},
		{path: "a [ 3 ] . b", want: toml.Path{key("a"), index(3), key("b")}},
		{path: `"a.b".'c"d'`, want: toml.Path{key("a.b"), key(`c"d`)}},
		{path: `"tab\there\"\u00e9"`, want: toml.Path{key("tab\there\"é")}},
		{path: "1234.true", want: toml.Path{key("1234"), key("true")}},
		{path: "", wantErr: "missing key at the end"},
		{path: "a.", wantErr: "missing key at the end"},
		{path: ".a", wantErr: "unexpected '.' at character 1 (want a key)"},
		{path: "a b", wantErr: "unexpected 'b' at character 3 (want '.', '[' or the end)"},
		{path: "a[x]", wantErr: `index "x" at character 3 is not an integer`},
		{path: "a[1", wantErr: "unclosed '[' at character 2"},
		{path: `"abc`, wantErr: `unclosed " at character 1`},
		{path: `'abc`, wantErr: "unclosed ' at character 1"},
		{path: `"bad \q"`, wantErr: `quoted key at character 1: invalid escape sequence \q (TOML 1.0 allows \b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX)`},
		{path: `"new` + "\n" + `line"`, wantErr: "quoted key at character 1: "},
		{path: "[0]", wantErr: "unexpected '[' at character 1 (want a key)"},
		{path: "'\x87'", wantErr: "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got, err := toml.ParsePath(tt.path)
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if back, err := toml.ParsePath(got.String()); err != nil || !cmp.Equal(got, back) {
				t.Errorf("String gives %q, which parses back as %v, %v", got.String(), back, err)
			}
		})
	}
}

// FuzzParsePath: any text either fails to parse or parses into a path
// that String writes back as the same path.
func FuzzParsePath(f *testing.F) {
	for _, seed := range []string{"a.b", "package[0].name", `"a.b"[-1].'c'`, `"\u00e9\t"`, "a[99999999999999999999]", "a . b [ 1 ]"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, path string) {
		steps, err := toml.ParsePath(path)
		if err != nil {
			return
		}
		back, err := toml.ParsePath(steps.String())
		if err != nil {
			t.Fatalf("%q parses, but its formatted form %q does not: %v", path, steps.String(), err)
		}
		if diff := cmp.Diff(steps, back); diff != "" {
			t.Errorf("%q round trip through %q (-first +second):\n%s", path, steps.String(), diff)
		}
	})
}
