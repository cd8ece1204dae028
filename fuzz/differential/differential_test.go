// Package differential compares the toml package with go-toml v2.3.1, the
// last go-toml release that implements TOML 1.0.0 (2.4 moved to 1.1), on
// the same input: both must accept or both reject, and what they accept
// must hold the same kinds and values. A disagreement fails unless it is
// one of the deviations listed in deviations_test.go, each with the reason
// that the spec allows or requires it.
//
//	go test -run '^$' -fuzz '^FuzzDifferential$' -fuzztime 30m -parallel 1
package differential

import (
	"fmt"
	"reflect"
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
		msg, excused := compare(src)
		if msg != "" {
			t.Fatalf("input %q:\n%s", src, msg)
		}
		if excused != nil {
			t.Logf("known deviation, %s: %s", excused.name, excused.why)
		}
	})
}

// compare parses src with both implementations and returns how they
// disagree, or "" if they agree; a disagreement that is a known deviation
// is returned as that deviation instead.
func compare(src []byte) (string, *deviation) {
	doc, ourErr := toml.Parse(src)
	var their any
	theirErr := gotoml.Unmarshal(src, &their)
	if known := knownDeviation(src, ourErr, their, theirErr); known != nil {
		return "", known
	}
	switch {
	case ourErr != nil && theirErr != nil:
		return "", nil
	case ourErr != nil:
		return fmt.Sprintf("we reject it (%v) but go-toml accepts it as %v", ourErr, their), nil
	case theirErr != nil:
		return fmt.Sprintf("we accept it but go-toml rejects it: %v", theirErr), nil
	}
	if diff := diffTrees(theirs(their), ours(doc.Root())); diff != "" {
		return fmt.Sprintf("values differ (-go-toml +ours):\n%s", diff), nil
	}
	return "", nil
}

// diffTrees returns cmp.Diff of two plain trees, after a cheap equality
// check: cmp.Diff tracks its path, which is slow on trees thousands of
// levels deep. Plain trees hold no NaN (floats are spelled), so
// reflect.DeepEqual is exact on them.
func diffTrees(want, got any) string {
	if reflect.DeepEqual(want, got) {
		return ""
	}
	return cmp.Diff(want, got)
}
