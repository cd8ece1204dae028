package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCheckSchemaFormats pins schema validation in each output format on
// testdata/schema: errors in pyproject.toml's [project] and in
// Cargo.toml, a warning in [tool.ruff] and one in ruff.toml, a #:schema
// comment naming a local schema, and a file without a schema.
func TestCheckSchemaFormats(t *testing.T) {
	for _, format := range []string{"text", "github", "json"} {
		t.Run(format, func(t *testing.T) {
			got := runCLI(t, "", "check", "--format", format, filepath.Join("testdata", "schema"))
			checkGolden(t, "check-schema."+format, got.transcript())
		})
	}
}

// TestCheckSchemaSelection checks how a file's schema is picked, and the
// severity and exit status that follow.
func TestCheckSchemaSelection(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"proj/pyproject.toml":      "[project]\nname = 5\nversion = \"1\"\n",
		"proj/other.toml":          "[project]\nname = 5\n",
		"tool/pyproject.toml":      "[project]\nname = \"p\"\nversion = \"1\"\n[tool.black]\nline-length = \"x\"\n",
		"tool/ruff.toml":           "line-length = \"x\"\n",
		"named/relative.toml":      "# comment first\n\n#:schema ../schemas/port.json\nport = \"x\"\n",
		"named/url.toml":           "#:schema https://json.schemastore.org/ruff.json\nline-length = \"x\"\n",
		"named/missing.toml":       "#:schema  nowhere.json\nport = 1\n",
		"named/offline.toml":       "#:schema https://example.com/s.json\nport = 1\n",
		"named/pyproject.toml":     "#:schema ../schemas/port.json\nport = 1\n",
		"named/late.toml":          "port = \"x\"\n#:schema ../schemas/port.json\n",
		"schemas/port.json":        `{"properties": {"port": {"type": "integer"}}}`,
		"schemas/needs-name.json":  `{"required": ["name"]}`,
		"schemas/not-a-schema.txt": "{",
	})
	path := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	tests := []struct {
		name     string
		args     []string
		stdin    string
		want     []string // "file:line:column: severity" of each problem
		wantCode int
	}{
		{"a file's name picks its schema", []string{path("proj/pyproject.toml")},
			"", []string{"proj/pyproject.toml:2:8: error"}, exitFailure},
		{"another name has none", []string{path("proj/other.toml")}, "", nil, exitOK},
		{"a tool's table gives a warning", []string{path("tool/pyproject.toml")},
			"", []string{"tool/pyproject.toml:5:15: warning"}, exitOK},
		{"a tool's file gives a warning", []string{path("tool/ruff.toml")},
			"", []string{"tool/ruff.toml:1:15: warning"}, exitOK},
		{"--strict makes warnings errors", []string{"--strict", path("tool")},
			"", []string{"tool/pyproject.toml:5:15: error", "tool/ruff.toml:1:15: error"}, exitFailure},
		{"#:schema after comments, relative to the file", []string{path("named/relative.toml")},
			"", []string{"named/relative.toml:4:8: error"}, exitFailure},
		{"#:schema names a SchemaStore URL: the user's choice, so an error", []string{path("named/url.toml")},
			"", []string{"named/url.toml:2:15: error"}, exitFailure},
		{"#:schema names a missing file: an error at its path", []string{path("named/missing.toml")},
			"", []string{"named/missing.toml:1:11: error"}, exitFailure},
		{"#:schema names a URL that is not embedded", []string{path("named/offline.toml")},
			"", []string{"named/offline.toml:1:10: error"}, exitFailure},
		{"#:schema wins over the file's name", []string{path("named/pyproject.toml")}, "", nil, exitOK},
		{"#:schema after a key is a comment", []string{path("named/late.toml")}, "", nil, exitOK},
		{"--schema wins over the name and #:schema", []string{"--schema", path("schemas/needs-name.json"), path("proj/pyproject.toml"), path("named/relative.toml")},
			"", []string{"proj/pyproject.toml:1:1: error", "named/relative.toml:1:1: error"}, exitFailure},
		{"--no-schema", []string{"--no-schema", path("proj"), path("named")}, "", nil, exitOK},
		{"standard input has no name", []string{"-"}, "[project]\nname = 5\n", nil, exitOK},
		{"standard input may name a schema", []string{"-"}, "#:schema " + path("schemas/port.json") + "\nport = \"x\"\n",
			[]string{"<stdin>:2:8: error"}, exitFailure},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems, got := checkJSON(t, tt.stdin, tt.wantCode, tt.args...)
			var places []string
			for _, p := range problems {
				file := strings.TrimPrefix(filepath.ToSlash(p.File), filepath.ToSlash(dir)+"/")
				places = append(places, file+":"+itoa(p.Line)+":"+itoa(p.Column)+": "+p.Severity)
			}
			if diff := cmp.Diff(tt.want, places); diff != "" {
				t.Errorf("problems (-want +got):\n%s\n%s", diff, got.stdout)
			}
		})
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestCheckSchemaUsage(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"bad.json": "{", "a.toml": "a = 1\n"})
	tests := []struct {
		name       string
		args       []string
		wantStderr string
	}{
		{"--schema and --no-schema", []string{"--schema", "s.json", "--no-schema", "a.toml"}, "--schema and --no-schema cannot be used together"},
		{"--schema file missing", []string{"--schema", filepath.Join(dir, "nope.json"), "a.toml"}, "nope.json: no such file or directory"},
		{"--schema file malformed", []string{"--schema", filepath.Join(dir, "bad.json"), "a.toml"}, "bad.json"},
		{"--schema URL not embedded", []string{"--schema", "https://example.com/s.json", "a.toml"}, "https://example.com/s.json is not one of the embedded SchemaStore schemas"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runCLI(t, "", append([]string{"check"}, tt.args...)...)
			if got.code != exitUsage || !strings.Contains(got.stderr, tt.wantStderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", got.code, got.stderr, exitUsage, tt.wantStderr)
			}
		})
	}
}

