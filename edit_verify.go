package toml

import (
	"fmt"
	"math"
)

// expectation is what an edited document must hold, given the document
// before the edit: the same data everywhere, but at path.
type expectation struct {
	kind  expectKind
	path  Path  // with its indexes made positive
	value Value // expectSet and expectInsert: the value that must be there
	index int   // expectInsert: its place in the array at path
}

type expectKind uint8

const (
	expectSet    expectKind = iota + 1 // path holds value
	expectDelete                       // path holds nothing
	expectInsert                       // the array at path has value inserted at index
)

// mismatch compares the roots of the documents before and after an edit
// and says how the second differs from what the edit wants, or returns "".
func (x *expectation) mismatch(before, after Value) string {
	return x.match(before, after, x.path, Path{})
}

// match compares old and new, which stand at at, with rest the steps of
// the edit's path below them. old is the zero Value where the edit makes a
// table or an array that was not there.
func (x *expectation) match(old, new Value, rest, at Path) string {
	if len(rest) == 0 {
		return x.matchInsert(old, new, at)
	}
	st := rest[0]
	final := len(rest) == 1 && x.kind != expectInsert
	here := append(at[:len(at):len(at)], st)
	if st.IsIndex {
		oa, na := old.Array(), new.Array()
		if old.Kind() != KindArray || new.Kind() != KindArray {
			return fmt.Sprintf("%s is no longer an array", at)
		}
		deleted := final && x.kind == expectDelete
		want := oa.Len()
		if deleted {
			want--
		}
		if na.Len() != want {
			return fmt.Sprintf("%s has %d elements, want %d", at, na.Len(), want)
		}
		// Side by side, the element at the index aside: gone from the new
		// array, set in it, or holding what the rest of the path changes.
		oc, nc := oa.cursor(), na.cursor()
		var oldAt, newAt Value
		for i := 0; ; i++ {
			ov, ok := oc.next()
			if !ok {
				break
			}
			if i == st.Index {
				oldAt = ov
				if deleted {
					continue
				}
				newAt, _ = nc.next()
				continue
			}
			nv, _ := nc.next()
			if !equalValues(ov, nv) {
				return fmt.Sprintf("%s[%d] changed", at, i)
			}
		}
		switch {
		case deleted:
			return ""
		case final:
			if !equalValues(x.value, newAt) {
				return fmt.Sprintf("%s does not hold the value set", here)
			}
			return ""
		}
		return x.match(oldAt, newAt, rest[1:], here)
	}

	if new.Kind() != KindTable || old.t != nil && old.Kind() != KindTable {
		return fmt.Sprintf("%s is no longer a table", at)
	}
	ot, nt := old.Table(), new.Table()
	oc, inOld := ot.Lookup(st.Key)
	nc, inNew := nt.Lookup(st.Key)
	wantLen := ot.Len()
	if inOld {
		wantLen--
	}
	if inNew {
		wantLen++
	}
	if nt.Len() != wantLen {
		return fmt.Sprintf("%s has %d keys, want %d", at, nt.Len(), wantLen)
	}
	c := nt.cursor()
	for name, v, ok := c.nextNamed(); ok; name, v, ok = c.nextNamed() {
		if name == st.Key {
			continue
		}
		ov, found := ot.Lookup(name)
		if !found {
			return fmt.Sprintf("%s gained the key %s", at, quoteKey(name))
		}
		if !equalValues(ov.Value, v) {
			return fmt.Sprintf("%s.%s changed", at, quoteKey(name))
		}
	}
	switch {
	case final && x.kind == expectSet:
		if !inNew || !equalValues(x.value, nc.Value) {
			return fmt.Sprintf("%s does not hold the value set", here)
		}
	case final:
		if !inOld || inNew {
			return fmt.Sprintf("%s is still there", here)
		}
	case !inNew && x.kind == expectDelete && vanishes(oc.Value, rest[1:]):
		// A table that only the deleted key wrote went with it.
	case !inNew:
		return fmt.Sprintf("%s is missing", here)
	default:
		return x.match(oc.Value, nc.Value, rest[1:], here)
	}
	return ""
}

