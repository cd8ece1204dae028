package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// actAsCLI, when set in the environment, makes the test binary behave as
// the toml command, so tests can hand it to toml test --decoder as an
// external program without building one.
const actAsCLI = "TOML_CLI_TEST_ACT_AS_TOML"

func TestMain(m *testing.M) {
	if os.Getenv(actAsCLI) == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// result is what one in-process run of the command gave.
type result struct {
	code           int
	stdout, stderr string
}

// transcript lays a result out for a golden file.
func (r result) transcript() string {
	return fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", r.code, r.stdout, r.stderr)
}

// runCLI runs the command line in-process with stdin as standard input.
func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	t.Setenv("NO_COLOR", "1")
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return result{code, stdout.String(), stderr.String()}
}

// checkGolden compares got with testdata/golden/name, or rewrites the
// file under -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

// corpusDir is the shared corpus of real-world TOML files, outside the
// repository; tests that need it skip when it is missing.
const corpusDir = "../../../shared/corpus/real"

func needCorpus(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus of real TOML files not found at %s: %v", corpusDir, err)
	}
}

func TestRunUsage(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string // a substring; "" wants no output
		wantStderr string // a substring; "" wants no output
	}{
		{"no arguments", nil, exitUsage, "", "usage: toml COMMAND"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "", `unknown command "frobnicate"`},
		{"help", []string{"help"}, exitOK, "Commands:", ""},
		{"-h", []string{"-h"}, exitOK, "Commands:", ""},
		{"--help", []string{"--help"}, exitOK, "Commands:", ""},
		{"help of a command", []string{"help", "get"}, exitOK, "usage: toml get", ""},
		{"help of an unknown command", []string{"help", "nope"}, exitUsage, "", `unknown command "nope"`},
		{"help with two topics", []string{"help", "get", "json"}, exitUsage, "", "too many arguments"},
		{"unknown flag", []string{"check", "--nope", "x.toml"}, exitUsage, "", "flag provided but not defined: -nope"},
		{"check without paths", []string{"check"}, exitUsage, "", "no files given"},
		{"check with a bad format", []string{"check", "--format", "xml", "a.toml"}, exitUsage, "", `unknown --format "xml"`},
		{"get with one argument", []string{"get", "a.toml"}, exitUsage, "", "want FILE and KEY, got 1 arguments"},
		{"json with two files", []string{"json", "a.toml", "b.toml"}, exitUsage, "", "at most one FILE"},
		{"decode with an argument", []string{"decode", "a.toml"}, exitUsage, "", "no arguments allowed"},
		{"test with an argument", []string{"test", "valid"}, exitUsage, "", `no arguments allowed, got "valid"`},
		{"test with a bad glob", []string{"test", "--run", "[x"}, exitUsage, "", `bad glob "[x"`},
		{"test with an unclosed quote", []string{"test", "--decoder", `my "parser`}, exitUsage, "", "unclosed double quote"},
		{"version with an argument", []string{"version", "x"}, exitUsage, "", "no arguments allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runCLI(t, "", tt.args...)
			if got.code != tt.wantCode {
				t.Errorf("exit %d, want %d\nstderr:\n%s", got.code, tt.wantCode, got.stderr)
			}
			for _, s := range []struct{ stream, got, want string }{
				{"stdout", got.stdout, tt.wantStdout},
				{"stderr", got.stderr, tt.wantStderr},
			} {
				if s.want == "" && s.got != "" || !strings.Contains(s.got, s.want) {
					t.Errorf("%s = %q, want it to contain %q", s.stream, s.got, s.want)
				}
			}
		})
	}
}

// TestHelpOfEveryCommand checks that each command's help, reached both
// ways, is on stdout, names the command and shows examples.
func TestHelpOfEveryCommand(t *testing.T) {
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			viaHelp := runCLI(t, "", "help", c.name)
			viaFlag := runCLI(t, "", c.name, "-h")
			for _, got := range []result{viaHelp, viaFlag} {
				if got.code != exitOK || got.stderr != "" {
					t.Errorf("exit %d, stderr %q; want 0 and nothing", got.code, got.stderr)
				}
				if !strings.HasPrefix(got.stdout, "usage: toml "+c.name) {
					t.Errorf("help does not start with the synopsis:\n%s", got.stdout)
				}
				if !strings.Contains(got.stdout, "Example") {
					t.Errorf("help has no examples:\n%s", got.stdout)
				}
			}
			if diff := cmp.Diff(viaHelp.stdout, viaFlag.stdout); diff != "" {
				t.Errorf("help %s and %s -h differ (-help +flag):\n%s", c.name, c.name, diff)
			}
			if !strings.Contains(runCLI(t, "", "help").stdout, "  "+c.name+" ") {
				t.Errorf("toml help does not list %s", c.name)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	got := runCLI(t, "", "version")
	if got.code != exitOK || !strings.HasPrefix(got.stdout, "toml ") || !strings.Contains(got.stdout, "toml-test v2.2.0") {
		t.Errorf("version: exit %d, stdout %q, stderr %q", got.code, got.stdout, got.stderr)
	}
}

func TestParseFlagsInterspersed(t *testing.T) {
	tests := []struct {
		name           string
		args           []string
		wantPositional []string
		wantFormat     string
	}{
		{"flag first", []string{"--format", "json", "a", "b"}, []string{"a", "b"}, "json"},
		{"flag between", []string{"a", "--format=github", "b"}, []string{"a", "b"}, "github"},
		{"flag last", []string{"a", "b", "-format", "json"}, []string{"a", "b"}, "json"},
		{"stdin dash is positional", []string{"-", "--format", "json"}, []string{"-"}, "json"},
		{"double dash ends flags", []string{"a", "--", "--format", "b"}, []string{"a", "--format", "b"}, "text"},
		{"no flags", []string{"a"}, []string{"a"}, "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &env{stdin: strings.NewReader(""), stdout: new(bytes.Buffer), stderr: new(bytes.Buffer)}
			fs := newFlagSet(checkCommand)
			format := fs.String("format", "text", "")
			got, err := parseFlags(e, checkCommand, fs, tt.args)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.wantPositional, got); diff != "" {
				t.Errorf("positional arguments (-want +got):\n%s", diff)
			}
			if *format != tt.wantFormat {
				t.Errorf("--format = %q, want %q", *format, tt.wantFormat)
			}
		})
	}
}
