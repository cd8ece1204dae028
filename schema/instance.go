package schema

import (
	"math"
	"time"

	"github.com/seed02375186/toml"
)

// instance converts a TOML value to the JSON data model that JSON Schema
// validates:
//
//   - a table is a map[string]any, an array (static or of tables) a []any;
//   - strings and booleans are themselves;
//   - an integer is an int64, exactly (a float64 would round past 2^53);
//   - a finite float is a float64;
//   - an offset date-time is a string in RFC 3339 form with its offset
//     (Z for UTC), which the "date-time" format accepts; local date-times,
//     dates and times are their TOML text in normal form (1979-05-27,
//     07:32:00), which the "date" and "time" formats accept for dates and
//     reject for times without an offset, as RFC 3339 does;
//   - nan, inf and -inf, which JSON cannot hold, are a nonFinite: a schema
//     that accepts anything (true, or no keyword at all) accepts it, and
//     any other schema reports that it cannot check it.
func instance(v toml.Value) any {
	switch v.Kind() {
	case toml.KindTable:
		t := v.Table()
		m := make(map[string]any, t.Len())
		for _, e := range t.Entries() {
			m[e.Key.Name] = instance(e.Value)
		}
		return m
	case toml.KindArray:
		a := v.Array()
		list := make([]any, 0, a.Len())
		for _, e := range a.Elems() {
			list = append(list, instance(e))
		}
		return list
	case toml.KindString:
		return v.Str()
	case toml.KindBool:
		return v.Bool()
	case toml.KindInteger:
		return v.Int()
	case toml.KindFloat:
		f := v.Float()
		switch {
		case math.IsNaN(f):
			return nonFinite("nan")
		case math.IsInf(f, 1):
			return nonFinite("inf")
		case math.IsInf(f, -1):
			return nonFinite("-inf")
		}
		return f
	case toml.KindDateTime:
		return v.Time().Format(time.RFC3339Nano)
	case toml.KindLocalDateTime:
		return v.LocalDateTime().String()
	case toml.KindLocalDate:
		return v.LocalDate().String()
	case toml.KindLocalTime:
		return v.LocalTime().String()
	}
	return nil
}

// nonFinite is a TOML float that JSON has no number for. The validator
// does not know the type, so it reports any schema that looks at the
// value, and never compares or hashes it as a number (a float64 NaN would
// reach big.Rat in the validator's uniqueItems and fail there).
type nonFinite string
