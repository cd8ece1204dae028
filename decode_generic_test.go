package toml_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	tomltest "github.com/toml-lang/toml-test/v2"

	"github.com/seed02375186/toml"
	"github.com/seed02375186/toml/internal/tagged"
)

// sameGo compares generic Go values: NaN equals NaN, and times are equal
// when they are the same instant with the same offset.
var sameGo = cmp.Options{
	cmp.Comparer(func(a, b float64) bool {
		return a == b && math.Signbit(a) == math.Signbit(b) || math.IsNaN(a) && math.IsNaN(b)
	}),
	cmp.Comparer(func(a, b time.Time) bool {
		_, ao := a.Zone()
		_, bo := b.Zone()
		return a.Equal(b) && ao == bo
	}),
}

// genericCases are documents with values of each kind, inline tables with
// dotted keys, wide and huge inline tables, nested arrays, tables made by
// headers, dotted keys and implicitly, arrays of tables with sub-tables,
// and escaped keys.
func genericCases() map[string]string {
	var wideInline, manyKinds strings.Builder
	wideInline.WriteString("w = {")
	for i := range 40 {
		fmt.Fprintf(&wideInline, "k%d = %d, ", i, i)
	}
	wideInline.WriteString("last = {x.y = 1}}\nafter = 2\n")
	for i := range 50 {
		fmt.Fprintf(&manyKinds, "[t%d]\ns = 's%d'\ni = %d\nf = %d.5\nb = true\nd = 1979-05-%02dT07:32:00Z\n"+
			"ld = 1979-05-27T07:32:00\ndt = 1979-05-27\nt = 07:32:00\na = [%d, 'x']\nit = {k = %d}\n",
			i, i, i, i, i%28+1, i, i)
	}
	// Unmarshal decodes the elements of the first array of tables while it
	// parses, as soon as a new element closes the one before (decode.go,
	// closedElement): these documents go past each rule of that.
	var wideElems, hugeElems strings.Builder
	for i := range 3 {
		wideElems.WriteString("[[w]]\n")
		for k := range 40 {
			fmt.Fprintf(&wideElems, "k%d = %d\n", k, i*k)
		}
		fmt.Fprintf(&hugeElems, "[[h]]\nx = {y = [%s%d]}\ns = \"\\u00e9%d\"\np.x = 1\nq.x = 2\np.y = 3\nq.y = {z = 4}\n",
			strings.Repeat("0, ", 70000), i, i)
	}
	streams := map[string]string{
		"stream wide elements": wideElems.String(),
		"stream huge elements": hugeElems.String(),
		"stream interrupted":   "[[a]]\nx = 1\n[[a]]\nx = 2\n[b]\ny = 1\n[[a]]\nx = 3\n[b.c]\n[[a]]\nx = 4\n[[a]]\nx = 5\n",
		"stream nested":        "[[a]]\n[[a.b]]\nn = 1\n[[a.b]]\nn = 2\n[a.c]\nd = 1\n[[a]]\n[[a.b]]\nn = 3\n[a.b.e]\n[[a]]\n",
		"stream two arrays":    "v = 1\n[[a]]\nx = 1\n[[a]]\nx = 2\n[[b]]\ny = 1\n[[b]]\ny = 2\n[[b]]\n",
		"stream in a table":    "[t]\nk = 1\n[[t.a]]\nx = 1\n[[t.a]]\nx = {y = [1, {z = 2}]}\n[t.b]\n[[t.a2]]\n[[t.a2]]\n",
		"stream dotted":        "[[a]]\nb.c = 1\nb.d = [1, 2]\n[a.b.e]\nf = 1\n[[a]]\nb.c = 2\n[[a]]\n",
		"stream then root":     "[[a]]\nx = 1\n[[a]]\nx = 2\n[r]\ns = 1\n",
		"stream one element":   "[[a]]\nx = 1\n",
		"stream sub-tables":    "[[a]]\n[a.q]\nv = 1\n[[a]]\n[a.q]\nv = 2\n[[a]]\n[a.q]\nv = 3\n[a.q.r]\n[[a]]\n[a.q]\n",
	}
	cases := map[string]string{
		"kinds":           manyKinds.String(),
		"wide inline":     wideInline.String(),
		"huge inline":     "h = {a = [" + strings.Repeat("[1, {b = 2}], ", 30000) + "]}\nz = 1\n",
		"inline dotted":   "a = {b.c = 1, b.d = {e = 2}, f = [{g.h = 3}]}\nb.x = 1\nb.y.z = 2\n",
		"nested arrays":   "a = [[1, [2, [3]]], [], [{}], [{a = [{b = 1}]}]]\nb = [1, 2]\n",
		"headers":         "[a.b.c]\nx = 1\n[a]\ny = 2\n[a.b]\nz = 3\n[d]\ne.f.g = 4\ne.f.h = 5\n[d.e.i]\nj = 6\n",
		"arrays of table": "[[p]]\nn = 1\n[p.sub]\nq = 1\n[[p.list]]\nr = 1\n[[p.list]]\nr = 2\n[[p]]\nn = 2\n[[p]]\n[x]\n[[x.p]]\n",
		"escaped keys":    "\"a\\tb\" = 1\n'lit' = 2\n[\"x\\u0041\".y]\nz = \"\\u00e9\\n\"\n",
		"interleaved":     "a.x = 1\nb.x = 2\na.y = {p = 1, q = 2}\nc = 4\na.z = [5]\nb.y = 6\n",
		"empty":           "",
	}
	for name, src := range streams {
		cases[name] = src
	}
	return cases
}

