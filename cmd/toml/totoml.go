package main

import (
	"github.com/seed02375186/toml"
)

// tomlText returns v, found under key, as get prints it, ending in a
// newline: a string raw; a table as a TOML document; an array of tables
// made by [[key]] headers as those headers again, so that a lock file's
// packages read as they do in the file; anything else in TOML's inline
// syntax.
func tomlText(v toml.Value, key string) (string, error) {
	switch v.Kind() {
	case toml.KindString:
		return v.Str() + "\n", nil
	case toml.KindTable:
		out, err := toml.Marshal(v)
		return string(out), err
	case toml.KindArray:
		if v.Array().OfTables() && key != "" {
			out, err := toml.Marshal(map[string]any{key: v})
			return string(out), err
		}
	}
	return v.String() + "\n", nil
}
