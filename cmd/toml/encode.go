package main

import (
	"fmt"

	tomltest "github.com/toml-lang/toml-test/v2"
)

var fromJSONCommand = &command{
	name:    "from-json",
	summary: "convert JSON to TOML",
	usage: `usage: toml from-json [FILE]
`,
	run: runFromJSON,
}

func runFromJSON(c *command, e *env, args []string) int {
	fmt.Fprintln(e.stderr, "toml from-json: not available yet")
	return exitFailure
}

func runEncode(c *command, e *env, args []string) int {
	fmt.Fprintln(e.stderr, "toml encode: not available yet")
	return exitFailure
}

func inProcessEncoderParser() tomltest.Parser { return nil }
