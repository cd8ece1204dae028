package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seed02375186/toml"
)

// examplesDir holds the real-world files that the README's first command
// checks in a fresh clone.
const examplesDir = "../../examples"

func TestExamplesCheck(t *testing.T) {
	got := runCLI(t, "", "check", examplesDir)
	if got.code != exitOK || got.stdout != "" || got.stderr != "checked 3 files: 0 invalid\n" {
		t.Errorf("check %s, as the README's first command runs it:\n%s", examplesDir, got.transcript())
	}

	broken := filepath.Join(examplesDir, "invalid", "Cargo.toml.broken")
	got = runCLI(t, "", "check", broken)
	want := broken + `:9:7: expected a value, found "invalid-value"`
	if got.code != exitFailure || !strings.HasPrefix(got.stdout, want) {
		t.Errorf("check %s: want exit %d and a problem starting %q, got:\n%s", broken, exitFailure, want, got.transcript())
	}
}

// TestExamplesListed keeps examples/README.md complete: it must name every
// file in examples/ with its source, and every licence it links must exist.
func TestExamplesListed(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(examplesDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	err = filepath.WalkDir(examplesDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(examplesDir, path)
		files = append(files, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f == "README.md" {
			continue
		}
		mention := "`" + f + "`"
		if strings.HasPrefix(f, "LICENSES/") {
			mention = "(" + f + ")"
		}
		if !strings.Contains(string(readme), mention) {
			t.Errorf("examples/README.md does not name %s as %s", f, mention)
		}
	}
	for _, f := range []string{"python/pyproject.toml", "rust/Cargo.toml", "ruff/ruff.toml", "invalid/Cargo.toml.broken"} {
		if !slices.Contains(files, f) {
			t.Errorf("examples/%s is missing", f)
		}
	}
}

// TestExamplesValidForTheirTools checks the fields the real tools require,
// so that a replacement example stays usable by them, not only valid TOML.
func TestExamplesValidForTheirTools(t *testing.T) {
	t.Run("pyproject.toml", func(t *testing.T) {
		var p struct {
			BuildSystem struct {
				Requires []string `toml:"requires"`
			} `toml:"build-system"`
			Project struct {
				Name    string   `toml:"name"`
				Version string   `toml:"version"`
				Dynamic []string `toml:"dynamic"`
			} `toml:"project"`
		}
		decodeExample(t, "python/pyproject.toml", &p)
		if len(p.BuildSystem.Requires) == 0 {
			t.Error("[build-system] has no requires")
		}
		if p.Project.Name == "" {
			t.Error("[project] has no name")
		}
		if p.Project.Version == "" && !slices.Contains(p.Project.Dynamic, "version") {
			t.Error("[project] has neither a version nor version in dynamic (PEP 621 needs one)")
		}
	})
	t.Run("Cargo.toml", func(t *testing.T) {
		var c struct {
			Package struct {
				Name    string `toml:"name"`
				Version string `toml:"version"`
				Edition string `toml:"edition"`
			} `toml:"package"`
		}
		decodeExample(t, "rust/Cargo.toml", &c)
		if c.Package.Name == "" || c.Package.Version == "" || c.Package.Edition == "" {
			t.Errorf("[package] needs a name, a version and an edition of its own (no workspace to inherit from): %+v", c.Package)
		}
	})
}

func decodeExample(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(examplesDir, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := toml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}
