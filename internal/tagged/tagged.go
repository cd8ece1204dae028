// Package tagged converts between the document tree and toml-test's tagged
// JSON, in which every scalar is written {"type": "integer", "value": "42"}.
package tagged

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/seed02375186/toml"
)

// AppendDocument appends the tagged JSON of a document.
func AppendDocument(b []byte, doc *toml.Document) []byte {
	return appendValue(b, doc.Root())
}

func appendValue(b []byte, v toml.Value) []byte {
	return AppendTree(b, v, appendTaggedScalar)
}

// AppendTree appends v as JSON: a table as an object with its keys in
// document order, an array as an array, and each scalar as scalar writes it.
func AppendTree(b []byte, v toml.Value, scalar func([]byte, toml.Value) []byte) []byte {
	switch v.Kind() {
	case toml.KindTable:
		b = append(b, '{')
		for i, e := range v.Table().Entries() {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendJSONString(b, e.Key.Name)
			b = append(b, ':')
			b = AppendTree(b, e.Value, scalar)
		}
		return append(b, '}')
	case toml.KindArray:
		b = append(b, '[')
		for i, e := range v.Array().Elems() {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendTree(b, e, scalar)
		}
		return append(b, ']')
	}
	return scalar(b, v)
}

// appendTaggedScalar writes {"type": "integer", "value": "42"}.
func appendTaggedScalar(b []byte, v toml.Value) []byte {
	b = append(b, `{"type":"`...)
	b = append(b, v.Kind().String()...)
	b = append(b, `","value":`...)
	return append(AppendJSONString(b, ScalarText(v)), '}')
}

// ScalarText returns a scalar's value as toml-test writes it.
func ScalarText(v toml.Value) string {
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

// AppendJSONString appends s as a JSON string, escaping only what JSON
// requires (no HTML escaping, so '<' and '&' stay readable).
func AppendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, `\ufffd`...)
			} else {
				b = append(b, s[i:i+size]...)
			}
			i += size
			continue
		}
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			if c < 0x20 {
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			} else {
				b = append(b, c)
			}
		}
		i++
	}
	return append(b, '"')
}
