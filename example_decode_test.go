package toml_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/seed02375186/toml"
)

// Reading the PEP 621 metadata of a pyproject.toml into a struct, and the
// tools' settings, whose shape is theirs, into a map.
func ExampleUnmarshal_pyproject() {
	const pyprojectTOML = `
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "spam-eggs"
version = "2020.0.0"
requires-python = ">= 3.8"
dependencies = ["httpx", "gidgethub[httpx]>4.0.0"]
authors = [{ name = "Pradyun Gedam", email = "pradyun@example.com" }]

[project.optional-dependencies]
cli = ["rich", "click"]

[tool.ruff.lint]
select = ["E", "F"]
`
	type Person struct {
		Name  string `toml:"name"`
		Email string `toml:"email"`
	}
	type Pyproject struct {
		BuildSystem struct {
			Requires     []string `toml:"requires"`
			BuildBackend string   `toml:"build-backend"`
		} `toml:"build-system"`
		Project struct {
			Name                 string              `toml:"name"`
			Version              string              `toml:"version"`
			RequiresPython       string              `toml:"requires-python"`
			Dependencies         []string            `toml:"dependencies"`
			OptionalDependencies map[string][]string `toml:"optional-dependencies"`
			Authors              []Person            `toml:"authors"`
		} `toml:"project"`
		Tool map[string]any `toml:"tool"`
	}

	var p Pyproject
	if err := toml.Unmarshal([]byte(pyprojectTOML), &p); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Project.Name, p.Project.Version, p.Project.RequiresPython)
	fmt.Println(p.Project.Dependencies, p.Project.OptionalDependencies["cli"])
	fmt.Println(p.Project.Authors[0].Name, "built by", p.BuildSystem.BuildBackend)
	fmt.Println(p.Tool["ruff"])
	// Output:
	// spam-eggs 2020.0.0 >= 3.8
	// [httpx gidgethub[httpx]>4.0.0] [rich click]
	// Pradyun Gedam built by hatchling.build
	// map[lint:map[select:[E F]]]
}

// A value that does not fit its field is reported with its key and
// position, and errors.As reaches the details.
func ExampleUnmarshal_errors() {
	type Config struct {
		Server struct {
			Port    uint16
			Timeout time.Duration
		}
	}
	const configTOML = `
[server]
port = 70000
timeout = "30s"
`
	var c Config
	err := toml.Unmarshal([]byte(configTOML), &c)
	fmt.Println(err)
	var de *toml.DecodeError
	if errors.As(err, &de) {
		fmt.Println(de.Key, de.Line, de.Column, de.Kind, de.Type)
	}
	fmt.Println(c.Server.Timeout)
	// Output:
	// toml: line 3, column 8: server.port: 70000 is out of range for uint16
	// server.port 3 8 integer uint16
	// 30s
}

// Strict mode: every key with no field is an error, with its position and
// the field it was probably meant to be.
func ExampleDecoder_DisallowUnknownFields() {
	type Config struct {
		Name    string
		Version string
		Debug   bool
	}
	const configTOML = `name = "app"
verison = "1.2.0"
colour = "blue"
`
	dec := toml.NewDecoder(strings.NewReader(configTOML))
	dec.DisallowUnknownFields()
	var c Config
	err := dec.Decode(&c)
	fmt.Println(err)
	// Output:
	// toml: 2 errors:
	// 	line 2, column 1: unknown key verison (did you mean "version"?)
	// 	line 3, column 1: unknown key colour
}

// Without strict mode, the keys that went nowhere can still be listed.
func ExampleDecoder_Undecoded() {
	const configTOML = `name = "app"
[log]
level = "debug"
format = "json"
`
	var c struct {
		Name string
		Log  struct{ Level string }
	}
	dec := toml.NewDecoder(strings.NewReader(configTOML))
	if err := dec.Decode(&c); err != nil {
		fmt.Println(err)
		return
	}
	for _, k := range dec.Undecoded() {
		fmt.Printf("%s at %s\n", k.Key, k.Position)
	}
	// Output:
	// log.format at line 4, column 1
}

// Limits for input that may be hostile.
func ExampleDecoder_MaxInputSize() {
	dec := toml.NewDecoder(strings.NewReader(`key = "` + strings.Repeat("x", 100) + `"`))
	dec.MaxInputSize(64)
	dec.MaxValues(1000)
	var v map[string]any
	fmt.Println(dec.Decode(&v))
	// Output:
	// toml: line 1, column 65: input is larger than the limit of 64 bytes
}

// Dependency is written either as a version string or as a table, as
// Cargo.toml allows.
type Dependency struct {
	Version  string
	Features []string
}

// UnmarshalTOML reads the string form itself and hands the table form to
// DecodeValue, through a type without the method so as not to recurse.
func (d *Dependency) UnmarshalTOML(v toml.Value) error {
	if v.Kind() == toml.KindString {
		*d = Dependency{Version: v.Str()}
		return nil
	}
	type plain Dependency
	return toml.DecodeValue(v, (*plain)(d))
}

// An Unmarshaler receives the node of its key, a toml.Value, and may decode
// some of its forms the ordinary way with DecodeValue; errors inside keep
// the document's keys and positions.
func ExampleDecodeValue() {
	const cargoTOML = `
[dependencies]
serde = "1.0"
regex = { version = "1.5", features = ["std"] }
rand = { version = 8 }
`
	var m struct{ Dependencies map[string]Dependency }
	err := toml.Unmarshal([]byte(cargoTOML), &m)
	fmt.Println(m.Dependencies["serde"], m.Dependencies["regex"])
	fmt.Println(err)
	// Output:
	// {1.0 []} {1.5 [std]}
	// toml: line 5, column 20: dependencies.rand.version: cannot decode integer 8 into string
}
