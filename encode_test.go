package toml_test

import (
	"bytes"
	"fmt"
	"math"
	"net"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

type encodeCase struct {
	name string
	in   any
	want string
}

func runEncodeCases(t *testing.T, tests []encodeCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := toml.Marshal(tt.in)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("Marshal output (-want +got):\n%s", diff)
			}
			if _, err := toml.Parse(got); err != nil {
				t.Errorf("output does not parse: %v", err)
			}
		})
	}
}

type point struct {
	X, Y int
}

type server struct {
	IP   string `toml:"ip"`
	Role string `toml:"role,omitempty"`
}

func TestMarshalTables(t *testing.T) {
	type owner struct {
		Name string `toml:"name"`
	}
	type config struct {
		Title    string            `toml:"title"`
		Owner    owner             `toml:"owner"`
		Servers  map[string]server `toml:"servers"`
		Points   []point           `toml:"points"`
		Enabled  bool              `toml:"enabled"`
		Inline   point             `toml:"inline,inline"`
		Skipped  string            `toml:"-"`
		internal int
	}
	runEncodeCases(t, []encodeCase{
		{
			name: "scalars before tables, fields in order, maps sorted, parents implicit, unexported and - fields left out",
			in: config{
				Title:    "TOML",
				Owner:    owner{"Tom"},
				Servers:  map[string]server{"beta": {IP: "10.0.0.2"}, "alpha": {IP: "10.0.0.1", Role: "frontend"}},
				Points:   []point{{1, 2}, {3, 4}},
				Enabled:  true,
				Inline:   point{5, 6},
				Skipped:  "x",
				internal: 7,
			},
			want: `title = "TOML"
enabled = true
inline = {X = 5, Y = 6}

[owner]
name = "Tom"

[servers.alpha]
ip = "10.0.0.1"
role = "frontend"

[servers.beta]
ip = "10.0.0.2"

[[points]]
X = 1
Y = 2

[[points]]
X = 3
Y = 4
`,
		},
		{
			name: "empty tables keep their headers",
			in:   map[string]any{"a": map[string]any{}, "b": struct{}{}, "c": map[string]any{"d": map[string]any{}}},
			want: "[a]\n\n[b]\n\n[c.d]\n",
		},
		{
			name: "nested arrays of tables and tables inside array elements",
			in: map[string]any{"fruit": []map[string]any{
				{"name": "apple", "physical": map[string]any{"color": "red"}, "variety": []map[string]any{{"name": "fuji"}}},
				{"name": "banana"},
			}},
			want: `[[fruit]]
name = "apple"

[fruit.physical]
color = "red"

[[fruit.variety]]
name = "fuji"

[[fruit]]
name = "banana"
`,
		},
		{
			name: "arrays mixing tables and other values, or nested, are inline",
			in: map[string]any{
				"mixed":  []any{1, map[string]any{"a": 1}},
				"nested": [][]point{{{1, 2}}},
				"empty":  []point{},
			},
			want: "empty = []\nmixed = [1, {a = 1}]\nnested = [[{X = 1, Y = 2}]]\n",
		},
		{
			name: "keys quoted only when needed",
			in:   map[string]any{"bare-key_1": 1, "with space": 2, "": 3, "ключ": 4, "a.b": 5, `q"`: 6},
			want: "\"\" = 3\n\"a.b\" = 5\nbare-key_1 = 1\n\"q\\\"\" = 6\n\"with space\" = 2\n\"ключ\" = 4\n",
		},
		{
			name: "map keys that are strings by type or by MarshalText, sorted by their text",
			in: map[string]any{
				"named": map[encodeKeyName]int{"b": 1, "a": 2},
				"text":  map[celsius]bool{10: true, 2: false},
			},
			want: "[named]\na = 2\nb = 1\n\n[text]\n10C = true\n2C = false\n",
		},
		{
			name: "quoted keys in headers",
			in:   map[string]any{"target": map[string]any{"cfg(windows)": map[string]any{"x": 1}}},
			want: "[target.\"cfg(windows)\"]\nx = 1\n",
		},
		{
			name: "nil pointers, interfaces, maps and slices are left out",
			in: struct {
				P *int
				I any
				M map[string]int
				S []int
				E []int
			}{E: []int{}},
			want: "E = []\n",
		},
		{
			name: "maps of pointers and of interfaces keep each entry's own value",
			in: map[string]any{
				"byPointer":   map[string]*server{"a": {IP: "1"}, "b": {IP: "2"}, "c": nil},
				"byInterface": map[string]fmt.Stringer{"a": time.Second, "b": time.Minute},
				"byValue":     map[string][]int{"a": {1}, "b": {2}},
			},
			want: "[byInterface]\na = \"1s\"\nb = \"1m0s\"\n\n[byPointer.a]\nip = \"1\"\n\n[byPointer.b]\nip = \"2\"\n\n[byValue]\na = [1]\nb = [2]\n",
		},
		{
			name: "unexported embedded values are left out",
			in:   embedsTwoLeaves{Y: 1},
			want: "Y = 1\n",
		},
		{
			name: "pointers and interfaces are followed",
			in:   map[string]any{"p": ptr(ptr(3)), "i": any(map[string]any{"x": ptr("y")}), "s": &[]any{ptr(1), "a"}},
			want: "p = 3\ns = [1, \"a\"]\n\n[i]\nx = \"y\"\n",
		},
	})
}

