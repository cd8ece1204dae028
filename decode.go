package toml

import (
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"
	"time"
	"unsafe"
)

// Unmarshal parses a TOML document and stores its values in the value that
// v points to. v must be a non-nil pointer, usually to a struct or a map.
//
// Unmarshal walks the document and fills the Go value by these rules. The
// Go type decides which rule applies (Unmarshaler and the named types
// before the rules for kinds of types); the TOML kind must fit it, or the
// value is an error.
//
//   - Pointers: a nil pointer is allocated, then the value is decoded into
//     what it points to. A non-nil pointer is reused.
//   - Unmarshaler: a type whose pointer implements Unmarshaler receives the
//     tree node itself, of any kind, and decodes it as it likes. It comes
//     before every other rule.
//   - Structs take tables. Each key goes to the exported field whose name
//     it matches: the name in the field's `toml:"name"` tag, or the Go field
//     name. An exact match is looked up first; if there is none, a
//     case-insensitive one (equal after strings.ToLower; the first declared
//     field wins) is used, as encoding/json does. A field tagged `toml:"-"`
//     is never set. The fields of embedded structs are promoted by Go's
//     rules: a shallower field hides a deeper one of the same name, a
//     tagged one wins over untagged ones at the same depth, and two at the
//     same depth that neither rule separates hide each other. Nil embedded
//     struct pointers are allocated. The tag options omitempty, omitzero,
//     inline and multiline are for the encoder; the decoder ignores them.
//   - Keys with no field are skipped; Decoder.Undecoded lists them, and
//     Decoder.DisallowUnknownFields makes them errors.
//   - Fields and map entries that the document does not mention keep the
//     values they had before. Slices and Go arrays are not merged: an
//     array in the document replaces all their elements.
//   - Maps take tables. The key type must be a string kind or implement
//     encoding.TextUnmarshaler. A nil map is made; a non-nil map is kept and
//     the document's entries are added to it, each one decoded into a new
//     zero element.
//   - Slices take arrays (static arrays and arrays of tables alike). The
//     slice is given the array's length, reusing its backing array when it
//     is large enough; its elements start from zero. A []byte also takes a
//     string, whose bytes it receives.
//   - Go arrays take TOML arrays of at most their length; elements past the
//     end of the TOML array are set to zero. A longer TOML array is an
//     error.
//   - Empty interfaces (any) get a new value built from the TOML kind:
//     map[string]any for a table, []any for an array, string, int64,
//     float64, bool, time.Time for an offset date-time, and LocalDateTime,
//     LocalDate or LocalTime for the local kinds. An interface that holds a
//     non-nil pointer is decoded into what it points to instead. Other
//     interface types are an error unless they hold such a pointer.
//   - Strings take strings only. A decoded string shares memory with the
//     document's text, which it keeps alive.
//   - Booleans take booleans only.
//   - Integers of every size, signed and unsigned, take integers that fit:
//     a value out of the type's range (or a negative one into an unsigned
//     type) is an error, never wrapped. Floats are not accepted.
//   - float64 and float32 take floats, and integers that the type holds
//     exactly. A finite float too large for a float32 is an error; inf and
//     nan are kept.
//   - time.Time takes an offset date-time, keeping its offset (Z gives
//     UTC). A local date-time, local date or local time is read as that
//     clock reading in time.Local: a local date gives midnight, a local time
//     gives that time on January 1 of year 0. It also takes a string in
//     RFC 3339 form, through its UnmarshalText.
//   - LocalDateTime, LocalDate and LocalTime take only their own kind, or a
//     string in the form TOML writes them. An offset date-time is not
//     accepted into LocalDateTime: dropping the offset would change the
//     instant it names silently; decode it into time.Time.
//   - time.Duration takes a string in the form time.ParseDuration reads,
//     such as "1m30s". An integer is an error: its unit would be a guess.
//   - encoding.TextUnmarshaler types take strings, and date-times in their
//     RFC 3339 form.
//   - A Value receives the tree's node itself, of any kind, to be read
//     later with its accessors or with DecodeValue: the handle keeps the
//     document alive. A *Value is given a new Value holding the node; a
//     Value it pointed to before is left as it was.
//   - Other types (channels, functions, complex numbers) are an error.
//
// A value that does not fit is reported as a *DecodeError naming its
// dotted key, line and column; decoding goes on with the rest of the
// document, and every problem found is reported, in document order. When
// there is more than one, the error is a DecodeErrors. A syntax error is a
// *ParseError, and nothing is decoded.
//
// Unmarshal reads TOML 1.0.0; a Decoder set with Version(V1_1) reads TOML
// 1.1.0.
func Unmarshal(data []byte, v any) error {
	// The tree is built over data itself rather than a copy: the caller
	// may change data once Unmarshal returns, so every string that leaves
	// the tree is copied (see own), and the tree takes a copy of data
	// before any of its nodes is handed out.
	// A small input is copied whole instead: one copy costs less than
	// copying its strings one by one.
	if len(data) < borrowFrom {
		_, err := decodeDocument(string(data), v, decodeOptions{})
		return err
	}
	src := unsafe.String(unsafe.SliceData(data), len(data))
	_, err := decodeDocument(src, v, decodeOptions{borrowed: true})
	return err
}

