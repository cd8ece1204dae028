package toml

import "testing"

// TestSkipPlainBasic checks the eight-bytes-at-a-time scan against the
// byte table, for every byte value at every position of a word and past it.
func TestSkipPlainBasic(t *testing.T) {
	plain := func(s string, i int) int {
		for i < len(s) && plainBasic[s[i]] {
			i++
		}
		return i
	}
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 20; pos++ {
			buf := []byte("abcdefghijklmnopqrstuvwxyz\u00e90123456789")
			buf[pos] = byte(c)
			s := string(buf)
			for start := 0; start < 3; start++ {
				if got, want := skipPlainBasic(s, start), plain(s, start); got != want {
					t.Fatalf("byte %#x at %d, scan from %d: got %d, want %d", c, pos, start, got, want)
				}
			}
		}
	}
}
