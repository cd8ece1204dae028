package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The formats checked besides the validator's own (uri, email, date,
// time, date-time, semver, ...): the Python packaging formats that
// validate-pyproject defines and SchemaStore's schemas use, the integer
// formats that schemars writes for Rust tools' schemas, and the PEP
// formats that formatOverlays add to pyproject.json. A format no one
// registered (semver-requirement, in cargo.json) is not checked.
type format struct {
	noun  string // for messages: "is not a PEP 508 dependency specifier"
	check func(v any) error
}

var formats = map[string]format{
	"pep508":                   {"PEP 508 dependency specifier", onString(checkRequirement)},
	"pep440":                   {"PEP 440 version", onString(checkPEP440Version)},
	"pep440-specifiers":        {"PEP 440 version specifier", onString(checkSpecifierSet)},
	"pep508-identifier":        {"PEP 508 name", onString(checkName)},
	"pep517-backend-reference": {"PEP 517 build backend (module.path:object.path)", onString(checkBackendReference)},
	"python-identifier":        {"Python identifier", onString(checkPythonIdentifier)},
	"python-qualified-identifier": {"dotted Python identifier",
		onString(checkQualifiedIdentifier)},
	"python-module-name": {"Python module name", onString(checkQualifiedIdentifier)},
	"pep561-stub-name":   {"PEP 561 stub package name (NAME-stubs)", onString(checkStubName)},
	"uint":               {"unsigned integer", inRange(0, math.MaxUint64)},
	"uint8":              {"8-bit unsigned integer", inRange(0, math.MaxUint8)},
	"uint16":             {"16-bit unsigned integer", inRange(0, math.MaxUint16)},
	"uint32":             {"32-bit unsigned integer", inRange(0, math.MaxUint32)},
}

func registerFormats(c *jsonschema.Compiler) {
	for name, f := range formats {
		c.RegisterFormat(&jsonschema.Format{Name: name, Validate: f.check})
	}
}

// onString applies a check to strings; a format says nothing about other
// types, which the type keyword is for.
func onString(check func(string) error) func(any) error {
	return func(v any) error {
		if s, ok := v.(string); ok {
			return check(s)
		}
		return nil
	}
}

// inRange checks that an integer is within [lo, hi].
func inRange(lo float64, hi float64) func(any) error {
	return func(v any) error {
		var f float64
		switch n := v.(type) {
		case int64:
			f = float64(n)
		case float64:
			f = n
		case json.Number:
			var err error
			if f, err = strconv.ParseFloat(string(n), 64); err != nil {
				return nil
			}
		default:
			return nil
		}
		if f != math.Trunc(f) {
			return nil // not an integer: the type keyword says so
		}
		if f < lo || f > hi {
			return fmt.Errorf("out of range %s..%s", strconv.FormatFloat(lo, 'f', -1, 64), strconv.FormatFloat(hi, 'f', -1, 64))
		}
		return nil
	}
}

// checkPythonIdentifier checks a name as Python's str.isidentifier does:
// a letter or '_' (of any script), then letters, digits, marks and
// connectors.
func checkPythonIdentifier(s string) error {
	if s == "" {
		return errors.New("it is empty")
	}
	for i, r := range s {
		start := r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r)
		if i == 0 && !start {
			return fmt.Errorf("it starts with %q", r)
		}
		if !start && !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc) {
			return fmt.Errorf("%q cannot be part of a Python identifier", r)
		}
	}
	return nil
}

// checkQualifiedIdentifier checks a dotted name: package.module.attr.
func checkQualifiedIdentifier(s string) error {
	for part := range strings.SplitSeq(s, ".") {
		if err := checkPythonIdentifier(part); err != nil {
			if part == "" {
				return errors.New("a part between dots is empty")
			}
			return err
		}
	}
	return nil
}

// checkStubName checks a PEP 561 stub package: the top-level name ends in
// -stubs, and the rest is a module name.
func checkStubName(s string) error {
	top, rest, _ := strings.Cut(s, ".")
	base, ok := strings.CutSuffix(top, "-stubs")
	if !ok {
		return errors.New("the top-level name does not end in -stubs")
	}
	if rest != "" {
		base += "." + rest
	}
	return checkQualifiedIdentifier(base)
}

// checkBackendReference checks a PEP 517 build-backend: a module path,
// and optionally ':' and an object path within it.
func checkBackendReference(s string) error {
	module, object, hasObject := strings.Cut(s, ":")
	if err := checkQualifiedIdentifier(module); err != nil {
		return fmt.Errorf("module %q: %w", module, err)
	}
	if hasObject {
		if err := checkQualifiedIdentifier(object); err != nil {
			return fmt.Errorf("object %q: %w", object, err)
		}
	}
	return nil
}

// formatOverlays add formats to embedded schemas that leave a
// standardised string unchecked: pyproject.json gives project.version a
// loose pattern, and dependencies no format at all. Each entry is a JSON
// pointer to a string schema and the format it gets.
var formatOverlays = map[string][]struct{ pointer, format string }{
	"pyproject.json": {
		{"/properties/project/properties/name", "pep508-identifier"},
		{"/properties/project/properties/version", "pep440"},
		{"/properties/project/properties/requires-python", "pep440-specifiers"},
		{"/properties/project/properties/dependencies/items", "pep508"},
		{"/properties/project/properties/optional-dependencies/patternProperties/^([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9._-]*[a-zA-Z0-9])$/items", "pep508"},
		{"/definitions/BuildSystem/properties/requires/items", "pep508"},
		{"/definitions/BuildSystem/properties/build-backend", "pep517-backend-reference"},
		{"/definitions/DependencyGroup/items/oneOf/0", "pep508"},
	},
}

// applyOverlay adds the formats of formatOverlays to a parsed embedded
// file. A pointer that does not lead to a string schema without a format
// is an error: the snapshot changed, and the overlay must follow it.
func applyOverlay(name string, doc any) error {
	for _, o := range formatOverlays[name] {
		node := doc
		for _, tok := range strings.Split(strings.TrimPrefix(o.pointer, "/"), "/") {
			switch n := node.(type) {
			case map[string]any:
				node = n[tok]
			case []any:
				i, err := strconv.Atoi(tok)
				if err != nil || i < 0 || i >= len(n) {
					node = nil
				} else {
					node = n[i]
				}
			default:
				node = nil
			}
		}
		obj, ok := node.(map[string]any)
		if !ok || obj["type"] != "string" || obj["format"] != nil {
			return fmt.Errorf("%s%s is not a string schema without a format", name, o.pointer)
		}
		obj["format"] = o.format
	}
	return nil
}
