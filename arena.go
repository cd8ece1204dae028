package toml

import (
	"sync"
	"unsafe"
)

// arena hands out the nodes of one document from blocks, so that building a
// tree costs a few large allocations instead of one per node. A block is
// never grown in place: nodes keep their addresses.
//
// When the tree is only a step on the way (Unmarshal decodes it and drops
// it), the whole arena goes back to a pool and the next document reuses its
// blocks, so that a steady stream of decodes allocates almost nothing for
// the tree.
type arena struct {
	values  blocks[Value]
	tables  blocks[Table]
	arrays  blocks[Array]
	entries blocks[Entry]
	ptrs    blocks[*Value]
}

// The values in a document run at about one per 24 bytes of typical
// configuration; blocks are sized for that, within bounds that keep tiny
// documents cheap and huge ones from over-reserving.
func (a *arena) init(inputSize int) {
	n := min(max(inputSize/24, 16), 4096)
	a.values.size = n
	a.tables.size = max(n/4, 8)
	a.arrays.size = max(n/8, 8)
	a.entries.size = n
	a.ptrs.size = n
}

func (a *arena) newValue() *Value { return &a.values.take(1)[0] }

// entriesPerTable is the room a table gets with its first entry; it grows
// by doubling from there. Elements of an array of tables start with the
// room their predecessors needed instead.
const entriesPerTable = 4

// newTable makes a table with no room yet: a table may stay empty ({} in an
// array of thousands), and room is taken with the first entry.
func (a *arena) newTable(origin TableOrigin) *Table {
	return a.newTableSized(origin, 0)
}

func (a *arena) newTableSized(origin TableOrigin, room int) *Table {
	t := &a.tables.take(1)[0]
	t.origin = origin
	if room > 0 {
		t.entries = a.entries.take(room)[:0]
	}
	return t
}

func (a *arena) newArray() *Array { return &a.arrays.take(1)[0] }

// valueSlice copies elems into arena memory of exactly their length.
func (a *arena) valueSlice(elems []*Value) []*Value {
	if len(elems) == 0 {
		return nil
	}
	s := a.ptrs.take(len(elems))
	copy(s, elems)
	return s
}

// reset empties the arena for another document, keeping its blocks.
func (a *arena) reset() {
	a.values.reset()
	a.tables.reset()
	a.arrays.reset()
	a.entries.reset()
	a.ptrs.reset()
}

func (a *arena) retainedBytes() int {
	return a.values.bytes() + a.tables.bytes() + a.arrays.bytes() + a.entries.bytes() + a.ptrs.bytes()
}

// blocks hands out runs of fresh Ts from a list of fixed-size blocks.
type blocks[T any] struct {
	list [][]T // every block made; list[cur] is being filled, later ones are spare
	cur  int
	size int // elements in a new block
}

// take returns n zeroed elements as a slice whose capacity is n, so that
// appending to it never writes into a neighbour.
func (b *blocks[T]) take(n int) []T {
	if n > b.size/2 {
		return make([]T, n) // too big to share a block; not pooled
	}
	if len(b.list) == 0 {
		b.list = append(b.list, make([]T, 0, b.size))
	}
	blk := b.list[b.cur]
	if cap(blk)-len(blk) < n {
		b.cur++
		if b.cur == len(b.list) {
			b.list = append(b.list, nil)
		}
		// A spare block left by an earlier, smaller document may be
		// too small: it is replaced.
		if cap(b.list[b.cur]) < max(n, b.size) {
			b.list[b.cur] = make([]T, 0, b.size)
		}
		blk = b.list[b.cur]
	}
	start := len(blk)
	blk = blk[:start+n]
	b.list[b.cur] = blk
	return blk[start : start+n : start+n]
}

// reset zeroes what was handed out (so that no old document is kept alive
// through a pooled block) and starts handing out from the first block again.
func (b *blocks[T]) reset() {
	for i := 0; i <= b.cur && i < len(b.list); i++ {
		clear(b.list[i])
		b.list[i] = b.list[i][:0]
	}
	b.cur = 0
}

// count returns how many elements have been handed out from blocks.
func (b *blocks[T]) count() int {
	n := 0
	for i := 0; i <= b.cur && i < len(b.list); i++ {
		n += len(b.list[i])
	}
	return n
}

func (b *blocks[T]) bytes() int {
	var zero T
	n := 0
	for _, blk := range b.list {
		n += cap(blk)
	}
	return n * int(unsafe.Sizeof(zero))
}

// parserPool keeps parsers, with their arenas and scratch buffers, between
// decodes whose trees did not outlive them.
var parserPool sync.Pool

// maxPooledBytes bounds the memory a pooled parser keeps: an arena grown by
// a document larger than tens of megabytes is left to the garbage collector
// instead. Below that, a pool entry lives only while decodes keep using it:
// sync.Pool drops entries that go unused through two collections.
const maxPooledBytes = 128 << 20
