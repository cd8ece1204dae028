package toml

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"sync"
)

// Marshaler is implemented by types that write themselves as TOML.
// MarshalTOML returns one TOML value in inline syntax: "text", 42,
// [1, 2], {a = 1}. The encoder parses it, so that malformed text is an
// error rather than a broken document, and writes the value it read.
type Marshaler interface {
	MarshalTOML() ([]byte, error)
}

// Marshal returns the TOML document for v, which must be a table: a struct,
// a map with string keys, a *Document, a Table or a Value of KindTable (or
// a pointer or interface holding one).
//
// Go values are written by these rules:
//
//   - Struct fields are keys in declaration order, named and filtered by
//     `toml` tags as Unmarshal reads them: `toml:"name,omitempty,omitzero"`,
//     `toml:"-"`; embedded structs are promoted as in encoding/json. Map
//     keys are of a string type or an encoding.TextMarshaler, and are
//     sorted, so the output does not depend on map order.
//   - A table's plain keys come first, then its sub-tables as [a.b] headers
//     and its arrays of tables (non-empty slices whose elements are all
//     structs or maps) as [[a.b]] headers. A table that holds only
//     sub-tables gets no header of its own, as people write it. The
//     `inline` tag option writes a table, or an array of tables, inline;
//     `multiline` writes an array one element per line and a string as a
//     """ multi-line string.
//   - Nil pointers, interfaces, maps and slices are left out of tables,
//     since TOML has no null. Inside an array a nil pointer or interface is
//     an error, and a nil map or slice is written empty. An empty slice is
//     written as [], an empty map or struct as an empty table.
//   - Slices and arrays are TOML arrays; a []byte too, of integers.
//   - Integers must fit in an int64. Floats read back to the same bits:
//     nan, inf, -inf and -0.0 included. Strings must be UTF-8; control
//     characters are escaped, everything else is written as it is.
//   - time.Time is an offset date-time with its nanoseconds and its zone's
//     offset (Z for UTC); LocalDateTime, LocalDate and LocalTime are the
//     local kinds; time.Duration is a string such as "1m30s".
//   - A Marshaler writes its own value, inline; an encoding.TextMarshaler
//     is written as a string. Both are looked for on pointer receivers too.
//   - A *Document, Value, Table or Array (or a pointer to one) is written
//     as the tree holds it; the zero Table and Array are empty.
//
// Values TOML cannot hold (channels, functions, complex numbers, maps with
// other keys, nil inside an array, a value that contains itself) give
// an *EncodeError naming the path to the value.
//
// A *Document, a Table or a Value of KindTable is written losslessly:
// re-parsing the output gives the same kinds, values and key order. Tables
// keep their form (header, inline, dotted keys, array of tables) wherever
// TOML allows it in the tree's order. A whole Document's scalars keep the
// spelling of its source (0x1F, 'C:\path', """multi-line""", 1e3); those of
// a Value or a Table, even the root of a Document, are written in normal
// form, as String writes them. Comments and the layout of arrays and
// inline tables are not kept.
func Marshal(v any) ([]byte, error) {
	e := newEncodeState(encodeOptions{})
	defer e.release()
	if err := e.marshal(v); err != nil {
		return nil, err
	}
	return bytes.Clone(e.b), nil
}

// Encoder writes TOML documents to an output stream, with options for how
// tables and arrays are laid out.
type Encoder struct {
	w    io.Writer
	opts encodeOptions
}

type encodeOptions struct {
	indent          string // per level of table nesting
	tablesInline    bool   // all tables below the root as inline tables
	arraysMultiline bool   // every array that is a key's value one element per line
}

// NewEncoder returns an encoder that writes to w.
func NewEncoder(w io.Writer) *Encoder { return &Encoder{w: w} }

// SetIndent indents each table nested below another by indent per level,
// its header and its keys alike, and the elements of multi-line arrays by
// one indent more than their key. The default is no indentation (and two
// spaces for multi-line arrays).
func (enc *Encoder) SetIndent(indent string) { enc.opts.indent = indent }

