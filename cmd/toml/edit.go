package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"unsafe"

	"github.com/seed02375186/toml"
)

// editFlags are the flags set, add and del share: where the result goes,
// and the version of TOML the file is.
type editFlags struct {
	print, diff bool
	version     *toml.Version
}

func (f *editFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&f.print, "print", false, "write the result to standard output instead of the file")
	fs.BoolVar(&f.diff, "diff", false, "print a unified diff and write nothing")
	f.version = tomlFlag(fs)
}

// editUsage is the part of set's, add's and del's help that they share.
const editUsage = `The file is edited in place, as go mod edit does: only the bytes the
edit concerns change (every comment, blank line and spelling elsewhere
stays), the result is written atomically (a temporary file in the same
directory, renamed over it, its mode kept), and a file whose bytes would
not change is not written at all. FILE '-' reads standard input and
writes standard output. Every edit is checked by parsing the result
again: it must hold the old data with exactly that edit made, or nothing
is written.

The file is read as TOML 1.0; --toml 1.1 reads (and checks) it as TOML
1.1, and lets VALUE use 1.1's syntax.

KEY is a key path as toml get takes it: keys joined by dots, bare or
quoted as in TOML, each optionally followed by [N] to pick an element of
an array (negative N counts from the end): tool.ruff.lint.select,
package[3].name, 'target."cfg(windows)".dependencies'.

Exit status: 0 when done; 1 when the file is not valid TOML or the edit
cannot be made (the message says why, at path:line:column where there is
a place); 2 for usage errors and files that cannot be read or written.
`

// runEdit reads FILE, makes the edit, and writes the result where the
// flags say.
func runEdit(c *command, e *env, f *editFlags, file string, do func(*toml.Editor) error) int {
	data, name, err := readInput(e, []string{file})
	if err != nil {
		fmt.Fprintf(e.stderr, "toml %s: cannot read %s: %v\n", c.name, name, unwrapPathError(err))
		return exitUsage
	}
	ed, err := f.version.NewEditor(data)
	if err != nil {
		var pe *toml.ParseError
		if errors.As(err, &pe) {
			problems := newerProblems(name, data, err)
			if problems == nil {
				problems = []*problem{problemOf(name, data, err)}
			}
			writeProblemsText(e.stderr, problems, useColor(e.stderr))
		} else {
			fmt.Fprintf(e.stderr, "toml %s: %s: %v\n", c.name, name, err)
		}
		return exitFailure
	}
	if err := do(ed); err != nil {
		var ee *toml.EditError
		switch {
		case errors.As(err, &ee):
			msg := ee.Message
			if strings.Contains(msg, "is not one TOML value") {
				msg += ` (a string is written in quotes, '"1.2.3"', or given with --string)`
			}
			where := name
			if ee.Line > 0 {
				where = fmt.Sprintf("%s:%d:%d", name, ee.Line, ee.Column)
			}
			fmt.Fprintf(e.stderr, "%s: %s %s: %s\n", where, ee.Op, ee.Path, msg)
		default:
			fmt.Fprintf(e.stderr, "toml %s: %s: %v\n", c.name, name, err)
		}
		return exitFailure
	}
	// The edited text is written as the Editor holds it: no copy of a file
	// that may be megabytes long.
	text := ed.String()
	out := unsafe.Slice(unsafe.StringData(text), len(text))
	switch {
	case f.diff:
		_, err = e.stdout.Write(unifiedDiff(name+".orig", name, data, out))
	case f.print || file == "-":
		_, err = io.WriteString(e.stdout, text)
	case bytes.Equal(out, data):
		return exitOK
	default:
		if err := writeFileAtomic(file, out); err != nil {
			fmt.Fprintf(e.stderr, "toml %s: cannot write %s: %v\n", c.name, name, unwrapPathError(err))
			return exitUsage
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "toml %s: %v\n", c.name, err)
		return exitUsage
	}
	return exitOK
}

// editValue is the value argument of set and add: TOML text, or with
// --string, a string as it is.
func editValue(text string, asString bool) any {
	if asString {
		return text
	}
	return toml.RawValue(text)
}
