package toml

import (
	"encoding"
	"reflect"
	"sync"
	"time"
)

// hookKind says how a type decodes when not by its reflect.Kind: through a
// method of its own, or as one of the time types.
type hookKind uint8

const (
	hookNone        hookKind = iota
	hookUnmarshaler          // *T implements Unmarshaler
	hookTime                 // time.Time
	hookDuration             // time.Duration
	hookLocalDateTime
	hookLocalDate
	hookLocalTime
	hookText // *T implements encoding.TextUnmarshaler
)

var (
	unmarshalerType   = reflect.TypeFor[Unmarshaler]()
	timeType          = reflect.TypeFor[time.Time]()
	durationType      = reflect.TypeFor[time.Duration]()
	localDateTimeType = reflect.TypeFor[LocalDateTime]()
	localDateType     = reflect.TypeFor[LocalDate]()
	localTimeType     = reflect.TypeFor[LocalTime]()
)

var hookCache sync.Map // reflect.Type -> hookKind

// hooksOf returns how t decodes. Predeclared and unnamed types other than
// structs have no methods, so the common string, int and slice targets
// never reach the cache.
func (d *decodeState) hooksOf(t reflect.Type) hookKind {
	if t == d.lastStruct {
		return d.lastHooks
	}
	h := hooksOf(t)
	if t.Kind() == reflect.Struct {
		d.lastStruct, d.lastHooks, d.lastFields = t, h, nil
	}
	return h
}

// fieldsOf is cachedFields, remembering the struct type decoded last.
func (d *decodeState) fieldsOf(t reflect.Type) *structFields {
	if t == d.lastStruct && d.lastFields != nil {
		return d.lastFields
	}
	f := cachedFields(t)
	if t == d.lastStruct {
		d.lastFields = f
	}
	return f
}

func hooksOf(t reflect.Type) hookKind {
	if t.PkgPath() == "" && t.Kind() != reflect.Struct || t.Kind() == reflect.Interface {
		return hookNone
	}
	if h, ok := hookCache.Load(t); ok {
		return h.(hookKind)
	}
	h := hookNone
	pt := reflect.PointerTo(t)
	switch {
	case pt.Implements(unmarshalerType):
		h = hookUnmarshaler
	case t == timeType:
		h = hookTime
	case t == durationType:
		h = hookDuration
	case t == localDateTimeType:
		h = hookLocalDateTime
	case t == localDateType:
		h = hookLocalDate
	case t == localTimeType:
		h = hookLocalTime
	case pt.Implements(textUnmarshalerType):
		h = hookText
	}
	hookCache.Store(t, h)
	return h
}

// hook decodes v into rv, which is addressable, by the rule of its hook.
func (d *decodeState) hook(v Value, rv reflect.Value, h hookKind) {
	ptr := rv.Addr().Interface()
	k := v.Kind()
	switch h {
	case hookUnmarshaler:
		d.callUnmarshaler(v, rv, ptr.(Unmarshaler))
		return
	case hookDuration:
		if k != KindString {
			d.failf(v, rv.Type(), "cannot decode %s into time.Duration: write a duration as a string such as \"1m30s\"", describeValue(d.doc, v))
			return
		}
		dur, err := time.ParseDuration(v.Str())
		if err != nil {
			d.wrap(v, rv.Type(), err)
			return
		}
		*ptr.(*time.Duration) = dur
		return
	}
	if k == KindString {
		if err := ptr.(encoding.TextUnmarshaler).UnmarshalText([]byte(v.Str())); err != nil {
			d.wrap(v, rv.Type(), err)
		}
		return
	}
	switch {
	case h == hookTime && isDateTimeKind(k):
		*ptr.(*time.Time) = v.Time()
	case h == hookLocalDateTime && k == KindLocalDateTime:
		*ptr.(*LocalDateTime) = v.LocalDateTime()
	case h == hookLocalDate && k == KindLocalDate:
		*ptr.(*LocalDate) = v.LocalDate()
	case h == hookLocalTime && k == KindLocalTime:
		*ptr.(*LocalTime) = v.LocalTime()
	case h == hookText && isDateTimeKind(k):
		if err := ptr.(encoding.TextUnmarshaler).UnmarshalText(dateTimeText(v)); err != nil {
			d.wrap(v, rv.Type(), err)
		}
	case h == hookLocalDateTime && k == KindDateTime:
		d.failf(v, rv.Type(), "cannot decode offset date-time %s into %s: it would lose its offset; decode it into time.Time", d.sourceText(v), rv.Type())
	default:
		d.mismatch(v, rv.Type())
	}
}

func isDateTimeKind(k Kind) bool {
	return k == KindDateTime || k == KindLocalDateTime || k == KindLocalDate || k == KindLocalTime
}

// dateTimeText writes a date-time in RFC 3339 form, whatever separator
// and precision the document used.
func dateTimeText(v Value) []byte {
	switch v.Kind() {
	case KindDateTime:
		return v.Time().AppendFormat(nil, time.RFC3339Nano)
	case KindLocalDateTime:
		return []byte(v.LocalDateTime().String())
	case KindLocalDate:
		return v.LocalDate().appendTo(nil)
	}
	return v.LocalTime().appendTo(nil)
}
