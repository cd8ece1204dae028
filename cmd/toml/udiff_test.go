package main

import (
	"bytes"
	"fmt"
	"strings"
)

// applyUnified applies a unified diff made by unifiedDiff to old, checking
// each hunk's header against its lines and each context and removed line
// against old.
func applyUnified(old, diff []byte) ([]byte, error) {
	a := splitLines(old)
	lines := strings.SplitAfter(string(diff), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		return nil, fmt.Errorf("no --- and +++ header")
	}
	var out bytes.Buffer
	at := 0 // the next line of old to copy
	for k := 2; k < len(lines) && lines[k] != ""; {
		h := lines[k]
		a0, an, _, bn, err := parseHunkHeader(h)
		if err != nil {
			return nil, fmt.Errorf("hunk header %q: %v", h, err)
		}
		start := a0 - 1
		if an == 0 {
			start = a0
		}
		for ; at < start; at++ {
			out.Write(a[at])
		}
		k++
		gotA, gotB := 0, 0
		for k < len(lines) && lines[k] != "" && !strings.HasPrefix(lines[k], "@@") {
			l := lines[k]
			k++
			text := l[1:]
			if k < len(lines) && strings.HasPrefix(lines[k], "\\ No newline") {
				text = strings.TrimSuffix(text, "\n")
				k++
			}
			switch l[0] {
			case ' ', '-':
				if at >= len(a) || string(a[at]) != text {
					return nil, fmt.Errorf("line %d of old is %q, the diff says %q", at+1, a[min(at, len(a)-1)], text)
				}
				if l[0] == ' ' {
					out.WriteString(text)
					gotB++
				}
				at++
				gotA++
			case '+':
				out.WriteString(text)
				gotB++
			default:
				return nil, fmt.Errorf("line %q in a hunk", l)
			}
		}
		if gotA != an || gotB != bn {
			return nil, fmt.Errorf("hunk %q has %d old and %d new lines", h, gotA, gotB)
		}
	}
	for ; at < len(a); at++ {
		out.Write(a[at])
	}
	return out.Bytes(), nil
}

// parseHunkHeader reads "@@ -a0[,an] +b0[,bn] @@"; a count left out is
// one.
func parseHunkHeader(h string) (a0, an, b0, bn int, err error) {
	f := strings.Fields(h)
	if len(f) < 4 {
		return 0, 0, 0, 0, fmt.Errorf("too short")
	}
	read := func(s string) (int, int, error) {
		start, count := 0, 1
		if i := strings.IndexByte(s, ','); i >= 0 {
			if _, err := fmt.Sscanf(s[i+1:], "%d", &count); err != nil {
				return 0, 0, err
			}
			s = s[:i]
		}
		_, err := fmt.Sscanf(s, "%d", &start)
		return start, count, err
	}
	if a0, an, err = read(f[1][1:]); err != nil {
		return
	}
	b0, bn, err = read(f[2][1:])
	return
}
