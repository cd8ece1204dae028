package bench

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestStructDecodersAgree decodes the Cargo.lock and pyproject documents
// into their structs with every library and compares each result with
// go-toml's, so the struct benchmarks compare equal work and the structs fit
// the real files.
func TestStructDecodersAgree(t *testing.T) {
	for _, tt := range structDocs() {
		t.Run(tt.doc.name, func(t *testing.T) {
			for i, data := range tt.doc.load(t) {
				want := tt.newValue()
				if err := gotomlUnmarshal(data, want); err != nil {
					t.Fatalf("file %d: gotoml: %v", i, err)
				}
				for _, lib := range libraries {
					if lib.unmarshal == nil || lib.name == "gotoml" {
						continue
					}
					got := tt.newValue()
					if err := lib.unmarshal(data, got); err != nil {
						t.Errorf("file %d: %s: %v", i, lib.name, err)
						continue
					}
					if diff := cmp.Diff(want, got, arraysOfTablesAsAny); diff != "" {
						t.Errorf("file %d: %s differs from gotoml (-gotoml +%s):\n%s", i, lib.name, lib.name, diff)
					}
				}
			}
		})
	}
}

// arraysOfTablesAsAny lets an array of tables compare equal whether a
// decoder gives it as []map[string]any (BurntSushi) or []any (go-toml):
// both are faithful, they just pick different Go types for the same array.
// cmp compares an interface's dynamic type before any transformer on the
// slice could run, so the rewrite happens in the map that holds the slice.
var arraysOfTablesAsAny = cmp.Transformer("arraysOfTablesAsAny", func(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if tables, ok := v.([]map[string]any); ok {
			elems := make([]any, len(tables))
			for i, t := range tables {
				elems[i] = t
			}
			v = elems
		}
		out[k] = v
	}
	return out
})

// TestCorpusAcceptedByAll checks that every library decodes every accepted
// corpus file, which the real-all benchmarks need to compare equal work.
func TestCorpusAcceptedByAll(t *testing.T) {
	for _, f := range loadCorpus(t) {
		for _, lib := range libraries {
			if lib.unmarshal == nil {
				continue
			}
			var m map[string]any
			if err := lib.unmarshal(f.data, &m); err != nil {
				t.Errorf("%s: %s: %v", f.path, lib.name, err)
			}
		}
	}
}

// TestEncodersRoundTrip encodes the values the encode benchmarks use with
// every library and decodes each output with go-toml: getting the value
// back shows every encoder did the whole job the benchmark times.
func TestEncodersRoundTrip(t *testing.T) {
	for _, tt := range structDocs() {
		t.Run(tt.doc.name, func(t *testing.T) {
			for i, data := range tt.doc.load(t) {
				want := tt.newValue()
				if err := gotomlUnmarshal(data, want); err != nil {
					t.Fatalf("file %d: gotoml: %v", i, err)
				}
				for _, lib := range libraries {
					if lib.marshal == nil {
						continue
					}
					out, err := lib.marshal(want)
					if err != nil {
						t.Errorf("file %d: %s: %v", i, lib.name, err)
						continue
					}
					got := tt.newValue()
					if err := gotomlUnmarshal(out, got); err != nil {
						t.Errorf("file %d: gotoml cannot read what %s wrote: %v", i, lib.name, err)
						continue
					}
					if diff := cmp.Diff(want, got, arraysOfTablesAsAny, omittedAsEmpty); diff != "" {
						t.Errorf("file %d: %s's output decodes differently (-want +got):\n%s", i, lib.name, diff)
					}
				}
			}
		})
	}
}

// omittedAsEmpty lets a nil slice or map equal an empty one: omitempty
// drops an empty array, which decodes back as nil. Untyped tables are left
// to arraysOfTablesAsAny, as cmp allows one option per value.
var omittedAsEmpty = cmp.FilterPath(func(p cmp.Path) bool {
	return p.Last().Type() != reflect.TypeFor[map[string]any]()
}, cmpopts.EquateEmpty())

// structDoc is a document with the struct type it decodes into.
type structDoc struct {
	doc      benchDoc
	newValue func() any
}

// structDocs are the documents the struct benchmarks use, generated and
// real, for the tests that check every library does the whole job.
func structDocs() []structDoc {
	newCargo := func() any { return new(cargoLock) }
	newPyproject := func() any { return new(pyproject) }
	return []structDoc{
		{generatedDoc(shapeNamed("cargo-lock"), 64*KB), newCargo},
		{generatedDoc(shapeNamed("pyproject"), 64*KB), newPyproject},
		{corpusKindDoc("cargo-lock"), newCargo},
		{corpusKindDoc("pyproject"), newPyproject},
	}
}
