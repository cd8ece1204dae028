package toml

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file writes Go values: structs and maps as tables, slices and arrays
// as arrays or arrays of tables, and scalars.

// maxIndirections bounds a chain of pointers and interfaces: only one
// that leads back to itself (var p any; p = &p) is longer.
const maxIndirections = 1000

// resolve follows pointers and interfaces to the value they hold. A nil one
// gives the invalid Value, which callers leave out or report.
func (e *encodeState) resolve(v reflect.Value) (reflect.Value, error) {
	return e.resolveFrom(v, 0)
}

// resolveFrom is resolve for a value found n pointers and interfaces in.
func (e *encodeState) resolveFrom(v reflect.Value, n int) (reflect.Value, error) {
	for ; v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface); n++ {
		if v.IsNil() {
			return reflect.Value{}, nil
		}
		if n == maxIndirections {
			return reflect.Value{}, e.errorf(nil, "more than %d pointers and interfaces in a row (a pointer to itself?)", maxIndirections)
		}
		v = v.Elem()
	}
	return v, nil
}

// entryClass says where an entry of a table goes.
type entryClass uint8

const (
	classKeyValue      entryClass = iota // key = value, in the table's block
	classTable                           // a [header] section after the block
	classArrayOfTables                   // [[header]] sections after the block
	classTreeSection                     // a table or array of tables from a Value tree
)

// tableEntry is one key of a struct or map being written, with its value
// resolved and the options of its struct field.
type tableEntry struct {
	key       string
	bare      bool // key is a bare key
	val       reflect.Value
	spec      typeSpecial // of val's type
	class     entryClass
	inline    bool
	multiline bool
}

// headerMode says what the caller of writeTableBody has written.
type headerMode uint8

const (
	headerNone    headerMode = iota // the root: no header
	headerPending                   // a [table]: its header is written before its first key
	headerWritten                   // an [[array]] element: its header is out
)

// identity names a table or array being written, to catch a value that
// contains itself.
type identity struct {
	ptr uintptr
	len int
	typ reflect.Type
}

// cycleCheckDepth is how deeply values nest before enter looks for
// cycles. A value that contains itself nests without end, so it is caught
// once it passes this depth; shallower documents, which are nearly all,
// never pay for the bookkeeping, as in encoding/json.
const cycleCheckDepth = 100

// activeValue is a table or array being written, with the length of the
// path to it.
type activeValue struct {
	v       reflect.Value
	pathLen int
}

// enter records that v is being written, and fails if it already is (the
// value is cyclic) or if values nest too deeply to be read back.
func (e *encodeState) enter(v reflect.Value) error {
	e.depth++
	// The parser counts the levels below the root; e.depth counts the root.
	if e.depth-1 > MaxDepth {
		return e.errorf(nil, "values nest deeper than %d tables and arrays", MaxDepth)
	}
	if !e.tracking {
		if e.depth <= cycleCheckDepth {
			e.active = append(e.active, activeValue{v, len(e.path)})
			e.activeUsed = max(e.activeUsed, len(e.active))
			return nil
		}
		if err := e.startTracking(); err != nil {
			return err
		}
	}
	id, ok := identityOf(v)
	if !ok {
		return nil
	}
	if _, cyclic := e.seen[id]; cyclic {
		return e.errorf(nil, "the %s contains itself (a cycle of pointers, maps or slices)", v.Type())
	}
	e.seen[id] = struct{}{}
	return nil
}

// startTracking moves the values being written into e.seen, reporting the
// first that was already being written when it was entered: the error
// that checking each value as it was entered would have given.
func (e *encodeState) startTracking() error {
	if e.seen == nil {
		e.seen = make(map[identity]struct{})
	}
	for _, a := range e.active {
		id, ok := identityOf(a.v)
		if !ok {
			continue
		}
		if _, cyclic := e.seen[id]; cyclic {
			return &EncodeError{
				Path:    formatPath(e.path[:a.pathLen]),
				Message: fmt.Sprintf("the %s contains itself (a cycle of pointers, maps or slices)", a.v.Type()),
			}
		}
		e.seen[id] = struct{}{}
	}
	clear(e.active)
	e.active = e.active[:0]
	e.tracking = true
	return nil
}

func (e *encodeState) leave(v reflect.Value) {
	e.depth--
	if !e.tracking {
		// Not cleared: release does that, and a store of pointers here
		// would cost a write barrier while the collector runs.
		e.active = e.active[:len(e.active)-1]
		return
	}
	if id, ok := identityOf(v); ok {
		delete(e.seen, id)
	}
}

