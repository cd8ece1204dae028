package toml

import (
	"time"
	"unsafe"
)

// Putting a string or a number into an interface allocates a copy of it on
// the heap, one per value: for a lock file decoded into map[string]any,
// most of the allocations of the whole decode. boxes makes the same
// interface values with their data in a block shared by the decode.
//
// An interface value is two words: its dynamic type, and a pointer to its
// data (for types that are not pointer-shaped, which all types here are).
// That layout is the one the runtime and reflect rely on; the interface
// made here is in every way the one the compiler would make, except that
// its data sits in a block instead of in an allocation of its own. The
// data is never written again once boxed, as the runtime requires.
type boxes[T string | int64 | float64 | time.Time | LocalDateTime | LocalDate | LocalTime | []any] struct {
	block []T
	typ   unsafe.Pointer // the type word of T's interface values
	first int            // the length of the first block, if above 8
}

type eface struct {
	typ, data unsafe.Pointer
}

// box returns v as an interface value.
func (b *boxes[T]) box(v T) any {
	if len(b.block) == cap(b.block) {
		if b.typ == nil {
			var zero any = *new(T)
			b.typ = (*eface)(unsafe.Pointer(&zero)).typ
		}
		b.block = make([]T, 0, min(max(2*cap(b.block), b.first, 8), 1024))
	}
	b.block = append(b.block, v)
	e := eface{typ: b.typ, data: unsafe.Pointer(&b.block[len(b.block)-1])}
	return *(*any)(unsafe.Pointer(&e))
}
