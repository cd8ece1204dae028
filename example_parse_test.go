package toml_test

import (
	"fmt"

	"github.com/seed02375186/toml"
)

// ExampleParse reads a document as a tree whose nodes know where they
// are, as the README shows.
func ExampleParse() {
	data := []byte(`[project]
name = "demo"
version = "1.0.0"
`)
	doc, err := toml.Parse(data)
	if err != nil {
		panic(err)
	}
	v := doc.Table().Get("project").Table().Get("version")
	fmt.Println(v.Kind(), v.Str(), doc.Text(v.Span()), v.Position())
	for _, e := range doc.Table().Get("project").Table().Entries() {
		fmt.Println(e.Key.Name, e.Value.Kind(), doc.Position(e.Key.Span.Start))
	}
	missing := doc.Table().Get("tool")
	fmt.Println(missing.Kind())
	// Output:
	// string 1.0.0 "1.0.0" line 3, column 11
	// name string line 2, column 1
	// version string line 3, column 1
	// invalid
}
