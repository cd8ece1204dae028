package toml

import (
	"math"
	"reflect"
	"slices"
)

// genericValue builds the Go form of a value for an empty interface:
// map[string]any, []any, string, int64, float64, bool, time.Time,
// LocalDateTime, LocalDate or LocalTime. It needs no reflection, and no
// value can fail to fit.
func (d *decodeState) genericValue(v Value) any {
	// The scalars are read from the node directly: this runs once per
	// value of the document.
	n := v.t.node(v.i)
	switch n.kind {
	case KindString:
		return d.strings.box(d.own(v.t.str(n)))
	case KindInteger:
		if n.flags&inlineInt != 0 {
			return d.ints.box(int64(int32(n.a)))
		}
		return d.ints.box(int64(*v.t.wide.at(n.a)))
	case KindFloat:
		return d.floats.box(math.Float64frombits(*v.t.wide.at(n.a)))
	case KindBool:
		return n.a != 0
	case KindDateTime:
		return d.times.box(v.dateTime().toTime())
	case KindLocalDateTime:
		t := v.dateTime()
		return d.localDateTimes.box(LocalDateTime{t.date, t.clock})
	case KindLocalDate:
		return d.localDates.box(v.dateTime().date)
	case KindLocalTime:
		return d.localTimes.box(v.dateTime().clock)
	case KindArray:
		return d.arrays.box(d.genericArray(v.Array()))
	case KindTable:
		return d.genericTable(v.Table(), nil)
	}
	return nil
}

func (d *decodeState) genericArray(a Array) []any {
	if d.streamed != nil && a.i == d.streamArray {
		return d.streamedArray(a)
	}
	s := d.anySlice(a.Len())
	if a.t.node(a.i).flags&(ofTables|nested) == 0 {
		// The elements of an array of scalars are the nodes after its own.
		for i := range s {
			// Strings, the most common elements, without a call.
			if n := a.t.node(a.i + 1 + uint32(i)); n.kind == KindString {
				s[i] = d.strings.box(d.own(a.t.str(n)))
			} else {
				s[i] = d.genericValue(Value{a.t, a.i + 1 + uint32(i)})
			}
		}
		return s
	}
	c := a.cursor()
	for i := range s {
		e, _ := c.next()
		s[i] = d.genericValue(e)
	}
	return s
}

// generic reports whether v, the target of a whole document, takes it in
// the generic Go form: a *map[string]any, or a *any that holds no pointer
// to decode into. Then no part of the tree is needed twice, or handed out,
// and the parser may give the decoder the elements of an array of tables
// as it goes (closedElement).
func generic(v any) bool {
	switch v := v.(type) {
	case *map[string]any:
		return true
	case *any:
		e := reflect.ValueOf(*v)
		return e.Kind() != reflect.Pointer || e.IsNil()
	}
	return false
}

// closedElement decodes the table at node elem, an element of the array
// of tables at node array that no later header can reach, before the
// parser forgets it. A long array of tables (a lock file's packages) then
// never holds all its nodes at once: the peak memory of a decode is the
// result and one element, and each element is decoded while its nodes are
// still in the cache.
func (d *decodeState) closedElement(array, elem uint32) {
	d.streamArray = array
	d.streamed = append(d.streamed, d.genericTable(Table{&d.doc.tree, elem}, nil))
}

// streamedArray is genericArray for the array of tables whose first
// elements were decoded while parsing: their links in the tree point at
// nodes reused since, and are passed over.
func (d *decodeState) streamedArray(a Array) []any {
	s := slices.Grow(d.streamed, a.Len()-len(d.streamed))
	d.streamed = nil
	c := a.cursor()
	for range len(s) {
		c.next()
	}
	for e, ok := c.next(); ok; e, ok = c.next() {
		s = append(s, d.genericValue(e))
	}
	return s
}

// anySlice returns a []any of length and capacity n. Short ones are cut
// from a block shared by the decode, so that the many small arrays of a
// lock file cost no allocation each; the block doubles as it fills.
func (d *decodeState) anySlice(n int) []any {
	if n == 0 {
		return []any{}
	}
	const largest = 256
	if n > largest {
		return make([]any, n)
	}
	if len(d.anys)+n > cap(d.anys) {
		d.anys = make([]any, 0, max(n, min(2*cap(d.anys), 16*largest), 64))
	}
	start := len(d.anys)
	d.anys = d.anys[:start+n]
	return d.anys[start : start+n : start+n]
}

// genericTable adds the entries of t to m, made to t's size when nil.
func (d *decodeState) genericTable(t Table, m map[string]any) map[string]any {
	tr := t.t
	e, left := tr.entriesOf(tr.node(t.i))
	if m == nil {
		m = make(map[string]any, left)
	}
	// The entries are read a run at a time from their chunk, as
	// scanEntries does: this loop runs once per key of the document.
	for left > 0 {
		chunk := tr.entries.chunks[e>>chunkBits]
		for off := e & chunkMask; ; off++ {
			en := &chunk[off]
			var name string
			if ks := en.keyStart; en.keyLen != longKey && tr.src[ks] != '"' && tr.src[ks] != '\'' {
				// A bare key, as most are: its name is its text.
				name = tr.src[ks : ks+uint32(en.keyLen)]
			} else {
				name, _ = tr.keyAt(en)
			}
			if d.borrowed {
				name = d.ownKey(name, en.tag)
			}
			m[name] = d.genericValue(Value{tr, en.value})
			if left--; left == 0 {
				return m
			}
			if en.jump != 0 {
				e = tr.jumpFrom(e, en)
				break
			}
			e++
			if int(off)+1 == len(chunk) {
				break
			}
		}
	}
	return m
}
