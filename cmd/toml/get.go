package main

import (
	"fmt"

	"github.com/seed02375186/toml"
)

var getCommand = &command{
	name:    "get",
	summary: "print the value at a dotted key path",
	usage: `usage: toml get [--json] [--toml 1.1] FILE KEY

Get prints the value at KEY in the TOML file FILE ('-' for standard
input). KEY is a dotted key path as TOML writes keys: bare (line-length)
or quoted ("cfg(windows)", 'a.b'), joined by dots, each optionally
followed by [N] to pick an element of an array (negative N counts from
the end).

Strings are printed raw, other scalars in TOML form (42, 3.14, true,
1979-05-27T07:32:00Z), tables as TOML documents, arrays of tables written
with [[KEY]] headers as those headers again, and other arrays inline
([1, "x"]). With --json, every value is printed as toml json prints it.

Exit status: 0 on success, 1 when the key is missing (the message says
which part) or the file is not valid TOML, 2 for usage errors and
unreadable files.

Flags:

  --json           print the value as JSON
  --toml VERSION   read TOML 1.0 (the default) or 1.1

Examples:

  toml get pyproject.toml project.name
  toml get pyproject.toml tool.ruff.line-length
  toml get Cargo.lock 'package[0].name'
  toml get Cargo.lock package            # every [[package]] table
  toml get Cargo.toml 'target."cfg(windows)".dependencies'
  toml get --json pyproject.toml project.dependencies | jq -r '.[]'
`,
	run: runGet,
}

func runGet(c *command, e *env, args []string) int {
	fs := newFlagSet(c)
	asJSON := fs.Bool("json", false, "print the value as JSON")
	version := tomlFlag(fs)
	rest, err := parseFlags(e, c, fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) != 2 {
		return usageError(e, c, "want FILE and KEY, got %d arguments", len(rest))
	}
	steps, err := toml.ParsePath(rest[1])
	if err != nil {
		return usageError(e, c, "bad key path %q: %v", rest[1], err)
	}
	doc, code := readDocument(e, c, rest[:1], *version)
	if doc == nil {
		return code
	}
	v, err := walkKeyPath(doc.Root(), steps)
	if err != nil {
		fmt.Fprintf(e.stderr, "toml get: %s: %v\n", displayName(rest[0]), err)
		return exitFailure
	}
	if *asJSON {
		if err := writeJSON(e, appendPlainJSON(nil, v), false); err != nil {
			fmt.Fprintf(e.stderr, "toml get: %v\n", err)
			return exitFailure
		}
		return exitOK
	}
	key := "" // the name an array of tables is printed under
	if last := steps[len(steps)-1]; !last.IsIndex {
		key = last.Key
	}
	text, err := tomlText(v, key)
	if err != nil {
		fmt.Fprintf(e.stderr, "toml get: %v\n", err)
		return exitFailure
	}
	fmt.Fprint(e.stdout, text)
	return exitOK
}

// displayName is how a command's FILE argument is reported.
func displayName(arg string) string {
	if arg == "-" {
		return stdinName
	}
	return arg
}

// walkKeyPath follows steps from root. Its error names the longest prefix
// of the path that exists and what is wrong with the next step.
func walkKeyPath(root toml.Value, steps toml.Path) (toml.Value, error) {
	v := root
	for i, st := range steps {
		at := steps[:i].String()
		where := "the document"
		if at != "" {
			where = at
		}
		if st.IsIndex {
			if v.Kind() != toml.KindArray {
				return toml.Value{}, fmt.Errorf("key %s not found: %s is %s, not an array", steps.String(), where, describeValue(v))
			}
			n := v.Array().Len()
			idx := st.Index
			if idx < 0 {
				idx += n
			}
			if idx < 0 || idx >= n {
				return toml.Value{}, fmt.Errorf("key %s not found: index %d is out of range, %s has %s", steps.String(), st.Index, where, plural(n, "element"))
			}
			v = v.Array().Index(idx)
			continue
		}
		if v.Kind() != toml.KindTable {
			hint := ""
			if v.Kind() == toml.KindArray {
				hint = fmt.Sprintf(" (pick an element: %s[0].%s)", at, formatKey(st.Key))
			}
			return toml.Value{}, fmt.Errorf("key %s not found: %s is %s, not a table%s", steps.String(), where, describeValue(v), hint)
		}
		next := v.Table().Get(st.Key)
		if next.Kind() == toml.KindInvalid {
			return toml.Value{}, fmt.Errorf("key %s not found: %s has no key %s", steps.String(), where, formatKey(st.Key))
		}
		v = next
	}
	return v, nil
}

// describeValue names a value's kind with an article, for messages.
func describeValue(v toml.Value) string {
	switch v.Kind() {
	case toml.KindArray:
		if v.Array().OfTables() {
			return "an array of " + plural(v.Array().Len(), "table")
		}
		return "an array of " + plural(v.Array().Len(), "element")
	case toml.KindInteger:
		return "an integer"
	}
	return "a " + v.Kind().String()
}