// identityOf names the memory a struct, map or slice lives in; only values
// reached through a pointer, map or slice can lead back to themselves.
func identityOf(v reflect.Value) (identity, bool) {
	switch v.Kind() {
	case reflect.Struct:
		if v.CanAddr() {
			return identity{v.UnsafeAddr(), 0, v.Type()}, true
		}
	case reflect.Map:
		return identity{v.Pointer(), 0, v.Type()}, true
	case reflect.Slice:
		if v.Len() > 0 {
			return identity{v.Pointer(), v.Len(), v.Type()}, true
		}
	}
	return identity{}, false
}

// collect appends the entries of a struct or map to e.stack: struct fields
// in declaration order, map keys sorted. Nil values and fields that their
// tags omit are left out.
func (e *encodeState) collect(v reflect.Value, inline bool) error {
	if v.Kind() == reflect.Map {
		return e.collectMap(v, inline)
	}
	plan := e.structPlan(v.Type())
	for i := range plan.fields {
		f := &plan.fields[i]
		var fv reflect.Value
		if f.single >= 0 {
			fv = v.Field(f.single)
		} else {
			var err error
			if fv, err = v.FieldByIndexErr(f.index); err != nil {
				continue // a field of a nil embedded pointer
			}
		}
		if !fv.CanInterface() {
			// An unexported embedded struct that is a value of its own (a
			// TextMarshaler whose method two embeddings hide): reflect
			// cannot hand it to its methods, so it is left out, as its
			// fields would be by encoding/json.
			continue
		}
		if f.omitEmpty && isEmptyValue(fv) || f.omitZero && isZeroValue(fv) {
			continue
		}
		rv := fv
		if !f.direct {
			var err error
			if rv, err = e.resolve(fv); err != nil {
				e.pushKey(f.name)
				return e.errorf(nil, "%s", err.(*EncodeError).Message)
			}
			if !rv.IsValid() {
				continue
			}
		}
		if isNilCollection(rv) {
			continue
		}
		if !f.nameValid {
			return e.errorf(nil, "field %s has a key, %q, that is not valid UTF-8", v.Type().FieldByIndex(f.index).Name, f.name)
		}
		ent := tableEntry{key: f.name, bare: f.bare, val: rv, inline: f.inline || inline, multiline: f.multiline}
		if f.direct {
			ent.spec = f.spec
			ent.class = e.classifyStatic(rv, f, ent.inline)
		} else {
			ent.spec = specialOfType(rv.Type())
			ent.class = e.classify(rv, ent.spec, ent.inline)
		}
		e.stack = append(e.stack, ent)
	}
	return nil
}

func (e *encodeState) collectMap(v reflect.Value, inline bool) error {
	if v.Type() == encAnyMapType && v.CanInterface() {
		return e.collectAnyMap(v.Interface().(map[string]any), inline)
	}
	keyType := v.Type().Key()
	textKeys := keyType.Kind() != reflect.String
	if textKeys && !keyType.Implements(textMarshalerType) {
		return e.errorf(nil, "map key type %s is neither a string type nor an encoding.TextMarshaler (TOML keys are strings)", keyType)
	}
	// Keys, and values that are pointers or interfaces (map[string]*T),
	// are read into one variable each rather than copied out per entry:
	// what is kept is the text of the key and what the value points to.
	// Values of other types are copied into one slice per map rather than
	// one allocation each.
	var keyHolder reflect.Value
	if keyType == encStringType {
		if !e.stringKey.IsValid() {
			e.stringKey = reflect.New(encStringType).Elem()
		}
		keyHolder = e.stringKey // only this loop uses it
	} else {
		keyHolder = reflect.New(keyType).Elem()
	}
	elemType := v.Type().Elem()
	var valueHolder, values reflect.Value
	if k := elemType.Kind(); k == reflect.Interface || k == reflect.Pointer {
		valueHolder = reflect.New(elemType).Elem()
	} else if n := v.Len(); n > 1 {
		values = reflect.MakeSlice(reflect.SliceOf(elemType), n, n)
	}
	base := len(e.stack)
	iter := v.MapRange()
	for i := 0; iter.Next(); i++ {
		keyHolder.SetIterKey(iter)
		key := ""
		if textKeys {
			var err error
			if key, err = e.textKey(keyHolder); err != nil {
				return err
			}
		} else {
			key = keyHolder.String()
		}
		bare, valid := scanKey(key)
		if !valid {
			return e.errorf(nil, "map key %q is not valid UTF-8 (TOML documents are UTF-8)", key)
		}
		value := valueHolder
		switch {
		case value.IsValid():
			value.SetIterValue(iter)
		case values.IsValid():
			value = values.Index(i)
			value.SetIterValue(iter)
		default:
			value = iter.Value()
		}
		rv, err := e.resolve(value)
		if err != nil {
			e.pushKey(key)
			return e.errorf(nil, "%s", err.(*EncodeError).Message)
		}
		if !rv.IsValid() || isNilCollection(rv) {
			continue
		}
		e.stack = append(e.stack, tableEntry{key: key, bare: bare, val: rv, inline: inline})
	}
	added := e.stack[base:]
	e.sortEntries(added)
	for i := range added {
		if textKeys && i > 0 && added[i].key == added[i-1].key {
			return e.errorf(nil, "two map keys have the text %q (a TOML key is defined once)", added[i].key)
		}
		added[i].spec = specialOfType(added[i].val.Type())
		added[i].class = e.classify(added[i].val, added[i].spec, inline)
	}
	return nil
}

