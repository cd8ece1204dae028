package toml_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

type lintConfig struct {
	Tool struct {
		Ruff struct {
			Lint struct {
				Select []string
			}
		}
	}
}

type failingUnmarshaler struct{}

func (*failingUnmarshaler) UnmarshalTOML(v toml.Value) error {
	return errors.New("no thanks")
}

type hidden struct{ X int }

// selfPointer points to its own type, so allocating it never ends.
type selfPointer *selfPointer

// pingPointer and pongPointer point to each other.
type (
	pingPointer *pongPointer
	pongPointer *pingPointer
)

type withHiddenPointer struct {
	*hidden
}

// decodeErrorCase pins one error: its full message and where it points.
type decodeErrorCase struct {
	name       string
	toml       string
	into       any
	want       string // Error()
	wantKey    string
	wantLine   int
	wantColumn int
	wantKind   toml.Kind
}

// TestUnmarshalErrors pins the message, key, position and kind of every
// way a value can fail to decode.
func TestUnmarshalErrors(t *testing.T) {
	tests := []decodeErrorCase{
		{
			name: "string into int", toml: "port = \"80\"", into: &struct{ Port int }{},
			want:    `toml: line 1, column 8: port: cannot decode string "80" into int`,
			wantKey: "port", wantLine: 1, wantColumn: 8, wantKind: toml.KindString,
		},
		{
			name: "overflow is never wrapped", toml: "\n  v = 300", into: &struct{ V int8 }{},
			want:    "toml: line 2, column 7: v: 300 is out of range for int8",
			wantKey: "v", wantLine: 2, wantColumn: 7, wantKind: toml.KindInteger,
		},
		{
			name: "negative into unsigned", toml: "v = -1", into: &struct{ V uint64 }{},
			want:    "toml: line 1, column 5: v: -1 is out of range for uint64",
			wantKey: "v", wantLine: 1, wantColumn: 5, wantKind: toml.KindInteger,
		},
		{
			name: "float into int", toml: "v = 1.0", into: &struct{ V int }{},
			want:    "toml: line 1, column 5: v: cannot decode float 1.0 into int",
			wantKey: "v", wantLine: 1, wantColumn: 5, wantKind: toml.KindFloat,
		},
		{
			name: "integer a float64 cannot hold exactly", toml: "v = 9007199254740993", into: &struct{ V float64 }{},
			want:    "toml: line 1, column 5: v: 9007199254740993 cannot be held exactly by float64",
			wantKey: "v", wantLine: 1, wantColumn: 5, wantKind: toml.KindInteger,
		},
		{
			name: "finite float too large for float32", toml: "v = 1e39", into: &struct{ V float32 }{},
			want:    "toml: line 1, column 5: v: 1e39 is out of range for float32",
			wantKey: "v", wantLine: 1, wantColumn: 5, wantKind: toml.KindFloat,
		},
		{
			name: "too many elements for a Go array", toml: "a = [1, 2, 3]", into: &struct{ A [2]int }{},
			want:    "toml: line 1, column 5: a: cannot decode an array of 3 elements into [2]int",
			wantKey: "a", wantLine: 1, wantColumn: 5, wantKind: toml.KindArray,
		},
		{
			name: "array element path", toml: "[tool.ruff.lint]\nselect = [\"E\", \"F\", \"W\",\n  4]", into: &lintConfig{},
			want:    "toml: line 3, column 3: tool.ruff.lint.select[3]: cannot decode integer 4 into string",
			wantKey: "tool.ruff.lint.select[3]", wantLine: 3, wantColumn: 3, wantKind: toml.KindInteger,
		},
		{
			name: "array of tables path", toml: "[[package]]\nname = \"a\"\n[[package]]\nname = 2",
			into:    &struct{ Package []struct{ Name string } }{},
			want:    "toml: line 4, column 8: package[1].name: cannot decode integer 2 into string",
			wantKey: "package[1].name", wantLine: 4, wantColumn: 8, wantKind: toml.KindInteger,
		},
		{
			name: "quoted keys stay quoted in the path", toml: "[target.'cfg(windows)']\nx = \"s\"",
			into:    &struct{ Target map[string]map[string]int }{},
			want:    `toml: line 2, column 5: target."cfg(windows)".x: cannot decode string "s" into int`,
			wantKey: `target."cfg(windows)".x`, wantLine: 2, wantColumn: 5, wantKind: toml.KindString,
		},
		{
			name: "a header table points at its header", toml: "x = 1\n[a]\nb = 1", into: &struct {
				X int
				A string
			}{},
			want:    "toml: line 2, column 1: a: cannot decode table into string",
			wantKey: "a", wantLine: 2, wantColumn: 1, wantKind: toml.KindTable,
		},
		{
			name: "a dotted table points at its key", toml: "x = 1\n  a.b = 1", into: &struct{ X, A int }{},
			want:    "toml: line 2, column 3: a: cannot decode table into int",
			wantKey: "a", wantLine: 2, wantColumn: 3, wantKind: toml.KindTable,
		},
		{
			name: "the document into a scalar", toml: "a = 1", into: new(int),
			want:    "toml: line 1, column 1: cannot decode table into int",
			wantKey: "", wantLine: 1, wantColumn: 1, wantKind: toml.KindTable,
		},
		{
			name: "duration from an integer", toml: "timeout = 30", into: &struct{ Timeout time.Duration }{},
			want:    `toml: line 1, column 11: timeout: cannot decode integer 30 into time.Duration: write a duration as a string such as "1m30s"`,
			wantKey: "timeout", wantLine: 1, wantColumn: 11, wantKind: toml.KindInteger,
		},
		{
			name: "duration that does not parse", toml: `timeout = "30 sec"`, into: &struct{ Timeout time.Duration }{},
			want:    `toml: line 1, column 11: timeout: cannot decode into time.Duration: time: unknown unit " sec" in duration "30 sec"`,
			wantKey: "timeout", wantLine: 1, wantColumn: 11, wantKind: toml.KindString,
		},
		{
			name: "TextUnmarshaler error", toml: `c = "blue"`, into: &struct{ C colour }{},
			want:    `toml: line 1, column 5: c: cannot decode into toml_test.colour: unknown colour "blue"`,
			wantKey: "c", wantLine: 1, wantColumn: 5, wantKind: toml.KindString,
		},
		{
			name: "TextUnmarshaler from a kind that is not text", toml: `c = 1`, into: &struct{ C colour }{},
			want:    `toml: line 1, column 5: c: cannot decode integer 1 into toml_test.colour`,
			wantKey: "c", wantLine: 1, wantColumn: 5, wantKind: toml.KindInteger,
		},
		{
			name: "TextUnmarshaler map key error", toml: "[m]\nblue = 1", into: &struct{ M map[colour]int }{},
			want:    `toml: line 2, column 1: m.blue: cannot decode into toml_test.colour: unknown colour "blue"`,
			wantKey: "m.blue", wantLine: 2, wantColumn: 1, wantKind: toml.KindInteger,
		},
		{
			name: "Unmarshaler error", toml: "x = [1]", into: &struct{ X failingUnmarshaler }{},
			want:    "toml: line 1, column 5: x: cannot decode into toml_test.failingUnmarshaler: no thanks",
			wantKey: "x", wantLine: 1, wantColumn: 5, wantKind: toml.KindArray,
		},
		{
			name: "offset date-time into LocalDateTime", toml: "t = 1979-05-27T07:32:00Z", into: &struct{ T toml.LocalDateTime }{},
			want:    "toml: line 1, column 5: t: cannot decode offset date-time 1979-05-27T07:32:00Z into toml.LocalDateTime: it would lose its offset; decode it into time.Time",
			wantKey: "t", wantLine: 1, wantColumn: 5, wantKind: toml.KindDateTime,
		},
		{
			name: "local date-time into LocalDate", toml: "t = 1979-05-27T07:32:00", into: &struct{ T toml.LocalDate }{},
			want:    "toml: line 1, column 5: t: cannot decode local date-time 1979-05-27T07:32:00 into toml.LocalDate",
			wantKey: "t", wantLine: 1, wantColumn: 5, wantKind: toml.KindLocalDateTime,
		},
		{
			name: "string into LocalDate that does not parse", toml: "t = \"27/05/1979\"", into: &struct{ T toml.LocalDate }{},
			want:    "toml: line 1, column 5: t: cannot decode into toml.LocalDate: malformed date: expected YYYY-MM-DD",
			wantKey: "t", wantLine: 1, wantColumn: 5, wantKind: toml.KindString,
		},
		{
			name: "interface with methods", toml: "e = 1", into: &struct{ E error }{},
			want:    "toml: line 1, column 5: e: cannot decode integer 1 into error: an interface with methods needs a pointer to a concrete value in it",
			wantKey: "e", wantLine: 1, wantColumn: 5, wantKind: toml.KindInteger,
		},
		{
			name: "map key type that is not text", toml: "[m]\n1 = 1", into: &struct{ M map[int]int }{},
			want:    "toml: line 1, column 1: m: cannot decode table into map[int]int: map keys must be strings or implement encoding.TextUnmarshaler",
			wantKey: "m", wantLine: 1, wantColumn: 1, wantKind: toml.KindTable,
		},
		{
			name: "type with no TOML form", toml: "c = 1", into: &struct{ C chan int }{},
			want:    "toml: line 1, column 5: c: cannot decode into chan int: the type has no TOML form",
			wantKey: "c", wantLine: 1, wantColumn: 5, wantKind: toml.KindInteger,
		},
		{
			name: "pointer type that points to itself", toml: "p = 1", into: &struct{ P selfPointer }{},
			want:    "toml: line 1, column 5: p: cannot decode into toml_test.selfPointer: its pointers lead to pointers without end",
			wantKey: "p", wantLine: 1, wantColumn: 5, wantKind: toml.KindInteger,
		},
		{
			name: "pointer types that point to each other", toml: "p = 1", into: &struct{ P pingPointer }{},
			want:    "toml: line 1, column 5: p: cannot decode into toml_test.pingPointer: its pointers lead to pointers without end",
			wantKey: "p", wantLine: 1, wantColumn: 5, wantKind: toml.KindInteger,
		},
		{
			name: "long and multi-line values are cut in messages", toml: "s = \"\"\"\nfirst line\nsecond\"\"\"\nl = \"" + strings.Repeat("x", 50) + "\"",
			into:    &struct{ S, L int }{},
			want:    "toml: 2 errors:\n\tline 1, column 5: s: cannot decode string \"\"\"... into int\n\tline 4, column 5: l: cannot decode string \"" + strings.Repeat("x", 39) + "... into int",
			wantKey: "s", wantLine: 1, wantColumn: 5, wantKind: toml.KindString,
		},
		{
			name: "field promoted through a nil pointer to an unexported struct", toml: "x = 1", into: &withHiddenPointer{},
			want:    "toml: line 1, column 5: x: cannot set field X: it is promoted through a nil pointer to unexported struct toml_test.hidden",
			wantKey: "x", wantLine: 1, wantColumn: 5, wantKind: toml.KindInteger,
		},
		{
			name: "errors come in document order, not tree order",
			toml: "[b]\nx = \"s\"\n[a]\ny = \"s\"\n[b.c]\nz = \"s\"",
			into: &struct {
				B struct {
					X int
					C struct{ Z int }
				}
				A struct{ Y int }
			}{},
			want:    "toml: 3 errors:\n\tline 2, column 5: b.x: cannot decode string \"s\" into int\n\tline 4, column 5: a.y: cannot decode string \"s\" into int\n\tline 6, column 5: b.c.z: cannot decode string \"s\" into int",
			wantKey: "b.x", wantLine: 2, wantColumn: 5, wantKind: toml.KindString,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDecodeError(t, toml.Unmarshal([]byte(tt.toml), tt.into), tt)
		})
	}
}

