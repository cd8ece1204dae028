package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	tomltest "github.com/toml-lang/toml-test/v2"
)

// lastLine returns the summary line that ends toml test's text report.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// TestSuiteInProcess runs the whole suite against the library in-process:
// for TOML 1.0, the 679 decoder cases and the 205 encoder cases; for TOML
// 1.1, 681 and 214.
func TestSuiteInProcess(t *testing.T) {
	tests := []struct {
		args     []string
		wantLine string
	}{
		{nil, "valid: 205 passed, 0 failed; invalid: 474 passed, 0 failed; encoder: 205 passed, 0 failed"},
		{[]string{"--toml", "1.0"}, "valid: 205 passed, 0 failed; invalid: 474 passed, 0 failed; encoder: 205 passed, 0 failed"},
		{[]string{"--toml", "1.1"}, "valid: 214 passed, 0 failed; invalid: 467 passed, 0 failed; encoder: 214 passed, 0 failed"},
	}
	for _, tt := range tests {
		name := strings.Join(tt.args, " ")
		if name == "" {
			name = "default"
		}
		t.Run(name, func(t *testing.T) {
			got := runCLI(t, "", append([]string{"test"}, tt.args...)...)
			if got.code != exitOK || !strings.Contains(got.stdout, tt.wantLine+"\n") {
				t.Errorf("exit %d, want 0, and the line %q; report:\n%s\nstderr:\n%s", got.code, tt.wantLine, got.stdout, got.stderr)
			}
		})
	}
}

// TestSuiteThroughCommands runs the suite through this test binary acting
// as the toml command ("toml decode", "toml encode"), as another parser's
// author would run theirs: the counts must agree with the in-process run.
func TestSuiteThroughCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process per case")
	}
	t.Setenv(actAsCLI, "1")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"decoder", []string{"--decoder", self + " decode"}, "679 passed, 0 failed"},
		{"encoder only", []string{"--encoder", self + " encode"}, "205 passed, 0 failed, 679 skipped"},
		{"both", []string{"--decoder", self + " decode", "--encoder", self + " encode", "--parallel", "4"}, "884 passed, 0 failed"},
		{"TOML 1.1, both", []string{"--toml", "1.1", "--decoder", self + " decode --toml 1.1", "--encoder", self + " encode", "--parallel", "4"}, "895 passed, 0 failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A process per case: allow for a loaded machine.
			args := append([]string{"test", "--timeout", "20s"}, tt.args...)
			got := runCLI(t, "", args...)
			if got.code != exitOK || lastLine(got.stdout) != tt.want {
				t.Errorf("exit %d, want 0, and last line %q; report:\n%s\nstderr:\n%s", got.code, tt.want, got.stdout, got.stderr)
			}
		})
	}
}

func TestSuiteSelection(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantLast string
	}{
		{"run one directory", []string{"--run", "valid/string/*"}, exitOK, "23 passed, 0 failed"},
		{"run two globs", []string{"--run", "valid/string/empty,invalid/string/bad-escape-0[12]"}, exitOK, "3 passed, 0 failed"},
		{"run repeated", []string{"--run", "valid/string/empty", "--run", "encoder/string/empty"}, exitOK, "2 passed, 0 failed"},
		{"skip", []string{"--run", "valid/string/*", "--skip", "valid/string/e*"}, exitOK, "18 passed, 0 failed, 5 skipped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runCLI(t, "", append([]string{"test"}, tt.args...)...)
			if got.code != tt.wantCode || lastLine(got.stdout) != tt.wantLast {
				t.Errorf("exit %d, want %d, and last line %q; report:\n%s", got.code, tt.wantCode, tt.wantLast, got.stdout)
			}
		})
	}
	none := runCLI(t, "", "test", "--run", "no/such/case")
	if none.code != exitUsage || none.stderr != "toml test: no case matches --run no/such/case\n" {
		t.Errorf("no match: %s", none.transcript())
	}
	version := runCLI(t, "", "test", "--toml", "0.4")
	if version.code != exitUsage || !strings.Contains(version.stderr, `invalid value "0.4" for flag -toml: want 1.0 or 1.1`) {
		t.Errorf("bad version: %s", version.transcript())
	}
}

