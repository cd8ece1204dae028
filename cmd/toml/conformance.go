package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	tomltest "github.com/toml-lang/toml-test/v2"

	"github.com/seed02375186/toml"
	"github.com/seed02375186/toml/internal/tagged"
)

var testCommand = &command{
	name:    "test",
	summary: "run the embedded toml-test suite against this library or another parser",
	usage: `usage: toml test [--toml 1.1] [--decoder CMD] [--encoder CMD] [--run GLOB]
                 [--skip GLOB] [--json] [-v] [--parallel N] [--timeout D]

Test runs the toml-test ` + "v2.2.0" + ` suite compiled into toml: the decoder cases
(valid TOML to tagged JSON, and invalid TOML that must be rejected) and
the encoder cases (tagged JSON to TOML).

By default it tests this library, in-process, reading the cases as the
TOML version --toml names. With --decoder and/or
--encoder it tests another implementation's commands instead, each run
once per case with the input on standard input, as toml-test's own
runner does (see https://github.com/toml-lang/toml-test): a decoder
reads TOML and prints tagged JSON, or prints an error on standard error
and exits with status 1; an encoder reads tagged JSON and prints TOML.
With only --encoder, the decoder cases are skipped; with only --decoder,
the encoder cases are not run.

Each failure shows the case's name, the failure, the input, and a diff of
the wanted and the actual output (-want +got). The report ends with the
line "N passed, M failed", with ", K skipped" when cases were skipped.

Exit status: 0 when every case passed, 1 when any failed, 2 for usage
errors.

Flags:

  --toml VERSION     TOML version of the cases: 1.0 (default) or 1.1; the
                     1.1 suite's encoder cases read back TOML 1.0 too
  --decoder CMD      decoder command line, split into words like a shell
  --encoder CMD      encoder command line
  --run GLOB         run only the cases whose name matches GLOB, e.g.
                     'valid/string/*' or 'invalid/*/*' ('*' does not
                     match '/'); repeat or separate with commas for more
  --skip GLOB        skip the cases matching GLOB; repeatable
  --json             write the report as JSON: counts and failed cases
  -v                 list every case, passed or not
  --parallel N       run N cases at a time (default: the number of CPUs)
  --timeout D        time limit for one case (default 1s)

Examples:

  toml test
  toml test --run 'valid/string/*' -v
  toml test --decoder 'toml decode' --encoder 'toml encode'
  toml test --toml 1.1
  toml test --toml 1.1 --decoder 'toml decode --toml 1.1' --encoder 'toml encode'
  toml test --decoder 'python3 my_parser.py decode' --json
`,
	run: runTest,
}

// globList is a flag that may be repeated and holds comma-separated globs.
type globList []string

func (g *globList) String() string { return strings.Join(*g, ",") }

func (g *globList) Set(s string) error {
	for p := range strings.SplitSeq(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if _, err := filepath.Match(p, ""); err != nil {
			return fmt.Errorf("bad glob %q: %v", p, err)
		}
		*g = append(*g, p)
	}
	return nil
}

func runTest(c *command, e *env, args []string) int {
	fs := newFlagSet(c)
	var (
		version  = tomlFlag(fs)
		decoder  = fs.String("decoder", "", "decoder command")
		encoder  = fs.String("encoder", "", "encoder command")
		asJSON   = fs.Bool("json", false, "JSON report")
		verbose  = fs.Bool("v", false, "list every case")
		parallel = fs.Int("parallel", runtime.NumCPU(), "cases at a time")
		timeout  = fs.Duration("timeout", time.Second, "time limit per case")
		run      globList
		skip     globList
	)
	fs.Var(&run, "run", "cases to run")
	fs.Var(&skip, "skip", "cases to skip")
	rest, err := parseFlags(e, c, fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		return usageError(e, c, "no arguments allowed, got %q", rest[0])
	}
	if *parallel < 1 {
		return usageError(e, c, "--parallel must be at least 1")
	}

	r := tomltest.Runner{
		Version:   version.String(),
		RunTests:  run,
		SkipTests: skip,
		Parallel:  *parallel,
		Timeout:   *timeout,
	}
	switch {
	case *decoder == "" && *encoder == "":
		r.Decoder, r.Encoder = inProcessDecoder{*version}, inProcessEncoder{}
	default:
		if *decoder != "" {
			words, err := splitCommand(*decoder)
			if err != nil {
				return usageError(e, c, "--decoder: %v", err)
			}
			r.Decoder = tomltest.NewCommandParser(words)
		} else {
			// The runner needs a decoder even for cases it skips.
			r.Decoder = inProcessDecoder{*version}
			r.SkipTests = append(r.SkipTests, decoderCases...)
		}
		if *encoder != "" {
			words, err := splitCommand(*encoder)
			if err != nil {
				return usageError(e, c, "--encoder: %v", err)
			}
			r.Encoder = tomltest.NewCommandParser(words)
		}
	}
	r = tomltest.NewRunner(r)

	tests, err := r.Run()
	if err != nil {
		fmt.Fprintf(e.stderr, "toml test: %v\n", err)
		return exitUsage
	}
	if len(tests.Tests) == 0 {
		fmt.Fprintf(e.stderr, "toml test: no case matches --run %s\n", run.String())
		return exitUsage
	}
	rep := newReport(r, tests)
	if *asJSON {
		err = rep.writeJSON(e.stdout, *verbose)
	} else {
		err = rep.writeText(e.stdout, *verbose, useColor(e.stdout))
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "toml test: %v\n", err)
		return exitFailure
	}
	if rep.Failed > 0 {
		return exitFailure
	}
	return exitOK
}