// genericInputs returns genericCases, every valid toml-test case and every
// accepted corpus file.
func genericInputs(t *testing.T) map[string][]byte {
	inputs := roundTripInputs(t)
	for name, src := range genericCases() {
		inputs["case/"+name] = []byte(src)
	}
	return inputs
}

// walked decodes data by walking its tree.
func walked(t *testing.T, data []byte) map[string]any {
	t.Helper()
	doc, err := toml.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := toml.DecodeValue(doc.Root(), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestUnmarshalGeneric decodes documents into a map[string]any and an
// empty interface, and checks the result against toml-test's JSON for its
// cases and against DecodeValue on a parsed tree for all, also when the
// input is large enough to be read in place and is overwritten afterwards.
func TestUnmarshalGeneric(t *testing.T) {
	testUnmarshalGeneric(t, genericInputs(t))
}

// TestUnmarshalGenericStreams decodes the documents again handing over
// elements of arrays of tables one and two at a time, so that every rule
// of the stream is reached by small documents.
func TestUnmarshalGenericStreams(t *testing.T) {
	for _, batch := range []int{1, 2} {
		t.Run(fmt.Sprint(batch), func(t *testing.T) {
			defer toml.SetStreamBatch(batch)()
			testUnmarshalGeneric(t, genericInputs(t))
		})
	}
}

func testUnmarshalGeneric(t *testing.T, inputs map[string][]byte) {
	cases := tomltest.TestCases()
	for name, data := range inputs {
		t.Run(name, func(t *testing.T) {
			want := walked(t, data)
			var m map[string]any
			if err := toml.Unmarshal(data, &m); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, m, sameGo); diff != "" {
				t.Fatalf("into a map (-walked +unmarshaled):\n%s", diff)
			}
			var a any
			if err := toml.Unmarshal(data, &a); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(any(want), a, sameGo); diff != "" {
				t.Fatalf("into an interface (-walked +unmarshaled):\n%s", diff)
			}
			// Large inputs are read in place: the result must not change
			// with the caller's bytes.
			big := append(data, bytes.Repeat([]byte("\n"), 70<<10)...)
			var fromBig map[string]any
			if err := toml.Unmarshal(big, &fromBig); err != nil {
				t.Fatal(err)
			}
			clear(big)
			if diff := cmp.Diff(want, fromBig, sameGo); diff != "" {
				t.Fatalf("from a large input (-walked +unmarshaled):\n%s", diff)
			}
			if strings.HasPrefix(name, "valid/") {
				js, err := fs.ReadFile(cases, name+".json")
				if err != nil {
					t.Fatal(err)
				}
				expected, err := tagged.ToGo(js)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(expected, a, sameGo); diff != "" {
					t.Fatalf("against toml-test's JSON (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// tableRuleErrors break a rule of tables against a value read before.
var tableRuleErrors = []string{
	"a = 1\n[a]\n",
	"x = 0\na = 1\n[a]\n",
	"a = [1]\n[[a]]\n",
	"x = []\na = [1]\n[[a]]\n",
	"a = {}\n[a.b]\n",
	"x = {}\na = {b = 1}\na.c = 2\n",
	"a = [{}]\n[a.b]\n",
	"x = 1\nx.y = 2\n",
	"a = 1979-05-27\n[a]\n",
	"s = 's'\nt = 't'\nt.u = 1\n",
	"a = {b = {c = 1}}\n[a.b]\n",
	"[t]\na = 1\n[t.a.b]\n",
	"a = {b = 1, b = 2}\n",
	"a = {b.c = 1, b = 2}\n",
	"a = [1, {b = 1, b = 2}]\n",
	"[a]\nb = 1\n[a]\n",
	"a = 1\na = {}\n",
	// In elements of an array of tables that are decoded while parsing.
	"[[a]]\nx = 1\n[[a]]\nx = 1\nx = 2\n",
	"[[a]]\nx = 1\n[[a]]\nb = 1\n[a.b]\n",
	"[[a]]\n[[a]]\nb = [1]\n[[a.b]]\n",
	"[[a]]\n[[a]]\n[a.b]\n[[a]]\n[a.b]\nc = 1\n[a.b]\n",
	"[[a]]\n[[a]]\n[b]\n[[a]]\n[b]\n",
	"[[a]]\n[[a]]\na = 1\n[[a]]\n[[a.a]]\n[a]\n",
}

// TestUnmarshalMaxValues checks that the value limit counts the same
// through Unmarshal into generic values, which decodes some elements of an
// array of tables while parsing and drops their nodes, as through a walk.
func TestUnmarshalMaxValues(t *testing.T) {
	docs := []string{
		"a = [1, [2, 3], {b = 4, c.d = [5]}]\n[[e]]\nf = 6\n[[e]]\ng = {h = 7}\n[[e]]\n[e.i]\nj.k = 8\n[[e]]\n",
		genericCases()["stream nested"],
		genericCases()["stream interrupted"],
	}
	defer toml.SetStreamBatch(1)()
	for i, src := range docs {
		for limit := 1; limit < 40; limit++ {
			var s struct{}
			walkErr := decodeLimited(src, limit, &s)
			var m map[string]any
			genericErr := decodeLimited(src, limit, &m)
			if fmt.Sprint(walkErr) != fmt.Sprint(genericErr) {
				t.Errorf("doc %d, limit %d: into a map: %v; into a struct: %v", i, limit, genericErr, walkErr)
			}
		}
	}
}

func decodeLimited(src string, limit int, v any) error {
	dec := toml.NewDecoder(strings.NewReader(src))
	dec.MaxValues(limit)
	return dec.Decode(v)
}

func invalidCases(t *testing.T) map[string][]byte {
	t.Helper()
	cases := toml100Cases(t, "invalid/")
	for i, src := range tableRuleErrors {
		cases[fmt.Sprintf("case/%d", i)] = []byte(src)
	}
	return cases
}

// TestUnmarshalRejectsAsParse checks that Unmarshal into generic values
// rejects what Parse rejects, with the same message, and leaves the target
// as it was.
func TestUnmarshalRejectsAsParse(t *testing.T) {
	for _, batch := range []int{1, 64} {
		t.Run(fmt.Sprint(batch), func(t *testing.T) {
			defer toml.SetStreamBatch(batch)()
			testUnmarshalRejects(t)
		})
	}
}

func testUnmarshalRejects(t *testing.T) {
	for name, data := range invalidCases(t) {
		t.Run(name, func(t *testing.T) {
			_, want := toml.Parse(data)
			if want == nil {
				t.Fatal("Parse accepts it")
			}
			m := map[string]any{"kept": true}
			err := toml.Unmarshal(data, &m)
			if err == nil || err.Error() != want.Error() {
				t.Fatalf("Unmarshal into a map: %v, want %v", err, want)
			}
			if diff := cmp.Diff(map[string]any{"kept": true}, m); diff != "" {
				t.Errorf("the map changed:\n%s", diff)
			}
			var a any = "kept"
			if err := toml.Unmarshal(data, &a); err == nil || err.Error() != want.Error() {
				t.Fatalf("Unmarshal into an interface: %v, want %v", err, want)
			}
			if a != "kept" {
				t.Errorf("the interface changed to %v", a)
			}
		})
	}
}

// TestUnmarshalGenericTargets checks what Unmarshal does with what the
// target held: a map is added to, an interface replaced, and a pointer in
// an interface is decoded into.
func TestUnmarshalGenericTargets(t *testing.T) {
	src := []byte("a = 1\n[t]\nb = 'x'\n")
	m := map[string]any{"a": "old", "other": 2}
	if err := toml.Unmarshal(src, &m); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"a": int64(1), "other": 2, "t": map[string]any{"b": "x"}}
	if diff := cmp.Diff(want, m); diff != "" {
		t.Errorf("into a map that held keys (-want +got):\n%s", diff)
	}
	var a any = []int{1}
	if err := toml.Unmarshal(src, &a); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(any(map[string]any{"a": int64(1), "t": map[string]any{"b": "x"}}), a); diff != "" {
		t.Errorf("into an interface that held a slice (-want +got):\n%s", diff)
	}
	var into struct {
		A int
		T struct{ B string }
	}
	a = &into
	if err := toml.Unmarshal(src, &a); err != nil {
		t.Fatal(err)
	}
	if into.A != 1 || into.T.B != "x" || a != any(&into) {
		t.Errorf("into the struct an interface points to: %+v, interface %v", into, a)
	}
}

// FuzzUnmarshalStreams decodes documents into an empty interface handing
// over each element of an array of tables as soon as it closes, and checks
// the result and the error against a walk of the parsed tree. It lives
// here rather than in fuzz/ because only this package's tests can set the
// batch size, and real batches are too long for fuzzed inputs to reach;
// fuzz/run.sh runs it too.
func FuzzUnmarshalStreams(f *testing.F) {
	for _, src := range genericCases() {
		if len(src) < 4<<10 {
			f.Add([]byte(src))
		}
	}
	for _, src := range tableRuleErrors {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		defer toml.SetStreamBatch(1)()
		var got any
		err := toml.Unmarshal(src, &got)
		doc, parseErr := toml.Parse(src)
		if fmt.Sprint(err) != fmt.Sprint(parseErr) {
			t.Fatalf("input %q:\nUnmarshal: %v\nParse:     %v", src, err, parseErr)
		}
		if parseErr != nil {
			return
		}
		var want any
		if err := toml.DecodeValue(doc.Root(), &want); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got, sameGo); diff != "" {
			t.Fatalf("input %q:\n(-walked +streamed):\n%s", src, diff)
		}
	})
}
