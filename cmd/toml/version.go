package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var versionCommand = &command{
	name:    "version",
	summary: "print the version of toml and of its toml-test suite",
	usage: `usage: toml version

Version prints the module version toml was built from (or the VCS
revision of a local build), the Go version, and the version of the
embedded toml-test suite that 'toml test' runs.

Example:

  toml version
`,
	run: runVersion,
}

const tomlTestModule = "github.com/toml-lang/toml-test/v2"

func runVersion(c *command, e *env, args []string) int {
	fs := newFlagSet(c)
	rest, err := parseFlags(e, c, fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		return usageError(e, c, "no arguments allowed")
	}
	fmt.Fprintf(e.stdout, "toml %s %s, toml-test %s\n", buildVersion(), runtime.Version(), dependencyVersion(tomlTestModule))
	return exitOK
}

// buildVersion is the module version for "go install ...@version" builds,
// else the VCS revision a local build was made from.
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var revision, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+dirty"
			}
		}
	}
	if revision == "" {
		return "(devel)"
	}
	return "(devel " + revision[:min(12, len(revision))] + modified + ")"
}

// dependencyVersion is the version of a module compiled into the binary.
func dependencyVersion(path string) string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	for _, d := range info.Deps {
		if d.Path == path {
			return d.Version
		}
	}
	return "(unknown)"
}
