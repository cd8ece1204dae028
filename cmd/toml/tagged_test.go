package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name     string
		stdin    string
		wantCode int
		wantOut  string
		wantErr  string
	}{
		{"scalars", "a = 1979-05-27\nb = 0x10\n", exitOK,
			`{"a":{"type":"date-local","value":"1979-05-27"},"b":{"type":"integer","value":"16"}}` + "\n", ""},
		{"empty document", "", exitOK, "{}\n", ""},
		{"invalid", "a = 1\n[a]\n", exitFailure, "", "toml: line 2, column 2: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runCLI(t, tt.stdin, "decode")
			if got.code != tt.wantCode || got.stdout != tt.wantOut || !strings.HasPrefix(got.stderr, tt.wantErr) || (tt.wantErr == "") != (got.stderr == "") {
				t.Errorf("got %s\nwant exit %d, stdout %q, stderr starting %q", got.transcript(), tt.wantCode, tt.wantOut, tt.wantErr)
			}
		})
	}
}

// TestEncodeDecodeRoundTrip encodes tagged JSON of every kind and decodes
// the TOML back: the tagged JSON must come back the same.
func TestEncodeDecodeRoundTrip(t *testing.T) {
	in := `{
		"s": {"type": "string", "value": "a\"b\n"},
		"i": {"type": "integer", "value": "-9223372036854775808"},
		"f": {"type": "float", "value": "-0"},
		"n": {"type": "float", "value": "nan"},
		"b": {"type": "bool", "value": "true"},
		"dt": {"type": "datetime", "value": "1979-05-27T07:32:00.123456789+05:30"},
		"ldt": {"type": "datetime-local", "value": "1979-05-27T07:32:00"},
		"ld": {"type": "date-local", "value": "1979-05-27"},
		"lt": {"type": "time-local", "value": "07:32:00.5"},
		"arr": [{"type": "integer", "value": "1"}, [{"type": "string", "value": "x"}]],
		"tab": {"sub": {"k": {"type": "integer", "value": "2"}}},
		"aot": [{"k": {"type": "integer", "value": "3"}}, {}]
	}`
	encoded := runCLI(t, in, "encode")
	if encoded.code != exitOK || encoded.stderr != "" {
		t.Fatalf("encode: %s", encoded.transcript())
	}
	decoded := runCLI(t, encoded.stdout, "decode")
	if decoded.code != exitOK {
		t.Fatalf("decode of\n%s\n%s", encoded.stdout, decoded.transcript())
	}
	var want, got any
	if err := json.Unmarshal([]byte(in), &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(decoded.stdout), &got); err != nil {
		t.Fatal(err)
	}
	// toml-test writes -0 for negative zero; the decoder writes "-0" too.
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip through\n%s\n(-want +got):\n%s", encoded.stdout, diff)
	}
}

func TestEncodeErrors(t *testing.T) {
	tests := []struct{ name, stdin, wantErr string }{
		{"not JSON", "{", "toml encode: tagged JSON: "},
		{"untagged number", `{"a": 1}`, "toml encode: "},
		{"bad integer", `{"a": {"type": "integer", "value": "x"}}`, "toml encode: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runCLI(t, tt.stdin, "encode")
			if got.code != exitFailure || got.stdout != "" || !strings.HasPrefix(got.stderr, tt.wantErr) {
				t.Errorf("got %s\nwant exit 1 and stderr starting %q", got.transcript(), tt.wantErr)
			}
		})
	}
}
