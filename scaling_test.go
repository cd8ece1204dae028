//go:build unix

package toml_test

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/seed02375186/toml"
)

// The tests in this file check that hostile shapes of input cost time and
// memory in proportion to their size, and that nesting past toml.MaxDepth
// gives a clean error however deep it goes. They compare growth rather
// than time a run against a clock, so a loaded machine does not fail them;
// the slow ones are skipped by go test -short. They measure processor time
// with getrusage, hence the unix build constraint.

// maxGrowth bounds how much the time per element may grow when the input
// grows tenfold: linear work gives about 1, quadratic work 10.
const maxGrowth = 5

// scalingShape builds a document whose size grows with n.
type scalingShape struct {
	name  string
	n     int // the small size; the large one is 10n
	build func(n int) string
}

var scalingShapes = []scalingShape{
	{"keys in one table", 10_000, func(n int) string {
		return scalingLines(n, func(b *strings.Builder, i int) { fmt.Fprintf(b, "k%d = %d\n", i, i) })
	}},
	{"keys in an inline table", 10_000, func(n int) string {
		var b strings.Builder
		b.WriteString("t = {")
		for i := range n {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "k%d = %d", i, i)
		}
		b.WriteString("}\n")
		return b.String()
	}},
	{"parts of one dotted key", 1_000, func(n int) string {
		return scalingDotted(n) + " = 1\n"
	}},
	{"dotted keys under a shared prefix", 10_000, func(n int) string {
		return scalingLines(n, func(b *strings.Builder, i int) { fmt.Fprintf(b, "a.b.c.k%d = %d\n", i, i) })
	}},
	{"array-of-tables headers", 1_000, func(n int) string {
		return scalingLines(n, func(b *strings.Builder, i int) { fmt.Fprintf(b, "[[a]]\nx = %d\n", i) })
	}},
	{"sub-tables of the last array element", 1_000, func(n int) string {
		return scalingLines(n, func(b *strings.Builder, i int) { fmt.Fprintf(b, "[[a]]\n[a.b]\n[[a.c]]\nx = %d\n", i) })
	}},
	{"table headers", 10_000, func(n int) string {
		return scalingLines(n, func(b *strings.Builder, i int) { fmt.Fprintf(b, "[t%d]\nx = 1\n", i) })
	}},
	{"array elements", 10_000, func(n int) string {
		return "a = [" + strings.Repeat("1, ", n) + "]\n"
	}},
	{"inline tables in an array", 10_000, func(n int) string {
		return "a = [" + strings.Repeat("{x = 'y'}, ", n) + "]\n"
	}},
	{"bytes of a basic string with escapes", 100_000, func(n int) string {
		return `s = "` + strings.Repeat(`ab\tc\u00e9`, n/10) + "\"\n"
	}},
	{"bytes of a multi-line literal string", 100_000, func(n int) string {
		return "s = '''\n" + strings.Repeat("x'y''z\n", n/7) + "'''\n"
	}},
	{"comment lines", 10_000, func(n int) string {
		return strings.Repeat("# a comment, ë\n", n)
	}},
	{"nested arrays", 900, func(n int) string {
		return "a = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n"
	}},
	{"nested inline tables", 900, func(n int) string {
		return "a = " + strings.Repeat("{a = ", n) + "1" + strings.Repeat("}", n) + "\n"
	}},
}

func scalingLines(n int, line func(b *strings.Builder, i int)) string {
	var b strings.Builder
	for i := range n {
		line(&b, i)
	}
	return b.String()
}

// scalingDotted returns a dotted key of n distinct parts.
func scalingDotted(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte('.')
		}
		fmt.Fprintf(&b, "p%d", i)
	}
	return b.String()
}

// bestTime returns the processor time of the fastest of a few runs of f.
// Processor time rather than wall time, and the fastest run, so that other
// work on a loaded machine does not count. The garbage collector is off
// while f runs: a small input may finish before the first collection while
// a large one pays for several, which would look like growth that is not
// the parser's.
func bestTime(f func()) time.Duration {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	best := time.Duration(1<<63 - 1)
	for range 5 {
		runtime.GC()
		start := processTime()
		f()
		best = min(best, processTime()-start)
	}
	runtime.GC()
	return best
}

