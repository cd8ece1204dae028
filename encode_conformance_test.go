package toml_test

import (
	"context"
	"strings"
	"testing"

	tomltest "github.com/toml-lang/toml-test/v2"

	"github.com/seed02375186/toml"
	"github.com/seed02375186/toml/internal/tagged"
)

// inProcessEncoder drives the conformance runner's encoder cases: tagged
// JSON in, through tagged.ToGo and Marshal, TOML out.
type inProcessEncoder struct{}

func (inProcessEncoder) Cmd() []string { return []string{"toml.Marshal"} }

func (inProcessEncoder) Run(_ context.Context, input string) (int, string, bool, error) {
	v, err := tagged.ToGo([]byte(input))
	if err != nil {
		return 0, err.Error(), true, nil
	}
	out, err := toml.Marshal(v)
	if err != nil {
		return 0, err.Error(), true, nil
	}
	// The runner trims a command's output and ends it with a newline (see
	// CommandParser.Run); do the same, so that an empty document is, as
	// from the toml CLI, one newline rather than no output at all.
	return 0, strings.TrimSpace(string(out)) + "\n", false, nil
}

// TestEncoderConformance runs every encoder case of toml-test, of TOML
// 1.0.0 and of TOML 1.1.0: the runner reads our TOML back with its own
// decoder and compares values. Marshal writes TOML 1.0 for both; the
// 1.1 cases' TOML is also read back here with Parse, in 1.0 mode. The
// decoder cases run in TestConformance.
func TestEncoderConformance(t *testing.T) {
	for _, suite := range suites {
		t.Run(suite.version.String(), func(t *testing.T) {
			r := tomltest.NewRunner(tomltest.Runner{
				Version:  suite.version.String(),
				Decoder:  inProcessDecoder{suite.version},
				Encoder:  inProcessEncoder{},
				RunTests: []string{"encoder/*", "encoder/*/*", "encoder/*/*/*"},
				Parallel: 2,
			})
			tests, err := r.Run()
			if err != nil {
				t.Fatal(err)
			}
			for _, tc := range tests.Tests {
				if !tc.Encoder() {
					continue
				}
				t.Run(tc.Path, func(t *testing.T) {
					if tc.Skipped {
						t.Fatal("skipped: no case may be skipped")
					}
					if tc.Failed() {
						t.Errorf("%s\ninput:\n%s\noutput:\n%s", tc.Failure, tc.Input, tc.Output)
					}
					if _, err := toml.Parse([]byte(tc.Output)); err != nil {
						t.Errorf("the encoder wrote TOML that is not TOML 1.0: %v\noutput:\n%s", err, tc.Output)
					}
				})
			}
			if got := tests.PassedEncoder + tests.FailedEncoder; got != suite.encoder {
				t.Errorf("ran %d encoder cases, want %d", got, suite.encoder)
			}
			t.Logf("encoder: %d passed, %d failed", tests.PassedEncoder, tests.FailedEncoder)
		})
	}
}
