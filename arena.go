package toml

// arena hands out the nodes of one document from slabs, so that building a
// tree costs a few large allocations instead of one per node. A slab is
// never grown in place: nodes keep their addresses, and a full slab is
// simply left to the nodes that point into it.
type arena struct {
	slab    int // nodes per slab, sized from the input
	values  []Value
	tables  []Table
	arrays  []Array
	entries []Entry
	ptrs    []*Value
}

// The values in a document run at about one per 24 bytes of typical
// configuration; slabs are sized for that, within bounds that keep tiny
// documents cheap and huge ones from over-reserving.
func (a *arena) init(inputSize int) {
	a.slab = min(max(inputSize/24, 16), 4096)
}

func (a *arena) newValue() *Value {
	if len(a.values) == cap(a.values) {
		a.values = make([]Value, 0, a.slab)
	}
	a.values = a.values[:len(a.values)+1]
	return &a.values[len(a.values)-1]
}

// entriesPerTable is the room a table starts with; a table that grows past
// it moves its entries to an ordinary slice. Elements of an array of tables
// start with the room their predecessor needed instead.
const entriesPerTable = 4

func (a *arena) newTable(origin TableOrigin) *Table {
	return a.newTableSized(origin, entriesPerTable)
}

func (a *arena) newTableSized(origin TableOrigin, room int) *Table {
	if len(a.tables) == cap(a.tables) {
		a.tables = make([]Table, 0, max(a.slab/4, 8))
	}
	a.tables = a.tables[:len(a.tables)+1]
	t := &a.tables[len(a.tables)-1]
	t.origin = origin
	if room > a.slab/4 {
		t.entries = make([]Entry, 0, room)
		return t
	}
	if len(a.entries)+room > cap(a.entries) {
		a.entries = make([]Entry, 0, max(a.slab, 4*entriesPerTable))
	}
	n := len(a.entries)
	t.entries = a.entries[n : n : n+room]
	a.entries = a.entries[:n+room]
	return t
}

func (a *arena) newArray() *Array {
	if len(a.arrays) == cap(a.arrays) {
		a.arrays = make([]Array, 0, max(a.slab/8, 8))
	}
	a.arrays = a.arrays[:len(a.arrays)+1]
	return &a.arrays[len(a.arrays)-1]
}

// valueSlice copies elems into arena memory of exactly their length.
func (a *arena) valueSlice(elems []*Value) []*Value {
	n := len(elems)
	if n == 0 {
		return nil
	}
	if n > a.slab/2 {
		return append([]*Value(nil), elems...)
	}
	if len(a.ptrs)+n > cap(a.ptrs) {
		a.ptrs = make([]*Value, 0, a.slab)
	}
	start := len(a.ptrs)
	a.ptrs = append(a.ptrs, elems...)
	return a.ptrs[start : start+n : start+n]
}
