package toml_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	tomltest "github.com/toml-lang/toml-test/v2"

	"github.com/seed02375186/toml"
	"github.com/seed02375186/toml/internal/tagged"
)

// inProcessDecoder drives the conformance runner with Parse of a version
// of TOML, in-process.
type inProcessDecoder struct{ version toml.Version }

func (d inProcessDecoder) Cmd() []string { return []string{"toml.V" + d.version.String() + ".Parse"} }

func (d inProcessDecoder) Run(_ context.Context, input string) (int, string, bool, error) {
	doc, err := d.version.Parse([]byte(input))
	if err != nil {
		return 0, err.Error(), true, nil
	}
	return 0, string(tagged.AppendDocument(nil, doc)), false, nil
}

// suites are the versions of toml-test's cases, with how many valid and
// invalid decoder cases and encoder cases each has.
var suites = []struct {
	version                 toml.Version
	valid, invalid, encoder int
}{
	{toml.V1_0, 205, 474, 205},
	{toml.V1_1, 214, 467, 214},
}

// TestConformance runs every decoder case of toml-test, valid and
// invalid, for TOML 1.0.0 (with Parse's default) and TOML 1.1.0 (with
// V1_1), with no skips. Each case is its own subtest.
func TestConformance(t *testing.T) {
	for _, suite := range suites {
		t.Run(suite.version.String(), func(t *testing.T) {
			r := tomltest.NewRunner(tomltest.Runner{
				Version:  suite.version.String(),
				Decoder:  inProcessDecoder{suite.version},
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
			if got := tests.PassedValid + tests.FailedValid; got != suite.valid {
				t.Errorf("ran %d valid cases, want %d", got, suite.valid)
			}
			if got := tests.PassedInvalid + tests.FailedInvalid; got != suite.invalid {
				t.Errorf("ran %d invalid cases, want %d", got, suite.invalid)
			}
			t.Logf("valid: %d passed, %d failed; invalid: %d passed, %d failed",
				tests.PassedValid, tests.FailedValid, tests.PassedInvalid, tests.FailedInvalid)
		})
	}
}
