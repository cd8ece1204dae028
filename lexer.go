package toml

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// lexer reads the tokens of TOML from one string. TOML is context
// sensitive (true, inf and 1979-05-27 are keys on the left of = and values
// on the right), so it has no single next-token method: the parser asks for
// the kind of token its grammar rule expects (a key, a value, a newline) and
// the lexer reads exactly that.
//
// The source has been checked to be valid UTF-8 before lexing starts, so
// the lexer looks only at bytes: every byte >= 0x80 is part of a valid
// multi-byte character.
type lexer struct {
	src  string
	pos  int
	buf  []byte     // scratch for decoding escapes; reused
	text textBlocks // where decoded strings are kept

	// version is the TOML the document is read as. Each construct of
	// TOML 1.1 is found where a TOML 1.0 reader fails, so the parser
	// tests it only there.
	version Version
	// sawNewer is set when the error returned is for a construct of TOML
	// 1.1 in a 1.0 document.
	sawNewer bool
	// uses, when not nil, gets every construct of TOML 1.1 met: for
	// Portability.
	uses *[]Construct
}

// textBlocks keeps the strings that escapes made different from their
// source text, several to a block, so that each costs no allocation of its
// own. A block is only ever appended to, so the strings made from it never
// change. Blocks belong to one document and are never pooled: its strings
// outlive the parser.
type textBlocks struct {
	block []byte
}

// save returns a string with the bytes of b.
func (t *textBlocks) save(b []byte) string {
	// saveText only reads b, to copy it.
	return saveText(t, unsafe.String(unsafe.SliceData(b), len(b)))
}

// saveText returns a copy of b, kept in t.
func saveText(t *textBlocks, b string) string {
	start, n := len(t.block), len(b)
	if n == 0 || n > cap(t.block)-start {
		return t.saveInNew(b)
	}
	t.block = t.block[:start+n]
	copy(t.block[start:], b)
	return unsafe.String(&t.block[start], n)
}

// saveShort is saveText for a string of 4 to 16 bytes, most of those a
// lock file repeats: two overlapping words at each end copy it, where
// memmove would cost a call.
func (t *textBlocks) saveShort(b string) string {
	start, n := len(t.block), len(b)
	if n > cap(t.block)-start {
		return t.saveInNew(b)
	}
	to := t.block[start : start+n]
	if n >= 8 {
		binary.LittleEndian.PutUint64(to, load8(b, 0))
		binary.LittleEndian.PutUint64(to[n-8:], load8(b, n-8))
	} else {
		binary.LittleEndian.PutUint32(to, load4(b, 0))
		binary.LittleEndian.PutUint32(to[n-4:], load4(b, n-4))
	}
	t.block = t.block[:start+n]
	return unsafe.String(&to[0], n)
}

// saveInNew is saveText when b is empty or does not fit in the block:
// kept apart so that saveText inlines.
func (t *textBlocks) saveInNew(b string) string {
	if len(b) == 0 {
		return ""
	}
	const largestBlock = 4096
	if len(b) > largestBlock/4 {
		return strings.Clone(b)
	}
	// Small documents need little: start small and double.
	t.block = make([]byte, 0, min(max(2*cap(t.block), 256, len(b)), largestBlock))
	t.block = append(t.block, b...)
	return unsafe.String(&t.block[0], len(b))
}

// errorAt makes a ParseError at a byte offset.
func (l *lexer) errorAt(offset int, format string, args ...any) error {
	p := positionOf(l.src, offset)
	return &ParseError{Offset: p.Offset, Line: p.Line, Column: p.Column, Message: fmt.Sprintf(format, args...)}
}