func TestSuiteJSON(t *testing.T) {
	got := runCLI(t, "", "test", "--json", "--run", "valid/bool/*,invalid/bool/*", "-v")
	if got.code != exitOK {
		t.Fatalf("exit %d: %s", got.code, got.stderr)
	}
	var rep struct {
		Suite, TOML    string
		Passed, Failed int
		Tests          []tomltest.Test
		PassedValid    int `json:"passed_valid"`
		PassedInvalid  int `json:"passed_invalid"`
	}
	if err := json.Unmarshal([]byte(got.stdout), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, got.stdout)
	}
	if rep.Suite != "toml-test v2.2.0" || rep.TOML != "1.0.0" || rep.Passed != 16 || rep.Failed != 0 || rep.PassedValid != 1 || rep.PassedInvalid != 15 || len(rep.Tests) != 16 {
		t.Errorf("report: %+v", rep)
	}
}

// TestFailureReport pins how failures are shown, on made-up results: a
// wrong value, a missing error, a decoder error and an encoder mismatch.
func TestFailureReport(t *testing.T) {
	rep := &report{
		Suite:   "toml-test v2.2.0",
		TOML:    "1.0.0",
		Decoder: []string{"my-decoder"},
		Encoder: []string{"my-encoder"},
		Passed:  1, Failed: 4, Skipped: 1,
		PassedValid: 1, FailedValid: 2, FailedInvalid: 1, FailedEncoder: 1,
		Tests: []tomltest.Test{
			{Path: "valid/passes"},
			{Path: "valid/string/simple", Failure: "Values for key \"b\" don't match:\n  Expected: 2\n  Your encoder: 3",
				Input:  "a = 1\nb = 2\n",
				Want:   `{"a": {"type": "integer", "value": "1"}, "b": {"type": "integer", "value": "2"}}`,
				Output: `{"b": {"type": "integer", "value": "3"}, "a": {"type": "integer", "value": "1"}}`},
			{Path: "valid/errors", Failure: "toml: line 1, column 3: oops\n", Input: "a = \x01\n",
				Output: "toml: line 1, column 3: oops\n", OutputFromStderr: true},
			{Path: "invalid/control/bare-null", Failure: "Expected an error, but no error was reported.",
				Input: "a = 1 \x00\n", Output: `{"a": {"type": "integer", "value": "1"}}`},
			{Path: "encoder/table/simple", Failure: "Values for key \"t.x\" don't match",
				Input: `{"t": {"x": {"type": "integer", "value": "1"}}}`,
				Want:  "[t]\nx = 1\n", Output: "t = {x = 2}\n"},
			{Path: "valid/skipped", Skipped: true},
		},
	}
	var b bytes.Buffer
	if err := rep.writeText(&b, false, false); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "test-failures", b.String())
	b.Reset()
	if err := rep.writeText(&b, true, false); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"PASS valid/passes\n", "SKIP valid/skipped\n", "\n1 passed, 4 failed, 1 skipped\n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("verbose report lacks %q:\n%s", want, b.String())
		}
	}
}

func TestDiffLines(t *testing.T) {
	tests := []struct {
		name, want, got string
		diff            []string
	}{
		{"same", "a\nb\n", "a\nb\n", []string{" a", " b"}},
		{"changed line", "a\nb\nc", "a\nx\nc", []string{" a", "-b", "+x", " c"}},
		{"added and removed", "a\nb", "b\nc", []string{"-a", " b", "+c"}},
		{"empty want", "", "x", []string{"-", "+x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.diff, diffLines(tt.want, tt.got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestSplitCommand(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		wantErr string
	}{
		{in: "toml decode", want: []string{"toml", "decode"}},
		{in: "  python3   -m  tomlkit_test \t", want: []string{"python3", "-m", "tomlkit_test"}},
		{in: `python3 "my parser.py" 'a "b"'`, want: []string{"python3", "my parser.py", `a "b"`}},
		{in: `a\ b "c\"d\\e\n" ''`, want: []string{"a b", `c"d\e\n`, ""}},
		{in: `x"y"'z'`, want: []string{"xyz"}},
		{in: "", wantErr: "empty command"},
		{in: `'open`, wantErr: "unclosed single quote"},
		{in: `"open`, wantErr: "unclosed double quote"},
		{in: `end\`, wantErr: "backslash at the end"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := splitCommand(tt.in)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