func TestMarshalTags(t *testing.T) {
	type inner struct {
		A int `toml:"a"`
	}
	type Embedded struct {
		E1 string `toml:"e1"`
	}
	type tagged struct {
		Embedded
		Empty     string         `toml:"empty,omitempty"`
		Zero      int            `toml:"zero,omitempty"`
		NoOmit    int            `toml:"no_omit"`
		ZeroTime  time.Time      `toml:"zero_time,omitzero"`
		ZeroPoint point          `toml:"zero_point,omitzero"`
		EmptyMap  map[string]int `toml:"empty_map,omitempty"`
		Lines     []string       `toml:"lines,multiline"`
		Text      string         `toml:"text,multiline"`
		Table     inner          `toml:"table,inline"`
		Tables    []inner        `toml:"tables,inline"`
		Both      []inner        `toml:"both,inline,multiline"`
	}
	runEncodeCases(t, []encodeCase{{
		name: "omitempty, omitzero, inline, multiline, embedded",
		in: tagged{
			Embedded: Embedded{"promoted"},
			EmptyMap: map[string]int{},
			Lines:    []string{"a", "b"},
			Text:     "line 1\nline 2\n",
			Table:    inner{1},
			Tables:   []inner{{2}, {3}},
			Both:     []inner{{4}},
		},
		want: `e1 = "promoted"
no_omit = 0
lines = [
  "a",
  "b",
]
text = """
line 1
line 2
"""
table = {a = 1}
tables = [{a = 2}, {a = 3}]
both = [
  {a = 4},
]
`,
	}})
}

func TestMarshalScalars(t *testing.T) {
	pst := time.FixedZone("PST", -8*3600)
	lmt := time.FixedZone("LMT", -(4*3600 + 56*60 + 2))
	runEncodeCases(t, []encodeCase{
		{
			name: "integers of every size",
			in: struct {
				I   int
				I8  int8
				I16 int16
				I32 int32
				I64 int64
				U   uint
				U8  uint8
				U16 uint16
				U32 uint32
				U64 uint64
			}{-1, math.MinInt8, math.MinInt16, math.MinInt32, math.MinInt64, 1, math.MaxUint8, math.MaxUint16, math.MaxUint32, math.MaxInt64},
			want: "I = -1\nI8 = -128\nI16 = -32768\nI32 = -2147483648\nI64 = -9223372036854775808\n" +
				"U = 1\nU8 = 255\nU16 = 65535\nU32 = 4294967295\nU64 = 9223372036854775807\n",
		},
		{
			name: "floats read back to the same bits",
			in: struct {
				F []float64
				G float32
			}{
				F: []float64{0, math.Copysign(0, -1), 1, -2.5, 1e6, 1e20, 1e21, 1.5e-7, 0.000001, 5e-324,
					math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), math.Copysign(math.NaN(), -1)},
				G: 0.1,
			},
			want: "F = [0.0, -0.0, 1.0, -2.5, 1000000.0, 100000000000000000000.0, 1e+21, 1.5e-7, 0.000001, 5e-324, " +
				"1.7976931348623157e+308, inf, -inf, nan, -nan]\nG = 0.1\n",
		},
		{
			name: "strings escape control characters and keep unicode",
			in:   map[string]string{"s": "tab\there \"quoted\" back\\slash nul\x00 del\x7f bell\a é 日本 🎉\r\n"},
			want: `s = "tab\there \"quoted\" back\\slash nul\u0000 del\u007F bell\u0007 é 日本 🎉\r\n"` + "\n",
		},
		{
			name: "date-times keep precision and offset",
			in: struct {
				UTC   time.Time
				PST   time.Time
				Nanos time.Time
				LMT   time.Time
			}{
				UTC:   time.Date(1979, 5, 27, 7, 32, 0, 0, time.UTC),
				PST:   time.Date(1979, 5, 27, 0, 32, 0, 999999000, pst),
				Nanos: time.Date(2000, 1, 2, 3, 4, 5, 6, time.FixedZone("", 5*3600+30*60)),
				LMT:   time.Date(1880, 1, 1, 0, 0, 0, 0, lmt),
			},
			want: "UTC = 1979-05-27T07:32:00Z\nPST = 1979-05-27T00:32:00.999999-08:00\n" +
				"Nanos = 2000-01-02T03:04:05.000000006+05:30\nLMT = 1880-01-01T04:56:02Z\n",
		},
		{
			name: "local date-times, durations, text marshalers",
			in: struct {
				DT   toml.LocalDateTime
				D    toml.LocalDate
				T    toml.LocalTime
				Dur  time.Duration
				Text celsius
				PtrT pointerText
			}{
				DT:   toml.LocalDateTime{LocalDate: toml.LocalDate{Year: 1979, Month: 5, Day: 27}, LocalTime: toml.LocalTime{Hour: 7, Minute: 32, Nanosecond: 500000000}},
				D:    toml.LocalDate{Year: 2024, Month: 2, Day: 29},
				T:    toml.LocalTime{Hour: 23, Minute: 59, Second: 59},
				Dur:  90 * time.Second,
				Text: 21.5,
				PtrT: pointerText{"p"},
			},
			want: "DT = 1979-05-27T07:32:00.5\nD = 2024-02-29\nT = 23:59:59\nDur = \"1m30s\"\nText = \"21.5C\"\nPtrT = \"<p>\"\n",
		},
		{
			name: "Marshaler writes its own value, parsed and checked",
			in:   map[string]any{"v": version{1, 2}, "t": tomlTable{}, "p": &version{3, 4}},
			want: "p = [3, 4]\nt = {a = 1, b = [true]}\nv = [1, 2]\n",
		},
		{
			name: "multi-line strings escape what would end them",
			in: struct {
				S string `toml:"s,multiline"`
			}{"a\"\"\"b\"\"\"\"c\\d\re\tf\"\"\n\"\""},
			want: "s = \"\"\"\na\"\"\\\"b\"\"\\\"\"c\\\\d\\re\tf\"\"\n\"\\\"\"\"\"\n",
		},
	})
}

