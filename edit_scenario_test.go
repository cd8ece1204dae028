package toml_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

// The scenarios of this file are the edits people script on real files:
// each runs on every corpus file it applies to, and pins the lines the
// edit may change. lineChange sums up a change as the lines removed and
// the lines added between the unchanged start and end.

// lineChange is what an edit did to the lines of a text: from line at
// (0-based) on, removed went and added came.
type lineChange struct {
	at             int
	removed, added []string
}

func changeOf(before, after string) lineChange {
	a := strings.SplitAfter(before, "\n")
	b := strings.SplitAfter(after, "\n")
	start := 0
	for start < len(a) && start < len(b) && a[start] == b[start] {
		start++
	}
	ea, eb := len(a), len(b)
	for ea > start && eb > start && a[ea-1] == b[eb-1] {
		ea, eb = ea-1, eb-1
	}
	return lineChange{at: start, removed: a[start:ea], added: b[start:eb]}
}

// corpusOf returns the corpus files of one folder, by name; the test
// skips without the corpus.
func corpusOf(t *testing.T, folder string) map[string][]byte {
	t.Helper()
	files := corpusFiles(t, false)
	docs := make(map[string][]byte)
	for _, rel := range files {
		if filepath.Dir(rel) != folder {
			continue
		}
		data, err := os.ReadFile(filepath.Join(corpusDir, rel))
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(rel)] = data
	}
	if len(docs) == 0 {
		t.Fatalf("no corpus file in %s", folder)
	}
	return docs
}

