package main

import "github.com/seed02375186/toml"

// formatKey returns a key bare when it can be, else quoted, as a path and
// TOML write it.
func formatKey(k string) string { return toml.Path{{Key: k}}.String() }
