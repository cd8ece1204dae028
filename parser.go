package toml

import "strings"

// MaxDepth bounds how deeply a document may nest: every table and array
// level counts, whether it comes from a header, a dotted key, an inline
// table or an array. Deeper input is rejected with a ParseError, so no input
// can exhaust the stack of the parser, or of the decoder and encoder that
// walk the tree it builds.
const MaxDepth = 10000

// Parse parses a TOML 1.0.0 document into a tree in which every key, value
// and table header knows its source span. A syntax error, or a document that
// breaks a rule of TOML (a duplicate key, a table defined twice), gives a
// *ParseError naming the line and column. A construct of TOML 1.1 gives an
// error that says so, if the document is TOML 1.1; V1_1.Parse reads it.
func Parse(data []byte) (*Document, error) {
	p := newParser(string(data), 0, V1_0, false)
	return p.parse()
}

// ParseString is Parse for a document already held as a string. The tree
// refers to src instead of a copy of it, which saves the copy Parse makes.
func ParseString(src string) (*Document, error) {
	return newParser(src, 0, V1_0, false).parse()
}

// parseString parses src as TOML 1.0; a maxValues above zero caps the
// number of values (scalars, arrays and tables) the document may hold.
func parseString(src string, maxValues int) (*Document, error) {
	return newParser(src, maxValues, V1_0, false).parse()
}

// parseTransient parses src into pooled memory, for a caller that drops
// the tree before it returns: it must call release with the parser once
// no node of the tree can be reached any more.
func parseTransient(src string, maxValues int, version Version) (*Document, *parser, error) {
	p := newParser(src, maxValues, version, true)
	doc, err := p.parse()
	return doc, p, err
}

// parseForEdit parses src, of TOML version, for an Editor: the document
// also records where each of its top-level statements starts (see
// Document.stmts).
func parseForEdit(src string, version Version) (*Document, error) {
	p := newParser(src, 0, version, false)
	p.recordStmts = true
	return p.parse()
}

// maxSource is the largest document: offsets and node numbers are 32 bits.
const maxSource = 1<<32 - 1

func newParser(src string, maxValues int, version Version, pooled bool) *parser {
	var p *parser
	if pooled {
		p, _ = parserPool.Get().(*parser)
	}
	if p == nil {
		p = &parser{doc: &Document{}}
	}
	p.lexer = lexer{src: src, buf: p.buf[:0], version: version}
	p.keys = p.keys[:0] // a document that failed may have left keys on it
	p.maxValues = maxValues
	p.sink, p.stream, p.dropped = nil, elementStream{closed: p.stream.closed[:0]}, 0
	p.path = p.path[:0]
	p.recordStmts = false
	p.tree = &p.doc.tree
	if len(src) <= maxSource {
		p.tree.init(src)
	}
	p.tree.version = version
	return p
}

// release returns a parser of parseTransient to the pool. Nothing may use
// the tree afterwards: the next document overwrites it.
func (p *parser) release() {
	p.tree.release()
	p.src = ""
	clear(p.path[:cap(p.path)])
	p.path = p.path[:0]
	p.text = textBlocks{} // its strings belong to the decoded values now
	p.sink = nil
	clear(p.keys[:cap(p.keys)])
	p.section = nil
	if p.tree.retainedBytes() <= maxPooledBytes {
		parserPool.Put(p)
	}
}

func (p *parser) parse() (*Document, error) {
	if len(p.src) > maxSource {
		return nil, p.errorAt(0, "document is larger than 4 GiB")
	}
	p.tree.addNode(node{end: uint32(len(p.src)), kind: KindTable, flags: uint8(RootTable)})
	p.current, p.currentDepth = 0, 0
	p.section = nil
	if err := p.parseToml(); err != nil {
		if p.sawNewer {
			return nil, p.newerOrWorse(err)
		}
		return nil, err
	}
	return p.doc, nil
}

