package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

// TestCheckFormats pins each output format on testdata/tree: valid and
// invalid files in nested directories, and a file not named *.toml that
// a directory walk must skip.
func TestCheckFormats(t *testing.T) {
	for _, format := range []string{"text", "github", "json"} {
		t.Run(format, func(t *testing.T) {
			got := runCLI(t, "", "check", "--format", format, filepath.Join("testdata", "tree"))
			checkGolden(t, "check-tree."+format, got.transcript())
		})
	}
}

func TestCheckExitCodes(t *testing.T) {
	tree := filepath.Join("testdata", "tree")
	valid := filepath.Join(tree, "a-valid.toml")
	invalid := filepath.Join(tree, "sub", "duplicate.toml")
	missing := filepath.Join(tree, "missing.toml")
	tests := []struct {
		name        string
		stdin       string
		args        []string
		wantCode    int
		wantSummary string
		wantStderr  string // a substring besides the summary
	}{
		{"one valid file", "", []string{valid}, exitOK, "checked 1 file: 0 invalid", ""},
		{"valid and invalid", "", []string{valid, invalid}, exitFailure, "checked 2 files: 1 invalid", ""},
		{"missing file", "", []string{missing}, exitUsage, "checked 0 files: 0 invalid, 1 unreadable",
			"toml check: cannot read testdata/tree/missing.toml: no such file or directory"},
		{"missing file does not stop the others", "", []string{invalid, missing, valid}, exitUsage,
			"checked 2 files: 1 invalid, 1 unreadable", "missing.toml"},
		{"file also inside a named directory is checked once", "", []string{valid, tree}, exitFailure, "checked 5 files: 3 invalid", ""},
		{"file named twice is checked once", "", []string{valid, "./" + valid}, exitOK, "checked 1 file: 0 invalid", ""},
		{"explicit file need not end in .toml", "", []string{filepath.Join(tree, "ignored.txt")}, exitFailure, "checked 1 file: 1 invalid", ""},
		{"valid stdin", "a = 1\n", []string{"-"}, exitOK, "checked 1 file: 0 invalid", ""},
		{"invalid stdin", "a = \n", []string{"-"}, exitFailure, "checked 1 file: 1 invalid", ""},
		{"empty stdin is an empty document", "", []string{"-"}, exitOK, "checked 1 file: 0 invalid", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runCLI(t, tt.stdin, append([]string{"check"}, tt.args...)...)
			if got.code != tt.wantCode {
				t.Errorf("exit %d, want %d", got.code, tt.wantCode)
			}
			lines := strings.Split(strings.TrimSuffix(got.stderr, "\n"), "\n")
			if summary := lines[len(lines)-1]; summary != tt.wantSummary {
				t.Errorf("summary %q, want %q", summary, tt.wantSummary)
			}
			if !strings.Contains(got.stderr, tt.wantStderr) {
				t.Errorf("stderr %q does not contain %q", got.stderr, tt.wantStderr)
			}
		})
	}
}