// describe names the character at offset i for an error message.
func (l *lexer) describe(i int) string {
	if i >= len(l.src) {
		return "end of file"
	}
	c := l.src[i]
	switch {
	case c == '\n':
		return "end of line"
	case c == '\r':
		if i+1 < len(l.src) && l.src[i+1] == '\n' {
			return "end of line"
		}
		return "carriage return (U+000D)"
	case c == '\t':
		return "tab"
	case c < 0x20 || c == 0x7f:
		return fmt.Sprintf("control character U+%04X", c)
	case c >= utf8.RuneSelf:
		r, n := utf8.DecodeRuneInString(l.src[i:])
		if r == utf8.RuneError && n == 1 {
			return fmt.Sprintf("invalid UTF-8 byte 0x%02X", c)
		}
		return fmt.Sprintf("%q", r)
	}
	return fmt.Sprintf("%q", c)
}

func (l *lexer) peek() byte {
	if l.pos < len(l.src) {
		return l.src[l.pos]
	}
	return 0
}

func (l *lexer) atEOF() bool { return l.pos >= len(l.src) }

// skipSpace skips ws = *( %x20 / %x09 ).
func (l *lexer) skipSpace() {
	i := l.pos
	for uint(i) < uint(len(l.src)) && (l.src[i] == ' ' || l.src[i] == '\t') {
		i++
	}
	l.pos = i
}

// skipComment skips a comment, if one starts here, up to (not including)
// the end of the line.
//
//	comment = comment-start-symbol *non-eol
//	non-eol = %x09 / %x20-7F / non-ascii  (7F is excluded by the prose of the spec)
func (l *lexer) skipComment() error {
	if l.peek() != '#' {
		return nil
	}
	return l.comment()
}

// comment skips the comment that starts here: skipComment, kept apart so
// that the test for one inlines.
func (l *lexer) comment() error {
	i := l.pos + 1
	for ; i < len(l.src); i++ {
		c := l.src[i]
		if c >= 0x20 && c < 0x7f || c == '\t' {
			continue
		}
		if c >= utf8.RuneSelf {
			j := validRun(l.src, i)
			if j == i {
				l.pos = i
				return l.invalidUTF8(i)
			}
			i = j - 1
			continue
		}
		if c == '\n' || c == '\r' && i+1 < len(l.src) && l.src[i+1] == '\n' {
			break
		}
		l.pos = i
		return l.errorAt(i, "%s is not allowed in a comment", l.describe(i))
	}
	l.pos = i
	return nil
}

// newline consumes a newline (LF or CRLF) if one is here.
func (l *lexer) newline() bool {
	if l.pos < len(l.src) {
		switch l.src[l.pos] {
		case '\n':
			l.pos++
			return true
		case '\r':
			if l.pos+1 < len(l.src) && l.src[l.pos+1] == '\n' {
				l.pos += 2
				return true
			}
		}
	}
	return false
}

// restOfLine reads what may follow an expression: ws [comment] and then a
// newline or the end of the input. Its common case, a line feed right
// away, parseToml tests itself.
func (l *lexer) restOfLine(after string) error {
	l.skipSpace()
	if err := l.skipComment(); err != nil {
		return err
	}
	if l.newline() || l.atEOF() {
		return nil
	}
	if l.peek() == '\r' {
		return l.errorAt(l.pos, "a carriage return (U+000D) must be followed by a line feed")
	}
	return l.errorAt(l.pos, "expected end of line after %s, found %s", after, l.describe(l.pos))
}

func isBareKeyChar(c byte) bool { return bareKeyChars[c] }

// skipBareKey returns the offset of the first byte at or after i that a
// bare key cannot hold. It tests four bytes a round, from a window whose
// length the compiler knows: a byte costs a load and a test, without the
// bounds test and loop step of a plain loop, and keys run once per pair.
func skipBareKey(s string, i int) int {
	for i+4 <= len(s) {
		w := s[i : i+4]
		if !bareKeyChars[w[0]] {
			return i
		}
		if !bareKeyChars[w[1]] {
			return i + 1
		}
		if !bareKeyChars[w[2]] {
			return i + 2
		}
		if !bareKeyChars[w[3]] {
			return i + 3
		}
		i += 4
	}
	for uint(i) < uint(len(s)) && bareKeyChars[s[i]] {
		i++
	}
	return i
}

