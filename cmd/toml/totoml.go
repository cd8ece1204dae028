package main

import (
	"fmt"

	"github.com/seed02375186/toml"
)

// tomlText returns v as get prints it: a string raw, any other value in
// TOML form, each followed by a newline.
//
// Until the library's encoder exists, scalars and arrays are printed as
// their source text, which is TOML, and tables cannot be printed.
func tomlText(doc *toml.Document, v *toml.Value) (string, error) {
	switch v.Kind() {
	case toml.KindString:
		return v.Str() + "\n", nil
	case toml.KindTable:
		return "", fmt.Errorf("printing a table as TOML is not available yet; use --json")
	}
	return doc.Text(v.Span) + "\n", nil
}
