package toml

// The layout of a document: its statements line by line, with the blank
// lines and comments the tree leaves out, and the inside of its arrays and
// inline tables as tokens. The formatter rewrites a document from its
// layout, and the editor finds through it the lines an edit concerns:
// comments and blank lines are one problem for both, solved here once.
//
// The layout is read from source that the parser has accepted, in either
// TOML version, so its scanners check nothing: they only find where
// things start and end. They allocate nothing but the token slices their
// callers lend them.

// stmtKind says what a statement of a document is.
type stmtKind uint8

const (
	stmtBlank      stmtKind = iota // a line of blanks, or an empty one
	stmtComment                    // a comment alone on its line
	stmtTable                      // [a.b]
	stmtArrayTable                 // [[a.b]]
	stmtKeyval                     // a.b = value
)

// stmt is one top-level statement with the line or lines it covers: from
// the start of its first line to the start of the line after its last.
type stmt struct {
	kind  stmtKind
	start int // the first byte of its line
	body  int // the first byte after the indentation
	// key is a key/value's key or a header's key, from the first byte of
	// its first part to the last byte of its last, dots and the blanks
	// around them included.
	key Span
	// value is a key/value's value.
	value Span
	// end is where the expression ends: after a header's closing bracket
	// or a value; body for blank and comment lines.
	end int
	// comment is the comment that ends the line, if any (for a comment
	// line, the comment itself): from '#' up to the end of the line,
	// trailing blanks excluded. Empty when there is none.
	comment Span
	// newline is where the line's end of line starts ('\r' or '\n'), or the
	// end of the source on the last line.
	newline int
	next    int // the first byte of the next line
}

// hasComment reports whether the statement's line ends in a comment.
func (s *stmt) hasComment() bool { return s.comment.End > s.comment.Start }

// contentEnd is the end of what the line holds, trailing blanks excluded.
func (s *stmt) contentEnd() int {
	if s.hasComment() {
		return s.comment.End
	}
	return s.end
}

// scanStmt reads the statement whose line starts at i, which must be the
// start of a line of accepted source (and below its end).
func scanStmt(src string, i int) stmt {
	s := stmt{start: i}
	j := skipBlanks(src, i)
	s.body, s.end = j, j
	switch {
	case j >= len(src) || src[j] == '\n' || src[j] == '\r':
		s.kind = stmtBlank
	case src[j] == '#':
		s.kind = stmtComment
	case src[j] == '[':
		open := 1
		s.kind = stmtTable
		if j+1 < len(src) && src[j+1] == '[' {
			open = 2
			s.kind = stmtArrayTable
		}
		k := skipBlanks(src, j+open)
		s.key = Span{k, keyEndAt(src, k)}
		s.end = skipBlanks(src, s.key.End) + open
	default:
		s.kind = stmtKeyval
		s.key = Span{j, keyEndAt(src, j)}
		v := skipBlanks(src, skipBlanks(src, s.key.End)+1) // past the '='
		s.value = Span{v, skipValue(src, v)}
		s.end = s.value.End
	}
	k := skipBlanks(src, s.end)
	if k < len(src) && src[k] == '#' {
		c := commentEnd(src, k)
		s.comment = Span{k, trimBlanksLeft(src, k, c)}
		k = c
	}
	s.newline = k
	s.next = lineAfter(src, k)
	return s
}

// skipBlanks returns the first offset at or after i that is not a space
// or a tab.
func skipBlanks(src string, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}

// trimBlanksLeft returns the end of src[from:to] with its trailing blanks
// cut.
func trimBlanksLeft(src string, from, to int) int {
	for to > from && (src[to-1] == ' ' || src[to-1] == '\t') {
		to--
	}
	return to
}

// commentEnd returns where the comment starting at i ends: at the end of
// its line, before the '\r' of a CRLF.
func commentEnd(src string, i int) int {
	for i < len(src) && src[i] != '\n' {
		if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			break
		}
		i++
	}
	return i
}

// lineAfter returns the start of the line after the end of line at i
// (or i itself at the end of the source).
func lineAfter(src string, i int) int {
	if i < len(src) && src[i] == '\r' {
		i++
	}
	if i < len(src) && src[i] == '\n' {
		i++
	}
	return i
}

