package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestFmtModes pins what each mode prints on testdata/fmt: a messy file,
// a formatted one, one with CRLF line endings, and an invalid one.
func TestFmtModes(t *testing.T) {
	dir := filepath.Join("testdata", "fmt")
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"fmt-print", []string{"fmt", filepath.Join(dir, "messy.toml"), filepath.Join(dir, "crlf.toml")}},
		{"fmt-list", []string{"fmt", "-l", dir}},
		{"fmt-check", []string{"fmt", "--check", dir}},
		{"fmt-diff", []string{"fmt", "--diff", dir}},
		{"fmt-check-formatted", []string{"fmt", "--check", filepath.Join(dir, "tidy.toml")}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			checkGolden(t, tt.golden, runCLI(t, "", tt.args...).transcript())
		})
	}
}

func TestFmtStdin(t *testing.T) {
	for _, args := range [][]string{{"fmt"}, {"fmt", "-"}} {
		got := runCLI(t, "a=1\n[ t ]\nb=[1,2]\n", args...)
		if want := "a = 1\n\n[t]\nb = [1, 2]\n"; got.code != exitOK || got.stdout != want {
			t.Errorf("%q: exit %d, stdout %q, want %q", args, got.code, got.stdout, want)
		}
	}
	got := runCLI(t, "a = \n", "fmt")
	if got.code != exitFailure || got.stdout != "" || !strings.HasPrefix(got.stderr, "<stdin>:1:5: expected a value") {
		t.Errorf("invalid stdin: exit %d, stdout %q, stderr %q", got.code, got.stdout, got.stderr)
	}
	if got := runCLI(t, "a = 1\n", "fmt", "-w", "-"); got.code != exitUsage {
		t.Errorf("-w on standard input: exit %d, want %d", got.code, exitUsage)
	}
}

// TestFmtWrite checks -w: files that change are rewritten with their mode
// kept, formatted and invalid files are not written at all (their
// modification time stays), and the exit status reports the invalid one.
func TestFmtWrite(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join("testdata", "fmt"), dir)
	if err := os.Chmod(filepath.Join(dir, "messy.toml"), 0o600); err != nil {
		t.Fatal(err)
	}
	past := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	setTimes(t, dir, past)

	got := runCLI(t, "", "fmt", "-w", dir)
	if got.code != exitFailure || got.stdout != "" || !strings.Contains(got.stderr, "broken.toml:2:3:") {
		t.Fatalf("exit %d, stdout %q, stderr %q", got.code, got.stdout, got.stderr)
	}
	for name, wantChanged := range map[string]bool{"messy.toml": true, "crlf.toml": true, "tidy.toml": false, "broken.toml": false} {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if changed := !info.ModTime().Equal(past); changed != wantChanged {
			t.Errorf("%s: written %v, want %v", name, changed, wantChanged)
		}
	}
	if info, _ := os.Stat(filepath.Join(dir, "messy.toml")); info.Mode().Perm() != 0o600 {
		t.Errorf("messy.toml has mode %v after -w, want 0600", info.Mode().Perm())
	}
	formatted := runCLI(t, "", "fmt", filepath.Join("testdata", "fmt", "messy.toml")).stdout
	if data, _ := os.ReadFile(filepath.Join(dir, "messy.toml")); string(data) != formatted {
		t.Errorf("messy.toml after -w:\n%s\nwant what fmt prints:\n%s", data, formatted)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "crlf.toml")); !bytes.Contains(data, []byte("\r\n")) || bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\n")) {
		t.Errorf("crlf.toml lost its CRLF line endings: %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 4 {
		t.Errorf("the directory holds %d files after -w, want 4 (no temporary file left)", len(entries))
	}
}

