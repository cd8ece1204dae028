package toml

import (
	"fmt"
	"reflect"
	"sync"
	"time"
	"unicode/utf8"
)

// This file holds the types the encoder writes by rules of their own:
// Marshalers, TextMarshalers, the time types and document trees.

// special is a type the encoder writes by its own rule rather than by its
// reflect.Kind.
type special uint8

const (
	notSpecial special = iota
	specMarshaler
	specTime
	specLocalDate
	specLocalTime
	specLocalDateTime
	specDuration
	specValue    // Value or Array, written as the tree holds it
	specTable    // Table, written as the tree holds it
	specDocument // Document, its root table
	specText     // encoding.TextMarshaler, written as a string
)

// The types the encoder treats specially. (The decoder has its own list,
// in decode_hooks.go.)
var (
	encMarshalerType     = reflect.TypeFor[Marshaler]()
	encTimeType          = reflect.TypeFor[time.Time]()
	encDurationType      = reflect.TypeFor[time.Duration]()
	encLocalDateType     = reflect.TypeFor[LocalDate]()
	encLocalTimeType     = reflect.TypeFor[LocalTime]()
	encLocalDateTimeType = reflect.TypeFor[LocalDateTime]()
	encValueType         = reflect.TypeFor[Value]()
	encTableType         = reflect.TypeFor[Table]()
	encArrayType         = reflect.TypeFor[Array]()
	encDocumentType      = reflect.TypeFor[Document]()

	// Types common in untyped tables, known to have no rule of their own.
	encStringType   = reflect.TypeFor[string]()
	encInt64Type    = reflect.TypeFor[int64]()
	encIntType      = reflect.TypeFor[int]()
	encFloat64Type  = reflect.TypeFor[float64]()
	encBoolType     = reflect.TypeFor[bool]()
	encAnyMapType   = reflect.TypeFor[map[string]any]()
	encAnySliceType = reflect.TypeFor[[]any]()
)

// typeSpecial is what specialOf found for a type: the rule, and whether
// the methods it needs have pointer receivers.
type typeSpecial struct {
	spec      special
	onPointer bool
}

var specialCache sync.Map // reflect.Type -> typeSpecial

func specialOfType(t reflect.Type) typeSpecial {
	// t is never a pointer or an interface (resolve follows those), and
	// other predeclared and unnamed types, but for structs with embedded
	// fields, have no methods.
	switch t {
	case encStringType, encInt64Type, encIntType, encFloat64Type, encBoolType, encAnyMapType, encAnySliceType:
		return typeSpecial{}
	}
	if t.PkgPath() == "" && t.Kind() != reflect.Struct {
		return typeSpecial{}
	}
	if s, ok := specialCache.Load(t); ok {
		return s.(typeSpecial)
	}
	s := typeSpecial{}
	pt := reflect.PointerTo(t)
	switch {
	case t == encValueType, t == encArrayType:
		s.spec = specValue
	case t == encTableType:
		s.spec = specTable
	case t == encDocumentType:
		s = typeSpecial{specDocument, true}
	case t.Implements(encMarshalerType):
		s.spec = specMarshaler
	case t == encTimeType:
		s.spec = specTime
	case t == encLocalDateType:
		s.spec = specLocalDate
	case t == encLocalTimeType:
		s.spec = specLocalTime
	case t == encLocalDateTimeType:
		s.spec = specLocalDateTime
	case t == encDurationType:
		s.spec = specDuration
	case t.Implements(textMarshalerType):
		s.spec = specText
	case pt.Implements(encMarshalerType):
		s = typeSpecial{specMarshaler, true}
	case pt.Implements(textMarshalerType):
		s = typeSpecial{specText, true}
	}
	specialCache.Store(t, s)
	return s
}

// specialOf returns the rule for a resolved (non-pointer, non-interface)
// value and the value to call its methods on: its address when they have
// pointer receivers (a copy's, if v is not addressable).
func specialOf(v reflect.Value) (special, reflect.Value) {
	s := specialOfType(v.Type())
	return s.spec, s.receiver(v)
}

// receiver returns the value to call the methods of s on for v, a value of
// the type s was found for.
func (s typeSpecial) receiver(v reflect.Value) reflect.Value {
	if s.spec == notSpecial || !s.onPointer {
		return v
	}
	if !v.CanAddr() {
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		v = c
	}
	return v.Addr()
}

