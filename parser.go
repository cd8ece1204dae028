package toml

import (
	"strings"
	"unicode/utf8"
)

// MaxDepth bounds how deeply a document may nest: every table and array
// level counts, whether it comes from a header, a dotted key, an inline
// table or an array. Deeper input is rejected with a ParseError, so no input
// can exhaust the stack of the parser, or of the decoder and encoder that
// walk the tree it builds.
const MaxDepth = 10000

// Parse parses a TOML 1.0.0 document into a tree in which every key, value
// and table header knows its source span. A syntax error, or a document that
// breaks a rule of TOML (a duplicate key, a table defined twice), gives a
// *ParseError naming the line and column.
func Parse(data []byte) (*Document, error) {
	p := newParser(string(data), 0, false)
	return p.parse()
}

// parseString parses src; a maxValues above zero caps the number of values
// (scalars, arrays and tables) the document may hold.
func parseString(src string, maxValues int) (*Document, error) {
	return newParser(src, maxValues, false).parse()
}

// parseTransient parses src into pooled memory, for a caller that drops
// the tree before it returns: it must call release with the parser once
// no node of the tree can be reached any more.
func parseTransient(src string, maxValues int) (*Document, *parser, error) {
	p := newParser(src, maxValues, true)
	doc, err := p.parse()
	return doc, p, err
}

func newParser(src string, maxValues int, pooled bool) *parser {
	var p *parser
	if pooled {
		p, _ = parserPool.Get().(*parser)
	}
	if p == nil {
		p = &parser{}
	}
	p.lexer = lexer{src: src, buf: p.buf[:0]}
	p.maxValues = maxValues
	p.arena.init(len(src))
	return p
}

// release returns a parser of parseTransient to the pool. Every node it
// made is zeroed: nothing may use the tree afterwards.
func (p *parser) release() {
	p.arena.reset()
	p.src = ""
	p.text = textBlocks{} // its strings belong to the decoded values now
	p.root, p.current = nil, nil
	clear(p.stack[:cap(p.stack)])
	clear(p.keys[:cap(p.keys)])
	clear(p.section[:cap(p.section)])
	if p.arena.retainedBytes() <= maxPooledBytes {
		parserPool.Put(p)
	}
}

func (p *parser) parse() (*Document, error) {
	doc := &Document{src: p.src}
	rootTable := p.arena.newTable(RootTable)
	doc.Root = p.arena.newValue()
	*doc.Root = tableValue(Span{0, len(p.src)}, rootTable)
	p.root, p.current, p.currentDepth = rootTable, rootTable, 0
	p.section = p.section[:0]
	if err := p.parseToml(); err != nil {
		return nil, err
	}
	return doc, nil
}

type parser struct {
	lexer
	arena arena

	root         *Table
	current      *Table // the table that key/value pairs go into
	currentDepth int    // its depth below the root
	section      []Key  // the key of the current table's header, for messages
	keys         []Key  // scratch for the parts of a dotted key
	maxValues    int    // 0: no limit
	stack        []*Value
}

