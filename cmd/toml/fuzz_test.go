package main

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExcerpt: for any input and offset, the excerpt is one line and the
// caret sits under the character at the offset: the caret line has one
// character per character of the line before the offset.
func FuzzExcerpt(f *testing.F) {
	for _, seed := range []string{"a = 1\nb = \n", "\t\tx = y", "é☕\r\n\x00\xff", strings.Repeat("long ", 50)} {
		f.Add(seed, len(seed)/2)
	}
	f.Fuzz(func(t *testing.T, src string, offset int) {
		line, caret, ok := excerpt([]byte(src), offset)
		if !ok {
			if src != "" {
				t.Fatalf("no excerpt of %q", src)
			}
			return
		}
		if strings.ContainsAny(line+caret, "\n\r") {
			t.Fatalf("excerpt spans lines: %q / %q", line, caret)
		}
		if !strings.HasSuffix(caret, "^") || strings.Trim(caret, " \t") != "^" {
			t.Fatalf("caret line %q is not blanks and a caret", caret)
		}
		if !utf8.ValidString(line) {
			t.Fatalf("excerpt line %q is not UTF-8", line)
		}
		if n, m := utf8.RuneCountInString(caret)-1, utf8.RuneCountInString(line); n > m {
			t.Fatalf("caret at character %d of a %d-character line %q", n+1, m, line)
		}
	})
}
