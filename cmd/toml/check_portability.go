package main

import "github.com/seed02375186/toml"

// newerHint ends the message of a construct of TOML 1.1 in a file checked
// as TOML 1.0, as it ends the library's error for the first of them.
const newerHint = " is TOML 1.1; parse with toml.V1_1 or --toml 1.1"

// newerProblems returns, for a file that TOML of the given version
// rejected, a problem for each construct of TOML 1.1 in it, when that
// version is 1.0 and the file is TOML 1.1: the file is valid but for
// them, and each is reported at its place, in source order. It returns
// nil otherwise: the file has a fault of another kind, which the parse
// error reports.
func newerProblems(name string, data []byte, version toml.Version) []*problem {
	if version != toml.V1_0 {
		return nil
	}
	needs, uses, err := toml.Portability(data)
	if err != nil || needs == toml.V1_0 {
		return nil
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
