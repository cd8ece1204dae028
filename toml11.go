package toml

import "unicode/utf8"

// The constructs TOML 1.1 adds are each met where a TOML 1.0 reader fails:
// a backslash that no 1.0 escape follows, a line break, a comment or a
// closing brace after a comma inside an inline table, a time whose minutes
// no colon follows. The functions here take over at those places: they
// read the construct in a 1.1 document, recording it for Portability, and
// give 1.0's error otherwise. So the reading of a 1.0 document tests the
// version nowhere it did not fail before.

// newerEscape reads the escape at src[i] (a backslash) when it is none of
// TOML 1.0's: \e or \xHH in TOML 1.1, an error otherwise. It returns the
// offset after the escape.
func (l *lexer) newerEscape(i int) (int, error) {
	c := l.src[i+1]
	switch {
	case c == 'e':
		if l.version == V1_0 {
			return i, l.newer(i, constructEscapeE)
		}
		l.use(constructEscapeE, i, i+2)
		l.buf = append(l.buf, 0x1b)
		return i + 2, nil
	case c == 'x' && i+3 < len(l.src) && hexDigits[l.src[i+2]] >= 0 && hexDigits[l.src[i+3]] >= 0:
		if l.version == V1_0 {
			return i, l.newer(i, constructEscapeX)
		}
		l.use(constructEscapeX, i, i+4)
		// Every value of two digits is a scalar value, U+0000 to U+00FF.
		l.buf = utf8.AppendRune(l.buf, rune(hexDigits[l.src[i+2]])<<4|rune(hexDigits[l.src[i+3]]))
		return i + 4, nil
	case c == 'x' && l.version == V1_1:
		return i, l.errorAt(i, "invalid escape: \\x needs 2 hexadecimal digits")
	}
	if l.version == V1_1 {
		return i, l.errorAt(i, "invalid escape sequence \\%s (TOML 1.1 allows \\b \\t \\n \\f \\r \\e \\\" \\\\ \\xHH \\uXXXX \\UXXXXXXXX)", l.escapedChar(i+1))
	}
	return i, l.errorAt(i, "invalid escape sequence \\%s (TOML 1.0 allows \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)", l.escapedChar(i+1))
}

// inlineBlanks reads, in an inline table that opened at offset open, the
// ws-comment-newline of TOML 1.1 that starts at pos with a line break, a
// carriage return or a comment, recording each line break and comment.
// TOML 1.0 allows none of them there.
func (p *parser) inlineBlanks(open int) error {
	src := p.src
	i := p.pos
	if p.version == V1_0 {
		switch {
		case src[i] == '#':
			return p.newer(i, constructInlineComment)
		case src[i] == '\n' || i+1 < len(src) && src[i+1] == '\n':
			return p.newer(i, constructInlineNewline)
		}
		return p.errorAt(i, "a carriage return (U+000D) must be followed by a line feed")
	}
	for i < len(src) {
		switch c := src[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '\n':
			p.use(constructInlineNewline, i, i+1)
			i++
		case c == '\r':
			if i+1 >= len(src) || src[i+1] != '\n' {
				p.pos = i
				return p.errorAt(i, "a carriage return (U+000D) must be followed by a line feed")
			}
			p.use(constructInlineNewline, i, i+2)
			i += 2
		case c == '#':
			p.pos = i
			if err := p.comment(); err != nil {
				return err
			}
			p.use(constructInlineComment, i, p.pos)
			i = p.pos
		default:
			p.pos = i
			return nil
		}
	}
	p.pos = i
	return p.errorAt(open, "unterminated inline table: no closing '}'")
}

// commaBefore returns the offset of the comma that the blanks before pos
// follow in an inline table, or -1 when they follow the opening brace.
func (p *parser) commaBefore() int {
	i := p.pos - 1
	for p.src[i] == ' ' || p.src[i] == '\t' {
		i--
	}
	if p.src[i] == ',' {
		return i
	}
	return -1
}

// trailingComma reads the comma, followed by blanks and the closing brace
// at pos, that ends an inline table: TOML 1.1 allows it, 1.0 does not.
func (p *parser) trailingComma() error {
	comma := p.commaBefore()
	if p.version == V1_0 {
		return p.newer(comma, constructInlineComma)
	}
	p.use(constructInlineComma, comma, comma+1)
	return nil
}

// withoutSeconds is the date-time value at start when scanDateTime failed
// on it at offset at with msg: a time without seconds (14:15, 1979-05-27
// 07:32Z) reads as seconds zero in TOML 1.1, with the offset that follows
// its minutes; any other failure, and a time without seconds in TOML 1.0,
// is an error.
func (p *parser) withoutSeconds(start, at int, msg string) (dateTime, Kind, int, error) {
	switch {
	case msg != noSecondsMessage:
		return dateTime{}, 0, 0, p.errorAt(at, "%s", msg)
	case at < len(p.src) && p.src[at] == '.':
		return dateTime{}, 0, 0, p.errorAt(at, "malformed time: a fraction of a second needs the seconds (HH:MM:SS.fff)")
	case p.version == V1_0:
		return dateTime{}, 0, 0, p.newer(at, constructNoSeconds)
	}
	// The value as it would be with ":00" after the minutes; the scan
	// goes on at most as far as an offset (+07:00) past them.
	text := p.src[start:at] + ":00" + p.src[at:min(len(p.src), at+len("+07:00"))]
	d, kind, end, msg := scanDateTime(text, 0)
	// Offsets past the minutes are 3 bytes further on in text.
	if end >= at-start {
		end -= 3
	}
	if msg != "" {
		return dateTime{}, 0, 0, p.errorAt(start+end, "%s", msg)
	}
	p.use(constructNoSeconds, at, at)
	return d, kind, start + end, nil
}

// appendSpelled11 is appendInlineValue for a scalar v of a document read
// as TOML 1.1, spelled text in its source: it keeps the spelling unless a
// construct of TOML 1.1 is in it, which TOML 1.0, the encoder's output,
// does not allow.
func appendSpelled11(b []byte, v Value, text string) []byte {
	if spelledInTOML11(text, v.Kind()) {
		return appendInlineValue(b, v, false)
	}
	return append(b, text...)
}

// spelledInTOML11 reports whether text, the source of a scalar of kind k
// in a TOML 1.1 document, uses a construct of TOML 1.1: an escape \e or
// \xHH, or a time without seconds. The encoder, which writes TOML 1.0,
// writes such a scalar in normal form rather than as the source spells it.
func spelledInTOML11(text string, k Kind) bool {
	switch k {
	case KindString:
		if text[0] != '"' {
			return false // a literal string has no escapes
		}
		for i := 0; i+1 < len(text); i++ {
			if text[i] == '\\' {
				if c := text[i+1]; c == 'e' || c == 'x' {
					return true
				}
				i++ // the escaped character, which may be a backslash
			}
		}
	case KindLocalTime:
		return len(text) <= len("07:32") || text[len("07:32")] != ':'
	case KindLocalDateTime, KindDateTime:
		return len(text) <= len("1979-05-27T07:32") || text[len("1979-05-27T07:32")] != ':'
	}
	return false
}
