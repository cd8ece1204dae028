package toml_test

import (
	"errors"
	"fmt"
	"math"
	"net/netip"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

// upperText decodes through encoding.TextUnmarshaler, upper-casing.
type upperText string

func (u *upperText) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		return errors.New("empty text")
	}
	*u = upperText(strings.ToUpper(string(b)))
	return nil
}

// stringOrList decodes through toml.Unmarshaler from a string or an array
// of strings, as PEP 621's readme and Cargo's features do.
type stringOrList []string

func (s *stringOrList) UnmarshalTOML(v toml.Value) error {
	switch v.Kind() {
	case toml.KindString:
		*s = stringOrList{v.Str()}
	case toml.KindArray:
		*s = nil
		for _, e := range v.Array().Elems() {
			*s = append(*s, e.Str())
		}
	default:
		return fmt.Errorf("want a string or a list, got %s", v.Kind())
	}
	return nil
}

type InnerTable struct {
	A int
	B string `toml:"bee"`
}

type EmbeddedBase struct {
	Shared string
	Deep   int
}

type withEmbedded struct {
	EmbeddedBase
	Shared string // shallower: hides EmbeddedBase.Shared
}

type unexportedEmbedded struct{ M map[string]any }

type withUnexportedEmbedded struct {
	unexportedEmbedded
	Own int
}

type withEmbeddedPointer struct {
	*EmbeddedBase
	Own int
}

type colour int

func (c *colour) UnmarshalText(b []byte) error {
	switch string(b) {
	case "red":
		*c = 1
	case "green":
		*c = 2
	default:
		return fmt.Errorf("unknown colour %q", b)
	}
	return nil
}

