package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/seed02375186/toml"
)

// readInput reads the single optional FILE argument of a command, or
// standard input when it is absent or "-". It returns the name to report
// the input by.
func readInput(e *env, args []string) (data []byte, name string, err error) {
	if len(args) == 0 || args[0] == "-" {
		data, err = io.ReadAll(e.stdin)
		return data, stdinName, err
	}
	data, err = os.ReadFile(args[0])
	return data, args[0], err
}

// readDocument reads and parses a command's input as TOML of the given
// version. On failure it reports the problem (as check's text format does,
// for a parse error) and returns a nil document with the exit code.
func readDocument(e *env, c *command, args []string, version toml.Version) (*toml.Document, int) {
	data, name, err := readInput(e, args)
	if err != nil {
		fmt.Fprintf(e.stderr, "toml %s: cannot read %s: %v\n", c.name, name, unwrapPathError(err))
		return nil, exitUsage
	}
	doc, err := version.Parse(data)
	if err != nil {
		var pe *toml.ParseError
		if !errors.As(err, &pe) {
			fmt.Fprintf(e.stderr, "toml %s: %s: %v\n", c.name, name, err)
			return nil, exitFailure
		}
		writeProblemsText(e.stderr, []*problem{problemOf(name, data, err)}, useColor(e.stderr))
		return nil, exitFailure
	}
	return doc, exitOK
}
