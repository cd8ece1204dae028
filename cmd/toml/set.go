package main

import "github.com/seed02375186/toml"

var setCommand = &command{
	name:    "set",
	summary: "set a value in a TOML file, keeping every comment and the layout",
	usage: `usage: toml set [--toml 1.1] [--string] [--print | --diff] FILE KEY VALUE

Set sets KEY to VALUE in FILE: it replaces the value there, or adds the
key, with the tables it needs. VALUE is a TOML value: '"1.2.3"', 42,
true, '["a", "b"]', '{ version = "1", features = ["derive"] }'. With
--string it is a string taken as it is, so that a shell user need not
quote twice: --string 1.2.3.

A new key goes after the last key/value line of its table, laid out as
that line is; a new table goes after its parent's last sub-table, set
apart by a blank line as the others are; a table written with dotted keys
gets a dotted key, an inline table a key inside its braces.

` + editUsage + `
Flags:

  --string    take VALUE as a string
  --toml 1.1  read the file as TOML 1.1
  --print     write the result to standard output, not to FILE
  --diff      print a unified diff of the change and write nothing

Examples:

  toml set pyproject.toml project.version --string 1.2.4
  toml set pyproject.toml tool.ruff.line-length 100
  toml set Cargo.toml dependencies.serde '{ version = "1", features = ["derive"] }'
  toml set --diff Cargo.toml package.edition --string 2024
`,
	run: runSet,
}

func runSet(c *command, e *env, args []string) int {
	fs := newFlagSet(c)
	var f editFlags
	f.register(fs)
	asString := fs.Bool("string", false, "take VALUE as a string")
	rest, err := parseFlags(e, c, fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) != 3 {
		return usageError(e, c, "want FILE, KEY and VALUE, got %d arguments", len(rest))
	}
	value := editValue(rest[2], *asString)
	return runEdit(c, e, &f, rest[0], func(ed *toml.Editor) error { return ed.Set(rest[1], value) })
}
