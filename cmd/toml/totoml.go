package main

import (
	"github.com/seed02375186/toml"
)

// tomlText returns v as get prints it, ending in a newline: a string raw,
// a table as a TOML document, anything else in TOML's inline syntax.
func tomlText(v *toml.Value) (string, error) {
	switch v.Kind() {
	case toml.KindString:
		return v.Str() + "\n", nil
	case toml.KindTable:
		out, err := toml.Marshal(v)
		return string(out), err
	}
	return v.String() + "\n", nil
}
