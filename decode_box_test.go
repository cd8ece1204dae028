package toml

import (
	"fmt"
	"math"
	"reflect"
	"strings"
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

// TestBoxBlockSizes checks the first block of each kind in a decode: 32 for
// the kinds most documents hold many of, 8 for the others, doubling after.
func TestBoxBlockSizes(t *testing.T) {
	d := newDecodeState(nil, decodeOptions{})
	defer d.release()
	s, a, i, f := &d.strings, &d.arrays, &d.ints, &d.floats
	s.box("x")
	a.box(nil)
	i.box(1)
	f.box(1)
	got := []int{cap(s.block), cap(a.block), cap(i.block), cap(f.block)}
	if want := []int{32, 32, 8, 8}; !reflect.DeepEqual(got, want) {
		t.Errorf("first blocks: got %v, want %v", got, want)
	}
	for n := range 8 {
		i.box(int64(n))
	}
	if cap(i.block) != 16 {
		t.Errorf("second int block: got %d, want 16", cap(i.block))
	}
}

// TestDecodeStateRelease checks that a decodeState back in the pool holds
// nothing of the decode it served: the values belong to the caller, and a
// pooled state must not keep them alive.
func TestDecodeStateRelease(t *testing.T) {
	doc, err := ParseString(`key = "a string to be kept"`)
	if err != nil {
		t.Fatal(err)
	}
	d := newDecodeState(doc, decodeOptions{borrowed: true, strict: true})
	if kept := d.ownBorrowed(doc.Source()[7:20]); kept != "a string to b" {
		t.Fatalf("ownBorrowed: got %q", kept)
	}
	if k := d.ownKey(doc.Source()[:3], keyTag("key")); k != "key" || d.ownKey(doc.Source()[:3], keyTag("key")) != k {
		t.Fatalf("ownKey: got %q", k)
	}
	d.strings.box("boxed")
	d.path = append(d.path, pathPart{})
	d.streamed = append(d.streamed, "x")
	d.release()
	if d.recent == nil {
		t.Fatal("release dropped the table of recent strings, which it keeps")
	}
	if d.keys == nil {
		t.Fatal("release dropped the table of keys, which it keeps")
	}
	for i := range 256 {
		if d.recent[i] != "" || d.keys[i] != "" {
			t.Fatalf("slot %d still holds %q, %q", i, d.recent[i], d.keys[i])
		}
	}
	if d.strings.block != nil || d.streamed != nil || d.doc != nil || d.strict || d.borrowed || len(d.path) != 0 {
		t.Errorf("released state still holds the decode's data: %+v", *d)
	}
}

// TestSameText checks sameText against == for strings of every length up
// to 20 that differ in one byte at each place, or not at all.
func TestSameText(t *testing.T) {
	base := "abcdefghijklmnopqrst"
	for n := 0; n <= len(base); n++ {
		a := base[:n]
		if !sameText(a, string([]byte(a))) {
			t.Fatalf("%q: equal strings differ", a)
		}
		for i := range n {
			b := []byte(a)
			b[i] ^= 0x20
			if sameText(a, string(b)) {
				t.Fatalf("%q and %q: unequal strings are the same", a, b)
			}
		}
	}
}

// TestSizeBoxes checks that the parser counts the strings and arrays of
// every form (arrays of tables too) and that the generic decode sizes its
// first blocks by them, so that it boxes each kind into one block.
func TestSizeBoxes(t *testing.T) {
	var src strings.Builder
	for i := range 20 {
		fmt.Fprintf(&src, "s%d = %s\n", i, []string{`"v"`, `'v'`, `"""v"""`, `'''v'''`, `"\tv"`}[i%5])
	}
	for i := range 9 {
		fmt.Fprintf(&src, "a%d = []\n", i)
	}
	src.WriteString("[[t]]\n[[t]]\n")
	doc, err := ParseString(src.String())
	if err != nil {
		t.Fatal(err)
	}
	if doc.tree.nStrings != 20 || doc.tree.nArrays != 10 {
		t.Fatalf("counted %d strings and %d arrays, want 20 and 10", doc.tree.nStrings, doc.tree.nArrays)
	}
	d := newDecodeState(doc, decodeOptions{})
	defer d.release()
	d.sizeBoxes(&doc.tree)
	var m map[string]any
	d.decode(doc.Root(), reflect.ValueOf(&m).Elem())
	if cap(d.strings.block) != 20 || len(d.strings.block) != 20 || cap(d.arrays.block) != 10 || len(d.arrays.block) != 10 {
		t.Errorf("blocks: strings %d of %d, arrays %d of %d; want 20 of 20 and 10 of 10",
			len(d.strings.block), cap(d.strings.block), len(d.arrays.block), cap(d.arrays.block))
	}
}