// borrowFrom is the input size from which Unmarshal reads the caller's
// bytes in place.
const borrowFrom = 64 << 10

// Unmarshaler is implemented by types that decode themselves from the tree.
// UnmarshalTOML receives the node for the type's key: a scalar, an array or
// a table, to be read with the Value's accessors. The Value may be kept: it
// keeps its document alive. An error it returns is reported as a
// *DecodeError at the node's position, wrapping it.
type Unmarshaler interface {
	UnmarshalTOML(Value) error
}

// A Decoder reads one TOML document from an input stream and decodes it.
// Its options guard against hostile input and make unknown keys errors.
type Decoder struct {
	r         io.Reader
	opts      decodeOptions
	maxInput  int64
	undecoded []UndecodedKey
}

// NewDecoder returns a decoder that reads from r. By default it reads all
// of r whatever its size, accepts any number of values, and skips keys
// that no Go value takes. Nesting is always limited to MaxDepth.
func NewDecoder(r io.Reader) *Decoder {
	return &Decoder{r: r}
}

// DisallowUnknownFields makes a key with no destination an error: a key
// that names no field of the struct it would go into. The error reports
// every such key in the document with its dotted key, line and column, and
// the closest field name when one is near.
func (d *Decoder) DisallowUnknownFields() { d.opts.strict = true }

// MaxInputSize limits the input to n bytes: Decode reads at most n+1 bytes
// and reports a longer input as a *ParseError at byte n, without parsing
// it. n <= 0 means no limit, the default.
func (d *Decoder) MaxInputSize(n int64) { d.maxInput = n }

// MaxValues limits the number of values the document may hold (every
// scalar, array and table counts, including tables made by headers and
// dotted keys). A document with more is a *ParseError at the first value
// past the limit. n <= 0 means no limit, the default.
func (d *Decoder) MaxValues(n int) { d.opts.maxValues = n }

// Version sets the version of TOML the document is read as: V1_0 by
// default, or V1_1. A construct of TOML 1.1 in a document read as 1.0 is
// a *ParseError that names it.
func (d *Decoder) Version(v Version) { d.opts.version = v }

// Decode reads the whole of its input as one TOML document and stores its
// values in v, by the rules of Unmarshal.
func (d *Decoder) Decode(v any) error {
	src, err := d.read()
	if err != nil {
		return err
	}
	opts := d.opts
	opts.track = true
	d.undecoded, err = decodeDocument(src, v, opts)
	return err
}

// Undecoded returns the keys of the last decoded document that no Go value
// took, in document order. A key whose value is a table is listed alone,
// not with the keys inside it. Keys inside a value given to an Unmarshaler
// count as decoded.
func (d *Decoder) Undecoded() []UndecodedKey { return d.undecoded }

