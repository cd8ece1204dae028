package toml_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/seed02375186/toml"
)

// TestDecodeDeepNesting decodes documents as deep as the parser allows,
// into any and into a recursive type, without exhausting the stack.
func TestDecodeDeepNesting(t *testing.T) {
	depth := toml.MaxDepth - 1
	arrays := "a = " + strings.Repeat("[", depth) + strings.Repeat("]", depth)
	var generic any
	if err := toml.Unmarshal([]byte(arrays), &generic); err != nil {
		t.Fatalf("nested arrays into any: %v", err)
	}
	tables := "a = " + strings.Repeat("{b = ", depth-1) + "1" + strings.Repeat("}", depth-1)
	type node struct {
		B *node
	}
	var root struct{ A node }
	err := toml.Unmarshal([]byte(tables), &root)
	// The innermost value is an integer where a node is wanted: one error,
	// with the whole path.
	var de *toml.DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("nested tables into a recursive struct: got %v, want a DecodeError", err)
	}
	if want := "a" + strings.Repeat(".b", depth-1); de.Key != want {
		t.Errorf("Key has %d parts, want %d", strings.Count(de.Key, ".")+1, depth)
	}
}

// TestDecodeManyUnknownKeys checks that strict mode lists every one of a
// hundred thousand unknown keys, in order, in time linear in their number.
func TestDecodeManyUnknownKeys(t *testing.T) {
	const n = 100_000
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d = %d\n", i, i)
	}
	dec := toml.NewDecoder(strings.NewReader(b.String()))
	dec.DisallowUnknownFields()
	err := dec.Decode(&struct{ K1 string }{})
	var list toml.DecodeErrors
	if !errors.As(err, &list) {
		t.Fatalf("got %T, want DecodeErrors", err)
	}
	// k1 is known (and an integer into a string): n-1 unknown keys and
	// one mismatch.
	if len(list) != n {
		t.Fatalf("%d errors, want %d", len(list), n)
	}
	for i, e := range list {
		if e.Line != i+1 {
			t.Fatalf("error %d is on line %d, want %d", i, e.Line, i+1)
		}
	}
	if got := len(dec.Undecoded()); got != n-1 {
		t.Errorf("Undecoded has %d keys, want %d", got, n-1)
	}
}