// Byte classes, as tables so that the hot scanning loops test one byte
// with one load.
var (
	bareKeyChars [256]bool // A-Z a-z 0-9 _ -
	plainBasic   [256]bool // the ASCII a basic string holds as itself: not ", \ or a control
	plainLiteral [256]bool // the ASCII a literal string holds: not ' or a control
)

func init() {
	for c := 0; c < 256; c++ {
		b := byte(c)
		bareKeyChars[c] = 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_' || b == '-'
		ascii := b < utf8.RuneSelf
		plainLiteral[c] = ascii && b != '\'' && !isStringControl(b)
		plainBasic[c] = ascii && b != '"' && b != '\\' && !isStringControl(b)
	}
}

// The document is checked to be UTF-8 where it may hold other characters
// than ASCII, in strings and comments, by the scanners of those: a byte
// of 0x80 or above anywhere else is an error anyway, and a pass of its own
// over the whole input would cost more than the strings' scans do.

// skipPlainBasic returns the offset of the first byte at or after i that a
// basic string cannot hold as itself: a quotation mark, a backslash, a
// control character, or a byte that does not start valid UTF-8. It looks
// at eight bytes at a time while it can.
func skipPlainBasic(s string, i int) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	for i+8 <= len(s) {
		w := load8(s, i)
		// Each term sets the high bit of the bytes it looks for: w-0x20
		// of those below 0x20, w+0x01 of DEL, (w^c)-0x01 of c, and w of
		// those of 0x80 and above (checked as UTF-8 after). A term may
		// also mark bytes of 0x80 and above, and a borrow or carry out of
		// a byte may mark the bytes above it, but only out of a byte
		// marked itself: the lowest mark is always a byte looked for,
		// the first.
		special := ((w - ones*0x20) | (w + ones) | ((w ^ (ones * '"')) - ones) | ((w ^ (ones * '\\')) - ones) | w) & highs
		if special == 0 {
			i += 8
			continue
		}
		// The lowest mark is the first special byte: most often the
		// closing quotation mark.
		i += bits.TrailingZeros64(special) / 8
		switch c := s[i]; {
		case c == '"':
			return i
		case c == '\t': // which a string holds as itself
			i++
		case c >= utf8.RuneSelf:
			j := validRun(s, i)
			if j == i {
				return i
			}
			i = j
		default:
			return i
		}
	}
	return skipPlainTail(s, i, &plainBasic)
}

// skipPlainLiteral is skipPlainBasic for a literal string: it stops at an
// apostrophe, a control character, or a byte that does not start valid
// UTF-8.
func skipPlainLiteral(s string, i int) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	for i+8 <= len(s) {
		w := load8(s, i)
		// As in skipPlainBasic, with the apostrophe for the quotation
		// mark and no escape.
		special := ((w - ones*0x20) | (w + ones) | ((w ^ (ones * '\'')) - ones) | w) & highs
		if special == 0 {
			i += 8
			continue
		}
		i += bits.TrailingZeros64(special) / 8
		switch c := s[i]; {
		case c == '\t':
			i++
		case c >= utf8.RuneSelf:
			j := validRun(s, i)
			if j == i {
				return i
			}
			i = j
		default:
			return i
		}
	}
	return skipPlainTail(s, i, &plainLiteral)
}

// skipPlainTail ends the scans of skipPlainBasic and skipPlainLiteral on
// the last few bytes of the input, one at a time by the table of plain
// ASCII.
func skipPlainTail(s string, i int, plain *[256]bool) int {
	for uint(i) < uint(len(s)) {
		c := s[i]
		switch {
		case plain[c]:
			i++
		case c < utf8.RuneSelf:
			return i
		default:
			j := validRun(s, i)
			if j == i {
				return i
			}
			i = j
		}
	}
	return i
}