// newerOrWorse returns err, the error of a TOML 1.0 parse for a construct
// of TOML 1.1, if the document is TOML 1.1; if it is not, the error that
// reading it as TOML 1.1 gives, which its fault would give in 1.0 as
// well. So an error says "is TOML 1.1" only when reading the document as
// 1.1 would succeed.
func (p *parser) newerOrWorse(err error) error {
	if _, err11 := newParser(p.src, p.maxValues, V1_1, false).parse(); err11 != nil {
		return err11
	}
	return err
}

type parser struct {
	lexer
	doc  *Document
	tree *tree // the document's

	current      uint32 // the node of the table that key/value pairs go into
	currentDepth int    // its depth below the root
	section      []Key  // the key of the current table's header, for messages
	keys         []Key  // scratch for the parts of a dotted key
	maxValues    int    // 0: no limit

	// sink, when set, is given each element of one array of tables as
	// soon as no header can reach it any more, and the tree then forgets
	// it: see handOver. dropped counts the nodes forgotten.
	sink    elementSink
	stream  elementStream
	dropped int

	// recordStmts makes parseToml note where each statement starts, in
	// doc.stmts.
	recordStmts bool

	// path is what the last header's parts were found to be. The next
	// header most often starts with the same parts ([tool.ruff] then
	// [tool.ruff.lint]; [[package]] then [package.metadata]), and finds
	// them here without a look through their tables.
	path []pathStep
}

// pathStep is one part of a header's key: the entry named name in the
// table at node parent. A table's entries are never removed but by the
// stream's handOver, which forgets the path, so a step stays true.
type pathStep struct {
	parent uint32
	name   string
	entry  uint32
}

// elementSink takes the elements of an array of tables that the parser
// is done with: the decoder, for a document decoded into map[string]any.
type elementSink interface {
	closedElement(array, elem uint32)
}

// elementStream follows the array of tables whose elements are handed to
// closed. There is at most one per document: the first array of tables,
// until a header that is not inside its last element comes.
type elementStream struct {
	state   streamState
	array   uint32
	elem    uint32   // its last element
	through bool     // the header being read goes through elem
	closed  []uint32 // the elements before elem that closed is yet to get
	mark    treeMark // the tree just before the first of them (or elem)
}

// streamBatch is how many closed elements are handed over at once. One at
// a time, the parser and the decoder take turns so often that both run
// slower: a Cargo.lock decoded a fifth slower, 5% slower with batches of
// 64, and as fast as without streaming with 512, whose tree is some 100 kB.
// Tests change it.
var streamBatch = 512

type streamState uint8

const (
	streamNone streamState = iota
	streamOn
	streamOver
)

// parseToml reads toml = expression *( newline expression ).
//
//	expression =  ws [ comment ]
//	expression =/ ws keyval ws [ comment ]
//	expression =/ ws table ws [ comment ]
func (p *parser) parseToml() error {
	// UTF-8 is checked by the scanners of strings and comments, the only
	// places where other characters than ASCII may stand.
	record := p.recordStmts
	for {
		if record {
			p.doc.stmts = append(p.doc.stmts, uint32(p.pos))
		}
		p.skipSpace()
		if p.atEOF() {
			if l := len(p.doc.stmts) - 1; record && int(p.doc.stmts[l]) == len(p.src) {
				// What follows the last line ending is no statement,
				// unless it holds blanks.
				p.doc.stmts = p.doc.stmts[:l]
			}
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
			// Most often the line ends right there.
			if i := p.pos; i < len(p.src) && p.src[i] == '\n' {
				p.pos = i + 1
				continue
			}
			err = p.restOfLine(what)
		}
		if err != nil {
			return err
		}
	}
}

