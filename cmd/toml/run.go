package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Exit codes shared by every command.
const (
	exitOK      = 0 // success; for check, every file is valid
	exitFailure = 1 // a file is invalid, a key is missing, a conversion failed
	exitUsage   = 2 // bad flags or arguments, or a file that cannot be read
)

// env is what a command may touch: its standard streams. Commands never
// use os.Stdin/os.Stdout directly, so tests run them in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// command is one subcommand: its name, its help text and what it does.
type command struct {
	name    string
	summary string // one line for "toml help"
	usage   string // the full help: synopsis, flags, examples
	run     func(c *command, e *env, args []string) int
}

// commands lists the subcommands in the order "toml help" shows them. It is
// filled in by init so that commands can refer to the table (help does).
var commands []*command

func init() {
	commands = []*command{
		checkCommand, fmtCommand, getCommand, setCommand, addCommand, delCommand, jsonCommand, fromJSONCommand,
		decodeCommand, encodeCommand, testCommand, versionCommand, helpCommand,
	}
}

func lookupCommand(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// run runs the command line args (without the program name) and returns
// the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, mainUsage())
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		fmt.Fprint(stdout, mainUsage())
		return exitOK
	case "-version", "--version":
		name = "version"
	}
	c := lookupCommand(name)
	if c == nil {
		fmt.Fprintf(stderr, "toml: unknown command %q\n\n%s", name, mainUsage())
		return exitUsage
	}
	return c.run(c, e, args[1:])
}

// newFlagSet returns a FlagSet for c that prints nothing by itself:
// parseFlags reports errors in one place.
func newFlagSet(c *command) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args with flags allowed before, between and after the
// positional arguments ("--" ends the flags). It returns the positional
// arguments. On -h it prints c's help to stdout and returns flag.ErrHelp; on a
// bad flag it prints the error and c's synopsis to stderr.
func parseFlags(e *env, c *command, fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(e.stdout, c.usage)
			return nil, err
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "toml %s: %v\n%s", c.name, err, synopsis(c))
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		// fs.Parse stops at the first positional argument, or after "--".
		if len(args)-len(rest) > 0 && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// synopsis returns the first paragraph of c's help, for usage errors.
func synopsis(c *command) string {
	first, _, _ := strings.Cut(c.usage, "\n\n")
	return first + "\nRun 'toml help " + c.name + "' for details.\n"
}

// usageError reports a wrong argument count or value and returns exitUsage.
func usageError(e *env, c *command, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "toml %s: %s\n%s", c.name, fmt.Sprintf(format, args...), synopsis(c))
	return exitUsage
}

// flagExit turns a parseFlags error into the exit code.
func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}