// validRun returns the end of the valid multi-byte characters that start
// at i: i itself if the byte there does not start one. It checks each
// character as utf8.DecodeRune would, inline: non-ASCII text comes as a
// few characters between ASCII ones, and a call per run would cost more.
func validRun(s string, i int) int {
	for uint(i) < uint(len(s)) {
		c := s[i]
		n := 0
		switch {
		case c < 0xC2 || c > 0xF4:
			// ASCII, a continuation byte, an overlong lead or past
			// U+10FFFF: no character starts here.
		case c < 0xE0:
			if i+1 < len(s) && isContinuation(s[i+1]) {
				n = 2
			}
		case c < 0xF0:
			lo, hi := byte(0x80), byte(0xBF)
			switch c {
			case 0xE0:
				lo = 0xA0 // shorter forms are overlong
			case 0xED:
				hi = 0x9F // past it, surrogates
			}
			if i+2 < len(s) && lo <= s[i+1] && s[i+1] <= hi && isContinuation(s[i+2]) {
				n = 3
			}
		default:
			lo, hi := byte(0x80), byte(0xBF)
			switch c {
			case 0xF0:
				lo = 0x90 // shorter forms are overlong
			case 0xF4:
				hi = 0x8F // past it, above U+10FFFF
			}
			if i+3 < len(s) && lo <= s[i+1] && s[i+1] <= hi && isContinuation(s[i+2]) && isContinuation(s[i+3]) {
				n = 4
			}
		}
		if n == 0 {
			return i
		}
		i += n
	}
	return i
}

func isContinuation(c byte) bool { return c&0xC0 == 0x80 }

// invalidUTF8 is the error for the byte at i, which does not start valid
// UTF-8.
func (l *lexer) invalidUTF8(i int) error {
	return l.errorAt(i, "invalid UTF-8 byte 0x%02X: a TOML document must be UTF-8", l.src[i])
}

// simpleKey reads simple-key = quoted-key / unquoted-key.
func (l *lexer) simpleKey() (Key, error) {
	start := l.pos
	switch c := l.peek(); {
	case c == '"':
		if strings.HasPrefix(l.src[l.pos:], `"""`) {
			return Key{}, l.errorAt(start, "a multi-line string cannot be a key")
		}
		s, err := l.basicString()
		return Key{Name: s, Span: Span{start, l.pos}}, err
	case c == '\'':
		if strings.HasPrefix(l.src[l.pos:], `'''`) {
			return Key{}, l.errorAt(start, "a multi-line string cannot be a key")
		}
		s, err := l.literalString()
		return Key{Name: s, Span: Span{start, l.pos}}, err
	case isBareKeyChar(c):
		i := skipBareKey(l.src, l.pos+1)
		l.pos = i
		return Key{Name: l.src[start:i], Span: Span{start, i}}, nil
	}
	return Key{}, l.errorAt(start, "expected a key (bare, \"quoted\" or 'literal'), found %s", l.describe(start))
}

// isStringControl reports the characters no string may hold raw: the C0
// controls but tab, and DEL. Newlines are checked by the callers that allow
// them.
func isStringControl(c byte) bool { return c < 0x20 && c != '\t' || c == 0x7f }

