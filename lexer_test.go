package toml

import (
	"testing"
	"unicode/utf8"
)

// plainRun is the scan of skipPlainBasic (plainBasic) or skipPlainLiteral
// one character at a time: ASCII by the table, and valid multi-byte
// characters as plain.
func plainRun(table *[256]bool, s string, i int) int {
	for i < len(s) {
		if s[i] < utf8.RuneSelf {
			if !table[s[i]] {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return i
}

// TestSkipPlainBasic checks the eight-bytes-at-a-time scans of basic and
// literal strings against one character at a time, for every byte value
// at every position of a word and past it, beside a valid multi-byte
// character.
func TestSkipPlainBasic(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 20; pos++ {
			buf := []byte("abcdefghijklmnopqrstuvwxyz\u00e90123456789")
			buf[pos] = byte(c)
			s := string(buf)
			for start := 0; start < 3; start++ {
				if got, want := skipPlainBasic(s, start), plainRun(&plainBasic, s, start); got != want {
					t.Fatalf("byte %#x at %d, scan from %d: got %d, want %d", c, pos, start, got, want)
				}
				if got, want := skipPlainLiteral(s, start), plainRun(&plainLiteral, s, start); got != want {
					t.Fatalf("literal, byte %#x at %d, scan from %d: got %d, want %d", c, pos, start, got, want)
				}
			}
		}
	}
}

// TestTextBlocksKeepStrings checks that strings saved into shared blocks
// keep their bytes while later ones are saved and the scratch is reused,
// by either path.
func TestTextBlocksKeepStrings(t *testing.T) {
	var tb textBlocks
	scratch := make([]byte, 0, 64)
	var saved []string
	for i := range 2000 {
		scratch = append(scratch[:0], "esc\n"...)
		for j := 0; j < i%50; j++ {
			scratch = append(scratch, byte('a'+j%26))
		}
		if len(scratch) <= 16 && i%2 == 0 {
			// The short path writes whole words: they must not reach
			// into the string saved before.
			saved = append(saved, tb.saveShort(string(scratch)))
			continue
		}
		saved = append(saved, tb.save(scratch))
	}
	saved = append(saved, tb.save(make([]byte, 5000)))
	for i, s := range saved[:2000] {
		want := "esc\n"
		for j := 0; j < i%50; j++ {
			want += string(rune('a' + j%26))
		}
		if s != want {
			t.Fatalf("string %d became %q, want %q", i, s, want)
		}
	}
	if len(saved[2000]) != 5000 {
		t.Fatal("a large string lost bytes")
	}
}

// TestSkipPlainBasicMixed checks words holding several special bytes:
// a borrow from one may mark its neighbours, and the scan must still
// stop at the first. The bytes of multi-byte characters among them make
// valid and invalid UTF-8 (truncated, overlong, surrogates) by chance; both
// scans must stop at the first byte of an invalid sequence and no other.
func TestSkipPlainBasicMixed(t *testing.T) {
	alphabet := []byte{0, 1, 0x1f, 0x20, 0x21, '"', '\'', '\\', 0x7e, 0x7f, 0x80, 0xbf, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0xed, 0xff, 'a', '\t'}
	state := uint32(1)
	for range 200000 {
		buf := make([]byte, 1+int(state%19))
		for i := range buf {
			state = state*1664525 + 1013904223
			buf[i] = alphabet[(state>>16)%uint32(len(alphabet))]
		}
		s := string(buf)
		if got, want := skipPlainBasic(s, 0), plainRun(&plainBasic, s, 0); got != want {
			t.Fatalf("%q: got %d, want %d", s, got, want)
		}
		if got, want := skipPlainLiteral(s, 0), plainRun(&plainLiteral, s, 0); got != want {
			t.Fatalf("literal %q: got %d, want %d", s, got, want)
		}
	}
}

// TestSkipBareKey checks the four-byte rounds of skipBareKey against a
// plain loop: every byte at every place of keys of up to 11 bytes, which
// end inside a round, at its edge and in the tail.
func TestSkipBareKey(t *testing.T) {
	plain := func(s string, i int) int {
		for i < len(s) && bareKeyChars[s[i]] {
			i++
		}
		return i
	}
	for c := 0; c < 256; c++ {
		for n := 1; n <= 11; n++ {
			for pos := 0; pos < n; pos++ {
				buf := []byte("aZ9_-bY8cX7"[:n])
				buf[pos] = byte(c)
				for _, s := range []string{string(buf), string(buf) + " = 1"} {
					for start := 0; start < 3; start++ {
						if got, want := skipBareKey(s, start), plain(s, start); got != want {
							t.Fatalf("%q from %d: got %d, want %d", s, start, got, want)
						}
					}
				}
			}
		}
	}
}

// TestValidRun checks validRun against the standard library on every
// sequence of one or two bytes that starts with a non-ASCII byte, and on
// longer ones whose later bytes lie at the edges of the valid ranges,
// followed by ASCII and by the end of the input.
func TestValidRun(t *testing.T) {
	want := func(s string) int {
		i := 0
		for i < len(s) && s[i] >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return i
	}
	check := func(b []byte) {
		for _, s := range []string{string(b), string(b) + "x"} {
			if got, w := validRun(s, 0), want(s); got != w {
				t.Fatalf("% x: got %d, want %d", s, got, w)
			}
		}
	}
	edges := []byte{0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff}
	for a := 0x80; a < 0x100; a++ {
		check([]byte{byte(a)})
		for b := 0; b < 0x100; b++ {
			check([]byte{byte(a), byte(b)})
			for _, c := range edges {
				check([]byte{byte(a), byte(b), c})
			}
		}
	}
	for a := 0xf0; a < 0x100; a++ {
		for _, b := range edges {
			for _, c := range edges {
				for _, d := range edges {
					check([]byte{byte(a), b, c, d})
				}
			}
		}
	}
}