// read returns the input as a string, within the size limit. A
// strings.Builder hands over what it read without copying it again.
func (d *Decoder) read() (string, error) {
	var b strings.Builder
	r := d.r
	if sized, ok := r.(interface{ Len() int }); ok {
		// bytes.Reader, strings.Reader, bytes.Buffer: read in one piece.
		n := int64(sized.Len())
		if d.maxInput > 0 {
			n = min(n, d.maxInput+1)
		}
		b.Grow(int(n))
	}
	if d.maxInput > 0 {
		r = io.LimitReader(r, d.maxInput+1)
	}
	if _, err := io.Copy(&b, r); err != nil {
		return "", fmt.Errorf("toml: reading input: %w", err)
	}
	src := b.String()
	if d.maxInput > 0 && int64(len(src)) > d.maxInput {
		p := positionOf(src, int(d.maxInput))
		return "", &ParseError{Offset: p.Offset, Line: p.Line, Column: p.Column,
			Message: fmt.Sprintf("input is larger than the limit of %d bytes", d.maxInput)}
	}
	return src, nil
}

type decodeOptions struct {
	strict    bool    // unknown keys are errors
	track     bool    // unknown keys are listed for Undecoded
	maxValues int     // passed to the parser; 0: no limit
	borrowed  bool    // the source belongs to the caller, who may change it later
	version   Version // the TOML the document is read as
}

// decodeDocument is the one path of Unmarshal and Decoder.Decode: parse,
// then walk the tree into v.
func decodeDocument(src string, v any, opts decodeOptions) ([]UndecodedKey, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return nil, fmt.Errorf("toml: cannot decode into %s: need a non-nil pointer", describeTarget(v))
	}
	if !opts.version.valid() {
		return nil, opts.version.unknown()
	}
	p := newParser(src, opts.maxValues, opts.version, true)
	d := newDecodeState(p.doc, opts)
	defer d.release()
	if generic(v) {
		p.sink = d
	}
	doc, err := p.parse()
	if err != nil {
		p.release()
		return nil, err
	}
	d.sizeBoxes(&doc.tree)
	d.decode(doc.Root(), rv.Elem())
	undecoded, err := d.finish()
	p.sink = nil
	if !d.handedOut {
		// Nothing outside holds a node of the tree: its memory can serve
		// the next document. The errors, which the caller keeps, let go
		// of the Document: they needed it only during the walk.
		for _, e := range d.errs {
			e.doc = nil
		}
		p.release()
	}
	return undecoded, err
}

// decodeStatePool keeps decodeStates between decodes, with the table of
// recent strings of ownBorrowed: a small document then allocates neither.
var decodeStatePool sync.Pool

func newDecodeState(doc *Document, opts decodeOptions) *decodeState {
	d, _ := decodeStatePool.Get().(*decodeState)
	if d == nil {
		d = new(decodeState)
	}
	d.doc, d.strict, d.track, d.borrowed = doc, opts.strict, opts.track || opts.strict, opts.borrowed
	// Strings and arrays are many in most documents; the other kinds are
	// few in most (a version number, a date), and their first block of 8
	// spares a small document a block of 32 for one number.
	d.strings.first, d.arrays.first = 32, 32
	return d
}

// sizeBoxes makes the first blocks of boxed strings and arrays as long as
// the tree has strings and arrays (within the blocks' bounds), so that a
// small document allocates one block of each, with no room left over: its
// garbage collection costs in proportion to the bytes it allocates. A
// stream of array elements has boxed some already, with the defaults.
func (d *decodeState) sizeBoxes(t *tree) {
	if cap(d.strings.block) == 0 {
		d.strings.first = int(max(t.nStrings, 8))
	}
	if cap(d.arrays.block) == 0 {
		d.arrays.first = int(max(t.nArrays, 8))
	}
}

// release returns d to the pool. It lets go of everything the decode made
// (the values are the caller's now), keeping only its own scratch space.
func (d *decodeState) release() {
	recent, keys, path := d.recent, d.keys, d.path
	if recent != nil {
		clear(recent[:])
	}
	if keys != nil {
		clear(keys[:])
	}
	clear(path[:cap(path)])
	*d = decodeState{recent: recent, keys: keys, path: path[:0]}
	decodeStatePool.Put(d)
}

