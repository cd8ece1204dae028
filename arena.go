package toml

import (
	"hash/maphash"
	"math/bits"
	"sync"
	"unsafe"
)

// A store holds the nodes (or entries, lists, wide scalars) of one
// document in chunks of fixed size, addressed by number. Chunks never move
// once full, so growing a store copies nothing but a small first chunk,
// and a document of millions of values never holds two copies of its
// nodes. The element types hold no pointers: the garbage collector does
// not scan a store, and reusing one for the next document needs no
// clearing.
type store[T any] struct {
	chunks [][]T
	n      uint32 // elements in use
	cur    []T    // the chunk that element n goes into
	base   uint32 // the number of cur's first element
}

const (
	chunkBits = 12
	chunkSize = 1 << chunkBits
	chunkMask = chunkSize - 1
)

func (s *store[T]) at(i uint32) *T { return &s.chunks[i>>chunkBits][i&chunkMask] }

// push appends v and returns its number.
func (s *store[T]) push(v T) uint32 {
	i, p := s.add()
	*p = v
	return i
}

// add appends an element for the caller to fill and returns its number.
func (s *store[T]) add() (uint32, *T) {
	i := s.n
	if j := i - s.base; j < uint32(len(s.cur)) {
		s.n = i + 1
		return i, &s.cur[j]
	}
	return s.addSlow()
}

// addSlow is add when the current chunk is full: kept apart so that add
// stays small enough to inline.
func (s *store[T]) addSlow() (uint32, *T) {
	s.grow()
	i := s.n
	s.n = i + 1
	return i, &s.cur[i-s.base]
}

// grow makes room for element n: a new chunk, or a bigger first chunk.
func (s *store[T]) grow() {
	i := s.n
	c := int(i >> chunkBits)
	switch {
	case c == len(s.chunks):
		size := chunkSize
		if c == 0 {
			size = 64 // a small document needs little: the first chunk doubles up to full size
		}
		s.chunks = append(s.chunks, make([]T, size))
	case c == 0 && int(i) == len(s.chunks[0]):
		grown := make([]T, min(2*len(s.chunks[0]), chunkSize))
		copy(grown, s.chunks[0])
		s.chunks[0] = grown
	}
	s.cur, s.base = s.chunks[c], uint32(c)<<chunkBits
}

// truncate drops the elements from number n on; their chunks are kept.
func (s *store[T]) truncate(n uint32) {
	s.n = n
	c := min(int(n>>chunkBits), len(s.chunks)-1)
	s.cur, s.base = s.chunks[c], uint32(c)<<chunkBits
}

// sizeFor gives a store its first chunk, sized for n elements, before
// the first push; a chunk kept from an earlier document is kept.
func (s *store[T]) sizeFor(n int) {
	if len(s.chunks) == 0 {
		s.chunks = append(s.chunks, make([]T, min(max(n, 64), chunkSize)))
	}
}

// reset empties the store for another document, keeping its chunks.
func (s *store[T]) reset() {
	s.n, s.base = 0, 0
	s.cur = nil
	if len(s.chunks) > 0 {
		s.cur = s.chunks[0]
	}
}

func (s *store[T]) bytes() int {
	var zero T
	n := 0
	for _, c := range s.chunks {
		n += len(c)
	}
	return n * int(unsafe.Sizeof(zero))
}

// init prepares t for a document read from src, reusing its stores.
func (t *tree) init(src string) {
	t.src = src
	// Typical configuration has a value per 24 bytes or so.
	t.nodes.sizeFor(len(src) / 24)
	t.entries.sizeFor(len(src) / 24)
	t.lists.sizeFor(len(src) / 200)
	t.wide.sizeFor(len(src) / 200)
	t.nodes.reset()
	t.entries.reset()
	t.links.reset()
	t.lists.reset()
	t.wide.reset()
	t.entries.push(entry{}) // 0 is no entry
	t.links.push(link{})    // 0 ends a list
	t.lists.push(list{})    // the empty list
	t.wide.push(0)          // 0 is no slot
	t.dropIndexes()
	t.strs = t.strs[:0]
	t.keyNames = nil
	t.linesOnce = sync.Once{}
	t.nStrings, t.nArrays = 0, 0
}

// treeMark is how far a tree's stores reached at some point of parsing.
type treeMark struct {
	nodes, entries, lists, wide uint32
	strs, runs                  int
	indexes, bigEnds            int
}

func (t *tree) mark() treeMark {
	return treeMark{
		nodes: t.nodes.n, entries: t.entries.n, lists: t.lists.n, wide: t.wide.n,
		strs: len(t.strs), runs: len(t.runs), indexes: len(t.indexes), bigEnds: len(t.bigEnds),
	}
}