func mustEdit(t *testing.T, src []byte, edit func(*toml.Editor) error) string {
	t.Helper()
	ed, err := toml.NewEditor(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := edit(ed); err != nil {
		t.Fatal(err)
	}
	return ed.String()
}

// TestScenarioBumpVersion sets project.version in every pyproject that
// has one: exactly that line changes, and only inside its quotes.
func TestScenarioBumpVersion(t *testing.T) {
	bumped := 0
	for name, src := range corpusOf(t, "pyproject") {
		doc, _ := toml.Parse(src)
		old := doc.Table().Get("project").Table().Get("version")
		if old.Kind() != toml.KindString {
			continue
		}
		bumped++
		t.Run(name, func(t *testing.T) {
			after := mustEdit(t, src, func(ed *toml.Editor) error { return ed.Set("project.version", "99.1.0") })
			c := changeOf(string(src), after)
			if len(c.removed) != 1 || len(c.added) != 1 {
				t.Fatalf("lines removed %q, added %q: want one line changed", c.removed, c.added)
			}
			oldText := doc.Text(old.Span())
			want := strings.Replace(c.removed[0], oldText, oldText[:1]+"99.1.0"+oldText[len(oldText)-1:], 1)
			if c.added[0] != want {
				t.Errorf("line %q became %q, want %q", c.removed[0], c.added[0], want)
			}
		})
	}
	if bumped < 9 {
		t.Errorf("bumped %d pyprojects, want the 9 that have a version", bumped)
	}
}

// TestScenarioAddDependency appends a requirement to every
// project.dependencies written one per line with a trailing comma: one
// line comes, indented as the others, with its comma.
func TestScenarioAddDependency(t *testing.T) {
	added := 0
	for name, src := range corpusOf(t, "pyproject") {
		doc, _ := toml.Parse(src)
		deps := doc.Table().Get("project").Table().Get("dependencies")
		text := doc.Text(deps.Span())
		if deps.Kind() != toml.KindArray || deps.Array().Len() < 2 || !strings.Contains(text, "\n") || !strings.HasSuffix(strings.TrimRight(strings.TrimSuffix(text, "]"), " \t\r\n"), ",") {
			continue
		}
		added++
		t.Run(name, func(t *testing.T) {
			after := mustEdit(t, src, func(ed *toml.Editor) error { return ed.Append("project.dependencies", "httpx>=0.27") })
			c := changeOf(string(src), after)
			if len(c.removed) != 0 || len(c.added) != 1 {
				t.Fatalf("lines removed %q, added %q: want one line added", c.removed, c.added)
			}
			lines := strings.SplitAfter(string(src), "\n")
			above := lines[c.at-1]
			indent := above[:len(above)-len(strings.TrimLeft(above, " \t"))]
			quote := `"`
			if strings.TrimSpace(above)[0] == '\'' {
				quote = "'" // the quotes of the strings around
			}
			if want := indent + quote + "httpx>=0.27" + quote + ",\n"; c.added[0] != want {
				t.Errorf("added %q after %q, want %q", c.added[0], above, want)
			}
		})
	}
	if added < 5 {
		t.Errorf("added to %d pyprojects, want at least 5", added)
	}
}

// TestScenarioRuffRule adds a rule to tool.ruff.lint.select wherever it
// is: one line added to an array over several lines, or the one line of
// a short array changed.
func TestScenarioRuffRule(t *testing.T) {
	edited := 0
	for name, src := range corpusOf(t, "pyproject") {
		doc, _ := toml.Parse(src)
		sel := doc.Table().Get("tool").Table().Get("ruff").Table().Get("lint").Table().Get("select")
		if sel.Kind() != toml.KindArray {
			continue
		}
		edited++
		t.Run(name, func(t *testing.T) {
			after := mustEdit(t, src, func(ed *toml.Editor) error { return ed.Append("tool.ruff.lint.select", toml.RawValue(`"UP"`)) })
			c := changeOf(string(src), after)
			multiline := strings.Contains(doc.Text(sel.Span()), "\n")
			switch {
			case multiline && (len(c.added) > 2 || len(c.removed) > 1 || !strings.Contains(c.added[len(c.added)-1], `"UP"`)):
				t.Errorf("lines removed %q, added %q: want one line added (and a comma to the last)", c.removed, c.added)
			case !multiline && (len(c.removed) != 1 || len(c.added) != 1 || !strings.Contains(c.added[0], `, "UP"]`)):
				t.Errorf("lines removed %q, added %q: want the array's line with \"UP\" at its end", c.removed, c.added)
			}
			got, _ := toml.Parse([]byte(after))
			sel2 := got.Table().Get("tool").Table().Get("ruff").Table().Get("lint").Table().Get("select").Array()
			if last := sel2.Index(sel2.Len() - 1); last.Str() != "UP" || sel2.Len() != sel.Array().Len()+1 {
				t.Errorf("select has %d elements ending in %q", sel2.Len(), last.Str())
			}
		})
	}
	if edited < 5 {
		t.Errorf("edited %d pyprojects, want at least 5", edited)
	}
}

// TestScenarioDeleteBlack deletes [tool.black] from every pyproject that
// has it: exactly the lines of its section go (with the comment lines
// right above its header), and one blank line that would double.
func TestScenarioDeleteBlack(t *testing.T) {
	deleted := 0
	for name, src := range corpusOf(t, "pyproject") {
		doc, _ := toml.Parse(src)
		black := doc.Table().Get("tool").Table().Get("black")
		if black.Kind() != toml.KindTable || black.Table().Origin() != toml.HeaderTable {
			continue
		}
		deleted++
		t.Run(name, func(t *testing.T) {
			after := mustEdit(t, src, func(ed *toml.Editor) error { return ed.Delete("tool.black") })
			c := changeOf(string(src), after)
			if len(c.added) != 0 {
				t.Fatalf("lines added %q", c.added)
			}
			// What went: the header (or the comments right above it), then
			// lines up to the next header or its comments, or the end.
			gone := strings.Join(c.removed, "")
			header := doc.Text(black.Span())
			first := strings.TrimSpace(c.removed[0])
			if !strings.HasPrefix(first, header) && !strings.HasPrefix(first, "#") && first != "" {
				t.Errorf("the deletion starts at %q, not at %s or its comments", c.removed[0], header)
			}
			for _, l := range c.removed[1:] {
				if strings.HasPrefix(strings.TrimSpace(l), "[") && !strings.HasPrefix(strings.TrimSpace(l), "[tool.black") && !strings.Contains(gone, "'''") {
					t.Errorf("the deletion takes another table's header %q", l)
				}
			}
			rest, _ := toml.Parse([]byte(after))
			if rest.Table().Get("tool").Table().Get("black").Kind() != toml.KindInvalid {
				t.Error("tool.black is still there")
			}
			if strings.Contains(after, "\n\n\n") && !strings.Contains(string(src), "\n\n\n") {
				t.Error("two blank lines in a row after the deletion")
			}
		})
	}
	if deleted < 5 {
		t.Errorf("deleted [tool.black] from %d pyprojects, want at least 5", deleted)
	}
}

// TestScenarioCargoAdd adds serde as cargo add does to every Cargo.toml
// with a [dependencies] table: one line after its last dependency, or
// serde's own line changed where it is already there.
func TestScenarioCargoAdd(t *testing.T) {
	edited := 0
	for name, src := range corpusOf(t, "cargo") {
		doc, _ := toml.Parse(src)
		deps := doc.Table().Get("dependencies")
		if deps.Kind() != toml.KindTable || deps.Table().Origin() != toml.HeaderTable {
			continue
		}
		edited++
		t.Run(name, func(t *testing.T) {
			const serde = `{ version = "1", features = ["derive"] }`
			after := mustEdit(t, src, func(ed *toml.Editor) error { return ed.Set("dependencies.serde", toml.RawValue(serde)) })
			c := changeOf(string(src), after)
			old := deps.Table().Get("serde")
			switch {
			case doc.Text(old.Span()) == serde:
				if len(c.removed)+len(c.added) != 0 {
					t.Errorf("serde had that value already, yet lines removed %q, added %q", c.removed, c.added)
				}
				return
			case old.Kind() == toml.KindInvalid && (len(c.removed) != 0 || len(c.added) != 1):
				t.Fatalf("lines removed %q, added %q: want one line added", c.removed, c.added)
			case old.Kind() != toml.KindInvalid && (len(c.removed) != 1 || len(c.added) != 1):
				t.Fatalf("lines removed %q, added %q: want serde's line changed", c.removed, c.added)
			}
			if !strings.HasPrefix(strings.TrimSpace(c.added[0]), "serde = "+serde) {
				t.Errorf("added %q", c.added[0])
			}
		})
	}
	if edited < 5 {
		t.Errorf("edited %d Cargo.toml files, want at least 5", edited)
	}
}

// TestScenarioDottedTable sets a key in [package].edition, a table that
// ripgrep's Cargo.toml writes with a dotted key (edition.workspace =
// true): the new key is dotted too, on the line after.
func TestScenarioDottedTable(t *testing.T) {
	src := corpusOf(t, "cargo")["BurntSushi__ripgrep__Cargo.toml"]
	after := mustEdit(t, src, func(ed *toml.Editor) error { return ed.Set("package.edition.note", "kept") })
	c := changeOf(string(src), after)
	if diff := cmp.Diff([]string{"edition.note = \"kept\"\n"}, c.added); diff != "" || len(c.removed) > 0 {
		t.Errorf("lines removed %q; added (-want +got):\n%s", c.removed, diff)
	}
	if above := strings.SplitAfter(string(src), "\n")[c.at-1]; above != "edition.workspace = true\n" {
		t.Errorf("the key comes after %q, want after edition.workspace = true", above)
	}
}

// TestScenarioCargoLockPackage appends a [[package]] element to every
// Cargo.lock: its lines come at the end, after a blank line, as cargo
// writes them.
func TestScenarioCargoLockPackage(t *testing.T) {
	for name, src := range corpusOf(t, "cargo-lock") {
		t.Run(name, func(t *testing.T) {
			after := mustEdit(t, src, func(ed *toml.Editor) error {
				return ed.Append("package", toml.RawValue(`{ name = "zzz", version = "0.1.0", dependencies = ["serde"] }`))
			})
			if !strings.HasPrefix(after, string(src)) {
				t.Fatal("the text before the new element changed")
			}
			want := "\n[[package]]\nname = \"zzz\"\nversion = \"0.1.0\"\ndependencies = [\"serde\"]\n"
			if got := after[len(src):]; got != want {
				t.Errorf("appended %q, want %q", got, want)
			}
		})
	}
}

// TestScenarioNewTable sets tool.newtool.enabled in every pyproject: a
// new [tool.newtool] section comes after the last of tool's sub-tables,
// set apart by a blank line.
func TestScenarioNewTable(t *testing.T) {
	for name, src := range corpusOf(t, "pyproject") {
		t.Run(name, func(t *testing.T) {
			after := mustEdit(t, src, func(ed *toml.Editor) error { return ed.Set("tool.newtool.enabled", true) })
			c := changeOf(string(src), after)
			if len(c.removed) != 0 {
				t.Fatalf("lines removed %q", c.removed)
			}
			got := strings.Join(c.added, "")
			if !strings.Contains(got, "[tool.newtool]\nenabled = true\n") || strings.Count(got, "\n") > 4 {
				t.Errorf("added %q", got)
			}
		})
	}
}
