package toml

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

// TestTransientParseReuse parses documents of different shapes one after
// another through pooled parsers and checks each tree is what a fresh
// parser builds: no node of one document may leak into the next.
func TestTransientParseReuse(t *testing.T) {
	docs := []string{
		"a = 1\n[b]\nc = [1, 2, {d = 'x'}]\n",
		strings.Repeat("[[p]]\nname = \"n\"\nv = [\"a\", \"b\"]\nx.y = 1.5\n", 500),
		"t = 1979-05-27T07:32:00Z\n[x.y.z]\nw = true\n",
		"",
		"k = \"esc\\t\"\n\"q\\u0041\" = [[1, [2]], {x = [3, {}]}, 4]\n" + strings.Repeat("w = 1\n", 0),
	}
	for round := range 3 {
		for i, src := range docs {
			want, err := parseString(src, 0)
			if err != nil {
				t.Fatal(err)
			}
			got, p, err := parseTransient(src, 0, V1_0)
			if err != nil {
				t.Fatal(err)
			}
			if w, g := dumpValue(want.Root()), dumpValue(got.Root()); w != g {
				t.Errorf("round %d, doc %d: pooled parse differs:\nwant %s\ngot  %s", round, i, w, g)
			}
			p.release()
		}
	}
}

// TestReleaseDropsStrings checks that a released parser keeps no string of
// the document it read: its stores hold no pointers, and what does is
// emptied.
func TestReleaseDropsStrings(t *testing.T) {
	_, p, err := parseTransient("a = 'x'\nb = [1, 2]\n[c]\nd = {e = \"\\u00e9\"}\n\"\\t\" = 1\n", 0, V1_0)
	if err != nil {
		t.Fatal(err)
	}
	p.release()
	tr := p.tree
	if tr.src != "" || tr.keyNames != nil || tr.indexes != nil || len(tr.strs) != 0 {
		t.Fatalf("released tree still refers to its document: %q %v %v %v", tr.src, tr.keyNames, tr.indexes, tr.strs)
	}
	for _, s := range tr.strs[:cap(tr.strs)] {
		if s != "" {
			t.Fatalf("released tree keeps string %q", s)
		}
	}
}

// TestStoreChunks pushes across chunk boundaries, from a small first chunk
// and again after a reset, and reads every element back.
func TestStoreChunks(t *testing.T) {
	var s store[uint64]
	s.sizeFor(10)
	for round := range 2 {
		s.reset()
		n := uint32(3*chunkSize + 17)
		for i := range n {
			if got := s.push(uint64(i) * 3); got != i {
				t.Fatalf("round %d: push %d returned %d", round, i, got)
			}
		}
		for i := range n {
			if got := *s.at(i); got != uint64(i)*3 {
				t.Fatalf("round %d: at(%d) = %d", round, i, got)
			}
		}
	}
	if len(s.chunks) != 4 {
		t.Fatalf("reuse made new chunks: %d", len(s.chunks))
	}
}

// TestNodeSize pins the size of a node: the memory a document costs is
// mostly nodes.
func TestNodeSize(t *testing.T) {
	if n, e, l := unsafe.Sizeof(node{}), unsafe.Sizeof(entry{}), unsafe.Sizeof(list{}); n != 16 || e != 12 || l != 16 {
		t.Fatalf("node %d, entry %d, list %d bytes; want 16, 12 and 16", n, e, l)
	}
}

func dumpValue(v Value) string {
	var b strings.Builder
	var walk func(v Value)
	walk = func(v Value) {
		b.WriteString(v.Kind().String())
		fmt.Fprintf(&b, "@%v", v.Span())
		switch v.Kind() {
		case KindTable:
			b.WriteString("{" + v.Table().Origin().String() + ":")
			for _, e := range v.Table().Entries() {
				fmt.Fprintf(&b, "%q@%v=", e.Key.Name, e.Key.Span)
				walk(e.Value)
				b.WriteString(",")
			}
			b.WriteString("}")
		case KindArray:
			b.WriteString("[")
			for _, e := range v.Array().Elems() {
				walk(e)
				b.WriteString(",")
			}
			b.WriteString("]")
		case KindString:
			fmt.Fprintf(&b, "(%q)", v.Str())
		case KindInteger:
			fmt.Fprintf(&b, "(%d)", v.Int())
		case KindFloat:
			fmt.Fprintf(&b, "(%v)", v.Float())
		case KindBool:
			fmt.Fprintf(&b, "(%v)", v.Bool())
		default:
			fmt.Fprintf(&b, "(%v)", v.LocalDateTime())
		}
	}
	walk(v)
	return b.String()
}

func BenchmarkParseTransient(b *testing.B) {
	src := strings.Repeat("[[package]]\nname = \"addr2line\"\nversion = \"0.25.1\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\ndependencies = [\n \"gimli\",\n]\n\n", 4000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		_, p, err := parseTransient(src, 0, V1_0)
		if err != nil {
			b.Fatal(err)
		}
		p.release()
	}
}
