package tagged

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/seed02375186/toml"
)

// ToGo reads toml-test's tagged JSON, the input of its encoder interface,
// into the Go values that toml.Marshal writes as the same TOML kinds:
// tables are map[string]any, arrays []any, and each {"type": ..., "value":
// ...} scalar becomes
//
//	string          string
//	integer         int64
//	float           float64 (nan, inf and -inf included)
//	bool            bool
//	datetime        time.Time, in a zone with the document's offset
//	datetime-local  toml.LocalDateTime
//	date-local      toml.LocalDate
//	time-local      toml.LocalTime
//
// An object is a scalar when it has exactly the keys "type" and "value" and
// both are strings; any other object is a table. Malformed JSON, an
// untagged JSON number, boolean or null, and a value that does not read as
// its type are errors naming the path to the value.
func ToGo(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("tagged JSON: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("tagged JSON: more than one value")
	}
	return toGo(raw, "")
}

func toGo(raw any, path string) (any, error) {
	switch raw := raw.(type) {
	case map[string]any:
		if typ, value, ok := scalarParts(raw); ok {
			v, err := scalarToGo(typ, value)
			if err != nil {
				return nil, fmt.Errorf("tagged JSON: %s: %w", describePath(path), err)
			}
			return v, nil
		}
		table := make(map[string]any, len(raw))
		for k, elem := range raw {
			v, err := toGo(elem, joinPath(path, strconv.Quote(k)))
			if err != nil {
				return nil, err
			}
			table[k] = v
		}
		return table, nil
	case []any:
		array := make([]any, len(raw))
		for i, elem := range raw {
			v, err := toGo(elem, path+"["+strconv.Itoa(i)+"]")
			if err != nil {
				return nil, err
			}
			array[i] = v
		}
		return array, nil
	}
	return nil, fmt.Errorf("tagged JSON: %s: %s is not a table, an array or a {\"type\", \"value\"} object",
		describePath(path), describeJSON(raw))
}

// scalarParts recognizes {"type": "...", "value": "..."}.
func scalarParts(m map[string]any) (typ, value string, ok bool) {
	if len(m) != 2 {
		return "", "", false
	}
	typ, ok1 := m["type"].(string)
	value, ok2 := m["value"].(string)
	return typ, value, ok1 && ok2
}

func scalarToGo(typ, value string) (any, error) {
	switch typ {
	case "string":
		return value, nil
	case "integer":
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("integer %q: %w", value, err)
		}
		return n, nil
	case "float":
		return parseFloat(value)
	case "bool":
		switch value {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return nil, fmt.Errorf("bool %q is neither true nor false", value)
	case "datetime", "datetime-local", "date-local", "time-local":
		return parseDateTime(typ, value)
	}
	return nil, fmt.Errorf("unknown type %q", typ)
}

// parseFloat reads a float as toml-test writes it, keeping the sign of a
// NaN, which strconv drops.
func parseFloat(value string) (any, error) {
	switch strings.TrimLeft(value, "+") {
	case "nan":
		return math.NaN(), nil
	case "-nan":
		return math.Copysign(math.NaN(), -1), nil
	}
	f, err := strconv.ParseFloat(value, 64)
	if err != nil {
		return nil, fmt.Errorf("float %q: %w", value, err)
	}
	return f, nil
}

// parseDateTime reads a date-time of the given type by parsing it as a TOML
// value, which accepts every form toml-test writes (a space or a 't' for the
// 'T', a 'z' for the 'Z', any fraction of a second).
func parseDateTime(typ, value string) (any, error) {
	doc, err := toml.Parse([]byte("v = " + value))
	var v toml.Value
	if err == nil && doc.Table().Len() == 1 {
		v = doc.Table().Get("v")
	}
	if v.Kind() == toml.KindInvalid || v.Kind().String() != typ {
		return nil, fmt.Errorf("%q is not a %s", value, typ)
	}
	switch v.Kind() {
	case toml.KindDateTime:
		return v.Time(), nil
	case toml.KindLocalDateTime:
		return v.LocalDateTime(), nil
	case toml.KindLocalDate:
		return v.LocalDate(), nil
	default:
		return v.LocalTime(), nil
	}
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func describePath(path string) string {
	if path == "" {
		return "top level"
	}
	return path
}

func describeJSON(raw any) string {
	switch raw := raw.(type) {
	case nil:
		return "null"
	case json.Number:
		return "the number " + raw.String()
	case bool:
		return "the boolean " + strconv.FormatBool(raw)
	case string:
		return "the string " + strconv.Quote(raw)
	}
	return fmt.Sprintf("%T", raw)
}