// collectAnyMap is collectMap for a map[string]any, the type decoders
// give untyped tables, ranged over without reflection.
func (e *encodeState) collectAnyMap(m map[string]any, inline bool) error {
	base := len(e.stack)
	for key, x := range m {
		bare, valid := scanKey(key)
		if !valid {
			return e.errorf(nil, "map key %q is not valid UTF-8 (TOML documents are UTF-8)", key)
		}
		if x == nil {
			continue
		}
		rv := reflect.ValueOf(x)
		if rv.Kind() == reflect.Pointer {
			var err error
			// The map's interface is the first indirection.
			if rv, err = e.resolveFrom(rv, 1); err != nil {
				e.pushKey(key)
				return e.errorf(nil, "%s", err.(*EncodeError).Message)
			}
			if !rv.IsValid() {
				continue
			}
		}
		if isNilCollection(rv) {
			continue
		}
		e.stack = append(e.stack, tableEntry{key: key, bare: bare, val: rv, inline: inline})
	}
	added := e.stack[base:]
	e.sortEntries(added)
	for i := range added {
		added[i].spec = specialOfType(added[i].val.Type())
		added[i].class = e.classify(added[i].val, added[i].spec, inline)
	}
	return nil
}

// popEntries drops the entries of e.stack from base on. They are cleared
// by release, up to the longest the stack has been: clearing here would
// cost a write barrier per pointer while the collector runs.
func (e *encodeState) popEntries(base int) {
	e.stackUsed = max(e.stackUsed, len(e.stack))
	e.stack = e.stack[:base]
}

// appendKey appends the entry's key, bare when it can be.
func (ent *tableEntry) appendKey(b []byte) []byte {
	if ent.bare {
		return append(b, ent.key...)
	}
	return appendKey(b, ent.key, 0)
}

// scanKey reports whether k can be written as a bare key, and whether it
// is UTF-8, in one pass for the keys that are both.
func scanKey(k string) (bare, valid bool) {
	i := 0
	for i < len(k) && isBareKeyChar(k[i]) {
		i++
	}
	if i == len(k) {
		return k != "", true
	}
	return false, utf8.ValidString(k[i:])
}

// sortEntries sorts the entries of a map by key. (Sorting indexes and
// moving each entry once, to spare write barriers, measured no faster.)
func (e *encodeState) sortEntries(s []tableEntry) {
	slices.SortFunc(s, func(a, b tableEntry) int { return strings.Compare(a.key, b.key) })
}

// textKey returns the text of a map key that is an encoding.TextMarshaler,
// as the decoder reads it back with UnmarshalText.
func (e *encodeState) textKey(k reflect.Value) (string, error) {
	if (k.Kind() == reflect.Pointer || k.Kind() == reflect.Interface) && k.IsNil() {
		return "", e.errorf(nil, "nil map key of type %s", k.Type())
	}
	text, err := k.Interface().(interface{ MarshalText() ([]byte, error) }).MarshalText()
	if err != nil {
		return "", e.errorf(err, "MarshalText of map key %v failed", k)
	}
	if !utf8.Valid(text) {
		return "", e.errorf(nil, "MarshalText of map key %v returned text that is not valid UTF-8", k)
	}
	return string(text), nil
}

// isNilCollection reports a nil map or slice, which, like a nil pointer,
// is left out of a table: TOML has no null.
func isNilCollection(v reflect.Value) bool {
	return (v.Kind() == reflect.Map || v.Kind() == reflect.Slice) && v.IsNil()
}

