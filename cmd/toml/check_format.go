package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// problemWriters are check's output formats by --format name. Each writes
// all problems (none for valid input) and is told whether to use colour.
var problemWriters = map[string]func(w io.Writer, problems []*problem, color bool) error{
	"text":   writeProblemsText,
	"github": writeProblemsGitHub,
	"json":   writeProblemsJSON,
}

// writeProblemsText writes "path:line:column: message", then the source
// line and a caret under the column.
func writeProblemsText(w io.Writer, problems []*problem, color bool) error {
	var b bytes.Buffer
	for _, p := range problems {
		pos := fmt.Sprintf("%s:%d:%d:", p.File, p.Line, p.Column)
		msg := p.Message
		if p.Severity == severityWarning {
			msg = paint(color, yellow, "warning:") + " " + msg
		}
		fmt.Fprintf(&b, "%s %s\n", paint(color, bold, pos), msg)
		if line, caret, ok := excerpt(p.source, p.offset); ok {
			fmt.Fprintf(&b, "%s%s\n%s%s\n", excerptIndent, line, excerptIndent, paint(color, boldRed, caret))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// writeProblemsGitHub writes one GitHub Actions annotation per problem,
// ::error or ::warning by its severity, which the Actions runner attaches
// to the file and line.
func writeProblemsGitHub(w io.Writer, problems []*problem, _ bool) error {
	var b bytes.Buffer
	for _, p := range problems {
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d::%s\n",
			p.Severity, escapeGitHubProperty(p.File), p.Line, p.Column, escapeGitHubData(p.Message))
	}
	_, err := w.Write(b.Bytes())
	return err
}

// The escaping of GitHub Actions workflow commands: data may not hold
// newlines, and property values may not hold ':' or ','.
var (
	gitHubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	gitHubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeGitHubData(s string) string     { return gitHubData.Replace(s) }
func escapeGitHubProperty(s string) string { return gitHubProperty.Replace(s) }

// writeProblemsJSON writes a JSON array of problems, [] when there are none.
func writeProblemsJSON(w io.Writer, problems []*problem, _ bool) error {
	if problems == nil {
		problems = []*problem{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(problems)
}

// excerptIndent sets the source excerpt apart from the message line.
const excerptIndent = "    "

// excerptContext is how many characters of a long line the excerpt keeps
// on each side of the problem.
const excerptContext = 60

// excerpt returns the source line holding offset and a caret line whose
// caret sits under offset's character. Tabs are kept in both lines so that
// the caret lines up however the terminal expands them; control characters
// and invalid UTF-8 become one visible character each, so the count of
// characters, and the column, are unchanged. A long line is cut to
// excerptContext characters either side, marked with "...". ok is false
// for an empty source.
func excerpt(src []byte, offset int) (line, caret string, ok bool) {
	if len(src) == 0 {
		return "", "", false
	}
	offset = max(0, min(offset, len(src)))
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	end := len(src)
	if i := bytes.IndexByte(src[offset:], '\n'); i >= 0 {
		end = offset + i
		if end > offset && src[end-1] == '\r' {
			end-- // the CR of a CRLF; a bare CR stays, made visible
		}
	}
	// Only the characters the excerpt can show are decoded: a line may be
	// megabytes long. Each side keeps enough bytes for more than
	// excerptContext+10 characters, so a cut side is still marked.
	const room = (excerptContext + 11) * utf8.UTFMax
	if offset-start > room {
		start = offset - room
		for start < offset && !utf8.RuneStart(src[start]) {
			start++
		}
	}
	if end-offset > room {
		end = offset + room
		for end > offset && !utf8.RuneStart(src[end]) {
			end--
		}
	}
	before := []rune(visible(src[start:offset]))
	after := []rune(visible(src[offset:end]))

	prefix, suffix := "", ""
	if len(before) > excerptContext+10 {
		before = before[len(before)-excerptContext:]
		prefix = "..."
	}
	if len(after) > excerptContext+10 {
		after = after[:excerptContext]
		suffix = "..."
	}
	var c strings.Builder
	c.WriteString(strings.Repeat(" ", len(prefix)))
	for _, r := range before {
		if r == '\t' {
			c.WriteByte('\t')
		} else {
			c.WriteByte(' ')
		}
	}
	c.WriteByte('^')
	return prefix + string(before) + string(after) + suffix, c.String(), true
}

// visible returns s with each control character (but tab) replaced by its
// Unicode control picture and each invalid byte by U+FFFD, so that printing
// the line cannot move the cursor or change the terminal's state.
func visible(s []byte) string {
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\t':
			b.WriteByte('\t')
		case r < 0x20:
			b.WriteRune(0x2400 + r) // ␀ ... ␟
		case r == 0x7f:
			b.WriteRune(0x2421) // ␡
		case r >= 0x80 && r < 0xa0:
			b.WriteRune(utf8.RuneError) // C1 controls
		default:
			b.WriteRune(r)
		}
		s = s[size:]
	}
	return b.String()
}