// basicString reads basic-string = quotation-mark *basic-char quotation-mark.
// A string without escapes is a slice of the source; one with escapes is
// decoded through the scratch buffer.
func (l *lexer) basicString() (string, error) {
	start := l.pos
	i := skipPlainBasic(l.src, l.pos+1)
	if i < len(l.src) && l.src[i] == '"' {
		l.pos = i + 1
		return l.src[start+1 : i], nil
	}
	l.buf = append(l.buf[:0], l.src[start+1:i]...)
	for i < len(l.src) {
		c := l.src[i]
		switch {
		case c == '"':
			l.pos = i + 1
			return l.text.save(l.buf), nil
		case c == '\\':
			var err error
			if i, err = l.escape(i); err != nil {
				return "", err
			}
		case c == '\n' || c == '\r':
			return "", l.errorAt(i, "unterminated string: a basic string must end on the line it starts (use \"\"\" for multi-line strings)")
		case isStringControl(c):
			return "", l.errorAt(i, "%s must be escaped in a string", l.describe(i))
		case c >= utf8.RuneSelf && validRun(l.src, i) == i:
			return "", l.invalidUTF8(i)
		default:
			// c is plain, or starts a valid multi-byte character (after an
			// escape).
			j := i + 1
			if c >= utf8.RuneSelf {
				j = validRun(l.src, i)
			}
			j = skipPlainBasic(l.src, j)
			l.buf = append(l.buf, l.src[i:j]...)
			i = j
		}
	}
	return "", l.errorAt(start, "unterminated string: no closing quotation mark")
}

// escape decodes the escape sequence at src[i] (a backslash) into buf and
// returns the offset after it.
//
//	escape-seq-char = %x22 / %x5C / %x62 / %x66 / %x6E / %x72 / %x74 / %x75 4HEXDIG / %x55 8HEXDIG
func (l *lexer) escape(i int) (int, error) {
	if i+1 >= len(l.src) {
		return i, l.errorAt(i, "unterminated escape sequence")
	}
	c := l.src[i+1]
	if b := simpleEscapes[c]; b != 0 {
		l.buf = append(l.buf, b)
		return i + 2, nil
	}
	if c != 'u' && c != 'U' {
		return l.newerEscape(i)
	}
	n := 4
	if c == 'U' {
		n = 8
	}
	var r int32
	for j := i + 2; j < i+2+n; j++ {
		if j >= len(l.src) || hexDigits[l.src[j]] < 0 {
			return i, l.errorAt(i, "invalid escape: \\%c needs %d hexadecimal digits", c, n)
		}
		r = r<<4 | int32(hexDigits[l.src[j]])
	}
	// Eight digits reach past any rune: r < 0 when the first is 8 or more.
	if r < 0 || r > utf8.MaxRune || 0xD800 <= r && r <= 0xDFFF {
		return i, l.errorAt(i, "invalid escape: %s is not a Unicode scalar value", l.src[i:i+2+n])
	}
	l.buf = utf8.AppendRune(l.buf, r)
	return i + 2 + n, nil
}