// keyEndAt returns where the key (simple or dotted) starting at i ends:
// after its last part, before any blank that follows.
func keyEndAt(src string, i int) int {
	for {
		i = simpleKeyEnd(src, i)
		j := skipBlanks(src, i)
		if j >= len(src) || src[j] != '.' {
			return i
		}
		i = skipBlanks(src, j+1)
	}
}

// simpleKeyEnd returns where the bare or quoted key part at i ends.
func simpleKeyEnd(src string, i int) int {
	if i >= len(src) {
		return i
	}
	switch src[i] {
	case '"', '\'':
		return skipString(src, i)
	}
	return skipBareKey(src, i)
}

// keyParts calls part with the span of each part of the key at k, in
// order.
func keyParts(src string, k Span, part func(Span)) {
	i := k.Start
	for i < k.End {
		end := simpleKeyEnd(src, i)
		part(Span{i, end})
		i = skipBlanks(src, end)
		if i < k.End && src[i] == '.' {
			i = skipBlanks(src, i+1)
		}
	}
}

// appendKeyText appends the key at k with its parts joined by bare dots:
// the blanks TOML allows around them dropped, each part's text kept.
func appendKeyText(b []byte, src string, k Span) []byte {
	i, first := k.Start, true
	for i < k.End {
		end := simpleKeyEnd(src, i)
		if !first {
			b = append(b, '.')
		}
		b = append(b, src[i:end]...)
		first = false
		i = skipBlanks(src, end)
		if i < k.End && src[i] == '.' {
			i = skipBlanks(src, i+1)
		}
	}
	return b
}

// skipString returns the offset after the string (of any of the four
// kinds) whose opening quote is at i.
func skipString(src string, i int) int {
	q := src[i]
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		// Multi-line: up to the first run of three quotes that is not
		// escaped; up to two more quotes belong to the content.
		j := i + 3
		for j < len(src) {
			c := src[j]
			if c == '\\' && q == '"' {
				j += 2
				continue
			}
			if c == q && j+2 < len(src) && src[j+1] == q && src[j+2] == q {
				j += 3
				for n := 0; n < 2 && j < len(src) && src[j] == q; n++ {
					j++
				}
				return j
			}
			j++
		}
		return len(src)
	}
	j := i + 1
	for j < len(src) && src[j] != q {
		if src[j] == '\\' && q == '"' {
			j++
		}
		j++
	}
	return min(j+1, len(src))
}

// skipValue returns the offset after the value that starts at i.
func skipValue(src string, i int) int {
	if i >= len(src) {
		return i
	}
	switch src[i] {
	case '"', '\'':
		return skipString(src, i)
	case '[', '{':
		return skipBracketed(src, i)
	}
	return scalarEnd(src, i)
}

// scalarEnd returns the end of the number, boolean or date-time at i. A
// local date followed by a blank and a digit goes on with its time: TOML
// allows a space for the T.
func scalarEnd(src string, i int) int {
	start := i
	for i < len(src) && !scalarStop[src[i]] {
		i++
	}
	if i-start == 10 && src[start+4] == '-' && i+1 < len(src) && src[i] == ' ' && isDigit(src[i+1]) {
		i++
		for i < len(src) && !scalarStop[src[i]] {
			i++
		}
	}
	return i
}

// scalarStop holds the bytes that end a scalar.
var scalarStop = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, ',': true, ']': true, '}': true, '#': true}

// skipBracketed returns the offset after the array or inline table whose
// opening bracket or brace is at i.
func skipBracketed(src string, i int) int {
	depth := 0
	for i < len(src) {
		switch c := src[i]; c {
		case '[', '{':
			depth++
			i++
		case ']', '}':
			depth--
			i++
			if depth == 0 {
				return i
			}
		case '"', '\'':
			i = skipString(src, i)
		case '#':
			i = commentEnd(src, i)
		default:
			i++
		}
	}
	return i
}

// tokKind is the kind of one token of an array or inline table.
type tokKind uint8

const (
	tokOpen    tokKind = iota // '[' or '{'
	tokClose                  // ']' or '}'
	tokValue                  // a string or scalar element or value
	tokKey                    // an inline table's key; its value follows
	tokComma                  // ','
	tokComment                // a comment, up to the end of its line
	tokNewline                // an end of line
)

// tok is one token of an array or inline table; blanks are left out.
type tok struct {
	kind tokKind
	// multiline says, of an opening token, that an end of line stands
	// between it and its closing token, nested values aside.
	multiline bool
	span      Span
	// close is, for an opening token, the index of its closing token.
	close int
}

