package differential

import (
	"github.com/seed02375186/toml"
)

// deviation is a known way in which the two implementations may disagree
// without either being wrong about TOML 1.0.0.
type deviation struct {
	name string
	// why cites what makes the disagreement acceptable.
	why string
	// applies reports whether a disagreement is this one, given our error
	// and go-toml's result and error.
	applies func(ourErr error, their any, theirErr error) bool
}

// deviations is the whole list; keep it short, and cite the reason for
// each entry.
var deviations = []deviation{
	{
		name: "nesting deeper than toml.MaxDepth",
		why: "our documented limit (toml.MaxDepth) against unbounded recursion; the spec sets no " +
			"nesting limit, and go-toml has none, so it accepts what we refuse",
		applies: func(ourErr error, their any, theirErr error) bool {
			return ourErr != nil && theirErr == nil && depth(their) > toml.MaxDepth
		},
	},
}

// knownDeviation returns the deviation a disagreement is, or nil.
func knownDeviation(ourErr error, their any, theirErr error) *deviation {
	for i := range deviations {
		if deviations[i].applies(ourErr, their, theirErr) {
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
