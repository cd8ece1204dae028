package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/seed02375186/toml"
	"github.com/seed02375186/toml/internal/tagged"
)

// pathStep is one step of a key path: a key into a table, or an index
// into an array.
type pathStep struct {
	key     string
	index   int
	isIndex bool
}

// parseKeyPath parses a key path: TOML keys joined by dots, each bare,
// "basic" or 'literal' as in TOML, each optionally followed by [N] array
// indexes; a negative N counts from the end. Whitespace around dots is
// allowed, as in TOML. Examples: tool.ruff.line-length, package[0].name,
// target."cfg(windows)".dependencies, a[0][-1].
func parseKeyPath(s string) ([]pathStep, error) {
	if !utf8.ValidString(s) {
		// No key of a document, which is UTF-8, could match.
		return nil, fmt.Errorf("not valid UTF-8")
	}
	var steps []pathStep
	i := 0
	for {
		i = skipSpace(s, i)
		key, next, err := parseKeyPart(s, i)
		if err != nil {
			return nil, err
		}
		steps = append(steps, pathStep{key: key})
		i = skipSpace(s, next)
		for i < len(s) && s[i] == '[' {
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("unclosed '[' at character %d", i+1)
			}
			n, err := strconv.Atoi(strings.TrimSpace(s[i+1 : i+end]))
			if err != nil {
				return nil, fmt.Errorf("index %q at character %d is not an integer", s[i+1:i+end], i+2)
			}
			steps = append(steps, pathStep{index: n, isIndex: true})
			i = skipSpace(s, i+end+1)
		}
		if i == len(s) {
			return steps, nil
		}
		if s[i] != '.' {
			return nil, fmt.Errorf("unexpected %q at character %d (want '.', '[' or the end)", s[i], i+1)
		}
		i++
	}
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// parseKeyPart reads one key at s[i:] and returns it and the offset after it.
func parseKeyPart(s string, i int) (string, int, error) {
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
		key, err := decodeBasicString(s[i : end+1])
		if err != nil {
			return "", i, fmt.Errorf("quoted key at character %d: %v", i+1, err)
		}
		return key, end + 1, nil
	}
	end := i
	for end < len(s) && isBareKeyChar(s[end]) {
		end++
	}
	if end == i {
		return "", i, fmt.Errorf("unexpected %q at character %d (want a key)", s[i], i+1)
	}
	return s[i:end], end, nil
}

func isBareKeyChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// decodeBasicString decodes a TOML basic string, quotes included, with the
// library's own parser so that escapes mean exactly what they mean in TOML.
func decodeBasicString(quoted string) (string, error) {
	doc, err := toml.Parse([]byte("k = " + quoted))
	if err != nil {
		var pe *toml.ParseError
		if errors.As(err, &pe) {
			return "", fmt.Errorf("%s", pe.Message)
		}
		return "", err
	}
	return doc.Table().Get("k").Str(), nil
}

// formatKeyPath writes steps back as a key path, quoting keys that need it.
func formatKeyPath(steps []pathStep) string {
	var b strings.Builder
	for i, st := range steps {
		if st.isIndex {
			fmt.Fprintf(&b, "[%d]", st.index)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(formatKey(st.key))
	}
	return b.String()
}

// formatKey returns a key bare when it can be, else as a basic string.
// JSON's escapes are all TOML escapes too; TOML also wants DEL escaped.
func formatKey(k string) string {
	bare := k != ""
	for i := 0; i < len(k); i++ {
		bare = bare && isBareKeyChar(k[i])
	}
	if bare {
		return k
	}
	return strings.ReplaceAll(string(tagged.AppendJSONString(nil, k)), "\x7f", `\u007f`)
}
