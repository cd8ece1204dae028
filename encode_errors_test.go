package toml_test

import (
	"bytes"
	"encoding"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/seed02375186/toml"
)

// brokenMarshaler writes two values, which is not one TOML value.
type brokenMarshaler struct{}

func (brokenMarshaler) MarshalTOML() ([]byte, error) { return []byte("1\nw = 2"), nil }

type failingText struct{}

func (failingText) MarshalText() ([]byte, error) { return nil, errors.New("no text") }

type node struct {
	Name string
	Next *node
}

func TestMarshalErrors(t *testing.T) {
	cyclic := &node{Name: "a"}
	cyclic.Next = &node{Name: "b", Next: cyclic}
	selfMap := map[string]any{}
	selfMap["me"] = selfMap
	selfSlice := []any{nil}
	selfSlice[0] = selfSlice
	var selfPointer any
	selfPointer = &selfPointer
	// A cycle that starts 150 tables down, and one that comes back to a
	// table after a detour deeper than the encoder's first check.
	deep := map[string]any{}
	deepPath := "m"
	m := deep
	for range 149 {
		next := map[string]any{}
		m["m"] = next
		m = next
		deepPath += ".m"
	}
	m["back"] = m
	detour := map[string]any{}
	inner := detour
	detourPath := "d"
	for range 200 {
		next := map[string]any{}
		inner["d"] = next
		inner = next
		detourPath += ".d"
	}
	inner["x"] = map[string]any{"top": detour}
	tests := []struct {
		name     string
		in       any
		wantPath string
		wantMsg  string
	}{
		{"nil", nil, "", "nil is not a table"},
		{"top-level integer", 42, "", "int is not a table"},
		{"top-level nil pointer", (*struct{})(nil), "", "nil *struct {} is not a table"},
		{"nil *Value", (*toml.Value)(nil), "", "nil *Value"},
		{"nil *Document", (*toml.Document)(nil), "", "nil *Document"},
		{"zero Document", toml.Document{}, "", "a Document with no root"},
		{"top-level array Value", mustParse(t, "v = [1]").Table().Get("v"), "", "a array value is not a table"},
		{"top-level Array", mustParse(t, "v = [1]").Table().Get("v").Array(), "", "a array value is not a table"},
		{"top-level zero Array", toml.Array{}, "", "a invalid value is not a table"},
		{"top-level zero Value", toml.Value{}, "", "a invalid value is not a table"},
		{"zero Document inside a table", map[string]any{"d": &toml.Document{}}, "d", "a Document with no root"},
		{"nil inside an array", map[string]any{"a": []any{1, nil}}, "a[1]", "nil inside an array"},
		{"nil pointer inside an array", map[string]any{"t": map[string]any{"a": []*int{nil}}}, "t.a[0]", "nil inside an array"},
		{"map with integer keys", map[string]any{"m": map[int]string{1: "a"}}, "m", "map key type int is neither a string type nor an encoding.TextMarshaler"},
		{"nil interface map key", map[string]any{"m": map[encoding.TextMarshaler]int{nil: 1}}, "m", "nil map key of type encoding.TextMarshaler"},
		{"nil pointer map key", map[string]any{"m": map[*celsius]int{nil: 1}}, "m", "nil map key of type *toml_test.celsius"},
		{"map keys with the same text", map[string]any{"m": map[parity]int{1: 1, 3: 2}}, "m", `two map keys have the text "odd"`},
		{"map key whose MarshalText fails", map[string]any{"m": map[failingText]int{{}: 1}}, "m", "MarshalText of map key {} failed: no text"},
		{"channel", map[string]any{"c": make(chan int)}, "c", "TOML has no value for a chan int"},
		{"function", struct{ F func() }{func() {}}, "F", "TOML has no value for a func()"},
		{"complex", map[string]any{"z": []any{1i}}, "z[0]", "TOML has no value for a complex128"},
		{"uint64 too large", map[string]uint64{"u": math.MaxUint64}, "u", "integer 18446744073709551615 is larger than TOML's largest"},
		{"invalid UTF-8", map[string]any{"k": map[string]string{"s": "\xff"}}, "k.s", "not valid UTF-8"},
		{"invalid UTF-8 in a map key", map[string]any{"k": map[string]int{"\xff": 1}}, "k", `map key "\xff" is not valid UTF-8`},
		{"invalid UTF-8 in a field's tag", struct {
			F int `toml:"\xff"`
		}{}, "", `field F has a key, "\xff", that is not valid UTF-8`},
		{"cyclic pointers", map[string]any{"list": cyclic}, "list.Next.Next", "contains itself"},
		{"cyclic map", selfMap, "me", "contains itself"},
		{"cyclic slice", map[string]any{"s": selfSlice}, "s[0]", "contains itself"},
		{"deep cycle", map[string]any{"m": deep}, deepPath + ".back", "contains itself"},
		{"cycle back from deep down", map[string]any{"d": detour}, detourPath + ".x.top", "map[string]interface {} contains itself"},
		{"pointer to itself in a map", map[string]any{"p": selfPointer}, "p", "more than 1000 pointers and interfaces in a row"},
		{"pointer to itself in a struct", struct{ P any }{selfPointer}, "P", "more than 1000 pointers"},
		{"pointer to itself in an array", map[string]any{"a": []any{1, selfPointer}}, "a[1]", "more than 1000 pointers"},
		{"pointer to itself at the top", selfPointer, "", "more than 1000 pointers"},
		{"year too large", map[string]any{"t": time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}, "t", "year 10000"},
		{"zero local date", struct{ D toml.LocalDate }{}, "D", "invalid date"},
		{"bad local time", map[string]any{"t": toml.LocalTime{Hour: 24}}, "t", "invalid time"},
		{"broken Marshaler", map[string]any{"b": brokenMarshaler{}}, "b", "not one TOML value"},
		{"failing MarshalText", map[string]any{"quoted key": failingText{}}, `"quoted key"`, "no text"},
		{"zero Value", map[string]any{"v": toml.Value{}}, "v", "no kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := toml.Marshal(tt.in)
			if err == nil {
				t.Fatalf("Marshal gave no error; output:\n%s", out)
			}
			var ee *toml.EncodeError
			if !errors.As(err, &ee) {
				t.Fatalf("error %T is not an *EncodeError: %v", err, err)
			}
			if ee.Path != tt.wantPath {
				t.Errorf("Path = %q, want %q (%v)", ee.Path, tt.wantPath, err)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not contain %q", err, tt.wantMsg)
			}
		})
	}
}

