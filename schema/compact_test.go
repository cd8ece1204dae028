package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

var update = flag.Bool("update", false, "rewrite schemastore/compact from schemastore/schemas/json")

// compact is what the embedded copy of a schema file holds: the file
// without its annotations, minified, with its keys in sorted order.
func compact(data []byte) ([]byte, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(stripAnnotations(doc)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// TestCompactSchemas checks that schemastore/compact, which is embedded,
// is what compaction makes of SchemaStore's files in schemas/json, one
// for one; go test ./schema -run CompactSchemas -update rewrites it after
// the snapshot changes.
func TestCompactSchemas(t *testing.T) {
	sources, err := filepath.Glob(filepath.Join("schemastore", "schemas", "json", "*.json"))
	if err != nil || len(sources) == 0 {
		t.Fatalf("no schemas: %v", err)
	}
	compactDir := filepath.Join("schemastore", "compact")
	if *update {
		if err := os.RemoveAll(compactDir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(compactDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var wantNames []string
	for _, src := range sources {
		name := filepath.Base(src)
		wantNames = append(wantNames, name)
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		want, err := compact(data)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		dst := filepath.Join(compactDir, name)
		if *update {
			if err := os.WriteFile(dst, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(dst)
		if err != nil {
			t.Errorf("%v (run go test ./schema -run CompactSchemas -update)", err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not the compaction of %s (run go test ./schema -run CompactSchemas -update)", dst, src)
		}
	}
	got, err := filepath.Glob(filepath.Join(compactDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		got[i] = filepath.Base(got[i])
	}
	if diff := cmp.Diff(wantNames, got); diff != "" {
		t.Errorf("compact/ holds other files than schemas/json (-want +got):\n%s", diff)
	}
}

// TestStripAnnotationsKeepsData checks that only annotations of schema
// objects go: a property named "description" and data inside enum,
// const and default stay.
func TestStripAnnotationsKeepsData(t *testing.T) {
	src := `{"description": "d", "x-taplo": {}, "title": "t",
		"properties": {"description": {"type": "string", "description": "gone"}},
		"enum": [{"description": "kept"}], "const": {"title": "kept"},
		"anyOf": [{"markdownDescription": "gone", "minimum": 1}],
		"definitions": {"a": {"examples": [1], "type": "integer"}}}`
	got, err := compact([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"anyOf":[{"minimum":1}],"const":{"title":"kept"},"definitions":{"a":{"type":"integer"}},"enum":[{"description":"kept"}],"properties":{"description":{"type":"string"}}}`
	if diff := cmp.Diff(want, strings.TrimSpace(string(got))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
