package toml

import (
	"encoding"
	"reflect"
)

var (
	mapStringAnyType = reflect.TypeFor[map[string]any]()
	sliceAnyType     = reflect.TypeFor[[]any]()
)

// decodeStruct stores a table's entries into the fields their keys name.
func (d *decodeState) decodeStruct(v Value, rv reflect.Value) {
	if v.Kind() != KindTable {
		d.mismatch(v, rv.Type())
		return
	}
	fields := d.fieldsOf(rv.Type())
	c := v.Table().cursor()
	for name, value, ok := c.nextNamed(); ok; name, value, ok = c.nextNamed() {
		d.pushKey(name)
		f := fields.lookup(name)
		if f != nil {
			fv, ok := d.fieldOf(value, rv, f)
			switch {
			case !ok:
			case fv.CanSet():
				d.decode(value, fv)
			default:
				// An unexported embedded value that is not promoted
				// (time.Time, a TextUnmarshaler): reflection cannot
				// set it, so it takes no key, as the encoder writes none.
				f = nil
			}
		}
		if f == nil && d.track {
			e := c.last()
			d.unknownKey(&e, rv.Type(), fields)
		}
		d.pop()
	}
}

// fieldOf returns the field f of struct rv, allocating the nil pointers to
// embedded structs on the way.
func (d *decodeState) fieldOf(v Value, rv reflect.Value, f *field) (reflect.Value, bool) {
	if len(f.index) == 1 {
		return rv.Field(f.index[0]), true
	}
	for i, x := range f.index {
		if i > 0 && rv.Kind() == reflect.Pointer {
			if rv.IsNil() {
				if !rv.CanSet() {
					d.failf(v, rv.Type().Elem(), "cannot set field %s: it is promoted through a nil pointer to unexported struct %s", f.name, rv.Type().Elem())
					return reflect.Value{}, false
				}
				rv.Set(reflect.New(rv.Type().Elem()))
			}
			rv = rv.Elem()
		}
		rv = rv.Field(x)
	}
	return rv, true
}

// decodeMap adds a table's entries to a map, each decoded into a new zero
// element.
func (d *decodeState) decodeMap(v Value, rv reflect.Value) {
	t := rv.Type()
	if v.Kind() != KindTable {
		d.mismatch(v, t)
		return
	}
	if t == mapStringAnyType {
		m, _ := rv.Interface().(map[string]any)
		rv.Set(reflect.ValueOf(d.genericTable(v.Table(), m)))
		return
	}
	kt := t.Key()
	textKey := reflect.PointerTo(kt).Implements(textUnmarshalerType)
	if kt.Kind() != reflect.String && !textKey {
		d.failf(v, t, "cannot decode table into %s: map keys must be strings or implement encoding.TextUnmarshaler", t)
		return
	}
	if rv.IsNil() {
		rv.Set(reflect.MakeMapWithSize(t, v.Table().Len()))
	}
	key := reflect.New(kt).Elem()
	elem := reflect.New(t.Elem()).Elem()
	c := v.Table().cursor()
	for e, ok := c.next(); ok; e, ok = c.next() {
		d.pushKey(e.Key.Name)
		if textKey {
			key.SetZero()
			if err := key.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(e.Key.Name)); err != nil {
				d.wrapAt(e.Key.Span.Start, e.Value.Kind(), kt, err)
				d.pop()
				continue
			}
		} else {
			key.SetString(d.own(e.Key.Name))
		}
		elem.SetZero()
		errs := len(d.errs)
		d.decode(e.Value, elem)
		if len(d.errs) == errs {
			rv.SetMapIndex(key, elem)
		}
		d.pop()
	}
}

// decodeSlice makes a slice the length of an array and decodes each
// element into it.
func (d *decodeState) decodeSlice(v Value, rv reflect.Value) {
	t := rv.Type()
	k := v.Kind()
	if k == KindString && t.Elem().Kind() == reflect.Uint8 {
		rv.SetBytes(append([]byte(nil), v.Str()...))
		return
	}
	if k != KindArray {
		d.mismatch(v, t)
		return
	}
	if t == sliceAnyType {
		rv.Set(reflect.ValueOf(d.genericArray(v.Array())))
		return
	}
	a := v.Array()
	n := a.Len()
	if rv.Cap() >= n && !rv.IsNil() {
		rv.SetLen(n)
		for i := range n {
			rv.Index(i).SetZero()
		}
	} else {
		rv.Set(reflect.MakeSlice(t, n, n))
	}
	d.decodeElems(a, rv)
}

// decodeElems decodes each element of a into the element of rv (a slice or
// a Go array) of the same index; rv has room for them all.
func (d *decodeState) decodeElems(a Array, rv reflect.Value) {
	c := a.cursor()
	for i := 0; ; i++ {
		e, ok := c.next()
		if !ok {
			return
		}
		d.pushIndex(i)
		d.decode(e, rv.Index(i))
		d.pop()
	}
}

// decodeArray fills a Go array from a TOML array no longer than it,
// zeroing the elements past the TOML array's end.
func (d *decodeState) decodeArray(v Value, rv reflect.Value) {
	if v.Kind() != KindArray {
		d.mismatch(v, rv.Type())
		return
	}
	a := v.Array()
	n := a.Len()
	if n > rv.Len() {
		d.failf(v, rv.Type(), "cannot decode an array of %d elements into %s", n, rv.Type())
		return
	}
	d.decodeElems(a, rv)
	for i := n; i < rv.Len(); i++ {
		rv.Index(i).SetZero()
	}
}