// TestFmtCorpus formats a copy of the real-world corpus with -w, then
// checks that --check finds nothing to do and that a second -w writes no
// file, as a CI job running both would.
func TestFmtCorpus(t *testing.T) {
	needCorpus(t)
	dir := t.TempDir()
	copyTree(t, corpusDir, dir)
	if err := os.RemoveAll(filepath.Join(dir, "_rejected")); err != nil {
		t.Fatal(err)
	}
	if got := runCLI(t, "", "fmt", "-w", dir); got.code != exitOK {
		t.Fatalf("fmt -w: exit %d, stderr %q", got.code, got.stderr)
	}
	got := runCLI(t, "", "fmt", "--check", dir)
	if got.code != exitOK || got.stdout != "" || !strings.HasSuffix(got.stderr, ": 0 not formatted, 0 invalid\n") {
		t.Fatalf("fmt --check after fmt -w: exit %d, stdout %q, stderr %q", got.code, got.stdout, got.stderr)
	}
	past := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	setTimes(t, dir, past)
	if got := runCLI(t, "", "fmt", "-w", dir); got.code != exitOK {
		t.Fatalf("second fmt -w: exit %d, stderr %q", got.code, got.stderr)
	}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, _ := d.Info(); !info.ModTime().Equal(past) {
				t.Errorf("second fmt -w wrote %s", path)
			}
		}
		return err
	})
}

func TestFmtDiffIsStable(t *testing.T) {
	dir := filepath.Join("testdata", "fmt")
	first := runCLI(t, "", "fmt", "--diff", dir)
	for range 3 {
		if again := runCLI(t, "", "fmt", "--diff", dir); again != first {
			t.Fatalf("--diff differs between runs:\n%s\n%s", first.stdout, again.stdout)
		}
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func setTimes(t *testing.T, dir string, when time.Time) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(path, when, when)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestUnifiedDiff applies the diff of random texts to the old text and
// checks that it gives the new one, with every hunk's counts right.
func TestUnifiedDiff(t *testing.T) {
	words := []string{"a\n", "b\n", "c\n", "d\n", "a\n", "e\n"}
	seed := uint32(1)
	next := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>16) % n
	}
	text := func() []byte {
		var b bytes.Buffer
		for range next(30) {
			b.WriteString(words[next(len(words))])
		}
		if next(4) == 0 {
			b.WriteString("tail without newline")
		}
		return b.Bytes()
	}
	for range 2000 {
		old, new := text(), text()
		d := unifiedDiff("old", "new", old, new)
		if bytes.Equal(old, new) {
			if d != nil {
				t.Fatalf("diff of equal texts: %q", d)
			}
			continue
		}
		got, err := applyUnified(old, d)
		if err != nil {
			t.Fatalf("%v\nold %q\nnew %q\ndiff:\n%s", err, old, new, d)
		}
		if diff := cmp.Diff(string(new), string(got)); diff != "" {
			t.Fatalf("applying the diff gives another text (-want +got):\n%s\ndiff:\n%s", diff, d)
		}
	}
}

// TestFmtVersions pins fmt on a TOML 1.1 file: rejected, each construct
// at its place, when read as 1.0; formatted as 1.1 with --toml 1.1;
// rewritten as TOML 1.0 with --toml 1.0.
func TestFmtVersions(t *testing.T) {
	file := filepath.Join("testdata", "fmt11", "ruff.toml")
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"fmt11-default", []string{"fmt", file}},
		{"fmt11-keep", []string{"fmt", "--toml", "1.1", file}},
		{"fmt11-downgrade", []string{"fmt", "--toml", "1.0", file}},
		{"fmt11-set", []string{"set", "--toml", "1.1", "--print", file, `per-file-target-version."scripts/c.py"`, "--string", "py39"}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			got := runCLI(t, "", tt.args...)
			checkGolden(t, tt.golden, got.transcript())
			if tt.golden == "fmt11-downgrade" {
				if got.code != exitOK {
					t.Fatalf("exit %d", got.code)
				}
				if r := runCLI(t, got.stdout, "check", "--no-schema", "-"); r.code != exitOK {
					t.Errorf("the downgraded file is not TOML 1.0: %s", r.stdout)
				}
			}
		})
	}
}
