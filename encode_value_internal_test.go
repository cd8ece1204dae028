package toml

import (
	"testing"
	"unicode/utf8"
)

// TestAppendValidBasicString checks the one-pass writer against the
// separate check and writer, on valid and broken UTF-8.
func TestAppendValidBasicString(t *testing.T) {
	for _, s := range []string{"", "plain", "tab\there", "quote\"back\\slash", "é€😀", "\x00\x1f\x7f", "bad\xff", "cut\xe2\x82", "\xed\xa0\x80", "ok é then \xc3"} {
		got, ok := appendValidBasicString([]byte("x"), s)
		if ok != utf8.ValidString(s) {
			t.Errorf("%q: ok = %t, want %t", s, ok, !ok)
			continue
		}
		want := "x"
		if ok {
			want = string(appendBasicString([]byte("x"), s))
		}
		if string(got) != want {
			t.Errorf("%q: wrote %q, want %q", s, got, want)
		}
	}
}
