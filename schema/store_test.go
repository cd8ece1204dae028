package schema

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/seed02375186/toml"
)

func TestForFile(t *testing.T) {
	tests := []struct {
		path string
		want string // the schema's name; "" for none
	}{
		{"pyproject.toml", "pyproject.json"},
		{"some/dir/pyproject.toml", "pyproject.json"},
		{`C:\work\Cargo.toml`, "cargo.json"},
		{"Cargo.toml", "cargo.json"},
		{"cargo.toml", ""}, // Cargo reads only Cargo.toml
		{"ruff.toml", "ruff.json"},
		{".ruff.toml", "ruff.json"},
		{"uv.toml", "uv.json"},
		{"rustfmt.toml", "rustfmt.json"},
		{".rustfmt.toml", "rustfmt.json"},
		{"rust-toolchain.toml", "rust-toolchain.json"},
		{"taplo.toml", "taplo.json"},
		{".taplo.toml", "taplo.json"},
		{"tombi.toml", "tombi.json"},
		{"home/.config/tombi/config.toml", "tombi.json"},
		{"tombi/config.toml", "tombi.json"},
		{"config.toml", ""},
		{"pdm.toml", "pdm.json"},
		{"hatch.toml", "hatch.json"},
		{"Makefile.toml", "cargo-make.json"},
		{"pylock.toml", "pylock.json"},
		{"pylock.dev.toml", "pylock.json"},
		{"pylock.toml.bak", ""},
		{"cibuildwheel.toml", "cibuildwheel.json"},
		{"maturin.toml", "maturin.json"},
		{"ty.toml", "ty.json"},
		{"quikrun.toml", "quikrun.json"},
		{"mypyproject.toml", ""},
		{"pyproject.toml/other.toml", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got := ""
			if s := ForFile(tt.path); s != nil {
				got = s.Name()
			}
			if got != tt.want {
				t.Errorf("ForFile(%q) = %q, want %q", tt.path, got, tt.want)
			}
		})
	}
}

// TestCatalogResolves checks that every catalog entry names an embedded
// file, and that every embedded file's $id finds that file again, so
// that a $ref by $id never leaves the embedded set.
func TestCatalogResolves(t *testing.T) {
	for _, e := range catalog() {
		if _, ok := embeddedName(e.URL); !ok {
			t.Errorf("catalog entry %q: %s is not embedded", e.Name, e.URL)
		}
	}
	files, err := store.ReadDir(strings.TrimSuffix(storeDir, "/"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		doc, err := loadDoc(storeURL(f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		id, _ := doc.(map[string]any)["$id"].(string)
		if name, ok := embeddedName(id); !ok || name != f.Name() {
			t.Errorf("%s: $id %q finds %q", f.Name(), id, name)
		}
	}
}

// TestOffline checks that a schema never leads to the network: a URL
// that is not embedded is an *OfflineError naming it, whether a user
// names it or a schema refers to it.
func TestOffline(t *testing.T) {
	if _, err := Open("https://example.com/schema.json", "."); !isOffline(err, "https://example.com/schema.json") {
		t.Errorf("Open: %v, want an *OfflineError", err)
	}
	dir := t.TempDir()
	writeSchema(t, dir, "s.json", `{"properties": {"a": {"$ref": "https://example.com/defs.json#/a"}}}`)
	s, err := Open("s.json", dir)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := toml.ParseString("a = 1\n")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Validate(doc); !isOffline(err, "https://example.com/defs.json") {
		t.Errorf("Validate: %v, want an *OfflineError naming https://example.com/defs.json", err)
	}
	// A document that does not reach the reference does not need it.
	doc, err = toml.ParseString("b = 1\n")
	if err != nil {
		t.Fatal(err)
	}
	if vs, err := s.Validate(doc); err != nil || len(vs) > 0 {
		t.Errorf("Validate of a document without a: %v, %v", vs, err)
	}
}

func isOffline(err error, url string) bool {
	var offline *OfflineError
	return errors.As(err, &offline) && offline.URL == url && strings.Contains(err.Error(), url)
}

func writeSchema(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOpen checks the ways a user names a schema: a path relative to a
// directory, an absolute path, a file:// URL, a SchemaStore URL (the
// embedded copy), and that a local schema's relative references are
// local files while its SchemaStore references are the embedded ones.
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	writeSchema(t, dir, "main.json", `{"$schema": "http://json-schema.org/draft-07/schema#",
		"properties": {"local": {"$ref": "defs.json#/definitions/n"},
			"py": {"$ref": "https://json.schemastore.org/pyproject.json#/definitions/BuildSystem"}}}`)
	writeSchema(t, dir, "defs.json", `{"definitions": {"n": {"type": "integer"}}}`)
	src := "local = \"x\"\npy = {requires = 1}\n"
	want := []string{
		"1:9: local: expected an integer, found string \"x\"",
		"2:18: py.requires: expected an array, found integer 1",
	}
	abs := filepath.Join(dir, "main.json")
	for _, ref := range []string{"main.json", abs, "file://" + filepath.ToSlash(abs)} {
		t.Run(ref, func(t *testing.T) {
			s, err := Open(ref, dir)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, validateString(t, s, src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	for _, ref := range []string{
		"https://json.schemastore.org/pyproject.json",
		"https://www.schemastore.org/pyproject.json",
		"https://raw.githubusercontent.com/SchemaStore/schemastore/master/src/schemas/json/pyproject.json",
	} {
		s, err := Open(ref, dir)
		if err != nil || s.Name() != "pyproject.json" {
			t.Errorf("Open(%q) = %v, %v; want the embedded pyproject.json", ref, s, err)
		}
	}
	if _, err := Open("missing.json", dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open of a missing file: %v, want os.ErrNotExist", err)
	}
	writeSchema(t, dir, "bad.json", `{"type": `)
	if _, err := Open("bad.json", dir); err == nil || !strings.Contains(err.Error(), "bad.json") {
		t.Errorf("Open of malformed JSON: %v, want an error naming the file", err)
	}
}