// processTime returns the processor time the test process has used. With
// the collector off and no test running in parallel, that is the parser's.
func processTime() time.Duration {
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		panic(fmt.Sprintf("getrusage: %v", err))
	}
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
}

// TestParseScalesLinearly parses each shape at n and 10n elements and
// checks that the time per element does not grow by more than maxGrowth.
func TestParseScalesLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling tests parse inputs of several megabytes; skipped with -short")
	}
	for _, shape := range scalingShapes {
		t.Run(shape.name, func(t *testing.T) {
			checkLinear(t, shape, func(src []byte) error {
				_, err := toml.Parse(src)
				return err
			})
		})
	}
}

// TestUnmarshalScalesLinearly does the same for Unmarshal into an any, on
// the shapes that stress the decoder's maps and slices.
func TestUnmarshalScalesLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling tests decode inputs of several megabytes; skipped with -short")
	}
	for _, shape := range scalingShapes {
		switch shape.name {
		case "keys in one table", "dotted keys under a shared prefix", "array-of-tables headers", "array elements", "nested inline tables":
		default:
			continue
		}
		t.Run(shape.name, func(t *testing.T) {
			checkLinear(t, shape, func(src []byte) error {
				var v any
				return toml.Unmarshal(src, &v)
			})
		})
	}
}

// formatShapes stress what the formatter does beyond the parser: blank
// lines inserted before comment lines that belong to headers, and arrays
// spanning lines with comments.
var formatShapes = []scalingShape{
	{"headers with their comment lines", 10_000, func(n int) string {
		return scalingLines(n, func(b *strings.Builder, i int) { fmt.Fprintf(b, "k = 1\n# about t%d\n# more\n[t%d]\n", i, i) })
	}},
	{"elements of an array over several lines", 10_000, func(n int) string {
		return "a = [\n" + strings.Repeat("  1,   # one\n\n\n  2 , 3,\n", n/3) + "]\n"
	}},
	{"arrays over several lines", 10_000, func(n int) string {
		return scalingLines(n, func(b *strings.Builder, i int) { fmt.Fprintf(b, "a%d = [ # list\n 1,\n [2, 3],\n]\n", i) })
	}},
}

// TestFormatScalesLinearly formats every shape of the parser's scaling
// test and the formatter's own at n and 10n elements.
func TestFormatScalesLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling tests format inputs of several megabytes; skipped with -short")
	}
	for _, shape := range append(append([]scalingShape(nil), scalingShapes...), formatShapes...) {
		t.Run(shape.name, func(t *testing.T) {
			checkLinear(t, shape, func(src []byte) error {
				_, err := toml.Format(src)
				return err
			})
		})
	}
}

