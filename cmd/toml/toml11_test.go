package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

// toml11File holds every construct of TOML 1.1 that TOML 1.0 does not
// allow, some more than once.
var toml11File = filepath.Join("testdata", "toml11.toml")

// TestCheckTOML11Formats pins, in each format, the report of check in
// its default TOML 1.0 mode on a file valid in TOML 1.1 only: one
// problem per construct, at its line and column, in source order.
func TestCheckTOML11Formats(t *testing.T) {
	for _, format := range []string{"text", "github", "json"} {
		t.Run(format, func(t *testing.T) {
			got := runCLI(t, "", "check", "--format", format, toml11File)
			checkGolden(t, "check-toml11."+format, got.transcript())
		})
	}
}

func TestCheckTOML11(t *testing.T) {
	src, err := os.ReadFile(toml11File)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		stdin        string
		args         []string
		wantCode     int
		wantProblems int
		wantFirst    string // the first problem's message, if any
	}{
		{"TOML 1.1 file as 1.0", "", []string{toml11File}, exitFailure, 14, libraryError(t, src)},
		{"TOML 1.1 file as 1.1", "", []string{"--toml", "1.1", toml11File}, exitOK, 0, ""},
		{"TOML 1.1 file as 1.0.0", "", []string{"--toml", "1.0.0", toml11File}, exitFailure, 14, libraryError(t, src)},
		{"not TOML 1.1 either: one problem, 1.1's error", "a = {\n b = 1,,\n}\n", []string{"-"}, exitFailure, 1,
			`expected a key (bare, "quoted" or 'literal'), found ','`},
		{"not TOML 1.1, checked as 1.1", "a = {\n b = 1,,\n}\n", []string{"--toml", "1.1", "-"}, exitFailure, 1,
			`expected a key (bare, "quoted" or 'literal'), found ','`},
		{"TOML 1.0 file as 1.1", "a = 1\n", []string{"--toml", "1.1", "-"}, exitOK, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems, got := checkJSON(t, tt.stdin, tt.wantCode, tt.args...)
			if len(problems) != tt.wantProblems {
				t.Fatalf("%d problems, want %d:\n%s", len(problems), tt.wantProblems, got.stdout)
			}
			if len(problems) > 0 && problems[0].Message != tt.wantFirst {
				t.Errorf("first problem %q, want %q", problems[0].Message, tt.wantFirst)
			}
			for _, p := range problems {
				if p.Severity != severityError {
					t.Errorf("%d:%d: severity %q, want %q", p.Line, p.Column, p.Severity, severityError)
				}
			}
		})
	}
}

// libraryError returns the message of the library's error for src read as
// TOML 1.0: check's first problem must say the same.
func libraryError(t *testing.T, src []byte) string {
	t.Helper()
	_, err := toml.Parse(src)
	var pe *toml.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("Parse: %v, want a *toml.ParseError", err)
	}
	return pe.Message
}