func TestCheckStdinIsNamed(t *testing.T) {
	got := runCLI(t, "a = 1\nb = [\n", "check", "--format", "json", "-")
	want := []map[string]any{{"file": "<stdin>", "line": float64(3), "column": float64(1), "severity": "error", "message": problemMessage(t, "a = 1\nb = [\n")}}
	var problems []map[string]any
	if err := json.Unmarshal([]byte(got.stdout), &problems); err != nil {
		t.Fatalf("%v in %q", err, got.stdout)
	}
	if diff := cmp.Diff(want, problems); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// problemMessage is what check reports as the message for src.
func problemMessage(t *testing.T, src string) string {
	t.Helper()
	r := checkData("x", []byte(src), nil, toml.V1_0, nil)
	if len(r.problems) == 0 {
		t.Fatalf("%q parses", src)
	}
	return r.problems[0].Message
}

// TestCheckSkipsGit builds a tree with a .git directory (which cannot be
// committed under testdata) and checks that the walk does not enter it.
func TestCheckSkipsGit(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"good.toml":         "a = 1\n",
		".git/config.toml":  "this is = not toml\n",
		"sub/.git/x.toml":   "nor = = this\n",
		"sub/.gitlab.toml":  "b = 2\n",
		".hidden/next.toml": "c = 3\n",
	})
	got := runCLI(t, "", "check", dir)
	if got.code != exitOK || got.stdout != "" {
		t.Errorf("exit %d, stdout:\n%s", got.code, got.stdout)
	}
	if want := "checked 3 files: 0 invalid\n"; got.stderr != want {
		t.Errorf("stderr %q, want %q", got.stderr, want)
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCheckManyFilesInOrder checks 300 files, every third one invalid at
// a line that depends on its number, on the worker pool: each problem is
// reported, at its own line, in the order of the arguments.
func TestCheckManyFilesInOrder(t *testing.T) {
	dir := t.TempDir()
	files := make(map[string]string)
	var args, want []string
	for i := range 300 {
		name := fmt.Sprintf("f%03d.toml", 299-i) // argument order is not name order
		content := fmt.Sprintf("n = %d\n", i)
		if i%3 == 0 {
			content += strings.Repeat("# padding\n", i%7) + "broken = \n"
			want = append(want, fmt.Sprintf("%s:%d:10:", filepath.Join(dir, name), 2+i%7))
		}
		files[name] = content
		args = append(args, filepath.Join(dir, name))
	}
	writeFiles(t, dir, files)
	got := runCLI(t, "", append([]string{"check", "--format", "github"}, args...)...)
	if got.code != exitFailure {
		t.Errorf("exit %d, want %d", got.code, exitFailure)
	}
	var positions []string
	for _, line := range strings.Split(strings.TrimSuffix(got.stdout, "\n"), "\n") {
		m := regexp.MustCompile(`^::error file=(.*),line=(\d+),col=(\d+)::`).FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("not an annotation: %q", line)
		}
		positions = append(positions, fmt.Sprintf("%s:%s:%s:", m[1], m[2], m[3]))
	}
	if diff := cmp.Diff(want, positions); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if want := "checked 300 files: 100 invalid\n"; got.stderr != want {
		t.Errorf("stderr %q, want %q", got.stderr, want)
	}
}

