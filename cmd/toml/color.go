package main

import (
	"io"
	"os"
)

// ANSI styles.
const (
	bold    = "\x1b[1m"
	boldRed = "\x1b[1;31m"
	red     = "\x1b[31m"
	green   = "\x1b[32m"
	yellow  = "\x1b[33m"
	reset   = "\x1b[0m"
)

// useColor reports whether w is a terminal that may get colour: never when
// NO_COLOR is set (to anything, https://no-color.org) or TERM is "dumb".
func useColor(w io.Writer) bool {
	if _, set := os.LookupEnv("NO_COLOR"); set || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// paint wraps s in style when color is on.
func paint(color bool, style, s string) string {
	if !color || s == "" {
		return s
	}
	return style + s + reset
}
