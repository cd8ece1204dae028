package schema

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/seed02375186/toml"
)

// TestPruningChangesNothing validates SchemaStore's fixtures and the
// corpus files that have a schema twice, against the schema pruned for
// the document and against the whole schema: the violations must be the
// same, message for message.
func TestPruningChangesNothing(t *testing.T) {
	type input struct {
		name   string
		schema *Schema
		doc    *toml.Document
	}
	var inputs []input
	files, err := filepath.Glob(filepath.Join("schemastore", "*test", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		inputs = append(inputs, input{f, Embedded(filepath.Base(filepath.Dir(f)) + ".json"), fixtureDocument(t, f)})
	}
	if _, err := os.Stat(corpusDir); err == nil {
		for _, f := range corpusFiles(t) {
			data, err := os.ReadFile(f.path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := toml.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, input{f.path, ForFile(f.name), doc})
		}
	} else {
		t.Logf("corpus not found at %s: checking the fixtures only", corpusDir)
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			pruned, err := in.schema.validatePruned(in.doc)
			if err != nil {
				t.Fatal(err)
			}
			whole, err := in.schema.validateWhole(in.doc)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(whole, pruned); diff != "" {
				t.Errorf("pruned schema differs from the whole (-whole +pruned):\n%s", diff)
			}
		})
	}
}

// validatePruned is Validate with a pruned copy of the schema, however
// many documents the process has validated.
func (s *Schema) validatePruned(doc *toml.Document) ([]Violation, error) {
	inst := instance(doc.Root())
	compiled, served, err := s.compile(inst, true)
	if err != nil {
		return nil, err
	}
	return validate(doc, inst, compiled, served, s)
}

// validateWhole is Validate with the schema compiled whole.
func (s *Schema) validateWhole(doc *toml.Document) ([]Violation, error) {
	v, _ := wholeSchemas.LoadOrStore(s.url, new(wholeSchema))
	w := v.(*wholeSchema)
	w.once.Do(func() { w.sch, w.served, w.err = s.compile(nil, false) })
	if w.err != nil {
		return nil, w.err
	}
	return validate(doc, instance(doc.Root()), w.sch, w.served, s)
}
