package toml_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

// Unmarshal reuses the memory of a document's tree for the next document
// once it has decoded it. These tests check that nothing a caller holds
// changes when that happens.

// TestDecodeResultsSurviveLaterDecodes decodes many documents, keeps every
// result, and checks them all at the end.
func TestDecodeResultsSurviveLaterDecodes(t *testing.T) {
	type pkg struct {
		Name string
		Deps []string `toml:"dependencies"`
	}
	var gotMaps []map[string]any
	var gotStructs [][]pkg
	for i := range 50 {
		src := lockLike(i)
		var m map[string]any
		if err := toml.Unmarshal([]byte(src), &m); err != nil {
			t.Fatal(err)
		}
		var s struct{ Package []pkg }
		if err := toml.Unmarshal([]byte(src), &s); err != nil {
			t.Fatal(err)
		}
		gotMaps = append(gotMaps, m)
		gotStructs = append(gotStructs, s.Package)
	}
	for i := range 50 {
		var want map[string]any
		if err := toml.Unmarshal([]byte(lockLike(i)), &want); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, gotMaps[i]); diff != "" {
			t.Errorf("document %d changed after later decodes (-want +got):\n%s", i, diff)
		}
		if n := len(gotStructs[i]); n != i%7+1 || gotStructs[i][n-1].Name != fmt.Sprintf("p%d-%d", i, n-1) {
			t.Errorf("document %d: struct result changed: %+v", i, gotStructs[i])
		}
	}
}

// TestCapturedNodesSurvive checks that a Value or *Value field, and a node
// an Unmarshaler kept, still read right after other documents are decoded.
func TestCapturedNodesSurvive(t *testing.T) {
	// Each capture on its own, so that each must keep the tree by itself.
	var raw struct {
		Ptr *toml.Value
		Val toml.Value
		Own keepNode
	}
	for _, src := range []string{"ptr = {a = [1, 2]}", "val = [\"x\", {b = true}]", "own = {c = 'kept'}"} {
		if err := toml.Unmarshal([]byte(src), &raw); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 20 {
		var m map[string]any
		if err := toml.Unmarshal([]byte(lockLike(i)), &m); err != nil {
			t.Fatal(err)
		}
	}
	if got := raw.Ptr.Table().Get("a").Array().Index(1).Int(); got != 2 {
		t.Errorf("captured *Value: a[1] = %d, want 2", got)
	}
	if got := raw.Val.Array().Index(1).Table().Get("b").Bool(); !got {
		t.Error("captured Value: [1].b is no longer true")
	}
	if got := raw.Own.node.Table().Get("c").Str(); got != "kept" {
		t.Errorf("node kept by an Unmarshaler: c = %q, want kept", got)
	}
}

type keepNode struct{ node toml.Value }

func (k *keepNode) UnmarshalTOML(v toml.Value) error {
	k.node = v
	return nil
}

// TestConcurrentDecodes runs decodes in parallel (run with -race).
func TestConcurrentDecodes(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 30 {
				n := (g*30 + i) % 11
				var m map[string]any
				if err := toml.Unmarshal([]byte(lockLike(n)), &m); err != nil {
					t.Error(err)
					return
				}
				pkgs := m["package"].([]any)
				last := pkgs[len(pkgs)-1].(map[string]any)
				if want := fmt.Sprintf("p%d-%d", n, len(pkgs)-1); last["name"] != want {
					t.Errorf("got name %v, want %s", last["name"], want)
				}
			}
		}()
	}
	wg.Wait()
}

// lockLike makes a small Cargo.lock-like document that differs with i.
func lockLike(i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "version = %d\n", i)
	for p := range i%7 + 1 {
		fmt.Fprintf(&b, "\n[[package]]\nname = \"p%d-%d\"\nversion = \"1.%d.0\"\ndependencies = [\"d%d\", \"e\\u00e9%d\"]\n", i, p, p, p, i)
	}
	return b.String()
}

// TestDecodedArraysAreSeparate checks that the []any values of one decode,
// which share a block, cannot write into each other when appended to.
func TestDecodedArraysAreSeparate(t *testing.T) {
	var m map[string]any
	if err := toml.Unmarshal([]byte("a = [1, 2]\nb = [3, 4]\nc = []\n"), &m); err != nil {
		t.Fatal(err)
	}
	a := m["a"].([]any)
	_ = append(a, int64(99))
	_ = append(m["c"].([]any), int64(98))
	if diff := cmp.Diff(map[string]any{"a": []any{int64(1), int64(2)}, "b": []any{int64(3), int64(4)}, "c": []any{}}, m); diff != "" {
		t.Errorf("appending to one array changed another (-want +got):\n%s", diff)
	}
}