// TestCheckRuffTOML11 checks the real TOML 1.1 file of the corpus: uv's
// ruff.toml, a multi-line inline table with a trailing comma. TOML 1.1
// reads it; check in TOML 1.0 mode reports each construct at its line.
func TestCheckRuffTOML11(t *testing.T) {
	needCorpus(t)
	ruff := filepath.Join(corpusDir, "_rejected", "astral-sh__uv__ruff.toml")
	data, err := os.ReadFile(ruff)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := toml.V1_1.Parse(data)
	if err != nil {
		t.Fatalf("V1_1.Parse: %v", err)
	}
	if got := doc.Table().Get("per-file-target-version").Table().Get("scripts/create-python-mirror.py").Str(); got != "py38" {
		t.Errorf("per-file-target-version: %q, want py38", got)
	}
	if got := runCLI(t, "", "check", "--toml", "1.1", ruff); got.code != exitOK {
		t.Errorf("check --toml 1.1: exit %d:\n%s", got.code, got.transcript())
	}

	got := runCLI(t, "", "check", "--format", "json", ruff)
	if got.code != exitFailure {
		t.Errorf("check: exit %d, want %d", got.code, exitFailure)
	}
	var problems []problem
	if err := json.Unmarshal([]byte(got.stdout), &problems); err != nil {
		t.Fatal(err)
	}
	type at struct {
		Line, Column int
		Message      string
	}
	want := []at{
		{2, 28, "newline in an inline table" + newerHint},
		{3, 45, "newline in an inline table" + newerHint},
		{4, 45, "trailing comma in an inline table" + newerHint},
		{4, 46, "newline in an inline table" + newerHint},
	}
	var gotAt []at
	for _, p := range problems {
		gotAt = append(gotAt, at{p.Line, p.Column, p.Message})
	}
	if diff := cmp.Diff(want, gotAt); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestTOML11Commands runs each command that reads TOML on a TOML 1.1
// document, with and without --toml 1.1.
func TestTOML11Commands(t *testing.T) {
	const src = "a = {\n  b = \"\\e\\x41\",\n  t = 07:30,\n}\n"
	const firstError = "<stdin>:1:6: newline in an inline table" + newerHint
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string // a substring
	}{
		{"json", []string{"json", "--compact", "--toml", "1.1"}, exitOK, `{"a":{"b":"\u001bA","t":"07:30:00"}}` + "\n", ""},
		{"json as 1.0", []string{"json", "--compact"}, exitFailure, "", firstError},
		{"get", []string{"get", "--toml", "1.1", "-", "a.t"}, exitOK, "07:30:00\n", ""},
		{"get a table", []string{"get", "--toml", "1.1", "-", "a"}, exitOK, "b = \"\\u001BA\"\nt = 07:30:00\n", ""},
		{"get as 1.0", []string{"get", "-", "a.t"}, exitFailure, "", firstError},
		{"decode", []string{"decode", "--toml", "1.1"}, exitOK,
			`{"a":{"b":{"type":"string","value":"\u001bA"},"t":{"type":"time-local","value":"07:30:00"}}}` + "\n", ""},
		{"decode as 1.0", []string{"decode"}, exitFailure, "", "toml: line 1, column 6: newline in an inline table" + newerHint},
		{"bad version", []string{"decode", "--toml", "2"}, exitUsage, "", `invalid value "2" for flag -toml: want 1.0 or 1.1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runCLI(t, src, tt.args...)
			if got.code != tt.wantCode || got.stdout != tt.wantStdout || !strings.Contains(got.stderr, tt.wantStderr) {
				t.Errorf("got:\n%s\nwant exit %d, stdout %q, stderr holding %q", got.transcript(), tt.wantCode, tt.wantStdout, tt.wantStderr)
			}
		})
	}
}

// TestEncodeWritesTOML10 checks that toml encode writes what TOML 1.0
// reads, for values that TOML 1.1 could write shorter: an escape
// character and a time whose seconds are zero.
func TestEncodeWritesTOML10(t *testing.T) {
	in := `{"s": {"type": "string", "value": "\u001b[0m \u00e9"}, "t": {"type": "time-local", "value": "07:30:00"},` +
		` "d": {"type": "datetime", "value": "1979-05-27T07:32:00Z"}, "i": {"x": {"type": "integer", "value": "1"}}}`
	got := runCLI(t, in, "encode")
	want := "d = 1979-05-27T07:32:00Z\ns = \"\\u001B[0m é\"\nt = 07:30:00\n\n[i]\nx = 1\n"
	if got.code != exitOK || got.stdout != want {
		t.Errorf("got:\n%s\nwant stdout %q", got.transcript(), want)
	}
	if _, err := toml.Parse([]byte(got.stdout)); err != nil {
		t.Errorf("TOML 1.0 rejects what encode wrote: %v", err)
	}
}
