package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEditCommands pins what set, add and del print and do, on a copy of
// testdata/edit/pyproject.toml for the ones that write it.
func TestEditCommands(t *testing.T) {
	file := filepath.Join("testdata", "edit", "pyproject.toml")
	for _, tt := range []struct {
		golden string
		stdin  string
		args   []string
	}{
		{"edit-set-diff", "", []string{"set", "--diff", file, "project.version", "--string", "1.1.0"}},
		{"edit-set-print", "", []string{"set", "--print", file, "tool.black.target-version", `["py312"]`}},
		{"edit-set-new-table", "", []string{"set", "--diff", file, "tool.mypy.strict", "true"}},
		{"edit-add-diff", "", []string{"add", "--diff", file, "project.dependencies", "--string", "click>=8"}},
		{"edit-add-index", "", []string{"add", "--diff", "--index", "0", file, "tool.ruff.lint.select", `"UP"`}},
		{"edit-del-diff", "", []string{"del", "--diff", file, "tool.black"}},
		{"edit-del-element", "", []string{"del", "--diff", file, "project.dependencies[-1]"}},
		{"edit-stdin", "a = 1\n", []string{"set", "-", "b", "2"}},
		{"edit-error-place", "", []string{"set", file, "project.name.first", "1"}},
		{"edit-error-missing", "", []string{"del", file, "tool.isort"}},
		{"edit-error-value", "", []string{"set", file, "project.version", "1.1.0"}},
		{"edit-invalid-file", "a = \n", []string{"set", "-", "a", "1"}},
		{"edit-usage", "", []string{"set", file, "a"}},
		{"edit-unreadable", "", []string{"del", filepath.Join("testdata", "edit", "missing.toml"), "a"}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			checkGolden(t, tt.golden, runCLI(t, tt.stdin, tt.args...).transcript())
		})
	}
}

// TestEditWritesInPlace checks that an edit rewrites the file, keeping
// its mode, and that an edit that changes no byte does not write it.
func TestEditWritesInPlace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pyproject.toml")
	src, err := os.ReadFile(filepath.Join("testdata", "edit", "pyproject.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, src, 0o640); err != nil {
		t.Fatal(err)
	}
	past := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	if err := os.Chtimes(path, past, past); err != nil {
		t.Fatal(err)
	}
	// The same value in the same spelling: nothing to write.
	if got := runCLI(t, "", "set", path, "project.version", `"1.0.0"`); got.code != exitOK || got.stdout != "" || got.stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", got.code, got.stdout, got.stderr)
	}
	if info, _ := os.Stat(path); !info.ModTime().Equal(past) {
		t.Error("an edit that changes nothing wrote the file")
	}
	if got := runCLI(t, "", "set", path, "project.version", "--string", "2.0.0"); got.code != exitOK || got.stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", got.code, got.stdout, got.stderr)
	}
	data, _ := os.ReadFile(path)
	if want := strings.Replace(string(src), `"1.0.0"`, `"2.0.0"`, 1); string(data) != want {
		t.Errorf("file after the edit:\n%s\nwant:\n%s", data, want)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v after the edit, want 0640", info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the directory after the edit, want 1 (no temporary file left)", len(entries))
	}
	// A failed edit leaves the file as it was.
	before, _ := os.ReadFile(path)
	if got := runCLI(t, "", "add", path, "project.name", "1"); got.code != exitFailure {
		t.Fatalf("exit %d, want %d", got.code, exitFailure)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a failed edit changed the file")
	}
}