// truncate forgets the nodes, entries, lists, wide scalars and strings
// added to t since m. Nothing made before m may refer to them, except
// links, which the caller must no longer follow to them.
func (t *tree) truncate(m treeMark) {
	t.nodes.truncate(m.nodes)
	t.entries.truncate(m.entries)
	t.lists.truncate(m.lists)
	t.wide.truncate(m.wide)
	clear(t.strs[m.strs:])
	t.strs = t.strs[:m.strs]
	t.runs = t.runs[:m.runs]
	// The indexes and ends of tables forgotten go with them: their numbers
	// will be given to others.
	if len(t.indexes) > m.indexes {
		for l := range t.indexes {
			if l >= m.lists {
				delete(t.indexes, l)
			}
		}
		t.lastIndex, t.lastIndexed = nil, 0
	}
	if len(t.bigEnds) > m.bigEnds {
		for n := range t.bigEnds {
			if n >= m.nodes {
				delete(t.bigEnds, n)
			}
		}
	}
}

// endRun marks entry last as the end of a run of its table's entries,
// which go on at entry next.
func (t *tree) endRun(last, next uint32) {
	if len(t.runs) == 0 {
		t.runs = append(t.runs, 0)
	}
	if len(t.runs) < farJump {
		t.entries.at(last).jump = uint16(len(t.runs))
		t.runs = append(t.runs, next)
		return
	}
	t.entries.at(last).jump = farJump
	if t.jumps == nil {
		t.jumps = make(map[uint32]uint32)
	}
	t.jumps[last] = next
}

// dropIndexes empties what the tree finds things with besides its stores.
func (t *tree) dropIndexes() {
	t.indexes = nil
	t.bigEnds = reuse(t.bigEnds)
	t.jumps = reuse(t.jumps)
	t.runs = t.runs[:0]
	t.lastIndex, t.lastIndexed = nil, 0
	if t.indexedElems.Load() {
		t.elemIndex.Clear()
		t.indexedElems.Store(false)
	}
	t.lines = nil
}

// release drops what t refers to outside its stores, so that a pooled
// tree keeps no document's strings alive.
func (t *tree) release() {
	t.src = ""
	t.dropIndexes()
	clear(t.strs[:cap(t.strs)])
	t.strs = t.strs[:0]
	t.keyNames = nil
}

// reuse empties a map of numbers for the next document, or drops it if a
// large document made it large: a cleared map keeps its size.
func reuse(m map[uint32]uint32) map[uint32]uint32 {
	if len(m) > 1024 {
		return nil
	}
	clear(m)
	return m
}

func (t *tree) retainedBytes() int {
	return t.nodes.bytes() + t.entries.bytes() + t.links.bytes() + t.lists.bytes() + t.wide.bytes() + 16*cap(t.strs)
}

// addNode appends a node and returns its number.
func (t *tree) addNode(n node) uint32 {
	// The store's add, by hand: as a method of the generic store it is
	// compiled for the type's shape and called, never inlined, and this
	// runs once per value.
	s := &t.nodes
	i := s.n
	p := (*node)(nil)
	if j := i - s.base; j < uint32(len(s.cur)) {
		s.n = i + 1
		p = &s.cur[j]
	} else {
		i, p = s.addSlow()
	}
	// Field by field: n arrives in registers, and copying it whole would
	// spill its narrow fields to the stack and read them back as one wide
	// load, which the processor cannot forward from the narrow stores.
	p.start, p.end, p.kind, p.flags, p.count, p.a = n.start, n.end, n.kind, n.flags, n.count, n.a
	return i
}

// addWide keeps a scalar wider than a node's payload.
func (t *tree) addWide(bits uint64) uint32 { return t.wide.push(bits) }

// addString sets n to hold s, the decoded text of the string literal at
// src[n.start:n.end]: by its place in the source when s is a slice of it.
func (t *tree) addString(n *node, s string, multiline bool) {
	n.kind = KindString
	if multiline {
		n.flags = multilineStr
	}
	if off, ok := inSource(t.src, s); ok {
		n.a = off
		return
	}
	if s == "" {
		n.a = n.end - 1
		if multiline {
			n.a = n.end - 3
		}
		return
	}
	n.flags |= decodedStr
	n.a = uint32(len(t.strs))
	t.strs = append(t.strs, s)
}

// addEntry appends the key k and the value node v to the table at node
// tn, which must not hold k yet, and returns the entry's number.
func (t *tree) addEntry(tn uint32, k Key, v uint32) uint32 {
	return t.addTagged(t.node(tn), k, v, keyTag(k.Name))
}