// SetTablesInline writes every table below the root as an inline table,
// and every array of tables as an array of inline tables, when inline is
// true. A Document keeps the forms its tree records.
func (enc *Encoder) SetTablesInline(inline bool) { enc.opts.tablesInline = inline }

// SetArraysMultiline writes every array that is a key's value with one
// element per line when multiline is true. Arrays nested in arrays, and
// the arrays of a Document or Value tree, stay on one line.
func (enc *Encoder) SetArraysMultiline(multiline bool) { enc.opts.arraysMultiline = multiline }

// Encode writes the TOML document for v, as Marshal describes. Nothing is
// written if v cannot be encoded.
func (enc *Encoder) Encode(v any) error {
	e := newEncodeState(enc.opts)
	defer e.release()
	if err := e.marshal(v); err != nil {
		return err
	}
	_, err := enc.w.Write(e.b)
	return err
}

// EncodeError says which value could not be encoded, and why.
type EncodeError struct {
	// Path is the value's place in the document, as TOML names it, with
	// array indexes in brackets: servers.alpha.ports[2]. It is empty for
	// the top-level value.
	Path    string
	Message string
	Err     error // the error of a MarshalTOML or MarshalText method, if any
}

func (e *EncodeError) Error() string {
	msg := e.Message
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	if e.Path == "" {
		return "toml: cannot encode the top-level value: " + msg
	}
	return "toml: cannot encode " + e.Path + ": " + msg
}

// Unwrap returns the error of the method that failed, if any.
func (e *EncodeError) Unwrap() error { return e.Err }

// encodeState writes one document into one growing buffer.
type encodeState struct {
	b    []byte
	opts encodeOptions

	keys  []string   // the header path of the table being written
	path  []pathPart // the path to the value being written, for errors
	stack []tableEntry
	depth int
	// active holds the tables and arrays being written, outermost first,
	// while depth is at most cycleCheckDepth; past it, seen holds them
	// (see enter).
	active   []activeValue
	tracking bool
	seen     map[identity]struct{}
	// stackUsed and activeUsed are the longest stack and active have
	// been, for release to clear.
	stackUsed, activeUsed int
	// stringKey holds the key of a map entry being read, for maps whose
	// keys are of type string.
	stringKey reflect.Value
	// lastPlan is the plan of the struct type written last.
	lastPlanType reflect.Type
	lastPlan     *structPlan
	// spelled says that the tree being written is a whole Document,
	// whose scalars keep the spelling of its source.
	spelled bool
}

// encodeStates keeps the buffers of finished encodings: a document is
// written into one growing buffer, and growing a new one for every call
// would allocate several times the document's size.
var encodeStates = sync.Pool{New: func() any { return new(encodeState) }}

// maxPooledBuffer bounds the buffer kept for reuse, so that one huge
// document does not pin its memory.
const maxPooledBuffer = 4 << 20

func newEncodeState(opts encodeOptions) *encodeState {
	e := encodeStates.Get().(*encodeState)
	e.opts = opts
	return e
}

// release returns e to the pool, emptied.
func (e *encodeState) release() {
	if cap(e.b) > maxPooledBuffer {
		return
	}
	// Clear what refers to the caller's values, so that the pool does not
	// keep them alive.
	e.b = e.b[:0]
	clear(e.keys)
	e.keys = e.keys[:0]
	clear(e.path)
	e.path = e.path[:0]
	clear(e.stack[:max(e.stackUsed, len(e.stack))])
	e.stack = e.stack[:0]
	e.stackUsed = 0
	clear(e.seen)
	clear(e.active[:e.activeUsed])
	e.active = e.active[:0]
	e.activeUsed = 0
	e.tracking = false
	if e.stringKey.IsValid() {
		e.stringKey.SetString("")
	}
	e.depth = 0
	e.spelled = false
	encodeStates.Put(e)
}

func (e *encodeState) errorf(err error, format string, args ...any) *EncodeError {
	return &EncodeError{Path: e.pathString(), Message: fmt.Sprintf(format, args...), Err: err}
}

