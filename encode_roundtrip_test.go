package toml_test

import (
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	tomltest "github.com/toml-lang/toml-test/v2"

	"github.com/seed02375186/toml"
	"github.com/seed02375186/toml/internal/tagged"
)

// treeNode is a document tree in a form cmp.Diff compares and prints: keys
// in order, scalars as text that tells apart exactly the values TOML tells
// apart (every NaN is "nan", -0 keeps its sign, date-times keep their
// offset and nanoseconds), and each table's origin.
type treeNode struct {
	Kind  string
	Text  string     `json:",omitempty"`
	Form  string     `json:",omitempty"` // table origin, or "tables" for an array of tables
	Keys  []string   `json:",omitempty"`
	Elems []treeNode `json:",omitempty"` // a table's values in key order, an array's elements
}

func nodeOf(v toml.Value) treeNode {
	n := treeNode{Kind: v.Kind().String()}
	switch v.Kind() {
	case toml.KindTable:
		n.Form = v.Table().Origin().String()
		for _, e := range v.Table().Entries() {
			n.Keys = append(n.Keys, e.Key.Name)
			n.Elems = append(n.Elems, nodeOf(e.Value))
		}
	case toml.KindArray:
		if v.Array().OfTables() {
			n.Form = "tables"
		}
		for _, e := range v.Array().Elems() {
			n.Elems = append(n.Elems, nodeOf(e))
		}
	case toml.KindFloat:
		n.Text = tagged.ScalarText(v) // "nan" for every NaN, "-0" for -0
	default:
		n.Text = tagged.ScalarText(v)
	}
	return n
}

// validCases returns the TOML 1.0.0 valid cases of toml-test, by path.
func validCases(t *testing.T) map[string][]byte { return validCasesFor(t) }

func validCasesFor(t testing.TB) map[string][]byte {
	t.Helper()
	cases := toml100Cases(t, "valid/")
	if len(cases) != 205 {
		t.Fatalf("found %d valid cases, want 205", len(cases))
	}
	return cases
}

// toml100Cases returns the TOML 1.0.0 cases of toml-test whose path starts
// with prefix ("valid/" or "invalid/"), by path.
func toml100Cases(t testing.TB, prefix string) map[string][]byte {
	t.Helper()
	r := tomltest.NewRunner(tomltest.Runner{Version: "1.0.0"})
	list, err := r.List()
	if err != nil {
		t.Fatal(err)
	}
	files := tomltest.TestCases()
	cases := make(map[string][]byte)
	for _, p := range list {
		if !strings.HasPrefix(p, prefix) {
			continue
		}
		data, err := fs.ReadFile(files, p+".toml")
		if err != nil {
			t.Fatal(err)
		}
		cases[p] = data
	}
	return cases
}

// roundTripInputs returns every valid toml-test case and every accepted
// corpus file (when the corpus is there), by name.
func roundTripInputs(t *testing.T) map[string][]byte {
	inputs := validCases(t)
	if _, err := os.Stat(corpusDir); err != nil {
		t.Logf("no real-world corpus at %s: testing toml-test's cases only", corpusDir)
		return inputs
	}
	for _, rel := range corpusFiles(t, false) {
		data, err := os.ReadFile(filepath.Join(corpusDir, rel))
		if err != nil {
			t.Fatal(err)
		}
		inputs["corpus/"+rel] = data
	}
	return inputs
}