// TestCheckCorpus checks the real-world corpus: exactly the files of
// _rejected/ are reported, each first at the line _rejected/NOTES.md
// gives for tomllib's error. Schemas are left out (--no-schema): the
// corpus files are not under their real names, and two of mise's name a
// #:schema file that was not copied; check_schema_test.go validates the
// corpus against schemas.
func TestCheckCorpus(t *testing.T) {
	needCorpus(t)
	wantLines := rejectedLines(t)
	got := runCLI(t, "", "check", "--no-schema", "--format", "json", corpusDir)
	if got.code != exitFailure {
		t.Errorf("exit %d, want %d; stderr:\n%s", got.code, exitFailure, got.stderr)
	}
	var problems []problem
	if err := json.Unmarshal([]byte(got.stdout), &problems); err != nil {
		t.Fatal(err)
	}
	gotLines := make(map[string]int)
	for _, p := range problems {
		rel, err := filepath.Rel(corpusDir, p.File)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := gotLines[filepath.ToSlash(rel)]; !ok {
			gotLines[filepath.ToSlash(rel)] = p.Line
		}
	}
	if diff := cmp.Diff(wantLines, gotLines); diff != "" {
		t.Errorf("reported files and lines (-want +got):\n%s", diff)
	}
	files, err := filepath.Glob(filepath.Join(corpusDir, "*", "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("checked %d files: %d invalid\n", len(files), len(wantLines))
	if got.stderr != want {
		t.Errorf("stderr %q, want %q", got.stderr, want)
	}
}

// rejectedLines reads _rejected/NOTES.md: for each file, the line of
// tomllib's error ("... (at line 9, column 7)").
func rejectedLines(t *testing.T) map[string]int {
	t.Helper()
	notes, err := os.ReadFile(filepath.Join(corpusDir, "_rejected", "NOTES.md"))
	if err != nil {
		t.Fatal(err)
	}
	lines := make(map[string]int)
	var file string
	for _, l := range strings.Split(string(notes), "\n") {
		if m := regexp.MustCompile("^## `(.+)`$").FindStringSubmatch(l); m != nil {
			file = "_rejected/" + m[1]
		}
		if m := regexp.MustCompile(`^- tomllib error: .*\(at line (\d+), column \d+\)`).FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			lines[file] = n
		}
	}
	if len(lines) == 0 {
		t.Fatal("no tomllib errors found in NOTES.md")
	}
	names := make([]string, 0, len(lines))
	for name := range lines {
		names = append(names, name)
	}
	sort.Strings(names)
	t.Logf("rejected files: %s", strings.Join(names, ", "))
	return lines
}

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("x", 100) + "!" + strings.Repeat("y", 100)
	tests := []struct {
		name      string
		src       string
		offset    int
		wantLine  string
		wantCaret string
	}{
		{"first column", "a = 1\nb = \n", 6, "b = ", "^"},
		{"end of line", "a = 1\nb = \n", 10, "b = ", "    ^"},
		{"end of input without newline", "a = ", 4, "a = ", "    ^"},
		{"after the last newline", "a = 1\n", 6, "", "^"},
		{"tabs are kept", "\t\tkey = x\n", 8, "\t\tkey = x", "\t\t      ^"},
		{"multibyte characters count once", "s = \"é☕\" x\n", 12, "s = \"é☕\" x", "         ^"},
		{"carriage return of CRLF is dropped", "a = 1\r\nb = 2 3\r\n", 13, "b = 2 3", "      ^"},
		{"bare carriage return is shown", "a = 1\n\rb = 2\n", 6, "␍b = 2", "^"},
		{"carriage return at the end of input is shown", "a = 1\r", 5, "a = 1␍", "     ^"},
		{"control characters become visible", "a = \"\x01\x7f\" x\n", 9, "a = \"␁␡\" x", "         ^"},
		{"invalid UTF-8 is one character per byte", "a = \xff\xfe x", 7, "a = \ufffd\ufffd x", "       ^"},
		{"long line is cut around the column", long, 100, "..." + long[40:160] + "...", strings.Repeat(" ", 63) + "^"},
		{"offset past the end is clamped", "a", 5, "a", " ^"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, caret, ok := excerpt([]byte(tt.src), tt.offset)
			if !ok {
				t.Fatal("no excerpt")
			}
			if diff := cmp.Diff(tt.wantLine+"\n"+tt.wantCaret, line+"\n"+caret); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if _, _, ok := excerpt(nil, 0); ok {
		t.Error("excerpt of empty input: ok, want none")
	}
}

func TestGitHubEscaping(t *testing.T) {
	var b strings.Builder
	p := &problem{File: "dir,x/a:b%.toml", Line: 3, Column: 4, Severity: severityError, Message: "50% of\nit, here: x"}
	if err := writeProblemsGitHub(&b, []*problem{p}, false); err != nil {
		t.Fatal(err)
	}
	want := "::error file=dir%2Cx/a%3Ab%25.toml,line=3,col=4::50%25 of%0Ait, here: x\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestProblemSeverities pins how each format marks a warning apart from
// an error.
func TestProblemSeverities(t *testing.T) {
	src := []byte("a = 1\nb = 2\n")
	problems := []*problem{
		{File: "f.toml", Line: 1, Column: 5, Severity: severityError, Message: "bad", source: src, offset: 4},
		{File: "f.toml", Line: 2, Column: 1, Severity: severityWarning, Message: "odd", source: src, offset: 6},
	}
	want := map[string]string{
		"text":   "f.toml:1:5: bad\n    a = 1\n        ^\nf.toml:2:1: warning: odd\n    b = 2\n    ^\n",
		"github": "::error file=f.toml,line=1,col=5::bad\n::warning file=f.toml,line=2,col=1::odd\n",
		"json": `[
  {
    "file": "f.toml",
    "line": 1,
    "column": 5,
    "severity": "error",
    "message": "bad"
  },
  {
    "file": "f.toml",
    "line": 2,
    "column": 1,
    "severity": "warning",
    "message": "odd"
  }
]
`,
	}
	for format, write := range problemWriters {
		var b strings.Builder
		if err := write(&b, problems, false); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want[format], b.String()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", format, diff)
		}
	}
	if r := (checkResult{problems: problems[1:]}); r.invalid() {
		t.Error("a file with only a warning is invalid")
	}
	if r := (checkResult{problems: problems}); !r.invalid() {
		t.Error("a file with an error is valid")
	}
}

// checkJSON runs toml check --format json with args on stdin, checks its
// exit status, and returns the problems it printed with the run.
func checkJSON(t *testing.T, stdin string, wantCode int, args ...string) ([]problem, result) {
	t.Helper()
	got := runCLI(t, stdin, append([]string{"check", "--format", "json"}, args...)...)
	if got.code != wantCode {
		t.Errorf("exit %d, want %d; stderr:\n%s", got.code, wantCode, got.stderr)
	}
	var problems []problem
	if err := json.Unmarshal([]byte(got.stdout), &problems); err != nil {
		t.Fatalf("%v in %q", err, got.stdout)
	}
	return problems, got
}
