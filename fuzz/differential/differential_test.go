// Package differential compares the toml package with go-toml v2.3.1, the
// last go-toml release that implements TOML 1.0.0 (2.4 moved to 1.1), on
// the same input: both must accept or both reject, and what they accept
// must hold the same kinds and values. Every disagreement fails: on the
// toml-test suite and the real-world corpus go-toml v2.3.1 and TOML 1.0.0
// agree, so no known deviation is excused.
//
//	go test -run '^$' -fuzz '^FuzzDifferential$' -fuzztime 30m -parallel 1
package differential

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	gotoml "github.com/pelletier/go-toml/v2"

	"github.com/seed02375186/toml"
)

// FuzzDifferential parses each input with both implementations and
// compares accept/reject and, for accepted input, the plain trees.
func FuzzDifferential(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s.data)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, ourErr := toml.Parse(src)
		var their any
		theirErr := gotoml.Unmarshal(src, &their)
		switch {
		case ourErr != nil && theirErr != nil:
			return
		case ourErr != nil:
			t.Fatalf("input %q:\nwe reject it (%v) but go-toml accepts it as %v", src, ourErr, their)
		case theirErr != nil:
			t.Fatalf("input %q:\nwe accept it but go-toml rejects it: %v", src, theirErr)
		}
		if diff := cmp.Diff(theirs(their), ours(doc.Root)); diff != "" {
			t.Fatalf("input %q:\nvalues differ (-go-toml +ours):\n%s", src, diff)
		}
	})
}
