package toml_test

import (
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

// FuzzMarshalRoundTrip checks, for any input that parses, that Marshal
// writes a document that parses back to the same tree (kinds, values NaN
// aware, key order and table origins), from the Document with its source
// spelling and from its root Value in normal form; that the output is a
// fixed point; and that the values decoded into a map encode and decode back
// the same. The seeds are toml-test's valid cases.
func FuzzMarshalRoundTrip(f *testing.F) {
	for _, data := range validCasesFor(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := toml.Parse(data)
		if err != nil {
			return
		}
		out, err := toml.Marshal(doc)
		if err != nil {
			t.Fatalf("Marshal of a parsed document failed: %v", err)
		}
		again, err := toml.Parse(out)
		if err != nil {
			t.Fatalf("output does not parse: %v\ninput:\n%s\noutput:\n%s", err, data, out)
		}
		if diff := treeDiff(nodeOf(doc.Root()), nodeOf(again.Root())); diff != "" {
			t.Fatalf("tree changed (-want +got):\n%s\ninput:\n%s\noutput:\n%s", diff, data, out)
		}
		second, err := toml.Marshal(again)
		if err != nil {
			t.Fatal(err)
		}
		if string(second) != string(out) {
			t.Fatalf("second round changed the output:\nfirst:\n%s\nsecond:\n%s", out, second)
		}

		// The root Value is written with its scalars in normal form, which
		// must read back the same too.
		normal, err := toml.Marshal(doc.Root())
		if err != nil {
			t.Fatalf("Marshal of the root Value failed: %v", err)
		}
		fromNormal, err := toml.Parse(normal)
		if err != nil {
			t.Fatalf("normal-form output does not parse: %v\ninput:\n%s\noutput:\n%s", err, data, normal)
		}
		if diff := treeDiff(nodeOf(doc.Root()), nodeOf(fromNormal.Root())); diff != "" {
			t.Fatalf("normal form changed the tree (-want +got):\n%s\ninput:\n%s\noutput:\n%s", diff, data, normal)
		}
		inline := "v = " + doc.Root().String()
		if _, err := toml.Parse([]byte(inline)); err != nil {
			t.Fatalf("String output does not parse: %v\ninput:\n%s\noutput:\n%s", err, data, inline)
		}

		// The same values as Go values, through the reflection encoder.
		var want map[string]any
		if err := toml.Unmarshal(data, &want); err != nil {
			t.Fatalf("Unmarshal of a parsed document failed: %v", err)
		}
		fromGo, err := toml.Marshal(want)
		if err != nil {
			t.Fatalf("Marshal of decoded values failed: %v", err)
		}
		var got map[string]any
		if err := toml.Unmarshal(fromGo, &got); err != nil {
			t.Fatalf("output does not decode: %v\ninput:\n%s\noutput:\n%s", err, data, fromGo)
		}
		if diff := goValueDiff(want, got); diff != "" {
			t.Fatalf("Go values changed (-want +got):\n%s\ninput:\n%s\noutput:\n%s", diff, data, fromGo)
		}
	})
}

// FuzzMarshalStrings checks that any UTF-8 key and string, as a basic or a
// multi-line string, in a header or a plain key, reads back unchanged, and
// that other text is refused.
func FuzzMarshalStrings(f *testing.F) {
	for _, s := range []string{"", "a", "a b", "\"\"\"", "\\", "\n", "\r\n", "é\x00\x7f", "''' \"\"", "a\"", "\xff"} {
		f.Add(s, s+"x", false)
		f.Add(s, s, true)
	}
	f.Fuzz(func(t *testing.T, key, value string, multiline bool) {
		type doc struct {
			Plain string            `toml:"plain"`
			Lines string            `toml:"lines,multiline"`
			Table map[string]string `toml:"table"`
		}
		in := doc{Plain: value, Lines: value, Table: map[string]string{key: value}}
		out, err := toml.Marshal(in)
		if !utf8.ValidString(key) || !utf8.ValidString(value) {
			if err == nil {
				t.Fatalf("Marshal wrote invalid UTF-8 without an error:\n%q", out)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		var got doc
		if err := toml.Unmarshal(out, &got); err != nil {
			t.Fatalf("output does not decode: %v\noutput:\n%s", err, out)
		}
		if diff := cmp.Diff(in, got); diff != "" {
			t.Fatalf("values changed (-want +got):\n%s\noutput:\n%s", diff, out)
		}
	})
}
