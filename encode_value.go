package toml

import (
	"fmt"
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// This file holds the spelling of single values, shared by the encoder of
// Go values and the writer of document trees.

// String returns the value in TOML's inline syntax, as it would follow
// "key = ": "a\"b", 42, 1e+300, [1, "x", {a = 1}], 1979-05-27T07:32:00Z.
// Tables are written as inline tables and arrays of tables as arrays of
// inline tables. Scalars are written in normal form, not as the source
// spells them. A value of no kind (the zero Value) gives "".
func (v Value) String() string {
	if v.Kind() == KindInvalid {
		return ""
	}
	return string(appendInlineValue(nil, v, false))
}

// appendInlineValue appends v in inline syntax: scalars as literals, arrays
// in brackets, tables in braces. With spelled set, a scalar is copied as
// the source of its document spells it (0x1F, 'C:\path', """..."""), found
// by its span; otherwise it is written in a normal form. The parser bounds
// the depth of any tree, so the recursion is bounded too.
func appendInlineValue(b []byte, v Value, spelled bool) []byte {
	k := v.Kind()
	if spelled && k != KindArray && k != KindTable && k != KindInvalid {
		if s, src := v.Span(), v.t.src; 0 <= s.Start && s.Start < s.End && s.End <= len(src) {
			if v.t.version != V1_0 {
				return appendSpelled11(b, v, src[s.Start:s.End])
			}
			return append(b, src[s.Start:s.End]...)
		}
	}
	switch k {
	case KindString:
		return appendBasicString(b, v.Str())
	case KindInteger:
		return strconv.AppendInt(b, v.Int(), 10)
	case KindFloat:
		return appendFloat(b, v.Float(), 64)
	case KindBool:
		return strconv.AppendBool(b, v.Bool())
	case KindDateTime:
		d := v.dateTime()
		return appendOffset(appendLocalDateTime(b, LocalDateTime{d.date, d.clock}), d.offsetMinutes*60)
	case KindLocalDateTime:
		return appendLocalDateTime(b, v.LocalDateTime())
	case KindLocalDate:
		return v.LocalDate().appendTo(b)
	case KindLocalTime:
		return v.LocalTime().appendTo(b)
	case KindArray:
		b = append(b, '[')
		c := v.Array().cursor()
		for i := 0; ; i++ {
			e, ok := c.next()
			if !ok {
				break
			}
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendInlineValue(b, e, spelled)
		}
		return append(b, ']')
	case KindTable:
		return appendInlineTable(b, v.Table(), spelled)
	}
	return b
}

// appendInlineTable writes a table as {a = 1, b.c = 2}: dotted tables inside
// it keep their dotted keys, so re-parsing gives back the same origins.
func appendInlineTable(b []byte, t Table, spelled bool) []byte {
	if t.Len() == 0 {
		return append(b, "{}"...)
	}
	b = append(b, '{')
	first := true
	b = appendInlineEntries(b, t, nil, &first, spelled)
	return append(b, '}')
}

func appendInlineEntries(b []byte, t Table, prefix []byte, first *bool, spelled bool) []byte {
	c := t.cursor()
	for e, ok := c.next(); ok; e, ok = c.next() {
		if isDottedEntry(e.Value) {
			b = appendInlineEntries(b, e.Value.Table(), appendKey(prefix, e.Key.Name, '.'), first, spelled)
			continue
		}
		if !*first {
			b = append(b, ", "...)
		}
		*first = false
		b = append(b, prefix...)
		b = appendKey(b, e.Key.Name, 0)
		b = append(b, " = "...)
		b = appendInlineValue(b, e.Value, spelled)
	}
	return b
}

// appendKey appends one key part, bare when it can be, then sep unless
// sep is 0.
func appendKey(b []byte, k string, sep byte) []byte {
	i := 0
	for i < len(k) && isBareKeyChar(k[i]) {
		i++
	}
	if k != "" && i == len(k) {
		b = append(b, k...)
	} else {
		b = appendBasicString(b, k)
	}
	if sep != 0 {
		b = append(b, sep)
	}
	return b
}

// appendFloat appends f so that it reads back as a float with the same
// bits: nan, inf and -inf by name, -0.0 with its sign, and always with a
// '.' or an exponent so that it does not read back as an integer. Like
// encoding/json, it uses exponents only for very large and very small
// magnitudes, where people write them too. A bitSize of 32 gives the
// shortest text that reads back to the same float32.
func appendFloat(b []byte, f float64, bitSize int) []byte {
	switch {
	case math.IsNaN(f):
		if math.Signbit(f) {
			return append(b, "-nan"...)
		}
		return append(b, "nan"...)
	case math.IsInf(f, 1):
		return append(b, "inf"...)
	case math.IsInf(f, -1):
		return append(b, "-inf"...)
	}
	start := len(b)
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		b = strconv.AppendFloat(b, f, 'e', -1, bitSize)
		// strconv pads the exponent to two digits (1e-07); TOML accepts
		// that, but 1e-7 is how people write it.
		if n := len(b); n-start >= 4 && b[n-4] == 'e' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
		return b
	}
	b = strconv.AppendFloat(b, f, 'f', -1, bitSize)
	for _, c := range b[start:] {
		if c == '.' {
			return b
		}
	}
	return append(b, ".0"...)
}

// appendLocalDateTime writes a date-time without offset, nanoseconds kept.
func appendLocalDateTime(b []byte, dt LocalDateTime) []byte {
	b = dt.LocalDate.appendTo(b)
	b = append(b, 'T')
	return dt.LocalTime.appendTo(b)
}

