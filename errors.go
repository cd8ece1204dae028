package toml

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Position is a place in the source: a byte offset and the 1-based line and
// column it falls on. Columns count characters, not bytes.
type Position struct {
	Offset int
	Line   int
	Column int
}

func (p Position) String() string { return fmt.Sprintf("line %d, column %d", p.Line, p.Column) }

// ParseError is a syntax error or a broken TOML rule (a duplicate key, a
// redefined table). Its position is where the fault was found; for a
// redefinition, Previous is where the name was first defined.
type ParseError struct {
	Offset  int // byte offset into the input
	Line    int // 1-based
	Column  int // 1-based, in characters
	Message string

	// Previous is the first definition of a key or table that the error
	// says was defined again; its Line is 0 otherwise.
	Previous Position
}

func (e *ParseError) Error() string {
	msg := fmt.Sprintf("toml: line %d, column %d: %s", e.Line, e.Column, e.Message)
	if e.Previous.Line > 0 {
		msg += fmt.Sprintf(" (first defined at line %d, column %d)", e.Previous.Line, e.Previous.Column)
	}
	return msg
}

// Position returns where the error is.
func (e *ParseError) Position() Position {
	return Position{Offset: e.Offset, Line: e.Line, Column: e.Column}
}

// lineStarts returns the offset of the first byte of every line.
func lineStarts(src string) []int {
	lines := make([]int, 1, 1+len(src)/32)
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// positionIn turns an offset into a line and a column, given the line starts.
// Offsets are clamped into the source so that a position is always real.
func positionIn(src string, lines []int, offset int) Position {
	offset = max(0, min(offset, len(src)))
	line := sort.Search(len(lines), func(i int) bool { return lines[i] > offset }) - 1
	col := utf8.RuneCountInString(src[lines[line]:offset]) + 1
	return Position{Offset: offset, Line: line + 1, Column: col}
}

// positionOf computes the position of one offset without a line table: for
// errors, which happen once.
func positionOf(src string, offset int) Position {
	offset = max(0, min(offset, len(src)))
	line, start := 1, 0
	for i := 0; i < offset; i++ {
		if src[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return Position{Offset: offset, Line: line, Column: utf8.RuneCountInString(src[start:offset]) + 1}
}

// pathPart is one step of a key path: a table key or an array index.
type pathPart struct {
	key   string
	index int // -1 for a key
}

// formatPath writes a path as the decoder and encoder name values in
// errors: keys as TOML writes them, joined by dots, and indexes in
// brackets (tool.ruff.lint.select[3]).
func formatPath(path []pathPart) string {
	var b strings.Builder
	for i, p := range path {
		if p.index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(p.index))
			b.WriteByte(']')
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(quoteKey(p.key))
	}
	return b.String()
}