// parseToml reads toml = expression *( newline expression ).
//
//	expression =  ws [ comment ]
//	expression =/ ws keyval ws [ comment ]
//	expression =/ ws table ws [ comment ]
func (p *parser) parseToml() error {
	if !utf8.ValidString(p.src) {
		i := 0
		for i < len(p.src) {
			r, n := utf8.DecodeRuneInString(p.src[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return p.errorAt(i, "invalid UTF-8 byte 0x%02X: a TOML document must be UTF-8", p.src[i])
	}
	for {
		p.skipSpace()
		if p.atEOF() {
			return nil
		}
		var err error
		what := "a comment"
		switch p.src[p.pos] {
		case '#', '\n', '\r':
		case '[':
			what = "a table header"
			start := p.pos
			if strings.HasPrefix(p.src[p.pos:], "[[") {
				err = p.parseArrayTable()
			} else {
				err = p.parseStdTable()
			}
			if err == nil {
				err = p.checkValueLimit(start)
			}
		default:
			what = "a value"
			err = p.parseKeyval(p.current, p.currentDepth)
		}
		if err == nil {
			err = p.endOfLine(what)
		}
		if err != nil {
			return err
		}
	}
}

// parseKey reads key = simple-key / dotted-key into p.keys. The key may
// have at most maxParts parts: the depth limit is checked while reading, so
// a key of millions of parts costs no more than one at the limit.
//
//	dotted-key = simple-key 1*( dot-sep simple-key )
//	dot-sep    = ws %x2E ws
func (p *parser) parseKey(maxParts int) ([]Key, error) {
	keys := p.keys[:0]
	for {
		if len(keys) >= maxParts {
			return nil, p.errorAt(p.pos, "document nests deeper than %d tables and arrays", MaxDepth)
		}
		k, err := p.simpleKey()
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
		p.skipSpace()
		if p.peek() != '.' {
			break
		}
		p.pos++
		p.skipSpace()
	}
	p.keys = keys
	return keys, nil
}

// parseKeyval reads keyval = key keyval-sep val into table t, which lies
// at depth below the root.
//
//	keyval-sep = ws %x3D ws
func (p *parser) parseKeyval(t *Table, depth int) error {
	keys, err := p.parseKey(MaxDepth - depth)
	if err != nil {
		return err
	}
	if p.peek() != '=' {
		return p.errorAt(p.pos, "expected '=' after key %s, found %s", quoteKey(keys[len(keys)-1].Name), p.describe(p.pos))
	}
	p.pos++
	p.skipSpace()
	depth += len(keys)
	// The key parts live in p.keys, which parsing the value may reuse.
	var keyBuf [4]Key
	keys = append(keyBuf[:0], keys...)
	v := p.arena.newValue()
	if err := p.parseVal(v, depth); err != nil {
		return err
	}
	var prefix []Key
	if t == p.current {
		prefix = p.section
	}
	if err := p.setKeyValue(t, prefix, keys, v); err != nil {
		return err
	}
	return p.checkValueLimit(keys[0].Span.Start)
}

// checkValueLimit enforces the value limit, if there is one: every value
// the tree holds counts (scalars, arrays, and tables however they were
// made), but not the root. It runs after each expression and array element,
// so that no more than a key's worth of values is made past the limit.
func (p *parser) checkValueLimit(at int) error {
	if p.maxValues > 0 && p.arena.values.count()-1 > p.maxValues {
		return p.errorAt(at, "document holds more than %d values", p.maxValues)
	}
	return nil
}

// parseVal reads val = string / boolean / array / inline-table / date-time / float / integer.
// depth is the depth of the value itself.
func (p *parser) parseVal(v *Value, depth int) error {
	start := p.pos
	if p.atEOF() {
		return p.errorAt(start, "expected a value, found end of file")
	}
	var err error
	switch c := p.src[p.pos]; {
	case c == '"':
		v.kind = KindString
		if strings.HasPrefix(p.src[p.pos:], `"""`) {
			v.str, err = p.multilineString('"')
		} else {
			v.str, err = p.basicString()
		}
	case c == '\'':
		v.kind = KindString
		if strings.HasPrefix(p.src[p.pos:], `'''`) {
			v.str, err = p.multilineString('\'')
		} else {
			v.str, err = p.literalString()
		}
	case c == 't' || c == 'f':
		err = p.boolean(v)
	case c == '[':
		err = p.parseArray(v, depth)
	case c == '{':
		err = p.parseInlineTable(v, depth)
	case isDigit(c) && looksLikeDateTime(p.src, p.pos):
		d, kind, end, msg := scanDateTime(p.src, p.pos)
		if msg != "" {
			return p.errorAt(end, "%s", msg)
		}
		v.kind = kind
		v.bits, v.frac = packDateTime(d)
		err = p.endNumber(start, end)
	case isDigit(c) || c == '+' || c == '-' ||
		strings.HasPrefix(p.src[p.pos:], "inf") || strings.HasPrefix(p.src[p.pos:], "nan"):
		err = p.number(v)
	case isBareKeyChar(c):
		return p.errorAt(start, "expected a value, found %q (strings must be quoted; booleans are true and false, in lower case)", p.numberText(start))
	default:
		return p.errorAt(start, "expected a value, found %s", p.describe(start))
	}
	v.Span = Span{start, p.pos}
	return err
}

func (p *parser) boolean(v *Value) error {
	rest := p.src[p.pos:]
	n := 0
	switch {
	case strings.HasPrefix(rest, "true"):
		v.bits, n = 1, 4
	case strings.HasPrefix(rest, "false"):
		n = 5
	}
	if n == 0 || n < len(rest) && isBareKeyChar(rest[n]) {
		return p.errorAt(p.pos, "expected a value, found %q (strings must be quoted; booleans are true and false, in lower case)", p.numberText(p.pos))
	}
	v.kind = KindBool
	p.pos += n
	return nil
}

// parseArray reads array = array-open [ array-values ] ws-comment-newline array-close.
//
//	array-values = ws-comment-newline val ws-comment-newline array-sep array-values
//	array-values =/ ws-comment-newline val ws-comment-newline [ array-sep ]
func (p *parser) parseArray(v *Value, depth int) error {
	start := p.pos
	if depth > MaxDepth {
		return p.errorAt(start, "document nests deeper than %d tables and arrays", MaxDepth)
	}
	p.pos++
	base := len(p.stack)
	for {
		if err := p.skipWsCommentNewline(); err != nil {
			return err
		}
		if p.peek() == ']' {
			break
		}
		elemStart := p.pos
		elem := p.arena.newValue()
		if err := p.parseVal(elem, depth+1); err != nil {
			return err
		}
		if err := p.checkValueLimit(elemStart); err != nil {
			return err
		}
		p.stack = append(p.stack, elem)
		if err := p.skipWsCommentNewline(); err != nil {
			return err
		}
		if p.peek() == ',' {
			p.pos++
			continue
		}
		if p.peek() != ']' {
			if p.atEOF() {
				return p.errorAt(start, "unterminated array: no closing ']'")
			}
			return p.errorAt(p.pos, "expected ',' or ']' after an array element, found %s", p.describe(p.pos))
		}
		break
	}
	p.pos++
	arr := p.arena.newArray()
	if n := len(p.stack); base == 0 && n > p.arena.ptrs.size/2 {
		// A long outermost array takes the stack itself rather than a
		// copy: at millions of elements, the copy alone would cost as
		// much as the input.
		arr.elems = p.stack[:n:n]
		p.stack = nil
	} else {
		arr.elems = p.arena.valueSlice(p.stack[base:])
		clear(p.stack[base:])
		p.stack = p.stack[:base]
	}
	*v = arrayValue(Span{start, p.pos}, arr)
	return nil
}

// skipWsCommentNewline skips ws-comment-newline = *( wschar / [ comment ] newline ).
func (p *parser) skipWsCommentNewline() error {
	for {
		p.skipSpace()
		if err := p.skipComment(); err != nil {
			return err
		}
		if !p.newline() {
			if p.peek() == '\r' {
				return p.errorAt(p.pos, "a carriage return (U+000D) must be followed by a line feed")
			}
			return nil
		}
	}
}

// parseInlineTable reads
//
//	inline-table = inline-table-open [ inline-table-keyvals ] inline-table-close
//	inline-table-keyvals = keyval [ inline-table-sep inline-table-keyvals ]
//
// with ws around every part and no newlines (TOML 1.0).
func (p *parser) parseInlineTable(v *Value, depth int) error {
	start := p.pos
	if depth > MaxDepth {
		return p.errorAt(start, "document nests deeper than %d tables and arrays", MaxDepth)
	}
	p.pos++
	t := p.arena.newTable(InlineTable)
	*v = tableValue(Span{}, t)
	p.skipSpace()
	if p.peek() == '}' {
		p.pos++
		v.Span = Span{start, p.pos}
		return nil
	}
	for {
		p.skipSpace()
		if c := p.peek(); c == '\n' || c == '\r' || c == '#' {
			return p.errorAt(p.pos, "expected a key in an inline table, found %s (an inline table must stay on one line in TOML 1.0)", p.describe(p.pos))
		}
		if err := p.parseKeyval(t, depth); err != nil {
			return err
		}
		p.skipSpace()
		switch p.peek() {
		case ',':
			p.pos++
			p.skipSpace()
			if p.peek() == '}' {
				return p.errorAt(p.pos-1, "trailing comma in an inline table (not allowed in TOML 1.0)")
			}
			continue
		case '}':
			p.pos++
			v.Span = Span{start, p.pos}
			return nil
		}
		if p.atEOF() {
			return p.errorAt(start, "unterminated inline table: no closing '}'")
		}
		if p.peek() == '\n' || p.peek() == '\r' || p.peek() == '#' {
			return p.errorAt(p.pos, "expected ',' or '}' in an inline table, found %s (an inline table must stay on one line in TOML 1.0)", p.describe(p.pos))
		}
		return p.errorAt(p.pos, "expected ',' or '}' after a value in an inline table, found %s", p.describe(p.pos))
	}
}

// parseStdTable reads std-table = std-table-open key std-table-close.
//
//	std-table-open  = %x5B ws
//	std-table-close = ws %x5D
func (p *parser) parseStdTable() error {
	start := p.pos
	p.pos++
	p.skipSpace()
	keys, err := p.parseKey(MaxDepth)
	if err != nil {
		return err
	}
	if p.peek() != ']' {
		return p.errorAt(p.pos, "expected ']' to close the table header, found %s", p.describe(p.pos))
	}
	p.pos++
	header := Span{start, p.pos}
	parent, depth, err := p.walkHeader(keys)
	if err != nil {
		return err
	}
	last := keys[len(keys)-1]
	i := parent.find(last.Name)
	if i < 0 {
		t := p.arena.newTable(HeaderTable)
		v := p.arena.newValue()
		*v = tableValue(header, t)
		p.addEntry(parent, last, v)
		p.enter(t, depth+1, keys)
		return nil
	}
	e := parent.entries[i]
	if e.Value.kind == KindTable && e.Value.Table().origin == ImplicitTable {
		e.Value.Table().origin = HeaderTable
		e.Value.Span = header
		p.enter(e.Value.Table(), depth+1, keys)
		return nil
	}
	return p.redefined(last.Span.Start, keys, e, "table")
}

// parseArrayTable reads array-table = array-table-open key array-table-close.
//
//	array-table-open  = %x5B.5B ws
//	array-table-close = ws %x5D.5D
func (p *parser) parseArrayTable() error {
	start := p.pos
	p.pos += 2
	p.skipSpace()
	keys, err := p.parseKey(MaxDepth)
	if err != nil {
		return err
	}
	if !strings.HasPrefix(p.src[p.pos:], "]]") {
		return p.errorAt(p.pos, "expected ']]' to close the array-of-tables header, found %s", p.describe(p.pos))
	}
	p.pos += 2
	header := Span{start, p.pos}
	parent, depth, err := p.walkHeader(keys)
	if err != nil {
		return err
	}
	if depth+2 > MaxDepth {
		return p.errorAt(start, "document nests deeper than %d tables and arrays", MaxDepth)
	}
	last := keys[len(keys)-1]
	i := parent.find(last.Name)
	room := 0 // the first element takes room with its first entry
	if i >= 0 {
		if e := parent.entries[i].Value; e.kind == KindArray && e.Array().tables {
			// Elements of one array of tables tend to have the same keys.
			e.Array().room = max(e.Array().room, int32(e.Array().elems[len(e.Array().elems)-1].Table().Len()))
			room = max(room, int(e.Array().room))
		}
	}
	t := p.arena.newTableSized(ArrayElement, room)
	elem := p.arena.newValue()
	*elem = tableValue(header, t)
	if i < 0 {
		arr := p.arena.newArray()
		arr.tables = true
		arr.elems = append(arr.elems, elem)
		v := p.arena.newValue()
		*v = arrayValue(header, arr)
		p.addEntry(parent, last, v)
	} else {
		e := parent.entries[i]
		if e.Value.kind != KindArray || !e.Value.Array().tables {
			return p.redefined(last.Span.Start, keys, e, "array of tables")
		}
		e.Value.Array().elems = append(e.Value.Array().elems, elem)
	}
	p.enter(t, depth+2, keys)
	return nil
}

// enter makes t, named by a header with key keys, the table that the
// following key/value pairs go into.
func (p *parser) enter(t *Table, depth int, keys []Key) {
	p.current, p.currentDepth = t, depth
	p.section = append(p.section[:0], keys...)
}

// walkHeader finds the table that the last part of a header's key goes
// into, creating implicit tables for missing parts, and returns it with its
// depth. A part naming an array of tables continues in its last element.
func (p *parser) walkHeader(keys []Key) (*Table, int, error) {
	t := p.root
	depth := 0
	for n, k := range keys[:len(keys)-1] {
		depth++
		if depth+1 > MaxDepth {
			return nil, 0, p.errorAt(k.Span.Start, "document nests deeper than %d tables and arrays", MaxDepth)
		}
		i := t.find(k.Name)
		if i < 0 {
			child := p.arena.newTable(ImplicitTable)
			v := p.arena.newValue()
			*v = tableValue(k.Span, child)
			p.addEntry(t, k, v)
			t = child
			continue
		}
		e := t.entries[i]
		switch v := e.Value; {
		case v.kind == KindTable && v.Table().origin != InlineTable:
			t = v.Table()
		case v.kind == KindArray && v.Array().tables:
			depth++
			t = v.Array().elems[len(v.Array().elems)-1].Table()
		default:
			return nil, 0, p.notATable(k.Span.Start, keys[:n+1], e)
		}
	}
	return t, depth, nil
}

// setKeyValue puts v at the dotted key keys below t, creating dotted tables
// for the leading parts. prefix is t's own key, for messages.
func (p *parser) setKeyValue(t *Table, prefix, keys []Key, v *Value) error {
	for n, k := range keys[:len(keys)-1] {
		i := t.find(k.Name)
		if i < 0 {
			child := p.arena.newTable(DottedTable)
			cv := p.arena.newValue()
			*cv = tableValue(k.Span, child)
			p.addEntry(t, k, cv)
			t = child
			continue
		}
		e := t.entries[i]
		if e.Value.kind != KindTable {
			return p.notATable(k.Span.Start, fullKey(prefix, keys[:n+1]), e)
		}
		switch e.Value.Table().origin {
		case DottedTable:
		case ImplicitTable:
			// A parent made by a header further down may be filled by
			// dotted keys, and then counts as defined by them.
			e.Value.Table().origin = DottedTable
		default:
			return p.redefined(k.Span.Start, fullKey(prefix, keys[:n+1]), e, "table")
		}
		t = e.Value.Table()
	}
	last := keys[len(keys)-1]
	if i := t.find(last.Name); i >= 0 {
		return p.redefined(last.Span.Start, fullKey(prefix, keys), t.entries[i], "key")
	}
	p.addEntry(t, last, v)
	return nil
}

// addEntry adds an entry to t, growing its entries within the arena when
// they are full, so that a pooled parser reuses that memory too.
func (p *parser) addEntry(t *Table, k Key, v *Value) {
	if len(t.entries) == cap(t.entries) {
		grown := p.arena.entries.take(max(2*cap(t.entries), entriesPerTable))
		t.entries = grown[:copy(grown, t.entries)]
	}
	t.add(k, v)
}

// fullKey joins a table's key and a key relative to it, for messages.
func fullKey(prefix, keys []Key) []Key {
	if len(prefix) == 0 {
		return keys
	}
	return append(append([]Key(nil), prefix...), keys...)
}

// redefined reports that keys, defined before as e, is defined again as what.
func (p *parser) redefined(at int, keys []Key, e Entry, what string) error {
	err := p.errorAt(at, "%s %s is already defined %s", what, joinKeys(keys), describeDefinition(e.Value)).(*ParseError)
	err.Previous = positionOf(p.src, e.Key.Span.Start)
	return err
}

// notATable reports that keys names a value that cannot hold keys.
func (p *parser) notATable(at int, keys []Key, e Entry) error {
	err := p.errorAt(at, "cannot define keys inside %s: it is defined %s", joinKeys(keys), describeDefinition(e.Value)).(*ParseError)
	err.Previous = positionOf(p.src, e.Key.Span.Start)
	return err
}

func describeDefinition(v *Value) string {
	switch v.kind {
	case KindTable:
		switch v.Table().origin {
		case HeaderTable:
			return "by a [table] header"
		case DottedTable:
			return "by dotted keys"
		case InlineTable:
			return "as an inline table, which cannot be extended"
		case ArrayElement:
			return "as an array-of-tables element"
		case ImplicitTable:
			return "as a table"
		}
	case KindArray:
		if v.Array().tables {
			return "as an array of tables"
		}
		return "as an array value, which cannot be extended"
	}
	return "as " + article(v.kind.String()) + " value"
}

func article(s string) string {
	if strings.IndexByte("aeiou", s[0]) >= 0 {
		return "an " + s
	}
	return "a " + s
}

// joinKeys writes a dotted key as TOML would, quoting parts that need it.
func joinKeys(keys []Key) string {
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(quoteKey(k.Name))
	}
	return b.String()
}

// quoteKey returns a key as written in TOML: bare if it can be.
func quoteKey(k string) string {
	bare := k != ""
	for i := 0; i < len(k); i++ {
		if !isBareKeyChar(k[i]) {
			bare = false
			break
		}
	}
	if bare {
		return k
	}
	return string(appendBasicString(nil, k))
}