// appendOffset writes a zone offset in seconds east of UTC as Z or ±HH:MM.
// The caller makes sure it is a whole number of minutes.
func appendOffset(b []byte, seconds int) []byte {
	if seconds == 0 {
		return append(b, 'Z')
	}
	sign := byte('+')
	if seconds < 0 {
		sign = '-'
		seconds = -seconds
	}
	minutes := seconds / 60
	b = append(b, sign)
	b = appendPadded(b, minutes/60, 2)
	b = append(b, ':')
	return appendPadded(b, minutes%60, 2)
}

// appendTime writes an offset date-time. TOML offsets are whole minutes and
// years have four digits: a time in a zone whose offset has seconds (local
// mean time before 1900, say) is written in UTC, which keeps the instant;
// a year outside 0000-9999 cannot be written at all.
func appendTime(b []byte, t time.Time) ([]byte, error) {
	_, offset := t.Zone()
	if offset%60 != 0 {
		t = t.UTC()
		offset = 0
	}
	if y := t.Year(); y < 0 || y > 9999 {
		return b, fmt.Errorf("year %d is outside the range TOML can write (0000 to 9999)", y)
	}
	b = appendLocalDateTime(b, LocalDateTime{
		LocalDate{t.Year(), t.Month(), t.Day()},
		LocalTime{t.Hour(), t.Minute(), t.Second(), t.Nanosecond()},
	})
	return appendOffset(b, offset), nil
}

// appendMultilineString writes s as a multi-line basic string: its newlines
// stay line breaks, and only what must be is escaped (backslashes, control
// characters, a carriage return, and every third quote of a run so that no
// """ closes the string early).
func appendMultilineString(b []byte, s string) []byte {
	// Readers trim a newline right after the opening quotes, so the text
	// starts on its own line whatever its first character.
	b = append(b, `"""`+"\n"...)
	quotes := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '"' {
			quotes++
			if quotes == 3 || i == len(s)-1 {
				// A third quote in a row, or a quote before the closing
				// ones, would end the string.
				b = append(b, '\\', '"')
				quotes = 0
			} else {
				b = append(b, '"')
			}
			continue
		}
		quotes = 0
		switch c {
		case '\n':
			b = append(b, '\n')
		case '\\':
			b = append(b, '\\', '\\')
		case '\t':
			b = append(b, '\t')
		default:
			b = appendEscapedByte(b, c)
		}
	}
	return append(b, `"""`...)
}

// appendBasicString appends s as a TOML basic string, escaping only what
// must be (control characters, DEL, quotation mark and backslash) and
// copying the runs between escapes at once: most strings have none.
func appendBasicString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && plain8(load8(s, i)) {
			i += 8
			continue
		}
		if c := s[i]; c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
			i++
			continue
		}
		b = append(b, s[start:i]...)
		b = appendEscapedByte(b, s[i])
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendValidBasicString is appendBasicString for strings not yet known to
// be UTF-8: it checks them in the same pass, and reports false (with b
// unchanged) for one that is not.
func appendValidBasicString(b []byte, s string) ([]byte, bool) {
	// Most strings are printable ASCII with nothing to escape: find out
	// eight bytes at a time and copy them at once.
	i := 0
	for i+8 <= len(s) && plain8(load8(s, i)) {
		i += 8
	}
	for i < len(s) && plainASCII[s[i]] {
		i++
	}
	if i == len(s) {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"'), true
	}
	orig := len(b)
	b = append(b, '"')
	start := 0
	for i < len(s) {
		// Eight bytes at a time while they are printable ASCII that needs
		// no escape, which is most of most strings.
		if i+8 <= len(s) && plain8(load8(s, i)) {
			i += 8
			continue
		}
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return b[:orig], false
			}
			i += n
			continue
		}
		if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
			i++
			continue
		}
		b = append(b, s[start:i]...)
		b = appendEscapedByte(b, c)
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"'), true
}

// plainASCII holds the bytes that plain8 accepts: printable ASCII but
// '"' and '\'.
var plainASCII = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// load8 reads the eight bytes of s at i as one little-endian word (the
// compiler makes it one load).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load4 reads the four bytes of s at i as one little-endian word.
func load4(s string, i int) uint32 {
	s = s[i : i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// plain8 reports whether each of the eight bytes in x is printable ASCII
// that a basic string holds as itself: not a control character, DEL,
// '"', '\' or a byte of a multi-byte character. Each term sets the high
// bit of a byte, exactly when some byte is of its kind (a borrow or
// carry only spreads from a byte that is flagged already).
func plain8(x uint64) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	q := x ^ (lo * '"')
	bs := x ^ (lo * '\\')
	m := (x + lo) | x | // 0x7f and up
		(x-lo*0x20)&^x | // below 0x20
		(q-lo)&^q | // '"'
		(bs-lo)&^bs // '\'
	return m&hi == 0
}

// appendEscapedByte appends one byte of a basic string: control characters
// (and DEL) escaped, everything else, UTF-8 included, as it is.
func appendEscapedByte(b []byte, c byte) []byte {
	switch c {
	case '\n':
		return append(b, '\\', 'n')
	case '\t':
		return append(b, '\\', 't')
	case '\r':
		return append(b, '\\', 'r')
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '"', '\\':
		return append(b, '\\', c)
	}
	if c < 0x20 || c == 0x7f {
		const hex = "0123456789ABCDEF"
		return append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
	}
	return append(b, c)
}