type encodeKeyName string

// leafA and leafB are values of their own, and embedsTwoLeaves embeds both
// unexported, so that neither MarshalText is promoted and neither can be
// called through reflection.
type leafA struct{ X int }

func (leafA) MarshalText() ([]byte, error) { return []byte("a"), nil }

type leafB struct{ X int }

func (leafB) MarshalText() ([]byte, error) { return []byte("b"), nil }

type embedsTwoLeaves struct {
	leafA
	leafB
	Y int
}

// parity marshals as text that many values share.
type parity int

func (p parity) MarshalText() ([]byte, error) {
	if p%2 == 0 {
		return []byte("even"), nil
	}
	return []byte("odd"), nil
}

// celsius marshals as text with a value receiver.
type celsius float64

func (c celsius) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("%gC", float64(c))), nil }

// pointerText marshals as text with a pointer receiver.
type pointerText struct{ s string }

func (p *pointerText) MarshalText() ([]byte, error) { return []byte("<" + p.s + ">"), nil }

// version writes itself as an array of integers.
type version struct{ major, minor int }

func (v version) MarshalTOML() ([]byte, error) {
	return []byte(fmt.Sprintf("[%d, %d]", v.major, v.minor)), nil
}

// tomlTable writes itself as an inline table, with a comment and odd spacing.
type tomlTable struct{}

func (tomlTable) MarshalTOML() ([]byte, error) { return []byte("{ a=1,b=[ true ] } # c"), nil }

func TestEncoderOptions(t *testing.T) {
	type db struct {
		Ports []int           `toml:"ports"`
		Conn  map[string]bool `toml:"conn"`
	}
	in := map[string]any{
		"name": "x",
		"db":   db{Ports: []int{1, 2}, Conn: map[string]bool{"ssl": true}},
		"aot":  []point{{1, 2}},
	}
	tests := []struct {
		name  string
		setup func(*toml.Encoder)
		want  string
	}{
		{
			name:  "defaults",
			setup: func(*toml.Encoder) {},
			want:  "name = \"x\"\n\n[[aot]]\nX = 1\nY = 2\n\n[db]\nports = [1, 2]\n\n[db.conn]\nssl = true\n",
		},
		{
			name:  "indent",
			setup: func(e *toml.Encoder) { e.SetIndent("\t") },
			want:  "name = \"x\"\n\n[[aot]]\nX = 1\nY = 2\n\n[db]\nports = [1, 2]\n\n\t[db.conn]\n\tssl = true\n",
		},
		{
			name:  "tables inline",
			setup: func(e *toml.Encoder) { e.SetTablesInline(true) },
			want:  "aot = [{X = 1, Y = 2}]\ndb = {ports = [1, 2], conn = {ssl = true}}\nname = \"x\"\n",
		},
		{
			name:  "arrays multiline, indented",
			setup: func(e *toml.Encoder) { e.SetArraysMultiline(true); e.SetIndent("    ") },
			want:  "name = \"x\"\n\n[[aot]]\nX = 1\nY = 2\n\n[db]\nports = [\n    1,\n    2,\n]\n\n    [db.conn]\n    ssl = true\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			enc := toml.NewEncoder(&buf)
			tt.setup(enc)
			if err := enc.Encode(in); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, buf.String()); diff != "" {
				t.Errorf("Encode output (-want +got):\n%s", diff)
			}
			if _, err := toml.Parse(buf.Bytes()); err != nil {
				t.Errorf("output does not parse: %v", err)
			}
		})
	}
}

