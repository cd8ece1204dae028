package main

import (
	"fmt"
	"strings"
)

var helpCommand = &command{
	name:    "help",
	summary: "show help for toml or one of its commands",
	usage: `usage: toml help [COMMAND]

Help prints the list of commands, or the help of one command with its
flags and examples. "toml COMMAND -h" does the same.

Examples:

  toml help
  toml help check
`,
	run: runHelp,
}

func runHelp(c *command, e *env, args []string) int {
	args, err := parseFlags(e, c, newFlagSet(c), args)
	if err != nil {
		return flagExit(err)
	}
	switch len(args) {
	case 0:
		fmt.Fprint(e.stdout, mainUsage())
		return exitOK
	case 1:
		topic := lookupCommand(args[0])
		if topic == nil {
			fmt.Fprintf(e.stderr, "toml help: unknown command %q\n\n%s", args[0], mainUsage())
			return exitUsage
		}
		fmt.Fprint(e.stdout, topic.usage)
		return exitOK
	}
	return usageError(e, c, "too many arguments")
}

// mainUsage lists the commands.
func mainUsage() string {
	var b strings.Builder
	b.WriteString(`toml checks, formats, edits, queries and converts TOML files: TOML
1.0.0, or 1.1.0 with --toml 1.1.

usage: toml COMMAND [ARGUMENTS]

Commands:

`)
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary)
	}
	b.WriteString(`
Run 'toml help COMMAND' or 'toml COMMAND -h' for a command's flags and
examples. Flags may come before or after the other arguments; '--' ends
the flags. Data goes to standard output, errors and summaries to standard
error. Colour is used only on a terminal, and never when NO_COLOR is set.

Exit status: 0 on success, 1 when a file is invalid or a lookup or
conversion fails, 2 for usage errors and unreadable files.
`)
	return b.String()
}