// vanishes reports whether v, which the steps rest go through, is written
// only by the key or element at their end: a table that dotted keys or
// headers below it make, with no other entry on the way, or an array of
// tables of one element.
func vanishes(v Value, rest Path) bool {
	if len(rest) == 0 {
		return false
	}
	if v.Kind() == KindArray && v.Array().OfTables() {
		return v.Array().Len() == 1 && len(rest) == 1 && rest[0].IsIndex
	}
	if v.Kind() != KindTable || rest[0].IsIndex {
		return false
	}
	if o := v.Table().Origin(); o != DottedTable && o != ImplicitTable {
		return false
	}
	t := v.Table()
	e, ok := t.Lookup(rest[0].Key)
	return ok && t.Len() == 1 && (len(rest) == 1 || vanishes(e.Value, rest[1:]))
}

// matchInsert compares the array before and after an insertion.
func (x *expectation) matchInsert(old, new Value, at Path) string {
	if x.kind != expectInsert {
		return "the edit names the document itself"
	}
	if new.Kind() != KindArray || old.t != nil && old.Kind() != KindArray {
		return fmt.Sprintf("%s is not an array", at)
	}
	oa, na := old.Array(), new.Array()
	if na.Len() != oa.Len()+1 {
		return fmt.Sprintf("%s has %d elements, want %d", at, na.Len(), oa.Len()+1)
	}
	oc, nc := oa.cursor(), na.cursor()
	for i := range na.Len() {
		nv, _ := nc.next()
		want := x.value
		if i != x.index {
			want, _ = oc.next()
		}
		if !equalValues(want, nv) {
			return fmt.Sprintf("%s[%d] is not what it should be", at, i)
		}
	}
	return ""
}

// equalValues reports whether two values, of the same document or not,
// hold the same data: the same kinds and scalars, tables with the same keys
// (in any order) and arrays with the same elements in the same order. How
// the values are written (quotes, bases, table forms) does not count; the
// kind of each date-time and the offset of each offset date-time do.
func equalValues(a, b Value) bool {
	ka, kb := a.Kind(), b.Kind()
	if ka != kb {
		return false
	}
	switch ka {
	case KindTable:
		return equalTables(a.Table(), b.Table())
	case KindArray:
		aa, ba := a.Array(), b.Array()
		if aa.Len() != ba.Len() {
			return false
		}
		ca, cb := aa.cursor(), ba.cursor()
		for {
			va, ok := ca.next()
			if !ok {
				return true
			}
			vb, _ := cb.next()
			if !equalValues(va, vb) {
				return false
			}
		}
	case KindString:
		return a.Str() == b.Str()
	case KindInteger:
		return a.Int() == b.Int()
	case KindFloat:
		fa, fb := a.Float(), b.Float()
		return math.Float64bits(fa) == math.Float64bits(fb) || math.IsNaN(fa) && math.IsNaN(fb)
	case KindBool:
		return a.Bool() == b.Bool()
	case KindDateTime, KindLocalDateTime, KindLocalDate, KindLocalTime:
		return a.dateTime() == b.dateTime()
	}
	return ka == KindInvalid
}

// equalTables compares two tables' entries. Most often both list their
// keys in the same order, and are walked side by side; at the first key
// that differs, the rest is looked up by name.
func equalTables(a, b Table) bool {
	if a.Len() != b.Len() {
		return false
	}
	ca, cb := a.cursor(), b.cursor()
	for {
		na, va, ok := ca.nextNamed()
		if !ok {
			return true
		}
		nb, vb, _ := cb.nextNamed()
		if na != nb {
			break
		}
		if !equalValues(va, vb) {
			return false
		}
	}
	// The orders part: every key of b left is looked up in a (the lengths
	// are equal, and keys are unique, so that is all of a's too).
	cb = b.cursor()
	for nb, vb, ok := cb.nextNamed(); ok; nb, vb, ok = cb.nextNamed() {
		ea, found := a.Lookup(nb)
		if !found || !equalValues(ea.Value, vb) {
			return false
		}
	}
	return true
}
