package main

import "github.com/seed02375186/toml"

var delCommand = &command{
	name:    "del",
	summary: "delete a key, table or array element from a TOML file",
	usage: `usage: toml del [--toml 1.1] [--print | --diff] FILE KEY

Del deletes what KEY names in FILE: a key with its value, a table with
every line of its section and its sub-tables, an element of an array
(package[3]) or of an array of tables. The comment lines right above a
key, element or header, and the comment at the end of its line, go with
it; other comments stay. A table that only the deleted key made (through
a dotted key, or as the parent of a header) goes too.

` + editUsage + `
Flags:

  --toml 1.1  read the file as TOML 1.1
  --print     write the result to standard output, not to FILE
  --diff      print a unified diff of the change and write nothing

Examples:

  toml del pyproject.toml tool.black
  toml del pyproject.toml 'project.dependencies[-1]'
  toml del Cargo.lock 'package[3]'
`,
	run: runDel,
}

func runDel(c *command, e *env, args []string) int {
	fs := newFlagSet(c)
	var f editFlags
	f.register(fs)
	rest, err := parseFlags(e, c, fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) != 2 {
		return usageError(e, c, "want FILE and KEY, got %d arguments", len(rest))
	}
	return runEdit(c, e, &f, rest[0], func(ed *toml.Editor) error { return ed.Delete(rest[1]) })
}