// TestEditScalesLinearly checks the Editor's two promises of linear time:
// one edit costs time in proportion to the document's size, whatever its
// shape (set at the end of the document, delete at its start, append to a
// long array, a new table after many), and n edits of one document cost
// n times one.
func TestEditScalesLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling tests edit inputs of several megabytes; skipped with -short")
	}
	lock := func(n int) string {
		return scalingLines(n, func(b *strings.Builder, i int) {
			fmt.Fprintf(b, "[[package]]\nname = \"p%d\"\nversion = \"1.0.%d\"\ndependencies = [\n \"a\",\n \"b\",\n]\n\n", i, i)
		})
	}
	edits := []struct {
		name string
		n    int
		doc  func(n int) string
		edit func(ed *toml.Editor) error
	}{
		{"set the last package's version", 2_000, lock, func(ed *toml.Editor) error { return ed.Set("package[-1].version", "2.0.0") }},
		{"delete the first package", 2_000, lock, func(ed *toml.Editor) error { return ed.Delete("package[0]") }},
		{"append a package", 2_000, lock, func(ed *toml.Editor) error { return ed.Append("package", map[string]any{"name": "new"}) }},
		{"append to a long array", 10_000, func(n int) string {
			return "a = [\n" + strings.Repeat("    1, # one\n", n) + "]\n"
		}, func(ed *toml.Editor) error { return ed.Append("a", 2) }},
		{"a new table after many", 10_000, func(n int) string {
			return scalingLines(n, func(b *strings.Builder, i int) { fmt.Fprintf(b, "[t.s%d]\nx = 1\n\n", i) })
		}, func(ed *toml.Editor) error { return ed.Set("t.new.x", 1) }},
		{"a key in a wide table", 10_000, func(n int) string {
			return "[t]\n" + scalingLines(n, func(b *strings.Builder, i int) { fmt.Fprintf(b, "k%d = %d\n", i, i) })
		}, func(ed *toml.Editor) error { return ed.Set("t.new", 1) }},
	}
	for _, tt := range edits {
		t.Run(tt.name, func(t *testing.T) {
			checkLinear(t, scalingShape{tt.name, tt.n, tt.doc}, func(src []byte) error {
				ed, err := toml.NewEditor(src)
				if err == nil {
					err = tt.edit(ed)
				}
				return err
			})
		})
	}
	t.Run("edits of one document", func(t *testing.T) {
		src := []byte(lock(500))
		times := func(k int) func() {
			return func() {
				ed, err := toml.NewEditor(src)
				if err != nil {
					t.Fatal(err)
				}
				for i := range k {
					if err := ed.Set(fmt.Sprintf("package[%d].version", i%500), "2.0.0"); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		const k = 20
		few, many := bestTime(times(k)), bestTime(times(10*k))
		growth := (float64(many) / float64(10*k)) / (float64(few) / float64(k))
		t.Logf("%d edits: %v, %d edits: %v; time per edit grew %.2f×", k, few, 10*k, many, growth)
		if growth > maxGrowth {
			t.Errorf("time per edit grew %.1f× from %d to %d edits, want under %d×", growth, k, 10*k, maxGrowth)
		}
	})
}

// checkLinear times run on the shape at n and 10n elements and fails if
// the time per element grows by more than maxGrowth.
func checkLinear(t *testing.T, shape scalingShape, run func([]byte) error) {
	t.Helper()
	small, large := []byte(shape.build(shape.n)), []byte(shape.build(10*shape.n))
	timed := func(src []byte) func() {
		return func() {
			if err := run(src); err != nil {
				t.Fatal(err)
			}
		}
	}
	smallTime, largeTime := bestTime(timed(small)), bestTime(timed(large))
	growth := (float64(largeTime) / float64(10*shape.n)) / (float64(smallTime) / float64(shape.n))
	t.Logf("n=%d: %v, 10n: %v; time per element grew %.2f×", shape.n, smallTime, largeTime, growth)
	if growth > maxGrowth {
		t.Errorf("time per element grew %.1f× from %d to %d elements (%v to %v), want under %d× for linear time",
			growth, shape.n, 10*shape.n, smallTime, largeTime, maxGrowth)
	}
}

// TestDuplicatesFoundInLinearTime checks that a duplicate key or table at the
// end of a wide document is still found, and found without quadratic work.
func TestDuplicatesFoundInLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling tests parse inputs of several megabytes; skipped with -short")
	}
	tests := []struct {
		name  string
		build func(n int) string
	}{
		{"duplicate key", func(n int) string {
			return scalingLines(n, func(b *strings.Builder, i int) { fmt.Fprintf(b, "k%d = 1\n", i) }) + "k0 = 2\n"
		}},
		{"duplicate table", func(n int) string {
			return scalingLines(n, func(b *strings.Builder, i int) { fmt.Fprintf(b, "[t%d]\n", i) }) + "[t0]\n"
		}},
		{"duplicate key in an inline table", func(n int) string {
			return "a = {" + scalingLines(n, func(b *strings.Builder, i int) { fmt.Fprintf(b, "k%d = 1, ", i) }) + "k0 = 2}\n"
		}},
		{"key redefined as a table", func(n int) string {
			return scalingLines(n, func(b *strings.Builder, i int) { fmt.Fprintf(b, "a.k%d = 1\n", i) }) + "[a.k0]\n"
		}},
	}
	const n = 10_000
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			small, large := []byte(tt.build(n)), []byte(tt.build(10*n))
			reject := func(src []byte) func() {
				return func() {
					_, err := toml.Parse(src)
					var pe *toml.ParseError
					if !errors.As(err, &pe) || pe.Previous.Line != 1 {
						t.Fatalf("Parse gave %v, want a ParseError naming the first definition on line 1", err)
					}
				}
			}
			smallTime, largeTime := bestTime(reject(small)), bestTime(reject(large))
			growth := (float64(largeTime) / 10) / float64(smallTime)
			t.Logf("n=%d: %v, 10n: %v; time per element grew %.2f×", n, smallTime, largeTime, growth)
			if growth > maxGrowth {
				t.Errorf("time per element grew %.1f× from %d to %d entries, want under %d× for linear time", growth, n, 10*n, maxGrowth)
			}
		})
	}
}

