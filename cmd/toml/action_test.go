package main

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The GitHub Action at the repository's root. GitHub cannot run here, so
// these tests read action.yml, check its shape against GitHub's metadata
// syntax, and run its shell steps as the runner would.
const actionFile = "../../action.yml"

func TestActionMetadata(t *testing.T) {
	a := readAction(t)
	if a.str("name") == "" || a.str("description") == "" {
		t.Errorf("name and description are required: %q, %q", a.str("name"), a.str("description"))
	}
	wantInputs := map[string]string{"paths": ".", "args": ""}
	inputs := a.mapping("inputs")
	if got := slices.Sorted(maps.Keys(inputs)); !slices.Equal(got, []string{"args", "paths"}) {
		t.Errorf("inputs: got %v, want args and paths", got)
	}
	for name, def := range wantInputs {
		in := inputs.mapping(name)
		if in.str("description") == "" {
			t.Errorf("input %s has no description", name)
		}
		if got := in.str("default"); got != def {
			t.Errorf("input %s: default %q, want %q", name, got, def)
		}
		if got := in.str("required"); got != "false" {
			t.Errorf("input %s: required %q, want false", name, got)
		}
	}
	runs := a.mapping("runs")
	if got := runs.str("using"); got != "composite" {
		t.Errorf("runs.using = %q, want composite", got)
	}
	steps := actionSteps(t, a)
	if len(steps) != 3 {
		t.Fatalf("want 3 steps (set up Go, install, check), got %d", len(steps))
	}
	if got := steps[0].str("uses"); !strings.HasPrefix(got, "actions/setup-go@v") {
		t.Errorf("the first step uses %q, want actions/setup-go", got)
	}
	if got := steps[0].mapping("with").str("go-version-file"); got != "${{ github.action_path }}/go.mod" {
		t.Errorf("setup-go's go-version-file is %q, want the action's own go.mod", got)
	}
	for i, s := range steps {
		if s.str("name") == "" {
			t.Errorf("step %d has no name", i)
		}
		if (s.str("run") == "") == (s.str("uses") == "") {
			t.Errorf("step %q: a step either runs a script or uses an action", s.str("name"))
		}
		if s.str("run") != "" && s.str("shell") != "bash" {
			t.Errorf("step %q: composite run steps must name their shell; want bash, got %q", s.str("name"), s.str("shell"))
		}
		// Inputs pasted into a script would run as shell code.
		if strings.Contains(s.str("run"), "${{") {
			t.Errorf("step %q: its script holds an expression; pass it through env instead", s.str("name"))
		}
		for name := range s.mapping("env") {
			if _, err := evalExpressions(s.mapping("env").str(name), map[string]string{"paths": ".", "args": ""}, "/action"); err != nil {
				t.Errorf("step %q: %v", s.str("name"), err)
			}
		}
	}
}

// TestActionDryRun runs the action's shell steps as the runner would: bash
// -eo pipefail, GITHUB_ACTION_PATH at the repository, RUNNER_TEMP, and the
// directories a step appends to GITHUB_PATH put on the PATH of later steps.
// Only actions/setup-go is left out; the Go running this test stands in.
func TestActionDryRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command with go install")
	}
	for _, tool := range []string{"bash", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found: %v", tool, err)
		}
	}
	actionPath, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	workspace, err := filepath.Abs(examplesDir)
	if err != nil {
		t.Fatal(err)
	}
	steps := actionSteps(t, readAction(t))
	runner := &actionRunner{
		actionPath: actionPath,
		temp:       t.TempDir(),
		githubPath: filepath.Join(t.TempDir(), "github_path"),
	}

	install := runner.run(t, steps[1], workspace, map[string]string{})
	if install.code != 0 || !strings.HasPrefix(install.stdout, "toml ") {
		t.Fatalf("install step: %s", install.transcript())
	}

	broken := "::error file=invalid/Cargo.toml.broken,line=9,col=7::expected a value, found \"invalid-value\""
	tests := []struct {
		name       string
		inputs     map[string]string
		wantCode   int
		wantStdout string // a prefix
	}{
		{"defaults: the workspace, every *.toml below it", map[string]string{}, 0, ""},
		{"paths separated by blanks", map[string]string{"paths": "python rust/Cargo.toml\ninvalid/Cargo.toml.broken"}, 1, broken},
		{"args before the paths", map[string]string{"paths": "invalid/Cargo.toml.broken", "args": "--format json"}, 1, "[\n  {\n    \"file\": \"invalid/Cargo.toml.broken\",\n    \"line\": 9,"},
		{"paths are not globs", map[string]string{"paths": "*/*.toml"}, 2, ""},
		{"a path is not shell code", map[string]string{"paths": "$(echo python)"}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runner.run(t, steps[2], workspace, tt.inputs)
			if got.code != tt.wantCode || !strings.HasPrefix(got.stdout, tt.wantStdout) {
				t.Errorf("want exit %d and stdout starting %q, got:\n%s", tt.wantCode, tt.wantStdout, got.transcript())
			}
		})
	}
}

