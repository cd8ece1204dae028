package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFromJSON(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		want  result
	}{
		{"kinds", `{"s": "1979-05-27", "i": 42, "f": 1.0, "e": 1e3, "b": false, "a": [1, "x"]}`,
			result{exitOK, "a = [1, \"x\"]\nb = false\ne = 1000.0\nf = 1.0\ni = 42\ns = \"1979-05-27\"\n", ""}},
		{"nested objects become tables", `{"z": 1, "t": {"u": {"k": "v"}}, "list": [{"n": 1}, {"n": 2}]}`,
			result{exitOK, "z = 1\n\n[[list]]\nn = 1\n\n[[list]]\nn = 2\n\n[t.u]\nk = \"v\"\n", ""}},
		{"empty object", `{}`, result{exitOK, "", ""}},
		{"largest integer", `{"n": -9223372036854775808}`, result{exitOK, "n = -9223372036854775808\n", ""}},
		{"integer too large", `{"n": 9223372036854775808}`,
			result{exitFailure, "", "toml from-json: <stdin>: n: integer 9223372036854775808 does not fit in TOML's 64 bits\n"}},
		{"null", `{"a": {"b c": [1, null]}}`,
			result{exitFailure, "", "toml from-json: <stdin>: a.\"b c\"[1]: null has no TOML form (leave the key out, or use \"\" or [])\n"}},
		{"top-level array", `[1]`,
			result{exitFailure, "", "toml from-json: <stdin>: the top level is an array; a TOML document is a table, so it must be an object\n"}},
		{"syntax error", "{\"a\":\n  [1,]}",
			result{exitFailure, "", "toml from-json: <stdin>: line 2, column 6: invalid character ']' looking for beginning of value\n"}},
		{"two values", `{} {}`, result{exitFailure, "", "toml from-json: <stdin>: more than one JSON value\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runCLI(t, tt.stdin, "from-json")
			if diff := cmp.Diff(tt.want.transcript(), got.transcript()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestJSONRoundTrip converts TOML to JSON and back: for a document whose
// keys are sorted and that has no date-times (which JSON keeps as
// strings), the TOML comes back as it was.
func TestJSONRoundTrip(t *testing.T) {
	in := "a = 1\nb = \"two\"\nc = [1.5, true]\n\n[d]\ne = \"f\"\n\n[[g]]\nh = -1\n"
	asJSON := runCLI(t, in, "json")
	back := runCLI(t, asJSON.stdout, "from-json")
	if diff := cmp.Diff(result{exitOK, in, ""}.transcript(), back.transcript()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