// scanBracketed appends to toks the tokens of the array or inline table
// whose opening bracket or brace is at open, nested ones included, in one
// pass: the work is linear in the value's size however deep it nests.
func scanBracketed(src string, open int, toks []tok) []tok {
	var stack [8]int
	opens := stack[:0] // indexes of the opening tokens not yet closed
	inTable := false   // the innermost open value is an inline table
	i := open
	for i < len(src) {
		i = skipBlanks(src, i)
		if i >= len(src) {
			break
		}
		switch c := src[i]; c {
		case '[', '{':
			opens = append(opens, len(toks))
			toks = append(toks, tok{kind: tokOpen, span: Span{i, i + 1}})
			inTable = c == '{'
			i++
			if inTable {
				if j := skipBlanks(src, i); startsKey(src, j) {
					i = scanInlineKey(src, j, &toks)
				}
			}
			continue
		case ']', '}':
			o := opens[len(opens)-1]
			opens = opens[:len(opens)-1]
			toks[o].close = len(toks)
			toks = append(toks, tok{kind: tokClose, span: Span{i, i + 1}})
			i++
			if len(opens) == 0 {
				return toks
			}
			inTable = src[toks[opens[len(opens)-1]].span.Start] == '{'
			continue
		case ',':
			toks = append(toks, tok{kind: tokComma, span: Span{i, i + 1}})
			i++
			if inTable {
				// A key follows, unless the comma is a trailing one
				// (TOML 1.1) or ends a line (the key is read there).
				if j := skipBlanks(src, i); startsKey(src, j) {
					i = scanInlineKey(src, j, &toks)
				}
			}
			continue
		case '#':
			end := commentEnd(src, i)
			toks = append(toks, tok{kind: tokComment, span: Span{i, trimBlanksLeft(src, i, end)}})
			i = end
			continue
		case '\r', '\n':
			end := lineAfter(src, i)
			toks = append(toks, tok{kind: tokNewline, span: Span{i, end}})
			toks[opens[len(opens)-1]].multiline = true
			i = end
			if inTable {
				// In TOML 1.1 a key may follow on the next line.
				if j := skipBlanks(src, i); startsKey(src, j) && expectsKey(toks, opens[len(opens)-1]) {
					i = scanInlineKey(src, j, &toks)
				}
			}
			continue
		}
		end := skipValueAtom(src, i)
		toks = append(toks, tok{kind: tokValue, span: Span{i, end}})
		i = end
	}
	return toks
}

// startsKey reports whether a key starts at i inside an inline table
// where one may: not the closing brace, a comma, a comment or an end of
// line.
func startsKey(src string, i int) bool {
	if i >= len(src) {
		return false
	}
	switch src[i] {
	case '}', ',', '#', '\n', '\r':
		return false
	}
	return true
}

// scanInlineKey appends the token of the inline table key at i and
// returns the offset of the value after its '='.
func scanInlineKey(src string, i int, toks *[]tok) int {
	end := keyEndAt(src, i)
	*toks = append(*toks, tok{kind: tokKey, span: Span{i, end}})
	return skipBlanks(src, skipBlanks(src, end)+1)
}

// expectsKey reports whether, in the inline table whose opening token is
// toks[open], a key comes next: after the brace or a comma, with only
// comments and ends of line since.
func expectsKey(toks []tok, open int) bool {
	for k := len(toks) - 1; k > open; k-- {
		switch toks[k].kind {
		case tokComment, tokNewline:
			continue
		case tokComma:
			return true
		}
		return false
	}
	return true
}

// skipValueAtom returns the end of the string or scalar at i.
func skipValueAtom(src string, i int) int {
	switch src[i] {
	case '"', '\'':
		return skipString(src, i)
	}
	return scalarEnd(src, i)
}

// children calls f with the index of each token directly inside the
// array or inline table whose opening token is toks[open]: nested arrays
// and inline tables are given by their opening token, and passed over.
func children(toks []tok, open int, f func(k int)) {
	for k := open + 1; k < toks[open].close; k++ {
		f(k)
		if toks[k].kind == tokOpen {
			k = toks[k].close
		}
	}
}

// tokEnd returns the end of the value whose first token is toks[k].
func tokEnd(toks []tok, k int) int {
	if toks[k].kind == tokOpen {
		return toks[toks[k].close].span.End
	}
	return toks[k].span.End
}
