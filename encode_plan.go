package toml

import (
	"reflect"
	"sync"
)

// This file holds what the encoder works out once per struct type rather
// than once per value: which fields are written, and what their declared
// types already say about how.

// structPlan is how the encoder writes the values of one struct type.
type structPlan struct {
	fields []fieldPlan
}

// fieldPlan is one field of cachedFields, with what the encoder knows of
// it before seeing a value.
type fieldPlan struct {
	field
	single    int  // the field's index when it is not promoted, else -1
	nameValid bool // the key is UTF-8
	bare      bool // the key is a bare key
	// direct says that the declared type is neither a pointer nor an
	// interface, so a field's value is resolved already and its rule is
	// spec. class is then the entry's class unless dynamic is set.
	direct  bool
	spec    typeSpecial
	class   entryClass
	dynamic bool // the class depends on the value: see classify
	// ofTables says that class is classArrayOfTables when the slice or
	// array is non-empty, and classKeyValue when it is empty.
	ofTables bool
}

var structPlans sync.Map // reflect.Type -> *structPlan

// structPlan returns the plan for struct type t, remembering the last one
// asked for: a document's structs are mostly of few types in a row.
func (e *encodeState) structPlan(t reflect.Type) *structPlan {
	if e.lastPlan != nil && e.lastPlanType == t {
		return e.lastPlan
	}
	var p *structPlan
	if c, ok := structPlans.Load(t); ok {
		p = c.(*structPlan)
	} else {
		c, _ := structPlans.LoadOrStore(t, newStructPlan(t))
		p = c.(*structPlan)
	}
	e.lastPlanType, e.lastPlan = t, p
	return p
}

func newStructPlan(t reflect.Type) *structPlan {
	list := cachedFields(t).list
	p := &structPlan{fields: make([]fieldPlan, len(list))}
	for i, f := range list {
		fp := fieldPlan{field: f, single: -1}
		fp.bare, fp.nameValid = scanKey(f.name)
		if len(f.index) == 1 {
			fp.single = f.index[0]
		}
		if k := f.typ.Kind(); k != reflect.Pointer && k != reflect.Interface {
			fp.direct = true
			fp.spec = specialOfType(f.typ)
			fp.class, fp.ofTables, fp.dynamic = staticClass(f.typ, fp.spec)
		}
		p.fields[i] = fp
	}
	return p
}

// staticClass is what classify says for every value of type t, a type
// that is neither a pointer nor an interface, with the rule s: the class,
// or ofTables for an array of tables unless empty, or dynamic when it
// depends on the value.
func staticClass(t reflect.Type, s typeSpecial) (class entryClass, ofTables, dynamic bool) {
	switch s.spec {
	case notSpecial:
	case specValue, specTable, specDocument:
		return classKeyValue, false, true
	default:
		return classKeyValue, false, false
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return classTable, false, false
	case reflect.Slice, reflect.Array:
		et := t.Elem()
		switch et.Kind() {
		case reflect.Pointer, reflect.Interface, reflect.Map:
			// Elements may be nil, or of other types.
			return classKeyValue, false, true
		case reflect.Struct:
			if specialOfType(et).spec == notSpecial {
				return classArrayOfTables, true, false
			}
		}
	}
	return classKeyValue, false, false
}

// classifyStatic is classify for a resolved value of a direct field.
func (e *encodeState) classifyStatic(v reflect.Value, f *fieldPlan, inline bool) entryClass {
	switch {
	case inline || e.opts.tablesInline:
		return classKeyValue
	case f.dynamic:
		return e.classify(v, f.spec, inline)
	case f.ofTables && v.Len() == 0:
		return classKeyValue
	}
	return f.class
}