// TestUnmarshalRules pins each mapping rule of Unmarshal's documentation
// with a document that exercises it and the Go value it must give.
func TestUnmarshalRules(t *testing.T) {
	local := func(y int, mo time.Month, d, h, mi, s, ns int) time.Time {
		return time.Date(y, mo, d, h, mi, s, ns, time.Local)
	}
	tests := []struct {
		name string
		toml string
		into func() any // returns a pointer to the target, possibly preset
		want any        // what the pointer must point to afterwards
	}{
		{"string", `s = "a\tb"`, func() any { return &struct{ S string }{} }, struct{ S string }{"a\tb"}},
		{"bool", `b = true`, func() any { return &struct{ B bool }{} }, struct{ B bool }{true}},
		{
			"all integer sizes at their limits",
			"i8 = -128\ni16 = 32767\ni32 = -2147483648\ni64 = 9223372036854775807\nu8 = 255\nu16 = 65535\nu32 = 4294967295\nu64 = 9223372036854775807\nu = 0x10\ni = -1",
			func() any { return &intSizes{} },
			intSizes{I8: -128, I16: 32767, I32: -2147483648, I64: math.MaxInt64, U8: 255, U16: 65535, U32: math.MaxUint32, U64: math.MaxInt64, U: 16, I: -1},
		},
		{
			"floats, and integers a float holds exactly",
			"f64 = 1.5\nf32 = -0.25\nfromint = 9007199254740992\nfromint32 = 16777216\nbig = inf",
			func() any { return &floats{} },
			floats{F64: 1.5, F32: -0.25, FromInt: 1 << 53, FromInt32: 1 << 24, Big: float32(math.Inf(1))},
		},
		{
			"tags, toml:\"-\" and exact match before case-insensitive",
			"bee = \"b\"\nA = 1\nskip = 5\nname = \"exact\"\nNAME = \"folded\"",
			func() any { return &taggedFields{} },
			taggedFields{InnerTable: InnerTable{}, Bee: "b", A: 1, Name: "folded"},
		},
		{
			"case-insensitive fallback finds an untagged field",
			"innertable = {a = 3, BEE = \"x\"}",
			func() any { return &struct{ InnerTable InnerTable }{} },
			struct{ InnerTable InnerTable }{InnerTable{A: 3, B: "x"}},
		},
		{
			"embedded fields are promoted, shallower ones hide deeper",
			"shared = \"outer\"\ndeep = 7",
			func() any { return &withEmbedded{} },
			withEmbedded{EmbeddedBase: EmbeddedBase{Deep: 7}, Shared: "outer"},
		},
		{
			"fields of an unexported embedded struct are promoted",
			"m = {k = 1}\nown = 2",
			func() any { return &withUnexportedEmbedded{} },
			withUnexportedEmbedded{unexportedEmbedded: unexportedEmbedded{M: map[string]any{"k": int64(1)}}, Own: 2},
		},
		{
			"nil embedded pointer is allocated",
			"deep = 2\nown = 1",
			func() any { return &withEmbeddedPointer{} },
			withEmbeddedPointer{EmbeddedBase: &EmbeddedBase{Deep: 2}, Own: 1},
		},
		{
			"pointers are allocated, at every level",
			"p = 5\npp = \"x\"\nt = {a = 1}",
			func() any { return &pointers{} },
			pointers{P: ptr(5), PP: ptr(ptr("x")), T: &InnerTable{A: 1}},
		},
		{
			"a non-nil pointer is reused",
			"t = {a = 1}",
			func() any { return &pointers{T: &InnerTable{B: "kept"}} },
			pointers{T: &InnerTable{A: 1, B: "kept"}},
		},
		{
			"fields the document does not mention keep their values",
			"a = 2",
			func() any { return &InnerTable{A: 1, B: "before"} },
			InnerTable{A: 2, B: "before"},
		},
		{
			"maps with string, named string and TextUnmarshaler keys",
			"[m]\nx = 1\ny = 2\n[named]\nk = \"v\"\n[text]\nred = \"r\"",
			func() any { return &maps{} },
			maps{M: map[string]int{"x": 1, "y": 2}, Named: map[keyName]string{"k": "v"}, Text: map[colour]string{1: "r"}},
		},
		{
			"a non-nil map is kept and added to; elements start from zero",
			"[m]\nb = {a = 2}",
			func() any {
				return &struct{ M map[string]InnerTable }{map[string]InnerTable{"a": {A: 1}, "b": {B: "gone"}}}
			},
			struct{ M map[string]InnerTable }{map[string]InnerTable{"a": {A: 1}, "b": {A: 2}}},
		},
		{
			"map[string]any inside a struct",
			"[tool.x]\ny = [1, \"z\"]",
			func() any { return &struct{ Tool map[string]any }{} },
			struct{ Tool map[string]any }{map[string]any{"x": map[string]any{"y": []any{int64(1), "z"}}}},
		},
		{
			"slices from arrays and arrays of tables",
			"s = [1, 2, 3]\n[[t]]\na = 1\n[[t]]\nbee = \"x\"",
			func() any { return &sliceFields{} },
			sliceFields{S: []int{1, 2, 3}, T: []InnerTable{{A: 1}, {B: "x"}}},
		},
		{
			"a reused slice takes the array's length and zeroed elements",
			"[[t]]\nbee = \"x\"",
			func() any { return &sliceFields{T: []InnerTable{{A: 9}, {A: 8}}} },
			sliceFields{T: []InnerTable{{B: "x"}}},
		},
		{
			"an empty array gives an empty, non-nil slice",
			"s = []",
			func() any { return &sliceFields{} },
			sliceFields{S: []int{}},
		},
		{
			"[]byte from a string",
			`b = "hi"`,
			func() any { return &struct{ B []byte }{} },
			struct{ B []byte }{[]byte("hi")},
		},
		{
			"go arrays: shorter TOML arrays zero the rest",
			"a = [1, 2]",
			func() any { return &struct{ A [3]int }{[3]int{7, 7, 7}} },
			struct{ A [3]int }{[3]int{1, 2, 0}},
		},
		{
			"any gets the generic form of every kind",
			"s = 's'\ni = 1\nf = 1.5\nb = false\nodt = 1979-05-27T07:32:00Z\nldt = 1979-05-27T07:32:00.5\nld = 1979-05-27\nlt = 07:32:01\na = [1, [2]]\nt = {x = {}}",
			func() any { var v any; return &v },
			any(map[string]any{
				"s": "s", "i": int64(1), "f": 1.5, "b": false,
				"odt": time.Date(1979, 5, 27, 7, 32, 0, 0, time.UTC),
				"ldt": toml.LocalDateTime{LocalDate: toml.LocalDate{Year: 1979, Month: 5, Day: 27}, LocalTime: toml.LocalTime{Hour: 7, Minute: 32, Nanosecond: 5e8}},
				"ld":  toml.LocalDate{Year: 1979, Month: 5, Day: 27},
				"lt":  toml.LocalTime{Hour: 7, Minute: 32, Second: 1},
				"a":   []any{int64(1), []any{int64(2)}},
				"t":   map[string]any{"x": map[string]any{}},
			}),
		},
		{
			"an interface holding a pointer is decoded through it",
			"x = {a = 4}",
			func() any { return &struct{ X any }{X: &InnerTable{B: "kept"}} },
			struct{ X any }{X: &InnerTable{A: 4, B: "kept"}},
		},
		{
			"time.Time from every date-time kind and from a string",
			"odt = 1979-05-27T00:32:00.999999-07:00\nldt = 1979-05-27 07:32:00\nld = 1979-05-27\nlt = 07:32:00.25\ntext = \"2001-02-03T04:05:06Z\"",
			func() any { return &times{} },
			times{
				ODT:  time.Date(1979, 5, 27, 0, 32, 0, 999999000, time.FixedZone("", -7*3600)),
				LDT:  local(1979, 5, 27, 7, 32, 0, 0),
				LD:   local(1979, 5, 27, 0, 0, 0, 0),
				LT:   local(0, 1, 1, 7, 32, 0, 25e7),
				Text: time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC),
			},
		},
		{
			"local kinds into their own types, and from strings",
			"ldt = 1979-05-27T07:32:00\nld = 1979-05-27\nlt = 07:32:00\nldtext = \"2000-01-02\"",
			func() any { return &locals{} },
			locals{
				LDT:    toml.LocalDateTime{LocalDate: toml.LocalDate{Year: 1979, Month: 5, Day: 27}, LocalTime: toml.LocalTime{Hour: 7, Minute: 32}},
				LD:     toml.LocalDate{Year: 1979, Month: 5, Day: 27},
				LT:     toml.LocalTime{Hour: 7, Minute: 32},
				LDText: toml.LocalDate{Year: 2000, Month: 1, Day: 2},
			},
		},
		{
			"time.Duration from a string",
			`d = "1m30s"`,
			func() any { return &struct{ D time.Duration }{} },
			struct{ D time.Duration }{90 * time.Second},
		},
		{
			"TextUnmarshaler from strings and date-times",
			"u = \"abc\"\nc = \"green\"\naddr = \"10.0.0.1\"\nwhen = 1979-05-27 07:32:00",
			func() any { return &texts{} },
			texts{U: "ABC", C: 2, Addr: netip.MustParseAddr("10.0.0.1"), When: "1979-05-27T07:32:00"},
		},
		{
			"Unmarshaler receives the node of any kind",
			"one = \"a\"\nmany = [\"b\", \"c\"]",
			func() any { return &struct{ One, Many stringOrList }{} },
			struct{ One, Many stringOrList }{stringOrList{"a"}, stringOrList{"b", "c"}},
		},
		{
			"Unmarshaler at the root gets the document's table",
			"k = 1",
			func() any { return &rootTaker{} },
			rootTaker{Keys: []string{"k"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			into := tt.into()
			if err := toml.Unmarshal([]byte(tt.toml), into); err != nil {
				t.Fatalf("Unmarshal: %v", err)
			}
			got := derefAny(into)
			opts := cmp.Options{
				cmp.Comparer(func(a, b netip.Addr) bool { return a == b }),
				cmp.AllowUnexported(withUnexportedEmbedded{}),
			}
			if diff := cmp.Diff(tt.want, got, opts); diff != "" {
				t.Errorf("Unmarshal (-want +got):\n%s", diff)
			}
		})
	}
}

