package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/seed02375186/toml"
)

var jsonCommand = &command{
	name:    "json",
	summary: "convert TOML to plain JSON, keeping key order",
	usage: `usage: toml json [--compact] [FILE]

Json converts a TOML file (standard input when FILE is absent or '-') to
plain JSON for tools like jq. Keys keep the order of the document.

  TOML                      JSON
  string                    string
  integer                   number (all 64 bits, written exactly)
  float                     number, with ".0" when whole; nan, inf and
                            -inf as the strings "nan", "inf" and "-inf",
                            which JSON lacks
  boolean                   true or false
  offset date-time          RFC 3339 string, e.g. "1979-05-27T07:32:00Z"
  local date-time, date     string, e.g. "1979-05-27T07:32:00",
  and time                  "1979-05-27", "07:32:00"
  array, table              array, object

Exit status: 0 on success, 1 when the input is not valid TOML, 2 for
usage errors and unreadable files.

Flags:

  --compact   write the JSON on one line instead of indenting it

Examples:

  toml json pyproject.toml | jq -r '.project.dependencies[]'
  toml json Cargo.lock | jq -r '.package[] | "\(.name) \(.version)"'
  toml json --compact config.toml > config.json
`,
	run: runJSON,
}

func runJSON(c *command, e *env, args []string) int {
	fs := newFlagSet(c)
	compact := fs.Bool("compact", false, "write the JSON on one line")
	rest, err := parseFlags(e, c, fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 1 {
		return usageError(e, c, "at most one FILE")
	}
	doc, code := readDocument(e, c, rest)
	if doc == nil {
		return code
	}
	out := appendPlainJSON(nil, doc.Root)
	if err := writeJSON(e, out, *compact); err != nil {
		fmt.Fprintf(e.stderr, "toml json: %v\n", err)
		return exitFailure
	}
	return exitOK
}

// writeJSON writes compact JSON to stdout, indented unless compact.
func writeJSON(e *env, data []byte, compact bool) error {
	if !compact {
		var b bytes.Buffer
		if err := json.Indent(&b, data, "", "  "); err != nil {
			return err
		}
		data = b.Bytes()
	}
	_, err := e.stdout.Write(append(data, '\n'))
	return err
}

// appendPlainJSON appends v as plain JSON (see jsonCommand's table),
// walking the tree so that tables keep their key order.
func appendPlainJSON(b []byte, v *toml.Value) []byte {
	switch v.Kind() {
	case toml.KindTable:
		b = append(b, '{')
		for i, e := range v.Table().Entries() {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, e.Key.Name)
			b = append(b, ':')
			b = appendPlainJSON(b, e.Value)
		}
		return append(b, '}')
	case toml.KindArray:
		b = append(b, '[')
		for i, e := range v.Array().Elems() {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendPlainJSON(b, e)
		}
		return append(b, ']')
	case toml.KindString:
		return appendJSONString(b, v.Str())
	case toml.KindInteger:
		return strconv.AppendInt(b, v.Int(), 10)
	case toml.KindFloat:
		f := v.Float()
		switch {
		case math.IsNaN(f):
			return append(b, `"nan"`...)
		case math.IsInf(f, 1):
			return append(b, `"inf"`...)
		case math.IsInf(f, -1):
			return append(b, `"-inf"`...)
		}
		// A whole float keeps a ".0" so that JSON readers that tell
		// integers from floats (Python's, for one) still read a float.
		start := len(b)
		b = strconv.AppendFloat(b, f, 'g', -1, 64)
		if !bytes.ContainsAny(b[start:], ".e") {
			b = append(b, ".0"...)
		}
		return b
	case toml.KindBool:
		return strconv.AppendBool(b, v.Bool())
	case toml.KindDateTime:
		return appendJSONString(b, v.Time().Format(time.RFC3339Nano))
	case toml.KindLocalDateTime:
		return appendJSONString(b, v.LocalDateTime().String())
	case toml.KindLocalDate:
		return appendJSONString(b, v.LocalDate().String())
	case toml.KindLocalTime:
		return appendJSONString(b, v.LocalTime().String())
	}
	return append(b, "null"...)
}

// appendJSONString appends s as a JSON string, escaping only what JSON
// requires (no HTML escaping, so '<' and '&' stay readable).
func appendJSONString(b []byte, s string) []byte {
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
