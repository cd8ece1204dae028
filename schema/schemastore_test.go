package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seed02375186/toml"
)

// TestSchemaStoreFixtures classifies SchemaStore's own fixtures for the
// embedded schemas: every file under test/NAME must validate against
// NAME.json, every file under negative_test/NAME must not. The TOML
// fixtures start with "#:schema ../../schemas/json/NAME.json", which
// resolves in this copy of SchemaStore's tree; the JSON ones are the same
// data model, converted to TOML here.
func TestSchemaStoreFixtures(t *testing.T) {
	counts := make(map[string]int)
	for _, dir := range []string{"test", "negative_test"} {
		files, err := filepath.Glob(filepath.Join("schemastore", dir, "*", "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range files {
			name := filepath.Base(filepath.Dir(file))
			t.Run(dir+"/"+name+"/"+filepath.Base(file), func(t *testing.T) {
				s := Embedded(name + ".json")
				if s == nil {
					t.Fatalf("no embedded schema %s.json", name)
				}
				doc := fixtureDocument(t, file)
				vs, err := s.Validate(doc)
				if err != nil {
					t.Fatal(err)
				}
				if dir == "test" && len(vs) > 0 {
					t.Errorf("valid fixture has %d violations, first: %v", len(vs), vs[0])
				}
				if dir == "negative_test" && len(vs) == 0 {
					t.Errorf("invalid fixture validates")
				}
			})
			counts[dir+"/"+name+filepath.Ext(file)]++
		}
	}
	t.Logf("fixtures classified: %v", counts)
	// The counts SchemaStore's snapshot has (its README's table): a
	// fixture that went missing must not pass unnoticed.
	for key, want := range map[string]int{
		"test/pyproject.toml": 65, "negative_test/pyproject.toml": 41,
		"test/cargo.toml": 10, "test/hatch.toml": 12, "negative_test/hatch.toml": 4,
		"test/cibuildwheel.toml": 2, "negative_test/cibuildwheel.toml": 2,
		"test/ruff.toml": 1, "test/taplo.toml": 1, "test/rust-toolchain.toml": 1,
		"test/pdm.json": 1, "negative_test/pdm.json": 7, "test/rustfmt.json": 1,
		"test/cargo-make.json": 1, "test/rust-toolchain.json": 6,
	} {
		if counts[key] != want {
			t.Errorf("%d fixtures %s, want %d", counts[key], key, want)
		}
	}
}

// fixtureDocument parses a fixture: a TOML file whose #:schema line must
// resolve to the schema file in this tree, or a JSON file converted.
func fixtureDocument(t *testing.T, file string) *toml.Document {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Ext(file) == ".json" {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var v map[string]any
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		if data, err = toml.Marshal(fromJSON(v)); err != nil {
			t.Fatal(err)
		}
	} else {
		first, _, _ := strings.Cut(string(data), "\n")
		ref, ok := strings.CutPrefix(first, "#:schema ")
		if !ok {
			t.Fatalf("first line %q is not a #:schema comment", first)
		}
		want := filepath.Join("schemastore", "schemas", "json", filepath.Base(filepath.Dir(file))+".json")
		if got := filepath.Join(filepath.Dir(file), ref); got != want {
			t.Errorf("#:schema %s resolves to %s, want %s", ref, got, want)
		}
	}
	doc, err := toml.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// fromJSON turns json.Numbers into the int64 or float64 TOML writes.
func fromJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = fromJSON(x)
		}
	case []any:
		for i, x := range v {
			v[i] = fromJSON(x)
		}
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return i
		}
		f, _ := v.Float64()
		return f
	}
	return v
}
