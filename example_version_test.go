package toml_test

import (
	"fmt"
	"strings"

	"github.com/seed02375186/toml"
)

// ruffTOML is a ruff.toml in TOML 1.1: a multi-line inline table with a
// trailing comma, as uv's own has.
const ruffTOML = `target-version = "py312"
per-file-target-version = {
  "scripts/check_system_python.py" = "py37",
  "scripts/create-python-mirror.py" = "py38",
}
`

// ExampleVersion_Parse reads a TOML 1.1 document, which Parse (TOML 1.0)
// rejects, naming the construct.
func ExampleVersion_Parse() {
	_, err := toml.Parse([]byte(ruffTOML))
	fmt.Println(err)

	doc, err := toml.V1_1.Parse([]byte(ruffTOML))
	if err != nil {
		panic(err)
	}
	versions := doc.Table().Get("per-file-target-version").Table()
	fmt.Println(doc.Version(), versions.Len(), versions.Get("scripts/create-python-mirror.py").Str())
	// Output:
	// toml: line 2, column 28: newline in an inline table is TOML 1.1; parse with toml.V1_1 or --toml 1.1
	// 1.1.0 2 py38
}

// ExampleDecoder_Version decodes a TOML 1.1 document into a struct.
func ExampleDecoder_Version() {
	var config struct {
		PerFile map[string]string `toml:"per-file-target-version"`
	}
	dec := toml.NewDecoder(strings.NewReader(ruffTOML))
	dec.Version(toml.V1_1)
	if err := dec.Decode(&config); err != nil {
		panic(err)
	}
	fmt.Println(config.PerFile["scripts/check_system_python.py"])
	// Output:
	// py37
}

// ExamplePortability lists the constructs that keep a document from
// being read by TOML 1.0 parsers, each with its place and source text.
func ExamplePortability() {
	data := []byte(ruffTOML + "updated = 2025-12-18 09:30\n")
	needs, uses, err := toml.Portability(data)
	if err != nil {
		panic(err)
	}
	fmt.Println("needs TOML", needs)
	for _, c := range uses {
		fmt.Printf("%d:%d: %s %q\n", c.Position.Line, c.Position.Column, c.Name, data[c.Span.Start:c.Span.End])
	}
	// Output:
	// needs TOML 1.1.0
	// 2:28: newline in an inline table "\n"
	// 3:45: newline in an inline table "\n"
	// 4:45: trailing comma in an inline table ","
	// 4:46: newline in an inline table "\n"
	// 6:27: time without seconds ""
}
