package fuzz

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

// scalar is a leaf of a plain tree: its kind and a text that tells apart
// exactly the values TOML tells apart. Floats keep the sign of zero, all
// NaNs are equal, and date-times keep their offset and nanoseconds.
type scalar struct {
	Kind string
	Text string
}

// plainTree turns a value into map[string]any, []any and scalar leaves,
// which cmp.Diff compares and prints. Table order is dropped: an encoder
// may write a table's keys in another order and still mean the same.
func plainTree(v toml.Value) any {
	switch v.Kind() {
	case toml.KindTable:
		m := make(map[string]any, v.Table().Len())
		for _, e := range v.Table().Entries() {
			m[e.Key.Name] = plainTree(e.Value)
		}
		return m
	case toml.KindArray:
		a := make([]any, 0, v.Array().Len())
		for _, e := range v.Array().Elems() {
			a = append(a, plainTree(e))
		}
		return a
	}
	return scalar{Kind: v.Kind().String(), Text: scalarText(v)}
}

// diffTrees returns cmp.Diff(want, got, opts...) after a cheap equality
// check: cmp.Diff tracks its path, which is slow on values thousands of
// levels deep, and most fuzz inputs compare equal.
func diffTrees(want, got any, opts ...cmp.Option) string {
	if reflect.DeepEqual(want, got) {
		return ""
	}
	return cmp.Diff(want, got, opts...)
}

func scalarText(v toml.Value) string {
	switch v.Kind() {
	case toml.KindString:
		return v.Str()
	case toml.KindInteger:
		return strconv.FormatInt(v.Int(), 10)
	case toml.KindFloat:
		return floatText(v.Float())
	case toml.KindBool:
		return strconv.FormatBool(v.Bool())
	case toml.KindDateTime:
		return clockText(v.LocalDateTime().String()) + offsetText(v.Offset())
	case toml.KindLocalDateTime:
		return clockText(v.LocalDateTime().String())
	case toml.KindLocalDate:
		return v.LocalDate().String()
	case toml.KindLocalTime:
		return clockText(v.LocalTime().String())
	}
	return fmt.Sprintf("<kind %d>", v.Kind())
}

// floatText spells a float so that equal TOML floats compare equal: every
// NaN is "nan" (TOML gives NaN's sign no meaning), and -0 stays "-0".
func floatText(f float64) string {
	if math.IsNaN(f) {
		return "nan"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// clockText drops trailing zeros of a fraction of a second, which do not
// change the time: 07:32:00.500 is 07:32:00.5, and 07:32:00.000 is 07:32:00.
func clockText(s string) string {
	dot := strings.LastIndexByte(s, '.')
	if dot < 0 || strings.ContainsAny(s[dot:], "-:T ") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// offsetText writes an offset in seconds as TOML does; 0 is Z, since
// +00:00, -00:00 and Z name the same instant and offset.
func offsetText(seconds int) string {
	if seconds == 0 {
		return "Z"
	}
	sign := byte('+')
	if seconds < 0 {
		sign, seconds = '-', -seconds
	}
	return fmt.Sprintf("%c%02d:%02d", sign, seconds/3600, seconds/60%60)
}