// classify says whether a resolved value is written as key = value, as a
// [table] or as an [[array of tables]].
func (e *encodeState) classify(v reflect.Value, s typeSpecial, inline bool) entryClass {
	if inline || e.opts.tablesInline {
		return classKeyValue
	}
	switch spec, recv := s.spec, s.receiver(v); spec {
	case notSpecial:
	case specValue, specTable:
		if treeIsSection(treeValueOf(v)) {
			return classTreeSection
		}
		return classKeyValue
	case specDocument:
		if recv.Interface().(*Document).isZero() {
			return classKeyValue // for writeSpecial to report
		}
		return classTreeSection
	default:
		return classKeyValue
	}
	switch v.Kind() {
	case reflect.Struct, reflect.Map:
		return classTable
	case reflect.Slice, reflect.Array:
		if e.isArrayOfTables(v) {
			return classArrayOfTables
		}
	}
	return classKeyValue
}

// isArrayOfTables reports whether a slice or array is non-empty and holds
// only structs and maps, so that it can be written as [[header]]s.
func (e *encodeState) isArrayOfTables(v reflect.Value) bool {
	if v.Len() == 0 {
		return false
	}
	for i := 0; i < v.Len(); i++ {
		ev, err := e.resolve(v.Index(i))
		if err != nil || !ev.IsValid() || specialOfType(ev.Type()).spec != notSpecial {
			return false
		}
		if k := ev.Kind(); k != reflect.Struct && k != reflect.Map || isNilCollection(ev) {
			return false
		}
	}
	return true
}

// writeTableBody writes a struct or map whose header path is e.keys: its
// key/value lines first, then its sub-tables and arrays of tables.
func (e *encodeState) writeTableBody(v reflect.Value, mode headerMode) error {
	if err := e.enter(v); err != nil {
		return err
	}
	defer e.leave(v)
	base := len(e.stack)
	defer e.popEntries(base)
	if err := e.collect(v, false); err != nil {
		return err
	}
	n := len(e.stack)

	sections := false
	for i := base; i < n; i++ {
		ent := e.stack[i]
		if ent.class != classKeyValue {
			sections = true
			continue
		}
		if mode == headerPending {
			e.writeHeader(false)
			mode = headerWritten
		}
		e.pushKey(ent.key)
		if err := e.writeKeyValue(ent); err != nil {
			return err
		}
		e.pop()
	}
	if mode == headerPending && !sections {
		e.writeHeader(false) // an empty table still exists
	}
	for i := base; i < n; i++ {
		ent := e.stack[i]
		if ent.class == classKeyValue {
			continue
		}
		e.pushKey(ent.key)
		e.keys = append(e.keys, ent.key)
		var err error
		switch ent.class {
		case classTable:
			err = e.writeTableBody(ent.val, headerPending)
		case classArrayOfTables:
			err = e.writeArrayOfTables(ent.val)
		case classTreeSection:
			e.writeTreeSection(treeValueOf(ent.val))
		}
		if err != nil {
			return err
		}
		e.keys = e.keys[:len(e.keys)-1]
		e.pop()
	}
	return nil
}

func (e *encodeState) writeArrayOfTables(v reflect.Value) error {
	if err := e.enter(v); err != nil {
		return err
	}
	defer e.leave(v)
	for i := 0; i < v.Len(); i++ {
		ev, _ := e.resolve(v.Index(i)) // isArrayOfTables checked every element
		e.pushIndex(i)
		e.writeHeader(true)
		if err := e.writeTableBody(ev, headerWritten); err != nil {
			return err
		}
		e.pop()
	}
	return nil
}

// writeKeyValue writes key = value on a line of its own.
func (e *encodeState) writeKeyValue(ent tableEntry) error {
	level := e.level()
	e.writeIndent(level)
	e.b = ent.appendKey(e.b)
	e.b = append(e.b, " = "...)
	lines := multiline{arrays: ent.multiline || e.opts.arraysMultiline, strings: ent.multiline}
	if err := e.writeResolved(ent.val, ent.spec, lines, level); err != nil {
		return err
	}
	e.b = append(e.b, '\n')
	return nil
}

// multiline says which values of a key are written over several lines.
type multiline struct {
	arrays  bool // one element per line
	strings bool // as """ multi-line strings
}

// writeValue writes a value in inline syntax, or over several lines where
// lines says so: an array's elements one step in from level.
func (e *encodeState) writeValue(v reflect.Value, lines multiline, level int) error {
	v, err := e.resolve(v)
	if err != nil {
		return err
	}
	if !v.IsValid() {
		return e.errorf(nil, "nil inside an array (TOML has no null)")
	}
	return e.writeResolved(v, specialOfType(v.Type()), lines, level)
}

