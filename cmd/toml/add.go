package main

import (
	"flag"

	"github.com/seed02375186/toml"
)

var addCommand = &command{
	name:    "add",
	summary: "add a value to an array in a TOML file, keeping its layout",
	usage: `usage: toml add [--toml 1.1] [--string] [--index N] [--print | --diff] FILE KEY VALUE

Add appends VALUE to the array at KEY in FILE, creating the array if
KEY is missing. VALUE is a TOML value ('"ruff>=0.5"', 42, '{ name = "x" }'),
or with --string a string taken as it is. An array written one element
per line gets the new element on a line of its own, indented as the
others, and keeps its trailing comma or its lack of one; an array of
tables ([[KEY]] headers) gets a new [[KEY]] element, VALUE being an
inline table whose pairs become its lines.

` + editUsage + `
Flags:

  --string    take VALUE as a string
  --index N   insert VALUE as element N (0 puts it first) instead of last
  --toml 1.1  read the file as TOML 1.1
  --print     write the result to standard output, not to FILE
  --diff      print a unified diff of the change and write nothing

Examples:

  toml add pyproject.toml project.dependencies --string 'httpx>=0.27'
  toml add pyproject.toml tool.ruff.lint.select '"UP"'
  toml add --index 0 pyproject.toml project.classifiers --string 'Typing :: Typed'
  toml add Cargo.lock package '{ name = "foo", version = "0.1.0" }'
`,
	run: runAdd,
}

func runAdd(c *command, e *env, args []string) int {
	fs := newFlagSet(c)
	var f editFlags
	f.register(fs)
	asString := fs.Bool("string", false, "take VALUE as a string")
	index := fs.Int("index", -1, "insert as element N")
	rest, err := parseFlags(e, c, fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) != 3 {
		return usageError(e, c, "want FILE, KEY and VALUE, got %d arguments", len(rest))
	}
	indexSet := false
	fs.Visit(func(fl *flag.Flag) { indexSet = indexSet || fl.Name == "index" })
	if indexSet && *index < 0 {
		return usageError(e, c, "--index must be 0 or more")
	}
	value := editValue(rest[2], *asString)
	return runEdit(c, e, &f, rest[0], func(ed *toml.Editor) error {
		if indexSet {
			return ed.Insert(rest[1], *index, value)
		}
		return ed.Append(rest[1], value)
	})
}