func describeTarget(v any) string {
	if v == nil {
		return "nil"
	}
	return reflect.TypeOf(v).String()
}

// decodeState is one walk of a document into a Go value.
type decodeState struct {
	doc    *Document
	strict bool
	track  bool

	// path holds the keys and indexes from the root to the value being
	// decoded; it becomes a dotted key only when something is reported.
	path      []pathPart
	errs      []*DecodeError
	undecoded []UndecodedKey

	anys           []any // a block that short []any values are cut from
	strings        boxes[string]
	ints           boxes[int64]
	floats         boxes[float64]
	times          boxes[time.Time]
	localDateTimes boxes[LocalDateTime]
	localDates     boxes[LocalDate]
	localTimes     boxes[LocalTime]
	arrays         boxes[[]any]

	// handedOut is set once a node of the tree has been given to the
	// caller's code (an Unmarshaler, a Value or *Value field), which may
	// keep it: the tree must then stay as it is.
	handedOut bool

	// The hooks and fields of the struct type decoded last: an array of
	// tables decodes one type many times.
	lastStruct reflect.Type
	lastHooks  hookKind
	lastFields *structFields

	// borrowed says the tree's source is the caller's byte slice: strings
	// and key names are copied out of it into text.
	borrowed bool
	text     textBlocks

	// streamed holds the Go values of the first elements of the array of
	// tables at node streamArray, decoded while the document was parsed;
	// the tree no longer has their nodes. See closedElement.
	streamArray uint32
	streamed    []any
	// recent holds the last short string copied into text at each slot of
	// a cheap hash: the keys of a lock file's tables and many of its values
	// repeat, and are kept once.
	recent *[256]string
	// keys holds the last key owned at each key tag (see keyTag): the
	// keys of a lock file are a handful of names, told apart by their tags.
	keys *[256]string
}

// handOut is called before a node of the tree is given to the caller's
// code. A tree over borrowed bytes first takes a copy of them, which its
// strings then refer to.
func (d *decodeState) handOut() {
	if d.borrowed {
		d.doc.tree.src = strings.Clone(d.doc.tree.src)
		d.borrowed = false
	}
	d.handedOut = true
}

// own returns s, the text of a string or key read from the tree, in memory
// that does not belong to the caller's input.
func (d *decodeState) own(s string) string {
	if d.borrowed {
		return d.ownBorrowed(s)
	}
	return s
}

// ownKey is ownBorrowed for the name of a key whose tag is tag.
func (d *decodeState) ownKey(name string, tag uint8) string {
	if d.keys == nil {
		d.keys = new([256]string)
	}
	slot := &d.keys[tag]
	if old := *slot; len(old) == len(name) && sameText(old, name) {
		return old
	}
	s := d.ownBorrowed(name)
	*slot = s
	return s
}

// sameText reports whether a and b, of one length, are equal. Keys are
// most often 4 to 16 bytes long, which two overlapping words from each
// compare without the call of a string comparison; the loads are of
// bytes inside both strings, as their length was just checked.
func sameText(a, b string) bool {
	pa, pb := unsafe.Pointer(unsafe.StringData(a)), unsafe.Pointer(unsafe.StringData(b))
	switch n := uintptr(len(a)); {
	case n >= 8 && n <= 16:
		return *(*uint64)(pa) == *(*uint64)(pb) &&
			*(*uint64)(unsafe.Add(pa, n-8)) == *(*uint64)(unsafe.Add(pb, n-8))
	case n >= 4 && n < 8:
		return *(*uint32)(pa) == *(*uint32)(pb) &&
			*(*uint32)(unsafe.Add(pa, n-4)) == *(*uint32)(unsafe.Add(pb, n-4))
	}
	return a == b
}

