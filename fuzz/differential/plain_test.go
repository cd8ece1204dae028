package differential

import (
	"fmt"
	"math"
	"strconv"
	"time"

	gotoml "github.com/pelletier/go-toml/v2"

	"github.com/seed02375186/toml"
)

// scalar is a leaf of a plain tree: its toml-test kind and a text that
// tells apart exactly the values TOML tells apart. Floats keep the sign of
// zero, all NaNs are equal, and date-times keep offset and nanoseconds
// (but not trailing zeros of the fraction, which change nothing).
type scalar struct {
	Kind string
	Text string
}

// ours turns one of our values into map[string]any, []any and scalars.
func ours(v toml.Value) any {
	switch v.Kind() {
	case toml.KindTable:
		m := make(map[string]any, v.Table().Len())
		for _, e := range v.Table().Entries() {
			m[e.Key.Name] = ours(e.Value)
		}
		return m
	case toml.KindArray:
		a := make([]any, 0, v.Array().Len())
		for _, e := range v.Array().Elems() {
			a = append(a, ours(e))
		}
		return a
	case toml.KindString:
		return scalar{"string", v.Str()}
	case toml.KindInteger:
		return scalar{"integer", strconv.FormatInt(v.Int(), 10)}
	case toml.KindFloat:
		return scalar{"float", floatText(v.Float())}
	case toml.KindBool:
		return scalar{"bool", strconv.FormatBool(v.Bool())}
	case toml.KindDateTime:
		d, c := v.LocalDate(), v.LocalTime()
		return scalar{"datetime", dateText(d.Year, int(d.Month), d.Day) + "T" +
			clockText(c.Hour, c.Minute, c.Second, c.Nanosecond) + offsetText(v.Offset())}
	case toml.KindLocalDateTime:
		d, c := v.LocalDate(), v.LocalTime()
		return scalar{"datetime-local", dateText(d.Year, int(d.Month), d.Day) + "T" +
			clockText(c.Hour, c.Minute, c.Second, c.Nanosecond)}
	case toml.KindLocalDate:
		d := v.LocalDate()
		return scalar{"date-local", dateText(d.Year, int(d.Month), d.Day)}
	case toml.KindLocalTime:
		c := v.LocalTime()
		return scalar{"time-local", clockText(c.Hour, c.Minute, c.Second, c.Nanosecond)}
	}
	return scalar{"invalid", fmt.Sprintf("kind %d", v.Kind())}
}

// theirs turns what go-toml decodes into an interface{} into the same shape.
func theirs(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[k] = theirs(e)
		}
		return m
	case []any:
		a := make([]any, 0, len(v))
		for _, e := range v {
			a = append(a, theirs(e))
		}
		return a
	case string:
		return scalar{"string", v}
	case int64:
		return scalar{"integer", strconv.FormatInt(v, 10)}
	case float64:
		return scalar{"float", floatText(v)}
	case bool:
		return scalar{"bool", strconv.FormatBool(v)}
	case time.Time:
		_, offset := v.Zone()
		return scalar{"datetime", dateText(v.Year(), int(v.Month()), v.Day()) + "T" +
			clockText(v.Hour(), v.Minute(), v.Second(), v.Nanosecond()) + offsetText(offset)}
	case gotoml.LocalDateTime:
		return scalar{"datetime-local", dateText(v.Year, v.Month, v.Day) + "T" +
			clockText(v.Hour, v.Minute, v.Second, v.Nanosecond)}
	case gotoml.LocalDate:
		return scalar{"date-local", dateText(v.Year, v.Month, v.Day)}
	case gotoml.LocalTime:
		return scalar{"time-local", clockText(v.Hour, v.Minute, v.Second, v.Nanosecond)}
	}
	return scalar{"invalid", fmt.Sprintf("%T %v", v, v)}
}

// floatText spells a float so that equal TOML floats compare equal: every
// NaN is "nan" (TOML gives NaN's sign no meaning), and -0 stays "-0".
func floatText(f float64) string {
	if math.IsNaN(f) {
		return "nan"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

func dateText(year, month, day int) string {
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day)
}

// clockText writes a time of day with as many fraction digits as it needs.
func clockText(hour, minute, second, nanosecond int) string {
	s := fmt.Sprintf("%02d:%02d:%02d", hour, minute, second)
	if nanosecond == 0 {
		return s
	}
	frac := strconv.Itoa(1_000_000_000 + nanosecond)[1:]
	for frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	return s + "." + frac
}

// offsetText writes an offset in seconds; 0 is Z, since +00:00, -00:00
// and Z name the same offset.
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