// depthShapes build documents whose deepest node lies depth steps (keys or
// array indexes) below the root, for each way TOML has of nesting.
var depthShapes = []struct {
	name  string
	build func(depth int) string
}{
	{"arrays", func(d int) string { return "a = " + strings.Repeat("[", d) + strings.Repeat("]", d) }},
	{"inline tables", func(d int) string {
		return "a = " + strings.Repeat("{a = ", d-1) + "1" + strings.Repeat("}", d-1)
	}},
	{"inline tables in arrays", func(d int) string {
		// Each [{a = takes two steps; an array ends an even depth.
		pairs, innermost := (d-1)/2, "1"
		if (d-1)%2 == 1 {
			innermost = "[1]"
		}
		return "a = " + strings.Repeat("[{a = ", pairs) + innermost + strings.Repeat("}]", pairs)
	}},
	{"dotted key", func(d int) string { return strings.Repeat("a.", d-1) + "a = 1" }},
	{"table header", func(d int) string { return "[" + strings.Repeat("a.", d-1) + "a]" }},
	{"array-of-tables header", func(d int) string { return "[[" + strings.Repeat("a.", d-2) + "a]]" }},
	{"header then dotted key", func(d int) string {
		return "[" + strings.Repeat("a.", d/2-1) + "a]\n" + strings.Repeat("b.", d-d/2-1) + "b = 1"
	}},
}

// TestNestingLimit checks that every way of nesting is accepted at
// toml.MaxDepth and rejected one level deeper, with a positioned error.
func TestNestingLimit(t *testing.T) {
	for _, shape := range depthShapes {
		t.Run(shape.name, func(t *testing.T) {
			if _, err := toml.Parse([]byte(shape.build(toml.MaxDepth))); err != nil {
				t.Errorf("nesting %d deep: %v", toml.MaxDepth, err)
			}
			src := shape.build(toml.MaxDepth + 1)
			_, err := toml.Parse([]byte(src))
			checkDepthError(t, src, err)
		})
	}
}

// TestVeryDeepNestingFailsFast feeds nesting a hundred times the limit,
// closed and unclosed, and checks for a clean error found at the limit,
// with no more memory than a few times the input: neither reading nor
// recursing through the whole input.
func TestVeryDeepNestingFailsFast(t *testing.T) {
	const depth = 100 * toml.MaxDepth
	tests := []struct{ name, src string }{
		{"arrays", "a = " + strings.Repeat("[", depth) + strings.Repeat("]", depth)},
		{"unclosed arrays", "a = " + strings.Repeat("[", depth)},
		{"inline tables", "a = " + strings.Repeat("{a=", depth) + "1" + strings.Repeat("}", depth)},
		{"unclosed inline tables", "a = " + strings.Repeat("{a=", depth)},
		{"arrays of inline tables", "a = " + strings.Repeat("[{a=", depth) + "1" + strings.Repeat("}]", depth)},
		{"dotted key", strings.Repeat("a.", depth) + "a = 1"},
		{"dotted key in an inline table", "a = {" + strings.Repeat("a.", depth) + "a = 1}"},
		{"table header", "[" + strings.Repeat("a.", depth) + "a]"},
		{"array-of-tables header", "[[" + strings.Repeat("a.", depth) + "a]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			alloc := allocatedBy(func() { _, err = toml.Parse([]byte(tt.src)) })
			checkDepthError(t, tt.src, err)
			if limit := uint64(4 * len(tt.src)); alloc > limit {
				t.Errorf("Parse allocated %d bytes for %d bytes of input (%.1f×), want at most 4×",
					alloc, len(tt.src), float64(alloc)/float64(len(tt.src)))
			}
		})
	}
}