// simpleEscapes maps the character after a backslash to the byte it
// stands for, or to 0 when it is not a one-character escape.
var simpleEscapes = [256]byte{'"': '"', '\\': '\\', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// hexDigits maps a byte to its value as a hexadecimal digit, or to -1.
var hexDigits = func() (t [256]int8) {
	for c := range t {
		t[c] = int8(hexValue(byte(c)))
	}
	return t
}()

func (l *lexer) escapedChar(i int) string {
	if i >= len(l.src) {
		return ""
	}
	_, n := utf8.DecodeRuneInString(l.src[i:])
	s := l.src[i : i+n]
	if s[0] < 0x20 || s[0] == 0x7f {
		return fmt.Sprintf("U+%04X", s[0])
	}
	return s
}

func hexValue(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// literalString reads literal-string = apostrophe *literal-char apostrophe.
func (l *lexer) literalString() (string, error) {
	start := l.pos
	i := skipPlainLiteral(l.src, l.pos+1)
	if i >= len(l.src) {
		return "", l.errorAt(start, "unterminated string: no closing apostrophe")
	}
	switch c := l.src[i]; {
	case c == '\'':
		l.pos = i + 1
		return l.src[start+1 : i], nil
	case c == '\n' || c == '\r':
		return "", l.errorAt(i, "unterminated string: a literal string must end on the line it starts (use ''' for multi-line strings)")
	case c >= utf8.RuneSelf:
		return "", l.invalidUTF8(i)
	}
	return "", l.errorAt(i, "%s is not allowed in a literal string", l.describe(i))
}

// multilineString reads ml-basic-string or ml-literal-string, whose opening
// delimiter (""" or ”') is at pos. A newline right after the opening
// delimiter is trimmed. Up to two quotes may stand just inside the closing
// delimiter.
func (l *lexer) multilineString(quote byte) (string, error) {
	start := l.pos
	i := l.pos + 3
	if i < len(l.src) && l.src[i] == '\n' {
		i++
	} else if i+1 < len(l.src) && l.src[i] == '\r' && l.src[i+1] == '\n' {
		i += 2
	}
	contentStart := i
	escaped := false // whether buf holds the content so far
	for i < len(l.src) {
		c := l.src[i]
		switch {
		case c == quote:
			if i+2 < len(l.src) && l.src[i+1] == quote && l.src[i+2] == quote {
				n := 3
				for i+n < len(l.src) && l.src[i+n] == quote {
					n++
				}
				if n > 5 {
					return "", l.errorAt(i+5, "too many quotes: at most two may stand before the closing delimiter of a multi-line string")
				}
				end := i + n - 3 // the extra quotes belong to the content
				l.pos = i + n
				if !escaped {
					return l.src[contentStart:end], nil
				}
				l.buf = append(l.buf, l.src[i:end]...)
				return l.text.save(l.buf), nil
			}
			if escaped {
				l.buf = append(l.buf, c)
			}
			i++
		case c == '\\' && quote == '"':
			if !escaped {
				l.buf = append(l.buf[:0], l.src[contentStart:i]...)
				escaped = true
			}
			if j, ok := l.lineEndingBackslash(i); ok {
				i = j
				continue
			}
			var err error
			if i, err = l.escape(i); err != nil {
				return "", err
			}
		case c == '\r':
			if i+1 >= len(l.src) || l.src[i+1] != '\n' {
				return "", l.errorAt(i, "a carriage return (U+000D) must be followed by a line feed")
			}
			if escaped {
				l.buf = append(l.buf, '\r', '\n')
			}
			i += 2
		case c != '\n' && isStringControl(c):
			if quote == '"' {
				return "", l.errorAt(i, "%s must be escaped in a string", l.describe(i))
			}
			return "", l.errorAt(i, "%s is not allowed in a literal string", l.describe(i))
		case c >= utf8.RuneSelf && validRun(l.src, i) == i:
			return "", l.invalidUTF8(i)
		default:
			// c is plain, a line feed or starts a valid multi-byte
			// character; so may be a run of what follows, up to the next
			// quote, escape or control character.
			j := i + 1
			if c >= utf8.RuneSelf {
				j = validRun(l.src, i)
			}
			if quote == '"' {
				j = skipPlainBasic(l.src, j)
			} else {
				j = skipPlainLiteral(l.src, j)
			}
			if escaped {
				l.buf = append(l.buf, l.src[i:j]...)
			}
			i = j
		}
	}
	return "", l.errorAt(start, "unterminated multi-line string: no closing %s", strings.Repeat(string(quote), 3))
}

// lineEndingBackslash reports whether the backslash at i ends a line
// (mlb-escaped-nl = escape ws newline *( wschar / newline )) and, if so,
// returns the offset of the first character after the trimmed whitespace.
func (l *lexer) lineEndingBackslash(i int) (int, bool) {
	j := i + 1
	for uint(j) < uint(len(l.src)) && (l.src[j] == ' ' || l.src[j] == '\t') {
		j++
	}
	if j >= len(l.src) || (l.src[j] != '\n' && !(l.src[j] == '\r' && j+1 < len(l.src) && l.src[j+1] == '\n')) {
		return i, false
	}
	for j < len(l.src) {
		switch c := l.src[j]; {
		case c == ' ' || c == '\t' || c == '\n':
			j++
		case c == '\r' && j+1 < len(l.src) && l.src[j+1] == '\n':
			j += 2
		default:
			return j, true
		}
	}
	return j, true
}
