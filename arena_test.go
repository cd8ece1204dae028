package toml

import (
	"strings"
	"testing"
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
	}
	for round := range 3 {
		for i, src := range docs {
			want, err := parseString(src, 0)
			if err != nil {
				t.Fatal(err)
			}
			got, p, err := parseTransient(src, 0)
			if err != nil {
				t.Fatal(err)
			}
			if w, g := dumpValue(want.Root), dumpValue(got.Root); w != g {
				t.Errorf("round %d, doc %d: pooled parse differs:\nwant %s\ngot  %s", round, i, w, g)
			}
			p.release()
		}
	}
}

// TestReleaseZeroes checks that a released arena holds no pointers into the
// document it built, so a pooled parser keeps no old input alive.
func TestReleaseZeroes(t *testing.T) {
	_, p, err := parseTransient("a = 'x'\nb = [1, 2]\n[c]\nd = {e = 1}\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	p.arena.reset()
	for _, blk := range p.arena.values.list {
		for _, v := range blk[:cap(blk)] {
			if v != (Value{}) {
				t.Fatalf("value not zeroed after reset: %+v", v)
			}
		}
	}
	for _, blk := range p.arena.entries.list {
		for _, e := range blk[:cap(blk)] {
			if e != (Entry{}) {
				t.Fatalf("entry not zeroed after reset: %+v", e)
			}
		}
	}
}

// TestBlocksTakeIsolated checks that a slice handed out by take cannot grow
// into the next one.
func TestBlocksTakeIsolated(t *testing.T) {
	b := blocks[int]{size: 16}
	first := b.take(3)
	second := b.take(3)
	if grown := append(first, 99); &grown[0] == &first[0] || second[0] != 0 {
		t.Fatalf("append to one slice wrote into the next: %v", second)
	}
	if cap(b.take(9)) != 9 {
		t.Fatal("a large take should get its own slice")
	}
}

// TestBlocksReuseAfterResize reuses blocks made for a small document for a
// larger one, whose runs are longer than the old blocks (found by fuzzing).
func TestBlocksReuseAfterResize(t *testing.T) {
	b := blocks[int]{size: 8}
	for range 5 {
		b.take(3)
	}
	b.reset()
	b.size = 64
	for range 20 {
		if s := b.take(30); len(s) != 30 || cap(s) != 30 {
			t.Fatalf("take(30) gave len %d cap %d", len(s), cap(s))
		}
	}
}

func dumpValue(v *Value) string {
	var b strings.Builder
	var walk func(v *Value)
	walk = func(v *Value) {
		b.WriteString(v.kind.String())
		switch v.kind {
		case KindTable:
			b.WriteString("{" + v.Table().origin.String() + ":")
			for _, e := range v.Table().entries {
				b.WriteString(e.Key.Name + "=")
				walk(e.Value)
				b.WriteString(",")
			}
			b.WriteString("}")
		case KindArray:
			b.WriteString("[")
			for _, e := range v.Array().elems {
				walk(e)
				b.WriteString(",")
			}
			b.WriteString("]")
		default:
			b.WriteString("(" + v.str + ")")
			b.WriteString(strings.Repeat("|", int(v.bits%7)))
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
		_, p, err := parseTransient(src, 0)
		if err != nil {
			b.Fatal(err)
		}
		p.release()
	}
}
