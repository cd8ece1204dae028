package toml

import (
	"iter"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

// Kind says what a Value holds.
type Kind uint8

// The kinds of TOML values. The zero Kind is KindInvalid, which no parsed value has.
const (
	KindInvalid Kind = iota
	KindString
	KindInteger
	KindFloat
	KindBool
	KindDateTime      // offset date-time, e.g. 1979-05-27T07:32:00Z
	KindLocalDateTime // date-time without offset, e.g. 1979-05-27T07:32:00
	KindLocalDate     // date alone, e.g. 1979-05-27
	KindLocalTime     // time alone, e.g. 07:32:00
	KindArray
	KindTable
)

var kindNames = [...]string{
	KindInvalid:       "invalid",
	KindString:        "string",
	KindInteger:       "integer",
	KindFloat:         "float",
	KindBool:          "bool",
	KindDateTime:      "datetime",
	KindLocalDateTime: "datetime-local",
	KindLocalDate:     "date-local",
	KindLocalTime:     "time-local",
	KindArray:         "array",
	KindTable:         "table",
}

// String returns the kind's name as toml-test's tagged JSON spells it
// ("string", "integer", "datetime-local", ...), or "array"/"table".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// Span is the source text of a node: the bytes src[Start:End].
type Span struct {
	Start, End int
}

// Value is one node of a Document: a scalar, an array or a table. It is a
// small handle (a document and a node number), passed by value; it keeps
// its document alive. The zero Value is no node: its Kind is KindInvalid,
// and Table.Get returns it for a missing key.
//
// Values are read with the accessor of their Kind; an accessor of another
// kind returns the zero value rather than panicking.
type Value struct {
	t *tree
	i uint32
}

// Table is a TOML table: entries in the order their keys first appear. It
// is a handle like Value; the zero Table has no entries.
type Table struct {
	t *tree
	i uint32 // the table's node
}

// Array is a TOML array: a static array written with brackets (elements of
// any kinds, mixed), or an array of tables built from [[header]]s. It is a
// handle like Value; the zero Array has no elements.
type Array struct {
	t *tree
	i uint32 // the array's node
}

// Kind reports what v holds; KindInvalid for the zero Value.
func (v Value) Kind() Kind {
	if v.t == nil {
		return KindInvalid
	}
	return v.t.node(v.i).kind
}

// Span is the value's own source text: a scalar's literal (quotes
// included), an array's brackets, an inline table's braces, a table
// header's brackets. A table that no header or brace defines (made by a
// dotted key or as the parent of a header) spans the key that made it. An
// array of tables spans its first [[header]]. The root spans the document.
func (v Value) Span() Span {
	if v.t == nil {
		return Span{}
	}
	n := v.t.node(v.i)
	return Span{int(n.start), int(n.end)}
}

// Position returns the line and column where the value's span starts.
func (v Value) Position() Position {
	if v.t == nil {
		return Position{}
	}
	return v.t.position(int(v.t.node(v.i).start))
}

// Str returns a String value's decoded text.
func (v Value) Str() string {
	if v.Kind() != KindString {
		return ""
	}
	return v.t.str(v.t.node(v.i))
}

// Int returns an Integer value.
func (v Value) Int() int64 {
	if v.Kind() != KindInteger {
		return 0
	}
	n := v.t.node(v.i)
	if n.flags&inlineInt != 0 {
		return int64(int32(n.a))
	}
	return int64(*v.t.wide.at(n.a))
}

// Float returns a Float value.
func (v Value) Float() float64 {
	if v.Kind() != KindFloat {
		return 0
	}
	return math.Float64frombits(*v.t.wide.at(v.t.node(v.i).a))
}

// Bool returns a Bool value.
func (v Value) Bool() bool { return v.Kind() == KindBool && v.t.node(v.i).a != 0 }

// dateTime unpacks any of the four date-time kinds.
func (v Value) dateTime() dateTime {
	a := v.t.node(v.i).a
	return unpackDateTime(*v.t.wide.at(a), uint32(*v.t.wide.at(a + 1)))
}

// Time returns a DateTime value as a time.Time whose location has the
// document's offset (UTC for Z). For the local kinds it returns the
// date and clock in time.Local, as Unmarshal does; use LocalDateTime,
// LocalDate or LocalTime to read them without a zone.
func (v Value) Time() time.Time {
	switch v.Kind() {
	case KindDateTime:
		return v.dateTime().toTime()
	case KindLocalDateTime:
		return v.LocalDateTime().In(time.Local)
	case KindLocalDate:
		return v.LocalDate().In(time.Local)
	case KindLocalTime:
		t := v.LocalTime()
		return time.Date(0, 1, 1, t.Hour, t.Minute, t.Second, t.Nanosecond, time.Local)
	}
	return time.Time{}
}

// LocalDateTime returns a LocalDateTime value (or the date and clock of a
// DateTime, without its offset).
func (v Value) LocalDateTime() LocalDateTime {
	if k := v.Kind(); k != KindLocalDateTime && k != KindDateTime {
		return LocalDateTime{}
	}
	d := v.dateTime()
	return LocalDateTime{d.date, d.clock}
}

// LocalDate returns the date of a LocalDate, LocalDateTime or DateTime value.
func (v Value) LocalDate() LocalDate {
	if k := v.Kind(); k != KindLocalDate && k != KindLocalDateTime && k != KindDateTime {
		return LocalDate{}
	}
	return v.dateTime().date
}

// LocalTime returns the clock of a LocalTime, LocalDateTime or DateTime value.
func (v Value) LocalTime() LocalTime {
	if k := v.Kind(); k != KindLocalTime && k != KindLocalDateTime && k != KindDateTime {
		return LocalTime{}
	}
	return v.dateTime().clock
}

// Offset returns a DateTime's offset from UTC in seconds (0 for Z).
func (v Value) Offset() int {
	if v.Kind() != KindDateTime {
		return 0
	}
	return v.dateTime().offsetMinutes * 60
}

// Array returns a KindArray value's array, or the zero Array for other kinds.
func (v Value) Array() Array {
	if v.Kind() != KindArray {
		return Array{}
	}
	return Array(v)
}

// Table returns a KindTable value's table, or the zero Table for other kinds.
func (v Value) Table() Table {
	if v.Kind() != KindTable {
		return Table{}
	}
	return Table(v)
}

// Value returns the array as a node of its document.
func (a Array) Value() Value { return Value(a) }

// Len returns the number of elements.
func (a Array) Len() int {
	if a.t == nil {
		return 0
	}
	n := a.t.node(a.i)
	if n.flags&ofTables != 0 {
		return int(a.t.list(n.a).n)
	}
	count, _ := a.t.arrayExtent(a.i, n)
	return int(count)
}

// OfTables reports whether the array was built from [[header]]s.
func (a Array) OfTables() bool { return a.t != nil && a.t.node(a.i).flags&ofTables != 0 }

// Index returns element i; it panics if i is out of range. It takes
// constant time: an array whose elements are not all scalars finds them
// once, on its first call.
func (a Array) Index(i int) Value {
	if i < 0 || i >= a.Len() {
		panic("toml: Array.Index out of range")
	}
	n := a.t.node(a.i)
	if n.flags&(ofTables|nested) == 0 {
		return Value{a.t, a.i + 1 + uint32(i)}
	}
	if found, ok := a.t.elemIndex.Load(a.i); ok {
		return Value{a.t, found.([]uint32)[i]}
	}
	elems := make([]uint32, 0, a.Len())
	c := a.cursor()
	for v, ok := c.next(); ok; v, ok = c.next() {
		elems = append(elems, v.i)
	}
	a.t.elemIndex.Store(a.i, elems)
	a.t.indexedElems.Store(true)
	return Value{a.t, elems[i]}
}

// Elems returns the elements in source order, with their indexes.
func (a Array) Elems() iter.Seq2[int, Value] {
	return func(yield func(int, Value) bool) {
		c := a.cursor()
		for i := 0; ; i++ {
			v, ok := c.next()
			if !ok || !yield(i, v) {
				return
			}
		}
	}
}

// elemCursor walks the elements of an array, for code that wants no
// closure per element.
type elemCursor struct {
	t     *tree
	at    uint32 // the next element's node (static) or entry (of tables)
	left  uint32
	lists bool // an array of tables: at is an entry
}

func (a Array) cursor() elemCursor {
	if a.t == nil {
		return elemCursor{}
	}
	n := a.t.node(a.i)
	if n.flags&ofTables != 0 {
		l := a.t.list(n.a)
		return elemCursor{t: a.t, at: l.first, left: l.n, lists: true}
	}
	count, _ := a.t.arrayExtent(a.i, n)
	return elemCursor{t: a.t, at: a.i + 1, left: count}
}

func (c *elemCursor) next() (Value, bool) {
	if c.left == 0 {
		return Value{}, false
	}
	c.left--
	if c.lists {
		l := c.t.links.at(c.at)
		c.at = l.next
		return Value{c.t, l.value}, true
	}
	v := Value{c.t, c.at}
	c.at = c.t.subtreeEnd(c.at)
	return v, true
}

// TableOrigin says how a table came into existence.
type TableOrigin uint8

// The ways a table is made.
const (
	RootTable     TableOrigin = iota // the document itself
	HeaderTable                      // [a.b]
	ImplicitTable                    // a parent named by a header, e.g. a in [a.b], not (yet) defined itself
	DottedTable                      // a prefix of a dotted key, e.g. a in a.b = 1
	InlineTable                      // {...}
	ArrayElement                     // one [[a.b]] element
)

var originNames = [...]string{"root", "header", "implicit", "dotted", "inline", "array element"}

func (o TableOrigin) String() string {
	if int(o) < len(originNames) {
		return originNames[o]
	}
	return "unknown"
}

// Key is the name of one entry of a table, with the source text that named
// it (the bare or quoted key part, quotes included).
type Key struct {
	Name string
	Span Span
}

// Entry is one key and its value.
type Entry struct {
	Key   Key
	Value Value
}

// Value returns the table as a node of its document.
func (t Table) Value() Value { return Value(t) }

// Origin says how the table was made.
func (t Table) Origin() TableOrigin {
	if t.t == nil {
		return RootTable
	}
	return TableOrigin(t.t.node(t.i).flags & originMask)
}

// Len returns the number of entries.
func (t Table) Len() int {
	if t.t == nil {
		return 0
	}
	_, n := t.t.entriesOf(t.t.node(t.i))
	return int(n)
}

// Entries returns the entries in source order, with their indexes.
func (t Table) Entries() iter.Seq2[int, Entry] {
	return func(yield func(int, Entry) bool) {
		c := t.cursor()
		for i := 0; ; i++ {
			e, ok := c.next()
			if !ok || !yield(i, e) {
				return
			}
		}
	}
}

// entryCursor walks the entries of a table, for code that wants no
// closure per entry.
type entryCursor struct {
	t    *tree
	at   uint32 // the next entry
	left uint32
	prev uint32 // the entry returned last
}

func (t Table) cursor() entryCursor {
	if t.t == nil {
		return entryCursor{}
	}
	first, n := t.t.entriesOf(t.t.node(t.i))
	return entryCursor{t: t.t, at: first, left: n}
}

// nextNamed is next for a caller that needs only the key's name.
func (c *entryCursor) nextNamed() (string, Value, bool) {
	if c.left == 0 {
		return "", Value{}, false
	}
	c.left--
	i := c.at
	e := c.t.entries.at(i)
	if c.left > 0 {
		c.at = c.t.nextEntry(i, e)
	}
	c.prev = i
	name, _ := c.t.keyAt(e)
	return name, Value{c.t, e.value}, true
}

// last returns the entry nextNamed returned last, in full.
func (c *entryCursor) last() Entry { return c.t.entry(c.t.entries.at(c.prev)) }

func (c *entryCursor) next() (Entry, bool) {
	if c.left == 0 {
		return Entry{}, false
	}
	c.left--
	i := c.at
	e := c.t.entries.at(i)
	if c.left > 0 {
		c.at = c.t.nextEntry(i, e)
	}
	return c.t.entry(e), true
}

// Get returns the value of key, or the zero Value.
func (t Table) Get(key string) Value {
	e, _ := t.Lookup(key)
	return e.Value
}

// Lookup returns the entry of key and whether it exists.
func (t Table) Lookup(key string) (Entry, bool) {
	if t.t == nil {
		return Entry{}, false
	}
	if e := t.t.lookup(t.i, key); e != 0 {
		return t.t.entry(t.t.entries.at(e)), true
	}
	return Entry{}, false
}

// Document is a parsed TOML document.
type Document struct {
	tree tree
	// stmts holds, for a document parsed for an Editor, the offset of
	// the first byte of each top-level statement's line, in order: blank
	// lines and comment lines included, each line of a value that spans
	// several left out.
	stmts []uint32
}

// Root returns the top-level table as a Value; it spans the whole input.
func (d *Document) Root() Value { return Value{&d.tree, 0} }

// Table returns the top-level table.
func (d *Document) Table() Table { return Table{&d.tree, 0} }

// Source returns the parsed text.
func (d *Document) Source() string { return d.tree.src }

// Text returns the source text of a span.
func (d *Document) Text(s Span) string {
	src := d.tree.src
	if s.Start < 0 || s.End > len(src) || s.Start > s.End {
		return ""
	}
	return src[s.Start:s.End]
}

// Position returns the line and column of a byte offset in the source.
func (d *Document) Position(offset int) Position { return d.tree.position(offset) }

// The tree of a document is a few arrays of small structs without
// pointers, so that the garbage collector never looks inside it and a node
// costs 16 bytes: a node refers to other nodes, to strings and to wide
// scalars by number, never by address.
//
//   - A table's node names its entries; each holds a key (by its place in
//     the source) and its value's node. A table's entries are in a run,
//     one after another, until another table's entries come between: the
//     last of the run then names the next one's place through runs (or
//     jumps, past the first 65534 runs), so that a table grows at any time
//     without moving anything.
//   - A static array is closed in the source, so its elements follow its
//     node directly, each followed by its own elements if it has any: the
//     array needs only a count, and an array of scalars is indexed in
//     constant time.
//   - An array of tables grows with each [[header]]: a list of links.
type tree struct {
	src      string
	nodes    store[node]
	entries  store[entry]         // entry 0 is unused
	links    store[link]          // the elements of arrays of tables; link 0 is unused
	lists    store[list]          // list 0 is the empty list
	runs     []uint32             // by an entry's jump: where its table's entries go on; runs[0] is unused
	jumps    map[uint32]uint32    // the same for entries whose jump is farJump, by entry
	wide     store[uint64]        // scalars wider than 32 bits; slot 0 unused
	strs     []string             // strings whose decoded text is not a slice of src
	keyNames map[uint32]string    // keys whose names differ from their source text, by start
	indexes  map[uint32]*keyIndex // the key index of each list longer than smallTable
	bigEnds  map[uint32]uint32    // the end of each inline table of bigTable nodes or more

	lastIndex   *keyIndex // indexes[lastIndexed], if not nil
	lastIndexed uint32

	// How many strings and arrays the parser made: the generic decode
	// sizes its first blocks of boxed values by them.
	nStrings, nArrays uint32

	version Version // the TOML the source was read as

	linesOnce    sync.Once
	lines        []int       // offsets of line starts, built on first use
	elemIndex    sync.Map    // array node -> []uint32: the element nodes of arrays Index was asked of
	indexedElems atomic.Bool // elemIndex holds something
}

// node is one value.
type node struct {
	start, end uint32 // the span
	kind       Kind
	flags      uint8
	count      uint16 // a static array of scalars: its length, if below 1<<16-1
	a          uint32 // the payload, by kind (see the flags below)
}

// The flags of a node, by kind.
const (
	// Table: the origin; a is its list, or its only entry with oneEntry,
	// or 0 while it has no entries. An inline table's values follow its
	// node, up to count nodes on (or bigEnds when count is 1<<16-1).
	originMask = 0x07
	oneEntry   = 0x08

	// Integer: a holds the value as an int32; otherwise a is a wide slot.
	inlineInt = 0x01

	// Float: a is a wide slot. Date-times: a is the first of two wide
	// slots, the packed date and clock, then the nanoseconds. Bool: a is 0
	// or 1.

	// String: a is an index into strs; otherwise the text is
	// src[a:end-1], or src[a:end-3] for a multi-line string.
	decodedStr   = 0x01
	multilineStr = 0x02

	// Array: ofTables means a is its list. Otherwise the elements follow
	// the node; nested means some are arrays or tables, so that finding
	// the next needs the extent of each; wideArray means the length (and
	// the end of the elements) is kept in wide slot a, because it does not
	// fit in count or the elements are not all scalars.
	ofTables  = 0x01
	nested    = 0x02
	wideArray = 0x04
)

// entry is one key of a table.
type entry struct {
	keyStart uint32 // where the key's source text starts, at a quote if quoted
	value    uint32 // the value's node
	keyLen   uint8  // the length of the key's source text, or longKey
	tag      uint8  // keyTag of the key's name
	jump     uint16 // 0 if the table's next entry follows this one; see nextEntry
}

// longKey is the keyLen of a key whose text is too long to count: it is
// read again to find its end.
const longKey = 1<<8 - 1

// keyTag sums up a key's name in a byte, so that a scan for a key passes
// over most others of the same length without reading them: keys of one
// table tend to differ in their first or last letters (k1, k2; count,
// delta).
func keyTag(name string) uint8 {
	if name == "" {
		return 0
	}
	return name[0] ^ name[len(name)/2]<<2 ^ name[len(name)-1]<<4
}

// farJump is the jump of an entry whose table goes on at jumps[entry]:
// runs has room for the first 1<<16-2 runs only.
const farJump = 1<<16 - 1

// link is one element of an array of tables.
type link struct {
	value uint32 // the element's node
	next  uint32 // the next link, or 0
}

// list is the entries of a table of more than one entry, or the links of
// an array of tables.
type list struct {
	first, last uint32
	n           uint32
	// tags has bit tagBit(tag) set for the tag of each entry's key, so
	// that a scan for a key the table does not hold (every new key of a
	// document) most often ends before it reads an entry.
	tags uint32
}

// tagBit is the bit of a key tag in a list's tags.
func tagBit(tag uint8) uint32 { return 1 << ((tag ^ tag>>5) & 31) }

// nextEntry returns the entry after entry i, e, of the same table; it
// must have one.
func (t *tree) nextEntry(i uint32, e *entry) uint32 {
	if e.jump != 0 {
		return t.jumpFrom(i, e)
	}
	return i + 1
}

// jumpFrom returns where the table of entry i, e, goes on after e ends
// a run of its entries.
func (t *tree) jumpFrom(i uint32, e *entry) uint32 {
	if e.jump != farJump {
		return t.runs[e.jump]
	}
	return t.jumps[i]
}

func (t *tree) node(i uint32) *node { return t.nodes.at(i) }

func (t *tree) list(l uint32) *list { return t.lists.at(l) }

// str returns the text of a string node.
func (t *tree) str(n *node) string {
	if n.flags&decodedStr != 0 {
		return t.strs[n.a]
	}
	end := n.end - 1
	if n.flags&multilineStr != 0 {
		end = n.end - 3
	}
	return t.src[n.a:end]
}

// arrayExtent returns the length of a static array and the node after its
// elements.
func (t *tree) arrayExtent(i uint32, n *node) (count, end uint32) {
	if n.flags&wideArray != 0 {
		w := *t.wide.at(n.a)
		return uint32(w), uint32(w >> 32)
	}
	return uint32(n.count), i + 1 + uint32(n.count)
}

// subtreeEnd returns the node after i and everything i holds, for a node
// inside a static array.
func (t *tree) subtreeEnd(i uint32) uint32 {
	n := t.node(i)
	switch n.kind {
	case KindArray:
		_, end := t.arrayExtent(i, n)
		return end
	case KindTable:
		if n.count == bigTable {
			return t.bigEnds[i]
		}
		return i + uint32(n.count)
	}
	return i + 1
}

// bigTable marks an inline table with too many nodes for its count.
const bigTable = 1<<16 - 1

// entriesOf returns the first entry of a table and how many it has.
func (t *tree) entriesOf(n *node) (first, count uint32) {
	switch {
	case n.flags&oneEntry != 0:
		return n.a, 1
	case n.a == 0:
		return 0, 0
	}
	l := t.list(n.a)
	return l.first, l.n
}

// keyEnd returns where the key starting at i ends. The source has been
// checked: the key is well formed.
func (t *tree) keyEnd(i uint32) uint32 {
	s := t.src
	switch s[i] {
	case '\'':
		return i + 2 + uint32(strings.IndexByte(s[i+1:], '\''))
	case '"':
		j := i + 1
		for s[j] != '"' {
			if s[j] == '\\' {
				j++
			}
			j++
		}
		return j + 1
	}
	j := int(i)
	for uint(j) < uint(len(s)) && bareKeyChars[s[j]] {
		j++
	}
	return uint32(j)
}

// keyName returns the name of an entry's key.
func (t *tree) keyName(e *entry) string {
	name, _ := t.keyAt(e)
	return name
}

// keyEndOf returns where an entry's key text ends.
func (t *tree) keyEndOf(e *entry) uint32 {
	if e.keyLen == longKey {
		return t.keyEnd(e.keyStart)
	}
	return e.keyStart + uint32(e.keyLen)
}

// keyAt returns the name of an entry's key, and where its text ends.
func (t *tree) keyAt(e *entry) (string, uint32) {
	i, end := e.keyStart, t.keyEndOf(e)
	switch t.src[i] {
	case '"':
		if name, ok := t.keyNames[i]; ok {
			return name, end
		}
		return t.src[i+1 : end-1], end
	case '\'':
		return t.src[i+1 : end-1], end
	}
	return t.src[i:end], end
}

func (t *tree) entry(e *entry) Entry {
	name, end := t.keyAt(e)
	return Entry{
		Key:   Key{Name: name, Span: Span{int(e.keyStart), int(end)}},
		Value: Value{t, e.value},
	}
}

// keyIs reports whether entry e's key is named key.
func (t *tree) keyIs(e *entry, key string) bool {
	if e.keyLen == longKey {
		return t.keyName(e) == key
	}
	i, n := e.keyStart, uint32(e.keyLen)
	switch c := t.src[i]; {
	case c == '"' && t.keyNames != nil:
		if name, ok := t.keyNames[i]; ok {
			return name == key
		}
		return int(n) == len(key)+2 && t.src[i+1:i+n-1] == key
	case c == '"' || c == '\'':
		return int(n) == len(key)+2 && t.src[i+1:i+n-1] == key
	}
	return int(n) == len(key) && t.src[i:i+n] == key
}

// smallTable is the entry count up to which lookups scan; beyond it an
// index keeps them constant-time, so documents parse in linear time
// whatever the width of a table.
const smallTable = 32

// find returns the entry of key in the table at node tn, or 0. It is for
// the parser, which alone may change the tree's cache of the last index
// used; see lookup.
func (t *tree) find(tn uint32, key string) uint32 {
	n := t.node(tn)
	if n.flags&oneEntry == 0 && n.a != 0 && t.list(n.a).n > smallTable {
		return t.index(n.a).find(t, key)
	}
	return t.scan(n, key)
}

// insert adds the key k with the value node v to the table at node tn,
// unless the table holds k already: then it returns that entry, and adds
// nothing. It is find and addEntry with one look at the table.
func (t *tree) insert(tn uint32, k Key, v uint32) uint32 {
	n := t.node(tn)
	tag := keyTag(k.Name)
	// find and scan's tests, made once: most keys are new, and a table's
	// state (empty, one entry, a list) tells at once where to look.
	switch {
	case n.a == 0:
	case n.flags&oneEntry != 0:
		if first := t.entries.at(n.a); first.tag == tag && t.keyIs(first, k.Name) {
			return n.a
		}
	default:
		l := t.list(n.a)
		if l.n > smallTable {
			if e := t.index(n.a).find(t, k.Name); e != 0 {
				return e
			}
		} else if l.tags&tagBit(tag) != 0 {
			if e := t.scanEntries(l.first, l.n, k.Name, tag); e != 0 {
				return e
			}
		}
	}
	t.addTagged(n, k, v, tag)
	return 0
}

// lookup is find for readers of a finished tree, who may be many at once:
// it changes nothing.
func (t *tree) lookup(tn uint32, key string) uint32 {
	n := t.node(tn)
	if n.flags&oneEntry == 0 && n.a != 0 && t.list(n.a).n > smallTable {
		return t.indexes[n.a].find(t, key)
	}
	return t.scan(n, key)
}

// scan finds key among the entries of the table n, one by one.
func (t *tree) scan(n *node, key string) uint32 {
	return t.scanTagged(n, key, keyTag(key))
}

// scanTagged is scan given the key's tag.
func (t *tree) scanTagged(n *node, key string, tag uint8) uint32 {
	var e, left uint32
	switch {
	case n.flags&oneEntry != 0:
		e, left = n.a, 1
	case n.a == 0:
		return 0
	default:
		l := t.list(n.a)
		if l.tags&tagBit(tag) == 0 {
			return 0
		}
		e, left = l.first, l.n
	}
	return t.scanEntries(e, left, key, tag)
}

// scanEntries finds key among left entries of a table from entry e on.
func (t *tree) scanEntries(e, left uint32, key string, tag uint8) uint32 {
	// Entries are read a run at a time from their chunk, and a key of
	// another tag, or whose text is of another length, is passed over
	// without reading it (unless the document has escaped keys, whose names
	// and texts differ in length).
	quoted := uint8(min(len(key)+2, longKey))
	anyLength := t.keyNames != nil
	for left > 0 {
		chunk := t.entries.chunks[e>>chunkBits]
		for off := e & chunkMask; ; off++ {
			en := &chunk[off]
			if en.tag == tag && (anyLength || int(en.keyLen) == len(key) || en.keyLen == quoted || en.keyLen == longKey) && t.keyIs(en, key) {
				return e
			}
			if left--; left == 0 {
				return 0
			}
			if en.jump != 0 {
				e = t.jumpFrom(e, en)
				break
			}
			e++
			if int(off)+1 == len(chunk) {
				break
			}
		}
	}
	return 0
}

func (t *tree) position(offset int) Position {
	t.linesOnce.Do(func() { t.lines = lineStarts(t.src) })
	return positionIn(t.src, t.lines, offset)
}

// inSource reports where s starts in src, if s is a slice of it.
func inSource(src, s string) (uint32, bool) {
	if len(s) == 0 || len(src) == 0 {
		return 0, false
	}
	off := uintptr(unsafe.Pointer(unsafe.StringData(s))) - uintptr(unsafe.Pointer(unsafe.StringData(src)))
	if off >= uintptr(len(src)) {
		return 0, false
	}
	return uint32(off), true
}
