package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/seed02375186/toml"
)

var fromJSONCommand = &command{
	name:    "from-json",
	summary: "convert JSON to TOML",
	usage: `usage: toml from-json [FILE]

From-json converts a JSON document (standard input when FILE is absent or
'-') to TOML. The top level must be an object.

  JSON                      TOML
  object                    table; keys sorted, since JSON readers
                            commonly do not keep their order
  array                     array (of tables when all elements are objects)
  string                    string (never guessed to be a date)
  number                    integer when written without '.' or exponent
                            (it must fit in 64 bits), else float
  true, false               boolean
  null                      an error: TOML has no null

Exit status: 0 on success, 1 when the input is not JSON or has no TOML
form, 2 for usage errors and unreadable files.

Examples:

  toml from-json package.json > package.toml
  echo '{"server": {"host": "localhost", "ports": [80, 443]}}' | toml from-json
  toml json config.toml | jq '.server.port = 8080' | toml from-json
`,
	run: runFromJSON,
}

func runFromJSON(c *command, e *env, args []string) int {
	rest, err := parseFlags(e, c, newFlagSet(c), args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 1 {
		return usageError(e, c, "at most one FILE")
	}
	data, name, err := readInput(e, rest)
	if err != nil {
		fmt.Fprintf(e.stderr, "toml from-json: cannot read %s: %v\n", name, unwrapPathError(err))
		return exitUsage
	}
	v, err := goValueOfJSON(data)
	if err != nil {
		fmt.Fprintf(e.stderr, "toml from-json: %s: %v\n", name, err)
		return exitFailure
	}
	out, err := toml.Marshal(v)
	if err != nil {
		fmt.Fprintf(e.stderr, "toml from-json: %s: %v\n", name, err)
		return exitFailure
	}
	if _, err := e.stdout.Write(out); err != nil {
		fmt.Fprintf(e.stderr, "toml from-json: %v\n", err)
		return exitFailure
	}
	return exitOK
}

// goValueOfJSON reads a JSON document into the Go values toml.Marshal
// writes as from-json's table says.
func goValueOfJSON(data []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return nil, jsonError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("more than one JSON value")
	}
	top, ok := raw.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("the top level is %s; a TOML document is a table, so it must be an object", jsonKind(raw))
	}
	v, err := convertJSON(top, nil)
	if err != nil {
		return nil, err
	}
	return v.(map[string]any), nil
}

// jsonError adds the line and column to a JSON syntax error.
func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return err
	}
	before := data[:min(int(se.Offset), len(data))]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len([]rune(string(before[bytes.LastIndexByte(before, '\n')+1:])))
	return fmt.Errorf("line %d, column %d: %v", line, max(col, 1), err)
}

// convertJSON replaces json.Numbers by int64 or float64 and rejects null;
// path names the value in errors.
func convertJSON(v any, path []string) (any, error) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			c, err := convertJSON(x, append(path, formatKey(k)))
			if err != nil {
				return nil, err
			}
			v[k] = c
		}
		return v, nil
	case []any:
		for i, x := range v {
			c, err := convertJSON(x, append(path, fmt.Sprintf("[%d]", i)))
			if err != nil {
				return nil, err
			}
			v[i] = c
		}
		return v, nil
	case json.Number:
		s := string(v)
		if !strings.ContainsAny(s, ".eE") {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("%s: integer %s does not fit in TOML's 64 bits", jsonPath(path), s)
			}
			return n, nil
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, fmt.Errorf("%s: number %s is out of range", jsonPath(path), s)
		}
		return f, nil
	case nil:
		return nil, fmt.Errorf("%s: null has no TOML form (leave the key out, or use \"\" or [])", jsonPath(path))
	}
	return v, nil
}

// jsonPath writes a path as a key path, "the top level" when empty.
func jsonPath(path []string) string {
	if len(path) == 0 {
		return "the top level"
	}
	return strings.ReplaceAll(strings.Join(path, "."), ".[", "[")
}

func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "an object"
}
