package main

import (
	"errors"
	"strings"

	"github.com/seed02375186/toml"
)

// newerHint ends the message of a construct of TOML 1.1 in a file checked
// as TOML 1.0, as it ends the library's error for the first of them.
const newerHint = " is TOML 1.1; parse with toml.V1_1 or --toml 1.1"

// newerProblems returns, for a file that parsing rejected with err, a
// problem for each construct of TOML 1.1 in it, in source order, when err
// says the file is TOML 1.1 (the library says so only of a file that TOML
// 1.1 reads): the file is valid but for them, and each is reported at its
// place. It returns nil for any other error, which stands alone.
func newerProblems(name string, data []byte, err error) []*problem {
	var pe *toml.ParseError
	if !errors.As(err, &pe) || !strings.HasSuffix(pe.Message, newerHint) {
		return nil
	}
	needs, uses, err := toml.Portability(data)
	if err != nil || needs == toml.V1_0 {
		return nil // cannot be, by the library's promise; the parse error stands
	}
	problems := make([]*problem, len(uses))
	for i, u := range uses {
		problems[i] = &problem{
			File:     name,
			Line:     u.Position.Line,
			Column:   u.Position.Column,
			Severity: severityError,
			Message:  u.Name + newerHint,
			source:   data,
			offset:   u.Span.Start,
		}
	}
	return problems
}
