// Package tagged converts between the document tree and toml-test's tagged
// JSON, in which every scalar is written {"type": "integer", "value": "42"}.
package tagged

import (
	"encoding/json"
	"math"
	"strconv"

	"github.com/seed02375186/toml"
)

// AppendDocument appends the tagged JSON of a document.
func AppendDocument(b []byte, doc *toml.Document) []byte {
	return appendValue(b, doc.Root)
}

func appendValue(b []byte, v *toml.Value) []byte {
	switch v.Kind() {
	case toml.KindTable:
		b = append(b, '{')
		for i, e := range v.Table().Entries() {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, e.Key.Name)
			b = append(b, ':')
			b = appendValue(b, e.Value)
		}
		return append(b, '}')
	case toml.KindArray:
		b = append(b, '[')
		for i, e := range v.Array().Elems() {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendValue(b, e)
		}
		return append(b, ']')
	}
	b = append(b, `{"type":"`...)
	b = append(b, v.Kind().String()...)
	b = append(b, `","value":`...)
	return append(appendString(b, ScalarText(v)), '}')
}

// ScalarText returns a scalar's value as toml-test writes it.
func ScalarText(v *toml.Value) string {
	switch v.Kind() {
	case toml.KindString:
		return v.Str()
	case toml.KindInteger:
		return strconv.FormatInt(v.Int(), 10)
	case toml.KindFloat:
		f := v.Float()
		switch {
		case math.IsNaN(f):
			return "nan"
		case math.IsInf(f, 1):
			return "inf"
		case math.IsInf(f, -1):
			return "-inf"
		}
		return strconv.FormatFloat(f, 'g', -1, 64)
	case toml.KindBool:
		return strconv.FormatBool(v.Bool())
	case toml.KindDateTime:
		return v.Time().Format("2006-01-02T15:04:05.999999999Z07:00")
	case toml.KindLocalDateTime:
		return v.LocalDateTime().String()
	case toml.KindLocalDate:
		return v.LocalDate().String()
	case toml.KindLocalTime:
		return v.LocalTime().String()
	}
	return ""
}

func appendString(b []byte, s string) []byte {
	q, _ := json.Marshal(s)
	return append(b, q...)
}