// TestEncoderWritesNothingOnError checks that a failed Encode leaves the
// writer untouched, rather than half a document.
func TestEncoderWritesNothingOnError(t *testing.T) {
	var buf bytes.Buffer
	err := toml.NewEncoder(&buf).Encode(map[string]any{"a": 1, "b": make(chan int)})
	if err == nil {
		t.Fatal("Encode gave no error")
	}
	if buf.Len() != 0 {
		t.Errorf("Encode wrote %q before failing", buf.String())
	}
}

// TestMarshalDepthLimit checks that Go values nest as deeply as a parser
// reads back, and that deeper ones give an error, not a document that
// cannot be read.
func TestMarshalDepthLimit(t *testing.T) {
	nested := func(levels int) map[string]any {
		root := map[string]any{}
		m := root
		for range levels - 1 {
			next := map[string]any{}
			m["a"] = next
			m = next
		}
		m["a"] = []any{} // the last level is an array
		return root
	}
	out, err := toml.Marshal(nested(toml.MaxDepth))
	if err != nil {
		t.Fatalf("Marshal at the depth limit: %v", err)
	}
	if _, err := toml.Parse(out); err != nil {
		t.Fatalf("output at the depth limit does not parse: %v", err)
	}
	_, err = toml.Marshal(nested(toml.MaxDepth + 1))
	var ee *toml.EncodeError
	if !errors.As(err, &ee) || !strings.Contains(ee.Message, "nest deeper than") {
		t.Fatalf("Marshal beyond the limit: error = %v, want an *EncodeError about nesting", err)
	}
}