// checkDecodeError compares err with a case: the whole message, and the
// fields of the first *DecodeError in it.
func checkDecodeError(t *testing.T, err error, tt decodeErrorCase) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %q", tt.want)
	}
	if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
		t.Errorf("Error() (-want +got):\n%s", diff)
	}
	var de *toml.DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("error %T is not a *toml.DecodeError", err)
	}
	type where struct {
		Key          string
		Line, Column int
		Kind         toml.Kind
	}
	want := where{tt.wantKey, tt.wantLine, tt.wantColumn, tt.wantKind}
	got := where{de.Key, de.Line, de.Column, de.Kind}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("first DecodeError (-want +got):\n%s", diff)
	}
	if de.Type == nil {
		t.Error("DecodeError.Type is nil")
	}
	if strings.Count(tt.toml[:de.Offset], "\n")+1 != de.Line {
		t.Errorf("Offset %d is not on line %d", de.Offset, de.Line)
	}
}

// TestUnmarshalErrorsKeepCauses checks that errors from methods are
// wrapped, so errors.Is reaches them.
func TestUnmarshalErrorsKeepCauses(t *testing.T) {
	err := toml.Unmarshal([]byte("x = 1"), &struct{ X failingUnmarshaler }{})
	var de *toml.DecodeError
	if !errors.As(err, &de) || de.Err == nil || de.Err.Error() != "no thanks" {
		t.Fatalf("got %#v, want a DecodeError wrapping the Unmarshaler's error", err)
	}
	if got, want := de.Type, reflect.TypeFor[failingUnmarshaler](); got != want {
		t.Errorf("Type = %v, want %v", got, want)
	}
}

// TestUnmarshalBadTargets checks the errors for targets that are not
// non-nil pointers, and that syntax errors come through as ParseErrors.
func TestUnmarshalBadTargets(t *testing.T) {
	tests := []struct {
		name string
		toml string
		into any
		want string
	}{
		{"nil", "a = 1", nil, "toml: cannot decode into nil: need a non-nil pointer"},
		{"not a pointer", "a = 1", struct{ A int }{}, "toml: cannot decode into struct { A int }: need a non-nil pointer"},
		{"nil pointer", "a = 1", (*struct{ A int })(nil), "toml: cannot decode into *struct { A int }: need a non-nil pointer"},
		{"syntax error", "a = ", &struct{ A int }{}, "toml: line 1, column 5: expected a value, found end of file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := toml.Unmarshal([]byte(tt.toml), tt.into)
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("Error() (-want +got):\n%s", diff)
			}
		})
	}
	var pe *toml.ParseError
	if err := toml.Unmarshal([]byte("a = "), &struct{ A int }{}); !errors.As(err, &pe) {
		t.Errorf("syntax error is %T, want *toml.ParseError", err)
	}
}