func TestSchemaDirective(t *testing.T) {
	tests := []struct {
		name       string
		src        string
		wantRef    string
		wantOffset int
		wantOK     bool
	}{
		{"first line", "#:schema s.json\na = 1\n", "s.json", 9, true},
		{"after comments and blank lines", "# x\n\n  #:schema  ./s.json  \r\na = 1\n", "./s.json", 17, true},
		{"tab after the directive", "#:schema\ts.json\n", "s.json", 9, true},
		{"without a newline", "#:schema s.json", "s.json", 9, true},
		{"after a key", "a = 1\n#:schema s.json\n", "", 0, false},
		{"after a header", "[t]\n#:schema s.json\n", "", 0, false},
		{"no value", "#:schema \n", "", 0, false},
		{"another comment", "#:schemas s.json\n", "", 0, false},
		{"a spaced comment", "# :schema s.json\n", "", 0, false},
		{"empty file", "", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ref, offset, ok := schemaDirective([]byte(tt.src))
			if ref != tt.wantRef || offset != tt.wantOffset || ok != tt.wantOK {
				t.Errorf("= %q, %d, %v; want %q, %d, %v", ref, offset, ok, tt.wantRef, tt.wantOffset, tt.wantOK)
			}
		})
	}
}

// TestCheckSchemaCorpus checks the corpus's pyproject.toml and Cargo.toml
// files, each under its real name (SOURCES.md gives it) in a directory of
// its own: errors in exactly two files, at the lines the issue names
// (typos-cli's [project] without version or dynamic, airflow's
// license-files written as a table), one problem each; the warnings of
// tools' schemas are pinned in a golden file.
func TestCheckSchemaCorpus(t *testing.T) {
	needCorpus(t)
	dir := t.TempDir()
	sources, err := os.ReadFile(filepath.Join(corpusDir, "SOURCES.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("^\\| `((?:pyproject|cargo)/[^`]+)\\.toml` \\| [^|]+ \\| `([^`]+)` \\|")
	copied := 0
	for line := range strings.SplitSeq(string(sources), "\n") {
		m := row.FindStringSubmatch(line)
		if m == nil || (!strings.HasSuffix(m[2], "pyproject.toml") && !strings.HasSuffix(m[2], "Cargo.toml")) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(corpusDir, m[1]+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, dir, map[string]string{m[1] + "/" + filepath.Base(m[2]): string(data)})
		copied++
	}
	t.Logf("%d files under their real names", copied)

	got := runCLI(t, "", "check", "--format", "json", dir)
	if got.code != exitFailure {
		t.Errorf("exit %d, want %d; stderr:\n%s", got.code, exitFailure, got.stderr)
	}
	var problems []problem
	if err := json.Unmarshal([]byte(got.stdout), &problems); err != nil {
		t.Fatal(err)
	}
	var errs []string
	for _, p := range problems {
		if p.Severity == severityError {
			rel, _ := filepath.Rel(dir, p.File)
			errs = append(errs, filepath.ToSlash(rel)+":"+itoa(p.Line))
		}
	}
	want := []string{
		"pyproject/astral-sh__uv__test_ecosystem_airflow_pyproject/pyproject.toml:41",
		"pyproject/crate-ci__typos__crates_typos-cli_pyproject/pyproject.toml:5",
	}
	if diff := cmp.Diff(want, errs); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}

	text := runCLI(t, "", "check", dir)
	checkGolden(t, "check-schema-corpus.text", strings.ReplaceAll(text.transcript(), dir+string(filepath.Separator), "corpus/"))
}
