package toml

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTreeShapes checks the handles against a plain walk of documents
// that reach each representation the tree has: arrays of scalars (short
// and past a node's count), arrays holding arrays and inline tables (small
// and past bigTable nodes), arrays of tables, tables of one entry, of a
// few, and past smallTable (indexed), and keys whose names are escaped.
func TestTreeShapes(t *testing.T) {
	wideArray := "w = [" + strings.Repeat("1,", 70000) + "2]\n"
	bigInline := "b = [{x = [" + strings.Repeat("0,", 70000) + "]}, {y = 1}, 3]\n"
	var wideTable strings.Builder
	for i := range 100 {
		fmt.Fprintf(&wideTable, "k%d = %d\n", i, i)
	}
	// Dotted keys of two tables in turn end a run of each table's entries
	// at every key: past 1<<16-2 runs, the tree keeps where they go on in
	// another way.
	var manyRuns strings.Builder
	for i := range 40000 {
		fmt.Fprintf(&manyRuns, "a.k%d = %d\nb.k%d = %d\n", i, i, i, i)
	}
	docs := map[string]string{
		"interleaved":     "a.x = 1\nb.x = 2\na.y = 3\nc = 4\na.z = 5\nb.y = 6\n",
		"many runs":       manyRuns.String(),
		"scalars":         "a = [1, 'two', 3.0, true, 1979-05-27]\n",
		"wide array":      wideArray,
		"nested":          "n = [[1, [2, 3]], {a = 1, b = [4]}, [], {}, 5, {c.d = 6}]\n",
		"big inline":      bigInline,
		"array of tables": "[[p]]\nx = 1\n[[p]]\n[[p]]\ny = [1, {z = 2}]\n[p.sub]\nq = 1\n",
		"one entry":       "t = {a = 1}\n[u]\nb = 2\n",
		"wide table":      wideTable.String(),
		"escaped keys": "\"a\\tb\" = 1\n'lit' = 2\n\"\" = 3\n\"plain\" = 4\n[\"x\\u0041\".y]\nz = 5\n" +
			"'a\"b' = 6\n\"a'b\" = 7\n'c\\d' = 8\nab = 9\n'a' . b = 10\n",
	}
	for name, src := range docs {
		t.Run(name, func(t *testing.T) {
			doc, err := ParseString(src)
			if err != nil {
				t.Fatal(err)
			}
			checkHandles(t, doc.Root())
		})
	}
}

// checkHandles checks that iteration, Len, Index, Get and Lookup agree
// on every node below v.
func checkHandles(t *testing.T, v Value) {
	t.Helper()
	switch v.Kind() {
	case KindTable:
		tab := v.Table()
		if tab.Value() != v {
			t.Fatalf("Table().Value() is not the value")
		}
		n := 0
		for i, e := range tab.Entries() {
			if i != n {
				t.Fatalf("entry index %d, want %d", i, n)
			}
			n++
			if got := tab.Get(e.Key.Name); got != e.Value {
				t.Errorf("Get(%q) differs from its entry", e.Key.Name)
			}
			if got, ok := tab.Lookup(e.Key.Name); !ok || got.Key != e.Key {
				t.Errorf("Lookup(%q) = %+v, %v", e.Key.Name, got.Key, ok)
			}
			if e.Key.Span.Start >= e.Key.Span.End {
				t.Errorf("key %q has span %v", e.Key.Name, e.Key.Span)
			}
			checkHandles(t, e.Value)
		}
		if n != tab.Len() {
			t.Errorf("table yields %d entries, Len is %d", n, tab.Len())
		}
		if got := tab.Get("no such key"); got.Kind() != KindInvalid {
			t.Errorf("Get of a missing key gave a %s", got.Kind())
		}
	case KindArray:
		arr := v.Array()
		var elems []Value
		for _, e := range arr.Elems() {
			elems = append(elems, e)
		}
		if len(elems) != arr.Len() {
			t.Fatalf("array yields %d elements, Len is %d", len(elems), arr.Len())
		}
		for i, e := range elems {
			if got := arr.Index(i); got != e {
				t.Fatalf("Index(%d) = node %d, iteration gives node %d", i, got.i, e.i)
			}
			checkHandles(t, e)
		}
	}
}

// TestEscapedKeyNames pins names that differ from their source text.
func TestEscapedKeyNames(t *testing.T) {
	doc, err := ParseString("\"a\\tb\" = 1\n'l\\t' = 2\n\"\" = 3\n\"\\\"\" = 4\n")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range doc.Table().Entries() {
		got = append(got, e.Key.Name+"|"+doc.Text(e.Key.Span))
	}
	want := []string{"a\tb|\"a\\tb\"", "l\\t|'l\\t'", "|\"\"", "\"|\"\\\"\""}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
}

