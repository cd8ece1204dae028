package differential

import (
	"bytes"
	"errors"

	"github.com/seed02375186/toml"
)

// deviation is a known way in which the two implementations may disagree
// without either being wrong about TOML 1.0.0.
type deviation struct {
	name string
	// why cites what makes the disagreement acceptable.
	why string
	// applies reports whether a disagreement on src is this one, given our
	// error and go-toml's result and error.
	applies func(src []byte, ourErr error, their any, theirErr error) bool
}

// deviations is the whole list; keep it short, and cite the reason for
// each entry.
var deviations = []deviation{
	{
		name: "nesting deeper than toml.MaxDepth",
		why: "our documented limit (toml.MaxDepth) against unbounded recursion; the spec sets no " +
			"nesting limit, and go-toml has none, so it accepts what we refuse",
		applies: func(_ []byte, ourErr error, their any, theirErr error) bool {
			return ourErr != nil && theirErr == nil && depth(their) > toml.MaxDepth
		},
	},
	{
		name: `go-toml accepts the escape \e`,
		why: `\e is new in TOML 1.1.0; TOML 1.0.0, "String": "All other escape sequences not listed ` +
			`above are reserved; if they are used, TOML should produce an error." go-toml v2.3.1 ` +
			`decodes it as U+001B (found by FuzzDifferential: 0="\e")`,
		applies: func(src []byte, ourErr error, _ any, theirErr error) bool {
			return theirErr == nil && errorAt(src, ourErr, `\e`)
		},
	},
}

// errorAt reports whether err is a *toml.ParseError at an occurrence of text.
func errorAt(src []byte, err error, text string) bool {
	var pe *toml.ParseError
	return errors.As(err, &pe) && pe.Offset <= len(src) && bytes.HasPrefix(src[pe.Offset:], []byte(text))
}

// knownDeviation returns the deviation a disagreement is, or nil.
func knownDeviation(src []byte, ourErr error, their any, theirErr error) *deviation {
	for i := range deviations {
		if deviations[i].applies(src, ourErr, their, theirErr) {
			return &deviations[i]
		}
	}
	return nil
}

// depth returns how many steps (keys and indexes) below the root the
// deepest node of a go-toml tree lies.
func depth(v any) int {
	deepest := 0
	switch v := v.(type) {
	case map[string]any:
		for _, e := range v {
			deepest = max(deepest, 1+depth(e))
		}
	case []any:
		for _, e := range v {
			deepest = max(deepest, 1+depth(e))
		}
	}
	return deepest
}
