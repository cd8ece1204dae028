package toml

import (
	"reflect"
	"strings"
	"sync"
)

// field is one TOML key of a struct type, after Go's rules for promoting
// the fields of embedded structs.
type field struct {
	name      string       // the TOML key
	index     []int        // path through embedded structs, for reflect.Value.FieldByIndex
	typ       reflect.Type // the field's type
	tagged    bool         // the name came from a tag
	omitEmpty bool         // ,omitempty: skip false, 0, "", and empty arrays, slices, maps
	omitZero  bool         // ,omitzero: skip the zero value (or where IsZero() reports true)
	inline    bool         // ,inline: encode a table as an inline table
	multiline bool         // ,multiline: encode an array one element per line, a string as """
}

// structFields are the fields of one struct type, in declaration order.
type structFields struct {
	list   []field
	byName map[string]int // exact key -> index into list
	byFold map[string]int // lower-cased key -> first field with that folding
}

// lookup finds the field for a key: an exact match first, then a
// case-insensitive one, as encoding/json does.
func (s *structFields) lookup(key string) *field {
	if i, ok := s.byName[key]; ok {
		return &s.list[i]
	}
	if i, ok := s.byFold[strings.ToLower(key)]; ok {
		return &s.list[i]
	}
	return nil
}

var fieldCache sync.Map // reflect.Type -> *structFields

// cachedFields returns the fields of struct type t, computed once per type
// and shared by the decoder and the encoder.
func cachedFields(t reflect.Type) *structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*structFields)
	}
	f, _ := fieldCache.LoadOrStore(t, typeFields(t))
	return f.(*structFields)
}

// parseTag splits a `toml:"name,opt,opt"` tag.
func parseTag(tag string) (name string, opts []string) {
	name, rest, _ := strings.Cut(tag, ",")
	if rest != "" {
		opts = strings.Split(rest, ",")
	}
	return name, opts
}

// typeFields walks t breadth-first through embedded structs, the way
// encoding/json does: a field at a shallower depth hides deeper ones of the
// same name; at one depth a tagged field wins over untagged ones, and two
// of the same standing cancel each other out.
func typeFields(t reflect.Type) *structFields {
	type queued struct {
		typ   reflect.Type
		index []int
	}
	current := []queued{}
	next := []queued{{typ: t}}
	visited := map[reflect.Type]bool{}
	var fields []field

	for len(next) > 0 {
		current, next = next, current[:0]
		count := map[string]int{} // fields of each name at this depth
		var level []field
		for _, q := range current {
			if visited[q.typ] {
				continue
			}
			visited[q.typ] = true
			for i := 0; i < q.typ.NumField(); i++ {
				sf := q.typ.Field(i)
				ft := sf.Type
				if sf.Anonymous {
					if ft.Kind() == reflect.Pointer {
						ft = ft.Elem()
					}
					if !sf.IsExported() && ft.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("toml")
				if tag == "-" {
					continue
				}
				name, opts := parseTag(tag)
				index := make([]int, len(q.index)+1)
				copy(index, q.index)
				index[len(q.index)] = i

				if sf.Anonymous && name == "" && ft.Kind() == reflect.Struct && !isLeafStruct(ft) {
					next = append(next, queued{typ: ft, index: index})
					continue
				}
				f := field{name: name, index: index, typ: sf.Type, tagged: name != ""}
				if f.name == "" {
					f.name = sf.Name
				}
				for _, o := range opts {
					switch o {
					case "omitempty":
						f.omitEmpty = true
					case "omitzero":
						f.omitZero = true
					case "inline":
						f.inline = true
					case "multiline":
						f.multiline = true
					}
				}
				level = append(level, f)
				count[f.name]++
			}
		}
		// Resolve the names of this depth against each other; names already
		// taken at a shallower depth hide these.
		taken := map[string]bool{}
		for _, f := range fields {
			taken[f.name] = true
		}
		for _, f := range level {
			if taken[f.name] {
				continue
			}
			if count[f.name] > 1 {
				winner, ok := dominant(level, f.name)
				if !ok {
					taken[f.name] = true // ambiguous: no field gets the name
					continue
				}
				f = winner
			}
			taken[f.name] = true
			fields = append(fields, f)
		}
	}
	// Declaration order: by index path.
	sortFields(fields)
	s := &structFields{list: fields, byName: make(map[string]int, len(fields)), byFold: make(map[string]int, len(fields))}
	for i, f := range fields {
		s.byName[f.name] = i
		fold := strings.ToLower(f.name)
		if _, ok := s.byFold[fold]; !ok {
			s.byFold[fold] = i
		}
	}
	return s
}

// dominant picks the one tagged field among the fields named name at one
// depth, if there is exactly one.
func dominant(level []field, name string) (field, bool) {
	var found field
	n := 0
	for _, f := range level {
		if f.name == name && f.tagged {
			found = f
			n++
		}
	}
	return found, n == 1
}

func sortFields(fields []field) {
	less := func(a, b []int) bool {
		for k := 0; k < len(a) && k < len(b); k++ {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return len(a) < len(b)
	}
	for i := 1; i < len(fields); i++ {
		for j := i; j > 0 && less(fields[j].index, fields[j-1].index); j-- {
			fields[j], fields[j-1] = fields[j-1], fields[j]
		}
	}
}

var (
	textUnmarshalerType = reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()
	textMarshalerType   = reflect.TypeFor[interface{ MarshalText() ([]byte, error) }]()
)

// isLeafStruct reports whether an embedded struct is a value of its own
// (time.Time, LocalDate, a TextMarshaler) rather than a bag of fields to
// promote.
func isLeafStruct(t reflect.Type) bool {
	return t.Implements(textMarshalerType) || reflect.PointerTo(t).Implements(textUnmarshalerType)
}