// TestConcurrentReaders reads one document from many goroutines at once:
// lookups in an indexed table, Index on arrays of tables and of arrays,
// and positions. Run with -race.
func TestConcurrentReaders(t *testing.T) {
	var b strings.Builder
	for i := range 100 {
		fmt.Fprintf(&b, "k%d = [%d, [%d]]\n", i, i, i)
	}
	for range 10 {
		b.WriteString("[[p]]\nx = 1\n")
	}
	b.WriteString("[big]\n")
	for i := range 40 {
		fmt.Fprintf(&b, "b%d = %d\n", i, i)
	}
	doc, err := ParseString(b.String())
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan bool)
	for g := range 8 {
		go func() {
			ok := true
			for i := range 100 {
				key := fmt.Sprintf("k%d", (i+g)%100)
				v := doc.Table().Get(key)
				ok = ok && v.Array().Index(1).Array().Index(0).Int() == int64((i+g)%100)
				ok = ok && v.Position().Line == (i+g)%100+1
				ok = ok && doc.Table().Get("p").Array().Index(9).Table().Get("x").Int() == 1
				ok = ok && doc.Table().Get("big").Table().Get(fmt.Sprintf("b%d", i%40)).Int() == int64(i%40)
			}
			done <- ok
		}()
	}
	for range 8 {
		if !<-done {
			t.Error("a reader saw a wrong value")
		}
	}
}

// TestLongKeys checks keys too long for an entry to keep their length:
// their end is found by reading them again.
func TestLongKeys(t *testing.T) {
	// About the longest length an entry keeps, and far past it.
	for _, size := range []int{252, 253, 254, 255, 256, 70000} {
		t.Run(fmt.Sprint(size), func(t *testing.T) { checkLongKeys(t, size) })
	}
}

func checkLongKeys(t *testing.T, size int) {
	bare := strings.Repeat("k", size)
	quoted := strings.Repeat("q\\t", size/3)
	src := bare + " = 1\n\"" + quoted + "\" = 2\n'" + bare + "x' = 3\n"
	doc, err := ParseString(src)
	if err != nil {
		t.Fatal(err)
	}
	tab := doc.Table()
	want := map[string]int64{bare: 1, strings.Repeat("q\t", size/3): 2, bare + "x": 3}
	for name, n := range want {
		if got := tab.Get(name).Int(); got != n {
			t.Errorf("key of %d bytes: got %d, want %d", len(name), got, n)
		}
	}
	for _, e := range tab.Entries() {
		if _, ok := want[e.Key.Name]; !ok {
			t.Errorf("entry named %.20q... of %d bytes", e.Key.Name, len(e.Key.Name))
		}
		if got := unquoteKeyText(t, doc.Text(e.Key.Span)); got != e.Key.Name {
			t.Errorf("key span of %.20q... reads as %.20q...", e.Key.Name, got)
		}
	}
	if _, err := ParseString(src + bare + " = 4\n"); err == nil {
		t.Error("a long key defined twice was accepted")
	}
}

func unquoteKeyText(t *testing.T, text string) string {
	t.Helper()
	doc, err := ParseString(text + " = 0")
	if err != nil {
		t.Fatalf("key text does not parse: %v", err)
	}
	for _, e := range doc.Table().Entries() {
		return e.Key.Name
	}
	return ""
}

// TestTablesInRuns checks that tables whose entries come in many runs,
// more than an entry's jump can name, keep every entry in order.
func TestTablesInRuns(t *testing.T) {
	const keys = 40000
	var src strings.Builder
	for i := range keys {
		fmt.Fprintf(&src, "a.k%d = %d\nb.k%d = %d\n", i, i, i, -i)
	}
	doc, err := ParseString(src.String())
	if err != nil {
		t.Fatal(err)
	}
	for name, sign := range map[string]int64{"a": 1, "b": -1} {
		tab := doc.Root().Table().Get(name).Table()
		if tab.Len() != keys {
			t.Fatalf("%s has %d entries, want %d", name, tab.Len(), keys)
		}
		for i, e := range tab.Entries() {
			if want := fmt.Sprintf("k%d", i); e.Key.Name != want || e.Value.Int() != sign*int64(i) {
				t.Fatalf("%s entry %d is %s = %d, want %s = %d", name, i, e.Key.Name, e.Value.Int(), want, sign*int64(i))
			}
		}
		if got := tab.Get("k39999").Int(); got != sign*39999 {
			t.Errorf("%s.k39999 = %d", name, got)
		}
	}
}
