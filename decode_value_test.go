package toml_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

// cargoDependency is written either as a version string or as a table,
// as Cargo.toml allows.
type cargoDependency struct {
	Version         string
	Path            string
	Git             string
	Branch          string
	Tag             string
	Rev             string
	Features        []string
	Optional        bool
	DefaultFeatures *bool `toml:"default-features"`
	Workspace       bool
	Package         string
	Registry        string
	Target          string
	Public          bool
	Artifact        string
	Lib             bool
}

func (d *cargoDependency) UnmarshalTOML(v toml.Value) error {
	if v.Kind() == toml.KindString {
		*d = cargoDependency{Version: v.Str()}
		return nil
	}
	type plain cargoDependency
	return toml.DecodeValue(v, (*plain)(d))
}

// TestDecodeValue checks decoding part of a node the ordinary way from an
// Unmarshaler: values, positions and full keys of errors, strict mode and
// Undecoded all reach through it.
func TestDecodeValue(t *testing.T) {
	type manifest struct {
		Dependencies map[string]cargoDependency
	}
	t.Run("both forms", func(t *testing.T) {
		var m manifest
		src := "[dependencies]\nserde = \"1\"\nregex = { version = \"1.5\", default-features = false, features = [\"std\"] }"
		if err := toml.Unmarshal([]byte(src), &m); err != nil {
			t.Fatal(err)
		}
		want := manifest{Dependencies: map[string]cargoDependency{
			"serde": {Version: "1"},
			"regex": {Version: "1.5", DefaultFeatures: ptr(false), Features: []string{"std"}},
		}}
		if diff := cmp.Diff(want, m); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("errors inside keep the document's positions", func(t *testing.T) {
		src := "[dependencies]\nregex = { version = 1 }\n[dependencies.x]\nfeatures = [\"a\", 2]"
		err := toml.Unmarshal([]byte(src), &manifest{})
		want := "toml: 2 errors:\n" +
			"\tline 2, column 21: dependencies.regex.version: cannot decode integer 1 into string\n" +
			"\tline 4, column 18: dependencies.x.features[1]: cannot decode integer 2 into string"
		if err == nil || err.Error() != want {
			t.Errorf("got %v, want %q", err, want)
		}
	})
	t.Run("strict mode and Undecoded reach inside", func(t *testing.T) {
		src := "[dependencies]\nregex = { versoin = \"1\" }"
		dec := toml.NewDecoder(strings.NewReader(src))
		dec.DisallowUnknownFields()
		err := dec.Decode(&manifest{})
		want := `toml: line 2, column 11: unknown key dependencies.regex.versoin (did you mean "version"?)`
		if err == nil || err.Error() != want {
			t.Errorf("got %v, want %q", err, want)
		}
		want2 := []toml.UndecodedKey{{Key: "dependencies.regex.versoin", Position: toml.Position{Offset: 25, Line: 2, Column: 11}}}
		if diff := cmp.Diff(want2, dec.Undecoded()); diff != "" {
			t.Errorf("Undecoded (-want +got):\n%s", diff)
		}
	})
	t.Run("a bare node gives offsets and relative keys", func(t *testing.T) {
		doc, err := toml.Parse([]byte("a = 1\nb = { c = \"x\" }"))
		if err != nil {
			t.Fatal(err)
		}
		var into struct{ C int }
		err = toml.DecodeValue(doc.Table().Get("b"), &into)
		want := "toml: byte 16: c: cannot decode string into int"
		if err == nil || err.Error() != want {
			t.Fatalf("got %v, want %q", err, want)
		}
		if got := err.(*toml.DecodeError).Offset; got != 16 {
			t.Errorf("Offset = %d, want 16", got)
		}
	})
}

// TestDecodeIntoValue checks that Value and *Value fields receive the
// tree's node, to be decoded later.
func TestDecodeIntoValue(t *testing.T) {
	var into struct {
		Later *toml.Value
		Copy  toml.Value
		Port  int
	}
	// A *Value is given a new Value: the one it pointed to is left alone.
	var before toml.Value
	into.Later = &before
	src := "port = 1\n[later]\nname = \"x\"\n[copy]\nlist = [1, 2]"
	if err := toml.Unmarshal([]byte(src), &into); err != nil {
		t.Fatal(err)
	}
	if into.Later == nil || into.Later.Kind() != toml.KindTable || into.Copy.Kind() != toml.KindTable {
		t.Fatalf("nodes not captured: %+v", into)
	}
	if into.Later == &before || before != (toml.Value{}) {
		t.Error("the Value a *Value field pointed to was written")
	}
	var later struct{ Name string }
	if err := toml.DecodeValue(*into.Later, &later); err != nil {
		t.Fatal(err)
	}
	if later.Name != "x" {
		t.Errorf("later.Name = %q, want %q", later.Name, "x")
	}
	if got := into.Copy.Table().Get("list").Array().Len(); got != 2 {
		t.Errorf("copied list has %d elements, want 2", got)
	}
}

// TestDecodeValueRejectsEmptyNodes checks that a Value not from a tree
// (the zero Value, which Table.Get returns for a missing key) is an error,
// not a panic.
func TestDecodeValueRejectsEmptyNodes(t *testing.T) {
	doc, err := toml.Parse([]byte("a = 1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, node := range []toml.Value{{}, doc.Table().Get("missing")} {
		var v any
		if err := toml.DecodeValue(node, &v); err == nil {
			t.Errorf("DecodeValue(%v) succeeded, want an error", node)
		}
	}
}

// TestDecodeValueConcurrently decodes documents with Unmarshalers that call
// DecodeValue from several goroutines at once, for the race detector and
// to check that each walk finds its own document.
func TestDecodeValueConcurrently(t *testing.T) {
	type manifest struct {
		Dependencies map[string]cargoDependency
	}
	errs := make(chan error, 8)
	for g := range 8 {
		go func() {
			// Each goroutine has its own document, its error on its own line.
			src := strings.Repeat("\n", g) + "[dependencies]\nregex = { version = 1 }"
			err := toml.Unmarshal([]byte(src), &manifest{})
			want := fmt.Sprintf("toml: line %d, column 21: dependencies.regex.version: cannot decode integer 1 into string", g+2)
			if err == nil || err.Error() != want {
				errs <- fmt.Errorf("goroutine %d: got %v, want %q", g, err, want)
				return
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
