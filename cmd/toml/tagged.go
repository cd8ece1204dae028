package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/seed02375186/toml"
	"github.com/seed02375186/toml/internal/tagged"
)

var decodeCommand = &command{
	name:    "decode",
	summary: "toml-test decoder: TOML on stdin to tagged JSON on stdout",
	usage: `usage: toml decode [--toml 1.1]

Decode is the decoder interface of toml-test
(https://github.com/toml-lang/toml-test): it reads TOML from standard
input and writes it to standard output as tagged JSON, in which every
scalar is {"type": "integer", "value": "42"}. Invalid TOML gives the error
on standard error and exit status 1.

Flags:

  --toml VERSION   read TOML 1.0 (the default) or 1.1

Examples:

  echo 'a = 1979-05-27' | toml decode
  toml test --decoder 'toml decode'
  toml test --toml 1.1 --decoder 'toml decode --toml 1.1'
  toml-test test -decoder 'toml decode'
`,
	run: runDecode,
}

var encodeCommand = &command{
	name:    "encode",
	summary: "toml-test encoder: tagged JSON on stdin to TOML on stdout",
	usage: `usage: toml encode

Encode is the encoder interface of toml-test
(https://github.com/toml-lang/toml-test): it reads tagged JSON from
standard input and writes the TOML document it describes, each value of
the kind its tag names. It writes TOML 1.0, which readers of TOML 1.0 and
1.1 accept, for the 1.1 suite as well. Bad input gives the error on
standard error and exit status 1.

Examples:

  echo '{"a": {"type": "date-local", "value": "1979-05-27"}}' | toml encode
  toml test --encoder 'toml encode' --decoder 'toml decode'
`,
	run: runEncode,
}

func runDecode(c *command, e *env, args []string) int {
	fs := newFlagSet(c)
	version := tomlFlag(fs)
	if code, ok := noArgumentsIn(e, c, fs, args); !ok {
		return code
	}
	data, err := io.ReadAll(e.stdin)
	if err != nil {
		fmt.Fprintf(e.stderr, "toml decode: cannot read standard input: %v\n", err)
		return exitUsage
	}
	doc, err := version.Parse(data)
	if err != nil {
		fmt.Fprintf(e.stderr, "%v\n", err)
		return exitFailure
	}
	out := tagged.AppendDocument(nil, doc)
	if _, err := e.stdout.Write(append(out, '\n')); err != nil {
		fmt.Fprintf(e.stderr, "toml decode: %v\n", err)
		return exitFailure
	}
	return exitOK
}

// noArguments parses the flags of a command that takes no arguments (only
// -h). ok is false when the command must stop with code.
func noArguments(e *env, c *command, args []string) (code int, ok bool) {
	return noArgumentsIn(e, c, newFlagSet(c), args)
}

// noArgumentsIn is noArguments for a command with flags of its own in fs.
func noArgumentsIn(e *env, c *command, fs *flag.FlagSet, args []string) (code int, ok bool) {
	rest, err := parseFlags(e, c, fs, args)
	if err != nil {
		return flagExit(err), false
	}
	if len(rest) > 0 {
		return usageError(e, c, "no arguments allowed (the input is read from standard input)"), false
	}
	return exitOK, true
}

func runEncode(c *command, e *env, args []string) int {
	if code, ok := noArguments(e, c, args); !ok {
		return code
	}
	data, err := io.ReadAll(e.stdin)
	if err != nil {
		fmt.Fprintf(e.stderr, "toml encode: cannot read standard input: %v\n", err)
		return exitUsage
	}
	out, err := encodeTagged(data)
	if err != nil {
		fmt.Fprintf(e.stderr, "toml encode: %v\n", err)
		return exitFailure
	}
	if _, err := e.stdout.Write(out); err != nil {
		fmt.Fprintf(e.stderr, "toml encode: %v\n", err)
		return exitFailure
	}
	return exitOK
}

// encodeTagged turns tagged JSON into TOML: the encoder of toml encode and
// of toml test's in-process runs.
func encodeTagged(data []byte) ([]byte, error) {
	v, err := tagged.ToGo(data)
	if err != nil {
		return nil, err
	}
	return toml.Marshal(v)
}

// inProcessEncoder runs tagged.ToGo and toml.Marshal in this process, as
// toml-test's encoder.
type inProcessEncoder struct{}

func (inProcessEncoder) Cmd() []string { return []string{"(in-process toml.Marshal)"} }

func (inProcessEncoder) Run(_ context.Context, input string) (pid int, output string, isError bool, err error) {
	defer recoverCase(&err)
	out, eerr := encodeTagged([]byte(input))
	if eerr != nil {
		return 0, asCommandOutput(eerr.Error()), true, nil
	}
	return 0, asCommandOutput(string(out)), false, nil
}

// asCommandOutput trims output as toml-test's runner trims an external
// command's, so that the in-process runs and "toml test --decoder 'toml
// decode'" see the same text (an empty document is "\n", not nothing).
func asCommandOutput(s string) string { return strings.TrimSpace(s) + "\n" }