// checkDepthError checks that err reports too deep nesting at a position
// within the first MaxDepth levels of src.
func checkDepthError(t *testing.T, src string, err error) {
	t.Helper()
	var pe *toml.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("Parse gave %v, want a *toml.ParseError", err)
	}
	if !strings.Contains(pe.Message, fmt.Sprint(toml.MaxDepth)) {
		t.Errorf("error %q does not name the limit %d", err, toml.MaxDepth)
	}
	// Each level takes at most a few bytes in these shapes, so an error
	// found at the limit lies well before the end of the input.
	if pe.Offset < 0 || pe.Offset > 5*toml.MaxDepth {
		t.Errorf("error at offset %d of %d bytes, want it at the nesting limit", pe.Offset, len(src))
	}
}

// allocatedBy returns the bytes that f allocates.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestLargeInputsStayInMemoryBounds parses 50 MB documents made of one big
// string or comment and checks that Parse allocates less than ten times the
// input in all (so its peak is lower still), counting the copy of the input
// that Parse makes.
func TestLargeInputsStayInMemoryBounds(t *testing.T) {
	if testing.Short() {
		t.Skip("parses inputs of 50 MB; skipped with -short")
	}
	const size = 50 << 20
	tests := []struct{ name, src string }{
		{"basic string", `s = "` + strings.Repeat("x", size) + "\"\n"},
		{"escaped basic string", `s = "` + strings.Repeat(`\u00e9\n`, size/8) + "\"\n"},
		{"multi-line basic string", `s = """` + strings.Repeat("a\\\n  b\n", size/8) + `"""` + "\n"},
		{"multi-line literal string", "s = '''" + strings.Repeat("abc\n", size/4) + "'''\n"},
		{"comment", "#" + strings.Repeat("x", size) + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			alloc := allocatedBy(func() { _, err = toml.Parse([]byte(tt.src)) })
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			t.Logf("%d bytes of input, %d allocated (%.1f×)", len(tt.src), alloc, float64(alloc)/float64(len(tt.src)))
			if limit := uint64(10 * len(tt.src)); alloc > limit {
				t.Errorf("Parse allocated %d bytes for %d bytes of input (%.1f×), want under 10×",
					alloc, len(tt.src), float64(alloc)/float64(len(tt.src)))
			}
		})
	}
}

// TestMemoryGrowsLinearly parses the shapes that make the most nodes per
// byte at 512 kB and 5 MB and checks that allocation per input byte does not
// grow with the size (a tree costs a bounded amount per node) and stays
// under ten times the input.
func TestMemoryGrowsLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("parses inputs of 5 MB; skipped with -short")
	}
	tests := []struct {
		name  string
		build func(size int) string
	}{
		{"keys", func(size int) string {
			return scalingLines(size/16, func(b *strings.Builder, i int) { fmt.Fprintf(b, "k%09d = 1\n", i) })
		}},
		{"array of integers", func(size int) string { return "a = [" + strings.Repeat("1,", size/2) + "]\n" }},
		{"array of empty arrays", func(size int) string { return "a = [" + strings.Repeat("[],", size/3) + "]\n" }},
		{"array of empty inline tables", func(size int) string { return "a = [" + strings.Repeat("{},", size/3) + "]\n" }},
		{"array-of-tables headers", func(size int) string { return strings.Repeat("[[a]]\n", size/6) }},
		{"array of inline tables", func(size int) string { return "a = [" + strings.Repeat("{a=1,b=1},", size/10) + "]\n" }},
		{"array of one-element arrays", func(size int) string { return "a = [" + strings.Repeat("[1],", size/4) + "]\n" }},
		{"array of floats", func(size int) string { return "a = [" + strings.Repeat("1.5,", size/4) + "]\n" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			perByte := func(size int) float64 {
				src := []byte(tt.build(size))
				var err error
				alloc := allocatedBy(func() { _, err = toml.Parse(src) })
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				return float64(alloc) / float64(len(src))
			}
			small, large := perByte(512<<10), perByte(5<<20)
			t.Logf("allocated %.1f× the input at 512 kB, %.1f× at 5 MB", small, large)
			if large > 1.5*small {
				t.Errorf("allocation per input byte grew from %.1f× at 512 kB to %.1f× at 5 MB, want it flat", small, large)
			}
			// Everything Parse allocates, its copy of the input included,
			// must stay under the 10× that hostile input is allowed.
			if large >= 10 {
				t.Errorf("Parse allocated %.1f× the input, want under 10×", large)
			}
		})
	}
}