// writeResolved is writeValue for a resolved value whose type has the
// rule s.
func (e *encodeState) writeResolved(v reflect.Value, s typeSpecial, lines multiline, level int) error {
	if s.spec != notSpecial {
		return e.writeSpecial(s.spec, s.receiver(v), lines.strings)
	}
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if lines.strings {
			if !utf8.ValidString(s) {
				return e.errorf(nil, "string %q is not valid UTF-8 (TOML documents are UTF-8)", s)
			}
			e.b = appendMultilineString(e.b, s)
		} else {
			b, ok := appendValidBasicString(e.b, s)
			if !ok {
				return e.errorf(nil, "string %q is not valid UTF-8 (TOML documents are UTF-8)", s)
			}
			e.b = b
		}
	case reflect.Bool:
		e.b = strconv.AppendBool(e.b, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.b = strconv.AppendInt(e.b, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := v.Uint()
		if u > math.MaxInt64 {
			return e.errorf(nil, "integer %d is larger than TOML's largest, %d", u, int64(math.MaxInt64))
		}
		e.b = strconv.AppendInt(e.b, int64(u), 10)
	case reflect.Float32:
		e.b = appendFloat(e.b, v.Float(), 32)
	case reflect.Float64:
		e.b = appendFloat(e.b, v.Float(), 64)
	case reflect.Slice, reflect.Array:
		return e.writeArray(v, lines.arrays, level)
	case reflect.Struct, reflect.Map:
		return e.writeInlineTable(v)
	default:
		return e.errorf(nil, "TOML has no value for a %s", v.Type())
	}
	return nil
}

func (e *encodeState) writeArray(v reflect.Value, oneElementPerLine bool, level int) error {
	if err := e.enter(v); err != nil {
		return err
	}
	defer e.leave(v)
	n := v.Len()
	if n == 0 {
		e.b = append(e.b, "[]"...)
		return nil
	}
	// Elements that are neither pointers nor interfaces are resolved
	// already, and all have the rule of their type.
	var elemSpec typeSpecial
	et := v.Type().Elem()
	direct := et.Kind() != reflect.Pointer && et.Kind() != reflect.Interface
	if direct {
		elemSpec = specialOfType(et)
	}
	e.b = append(e.b, '[')
	for i := 0; i < n; i++ {
		if oneElementPerLine {
			e.b = append(e.b, '\n')
			e.writeIndent(level)
			e.b = append(e.b, e.arrayIndent()...)
		} else if i > 0 {
			e.b = append(e.b, ", "...)
		}
		e.pushIndex(i)
		var err error
		if direct {
			err = e.writeResolved(v.Index(i), elemSpec, multiline{}, level+1)
		} else {
			err = e.writeValue(v.Index(i), multiline{}, level+1)
		}
		if err != nil {
			return err
		}
		e.pop()
		if oneElementPerLine {
			e.b = append(e.b, ',')
		}
	}
	if oneElementPerLine {
		e.b = append(e.b, '\n')
		e.writeIndent(level)
	}
	e.b = append(e.b, ']')
	return nil
}

// writeInlineTable writes a struct or map as {key = value, ...}.
func (e *encodeState) writeInlineTable(v reflect.Value) error {
	if err := e.enter(v); err != nil {
		return err
	}
	defer e.leave(v)
	base := len(e.stack)
	defer e.popEntries(base)
	if err := e.collect(v, true); err != nil {
		return err
	}
	n := len(e.stack)
	if n == base {
		e.b = append(e.b, "{}"...)
		return nil
	}
	e.b = append(e.b, '{')
	for i := base; i < n; i++ {
		ent := e.stack[i]
		if i > base {
			e.b = append(e.b, ", "...)
		}
		e.b = ent.appendKey(e.b)
		e.b = append(e.b, " = "...)
		e.pushKey(ent.key)
		// An inline table is one line: no multi-line arrays or strings.
		if err := e.writeResolved(ent.val, ent.spec, multiline{}, 0); err != nil {
			return err
		}
		e.pop()
	}
	e.b = append(e.b, '}')
	return nil
}

// isEmptyValue is what omitempty leaves out, as in encoding/json.
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64,
		reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// isZeroValue is what omitzero leaves out: the zero value, or one whose
// IsZero method says it is zero.
func isZeroValue(v reflect.Value) bool {
	if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
		if (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && v.IsNil() {
			return true
		}
		return z.IsZero()
	}
	if v.CanAddr() {
		if z, ok := v.Addr().Interface().(interface{ IsZero() bool }); ok {
			return z.IsZero()
		}
	}
	return v.IsZero()
}