// addTagged is addEntry given the table's node and the key's tag. It runs
// once per key of a document; what few keys need (a decoded name, a list
// for the table, its index) is done out of line, so that the common path
// keeps its values in registers.
func (t *tree) addTagged(n *node, k Key, v uint32, tag uint8) uint32 {
	start := uint32(k.Span.Start)
	// A bare key's name is its text; a quoted one's may be decoded.
	if k.Name != "" && !bareKeyChars[t.src[start]] {
		t.keepQuotedName(k)
	}
	keyLen := uint8(longKey)
	if size := k.Span.End - k.Span.Start; size < longKey {
		keyLen = uint8(size)
	}
	// The store's add by hand, as in addNode.
	s := &t.entries
	e := s.n
	en := (*entry)(nil)
	if j := e - s.base; j < uint32(len(s.cur)) {
		s.n = e + 1
		en = &s.cur[j]
	} else {
		e, en = s.addSlow()
	}
	en.keyStart, en.value, en.keyLen, en.tag, en.jump = start, v, keyLen, tag, 0
	switch {
	case n.a == 0:
		// Many tables never get a second entry ({a = 1} in an array of
		// thousands): the first needs no list.
		n.a, n.flags = e, n.flags|oneEntry
		return e
	case n.flags&oneEntry != 0:
		t.startList(n)
	}
	l := n.a
	ls := t.list(l)
	if ls.last+1 != e {
		// Another table's entries came between: this run ends.
		t.endRun(ls.last, e)
	}
	ls.last = e
	ls.n++
	ls.tags |= tagBit(tag)
	if ls.n > smallTable {
		t.indexEntry(l, ls, e)
	}
	return e
}

// keepQuotedName records the name of the quoted key k when it is not the
// text between its quotes (it had escapes).
//
//go:noinline
func (t *tree) keepQuotedName(k Key) {
	start := uint32(k.Span.Start)
	if off, ok := inSource(t.src, k.Name); !ok || off != start && off != start+1 {
		if t.keyNames == nil {
			t.keyNames = make(map[uint32]string)
		}
		t.keyNames[start] = k.Name
	}
}

// startList gives the table n, of one entry, a list for more.
func (t *tree) startList(n *node) {
	first := n.a
	n.a = t.lists.push(list{first: first, last: first, n: 1, tags: tagBit(t.entries.at(first).tag)})
	n.flags &^= oneEntry
}

// indexEntry adds entry e to the key index of list l, ls, which has more
// than smallTable entries with e: the first time, the index is built from
// all of them.
//
//go:noinline
func (t *tree) indexEntry(l uint32, ls *list, e uint32) {
	if ls.n > smallTable+1 {
		t.index(l).add(t, e)
		return
	}
	if t.indexes == nil {
		t.indexes = make(map[uint32]*keyIndex)
	}
	ix := &keyIndex{}
	for i, e := uint32(0), ls.first; i < ls.n; i++ {
		en := t.entries.at(e)
		ix.add(t, e)
		if i+1 < ls.n {
			e = t.nextEntry(e, en)
		}
	}
	t.indexes[l] = ix
}

// addElement appends the table at node tn to the array of tables at node an.
func (t *tree) addElement(an, tn uint32) {
	l := t.node(an).a
	i := t.links.push(link{value: tn})
	ls := t.list(l)
	if ls.n == 0 {
		ls.first = i
	} else {
		t.links.at(ls.last).next = i
	}
	ls.last = i
	ls.n++
}

// lastElement returns the node of the last table of an array of tables.
func (t *tree) lastElement(an uint32) uint32 {
	return t.links.at(t.list(t.node(an).a).last).value
}

// index returns the key index of list l, which must have one. Lookups
// come in runs on one table (the keys of a section): the last index is
// kept at hand.
func (t *tree) index(l uint32) *keyIndex {
	if l != t.lastIndexed || t.lastIndex == nil {
		t.lastIndex, t.lastIndexed = t.indexes[l], l
	}
	return t.lastIndex
}

// keyIndex finds the entries of a long list by name: open addressing over
// entry numbers, at most half full.
type keyIndex struct {
	slots []uint32
	n     int
}

var keySeed = maphash.MakeSeed()

func (ix *keyIndex) find(t *tree, key string) uint32 {
	mask := uint64(len(ix.slots) - 1)
	for i := maphash.String(keySeed, key) & mask; ; i = (i + 1) & mask {
		e := ix.slots[i]
		if e == 0 || t.keyIs(t.entries.at(e), key) {
			return e
		}
	}
}

func (ix *keyIndex) add(t *tree, e uint32) {
	if 2*(ix.n+1) > len(ix.slots) {
		old := ix.slots
		// A power of two, so that a mask makes a slot of a hash.
		ix.slots = make([]uint32, max(4<<bits.Len(smallTable), 2*len(old)))
		for _, o := range old {
			if o != 0 {
				ix.insert(t, o)
			}
		}
	}
	ix.insert(t, e)
	ix.n++
}

func (ix *keyIndex) insert(t *tree, e uint32) {
	mask := uint64(len(ix.slots) - 1)
	i := maphash.String(keySeed, t.keyName(t.entries.at(e))) & mask
	for ix.slots[i] != 0 {
		i = (i + 1) & mask
	}
	ix.slots[i] = e
}

// parserPool keeps parsers, with their trees and scratch buffers, between
// decodes whose trees did not outlive them.
var parserPool sync.Pool

// maxPooledBytes bounds the memory a pooled parser keeps: a tree grown by
// a document larger than tens of megabytes is left to the garbage
// collector instead. Below that, a pool entry lives only while decodes
// keep using it: sync.Pool drops entries that go unused through two
// collections.
const maxPooledBytes = 128 << 20