// endlessReader yields a comment line forever, counting what it gives.
type endlessReader struct{ read int64 }

func (r *endlessReader) Read(p []byte) (int, error) {
	const line = "# an endless stream of comments\n"
	for i := range p {
		p[i] = line[(r.read+int64(i))%int64(len(line))]
	}
	r.read += int64(len(p))
	return len(p), nil
}

// TestDecoderMaxInputSizeStopsReading decodes from a stream that never
// ends: with MaxInputSize the Decoder must stop one byte past the limit and
// say so with a ParseError at the limit.
func TestDecoderMaxInputSizeStopsReading(t *testing.T) {
	const limit = 1 << 20
	r := &endlessReader{}
	dec := toml.NewDecoder(r)
	dec.MaxInputSize(limit)
	var v any
	err := dec.Decode(&v)
	var pe *toml.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("Decode gave %v, want a *toml.ParseError", err)
	}
	if pe.Offset != limit {
		t.Errorf("error at offset %d, want %d (the limit)", pe.Offset, limit)
	}
	if r.read > limit+1 {
		t.Errorf("Decode read %d bytes, want at most %d", r.read, limit+1)
	}
}

// TestDecoderMaxValuesStopsEarly decodes large documents of dense shapes
// under a small MaxValues: the Decoder must give up at the limit, with
// memory for the input rather than for the tree it would have built.
func TestDecoderMaxValuesStopsEarly(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes inputs of 10 MB; skipped with -short")
	}
	const size, maxValues = 10 << 20, 1000
	tests := []struct{ name, src string }{
		{"array of integers", "a = [" + strings.Repeat("1,", size/2) + "]\n"},
		{"array of empty inline tables", "a = [" + strings.Repeat("{},", size/3) + "]\n"},
		{"keys", scalingLines(size/16, func(b *strings.Builder, i int) { fmt.Fprintf(b, "k%09d = 1\n", i) })},
		{"array-of-tables headers", strings.Repeat("[[a]]\n", size/6)},
		{"dotted keys", scalingLines(size/16, func(b *strings.Builder, i int) { fmt.Fprintf(b, "a.b%011d = 1\n", i) })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			alloc := allocatedBy(func() {
				dec := toml.NewDecoder(strings.NewReader(tt.src))
				dec.MaxValues(maxValues)
				var v any
				err = dec.Decode(&v)
			})
			var pe *toml.ParseError
			if !errors.As(err, &pe) || !strings.Contains(pe.Message, fmt.Sprint(maxValues)) {
				t.Fatalf("Decode gave %v, want a ParseError naming the limit of %d values", err, maxValues)
			}
			// Each value takes at most 20 bytes in these shapes.
			if pe.Offset > 20*maxValues {
				t.Errorf("error at offset %d, want it at the %dth value", pe.Offset, maxValues+1)
			}
			if limit := uint64(2 * len(tt.src)); alloc > limit {
				t.Errorf("Decode allocated %d bytes for %d bytes of input (%.1f×), want at most 2×",
					alloc, len(tt.src), float64(alloc)/float64(len(tt.src)))
			}
		})
	}
}
