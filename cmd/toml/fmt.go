package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"

	"github.com/seed02375186/toml"
)

var fmtCommand = &command{
	name:    "fmt",
	summary: "format TOML files in one style, keeping every comment",
	usage: `usage: toml fmt [-w] [-l] [--check] [--diff] [--toml 1.0|1.1] [PATH...]

Fmt lays TOML files out in the one style of toml.Format (there are no
options, as with gofmt): one space around '=', no indentation, a blank
line before each table header, at most one blank line in a row, arrays
over several lines indented by four spaces with a comma after every
element, and so on ('go doc github.com/seed02375186/toml.Format' lists the
rules with the figures of the real-world files they come from). It
changes only blanks, line breaks and commas: never the order of keys or
tables, the text of keys, values or comments, which arrays span several
lines, or the file's line ending (LF or CRLF).

With no flag, fmt prints the formatted files to standard output. A
directory is searched recursively for *.toml files (skipping .git), as
toml check does; '-', or no PATH at all, reads standard input.

An invalid file is reported on standard error as toml check reports it
(path:line:column: message) and left untouched. Files are formatted in
parallel and reported in the order given.

Files are read as TOML 1.0, and a file that uses TOML 1.1 is reported as
invalid, each 1.1 construct at its place. --toml 1.1 reads them as 1.1
and keeps their 1.1 syntax, laying out an inline table over several
lines as an array over several lines is laid out. --toml 1.0 rewrites a
TOML 1.1 file as TOML 1.0 with the same data (toml.Downgrade): \e and
\xHH escapes as \u001B and \u00HH, times without seconds with ":00",
inline tables over several lines onto one line (their comments on lines
of their own above) or, when they hold comments and have a line of
their own, into a [table] at the end of their table's section.

Exit status: 0 on success; 1 when a file is invalid, or with --check when
a file is not formatted; 2 for usage errors and unreadable files.

Flags:

  -w        rewrite each file that is not formatted, in place and
            atomically (a temporary file renamed over it, its mode kept);
            a formatted file is not written at all, so its modification
            time does not change
  -l        list the files whose formatting differs from fmt's
  --check   list them and exit 1 if there is any (for CI)
  --diff    print a unified diff for each file that is not formatted (the
            same bytes on every run)
  --toml V  1.1: read and keep TOML 1.1; 1.0: rewrite TOML 1.1 as 1.0

Examples:

  toml fmt pyproject.toml              # print the formatted file
  toml fmt -w .                        # format every *.toml in place
  toml fmt --check .                   # in CI: fail on unformatted files
  toml fmt --diff Cargo.toml
  cat config.toml | toml fmt
  toml fmt -w --toml 1.0 ruff.toml     # make a TOML 1.1 file TOML 1.0
`,
	run: runFmt,
}

// fmtResult is what formatting one file gave.
type fmtResult struct {
	data, formatted []byte
	problems        []*problem // the file is invalid
	readErr         error
}

func runFmt(c *command, e *env, args []string) int {
	fs := newFlagSet(c)
	var (
		write = fs.Bool("w", false, "rewrite files in place")
		list  = fs.Bool("l", false, "list files that are not formatted")
		check = fs.Bool("check", false, "list files that are not formatted and exit 1 if any")
		diff  = fs.Bool("diff", false, "print unified diffs")
	)
	version := tomlFlag(fs)
	paths, err := parseFlags(e, c, fs, args)
	if err != nil {
		return flagExit(err)
	}
	// --toml 1.0, said, is a rewrite of TOML 1.1; unsaid, the default.
	downgrade := false
	fs.Visit(func(f *flag.Flag) { downgrade = downgrade || f.Name == "toml" && *version == toml.V1_0 })
	format := version.Format
	if downgrade {
		format = func(src []byte) ([]byte, error) {
			out, err := toml.Downgrade(src)
			if err != nil {
				return nil, err
			}
			return toml.Format(out)
		}
	}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	targets := collectTargets(paths)
	for _, t := range targets {
		if t.stdin && *write {
			return usageError(e, c, "-w cannot rewrite standard input")
		}
	}

	results := make([]fmtResult, len(targets))
	readTargets(targets, e.stdin, func(i int, data []byte, err error) {
		if err != nil {
			results[i] = fmtResult{readErr: err}
			return
		}
		out, err := format(data)
		if err != nil {
			problems := newerProblems(targets[i].name, data, err)
			if problems == nil {
				problems = []*problem{problemOf(targets[i].name, data, err)}
			}
			results[i] = fmtResult{problems: problems}
			return
		}
		results[i] = fmtResult{data: data, formatted: out}
	})

	// Files go to standard output in their order as they come, each in
	// one write: a 10 MB file is not copied again.
	stdout := &errWriter{w: e.stdout}
	unreadable, invalid, changed := 0, 0, 0
	for i, r := range results {
		name := targets[i].name
		switch {
		case r.readErr != nil:
			unreadable++
			fmt.Fprintf(e.stderr, "toml fmt: cannot read %s: %v\n", name, unwrapPathError(r.readErr))
			continue
		case r.problems != nil:
			invalid++
			writeProblemsText(e.stderr, r.problems, useColor(e.stderr))
			continue
		}
		same := bytes.Equal(r.data, r.formatted)
		if !same {
			changed++
		}
		if !*write && !*list && !*check && !*diff {
			stdout.Write(r.formatted)
			continue
		}
		if same {
			continue
		}
		if *list || *check {
			fmt.Fprintln(stdout, name)
		}
		if *diff {
			stdout.Write(unifiedDiff(name+".orig", name, r.data, r.formatted))
		}
		if *write {
			if err := writeFileAtomic(name, r.formatted); err != nil {
				unreadable++
				fmt.Fprintf(e.stderr, "toml fmt: cannot write %s: %v\n", name, unwrapPathError(err))
			}
		}
	}
	if stdout.err != nil {
		fmt.Fprintf(e.stderr, "toml fmt: %v\n", stdout.err)
		return exitUsage
	}
	if *check {
		fmt.Fprintf(e.stderr, "checked %s: %d not formatted, %d invalid\n", plural(len(targets)-unreadable, "file"), changed, invalid)
	}
	switch {
	case unreadable > 0:
		return exitUsage
	case invalid > 0, *check && changed > 0:
		return exitFailure
	}
	return exitOK
}

// errWriter writes to w until a write fails, and keeps the first error, so
// that a loop of writes checks once at its end.
type errWriter struct {
	w   io.Writer
	err error
}

func (w *errWriter) Write(b []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.w.Write(b)
	w.err = err
	return n, err
}
