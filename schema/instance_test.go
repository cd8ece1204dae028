package schema

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/seed02375186/toml"
)

func TestInstance(t *testing.T) {
	src := `int = 9007199254740993
neg = -9223372036854775808
float = 1.5
bool = true
str = 'C:\path'
odt = 1979-05-27T07:32:00.5+05:30
utc = 1979-05-27T07:32:00Z
ldt = 1979-05-27T07:32:00
ld = 1979-05-27
lt = 07:32:00.25
nan = nan
inf = +inf
ninf = -inf
mixed = [1, "two", [3.0], {four = 4}]
inline = {a.b = 1}
[[aot]]
x = 1
[[aot]]
`
	doc, err := toml.ParseString(src)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"int":    int64(9007199254740993), // 2^53+1: a float64 would round it
		"neg":    int64(-9223372036854775808),
		"float":  1.5,
		"bool":   true,
		"str":    `C:\path`,
		"odt":    "1979-05-27T07:32:00.5+05:30",
		"utc":    "1979-05-27T07:32:00Z",
		"ldt":    "1979-05-27T07:32:00",
		"ld":     "1979-05-27",
		"lt":     "07:32:00.25",
		"nan":    nonFinite("nan"),
		"inf":    nonFinite("inf"),
		"ninf":   nonFinite("-inf"),
		"mixed":  []any{int64(1), "two", []any{3.0}, map[string]any{"four": int64(4)}},
		"inline": map[string]any{"a": map[string]any{"b": int64(1)}},
		"aot":    []any{map[string]any{"x": int64(1)}, map[string]any{}},
	}
	if diff := cmp.Diff(want, instance(doc.Root())); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNonFiniteFloats checks what a schema makes of nan and inf, which
// JSON cannot hold: nothing when it accepts anything, a violation at the
// value otherwise, and no failure where the validator compares or hashes
// values (uniqueItems over more than 20 elements hashes them).
func TestNonFiniteFloats(t *testing.T) {
	keywords := `keywords = [`
	for i := range 25 {
		keywords += `"k` + string(rune('a'+i)) + `", `
	}
	keywords += "nan]\n"
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"accepted by a schema that accepts anything", "[tool.anything]\nx = inf\ny = [nan]\n", nil},
		{"reported where a type is wanted", "[project]\nname = \"p\"\nversion = \"1\"\nrequires-python = -inf\n",
			[]string{"4:19: project.requires-python: -inf is not a number JSON can hold, so the schema cannot accept it"}},
		{"in an array whose elements must differ", "[project]\nname = \"p\"\nversion = \"1\"\n" + keywords,
			[]string{"4:163: project.keywords[25]: nan is not a number JSON can hold, so the schema cannot accept it"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, validateString(t, Embedded("pyproject.json"), tt.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// validateString validates src and returns its violations as
// "line:column: message".
func validateString(t *testing.T, s *Schema, src string) []string {
	t.Helper()
	doc, err := toml.ParseString(src)
	if err != nil {
		t.Fatal(err)
	}
	vs, err := s.Validate(doc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range vs {
		got = append(got, v.String())
	}
	return got
}
