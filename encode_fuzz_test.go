package toml_test

import (
	"testing"

	"github.com/seed02375186/toml"
)

// FuzzMarshalRoundTrip checks, for any input that parses, that Marshal
// writes a document that parses back to the same tree (kinds, values NaN
// aware, key order and table origins), and that its output is a fixed
// point. The seeds are toml-test's valid cases.
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
		if diff := treeDiff(nodeOf(doc.Root), nodeOf(again.Root)); diff != "" {
			t.Fatalf("tree changed (-want +got):\n%s\ninput:\n%s\noutput:\n%s", diff, data, out)
		}
		second, err := toml.Marshal(again)
		if err != nil {
			t.Fatal(err)
		}
		if string(second) != string(out) {
			t.Fatalf("second round changed the output:\nfirst:\n%s\nsecond:\n%s", out, second)
		}
		inline := "v = " + doc.Root.String()
		if _, err := toml.Parse([]byte(inline)); err != nil {
			t.Fatalf("String output does not parse: %v\ninput:\n%s\noutput:\n%s", err, data, inline)
		}
	})
}
