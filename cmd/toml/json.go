package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/seed02375186/toml"
	"github.com/seed02375186/toml/internal/tagged"
)

var jsonCommand = &command{
	name:    "json",
	summary: "convert TOML to plain JSON, keeping key order",
	usage: `usage: toml json [--compact] [--toml 1.1] [FILE]

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

  --compact        write the JSON on one line instead of indenting it
  --toml VERSION   read TOML 1.0 (the default) or 1.1

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
	version := tomlFlag(fs)
	rest, err := parseFlags(e, c, fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 1 {
		return usageError(e, c, "at most one FILE")
	}
	doc, code := readDocument(e, c, rest, *version)
	if doc == nil {
		return code
	}
	out := appendPlainJSON(nil, doc.Root())
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
func appendPlainJSON(b []byte, v toml.Value) []byte {
	return tagged.AppendTree(b, v, appendPlainScalar)
}

// appendPlainScalar appends a scalar as plain JSON.
func appendPlainScalar(b []byte, v toml.Value) []byte {
	switch v.Kind() {
	case toml.KindString:
		return tagged.AppendJSONString(b, v.Str())
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
		return tagged.AppendJSONString(b, v.Time().Format(time.RFC3339Nano))
	case toml.KindLocalDateTime:
		return tagged.AppendJSONString(b, v.LocalDateTime().String())
	case toml.KindLocalDate:
		return tagged.AppendJSONString(b, v.LocalDate().String())
	case toml.KindLocalTime:
		return tagged.AppendJSONString(b, v.LocalTime().String())
	}
	return append(b, "null"...)
}
