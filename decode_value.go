package toml

import (
	"fmt"
	"reflect"
	"sync"
)

// inUnmarshaler maps each node being handed to an Unmarshaler to the walk
// that handed it over, so that DecodeValue, called from inside
// UnmarshalTOML, goes on with that walk: its line and column, its full
// keys and its options. Values are comparable: one node of one document
// is one key.
var inUnmarshaler sync.Map // Value -> *decodeState

// DecodeValue decodes one node of a tree into the value v points to, by
// the rules of Unmarshal. It is meant for an Unmarshaler that takes more
// than one form and decodes some of them the ordinary way, such as a
// dependency written either as a version string or as a table:
//
//	func (d *Dependency) UnmarshalTOML(v toml.Value) error {
//		if v.Kind() == toml.KindString {
//			d.Version = v.Str()
//			return nil
//		}
//		type plain Dependency // without the method, so as not to recurse
//		return toml.DecodeValue(v, (*plain)(d))
//	}
//
// Called on the node UnmarshalTOML was given, its errors have the line,
// column and full dotted key of the document being decoded, obey its
// DisallowUnknownFields, and its unknown keys join the decoder's
// Undecoded list; return them unchanged for them to be reported as such.
// On any other node, errors carry byte offsets only (Line is 0) and keys
// relative to the node.
func DecodeValue(node Value, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("toml: cannot decode into %s: need a non-nil pointer", describeTarget(v))
	}
	if node.Kind() == KindInvalid {
		return fmt.Errorf("toml: cannot decode an empty node: DecodeValue takes nodes of a parsed tree")
	}
	d := &decodeState{}
	outer, _ := inUnmarshaler.Load(node)
	if o, ok := outer.(*decodeState); ok {
		d.doc, d.strict, d.track = o.doc, o.strict, o.track
		d.path = append([]pathPart(nil), o.path...)
	}
	d.decode(node, rv.Elem())
	undecoded, err := d.finish()
	if o, ok := outer.(*decodeState); ok {
		o.undecoded = append(o.undecoded, undecoded...)
	}
	return err
}

// callUnmarshaler hands a node to an Unmarshaler. Errors that DecodeValue
// made for this walk are already complete and are taken as they are;
// any other error is wrapped with the node's position.
func (d *decodeState) callUnmarshaler(v Value, rv reflect.Value, u Unmarshaler) {
	d.handOut()
	// The node may be in the map already, when an Unmarshaler hands its
	// own node to DecodeValue for a type with another Unmarshaler: the
	// outer walk gets it back afterwards.
	outer, nested := inUnmarshaler.Swap(v, d)
	err := u.UnmarshalTOML(v)
	if nested {
		inUnmarshaler.Store(v, outer)
	} else {
		inUnmarshaler.Delete(v)
	}
	switch err := err.(type) {
	case nil:
	case *DecodeError:
		if d.doc != nil && err.doc == d.doc {
			d.errs = append(d.errs, err)
			return
		}
		d.wrap(v, rv.Type(), err)
	case DecodeErrors:
		if d.doc != nil && len(err) > 0 && err[0].doc == d.doc {
			d.errs = append(d.errs, err...)
			return
		}
		d.wrap(v, rv.Type(), err)
	default:
		d.wrap(v, rv.Type(), err)
	}
}