// ownBorrowed is own for a tree over the caller's bytes. A string that is
// not a slice of them (one decoded from escapes) is the tree's own already;
// one that is, is copied into text, or is the copy made before if it was
// the last string of its hash. Most of the strings of a lock file repeat
// (its keys, dependency names, the registry's address), and a repeat then
// costs neither memory nor a copy.
func (d *decodeState) ownBorrowed(s string) string {
	if _, ok := inSource(d.doc.tree.src, s); !ok {
		return s
	}
	n := len(s)
	const shortest, longest = 4, 64 // below, a copy costs less than a lookup
	if n < shortest || n > longest {
		return saveText(&d.text, s)
	}
	if d.recent == nil {
		d.recent = new([256]string)
	}
	// The first and last four bytes (all of a string of up to eight)
	// pick the slot and, compared first, tell most other strings apart
	// without a call.
	head, tail := load4(s, 0), load4(s, n-4)
	slot := &d.recent[uint8((head^tail<<3^uint32(n))*0x9e3779b1>>24)]
	if old := *slot; len(old) == n && load4(old, 0) == head && load4(old, n-4) == tail && (n <= 8 || sameText(old, s)) {
		return old
	}
	if n <= 16 {
		*slot = d.text.saveShort(s)
	} else {
		*slot = saveText(&d.text, s)
	}
	return *slot
}

func (d *decodeState) pushKey(k string) { d.path = append(d.path, pathPart{key: k, index: -1}) }
func (d *decodeState) pushIndex(i int)  { d.path = append(d.path, pathPart{index: i}) }
func (d *decodeState) pop()             { d.path = d.path[:len(d.path)-1] }

// maxPointerHops is how many pointers decode follows to reach a value.
const maxPointerHops = 64

var (
	valueType        = reflect.TypeFor[Value]()
	valuePointerType = reflect.TypeFor[*Value]()
)

// decode stores v into rv, which is settable.
func (d *decodeState) decode(v Value, rv reflect.Value) {
	for hops := 0; rv.Kind() == reflect.Pointer; hops++ {
		if rv.Type() == valuePointerType {
			// A new Value, so that one the pointer shared is not changed.
			d.handOut()
			p := new(Value)
			*p = v
			rv.Set(reflect.ValueOf(p))
			return
		}
		if hops == maxPointerHops {
			// Only a pointer type that points to itself, directly or
			// not, or a pointer set to point to itself, goes this far.
			d.failf(v, rv.Type(), "cannot decode into %s: its pointers lead to pointers without end", rv.Type())
			return
		}
		if rv.IsNil() {
			rv.Set(reflect.New(rv.Type().Elem()))
		}
		rv = rv.Elem()
	}
	if rv.Type() == valueType {
		d.handOut()
		*(*Value)(rv.Addr().UnsafePointer()) = v
		return
	}
	if h := d.hooksOf(rv.Type()); h != hookNone {
		d.hook(v, rv, h)
		return
	}
	switch rv.Kind() {
	case reflect.String:
		if v.Kind() != KindString {
			d.mismatch(v, rv.Type())
			return
		}
		rv.SetString(d.own(v.Str()))
	case reflect.Bool:
		if v.Kind() != KindBool {
			d.mismatch(v, rv.Type())
			return
		}
		rv.SetBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.decodeInt(v, rv)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		d.decodeUint(v, rv)
	case reflect.Float32, reflect.Float64:
		d.decodeFloat(v, rv)
	case reflect.Interface:
		d.decodeInterface(v, rv)
	case reflect.Struct:
		d.decodeStruct(v, rv)
	case reflect.Map:
		d.decodeMap(v, rv)
	case reflect.Slice:
		d.decodeSlice(v, rv)
	case reflect.Array:
		d.decodeArray(v, rv)
	default:
		d.failf(v, rv.Type(), "cannot decode into %s: the type has no TOML form", rv.Type())
	}
}

// decodeInterface fills an interface: a non-nil pointer it holds is
// decoded into; an empty interface otherwise gets the generic Go form.
func (d *decodeState) decodeInterface(v Value, rv reflect.Value) {
	if e := rv.Elem(); e.Kind() == reflect.Pointer && !e.IsNil() {
		d.decode(v, e.Elem())
		return
	}
	if rv.NumMethod() != 0 {
		d.failf(v, rv.Type(), "cannot decode %s into %s: an interface with methods needs a pointer to a concrete value in it", describeValue(d.doc, v), rv.Type())
		return
	}
	rv.Set(reflect.ValueOf(d.genericValue(v)))
}
