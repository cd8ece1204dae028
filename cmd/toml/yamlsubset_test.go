package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestYAMLSubset(t *testing.T) {
	src := `# comment
name: Check TOML
quoted: "a \"b\" # not a comment"
single: 'it''s'
empty: ""
top:
  key: value # a comment
  list:
    - name: first
      run: |
        line one

        line three
    - uses: x@v1
      with:
        flag: false
after: done
`
	want := map[string]any{
		"name":   "Check TOML",
		"quoted": `a "b" # not a comment`,
		"single": "it's",
		"empty":  "",
		"top": map[string]any{
			"key": "value",
			"list": []any{
				map[string]any{"name": "first", "run": "line one\n\nline three\n"},
				map[string]any{"uses": "x@v1", "with": map[string]any{"flag": "false"}},
			},
		},
		"after": "done",
	}
	got, err := parseYAMLSubset(src)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parseYAMLSubset (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"a: [1, 2]\n", "a: {b: c}\n", "a:\n\tb: c\n", "a: &x b\n", "a: b\na: c\n", "- a\nb: c\n"} {
		if _, err := parseYAMLSubset(bad); err == nil {
			t.Errorf("parseYAMLSubset(%q) took YAML outside its subset", bad)
		}
	}
}

// parseYAMLSubset reads the part of YAML that action.yml is written in:
// block mappings and sequences indented with spaces, "|" block scalars,
// plain, single- and double-quoted scalars (all kept as strings), and
// comments. Anything else (flow collections, anchors, tabs, repeated
// keys) is an error rather than a guess, so the checks above never run
// on a misread file.
func parseYAMLSubset(src string) (any, error) {
	p := &yamlParser{lines: strings.Split(src, "\n")}
	p.skipBlank()
	if p.i == len(p.lines) {
		return nil, nil
	}
	v, err := p.block(p.indent())
	if err != nil {
		return nil, err
	}
	if p.skipBlank(); p.i < len(p.lines) {
		return nil, p.errorf("unexpected indentation")
	}
	return v, nil
}

type yamlParser struct {
	lines []string
	i     int
}

func (p *yamlParser) errorf(format string, args ...any) error {
	return fmt.Errorf("line %d: %s", p.i+1, fmt.Sprintf(format, args...))
}

func (p *yamlParser) indent() int {
	l := p.lines[p.i]
	return len(l) - len(strings.TrimLeft(l, " "))
}

// skipBlank moves past blank lines and comment lines.
func (p *yamlParser) skipBlank() {
	for p.i < len(p.lines) {
		l := strings.TrimSpace(p.lines[p.i])
		if l != "" && !strings.HasPrefix(l, "#") {
			return
		}
		p.i++
	}
}

// block reads the mapping or sequence whose lines start at column indent.
func (p *yamlParser) block(indent int) (any, error) {
	if strings.ContainsRune(p.lines[p.i], '\t') {
		return nil, p.errorf("tab")
	}
	if strings.HasPrefix(strings.TrimLeft(p.lines[p.i], " "), "- ") {
		var list []any
		for p.i < len(p.lines) && p.indent() == indent && strings.HasPrefix(strings.TrimLeft(p.lines[p.i], " "), "- ") {
			// An item is read as a block two columns in: "- a: b" is "  a: b".
			p.lines[p.i] = strings.Replace(p.lines[p.i], "- ", "  ", 1)
			item, err := p.block(indent + 2)
			if err != nil {
				return nil, err
			}
			list = append(list, item)
			p.skipBlank()
		}
		return list, nil
	}
	m := map[string]any{}
	for p.i < len(p.lines) && p.indent() == indent {
		line := strings.TrimLeft(p.lines[p.i], " ")
		if strings.ContainsRune(line, '\t') {
			return nil, p.errorf("tab")
		}
		key, rest, ok := strings.Cut(line, ":")
		if !ok || !plainKey.MatchString(key) {
			return nil, p.errorf("want key: value, got %q", line)
		}
		if _, dup := m[key]; dup {
			return nil, p.errorf("repeated key %q", key)
		}
		rest = strings.TrimSpace(rest)
		if rest != "" && !strings.HasPrefix(rest, "#") && !strings.HasPrefix(line[len(key)+1:], " ") {
			return nil, p.errorf("want a blank after %q:", key)
		}
		p.i++
		switch {
		case rest == "|":
			m[key] = p.blockScalar(indent)
		case rest == "" || strings.HasPrefix(rest, "#"):
			p.skipBlank()
			if p.i == len(p.lines) || p.indent() <= indent {
				return nil, p.errorf("key %q has no value", key)
			}
			v, err := p.block(p.indent())
			if err != nil {
				return nil, err
			}
			m[key] = v
		default:
			v, err := p.scalar(rest)
			if err != nil {
				return nil, err
			}
			m[key] = v
		}
		p.skipBlank()
	}
	return m, nil
}

var plainKey = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]*$`)

// blockScalar reads a "|" literal block: the lines indented past the key,
// without their common indentation, each ending in a newline.
func (p *yamlParser) blockScalar(keyIndent int) string {
	var lines []string
	blockIndent := -1
	for ; p.i < len(p.lines); p.i++ {
		l := p.lines[p.i]
		if strings.TrimSpace(l) == "" {
			lines = append(lines, "")
			continue
		}
		if p.indent() <= keyIndent {
			break
		}
		if blockIndent < 0 {
			blockIndent = p.indent()
		}
		lines = append(lines, l[min(blockIndent, p.indent()):])
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n") + "\n"
}

// scalar reads a value written on its key's line.
func (p *yamlParser) scalar(s string) (string, error) {
	switch s[0] {
	case '"':
		end := 1
		for end < len(s) && s[end] != '"' {
			if s[end] == '\\' {
				end++
			}
			end++
		}
		if end >= len(s) || !onlyComment(s[end+1:]) {
			return "", p.errorf("bad double-quoted scalar %s", s)
		}
		v, err := strconv.Unquote(s[:end+1])
		if err != nil {
			return "", p.errorf("%v in %s", err, s)
		}
		return v, nil
	case '\'':
		end := 1
		for end < len(s) && (s[end] != '\'' || end+1 < len(s) && s[end+1] == '\'') {
			if s[end] == '\'' {
				end++
			}
			end++
		}
		if end >= len(s) || !onlyComment(s[end+1:]) {
			return "", p.errorf("bad single-quoted scalar %s", s)
		}
		return strings.ReplaceAll(s[1:end], "''", "'"), nil
	case '[', '{', '&', '*', '!', '|', '>', '%', '@', '`':
		return "", p.errorf("%q starts YAML this reader does not take", s)
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s), nil
}

func onlyComment(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || strings.HasPrefix(s, "#")
}
