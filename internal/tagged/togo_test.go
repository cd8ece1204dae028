package tagged

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

func TestToGo(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want any
	}{
		{"empty table", `{}`, map[string]any{}},
		{"string", `{"s": {"type": "string", "value": "a\"b\u00e9"}}`, map[string]any{"s": `a"bé`}},
		{"integer", `{"i": {"type": "integer", "value": "-9223372036854775808"}}`, map[string]any{"i": int64(math.MinInt64)}},
		{"float", `{"f": {"type": "float", "value": "5e+22"}}`, map[string]any{"f": 5e22}},
		{"negative zero", `{"f": {"type": "float", "value": "-0"}}`, map[string]any{"f": math.Copysign(0, -1)}},
		{"infinities", `{"a": {"type": "float", "value": "inf"}, "b": {"type": "float", "value": "-inf"}, "c": {"type": "float", "value": "+inf"}}`,
			map[string]any{"a": math.Inf(1), "b": math.Inf(-1), "c": math.Inf(1)}},
		{"bool", `{"t": {"type": "bool", "value": "true"}, "f": {"type": "bool", "value": "false"}}`, map[string]any{"t": true, "f": false}},
		{"datetime", `{"d": {"type": "datetime", "value": "1979-05-27T00:32:00.999999-07:00"}}`,
			map[string]any{"d": time.Date(1979, 5, 27, 0, 32, 0, 999999000, time.FixedZone("", -7*3600))}},
		{"datetime in UTC, lower case", `{"d": {"type": "datetime", "value": "1979-05-27 07:32:00z"}}`,
			map[string]any{"d": time.Date(1979, 5, 27, 7, 32, 0, 0, time.UTC)}},
		{"datetime-local", `{"d": {"type": "datetime-local", "value": "1979-05-27T07:32:00.5"}}`,
			map[string]any{"d": toml.LocalDateTime{LocalDate: toml.LocalDate{Year: 1979, Month: 5, Day: 27}, LocalTime: toml.LocalTime{Hour: 7, Minute: 32, Nanosecond: 5e8}}}},
		{"date-local", `{"d": {"type": "date-local", "value": "1979-05-27"}}`, map[string]any{"d": toml.LocalDate{Year: 1979, Month: 5, Day: 27}}},
		{"time-local", `{"d": {"type": "time-local", "value": "07:32:01"}}`, map[string]any{"d": toml.LocalTime{Hour: 7, Minute: 32, Second: 1}}},
		{"arrays and nested tables", `{"a": [{"type": "integer", "value": "1"}, [], {"x": {}}], "t": {"u": {"type": "string", "value": ""}}}`,
			map[string]any{"a": []any{int64(1), []any{}, map[string]any{"x": map[string]any{}}}, "t": map[string]any{"u": ""}}},
		{"a table with keys type and value that are not both strings", `{"type": {"type": "string", "value": "x"}, "value": {}}`,
			map[string]any{"type": "x", "value": map[string]any{}}},
		{"a table with keys type, value and more", `{"t": {"type": {"type": "string", "value": "x"}, "value": {"type": "string", "value": "y"}, "z": []}}`,
			map[string]any{"t": map[string]any{"type": "x", "value": "y", "z": []any{}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ToGo([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(sameFloat)); diff != "" {
				t.Errorf("ToGo (-want +got):\n%s", diff)
			}
		})
	}
}

// sameFloat tells -0 from +0.
func sameFloat(a, b float64) bool { return a == b && math.Signbit(a) == math.Signbit(b) }

func TestToGoNaN(t *testing.T) {
	for _, tt := range []struct {
		value    string
		negative bool
	}{{"nan", false}, {"+nan", false}, {"-nan", true}} {
		t.Run(tt.value, func(t *testing.T) {
			got, err := ToGo([]byte(`{"f": {"type": "float", "value": "` + tt.value + `"}}`))
			if err != nil {
				t.Fatal(err)
			}
			f, ok := got.(map[string]any)["f"].(float64)
			if !ok || !math.IsNaN(f) || math.Signbit(f) != tt.negative {
				t.Errorf("got %v (%T), want a NaN with sign bit %v", got.(map[string]any)["f"], got.(map[string]any)["f"], tt.negative)
			}
		})
	}
}

func TestToGoErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"malformed JSON", `{"a": `, "tagged JSON: unexpected EOF"},
		{"trailing value", `{} {}`, "more than one value"},
		{"untagged number", `{"a": 1}`, `"a": the number 1 is not a table`},
		{"untagged string in an array", `{"a": ["x"]}`, `"a"[0]: the string "x" is not a table`},
		{"null", `{"a": {"b": null}}`, `"a"."b": null is not a table`},
		{"unknown type", `{"a": {"type": "int", "value": "1"}}`, `unknown type "int"`},
		{"integer out of range", `{"a": {"type": "integer", "value": "9223372036854775808"}}`, "out of range"},
		{"bad float", `{"a": {"type": "float", "value": "1.2.3"}}`, `float "1.2.3"`},
		{"bad bool", `{"a": {"type": "bool", "value": "yes"}}`, "neither true nor false"},
		{"date of the wrong kind", `{"a": {"type": "datetime", "value": "1979-05-27"}}`, `"1979-05-27" is not a datetime`},
		{"date that is not one", `{"a": {"type": "date-local", "value": "1979-13-01"}}`, "is not a date-local"},
		{"date with more after it", `{"a": {"type": "date-local", "value": "1979-01-01\nb = 1"}}`, "is not a date-local"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ToGo([]byte(tt.in))
			if err == nil {
				t.Fatalf("ToGo gave %v and no error", got)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}
