package main

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGet(t *testing.T) {
	kinds := filepath.Join("testdata", "kinds.toml")
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{"string is raw", []string{kinds, "string"}, exitOK, "tab\there \"quoted\" <html> & é\n", ""},
		{"multi-line string is raw", []string{kinds, "multiline"}, exitOK, "two\nlines\n", ""},
		{"integer", []string{kinds, "integer"}, exitOK, "255\n", ""},
		{"bool", []string{kinds, "bool"}, exitOK, "true\n", ""},
		{"quoted key", []string{kinds, `"quoted.key"`}, exitOK, "dot inside\n", ""},
		{"literal quoted key", []string{kinds, `'quoted.key'`}, exitOK, "dot inside\n", ""},
		{"escaped quoted key", []string{kinds, `"quoted\u002ekey"`}, exitOK, "dot inside\n", ""},
		{"empty key", []string{kinds, `""`}, exitOK, "empty key\n", ""},
		{"dotted key", []string{kinds, "table.a.dotted"}, exitOK, "1\n", ""},
		{"spaces around dots", []string{kinds, "table . a . dotted"}, exitOK, "1\n", ""},
		{"quoted key in a path", []string{kinds, `target."cfg(windows)".dependencies.winapi`}, exitOK, "0.3\n", ""},
		{"index", []string{kinds, "package[1].name"}, exitOK, "second\n", ""},
		{"negative index", []string{kinds, "package[-1].deps[0]"}, exitOK, "first\n", ""},
		{"nested index", []string{kinds, "mixed[2][0]", "--json"}, exitOK, "3.0\n", ""},
		{"json of a table", []string{"--json", kinds, "package[0]"}, exitOK, "{\n  \"name\": \"first\",\n  \"version\": \"1.0.0\"\n}\n", ""},
		{"json of a string", []string{"--json", kinds, "literal"}, exitOK, "\"C:\\\\path\"\n", ""},
		{"json of a date-time", []string{"--json", kinds, "utc"}, exitOK, "\"1979-05-27T07:32:00Z\"\n", ""},
		{"from stdin", []string{"-", "a.b"}, exitOK, "c\n", ""},
		{"float in TOML form", []string{kinds, "float"}, exitOK, "1000.5\n", ""},
		{"negative zero", []string{kinds, "negative-zero"}, exitOK, "-0.0\n", ""},
		{"nan", []string{kinds, "nan"}, exitOK, "nan\n", ""},
		{"offset date-time", []string{kinds, "offset"}, exitOK, "1979-05-27T07:32:00.999999-07:00\n", ""},
		{"date-time with a space is normalised", []string{kinds, "utc"}, exitOK, "1979-05-27T07:32:00Z\n", ""},
		{"local time", []string{kinds, "local-time"}, exitOK, "00:32:00.5\n", ""},
		{"array inline", []string{kinds, "mixed"}, exitOK, "[1, \"two\", [3.0], {four = 4}]\n", ""},
		{"empty array", []string{kinds, "empty-array"}, exitOK, "[]\n", ""},
		{"array of tables as [[headers]]", []string{kinds, "package"}, exitOK,
			"[[package]]\nname = \"first\"\nversion = \"1.0.0\"\n\n[[package]]\nname = \"second\"\ndeps = [\"first\"]\n", ""},
		{"inline array of tables stays inline", []string{"-", "deps"}, exitOK, "[{a = 1}, {b = 2}]\n", ""},
		{"array of tables reached by an index stays inline", []string{"-", "nested[0]"}, exitOK, "[{c = 3}]\n", ""},
		{"table as a document", []string{kinds, "table"}, exitOK, "b = 2\na.dotted = 1\n", ""},
		{"table of tables as a document", []string{kinds, "target"}, exitOK, "[\"cfg(windows)\".dependencies]\nwinapi = \"0.3\"\n", ""},
		{"element of an array of tables", []string{kinds, "package[0]"}, exitOK, "name = \"first\"\nversion = \"1.0.0\"\n", ""},

		{"missing key", []string{kinds, "nope"}, exitFailure, "",
			"toml get: testdata/kinds.toml: key nope not found: the document has no key nope\n"},
		{"missing nested key", []string{kinds, "table.a.nope"}, exitFailure, "",
			"toml get: testdata/kinds.toml: key table.a.nope not found: table.a has no key nope\n"},
		{"key into a scalar", []string{kinds, "integer.x"}, exitFailure, "",
			"toml get: testdata/kinds.toml: key integer.x not found: integer is an integer, not a table\n"},
		{"key into an array of tables", []string{kinds, "package.name"}, exitFailure, "",
			"toml get: testdata/kinds.toml: key package.name not found: package is an array of 2 tables, not a table (pick an element: package[0].name)\n"},
		{"index out of range", []string{kinds, "package[2]"}, exitFailure, "",
			"toml get: testdata/kinds.toml: key package[2] not found: index 2 is out of range, package has 2 elements\n"},
		{"index into a table", []string{kinds, "table[0]"}, exitFailure, "",
			"toml get: testdata/kinds.toml: key table[0] not found: table is a table, not an array\n"},
		{"missing key from stdin", []string{"-", "x"}, exitFailure, "",
			"toml get: <stdin>: key x not found: the document has no key x\n"},
		{"bad path", []string{kinds, "a..b"}, exitUsage, "",
			"toml get: bad key path \"a..b\": unexpected '.' at character 3 (want a key)\nusage: toml get [--json] [--toml 1.1] FILE KEY\nRun 'toml help get' for details.\n"},
		{"missing file", []string{"testdata/missing.toml", "a"}, exitUsage, "",
			"toml get: cannot read testdata/missing.toml: no such file or directory\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runCLI(t, "a.b = 'c'\ndeps = [{a = 1}, {b = 2}]\nnested = [[{c = 3}]]\n", append([]string{"get"}, tt.args...)...)
			want := result{tt.wantCode, tt.wantStdout, tt.wantStderr}
			if diff := cmp.Diff(want.transcript(), got.transcript()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestGetCorpus reads values from the corpus's pyproject.toml and
// Cargo.lock files, the files people query most.
func TestGetCorpus(t *testing.T) {
	needCorpus(t)
	pyproject := filepath.Join(corpusDir, "pyproject", "astral-sh__ruff__pyproject.toml")
	lock := filepath.Join(corpusDir, "cargo-lock", "BurntSushi__ripgrep__Cargo.lock.toml")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"project name", []string{pyproject, "project.name"}, "ruff\n"},
		{"required python", []string{pyproject, "project.requires-python"}, ">=3.7\n"},
		{"lock version", []string{lock, "version"}, "4\n"},
		{"first package", []string{lock, "package[0].name"}, "aho-corasick\n"},
		{"last package as JSON", []string{"--json", lock, "package[-1].name"}, "\"zmij\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runCLI(t, "", append([]string{"get"}, tt.args...)...)
			if diff := cmp.Diff(result{exitOK, tt.want, ""}.transcript(), got.transcript()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
