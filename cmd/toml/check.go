package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unsafe"

	"github.com/seed02375186/toml"
)

var checkCommand = &command{
	name:    "check",
	summary: "validate TOML files, reporting each problem at path:line:column",
	usage: `usage: toml check [--format text|github|json] [--toml 1.1]
                  [--schema FILE | --no-schema] [--strict] PATH...

Check parses every file as TOML 1.0.0 (1.1.0 with --toml 1.1) and
reports each one that is not valid. A directory is searched recursively
for *.toml files (skipping .git directories); a file named explicitly is
checked whatever its name; '-' reads standard input. All files are
checked, in parallel, and reported in the order given (directories in
lexical order).

A file that has a JSON Schema is validated against it too, and every
violation is reported at the key or value at fault. Its schema is, first
found first:

  --schema FILE      the named schema, for every file
  #:schema PATH      a comment among those that open the file: a path
                     (relative to the file) or a SchemaStore URL
  the file's name    the schema SchemaStore's catalog gives it:
                     pyproject.toml, Cargo.toml, ruff.toml, .ruff.toml,
                     uv.toml, rustfmt.toml, rust-toolchain.toml, taplo.toml,
                     tombi.toml, pdm.toml, hatch.toml, Makefile.toml
                     (cargo-make), pylock.toml, cibuildwheel.toml,
                     maturin.toml, ty.toml, quikrun.toml

The SchemaStore schemas are built in; no schema is ever fetched. A
violation of a standard's rules (all of Cargo.toml, pyproject.toml outside
[tool]) or of a schema named by --schema or #:schema is an error. A
violation of a tool's own schema ([tool.NAME] in pyproject.toml, and tool
files such as ruff.toml and uv.toml) is a warning, since those schemas lag
or lead their tools; --strict makes it an error.

Each problem goes to standard output. The text format (the default) is
the convention of compilers and go vet, which editors and CI logs link:

  path:line:column: message
      the offending line
            ^

--format github prints GitHub Actions annotations
(::error file=path,line=N,col=N::message, or ::warning) and --format json
prints a JSON array of {"file", "line", "column", "severity", "message"}
objects ([] when all are valid). A summary goes to standard error:
"checked 37 files: 2 invalid, 3 warnings".

A file that TOML 1.0 rejects only for constructs of TOML 1.1 gets a
problem for each of them, at its line and column: a newline, a comment
or a trailing comma in an inline table, a \e or \xHH escape, a time
without seconds. So a file that must stay readable by TOML 1.0 parsers
(Python's tomllib before 3.15, Cargo before Rust 1.94) is checked in one
pass; --toml 1.1 accepts them.

Exit status: 0 when every file is valid (warnings do not count), 1 when
any is invalid, 2 for usage errors (a --schema file that cannot be used
is one) or a file or directory that cannot be read (the message says
which; the other files are still checked).

Flags:

  --format FORMAT   text (default), github or json
  --toml VERSION    read TOML 1.0 (the default) or 1.1
  --schema FILE     validate every file against this JSON Schema
  --no-schema       do not validate against schemas
  --strict          make violations of tools' schemas errors, not warnings

Examples:

  toml check pyproject.toml
  toml check .                        # every *.toml below the current directory
  toml check --format github .        # in a GitHub Actions step
  toml check --format json config/ | jq -r '.[].file'
  toml check --schema config.schema.json config.toml
  cat Cargo.toml | toml check -
  toml check --toml 1.1 ruff.toml     # a file for TOML 1.1 readers
`,
	run: runCheck,
}

// checkTarget is one file to check: a path, or standard input. A path
// that does not exist, or a directory that cannot be walked, is a target
// with its error, so that it is reported in its place.
type checkTarget struct {
	name  string // as reported: the path, or "<stdin>"
	stdin bool
	err   error
}

// checkResult is what checking one file found.
type checkResult struct {
	problems []*problem // in document order; none when the file is valid
	readErr  error      // the file could not be read
}

// invalid reports whether any of the problems is an error: warnings
// alone leave a file valid.
func (r checkResult) invalid() bool {
	for _, p := range r.problems {
		if p.Severity == severityError {
			return true
		}
	}
	return false
}

// The severities of a problem. An error makes the file invalid and the
// exit status 1; a warning is reported and changes neither.
const (
	severityError   = "error"
	severityWarning = "warning"
)

// problem is one thing wrong with a file, at a place in it.
type problem struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Message  string `json:"message"`

	// source is the file's text, for the text format's excerpt; offset is
	// the byte offset of the problem in it.
	source []byte
	offset int
}

const stdinName = "<stdin>"

