package fuzz

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tomltest "github.com/toml-lang/toml-test/v2"

	"github.com/seed02375186/toml"
)

// FuzzDowngrade checks Downgrade on any input: see checkDowngrade.
func FuzzDowngrade(f *testing.F) {
	for _, s := range seeds11(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if msg := checkDowngrade(src); msg != "" {
			t.Fatalf("input %q:\n%s", src, msg)
		}
	})
}

// TestDowngradeProperties checks Downgrade on every valid case of
// toml-test's TOML 1.1 suite, and on the corpus's TOML 1.1 file.
func TestDowngradeProperties(t *testing.T) {
	cases := tomltest.TestCases()
	list, err := fs.ReadFile(cases, "files-toml-1.1.0")
	if err != nil {
		t.Fatal(err)
	}
	inputs := make(map[string][]byte)
	for _, name := range strings.Fields(string(list)) {
		if strings.HasPrefix(name, "valid/") && strings.HasSuffix(name, ".toml") {
			if inputs[name], err = fs.ReadFile(cases, name); err != nil {
				t.Fatal(err)
			}
		}
	}
	ruff := filepath.Join(corpusDir, "_rejected", "astral-sh__uv__ruff.toml")
	if data, err := os.ReadFile(ruff); err == nil {
		inputs["corpus/"+filepath.Base(ruff)] = data
	} else {
		t.Logf("no real-world corpus at %s: toml-test's cases only", corpusDir)
	}
	downgraded := 0
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) {
			if msg := checkDowngrade(src); msg != "" {
				t.Error(msg)
			}
			if needs, _, _ := toml.Portability(src); needs == toml.V1_1 {
				downgraded++
			}
		})
	}
	if downgraded < 10 {
		t.Errorf("only %d inputs needed TOML 1.1", downgraded)
	}
}

// checkDowngrade checks that Downgrade gives, for a document of TOML 1.1,
// a document of TOML 1.0 with the same data and the same comments, which
// Downgrade leaves as it is; for a document of TOML 1.0, the same bytes;
// and for anything else, the error of reading it as TOML 1.1.
func checkDowngrade(src []byte) string {
	out, err := toml.Downgrade(src)
	doc11, err11 := toml.V1_1.Parse(src)
	if err11 != nil {
		if err == nil || err.Error() != err11.Error() {
			return fmt.Sprintf("not TOML 1.1 (%v), but Downgrade gave %q, %v", err11, out, err)
		}
		return ""
	}
	if err != nil {
		return fmt.Sprintf("Downgrade of a TOML 1.1 document: %v", err)
	}
	if _, err10 := toml.Parse(src); err10 == nil {
		if !bytes.Equal(out, src) {
			return fmt.Sprintf("Downgrade changed a TOML 1.0 document into %q", out)
		}
		return ""
	}
	doc10, err := toml.Parse(out)
	if err != nil {
		return fmt.Sprintf("Downgrade wrote %q, which TOML 1.0 rejects: %v", out, err)
	}
	if diff := diffTrees(plainTree(doc11.Root()), plainTree(doc10.Root())); diff != "" {
		return fmt.Sprintf("Downgrade wrote %q, whose data differs (-1.1 +1.0):\n%s", out, diff)
	}
	before, after := commentTexts11(doc11), commentTexts11(doc10)
	slices.Sort(before)
	slices.Sort(after)
	if !slices.Equal(before, after) {
		return fmt.Sprintf("Downgrade wrote %q, whose comments differ: %q, then %q", out, before, after)
	}
	if again, err := toml.Downgrade(out); err != nil || !bytes.Equal(again, out) {
		return fmt.Sprintf("Downgrade of its own output changed it: %q, then %q (%v)", out, again, err)
	}
	return ""
}

func commentTexts11(doc *toml.Document) []string {
	var texts []string
	for _, c := range commentsOf(doc) {
		texts = append(texts, c.Text)
	}
	return texts
}
