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

// TestPlain8 checks the eight-bytes-at-once test against the byte-wise
// one, with every byte value in every position among plain neighbours
// and in random words drawn from the bytes around each boundary.
func TestPlain8(t *testing.T) {
	plain := func(c byte) bool { return c >= 0x20 && c != '"' && c != '\\' && c < 0x7f }
	check := func(w [8]byte) {
		var x uint64
		want := true
		for i, c := range w {
			x |= uint64(c) << (8 * i)
			want = want && plain(c)
		}
		if got := plain8(x); got != want {
			t.Fatalf("plain8(% x) = %t, want %t", w, got, want)
		}
	}
	for pos := range 8 {
		for c := range 256 {
			for _, fill := range []byte{'a', ' ', '~', 0x00, 0xff, '!', '#', '[', ']'} {
				w := [8]byte{fill, fill, fill, fill, fill, fill, fill, fill}
				w[pos] = byte(c)
				check(w)
			}
		}
	}
	edges := []byte{0x00, 0x01, 0x1f, 0x20, 0x21, '"' - 1, '"', '"' + 1, '\\' - 1, '\\', '\\' + 1, 0x7e, 0x7f, 0x80, 0x81, 0xfe, 0xff, 'a'}
	r := uint64(1)
	for range 200000 {
		var w [8]byte
		for i := range w {
			r ^= r << 13
			r ^= r >> 7
			r ^= r << 17
			w[i] = edges[r%uint64(len(edges))]
		}
		check(w)
	}
}

// TestAppendBasicStringLong checks both string writers against a byte-wise
// reference on strings long enough to take the eight-byte path.
func TestAppendBasicStringLong(t *testing.T) {
	ref := func(s string) string {
		b := []byte{'"'}
		for i := 0; i < len(s); i++ {
			b = appendEscapedByte(b, s[i])
		}
		return string(append(b, '"'))
	}
	for _, s := range []string{
		"abcdefgh", "abcdefghi", "abcdefg\"", "\"bcdefghijklmnop", "abcdefgh\\ijklmnop\x7f",
		"0123456789 é€😀 0123456789", "tab\there and a long tail of plain text", "\x00\x01\x02\x03\x04\x05\x06\x07\x08",
		"ends in a quote\"", "a\nb\nc\nd\ne\nf\ng\nh\ni", "~~~~~~~~~~~~~~~~ ", "                         ",
	} {
		if got, want := string(appendBasicString(nil, s)), ref(s); got != want {
			t.Errorf("appendBasicString(%q) = %s, want %s", s, got, want)
		}
		got, ok := appendValidBasicString(nil, s)
		if !ok || string(got) != ref(s) {
			t.Errorf("appendValidBasicString(%q) = %s, %t, want %s", s, got, ok, ref(s))
		}
	}
	if _, ok := appendValidBasicString(nil, "abcdefgh\xffabcdefgh"); ok {
		t.Errorf("appendValidBasicString accepted broken UTF-8 after eight plain bytes")
	}
}

// TestSortEntries checks the sort of map entries by their indexes, on
// tables small and large, in every order of a few keys and a shuffle of
// many.
func TestSortEntries(t *testing.T) {
	e := new(encodeState)
	check := func(keys []string) {
		t.Helper()
		s := make([]tableEntry, len(keys))
		for i, k := range keys {
			s[i] = tableEntry{key: k, class: entryClass(len(k))}
		}
		e.sortEntries(s)
		for i := range s {
			if s[i].class != entryClass(len(s[i].key)) {
				t.Fatalf("entry %q lost its fields", s[i].key)
			}
			if i > 0 && s[i-1].key > s[i].key {
				t.Fatalf("sorted %q into %v", keys, s)
			}
		}
	}
	perm := func(keys []string, f func([]string)) {
		var rec func(int)
		rec = func(n int) {
			if n == len(keys) {
				f(append([]string(nil), keys...))
				return
			}
			for i := n; i < len(keys); i++ {
				keys[n], keys[i] = keys[i], keys[n]
				rec(n + 1)
				keys[n], keys[i] = keys[i], keys[n]
			}
		}
		rec(0)
	}
	perm([]string{"a", "bb", "ccc", "d", "ee"}, check)
	var many []string
	r := uint32(7)
	for i := range 300 {
		r = r*1664525 + 1013904223
		many = append(many, string(rune('a'+r>>28))+string(rune('a'+i%26)))
	}
	check(many)
}