// TestRoundTripDocument checks that parse → Marshal → parse gives back the
// same tree: kinds, values, key order and every table's origin; both for
// the Document, whose scalars keep their source spelling, and for its root
// Value and Table, whose scalars are written in normal form. A second round must
// change neither text (the output is a fixed point).
func TestRoundTripDocument(t *testing.T) {
	for name, data := range roundTripInputs(t) {
		t.Run(name, func(t *testing.T) {
			doc, err := toml.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			for _, in := range []struct {
				what string
				v    any
				next func(*toml.Document) any
			}{
				{"Document", doc, func(d *toml.Document) any { return d }},
				{"root Value", doc.Root(), func(d *toml.Document) any { return d.Root() }},
				{"root Table", doc.Table(), func(d *toml.Document) any { return d.Table() }},
			} {
				out, err := toml.Marshal(in.v)
				if err != nil {
					t.Fatalf("%s: %v", in.what, err)
				}
				again, err := toml.Parse(out)
				if err != nil {
					t.Fatalf("%s: output does not parse: %v\noutput:\n%s", in.what, err, out)
				}
				if diff := treeDiff(nodeOf(doc.Root()), nodeOf(again.Root())); diff != "" {
					t.Fatalf("%s: tree changed (-want +got):\n%s\noutput:\n%s", in.what, diff, out)
				}
				second, err := toml.Marshal(in.next(again))
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(string(out), string(second)); diff != "" {
					t.Errorf("%s: second round changed the output (-first +second):\n%s", in.what, diff)
				}
			}
		})
	}
}

// TestRoundTripValueString checks that the root's inline form, the text of
// (*Value).String, reads back as the same values in the same order.
// Origins become inline, which is what String promises.
func TestRoundTripValueString(t *testing.T) {
	for name, data := range roundTripInputs(t) {
		t.Run(name, func(t *testing.T) {
			doc, err := toml.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			text := "v = " + doc.Root().String()
			again, err := toml.Parse([]byte(text))
			if err != nil {
				t.Fatalf("String output does not parse: %v\n%s", err, text)
			}
			want, got := formless(nodeOf(doc.Root())), formless(nodeOf(again.Table().Get("v")))
			if diff := treeDiff(want, got); diff != "" {
				t.Fatalf("values changed (-want +got):\n%s", diff)
			}
		})
	}
}

// treeDiff is cmp.Diff, which takes seconds on the largest corpus files,
// called only when the trees differ.
func treeDiff(want, got treeNode) string {
	if reflect.DeepEqual(want, got) {
		return ""
	}
	return cmp.Diff(want, got)
}

// goValueDiff compares decoded Go values, NaN equal to NaN and -0 apart
// from +0, calling the slow cmp.Diff only when they differ.
func goValueDiff(want, got any) string {
	if sameGoValue(want, got) {
		return ""
	}
	return cmp.Diff(want, got, cmp.Comparer(sameFloat))
}

func sameGoValue(a, b any) bool {
	switch a := a.(type) {
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, v := range a {
			if w, ok := b[k]; !ok || !sameGoValue(v, w) {
				return false
			}
		}
		return true
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !sameGoValue(a[i], b[i]) {
				return false
			}
		}
		return true
	case float64:
		b, ok := b.(float64)
		return ok && sameFloat(a, b)
	case time.Time:
		b, ok := b.(time.Time)
		_, ao := a.Zone()
		_, bo := b.Zone()
		return ok && a.Equal(b) && ao == bo
	}
	return a == b
}

// formless drops table origins and the array-of-tables mark.
func formless(n treeNode) treeNode {
	n.Form = ""
	for i := range n.Elems {
		n.Elems[i] = formless(n.Elems[i])
	}
	return n
}

// TestRoundTripGoValues checks the encoder of Go values on the same inputs:
// Unmarshal into a map, Marshal it, Unmarshal again; the maps must match,
// NaN equal to NaN.
func TestRoundTripGoValues(t *testing.T) {
	for name, data := range roundTripInputs(t) {
		t.Run(name, func(t *testing.T) {
			var want map[string]any
			if err := toml.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			out, err := toml.Marshal(want)
			if err != nil {
				t.Fatal(err)
			}
			var got map[string]any
			if err := toml.Unmarshal(out, &got); err != nil {
				t.Fatalf("output does not decode: %v\noutput:\n%s", err, out)
			}
			if diff := goValueDiff(want, got); diff != "" {
				t.Fatalf("values changed (-want +got):\n%s\noutput:\n%s", diff, out)
			}
		})
	}
}

// sameFloat tells -0 from +0 and holds every NaN equal.
func sameFloat(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return a == b && math.Signbit(a) == math.Signbit(b)
}
