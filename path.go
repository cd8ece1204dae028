package toml

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Path names a value of a document: keys, and indexes into arrays, from
// the root. Its text form is the one toml get and the Editor take:
// TOML keys (bare, "basic" or 'literal') joined by dots, each followed by
// any number of [N] indexes; a negative N counts from the end of its array.
// For example tool.ruff.lint.select, package[3].name,
// target."cfg(windows)".dependencies.
type Path []PathStep

// PathStep is one step of a Path: a key into a table, or an index into an
// array.
type PathStep struct {
	Key     string
	Index   int
	IsIndex bool
}

// ParsePath reads a path in its text form. Blanks around the dots are
// allowed, as in TOML.
func ParsePath(s string) (Path, error) {
	if !utf8.ValidString(s) {
		return nil, fmt.Errorf("not valid UTF-8")
	}
	var path Path
	i := 0
	for {
		i = skipBlanks(s, i)
		key, next, err := pathKey(s, i)
		if err != nil {
			return nil, err
		}
		path = append(path, PathStep{Key: key})
		i = skipBlanks(s, next)
		for i < len(s) && s[i] == '[' {
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("unclosed '[' at character %d", i+1)
			}
			n, err := strconv.Atoi(strings.TrimSpace(s[i+1 : i+end]))
			if err != nil {
				return nil, fmt.Errorf("index %q at character %d is not an integer", s[i+1:i+end], i+2)
			}
			path = append(path, PathStep{Index: n, IsIndex: true})
			i = skipBlanks(s, i+end+1)
		}
		if i == len(s) {
			return path, nil
		}
		if s[i] != '.' {
			return nil, fmt.Errorf("unexpected %q at character %d (want '.', '[' or the end)", s[i], i+1)
		}
		i++
	}
}

// pathKey reads one key at s[i:] and returns it and the offset after it.
func pathKey(s string, i int) (string, int, error) {
	if i == len(s) {
		return "", i, fmt.Errorf("missing key at the end")
	}
	switch s[i] {
	case '\'':
		end := strings.IndexByte(s[i+1:], '\'')
		if end < 0 {
			return "", i, fmt.Errorf("unclosed ' at character %d", i+1)
		}
		return s[i+1 : i+1+end], i + end + 2, nil
	case '"':
		end := i + 1
		for end < len(s) && s[end] != '"' {
			if s[end] == '\\' {
				end++
			}
			end++
		}
		if end >= len(s) {
			return "", i, fmt.Errorf("unclosed \" at character %d", i+1)
		}
		l := lexer{src: s, pos: i}
		key, err := l.basicString()
		if err != nil {
			msg := err.Error()
			if pe, ok := err.(*ParseError); ok {
				msg = pe.Message
			}
			return "", i, fmt.Errorf("quoted key at character %d: %s", i+1, msg)
		}
		return strings.Clone(key), end + 1, nil
	}
	end := skipBareKey(s, i)
	if end == i {
		return "", i, fmt.Errorf("unexpected %q at character %d (want a key)", s[i], i+1)
	}
	return s[i:end], end, nil
}

// String writes the path in its text form, quoting the keys that need it.
func (p Path) String() string {
	var b strings.Builder
	for i, st := range p {
		if st.IsIndex {
			fmt.Fprintf(&b, "[%d]", st.Index)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(quoteKey(st.Key))
	}
	return b.String()
}
