package toml

import (
	"math"
	"reflect"
	"testing"
	"time"
)

// TestBoxes checks that boxed values are ordinary interface values: equal
// to the compiler's, asserted and reflected on the same way, and separate
// from each other across block boundaries.
func TestBoxes(t *testing.T) {
	var s boxes[string]
	var i boxes[int64]
	var f boxes[float64]
	var got []any
	for n := range 3000 {
		got = append(got, s.box(string(rune('a'+n%26))), i.box(int64(n)-1500), f.box(float64(n)/3))
	}
	for n := range 3000 {
		want := []any{string(rune('a' + n%26)), int64(n) - 1500, float64(n) / 3}
		for k, w := range want {
			g := got[3*n+k]
			if g != w || reflect.TypeOf(g) != reflect.TypeOf(w) || !reflect.DeepEqual(g, w) {
				t.Fatalf("box %d/%d: got %#v (%T), want %#v (%T)", n, k, g, g, w, w)
			}
		}
		if v, ok := got[3*n+1].(int64); !ok || v != int64(n)-1500 {
			t.Fatalf("type assertion on boxed int64 %d failed", n)
		}
	}
	var tm boxes[time.Time]
	var ld boxes[LocalDate]
	when := time.Date(1979, 5, 27, 7, 32, 0, 5, time.FixedZone("", -7*3600))
	if g := tm.box(when); g.(time.Time) != when || !reflect.DeepEqual(g, any(when)) {
		t.Fatalf("boxed time reads back as %v", g)
	}
	if g := ld.box(LocalDate{1979, 5, 27}); g != any(LocalDate{1979, 5, 27}) {
		t.Fatalf("boxed date reads back as %v", g)
	}
	var sl boxes[[]any]
	for n := range 100 {
		want := []any{int64(n), "x"}
		if g := sl.box(want); !reflect.DeepEqual(g, any(want)) || &g.([]any)[0] != &want[0] {
			t.Fatalf("boxed slice %d reads back as %#v", n, g)
		}
	}
	nan := f.box(math.NaN())
	if x, ok := nan.(float64); !ok || !math.IsNaN(x) {
		t.Fatalf("boxed NaN reads back as %v", nan)
	}
	m := map[any]int{s.box("key"): 1}
	if m["key"] != 1 {
		t.Fatal("a boxed string does not hash like an ordinary one")
	}
}
