package toml_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	tomltest "github.com/toml-lang/toml-test/v2"

	"github.com/seed02375186/toml"
	"github.com/seed02375186/toml/internal/tagged"
)

// inProcessDecoder drives the conformance runner with Parse, in-process.
type inProcessDecoder struct{}

func (inProcessDecoder) Cmd() []string { return []string{"toml.Parse"} }

func (inProcessDecoder) Run(_ context.Context, input string) (int, string, bool, error) {
	doc, err := toml.Parse([]byte(input))
	if err != nil {
		return 0, err.Error(), true, nil
	}
	return 0, string(tagged.AppendDocument(nil, doc)), false, nil
}

// TestConformance runs every TOML 1.0.0 decoder case of toml-test, valid
// and invalid, with no skips. Each case is its own subtest.
func TestConformance(t *testing.T) {
	r := tomltest.NewRunner(tomltest.Runner{
		Version:  "1.0.0",
		Decoder:  inProcessDecoder{},
		Parallel: 4,
	})
	tests, err := r.Run()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests.Tests {
		t.Run(tc.Path, func(t *testing.T) {
			if tc.Skipped {
				t.Fatal("skipped: no case may be skipped")
			}
			if tc.Failed() {
				if tc.Invalid() {
					t.Errorf("%s\ninput:\n%s", tc.Failure, tc.Input)
					return
				}
				t.Errorf("%s\ninput:\n%s\n(-want +got):\n%s", tc.Failure, tc.Input, cmp.Diff(tc.Want, tc.Output))
			}
		})
	}
	if tests.Skipped > 0 {
		t.Errorf("%d cases skipped", tests.Skipped)
	}
	const wantValid, wantInvalid = 205, 474
	if got := tests.PassedValid + tests.FailedValid; got != wantValid {
		t.Errorf("ran %d valid cases, want %d", got, wantValid)
	}
	if got := tests.PassedInvalid + tests.FailedInvalid; got != wantInvalid {
		t.Errorf("ran %d invalid cases, want %d", got, wantInvalid)
	}
	t.Logf("valid: %d passed, %d failed; invalid: %d passed, %d failed",
		tests.PassedValid, tests.FailedValid, tests.PassedInvalid, tests.FailedInvalid)
}
