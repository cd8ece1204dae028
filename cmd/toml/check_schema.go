package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/seed02375186/toml"
	"github.com/seed02375186/toml/schema"
)

// schemaChecker validates each parsed file against its JSON Schema: the
// one --schema names, else the one a #:schema comment names, else the
// embedded SchemaStore schema for the file's name (pyproject.toml,
// Cargo.toml, ruff.toml, ...). A nil *schemaChecker validates nothing.
type schemaChecker struct {
	named  *schema.Schema // --schema: for every file
	strict bool           // --strict: tools' violations are errors too
}

// newSchemaChecker reads check's schema flags. The --schema file is
// opened once, here, so that a bad one is a usage error.
func newSchemaChecker(file string, off, strict bool) (*schemaChecker, error) {
	switch {
	case off && file != "":
		return nil, fmt.Errorf("--schema and --no-schema cannot be used together")
	case off:
		return nil, nil
	}
	sc := &schemaChecker{strict: strict}
	if file != "" {
		s, err := schema.Open(file, ".")
		if err != nil {
			return nil, fmt.Errorf("--schema: %v", err)
		}
		sc.named = s
	}
	return sc, nil
}

// check returns the problems of a parsed file against its schema.
//
// Violations are errors when the schema's rules are a standard's (all of
// Cargo.toml; pyproject.toml outside [tool]) or the user named the
// schema; violations of a tool's own schema ([tool.NAME] in
// pyproject.toml, and tool files such as ruff.toml) are warnings unless
// --strict, since those schemas lag or lead the tools they describe.
func (sc *schemaChecker) check(name string, data []byte, doc *toml.Document) []*problem {
	if sc == nil {
		return nil
	}
	s, named := sc.named, sc.named != nil
	at := 0 // where a schema that cannot be used is reported
	if s == nil {
		if ref, offset, ok := schemaDirective(data); ok {
			dir := "."
			if name != stdinName {
				dir = filepath.Dir(name)
			}
			var err error
			if s, err = schema.Open(ref, dir); err != nil {
				return []*problem{sc.problemAt(name, data, doc, offset, fmt.Sprintf("#:schema %s: %v", ref, err))}
			}
			named, at = true, offset
		} else if name != stdinName {
			s = schema.ForFile(name)
		}
	}
	if s == nil {
		return nil
	}
	violations, err := s.Validate(doc)
	if err != nil {
		return []*problem{sc.problemAt(name, data, doc, at, err.Error())}
	}
	problems := make([]*problem, 0, len(violations))
	for _, v := range violations {
		severity := severityError
		if v.Tool != "" && !named && !sc.strict {
			severity = severityWarning
		}
		problems = append(problems, &problem{
			File: name, Line: v.Position.Line, Column: v.Position.Column,
			Severity: severity, Message: v.Message,
			source: data, offset: v.Position.Offset,
		})
	}
	return problems
}

func (sc *schemaChecker) problemAt(name string, data []byte, doc *toml.Document, offset int, msg string) *problem {
	p := doc.Position(offset)
	return &problem{File: name, Line: p.Line, Column: p.Column, Severity: severityError, Message: msg, source: data, offset: offset}
}

// schemaDirective finds a "#:schema PATH-OR-URL" comment among the
// comments and blank lines that open a file, the convention of taplo and
// tombi, and returns what it names and the offset where that starts.
func schemaDirective(data []byte) (ref string, offset int, ok bool) {
	for start := 0; start < len(data); {
		end := start + bytes.IndexByte(data[start:], '\n')
		if end < start {
			end = len(data)
		}
		line := strings.TrimRight(string(data[start:end]), "\r")
		trimmed := strings.TrimLeft(line, " \t")
		switch {
		case trimmed == "":
		case strings.HasPrefix(trimmed, "#:schema ") || strings.HasPrefix(trimmed, "#:schema\t"):
			rest := trimmed[len("#:schema"):]
			value := strings.TrimSpace(rest)
			if value == "" {
				return "", 0, false
			}
			col := len(line) - len(trimmed) + len("#:schema") + strings.Index(rest, value)
			return value, start + col, true
		case strings.HasPrefix(trimmed, "#"):
		default:
			return "", 0, false
		}
		start = end + 1
	}
	return "", 0, false
}