// actionRunner plays the part of the GitHub Actions runner for run steps.
type actionRunner struct {
	actionPath string // GITHUB_ACTION_PATH
	temp       string // RUNNER_TEMP
	githubPath string // GITHUB_PATH, the file steps append directories to
}

func (r *actionRunner) run(t *testing.T, step yamlMap, dir string, given map[string]string) result {
	t.Helper()
	inputs := map[string]string{"paths": ".", "args": ""}
	for k, v := range given {
		inputs[k] = v
	}
	script := filepath.Join(t.TempDir(), "step.sh")
	if err := os.WriteFile(script, []byte(step.str("run")), 0o644); err != nil {
		t.Fatal(err)
	}
	// The shell GitHub runs for "shell: bash".
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
	cmd.Dir = dir
	path := os.Getenv("PATH")
	if added, err := os.ReadFile(r.githubPath); err == nil {
		for _, d := range strings.Fields(string(added)) {
			path = d + string(os.PathListSeparator) + path
		}
	}
	cmd.Env = append(os.Environ(), "PATH="+path, "GITHUB_ACTION_PATH="+r.actionPath,
		"RUNNER_TEMP="+r.temp, "GITHUB_PATH="+r.githubPath, "NO_COLOR=1")
	env := step.mapping("env")
	for k := range env {
		value, err := evalExpressions(env.str(k), inputs, r.actionPath)
		if err != nil {
			t.Fatal(err)
		}
		cmd.Env = append(cmd.Env, k+"="+value)
	}
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, stdout.String(), stderr.String()}
}

var expression = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// evalExpressions replaces the ${{ }} expressions the action may use: its
// inputs and its own path. Any other expression is an error, so that a new
// one makes this test say what it should stand for.
func evalExpressions(s string, inputs map[string]string, actionPath string) (string, error) {
	var bad error
	out := expression.ReplaceAllStringFunc(s, func(m string) string {
		expr := expression.FindStringSubmatch(m)[1]
		if expr == "github.action_path" {
			return actionPath
		}
		if name, ok := strings.CutPrefix(expr, "inputs."); ok {
			if v, ok := inputs[name]; ok {
				return v
			}
		}
		bad = fmt.Errorf("expression %q is neither an input of the action nor github.action_path", m)
		return m
	})
	return out, bad
}

// yamlMap is a YAML mapping whose scalars are strings.
type yamlMap map[string]any

func (m yamlMap) str(key string) string      { s, _ := m[key].(string); return s }
func (m yamlMap) mapping(key string) yamlMap { return yamlMap(asMap(m[key])) }

func asMap(v any) map[string]any { m, _ := v.(map[string]any); return m }

func readAction(t *testing.T) yamlMap {
	t.Helper()
	src, err := os.ReadFile(actionFile)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parseYAMLSubset(string(src))
	if err != nil {
		t.Fatalf("%s: %v", actionFile, err)
	}
	return yamlMap(asMap(doc))
}

func actionSteps(t *testing.T, a yamlMap) []yamlMap {
	t.Helper()
	list, ok := a.mapping("runs")["steps"].([]any)
	if !ok {
		t.Fatalf("%s: runs.steps is not a list", actionFile)
	}
	var steps []yamlMap
	for _, s := range list {
		steps = append(steps, yamlMap(asMap(s)))
	}
	return steps
}
