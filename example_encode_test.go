package toml_test

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/seed02375186/toml"
)

// A typical configuration struct, written as a person would write it:
// plain keys first, then a [section] per nested struct in field order,
// map keys sorted, and a [[header]] per element of a slice of structs.
func ExampleMarshal() {
	type Database struct {
		Host    string        `toml:"host"`
		Ports   []int         `toml:"ports"`
		Timeout time.Duration `toml:"timeout"`
		Enabled bool          `toml:"enabled"`
	}
	type Server struct {
		IP   string `toml:"ip"`
		Role string `toml:"role,omitempty"`
	}
	type Plugin struct {
		Name    string         `toml:"name"`
		Options map[string]any `toml:"options,inline,omitempty"`
	}
	type Config struct {
		Title    string            `toml:"title"`
		Released time.Time         `toml:"released"`
		Database Database          `toml:"database"`
		Servers  map[string]Server `toml:"servers"`
		Plugins  []Plugin          `toml:"plugins"`
	}

	cfg := Config{
		Title:    "TOML Example",
		Released: time.Date(1979, 5, 27, 7, 32, 0, 0, time.UTC),
		Database: Database{Host: "192.168.1.1", Ports: []int{8000, 8001, 8002}, Timeout: 30 * time.Second, Enabled: true},
		Servers: map[string]Server{
			"beta":  {IP: "10.0.0.2"},
			"alpha": {IP: "10.0.0.1", Role: "frontend"},
		},
		Plugins: []Plugin{
			{Name: "cache", Options: map[string]any{"size": 128, "ttl": "1h"}},
			{Name: "log level"},
		},
	}
	out, err := toml.Marshal(cfg)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(out))
	// Output:
	// title = "TOML Example"
	// released = 1979-05-27T07:32:00Z
	//
	// [database]
	// host = "192.168.1.1"
	// ports = [8000, 8001, 8002]
	// timeout = "30s"
	// enabled = true
	//
	// [servers.alpha]
	// ip = "10.0.0.1"
	// role = "frontend"
	//
	// [servers.beta]
	// ip = "10.0.0.2"
	//
	// [[plugins]]
	// name = "cache"
	// options = {size = 128, ttl = "1h"}
	//
	// [[plugins]]
	// name = "log level"
}

// An Encoder can indent nested tables and put array elements on lines of
// their own.
func ExampleEncoder() {
	config := map[string]any{
		"package": map[string]any{
			"name":    "demo",
			"authors": []string{"Ann", "Bob"},
			"metadata": map[string]any{
				"docs": map[string]any{"all-features": true},
			},
		},
	}
	enc := toml.NewEncoder(os.Stdout)
	enc.SetIndent("  ")
	enc.SetArraysMultiline(true)
	if err := enc.Encode(config); err != nil {
		log.Fatal(err)
	}
	// Output:
	// [package]
	// authors = [
	//   "Ann",
	//   "Bob",
	// ]
	// name = "demo"
	//
	//     [package.metadata.docs]
	//     all-features = true
}

// A parsed document is written back with its keys in their order, its
// tables in their forms and its values spelled as in the source; comments
// and spacing are not kept. Its root Value is written with its values in
// normal form.
func ExampleMarshal_document() {
	doc, err := toml.Parse([]byte(`
# Servers, by name.
[servers.alpha]
ip   = '10.0.0.1'
port = 0x1F90

[servers]
default = "alpha"
limits  = { cpu = 2, memory = "1 GiB" }
`))
	if err != nil {
		log.Fatal(err)
	}
	out, err := toml.Marshal(doc)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(out))
	fmt.Println("---")
	out, err = toml.Marshal(doc.Root())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(out))
	// Output:
	// [servers.alpha]
	// ip = '10.0.0.1'
	// port = 0x1F90
	//
	// [servers]
	// default = "alpha"
	// limits = {cpu = 2, memory = "1 GiB"}
	// ---
	// [servers.alpha]
	// ip = "10.0.0.1"
	// port = 8080
	//
	// [servers]
	// default = "alpha"
	// limits = {cpu = 2, memory = "1 GiB"}
}

// String gives a value in TOML's inline syntax.
func ExampleValue_String() {
	doc, err := toml.Parse([]byte(`point = { x = 1.5, y = -0.0, tags = ["a", "b\tc"] }`))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc.Table().Get("point"))
	// Output:
	// {x = 1.5, y = -0.0, tags = ["a", "b\tc"]}
}
