// Command toml checks (syntax, schemas, TOML 1.1 portability), formats,
// edits in place, queries and converts TOML files, and runs the toml-test
// conformance suite against this library or any other parser.
//
// Run "toml help" for the list of commands, "toml help COMMAND" for one.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