// TestMarshalThenUnmarshal checks that the encoder and the decoder agree:
// a struct with a field of every kind the encoder has a rule for comes
// back from Unmarshal equal to what Marshal was given.
func TestMarshalThenUnmarshal(t *testing.T) {
	type Inner struct {
		Name string `toml:"name"`
		Tags []string
	}
	type Base struct {
		ID int64 `toml:"id"`
	}
	type everything struct {
		Base
		Str       string                 `toml:"str"`
		Text      string                 `toml:"text,multiline"`
		Int8      int8                   `toml:"int8"`
		Uint16    uint16                 `toml:"uint16"`
		Int64     int64                  `toml:"int64"`
		Float32   float32                `toml:"float32"`
		Float64   float64                `toml:"float64"`
		Bool      bool                   `toml:"bool"`
		Bytes     []byte                 `toml:"bytes"`
		Array     [3]int                 `toml:"array"`
		When      time.Time              `toml:"when"`
		Day       toml.LocalDate         `toml:"day"`
		Clock     toml.LocalTime         `toml:"clock"`
		Meeting   toml.LocalDateTime     `toml:"meeting"`
		Wait      time.Duration          `toml:"wait"`
		IP        net.IP                 `toml:"ip"`
		Ptr       *Inner                 `toml:"ptr"`
		Inline    Inner                  `toml:"inline,inline"`
		ByName    map[string]Inner       `toml:"by_name"`
		ByPointer map[string]*Inner      `toml:"by_pointer"`
		List      []Inner                `toml:"list"`
		Matrix    [][]float64            `toml:"matrix,multiline"`
		Any       any                    `toml:"any"`
		Dates     map[toml.LocalDate]int `toml:"dates"`
	}
	in := everything{
		Base:      Base{ID: 7},
		Str:       "tab\t\"quote\" é",
		Text:      "line 1\n\"\"\"line 2\"\"\"\n",
		Int8:      math.MinInt8,
		Uint16:    math.MaxUint16,
		Int64:     math.MaxInt64,
		Float32:   0.1,
		Float64:   math.Copysign(0, -1),
		Bool:      true,
		Bytes:     []byte{0, 255},
		Array:     [3]int{1, 2, 3},
		When:      time.Date(1979, 5, 27, 0, 32, 0, 999999999, time.FixedZone("", -7*3600)),
		Day:       toml.LocalDate{Year: 2024, Month: 2, Day: 29},
		Clock:     toml.LocalTime{Hour: 23, Minute: 59, Second: 59, Nanosecond: 1},
		Meeting:   toml.LocalDateTime{LocalDate: toml.LocalDate{Year: 1, Month: 1, Day: 1}},
		Wait:      90 * time.Minute,
		IP:        net.IPv4(10, 0, 0, 1),
		Ptr:       &Inner{Name: "p"},
		Inline:    Inner{Name: "i", Tags: []string{"x"}},
		ByName:    map[string]Inner{"a b": {Name: "ab"}},
		ByPointer: map[string]*Inner{"z": {Name: "z", Tags: []string{}}},
		List:      []Inner{{Name: "one"}, {Name: "two", Tags: []string{"t"}}},
		Matrix:    [][]float64{{1, 2}, {math.Inf(-1)}},
		Any:       map[string]any{"k": []any{int64(1), "two", 3.5}},
		Dates:     map[toml.LocalDate]int{{Year: 2000, Month: 1, Day: 1}: 1},
	}
	out, err := toml.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var got everything
	if err := toml.Unmarshal(out, &got); err != nil {
		t.Fatalf("Unmarshal: %v\noutput:\n%s", err, out)
	}
	if diff := cmp.Diff(in, got, cmp.Comparer(sameFloat), cmp.Comparer(func(a, b float32) bool { return a == b })); diff != "" {
		t.Errorf("round trip (-want +got):\n%s\noutput:\n%s", diff, out)
	}
}
