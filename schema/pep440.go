package schema

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// PEP 440 versions and version specifiers, as the PyPA specification
// "Version specifiers" defines them and the packaging library (what pip
// runs) reads them: case-insensitive, with the alternative spellings that
// normalise to the canonical form (1.0-alpha.1, 1.0.post-1, v1.0) allowed.

// The parts of a version, as packaging's VERSION_PATTERN spells them.
const (
	pepEpoch   = `(?:[0-9]+!)?`
	pepRelease = `[0-9]+(?:\.[0-9]+)*`
	pepPre     = `(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?`
	pepPost    = `(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?`
	pepDev     = `(?:[-_.]?dev[-_.]?[0-9]*)?`
	pepLocal   = `(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?`
)

var (
	pep440Version = regexp.MustCompile(`(?i)^v?` + pepEpoch + pepRelease + pepPre + pepPost + pepDev + pepLocal + `$`)

	// What each operator of a specifier takes. == and != take a prefix
	// (1.2.*) or a local version; ~= needs two release numbers; the
	// ordered comparisons take neither.
	pep440Equal      = regexp.MustCompile(`(?i)^v?` + pepEpoch + pepRelease + `(?:\.\*|` + pepPre + pepPost + pepDev + pepLocal + `)$`)
	pep440Compatible = regexp.MustCompile(`(?i)^v?` + pepEpoch + `[0-9]+(?:\.[0-9]+)+` + pepPre + pepPost + pepDev + `$`)
	pep440Ordered    = regexp.MustCompile(`(?i)^v?` + pepEpoch + pepRelease + pepPre + pepPost + pepDev + `$`)
)

// checkPEP440Version checks a version (project.version).
func checkPEP440Version(s string) error {
	if pep440Version.MatchString(s) {
		return nil
	}
	if strings.TrimSpace(s) != s {
		return errors.New("it has spaces around it")
	}
	return errors.New("see https://packaging.python.org/en/latest/specifications/version-specifiers/")
}

// pep440Operators are the comparison operators, longest first so that a
// scan takes "===" before "==".
var pep440Operators = []string{"===", "==", "!=", "<=", ">=", "~=", "<", ">"}

// checkSpecifier checks one version clause: an operator and the version
// it compares with.
func checkSpecifier(op, version string) error {
	var ok bool
	switch op {
	case "===":
		ok = version != "" && !strings.ContainsAny(version, " \t;)")
	case "==", "!=":
		ok = pep440Equal.MatchString(version)
	case "~=":
		ok = pep440Compatible.MatchString(version)
		if !ok && pep440Ordered.MatchString(version) && !strings.Contains(version, ".") {
			return fmt.Errorf("~=%s needs at least two release numbers (~=%s.0)", version, version)
		}
	default:
		ok = pep440Ordered.MatchString(version)
		if !ok && pep440Equal.MatchString(version) {
			return fmt.Errorf("%s%s: only == and != take a prefix (.*) or a local version (+...)", op, version)
		}
	}
	if !ok {
		return fmt.Errorf("%q is not a PEP 440 version", version)
	}
	return nil
}

// checkSpecifierSet checks a comma-separated list of clauses
// (project.requires-python: ">=3.9, <4").
func checkSpecifierSet(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("it is empty")
	}
	for clause := range strings.SplitSeq(s, ",") {
		clause = strings.Trim(clause, " \t")
		if clause == "" {
			return errors.New("a clause between commas is empty")
		}
		op := ""
		for _, o := range pep440Operators {
			if strings.HasPrefix(clause, o) {
				op = o
				break
			}
		}
		if op == "" {
			return fmt.Errorf("%q does not start with a comparison operator (==, !=, <=, >=, <, >, ~=, ===)", clause)
		}
		if err := checkSpecifier(op, strings.TrimLeft(clause[len(op):], " \t")); err != nil {
			return err
		}
	}
	return nil
}
