package toml

import (
	"math"
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

// Value is one node of a Document: a scalar, an array or a table.
// Values are read with the accessor of their Kind; an accessor of another
// kind returns the zero value rather than panicking.
type Value struct {
	// Span is the value's own source text: a scalar's literal (quotes
	// included), an array's brackets, an inline table's braces, a table
	// header's brackets. A table that no header or brace defines (made by a
	// dotted key or as the parent of a header) spans the key that made it.
	// An array of tables spans its first [[header]].
	Span Span

	kind Kind
	frac uint32         // date-times: nanoseconds
	bits uint64         // Integer, Float (IEEE bits), Bool, or a packed date, clock and offset
	str  string         // String
	ref  unsafe.Pointer // the *Table of a KindTable, the *Array of a KindArray
}

// tableValue and arrayValue make the Values of containers: one pointer
// field serves both kinds, which keeps every Value of a tree 8 bytes
// smaller.
func tableValue(span Span, t *Table) Value {
	return Value{Span: span, kind: KindTable, ref: unsafe.Pointer(t)}
}

func arrayValue(span Span, a *Array) Value {
	return Value{Span: span, kind: KindArray, ref: unsafe.Pointer(a)}
}

// Kind reports what v holds.
func (v *Value) Kind() Kind { return v.kind }

// Str returns a String value's decoded text.
func (v *Value) Str() string { return v.str }

// Int returns an Integer value.
func (v *Value) Int() int64 {
	if v.kind != KindInteger {
		return 0
	}
	return int64(v.bits)
}

// Float returns a Float value.
func (v *Value) Float() float64 {
	if v.kind != KindFloat {
		return 0
	}
	return math.Float64frombits(v.bits)
}

// Bool returns a Bool value.
func (v *Value) Bool() bool { return v.kind == KindBool && v.bits != 0 }

// Time returns a DateTime value as a time.Time whose location has the
// document's offset (UTC for Z). For the local kinds it returns the
// date and clock in time.Local, as Unmarshal does; use LocalDateTime,
// LocalDate or LocalTime to read them without a zone.
func (v *Value) Time() time.Time {
	switch v.kind {
	case KindDateTime:
		return unpackDateTime(v.bits, v.frac).toTime()
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
func (v *Value) LocalDateTime() LocalDateTime {
	if v.kind != KindLocalDateTime && v.kind != KindDateTime {
		return LocalDateTime{}
	}
	d := unpackDateTime(v.bits, v.frac)
	return LocalDateTime{d.date, d.clock}
}

// LocalDate returns the date of a LocalDate, LocalDateTime or DateTime value.
func (v *Value) LocalDate() LocalDate {
	if v.kind != KindLocalDate && v.kind != KindLocalDateTime && v.kind != KindDateTime {
		return LocalDate{}
	}
	return unpackDateTime(v.bits, v.frac).date
}

// LocalTime returns the clock of a LocalTime, LocalDateTime or DateTime value.
func (v *Value) LocalTime() LocalTime {
	if v.kind != KindLocalTime && v.kind != KindLocalDateTime && v.kind != KindDateTime {
		return LocalTime{}
	}
	return unpackDateTime(v.bits, v.frac).clock
}

// Offset returns a DateTime's offset from UTC in seconds (0 for Z).
func (v *Value) Offset() int {
	if v.kind != KindDateTime {
		return 0
	}
	return unpackDateTime(v.bits, v.frac).offsetMinutes * 60
}

// Array returns a KindArray value's array, or nil for other kinds.
func (v *Value) Array() *Array {
	if v.kind != KindArray {
		return nil
	}
	return (*Array)(v.ref)
}

// Table returns a KindTable value's table, or nil for other kinds.
func (v *Value) Table() *Table {
	if v.kind != KindTable {
		return nil
	}
	return (*Table)(v.ref)
}

// Array is a TOML array: a static array written with brackets (elements of
// any kinds, mixed), or an array of tables built from [[header]]s.
type Array struct {
	elems  []*Value
	tables bool  // made by [[header]]s
	room   int32 // the most entries an element has had, to size the next one
}

// Len returns the number of elements.
func (a *Array) Len() int { return len(a.elems) }

// Index returns element i.
func (a *Array) Index(i int) *Value { return a.elems[i] }

// Elems returns the elements in source order. The slice is the array's own:
// do not modify it.
func (a *Array) Elems() []*Value { return a.elems }

// OfTables reports whether the array was built from [[header]]s.
func (a *Array) OfTables() bool { return a.tables }

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
	Value *Value
}

// smallTable is the entry count up to which lookups scan; beyond it a map
// keeps them constant-time, so documents parse in linear time whatever the
// width of a table.
const smallTable = 32

// Table is a TOML table: entries in the order their keys first appear.
type Table struct {
	entries []Entry
	index   map[string]int32
	origin  TableOrigin
}

// Origin says how the table was made.
func (t *Table) Origin() TableOrigin { return t.origin }

// Len returns the number of entries.
func (t *Table) Len() int { return len(t.entries) }

// Entries returns the entries in source order. The slice is the table's own:
// do not modify it.
func (t *Table) Entries() []Entry { return t.entries }

// Get returns the value of key, or nil.
func (t *Table) Get(key string) *Value {
	if i := t.find(key); i >= 0 {
		return t.entries[i].Value
	}
	return nil
}

// Lookup returns the entry of key and whether it exists.
func (t *Table) Lookup(key string) (Entry, bool) {
	if i := t.find(key); i >= 0 {
		return t.entries[i], true
	}
	return Entry{}, false
}

func (t *Table) find(key string) int {
	if t.index != nil {
		if i, ok := t.index[key]; ok {
			return int(i)
		}
		return -1
	}
	for i := range t.entries {
		if t.entries[i].Key.Name == key {
			return i
		}
	}
	return -1
}

func (t *Table) add(k Key, v *Value) {
	t.entries = append(t.entries, Entry{k, v})
	n := len(t.entries)
	switch {
	case t.index != nil:
		t.index[k.Name] = int32(n - 1)
	case n > smallTable:
		t.index = make(map[string]int32, 2*n)
		for i := range t.entries {
			t.index[t.entries[i].Key.Name] = int32(i)
		}
	}
}

// Document is a parsed TOML document.
type Document struct {
	// Root is the top-level table; its Value spans the whole input.
	Root *Value

	src   string
	lines []int // offsets of line starts, built on first use
}

// Table returns the top-level table.
func (d *Document) Table() *Table { return d.Root.Table() }

// Source returns the parsed text.
func (d *Document) Source() string { return d.src }

// Text returns the source text of a span.
func (d *Document) Text(s Span) string {
	if s.Start < 0 || s.End > len(d.src) || s.Start > s.End {
		return ""
	}
	return d.src[s.Start:s.End]
}

// Position returns the line and column of a byte offset in the source.
func (d *Document) Position(offset int) Position {
	if d.lines == nil {
		d.lines = lineStarts(d.src)
	}
	return positionIn(d.src, d.lines, offset)
}