func runCheck(c *command, e *env, args []string) int {
	fs := newFlagSet(c)
	format := fs.String("format", "text", "output format: text, github or json")
	version := tomlFlag(fs)
	schemaFile := fs.String("schema", "", "validate every file against this JSON Schema")
	noSchema := fs.Bool("no-schema", false, "do not validate against schemas")
	strict := fs.Bool("strict", false, "make violations of tools' schemas errors")
	paths, err := parseFlags(e, c, fs, args)
	if err != nil {
		return flagExit(err)
	}
	write, ok := problemWriters[*format]
	if !ok {
		return usageError(e, c, "unknown --format %q (want text, github or json)", *format)
	}
	if len(paths) == 0 {
		return usageError(e, c, "no files given (use '.' for the current directory, '-' for standard input)")
	}
	schemas, err := newSchemaChecker(*schemaFile, *noSchema, *strict)
	if err != nil {
		return usageError(e, c, "%v", err)
	}

	targets := collectTargets(paths)
	results := checkAll(targets, e.stdin, *version, schemas)

	var problems []*problem
	unreadable, invalid, warnings := 0, 0, 0
	for i, r := range results {
		if r.readErr != nil {
			unreadable++
			fmt.Fprintf(e.stderr, "toml check: cannot read %s: %v\n", targets[i].name, unwrapPathError(r.readErr))
			continue
		}
		if r.invalid() {
			invalid++
		}
		for _, p := range r.problems {
			if p.Severity == severityWarning {
				warnings++
			}
		}
		problems = append(problems, r.problems...)
	}
	if err := write(e.stdout, problems, useColor(e.stdout)); err != nil {
		fmt.Fprintf(e.stderr, "toml check: %v\n", err)
		return exitUsage
	}

	summary := fmt.Sprintf("checked %s: %d invalid", plural(len(targets)-unreadable, "file"), invalid)
	if warnings > 0 {
		summary += ", " + plural(warnings, "warning")
	}
	if unreadable > 0 {
		summary += fmt.Sprintf(", %d unreadable", unreadable)
	}
	fmt.Fprintln(e.stderr, summary)
	switch {
	case unreadable > 0:
		return exitUsage
	case invalid > 0:
		return exitFailure
	}
	return exitOK
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// unwrapPathError drops the path from an *fs.PathError, which the caller
// has printed already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// collectTargets expands the command-line paths into the files to check,
// in order and without repeats.
func collectTargets(paths []string) []checkTarget {
	var (
		targets []checkTarget
		seen    = make(map[string]bool)
	)
	add := func(t checkTarget) {
		key := t.name
		if !t.stdin {
			key = filepath.Clean(t.name)
		}
		if !seen[key] {
			seen[key] = true
			targets = append(targets, t)
		}
	}
	for _, p := range paths {
		if p == "-" {
			add(checkTarget{name: stdinName, stdin: true})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			targets = append(targets, checkTarget{name: p, err: err})
			continue
		}
		if !info.IsDir() {
			add(checkTarget{name: p})
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				targets = append(targets, checkTarget{name: path, err: err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if d.Name() == ".git" && path != p {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(d.Name(), ".toml") {
				add(checkTarget{name: path})
			}
			return nil
		})
		if err != nil {
			targets = append(targets, checkTarget{name: p, err: err})
		}
	}
	return targets
}

// checkAll checks the targets, as TOML of the given version, in parallel
// and returns the results in the targets' order.
func checkAll(targets []checkTarget, stdin io.Reader, version toml.Version, schemas *schemaChecker) []checkResult {
	results := make([]checkResult, len(targets))
	readTargets(targets, stdin, func(i int, data []byte, err error) {
		results[i] = checkData(targets[i].name, data, err, version, schemas)
	})
	return results
}

// checkData parses one file's contents as TOML of the given version, and
// validates it against its schema if it has one.
func checkData(name string, data []byte, readErr error, version toml.Version, schemas *schemaChecker) checkResult {
	if readErr != nil {
		return checkResult{readErr: readErr}
	}
	// The data is never written after it is read: parsing it in place
	// saves a copy as large as the file.
	doc, err := version.ParseString(unsafe.String(unsafe.SliceData(data), len(data)))
	if err == nil {
		return checkResult{problems: schemas.check(name, data, doc)}
	}
	if problems := newerProblems(name, data, err); problems != nil {
		return checkResult{problems: problems}
	}
	return checkResult{problems: []*problem{problemOf(name, data, err)}}
}

// problemOf turns a parse error into a problem; a *toml.ParseError gives
// its position, and the first definition when a name was defined twice.
func problemOf(name string, data []byte, err error) *problem {
	var pe *toml.ParseError
	if !errors.As(err, &pe) {
		return &problem{File: name, Line: 1, Column: 1, Severity: severityError, Message: err.Error(), source: data}
	}
	msg := pe.Message
	if pe.Previous.Line > 0 {
		msg += fmt.Sprintf(" (first defined at line %d, column %d)", pe.Previous.Line, pe.Previous.Column)
	}
	return &problem{File: name, Line: pe.Line, Column: pe.Column, Severity: severityError, Message: msg, source: data, offset: pe.Offset}
}