func (e *encodeState) pathString() string { return formatPath(e.path) }

func (e *encodeState) pushKey(k string) { e.path = append(e.path, pathPart{key: k, index: -1}) }
func (e *encodeState) pushIndex(i int)  { e.path = append(e.path, pathPart{index: i}) }
func (e *encodeState) pop()             { e.path = e.path[:len(e.path)-1] }

// marshal writes the document for the top-level value.
func (e *encodeState) marshal(v any) error {
	switch v := v.(type) {
	case nil:
		return e.errorf(nil, "nil is not a table (a TOML document is a table)")
	case *Document:
		if v == nil {
			return e.errorf(nil, "nil *Document")
		}
		if v.isZero() {
			return e.errorf(nil, "a Document with no root (the zero Document)")
		}
		e.spelled = true
		e.writeTreeRoot(v.Table())
		return nil
	case Document:
		return e.marshal(&v)
	case *Value:
		if v == nil {
			return e.errorf(nil, "nil *Value")
		}
		return e.marshalTreeValue(*v)
	case Value:
		return e.marshalTreeValue(v)
	case Table:
		e.writeTreeRoot(v) // the zero Table has no entries: an empty document
		return nil
	case Array:
		return e.marshalTreeValue(v.Value())
	}
	rv, err := e.resolve(reflect.ValueOf(v))
	if err != nil {
		return err
	}
	if !rv.IsValid() {
		return e.errorf(nil, "nil %s is not a table (a TOML document is a table)", reflect.TypeOf(v))
	}
	switch spec, recv := specialOf(rv); spec {
	case notSpecial:
	case specMarshaler:
		tv, err := e.callMarshalTOML(recv)
		if err != nil {
			return err
		}
		return e.marshalTreeValue(tv)
	case specValue, specTable, specDocument:
		return e.marshal(recv.Interface())
	default:
		return e.errorf(nil, "%s is not a table (a TOML document is a table)", rv.Type())
	}
	switch rv.Kind() {
	case reflect.Struct, reflect.Map:
		return e.writeTableBody(rv, headerNone)
	}
	return e.errorf(nil, "%s is not a table (a TOML document is a table)", rv.Type())
}

func (e *encodeState) marshalTreeValue(v Value) error {
	if v.Kind() != KindTable {
		return e.errorf(nil, "a %s value is not a table (a TOML document is a table)", v.Kind())
	}
	e.writeTreeRoot(v.Table())
	return nil
}

// Layout helpers, shared by the writers of Go values and of trees.

// level is the indentation level of the current table: a top-level table
// and its keys are not indented, [a.b] is one level in.
func (e *encodeState) level() int { return max(len(e.keys)-1, 0) }

func (e *encodeState) writeIndent(level int) {
	for range level {
		e.b = append(e.b, e.opts.indent...)
	}
}

// writeHeader writes [a.b] or, for an element of an array of tables,
// [[a.b]], after a blank line that sets it apart from what came before.
func (e *encodeState) writeHeader(arrayElement bool) {
	if len(e.b) > 0 {
		e.b = append(e.b, '\n')
	}
	e.writeIndent(e.level())
	e.b = append(e.b, '[')
	if arrayElement {
		e.b = append(e.b, '[')
	}
	for i, k := range e.keys {
		if i > 0 {
			e.b = append(e.b, '.')
		}
		e.b = appendKey(e.b, k, 0)
	}
	e.b = append(e.b, ']')
	if arrayElement {
		e.b = append(e.b, ']')
	}
	e.b = append(e.b, '\n')
}

// arrayIndent is the indentation of a multi-line array's elements, one
// step in from their key.
func (e *encodeState) arrayIndent() string {
	if e.opts.indent != "" {
		return e.opts.indent
	}
	return "  "
}

// isZero reports whether d is the zero Document, which no parse made: it
// has no nodes, not even a root.
func (d *Document) isZero() bool { return d.tree.nodes.n == 0 }
