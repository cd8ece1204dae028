package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

var versionCommand = &command{
	name:    "version",
	summary: "print the version of toml and of its toml-test suite",
	usage: `usage: toml version

Version prints the module version toml was built from, the Go version,
and the version of the embedded toml-test suite that 'toml test' runs.

The module version is the one asked for when toml was installed with
'go install github.com/seed02375186/toml/cmd/toml@VERSION'. A build from
a git checkout prints the commit instead, "(devel c11e688de7c7)", with
"+dirty" when the checkout had uncommitted changes, or the tag when the
commit is tagged and clean. A build with no version control information
(a copy without .git, "go run", or -buildvcs=false) prints "(devel)".

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
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintf(e.stdout, "toml %s %s, toml-test %s\n", buildVersion(info), runtime.Version(), moduleVersion(info, tomlTestModule))
	return exitOK
}

// buildVersion says which code a binary was built from, given its build
// information (nil when the binary has none).
//
// "go install module@version" records that version and no VCS settings,
// since the module comes from a zip. A build inside a git checkout records
// the commit, and since Go 1.24 also stamps a version derived from it: a
// tag when the commit is tagged and clean, else a pseudo-version ending in
// the commit, or either with "+dirty". For those the commit is what a bug
// report needs, so the pseudo-versions, which look like releases but are
// not, give way to it.
func buildVersion(info *debug.BuildInfo) string {
	if info == nil {
		return "(unknown)"
	}
	version := info.Main.Version
	if version == "(devel)" {
		version = ""
	}
	var revision string
	var modified bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if revision == "" {
		if version == "" {
			return "(devel)"
		}
		return version
	}
	short := revision[:min(12, len(revision))]
	if version != "" && !modified && !strings.HasSuffix(version, "-"+short) {
		return version // a tagged, clean commit
	}
	if modified {
		short += "+dirty"
	}
	return "(devel " + short + ")"
}

// dependencyVersion is the version of a module compiled into this binary.
func dependencyVersion(path string) string {
	info, _ := debug.ReadBuildInfo()
	return moduleVersion(info, path)
}

// moduleVersion is the version of a module compiled into a binary, given
// its build information (nil when the binary has none).
func moduleVersion(info *debug.BuildInfo, path string) string {
	if info == nil {
		return "(unknown)"
	}
	for _, d := range info.Deps {
		if d.Path != path {
			continue
		}
		switch {
		case d.Replace == nil:
			return d.Version
		case d.Replace.Version != "":
			return d.Replace.Version
		default: // replaced by a directory, whose code may differ from any version
			return d.Version + " (replaced by " + d.Replace.Path + ")"
		}
	}
	return "(unknown)"
}
