package toml

import (
	"reflect"
	"slices"
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
	if len(s.list) <= smallStruct {
		for i := range s.list {
			if f := &s.list[i]; len(f.name) == len(key) && f.name == key {
				return f
			}
		}
	} else if i, ok := s.byName[key]; ok {
		return &s.list[i]
	}
	if i, ok := s.byFold[strings.ToLower(key)]; ok {
		return &s.list[i]
	}
	return nil
}

// smallStruct is the field count up to which lookup compares names one by
// one: cheaper than hashing the key.
const smallStruct = 8

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
// encoding/json does, and then settles each name: the shallowest field of a
// name wins; at that depth a tagged field wins over untagged ones; two of
// the same standing cancel each other out, and hide deeper ones too.
func typeFields(t reflect.Type) *structFields {
	type queued struct {
		typ   reflect.Type
		index []int
	}
	var current []queued
	next := []queued{{typ: t}}
	var count, nextCount map[reflect.Type]int // times each type is queued at this level and the next
	visited := map[reflect.Type]bool{}        // types explored at a shallower level
	var candidates []field

	for len(next) > 0 {
		current, next = next, current[:0]
		count, nextCount = nextCount, map[reflect.Type]int{}
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
					// An unexported embedded type is reached only for the
					// exported fields it promotes: a value of its own (a
					// non-struct, or a struct such as time.Time) cannot be
					// read or set through reflection.
					if !sf.IsExported() && (ft.Kind() != reflect.Struct || isLeafStruct(ft)) {
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
					nextCount[ft]++
					if nextCount[ft] == 1 {
						next = append(next, queued{typ: ft, index: index})
					}
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
				candidates = append(candidates, f)
				if count[q.typ] > 1 {
					// The type was reached along two paths at this depth:
					// a second copy lets the settling below see the tie.
					candidates = append(candidates, f)
				}
			}
		}
	}

	// Settle each name: sort by name, then depth, then tagged first.
	slices.SortStableFunc(candidates, func(a, b field) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := len(a.index) - len(b.index); c != 0 {
			return c
		}
		if a.tagged != b.tagged {
			if a.tagged {
				return -1
			}
			return 1
		}
		return slices.Compare(a.index, b.index)
	})
	var fields []field
	for i := 0; i < len(candidates); {
		j := i + 1
		for j < len(candidates) && candidates[j].name == candidates[i].name {
			j++
		}
		group := candidates[i:j]
		if len(group) == 1 || len(group[0].index) < len(group[1].index) || group[0].tagged != group[1].tagged {
			fields = append(fields, group[0])
		}
		i = j
	}
	// Declaration order: by index path.
	slices.SortFunc(fields, func(a, b field) int { return slices.Compare(a.index, b.index) })

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