type intSizes struct {
	I8  int8
	I16 int16
	I32 int32
	I64 int64
	U8  uint8
	U16 uint16
	U32 uint32
	U64 uint64
	U   uint
	I   int
}

type floats struct {
	F64       float64
	F32       float32
	FromInt   float64
	FromInt32 float32
	Big       float32
}

type taggedFields struct {
	InnerTable `toml:"-"`
	Bee        string
	A          int
	Skip       int `toml:"-"`
	Name       string
}

type pointers struct {
	P  *int
	PP **string
	T  *InnerTable
}

type keyName string

type maps struct {
	M     map[string]int
	Named map[keyName]string
	Text  map[colour]string
}

type sliceFields struct {
	S []int
	T []InnerTable
}

type times struct {
	ODT  time.Time
	LDT  time.Time
	LD   time.Time
	LT   time.Time
	Text time.Time
}

type locals struct {
	LDT    toml.LocalDateTime
	LD     toml.LocalDate
	LT     toml.LocalTime
	LDText toml.LocalDate
}

type texts struct {
	U    upperText
	C    colour
	Addr netip.Addr
	When rawText
}

// rawText keeps the text UnmarshalText is given.
type rawText string

func (r *rawText) UnmarshalText(b []byte) error { *r = rawText(b); return nil }

// rootTaker lists the keys of the table it is given.
type rootTaker struct{ Keys []string }

func (r *rootTaker) UnmarshalTOML(v toml.Value) error {
	for _, e := range v.Table().Entries() {
		r.Keys = append(r.Keys, e.Key.Name)
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// derefAny returns what the pointer p points to.
func derefAny(p any) any { return reflect.ValueOf(p).Elem().Interface() }
