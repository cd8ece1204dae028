package toml

import (
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// fieldSummary is what a test says about one cached field.
type fieldSummary struct {
	Name   string
	Index  []int
	Tagged bool
	Opts   string // the options set, in tag order: e, z, i, m
}

func summarize(s *structFields) []fieldSummary {
	var out []fieldSummary
	for _, f := range s.list {
		opts := ""
		for _, o := range []struct {
			set  bool
			name string
		}{{f.omitEmpty, "e"}, {f.omitZero, "z"}, {f.inline, "i"}, {f.multiline, "m"}} {
			if o.set {
				opts += o.name
			}
		}
		out = append(out, fieldSummary{f.name, f.index, f.tagged, opts})
	}
	return out
}

type fieldsBase struct {
	Base  int
	Clash string
}

type fieldsOther struct {
	Clash  string
	Tagged int `toml:"tagged"`
}

type fieldsTaggedOther struct {
	Won string `toml:"Clash"`
}

type fieldsDeeper struct {
	fieldsBase // Base and Clash at depth 2
	Deep       int
}

type FieldsSelf struct {
	*FieldsSelf
	Next int
}

// fieldsLeaf is a value of its own (a TextMarshaler), not a bag of fields.
type fieldsLeaf struct{ time.Time }

type fieldsDeepClash struct {
	Clash string
	Deep  int
}

type fieldsWrapDeepClash struct {
	fieldsDeepClash // Clash and Deep at depth 2
}

type fieldsInner struct{ X int }

type fieldsViaA struct{ fieldsInner }

type fieldsViaB struct{ fieldsInner }

type fieldsSameTypeTwice struct {
	fieldsViaA // X at depth 2
	fieldsViaB // X at depth 2 again: ambiguous, as in encoding/json
}

type fieldsAmbiguousThenDeeper struct {
	fieldsBase          // Clash at depth 1
	fieldsOther         // Clash at depth 1
	fieldsWrapDeepClash // Clash at depth 2: hidden by the ambiguity above, as in encoding/json
}

type fieldsNumber int

type fieldsAmbiguousHolder struct {
	fieldsBase                         // Clash at depth 1
	fieldsOther                        // Clash at depth 1: the two cancel out
	Wrapper     struct{ fieldsDeeper } // not embedded: a plain field
}

// TestCachedFields pins the rules by which struct fields become TOML keys.
func TestCachedFields(t *testing.T) {
	tests := []struct {
		name string
		typ  reflect.Type
		want []fieldSummary
	}{
		{
			name: "tags rename, skip and set options; unexported fields are left out",
			typ: reflect.TypeFor[struct {
				Plain   int
				Renamed int `toml:"renamed-key"`
				Skipped int `toml:"-"`
				Dash    int `toml:"-,"`
				Opts    int `toml:",omitempty,omitzero,inline,multiline"`
				hidden  int
			}](),
			want: []fieldSummary{
				{"Plain", []int{0}, false, ""},
				{"renamed-key", []int{1}, true, ""},
				{"-", []int{3}, true, ""},
				{"Opts", []int{4}, false, "ezim"},
			},
		},
		{
			name: "embedded fields are promoted with their index path",
			typ: reflect.TypeFor[struct {
				fieldsDeeper
				Own int
			}](),
			want: []fieldSummary{
				{"Base", []int{0, 0, 0}, false, ""},
				{"Clash", []int{0, 0, 1}, false, ""},
				{"Deep", []int{0, 1}, false, ""},
				{"Own", []int{1}, false, ""},
			},
		},
		{
			name: "a shallower field hides a deeper one",
			typ: reflect.TypeFor[struct {
				fieldsDeeper
				Base string
			}](),
			want: []fieldSummary{
				{"Clash", []int{0, 0, 1}, false, ""},
				{"Deep", []int{0, 1}, false, ""},
				{"Base", []int{1}, false, ""},
			},
		},
		{
			name: "at one depth a tagged field wins over untagged ones",
			typ: reflect.TypeFor[struct {
				fieldsBase
				fieldsTaggedOther
			}](),
			want: []fieldSummary{
				{"Base", []int{0, 0}, false, ""},
				{"Clash", []int{1, 0}, true, ""},
			},
		},
		{
			name: "two untagged fields at one depth cancel each other out",
			typ:  reflect.TypeFor[fieldsAmbiguousHolder](),
			want: []fieldSummary{
				{"Base", []int{0, 0}, false, ""},
				{"tagged", []int{1, 1}, true, ""},
				{"Wrapper", []int{2}, false, ""},
			},
		},
		{
			name: "an embedded struct with a tag name is a field, not promoted",
			typ: reflect.TypeFor[struct {
				fieldsBase `toml:"base"`
			}](),
			want: []fieldSummary{{"base", []int{0}, true, ""}},
		},
		{
			name: "embedded values of their own (time.Time, TextMarshalers) are fields",
			typ: reflect.TypeFor[struct {
				time.Time
				LocalDate
			}](),
			want: []fieldSummary{
				{"Time", []int{0}, false, ""},
				{"LocalDate", []int{1}, false, ""},
			},
		},
		{
			name: "embedded pointers are promoted; a type embedding itself ends",
			typ:  reflect.TypeFor[FieldsSelf](),
			want: []fieldSummary{{"Next", []int{1}, false, ""}},
		},
		{
			name: "an unexported embedded non-struct is left out, an exported one kept",
			typ: reflect.TypeFor[struct {
				fieldsNumber
				Exported fieldsNumber
			}](),
			want: []fieldSummary{{"Exported", []int{1}, false, ""}},
		},
		{
			name: "an unexported embedded value of its own is left out",
			typ: reflect.TypeFor[struct {
				fieldsLeaf
				Kept int
			}](),
			want: []fieldSummary{{"Kept", []int{1}, false, ""}},
		},
		{
			name: "a name made ambiguous at one depth hides deeper fields of that name",
			typ:  reflect.TypeFor[fieldsAmbiguousThenDeeper](),
			want: []fieldSummary{
				{"Base", []int{0, 0}, false, ""},
				{"tagged", []int{1, 1}, true, ""},
				{"Deep", []int{2, 0, 1}, false, ""},
			},
		},
		{
			name: "one struct type embedded twice at one depth gives ambiguous fields",
			typ:  reflect.TypeFor[fieldsSameTypeTwice](),
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summarize(cachedFields(tt.typ))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFieldLookup checks that keys find fields by exact name first, then
// without case, the first declared field winning among foldings.
func TestFieldLookup(t *testing.T) {
	fields := cachedFields(reflect.TypeFor[struct {
		Name  string
		NAME  string
		Other string `toml:"other_key"`
	}]())
	tests := []struct {
		key  string
		want string // the field's name, "" for none
	}{
		{"Name", "Name"},
		{"NAME", "NAME"},
		{"name", "Name"},
		{"nAmE", "Name"},
		{"other_key", "other_key"},
		{"OTHER_KEY", "other_key"},
		{"other-key", ""},
		{"Other", ""},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			got := ""
			if f := fields.lookup(tt.key); f != nil {
				got = f.name
			}
			if got != tt.want {
				t.Errorf("lookup(%q) = %q, want %q", tt.key, got, tt.want)
			}
		})
	}
}

// TestCachedFieldsOnce checks that a type's fields are computed once and
// shared.
func TestCachedFieldsOnce(t *testing.T) {
	typ := reflect.TypeFor[fieldsDeeper]()
	if a, b := cachedFields(typ), cachedFields(typ); a != b {
		t.Error("two lookups of one type gave different field lists")
	}
}