// writeSpecial writes a value of a type with its own rule.
func (e *encodeState) writeSpecial(spec special, v reflect.Value, multilineString bool) error {
	var err error
	switch spec {
	case specMarshaler:
		var tv Value
		if tv, err = e.callMarshalTOML(v); err == nil {
			e.b = appendInlineValue(e.b, tv, false)
		}
		return err
	case specTime:
		e.b, err = appendTime(e.b, v.Interface().(time.Time))
	case specLocalDate:
		d := v.Interface().(LocalDate)
		if err = checkDate(d); err == nil {
			e.b = d.appendTo(e.b)
		}
	case specLocalTime:
		t := v.Interface().(LocalTime)
		if err = checkClock(t); err == nil {
			e.b = t.appendTo(e.b)
		}
	case specLocalDateTime:
		dt := v.Interface().(LocalDateTime)
		if err = checkDate(dt.LocalDate); err == nil {
			if err = checkClock(dt.LocalTime); err == nil {
				e.b = appendLocalDateTime(e.b, dt)
			}
		}
	case specDuration:
		e.b = appendBasicString(e.b, time.Duration(v.Int()).String())
	case specValue:
		if a, ok := v.Interface().(Array); ok {
			if a.t == nil {
				e.b = append(e.b, "[]"...) // the zero Array has no elements
				return nil
			}
			e.b = appendInlineValue(e.b, a.Value(), false)
			return nil
		}
		tv := v.Interface().(Value)
		if tv.Kind() == KindInvalid {
			return e.errorf(nil, "a Value of no kind (the zero Value)")
		}
		e.b = appendInlineValue(e.b, tv, false)
	case specTable:
		// The zero Table has no entries.
		e.b = appendInlineTable(e.b, v.Interface().(Table), false)
	case specDocument:
		doc := v.Interface().(*Document)
		if doc.isZero() {
			return e.errorf(nil, "a Document with no root (the zero Document)")
		}
		e.b = appendInlineValue(e.b, doc.Root(), false)
	case specText:
		text, terr := v.Interface().(interface{ MarshalText() ([]byte, error) }).MarshalText()
		if terr != nil {
			return e.errorf(terr, "MarshalText of %s failed", v.Type())
		}
		if !utf8.Valid(text) {
			return e.errorf(nil, "MarshalText of %s returned text that is not valid UTF-8", v.Type())
		}
		if multilineString {
			e.b = appendMultilineString(e.b, string(text))
		} else {
			e.b = appendBasicString(e.b, string(text))
		}
	}
	if err != nil {
		return e.errorf(nil, "%s", err)
	}
	return nil
}

// callMarshalTOML runs a Marshaler and parses the value it wrote.
func (e *encodeState) callMarshalTOML(v reflect.Value) (Value, error) {
	text, err := v.Interface().(Marshaler).MarshalTOML()
	if err != nil {
		return Value{}, e.errorf(err, "MarshalTOML of %s failed", v.Type())
	}
	doc, err := parseString("v = "+string(text), 0)
	var first Entry
	if err == nil {
		c := doc.Table().cursor()
		first, _ = c.next()
		if doc.Table().Len() != 1 || first.Key.Name != "v" {
			err = fmt.Errorf("more than one value")
		}
	}
	if err != nil {
		return Value{}, e.errorf(err, "MarshalTOML of %s returned %q, which is not one TOML value", v.Type(), text)
	}
	return first.Value, nil
}

// treeValueOf returns the node that a resolved value of the specValue,
// specTable or specDocument kind holds: a Value itself, the node of a
// Table or an Array (the zero Value for the zero one), a Document's root.
func treeValueOf(v reflect.Value) Value {
	_, recv := specialOf(v)
	switch t := recv.Interface().(type) {
	case Value:
		return t
	case Table:
		return t.Value()
	case Array:
		return t.Value()
	case *Document:
		if !t.isZero() {
			return t.Root()
		}
	}
	return Value{}
}

func checkDate(d LocalDate) error {
	if d.Year < 0 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > daysIn(d.Month, d.Year) {
		return fmt.Errorf("invalid date: year %d, month %d, day %d", d.Year, d.Month, d.Day)
	}
	return nil
}

func checkClock(t LocalTime) error {
	if t.Hour < 0 || t.Hour > 23 || t.Minute < 0 || t.Minute > 59 || t.Second < 0 || t.Second > 59 ||
		t.Nanosecond < 0 || t.Nanosecond > 999999999 {
		return fmt.Errorf("invalid time: %d:%d:%d and %d nanoseconds", t.Hour, t.Minute, t.Second, t.Nanosecond)
	}
	return nil
}