// decoderCases are globs matching every decoder case, valid and invalid,
// for skipping them when only an encoder is tested. A '*' stops at '/', so
// each depth needs its own glob.
var decoderCases = []string{"valid/*", "valid/*/*", "valid/*/*/*", "invalid/*", "invalid/*/*", "invalid/*/*/*"}

// inProcessDecoder runs the Parse of a version of TOML in this process,
// as toml-test's decoder.
type inProcessDecoder struct{ version toml.Version }

func (d inProcessDecoder) Cmd() []string {
	if d.version == toml.V1_0 {
		return []string{"(in-process toml.Parse)"}
	}
	return []string{"(in-process toml.V1_1.Parse)"}
}

func (d inProcessDecoder) Run(_ context.Context, input string) (pid int, output string, isError bool, err error) {
	defer recoverCase(&err)
	doc, perr := d.version.Parse([]byte(input))
	if perr != nil {
		return 0, asCommandOutput(perr.Error()), true, nil
	}
	return 0, asCommandOutput(string(tagged.AppendDocument(nil, doc))), false, nil
}

// recoverCase turns a panic in the code under test into the failure of
// one case rather than the end of the run.
func recoverCase(err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("panic: %v", p)
	}
}

// report is what toml test prints: the counts, and the cases to show.
type report struct {
	Suite   string   `json:"suite"`
	TOML    string   `json:"toml"`
	Decoder []string `json:"decoder"`
	Encoder []string `json:"encoder"`

	Passed  int `json:"passed"`
	Failed  int `json:"failed"`
	Skipped int `json:"skipped"`

	PassedValid   int `json:"passed_valid"`
	FailedValid   int `json:"failed_valid"`
	PassedEncoder int `json:"passed_encoder"`
	FailedEncoder int `json:"failed_encoder"`
	PassedInvalid int `json:"passed_invalid"`
	FailedInvalid int `json:"failed_invalid"`

	Tests []tomltest.Test `json:"tests"`
}

func newReport(r tomltest.Runner, tests tomltest.Tests) *report {
	rep := &report{
		Suite:         "toml-test " + dependencyVersion(tomlTestModule),
		TOML:          r.Version,
		Decoder:       r.Decoder.Cmd(),
		PassedValid:   tests.PassedValid,
		FailedValid:   tests.FailedValid,
		PassedEncoder: tests.PassedEncoder,
		FailedEncoder: tests.FailedEncoder,
		PassedInvalid: tests.PassedInvalid,
		FailedInvalid: tests.FailedInvalid,
		Tests:         tests.Tests,
	}
	if r.Encoder != nil {
		rep.Encoder = r.Encoder.Cmd()
	}
	rep.Passed = tests.PassedValid + tests.PassedEncoder + tests.PassedInvalid
	rep.Failed = tests.FailedValid + tests.FailedEncoder + tests.FailedInvalid
	// tests.Skipped also counts the cases --run left out; only the cases
	// that were picked and then skipped are reported as skipped.
	for _, t := range tests.Tests {
		if t.Skipped {
			rep.Skipped++
		}
	}
	return rep
}

// summary is the report's last line.
func (rep *report) summary() string {
	s := fmt.Sprintf("%d passed, %d failed", rep.Passed, rep.Failed)
	if rep.Skipped > 0 {
		s += fmt.Sprintf(", %d skipped", rep.Skipped)
	}
	return s
}

// writeJSON writes the counts and the failed cases (every case if verbose).
func (rep *report) writeJSON(w io.Writer, verbose bool) error {
	out := *rep
	out.Tests = []tomltest.Test{}
	for _, t := range rep.Tests {
		if verbose || t.Failed() {
			out.Tests = append(out.Tests, t)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