// parseKey reads key = simple-key / dotted-key, pushing its parts on
// p.keys, a stack: the key of an inline table's pair goes above the key
// of the pair that holds the table. The caller pops them. The key may have
// at most maxParts parts: the depth limit is checked while reading, so a
// key of millions of parts costs no more than one at the limit.
//
//	dotted-key = simple-key 1*( dot-sep simple-key )
//	dot-sep    = ws %x2E ws
func (p *parser) parseKey(maxParts int) ([]Key, error) {
	base := len(p.keys)
	keys := p.keys
	for {
		if len(keys)-base >= maxParts {
			return nil, p.errorAt(p.pos, "document nests deeper than %d tables and arrays", MaxDepth)
		}
		var k Key
		if start := p.pos; start < len(p.src) && bareKeyChars[p.src[start]] {
			// A bare part, as most are, without simpleKey's call.
			i := skipBareKey(p.src, start+1)
			p.pos = i
			k = Key{Name: p.src[start:i], Span: Span{start, i}}
		} else {
			var err error
			if k, err = p.simpleKey(); err != nil {
				return nil, err
			}
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
	return keys[base:len(keys):len(keys)], nil
}

// parseKeyval reads keyval = key keyval-sep val into the table at node
// tn, which lies at depth below the root.
//
//	keyval-sep = ws %x3D ws
func (p *parser) parseKeyval(tn uint32, depth int) error {
	if k, ok := p.bareKeyAlone(depth); ok {
		return p.parseSimpleKeyval(tn, depth, k)
	}
	base := len(p.keys)
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
	v, err := p.parseVal(depth)
	if err != nil {
		return err
	}
	// The pairs of an inline table in the value pushed their keys above
	// these and popped them; a stack that grew meanwhile was copied, and
	// keys still reads the parts from the one it was cut from.
	p.keys = p.keys[:base]
	var prefix []Key
	if tn == p.current {
		prefix = p.section
	}
	if err := p.setKeyValue(tn, prefix, keys, v); err != nil {
		return err
	}
	return p.checkValueLimit(keys[0].Span.Start)
}

// bareKeyAlone reads the key of a pair when it is one bare key followed
// by the equals sign, as most are, and moves past the sign and the blanks
// after it. Otherwise it reads nothing, and parseKey takes the key.
func (p *parser) bareKeyAlone(depth int) (Key, bool) {
	src, start := p.src, p.pos
	i := skipBareKey(src, start)
	if i != start && i+3 < len(src) && src[i:i+3] == " = " && depth < MaxDepth {
		// The usual layout: one space each side of the sign.
		p.pos = i + 3
		if c := src[i+3]; c == ' ' || c == '\t' {
			p.skipSpace()
		}
		return Key{Name: src[start:i], Span: Span{start, i}}, true
	}
	j := i
	for uint(j) < uint(len(src)) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	if i == start || j == len(src) || src[j] != '=' || depth >= MaxDepth {
		return Key{}, false
	}
	p.pos = j + 1
	p.skipSpace()
	return Key{Name: src[start:i], Span: Span{start, i}}, true
}

// parseSimpleKeyval is parseKeyval after bareKeyAlone: the pair's key
// is k, of one part, and its value comes next.
func (p *parser) parseSimpleKeyval(tn uint32, depth int, k Key) error {
	v, err := p.parseVal(depth + 1)
	if err != nil {
		return err
	}
	if e := p.tree.insert(tn, k, v); e != 0 {
		var prefix []Key
		if tn == p.current {
			prefix = p.section
		}
		return p.redefined(k.Span.Start, fullKey(prefix, []Key{k}), e, "key")
	}
	return p.checkValueLimit(k.Span.Start)
}

// checkValueLimit enforces the value limit, if there is one: every value
// the tree holds counts (scalars, arrays, and tables however they were
// made), but not the root. It runs after each expression and array element,
// so that no more than a key's worth of values is made past the limit.
func (p *parser) checkValueLimit(at int) error {
	if p.maxValues > 0 {
		return p.checkLimit(at)
	}
	return nil
}

// checkLimit is checkValueLimit when there is a limit, kept apart so that
// the test for one inlines.
func (p *parser) checkLimit(at int) error {
	if int(p.tree.nodes.n)-1+p.dropped > p.maxValues {
		return p.errorAt(at, "document holds more than %d values", p.maxValues)
	}
	return nil
}

// parseVal reads val = string / boolean / array / inline-table / date-time / float / integer
// and returns its node. depth is the depth of the value itself.
func (p *parser) parseVal(depth int) (uint32, error) {
	start := p.pos
	if p.atEOF() {
		return 0, p.errorAt(start, "expected a value, found end of file")
	}
	n := node{start: uint32(start)}
	var err error
	switch c := p.src[p.pos]; {
	case c == '"' && p.plainString():
		// Most strings: a slice of the source, read in one scan.
		n.kind, n.a = KindString, uint32(start+1)
		p.tree.nStrings++
	case c == '"' || c == '\'':
		var s string
		multiline := strings.HasPrefix(p.src[p.pos:], `"""`) || strings.HasPrefix(p.src[p.pos:], "'''")
		switch {
		case multiline:
			s, err = p.multilineString(c)
		case c == '"':
			s, err = p.basicString()
		default:
			s, err = p.literalString()
		}
		if err != nil {
			return 0, err
		}
		n.end = uint32(p.pos)
		p.tree.addString(&n, s, multiline)
		p.tree.nStrings++
	case c == 't' || c == 'f':
		if err := p.boolean(&n); err != nil {
			return 0, err
		}
	case c == '[':
		return p.parseArray(depth)
	case c == '{':
		return p.parseInlineTable(depth)
	case isDigit(c) && p.plainInt(&n):
	case isDigit(c) && looksLikeDateTime(p.src, p.pos):
		d, kind, end, msg := scanDateTime(p.src, p.pos)
		if msg != "" {
			if d, kind, end, err = p.withoutSeconds(start, end, msg); err != nil {
				return 0, err
			}
		}
		if err := p.endNumber(start, end); err != nil {
			return 0, err
		}
		bits, frac := packDateTime(d)
		n.kind = kind
		n.a = p.tree.addWide(bits)
		p.tree.addWide(uint64(frac))
	case isDigit(c) || c == '+' || c == '-' ||
		strings.HasPrefix(p.src[p.pos:], "inf") || strings.HasPrefix(p.src[p.pos:], "nan"):
		var num scalar
		if err := p.number(&num); err != nil {
			return 0, err
		}
		n.kind = num.kind
		if i := int64(num.bits); num.kind == KindInteger && int64(int32(i)) == i {
			n.flags, n.a = inlineInt, uint32(int32(i))
		} else {
			n.a = p.tree.addWide(num.bits)
		}
	case isBareKeyChar(c):
		return 0, p.errorAt(start, "expected a value, found %q (strings must be quoted; booleans are true and false, in lower case)", p.numberText(start))
	default:
		return 0, p.errorAt(start, "expected a value, found %s", p.describe(start))
	}
	n.end = uint32(p.pos)
	return p.tree.addNode(n), nil
}

// plainInt reads the integer at pos into n if it is decimal, of at most
// nine digits, without underscores, and ends the value: most integers of
// a document (sizes, counts, versions). Anything else, dates and floats
// among them, is left to the general path.
func (p *parser) plainInt(n *node) bool {
	s, i := p.src, p.pos
	j, v := i, uint32(0)
	for end := min(len(s), i+10); uint(j) < uint(end) && isDigit(s[j]); j++ {
		v = v*10 + uint32(s[j]-'0')
	}
	if j-i > 9 || s[i] == '0' && j-i > 1 {
		return false
	}
	if j < len(s) {
		switch s[j] {
		case ' ', '\t', '\n', '\r', ',', ']', '}', '#':
		default:
			return false
		}
	}
	n.kind, n.flags, n.a = KindInteger, inlineInt, v
	p.pos = j
	return true
}

// plainString reads the basic string at pos if it is not empty and holds
// no escape: then its text lies between its quotation marks. An empty one
// may open a multi-line string, and is left to the general path.
func (p *parser) plainString() bool {
	i := skipPlainBasic(p.src, p.pos+1)
	if i > p.pos+1 && i < len(p.src) && p.src[i] == '"' {
		p.pos = i + 1
		return true
	}
	return false
}

func (p *parser) boolean(n *node) error {
	rest := p.src[p.pos:]
	size := 0
	switch {
	case strings.HasPrefix(rest, "true"):
		n.a, size = 1, 4
	case strings.HasPrefix(rest, "false"):
		size = 5
	}
	if size == 0 || size < len(rest) && isBareKeyChar(rest[size]) {
		return p.errorAt(p.pos, "expected a value, found %q (strings must be quoted; booleans are true and false, in lower case)", p.numberText(p.pos))
	}
	n.kind = KindBool
	p.pos += size
	return nil
}

// parseArray reads array = array-open [ array-values ] ws-comment-newline array-close.
// The elements follow the array's node, each with all it holds.
//
//	array-values = ws-comment-newline val ws-comment-newline array-sep array-values
//	array-values =/ ws-comment-newline val ws-comment-newline [ array-sep ]
func (p *parser) parseArray(depth int) (uint32, error) {
	start := p.pos
	if depth > MaxDepth {
		return 0, p.errorAt(start, "document nests deeper than %d tables and arrays", MaxDepth)
	}
	p.pos++
	an := p.tree.addNode(node{start: uint32(start), kind: KindArray})
	p.tree.nArrays++
	count := uint32(0)
	isNested := false
	for {
		if p.blankNext() {
			if err := p.skipWsCommentNewline(); err != nil {
				return 0, err
			}
		}
		c := p.peek()
		if c == ']' {
			break
		}
		// An array or inline table starts with its bracket or brace.
		if c == '[' || c == '{' {
			isNested = true
		}
		elemStart := p.pos
		_, err := p.parseVal(depth + 1)
		if err != nil {
			return 0, err
		}
		count++
		if err := p.checkValueLimit(elemStart); err != nil {
			return 0, err
		}
		if p.blankNext() {
			if err := p.skipWsCommentNewline(); err != nil {
				return 0, err
			}
		}
		if p.peek() == ',' {
			p.pos++
			continue
		}
		if p.peek() != ']' {
			if p.atEOF() {
				return 0, p.errorAt(start, "unterminated array: no closing ']'")
			}
			return 0, p.errorAt(p.pos, "expected ',' or ']' after an array element, found %s", p.describe(p.pos))
		}
		break
	}
	p.pos++
	var a uint32
	flags := uint8(0)
	if isNested || count >= 1<<16-1 {
		flags = wideArray
		if isNested {
			flags |= nested
		}
		a = p.tree.addWide(uint64(count) | uint64(p.tree.nodes.n)<<32)
	}
	n := p.tree.node(an)
	n.end, n.flags, n.a = uint32(p.pos), flags, a
	if flags == 0 {
		n.count = uint16(count)
	}
	return an, nil
}

// skipWsCommentNewline skips ws-comment-newline = *( wschar / [ comment ] newline ).
// Inside arrays, most often there is nothing to skip: blankNext says so
// without a call.
func (p *parser) skipWsCommentNewline() error {
	src := p.src
	i := p.pos
	for {
		// Most often a line feed and the next line's indent.
		for uint(i) < uint(len(src)) && spaceOrNewline[src[i]] {
			i++
		}
		if i >= len(src) {
			p.pos = len(src)
			return nil
		}
		switch src[i] {
		case '#':
			p.pos = i
			if err := p.comment(); err != nil {
				return err
			}
			i = p.pos // the loop goes on at the end of the line
			continue
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i += 2
				continue
			}
			p.pos = i
			return p.errorAt(i, "a carriage return (U+000D) must be followed by a line feed")
		}
		p.pos = i
		return nil
	}
}

// spaceOrNewline holds the bytes skipWsCommentNewline passes over as they are.
var spaceOrNewline = [256]bool{' ': true, '\t': true, '\n': true}

// blankNext reports whether ws-comment-newline starts at the next byte.
func (p *parser) blankNext() bool { return startsBlank[p.peek()] }

// startsBlank holds the bytes that can start ws-comment-newline.
var startsBlank = [256]bool{' ': true, '\t': true, '#': true, '\n': true, '\r': true}

// parseInlineTable reads
//
//	inline-table = inline-table-open [ inline-table-keyvals ] inline-table-close
//	inline-table-keyvals = keyval [ inline-table-sep inline-table-keyvals ]
//
// with ws around every part and no newlines (TOML 1.0). TOML 1.1 allows
// ws-comment-newline where 1.0 allows ws, and a comma after the last
// pair: its constructs are met where a 1.0 table fails (a newline, a
// comment, '}' after a comma), and inlineBlanks and trailingComma read
// them or give 1.0's error. The nodes of its values follow its own.
func (p *parser) parseInlineTable(depth int) (uint32, error) {
	start := p.pos
	if depth > MaxDepth {
		return 0, p.errorAt(start, "document nests deeper than %d tables and arrays", MaxDepth)
	}
	p.pos++
	tn := p.tree.addNode(node{start: uint32(start), kind: KindTable, flags: uint8(InlineTable)})
	closed := func() (uint32, error) {
		p.pos++
		n := p.tree.node(tn)
		n.end = uint32(p.pos)
		if size := p.tree.nodes.n - tn; size < bigTable {
			n.count = uint16(size)
		} else {
			n.count = bigTable
			if p.tree.bigEnds == nil {
				p.tree.bigEnds = make(map[uint32]uint32)
			}
			p.tree.bigEnds[tn] = p.tree.nodes.n
		}
		return tn, nil
	}
	p.skipSpace()
	if p.peek() == '}' {
		return closed()
	}
	for {
		// The blanks before the key were skipped, after the brace or the
		// comma.
		if c := p.peek(); c == '\n' || c == '\r' || c == '#' {
			comma := p.commaBefore()
			if err := p.inlineBlanks(start); err != nil {
				return 0, err
			}
			if p.peek() == '}' {
				if comma >= 0 {
					p.use(constructInlineComma, comma, comma+1)
				}
				return closed()
			}
		}
		if err := p.parseKeyval(tn, depth); err != nil {
			return 0, err
		}
	separator:
		p.skipSpace()
		switch p.peek() {
		case ',':
			p.pos++
			p.skipSpace()
			if p.peek() == '}' {
				if err := p.trailingComma(); err != nil {
					return 0, err
				}
				return closed()
			}
			continue
		case '}':
			return closed()
		}
		if p.atEOF() {
			return 0, p.errorAt(start, "unterminated inline table: no closing '}'")
		}
		if c := p.peek(); c == '\n' || c == '\r' || c == '#' {
			if err := p.inlineBlanks(start); err != nil {
				return 0, err
			}
			goto separator
		}
		return 0, p.errorAt(p.pos, "expected ',' or '}' after a value in an inline table, found %s", p.describe(p.pos))
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
	p.keys = p.keys[:0] // see enter
	keys, err := p.parseKey(MaxDepth)
	if err != nil {
		return err
	}
	if p.peek() != ']' {
		return p.errorAt(p.pos, "expected ']' to close the table header, found %s", p.describe(p.pos))
	}
	p.pos++
	parent, depth, err := p.walkHeader(keys)
	if err != nil {
		return err
	}
	if p.stream.state == streamOn && !p.stream.through {
		p.stream.state = streamOver // a table outside the element comes between
	}
	last := keys[len(keys)-1]
	e := p.headerPart(len(keys)-1, parent, last.Name)
	if e == 0 {
		tn := p.tree.addNode(node{start: uint32(start), end: uint32(p.pos), kind: KindTable, flags: uint8(HeaderTable)})
		p.path = append(p.path, pathStep{parent, last.Name, p.tree.addEntry(parent, last, tn)})
		p.enter(tn, depth+1, keys)
		return nil
	}
	vn := p.tree.entries.at(e).value
	if n := p.tree.node(vn); n.kind == KindTable && TableOrigin(n.flags&originMask) == ImplicitTable {
		n.flags = n.flags&^originMask | uint8(HeaderTable)
		n.start, n.end = uint32(start), uint32(p.pos)
		p.enter(vn, depth+1, keys)
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
	p.keys = p.keys[:0] // see enter
	keys, err := p.parseKey(MaxDepth)
	if err != nil {
		return err
	}
	if !strings.HasPrefix(p.src[p.pos:], "]]") {
		return p.errorAt(p.pos, "expected ']]' to close the array-of-tables header, found %s", p.describe(p.pos))
	}
	p.pos += 2
	header := node{start: uint32(start), end: uint32(p.pos)}
	parent, depth, err := p.walkHeader(keys)
	if err != nil {
		return err
	}
	if depth+2 > MaxDepth {
		return p.errorAt(start, "document nests deeper than %d tables and arrays", MaxDepth)
	}
	last := keys[len(keys)-1]
	e := p.headerPart(len(keys)-1, parent, last.Name)
	var an uint32
	if e == 0 {
		arr := header
		arr.kind, arr.flags = KindArray, ofTables
		arr.a = p.tree.lists.push(list{})
		an = p.tree.addNode(arr)
		p.tree.nArrays++
		p.path = append(p.path, pathStep{parent, last.Name, p.tree.addEntry(parent, last, an)})
	} else {
		an = p.tree.entries.at(e).value
		if n := p.tree.node(an); n.kind != KindArray || n.flags&ofTables == 0 {
			return p.redefined(last.Span.Start, keys, e, "array of tables")
		}
	}
	if p.sink != nil {
		p.followStream(an)
	}
	mark := p.tree.mark()
	elem := header
	elem.kind, elem.flags = KindTable, uint8(ArrayElement)
	tn := p.tree.addNode(elem)
	p.tree.addElement(an, tn)
	if s := &p.stream; s.state == streamOn && s.array == an {
		s.elem = tn
		if len(s.closed) == 0 {
			s.mark = mark
		}
	}
	p.enter(tn, depth+2, keys)
	return nil
}

// followStream updates the stream for a new element of the array of
// tables at node an: it starts the stream, closes the element before, or
// ends the stream if the header is not inside that element.
func (p *parser) followStream(an uint32) {
	s := &p.stream
	switch {
	case s.state == streamNone:
		s.state, s.array = streamOn, an
	case s.state != streamOn:
	case an == s.array:
		s.closed = append(s.closed, s.elem)
		if len(s.closed) == streamBatch {
			p.handOver()
		}
	case !s.through:
		s.state = streamOver
	}
}

// handOver gives the closed elements of the stream's array to p.sink
// and forgets them: a new element followed each, so that no header can
// reach them any more, and their nodes (with their entries, strings and
// numbers) are the last the tree made. The
// links to them stay in the array's list, pointing at nodes that will be
// reused: the receiver counts the elements it was given, and passes over
// as many links.
func (p *parser) handOver() {
	s := &p.stream
	for _, e := range s.closed {
		p.sink.closedElement(s.array, e)
	}
	s.closed = s.closed[:0]
	p.dropped += int(p.tree.nodes.n - s.mark.nodes)
	p.tree.truncate(s.mark)
	p.path = p.path[:0] // its steps may name entries just forgotten
}

// enter makes the table at node tn, named by a header with key keys, the
// table that the following key/value pairs go into. The header's parts
// stay at the bottom of the key stack, which the pairs push theirs above
// and pop, until the next header: they need no copy.
func (p *parser) enter(tn uint32, depth int, keys []Key) {
	p.current, p.currentDepth = tn, depth
	p.section = keys
}

// find returns the entry of name in the table at node tn, or 0.
func (p *parser) find(tn uint32, name string) uint32 {
	return p.tree.find(tn, name)
}

// headerPart returns the entry of name, part n of a header's key, in the
// table at node tn, or 0. The parts before it are on p.path; if the last
// header's part n was the same, that is the entry, else p.path is cut to
// the n parts before, and the caller appends part n.
func (p *parser) headerPart(n int, tn uint32, name string) uint32 {
	if n < len(p.path) {
		if s := &p.path[n]; s.parent == tn && len(s.name) == len(name) && sameText(s.name, name) {
			return s.entry
		}
		p.path = p.path[:n]
	}
	e := p.find(tn, name)
	if e != 0 {
		p.path = append(p.path, pathStep{tn, name, e})
	}
	return e
}

// walkHeader finds the table that the last part of a header's key goes
// into, creating implicit tables for missing parts, and returns its node
// with its depth. A part naming an array of tables continues in its last
// element.
func (p *parser) walkHeader(keys []Key) (uint32, int, error) {
	p.stream.through = false
	tn := uint32(0)
	depth := 0
	for n, k := range keys[:len(keys)-1] {
		depth++
		if depth+1 > MaxDepth {
			return 0, 0, p.errorAt(k.Span.Start, "document nests deeper than %d tables and arrays", MaxDepth)
		}
		e := p.headerPart(n, tn, k.Name)
		if e == 0 {
			child := p.tree.addNode(node{start: uint32(k.Span.Start), end: uint32(k.Span.End), kind: KindTable, flags: uint8(ImplicitTable)})
			p.path = append(p.path, pathStep{tn, k.Name, p.tree.addEntry(tn, k, child)})
			tn = child
			continue
		}
		vn := p.tree.entries.at(e).value
		switch v := p.tree.node(vn); {
		case v.kind == KindTable && TableOrigin(v.flags&originMask) != InlineTable:
			tn = vn
		case v.kind == KindArray && v.flags&ofTables != 0:
			depth++
			tn = p.tree.lastElement(vn)
			if vn == p.stream.array {
				p.stream.through = true
			}
		default:
			return 0, 0, p.notATable(k.Span.Start, keys[:n+1], e)
		}
	}
	return tn, depth, nil
}

// setKeyValue puts the value node v at the dotted key keys below the table
// at node tn, creating dotted tables for the leading parts. prefix is the
// table's own key, for messages.
func (p *parser) setKeyValue(tn uint32, prefix, keys []Key, v uint32) error {
	for n, k := range keys[:len(keys)-1] {
		e := p.find(tn, k.Name)
		if e == 0 {
			child := p.tree.addNode(node{start: uint32(k.Span.Start), end: uint32(k.Span.End), kind: KindTable, flags: uint8(DottedTable)})
			p.tree.addEntry(tn, k, child)
			tn = child
			continue
		}
		vn := p.tree.entries.at(e).value
		cn := p.tree.node(vn)
		if cn.kind != KindTable {
			return p.notATable(k.Span.Start, fullKey(prefix, keys[:n+1]), e)
		}
		switch TableOrigin(cn.flags & originMask) {
		case DottedTable:
		case ImplicitTable:
			// A parent made by a header further down may be filled by
			// dotted keys, and then counts as defined by them.
			cn.flags = cn.flags&^originMask | uint8(DottedTable)
		default:
			return p.redefined(k.Span.Start, fullKey(prefix, keys[:n+1]), e, "table")
		}
		tn = vn
	}
	last := keys[len(keys)-1]
	if e := p.tree.insert(tn, last, v); e != 0 {
		return p.redefined(last.Span.Start, fullKey(prefix, keys), e, "key")
	}
	return nil
}

// fullKey joins a table's key and a key relative to it, for messages.
func fullKey(prefix, keys []Key) []Key {
	if len(prefix) == 0 {
		return keys
	}
	return append(append([]Key(nil), prefix...), keys...)
}

// redefined reports that keys, defined before as entry e, is defined again as what.
func (p *parser) redefined(at int, keys []Key, e uint32, what string) error {
	en := p.tree.entries.at(e)
	err := p.errorAt(at, "%s %s is already defined %s", what, joinKeys(keys), describeDefinition(Value{p.tree, en.value})).(*ParseError)
	err.Previous = positionOf(p.src, int(en.keyStart))
	return err
}

// notATable reports that keys names a value, entry e, that cannot hold keys.
func (p *parser) notATable(at int, keys []Key, e uint32) error {
	en := p.tree.entries.at(e)
	err := p.errorAt(at, "cannot define keys inside %s: it is defined %s", joinKeys(keys), describeDefinition(Value{p.tree, en.value})).(*ParseError)
	err.Previous = positionOf(p.src, int(en.keyStart))
	return err
}

func describeDefinition(v Value) string {
	switch v.Kind() {
	case KindTable:
		switch v.Table().Origin() {
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
		if v.Array().OfTables() {
			return "as an array of tables"
		}
		return "as an array value, which cannot be extended"
	}
	return "as " + article(v.Kind().String()) + " value"
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
