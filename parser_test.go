package toml_test

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	tomltest "github.com/toml-lang/toml-test/v2"

	"github.com/seed02375186/toml"
	"github.com/seed02375186/toml/internal/tagged"
)

var update = flag.Bool("update", false, "rewrite golden files")

// suiteFiles returns the TOML inputs of toml-test's cases of a version of
// TOML under dir ("valid" or "invalid"), keyed by path.
func suiteFiles(t *testing.T, version toml.Version, dir string) map[string][]byte {
	t.Helper()
	fsys := tomltest.TestCases()
	list, err := fs.ReadFile(fsys, "files-toml-"+version.String())
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, p := range strings.Fields(string(list)) {
		if !strings.HasPrefix(p, dir+"/") || !strings.HasSuffix(p, ".toml") {
			continue
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = data
	}
	return files
}

// invalidGoldens are the files that TestInvalidErrorsGolden pins the
// errors in, by version of TOML.
var invalidGoldens = []struct {
	version toml.Version
	golden  string
}{
	{toml.V1_0, "testdata/invalid-errors.golden"},
	{toml.V1_1, "testdata/invalid-errors-1.1.golden"},
}

// TestInvalidErrorsGolden pins the position and message of the error for
// every invalid toml-test case, of TOML 1.0 and of TOML 1.1 (read as
// that version), so that a change to any message is seen. Run with
// -update to rewrite the files.
func TestInvalidErrorsGolden(t *testing.T) {
	for _, g := range invalidGoldens {
		t.Run(g.version.String(), func(t *testing.T) {
			files := suiteFiles(t, g.version, "invalid")
			var paths []string
			for p := range files {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			var b strings.Builder
			for _, p := range paths {
				_, err := g.version.Parse(files[p])
				var pe *toml.ParseError
				if !errors.As(err, &pe) {
					t.Errorf("%s: want a *ParseError, got %v", p, err)
					continue
				}
				if pe.Offset < 0 || pe.Offset > len(files[p]) {
					t.Errorf("%s: offset %d outside the input of %d bytes", p, pe.Offset, len(files[p]))
				}
				fmt.Fprintf(&b, "%s: %s\n", strings.TrimSuffix(p, ".toml"), strings.TrimPrefix(err.Error(), "toml: "))
			}
			if *update {
				if err := os.WriteFile(g.golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(g.golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestInvalidErrorsGolden -update)", err)
			}
			if diff := cmp.Diff(string(want), b.String()); diff != "" {
				t.Errorf("errors differ from %s (-want +got):\n%s", g.golden, diff)
			}
		})
	}
}

// TestSpans checks, for every node of every valid document, that its span
// covers its own source text: a scalar's text parses back to the same
// value, a key's text names the key, a container starts with its bracket.
// The documents are toml-test's valid cases of TOML 1.0 and of TOML 1.1,
// each read as its version, and the real-world corpus.
func TestSpans(t *testing.T) {
	type input struct {
		data    []byte
		version toml.Version
	}
	docs := map[string]input{}
	for _, v := range []toml.Version{toml.V1_0, toml.V1_1} {
		for name, data := range suiteFiles(t, v, "valid") {
			docs[v.String()+"/"+name] = input{data, v}
		}
	}
	if _, err := os.Stat(corpusDir); err == nil {
		for _, rel := range corpusFiles(t, false) {
			data, err := os.ReadFile(filepath.Join(corpusDir, rel))
			if err != nil {
				t.Fatal(err)
			}
			docs["corpus/"+rel] = input{data, toml.V1_0}
		}
	}
	for name, in := range docs {
		doc, err := in.version.Parse(in.data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		checkSpans(t, name, doc, doc.Root())
	}
}

// checkSpans checks the spans of v and all it holds, in a document read
// as doc.Version(), the version their texts are read back as.
func checkSpans(t *testing.T, name string, doc *toml.Document, v toml.Value) {
	t.Helper()
	text := doc.Text(v.Span())
	if text == "" && v.Span() != (toml.Span{0, 0}) {
		t.Errorf("%s: %s value has an empty or invalid span %v", name, v.Kind(), v.Span())
		return
	}
	switch v.Kind() {
	case toml.KindTable:
		tab := v.Table()
		switch tab.Origin() {
		case toml.RootTable:
			if v.Span() != (toml.Span{0, len(doc.Source())}) {
				t.Errorf("%s: root spans %v, want the whole input", name, v.Span())
			}
		case toml.HeaderTable:
			if !strings.HasPrefix(text, "[") || !strings.HasSuffix(text, "]") || strings.HasPrefix(text, "[[") {
				t.Errorf("%s: header table spans %q, want a [header]", name, text)
			}
		case toml.ArrayElement:
			if !strings.HasPrefix(text, "[[") || !strings.HasSuffix(text, "]]") {
				t.Errorf("%s: array element spans %q, want a [[header]]", name, text)
			}
		case toml.InlineTable:
			if !strings.HasPrefix(text, "{") || !strings.HasSuffix(text, "}") {
				t.Errorf("%s: inline table spans %q, want {...}", name, text)
			}
		}
		for _, e := range tab.Entries() {
			keyText := doc.Text(e.Key.Span)
			if got := unquoteKey(t, doc.Version(), keyText); got != e.Key.Name {
				t.Errorf("%s: key %q spans %q", name, e.Key.Name, keyText)
			}
			checkSpans(t, name, doc, e.Value)
		}
	case toml.KindArray:
		arr := v.Array()
		if arr.OfTables() {
			if !strings.HasPrefix(text, "[[") {
				t.Errorf("%s: array of tables spans %q, want its first [[header]]", name, text)
			}
		} else if !strings.HasPrefix(text, "[") || !strings.HasSuffix(text, "]") {
			t.Errorf("%s: array spans %q, want [...]", name, text)
		}
		for _, e := range arr.Elems() {
			checkSpans(t, name, doc, e)
		}
	default:
		again, err := doc.Version().Parse([]byte("x = " + text))
		if err != nil {
			t.Errorf("%s: %s value spans %q, which does not parse alone: %v", name, v.Kind(), text, err)
			return
		}
		got := tagged.AppendDocument(nil, again)
		want := `{"x":{"type":"` + v.Kind().String() + `","value":` + string(tagged.AppendJSONString(nil, tagged.ScalarText(v))) + `}}`
		if string(got) != want {
			t.Errorf("%s: span %q reads back as %s, want %s", name, text, got, want)
		}
	}
}

func mustParse(t *testing.T, s string) *toml.Document {
	t.Helper()
	doc, err := toml.Parse([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// unquoteKey reads a key's source text as a key of a version of TOML.
func unquoteKey(t *testing.T, version toml.Version, text string) string {
	doc, err := version.Parse([]byte(text + " = 0"))
	if err != nil || doc.Table().Len() != 1 {
		t.Errorf("key text %q does not parse as one key: %v", text, err)
		return ""
	}
	for _, e := range doc.Table().Entries() {
		return e.Key.Name
	}
	return ""
}

// TestParseValid pins corner cases beyond toml-test, as tagged JSON.
func TestParseValid(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", `{}`},
		{"bom-less crlf", "a = 1\r\nb = 2\r\n", `{"a":{"type":"integer","value":"1"},"b":{"type":"integer","value":"2"}}`},
		{"raw tab in basic string", "a = \"x\ty\"", `{"a":{"type":"string","value":"x\ty"}}`},
		{"raw tab in multi-line string", "a = \"\"\"x\ty\"\"\"", `{"a":{"type":"string","value":"x\ty"}}`},
		{"leading zeros in exponent", "a = 1e006\nb = 1.5E-007", `{"a":{"type":"float","value":"1e+06"},"b":{"type":"float","value":"1.5e-07"}}`},
		{"heterogeneous array", `a = [1, "x", 2.5, [true], {b = 1979-05-27}]`, `{"a":[{"type":"integer","value":"1"},{"type":"string","value":"x"},{"type":"float","value":"2.5"},[{"type":"bool","value":"true"}],{"b":{"type":"date-local","value":"1979-05-27"}}]}`},
		{"min int", "a = -9223372036854775808", `{"a":{"type":"integer","value":"-9223372036854775808"}}`},
		{"max hex", "a = 0x7FFF_FFFF_FFFF_FFFF", `{"a":{"type":"integer","value":"9223372036854775807"}}`},
		{"nanoseconds truncated not rounded", "a = 07:32:00.1234567899", `{"a":{"type":"time-local","value":"07:32:00.123456789"}}`},
		{"date then comment", "a = 1979-05-27 # c", `{"a":{"type":"date-local","value":"1979-05-27"}}`},
		{"space delimiter", "a = 1979-05-27 07:32:00", `{"a":{"type":"datetime-local","value":"1979-05-27T07:32:00"}}`},
		{"lower-case t and z", "a = 1979-05-27t07:32:00z", `{"a":{"type":"datetime","value":"1979-05-27T07:32:00Z"}}`},
		{"keys that look like values", "true = 1\ninf = 2\n1979-05-27 = 3\n1.2 = 4", `{"true":{"type":"integer","value":"1"},"inf":{"type":"integer","value":"2"},"1979-05-27":{"type":"integer","value":"3"},"1":{"2":{"type":"integer","value":"4"}}}`},
		{"super-table after sub-table", "[a.b]\nx = 1\n[a]\ny = 2", `{"a":{"b":{"x":{"type":"integer","value":"1"}},"y":{"type":"integer","value":"2"}}}`},
		{"dotted keys into implicit table", "[a.b.c]\n[a]\nb.d = 1", `{"a":{"b":{"c":{},"d":{"type":"integer","value":"1"}}}}`},
		{"sub-table of dotted table", "[fruit]\napple.color = 1\n[fruit.apple.texture]\nsmooth = true", `{"fruit":{"apple":{"color":{"type":"integer","value":"1"},"texture":{"smooth":{"type":"bool","value":"true"}}}}}`},
		{"sub-table of last array element", "[[a]]\n[a.b]\nx = 1\n[[a]]", `{"a":[{"b":{"x":{"type":"integer","value":"1"}}},{}]}`},
		{"repeated headers between others", "[[a]]\n[[b]]\n[[a]]\n[c]\n[[\"a\"]]\nx = 1\n[[ a ]]", `{"a":[{},{},{"x":{"type":"integer","value":"1"}},{}],"b":[{}],"c":{}}`},
		{"headers sharing and leaving the last one's parts", "[a.b.c]\nx = 1\n[a.b]\ny = 2\n[a.b.c.d]\nz = 3\n[a.x]\n[a.b.e]", `{"a":{"b":{"c":{"x":{"type":"integer","value":"1"},"d":{"z":{"type":"integer","value":"3"}}},"y":{"type":"integer","value":"2"},"e":{}},"x":{}}}`},
		{"same sub-table names in each array element", "[[p]]\n[p.q]\nv = 1\n[[p]]\n[p.q]\nv = 2\n[p.q.r]", `{"p":[{"q":{"v":{"type":"integer","value":"1"}}},{"q":{"v":{"type":"integer","value":"2"},"r":{}}}]}`},
		{"non-ASCII in every string form and in comments", "a = \"é\t€😀\" # ç\nb = 'ñ€'\nc = \"\"\"x\né\"\"\"\nd = '''ü\n€'''\ne = \"\\n€x\"\nf = \"\"\"\\t€\"\"\" # \U0001F600\n\"ключ\" = 1", `{"a":{"type":"string","value":"é\t€😀"},"b":{"type":"string","value":"ñ€"},"c":{"type":"string","value":"x\né"},"d":{"type":"string","value":"ü\n€"},"e":{"type":"string","value":"\n€x"},"f":{"type":"string","value":"\t€"},"ключ":{"type":"integer","value":"1"}}`},
		{"blanks around the equals sign", "a = \t 1\nb =2\nc= 3\nd\t=\t4\ne  =  5\nf = 6", `{"a":{"type":"integer","value":"1"},"b":{"type":"integer","value":"2"},"c":{"type":"integer","value":"3"},"d":{"type":"integer","value":"4"},"e":{"type":"integer","value":"5"},"f":{"type":"integer","value":"6"}}`},
		{"multi-line literal with quotes and backslashes", "a = '''x'y\"z\\w\n'''\nb = 1", `{"a":{"type":"string","value":"x'y\"z\\w\n"},"b":{"type":"integer","value":"1"}}`},
		{"multi-line basic with escapes and plain runs", "a = \"\"\"run one\\trun two\nline 'three'\"\"\"", `{"a":{"type":"string","value":"run one\trun two\nline 'three'"}}`},
		{"quotes inside multi-line delimiters", `a = """""x"""""`, `{"a":{"type":"string","value":"\"\"x\"\""}}`},
		{"line-ending backslash with spaces", "a = \"\"\"x \\  \n\n  y\"\"\"", `{"a":{"type":"string","value":"x y"}}`},
		{"empty keys", "\"\" = 1\n\"a\" . '' = 2", `{"":{"type":"integer","value":"1"},"a":{"":{"type":"integer","value":"2"}}}`},
		{"blanks, comments and CRLFs between array elements", "a = [ \t\n  1, # one\r\n\r\n  2 # two\n  # alone\n ,3\n]", `{"a":[{"type":"integer","value":"1"},{"type":"integer","value":"2"},{"type":"integer","value":"3"}]}`},
		{"integers around the short path", "a = 0\nb = 123456789\nc = 1234567890\nd = [1,22,333]\ne = {f = 5}\ng = 12 # c\nh = 1979-05-27\ni = 1_000\nj = 10e2\nk = 99999999999", `{"a":{"type":"integer","value":"0"},"b":{"type":"integer","value":"123456789"},"c":{"type":"integer","value":"1234567890"},"d":[{"type":"integer","value":"1"},{"type":"integer","value":"22"},{"type":"integer","value":"333"}],"e":{"f":{"type":"integer","value":"5"}},"g":{"type":"integer","value":"12"},"h":{"type":"date-local","value":"1979-05-27"},"i":{"type":"integer","value":"1000"},"j":{"type":"float","value":"1000"},"k":{"type":"integer","value":"99999999999"}}`},
		{"negative zero and nan", "a = -0.0\nb = -nan\nc = +inf", `{"a":{"type":"float","value":"-0"},"b":{"type":"float","value":"nan"},"c":{"type":"float","value":"inf"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := toml.Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				return
			}
			got := string(tagged.AppendDocument(nil, doc))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func wideTable(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d = %d\n", i, i)
	}
	b.WriteString("k3 = 0\n") // a duplicate past the linear-scan size
	return b.String()
}

// TestParseErrors pins the message and position of errors beyond toml-test.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"duplicate names first", "a = 1\nb = 2\na = 3", `toml: line 3, column 1: key a is already defined as an integer value (first defined at line 1, column 1)`},
		{"duplicate in wide table", wideTable(40), `toml: line 41, column 1: key k3 is already defined as an integer value (first defined at line 4, column 1)`},
		{"invalid UTF-8 after an escape", "a = \"\\n\xff\"", `toml: line 1, column 8: invalid UTF-8 byte 0xFF: a TOML document must be UTF-8`},
		{"invalid UTF-8 in a literal string", "a = 'x\xc3'", `toml: line 1, column 7: invalid UTF-8 byte 0xC3: a TOML document must be UTF-8`},
		{"invalid UTF-8 after a valid character", "a = '''é\xff'''", `toml: line 1, column 9: invalid UTF-8 byte 0xFF: a TOML document must be UTF-8`},
		{"truncated character in a comment", "# é\xe2\x82\n", `toml: line 1, column 4: invalid UTF-8 byte 0xE2: a TOML document must be UTF-8`},
		{"surrogate in a basic string", "a = \"\xed\xa0\x80\"", `toml: line 1, column 6: invalid UTF-8 byte 0xED: a TOML document must be UTF-8`},
		{"invalid UTF-8 in a multi-line basic string", "a = \"\"\"ok\n\xc0\xaf\"\"\"", `toml: line 2, column 1: invalid UTF-8 byte 0xC0: a TOML document must be UTF-8`},
		{"invalid UTF-8 outside strings", "a = 1\xff", `toml: line 1, column 6: expected end of line after a value, found invalid UTF-8 byte 0xFF`},
		{"equals sign at the end", "a = ", `toml: line 1, column 5: expected a value, found end of file`},
		{"nothing after the equals sign", "a = \nb = 1", `toml: line 1, column 5: expected a value, found end of line`},
		{"duplicate after deep inline tables under a header", "[a.b]\nx = {y = {z = {w = 1, v = [{u = 1}]}}}\np.q = 1\nx = 2", `toml: line 4, column 1: key a.b.x is already defined as an inline table, which cannot be extended (first defined at line 2, column 1)`},
		{"dotted duplicate under an array-of-tables header", "[[a.b]]\nc.d = {e = 1}\nc.d = 2", `toml: line 3, column 3: key a.b.c.d is already defined as an inline table, which cannot be extended (first defined at line 2, column 3)`},
		{"table twice after its sub-table", "[a]\n[a.b]\n[a]", `toml: line 3, column 2: table a is already defined by a [table] header (first defined at line 1, column 2)`},
		{"sub-table twice in a row of headers", "[a.b]\n[a.b.c]\n[a.b]", `toml: line 3, column 4: table a.b is already defined by a [table] header (first defined at line 1, column 4)`},
		{"table twice", "[a]\n[b]\n[a]", `toml: line 3, column 2: table a is already defined by a [table] header (first defined at line 1, column 2)`},
		{"header over dotted", "[a]\nb.c = 1\n[a.b]", `toml: line 3, column 4: table a.b is already defined by dotted keys (first defined at line 2, column 1)`},
		{"dotted into header table", "[a.b]\n[a]\nb.c = 1", `toml: line 3, column 1: table a.b is already defined by a [table] header (first defined at line 1, column 4)`},
		{"extend inline table", "a = {b = 1}\n[a.c]", `toml: line 2, column 2: cannot define keys inside a: it is defined as an inline table, which cannot be extended (first defined at line 1, column 1)`},
		{"array of tables over static array", "a = []\n[[a]]", `toml: line 2, column 3: array of tables a is already defined as an array value, which cannot be extended (first defined at line 1, column 1)`},
		{"table over array of tables", "[[a]]\n[a]", `toml: line 2, column 2: table a is already defined as an array of tables (first defined at line 1, column 3)`},
		{"array of tables over a table, after another header", "[a]\n[[b]]\n[[b]]\n[[a]]", `toml: line 4, column 3: array of tables a is already defined by a [table] header (first defined at line 1, column 2)`},
		{"column counts characters", "k = \"é€\" x", `toml: line 1, column 10: expected end of line after a value, found 'x'`},
		{"invalid utf-8", "a = \"\xff\"", `toml: line 1, column 6: invalid UTF-8 byte 0xFF: a TOML document must be UTF-8`},
		{"lone cr between array elements", "a = [1,\r 2]", `toml: line 1, column 8: a carriage return (U+000D) must be followed by a line feed`},
		{"lone cr", "a = 1\rb = 2", `toml: line 1, column 6: a carriage return (U+000D) must be followed by a line feed`},
		{"control char in comment", "# a\x01b", `toml: line 1, column 4: control character U+0001 is not allowed in a comment`},
		{"del in string", "a = \"\x7f\"", `toml: line 1, column 6: control character U+007F must be escaped in a string`},
		{"surrogate escape", `a = "\uD800"`, `toml: line 1, column 6: invalid escape: \uD800 is not a Unicode scalar value`},
		{"toml 1.1 escape", `a = "\e"`, `toml: line 1, column 6: \e escape is TOML 1.1; parse with toml.V1_1 or --toml 1.1`},
		{"toml 1.1 inline newline", "a = {\n b = 1 }", `toml: line 1, column 6: newline in an inline table is TOML 1.1; parse with toml.V1_1 or --toml 1.1`},
		{"toml 1.1 trailing comma", "a = {b = 1,}", `toml: line 1, column 11: trailing comma in an inline table is TOML 1.1; parse with toml.V1_1 or --toml 1.1`},
		{"toml 1.1 time without seconds", "a = 07:32", `toml: line 1, column 10: time without seconds is TOML 1.1; parse with toml.V1_1 or --toml 1.1`},
		{"overflow", "a = 9223372036854775808", `toml: line 1, column 5: integer 9223372036854775808 is out of range for a 64-bit signed integer`},
		{"leading zero", "a = 012", `toml: line 1, column 5: leading zeros are not allowed in a decimal number`},
		{"leading zeros before a comma", "a = [00, 1]", `toml: line 1, column 6: leading zeros are not allowed in a decimal number`},
		{"digits then a letter", "a = 12x", `toml: line 1, column 5: invalid number 12x`},
		{"feb 30", "a = 2021-02-30", `toml: line 1, column 13: invalid date: February 2021 has no day 30`},
		{"bare word", "a = yes", `toml: line 1, column 5: expected a value, found "yes" (strings must be quoted; booleans are true and false, in lower case)`},
		{"missing equals", "a b", `toml: line 1, column 3: expected '=' after key a, found 'b'`},
		{"unterminated string", "a = \"abc\nb = 1", `toml: line 1, column 9: unterminated string: a basic string must end on the line it starts (use """ for multi-line strings)`},
		{"unterminated array", "a = [1, 2", `toml: line 1, column 5: unterminated array: no closing ']'`},
		{"float out of range", "a = 1e400", `toml: line 1, column 5: float 1e400 is out of range for a 64-bit float`},
		{"too deep arrays", strings.Repeat("[", 100000), `toml: line 1, column 3: expected a key (bare, "quoted" or 'literal'), found '['`},
		{"too deep array values", "a = " + strings.Repeat("[", 100000), fmt.Sprintf(`toml: line 1, column %d: document nests deeper than %d tables and arrays`, 5+toml.MaxDepth, toml.MaxDepth)},
		{"too deep inline tables", "a = " + strings.Repeat("{a=", 100000), fmt.Sprintf(`toml: line 1, column %d: document nests deeper than %d tables and arrays`, 6+3*(toml.MaxDepth-1), toml.MaxDepth)},
		{"too deep dotted key", strings.Repeat("a.", toml.MaxDepth) + "a = 1", fmt.Sprintf(`toml: line 1, column %d: document nests deeper than %d tables and arrays`, 1+2*toml.MaxDepth, toml.MaxDepth)},
		{"too deep header", "[" + strings.Repeat("a.", toml.MaxDepth) + "a]", fmt.Sprintf(`toml: line 1, column %d: document nests deeper than %d tables and arrays`, 2+2*toml.MaxDepth, toml.MaxDepth)},
		{"millions of key parts", strings.Repeat("a.", 5<<20) + "a = 1", fmt.Sprintf(`toml: line 1, column %d: document nests deeper than %d tables and arrays`, 1+2*toml.MaxDepth, toml.MaxDepth)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := toml.Parse([]byte(tt.in))
			if err == nil {
				t.Fatal("Parse accepted invalid input")
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestDepthLimitBoundary parses nesting exactly at the limit and one past it.
func TestDepthLimitBoundary(t *testing.T) {
	atLimit := strings.Repeat("a.", toml.MaxDepth-1) + "a = 1"
	if _, err := toml.Parse([]byte(atLimit)); err != nil {
		t.Errorf("a %d-part dotted key: %v", toml.MaxDepth, err)
	}
	arrays := "a = " + strings.Repeat("[", toml.MaxDepth) + strings.Repeat("]", toml.MaxDepth)
	if _, err := toml.Parse([]byte(arrays)); err != nil {
		t.Errorf("%d nested arrays under a key: %v", toml.MaxDepth, err)
	}
	tooDeep := "a = " + strings.Repeat("[", toml.MaxDepth+1) + strings.Repeat("]", toml.MaxDepth+1)
	if _, err := toml.Parse([]byte(tooDeep)); err == nil {
		t.Errorf("%d nested arrays under a key: accepted", toml.MaxDepth+1)
	}
	inline := "a = " + strings.Repeat("{a=", toml.MaxDepth-1) + "1" + strings.Repeat("}", toml.MaxDepth-1)
	if _, err := toml.Parse([]byte(inline)); err != nil {
		t.Errorf("%d nested inline tables under a key: %v", toml.MaxDepth-1, err)
	}
}

// TestPosition checks line and column arithmetic: 1-based, columns in
// characters, CRLF counted as one line end.
func TestPosition(t *testing.T) {
	doc := mustParse(t, "a = 1\r\n# é\n\"bé\" = \"€x\"\n")
	tests := []struct {
		offset int
		want   toml.Position
	}{
		{0, toml.Position{Offset: 0, Line: 1, Column: 1}},
		{5, toml.Position{Offset: 5, Line: 1, Column: 6}},
		{7, toml.Position{Offset: 7, Line: 2, Column: 1}},
		{12, toml.Position{Offset: 12, Line: 3, Column: 1}},
		{16, toml.Position{Offset: 16, Line: 3, Column: 4}},
		{-3, toml.Position{Offset: 0, Line: 1, Column: 1}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, doc.Position(tt.offset)); diff != "" {
			t.Errorf("Position(%d) (-want +got):\n%s", tt.offset, diff)
		}
	}
	v := doc.Table().Get("bé")
	if got, want := doc.Position(v.Span().Start), (toml.Position{Offset: 20, Line: 3, Column: 8}); got != want {
		t.Errorf("value of bé at %v, want %v", got, want)
	}
}

// TestOffsetDateTime checks offsets, including the cached zones, and that
// equal offsets share one Location.
func TestOffsetDateTime(t *testing.T) {
	doc := mustParse(t, "a = 1979-05-27T07:32:00.5-07:30\nb = 1979-05-27T00:32:00+05:45\nc = 2000-01-01T00:00:00-07:30\nd = 1979-05-27T07:32:00Z")
	tests := []struct {
		key, want string
		offset    int
	}{
		{"a", "1979-05-27T07:32:00.5-07:30", -(7*3600 + 30*60)},
		{"b", "1979-05-27T00:32:00+05:45", 5*3600 + 45*60},
		{"c", "2000-01-01T00:00:00-07:30", -(7*3600 + 30*60)},
		{"d", "1979-05-27T07:32:00Z", 0},
	}
	for _, tt := range tests {
		v := doc.Table().Get(tt.key)
		if got := v.Time().Format("2006-01-02T15:04:05.999999999Z07:00"); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.key, got, tt.want)
		}
		if _, off := v.Time().Zone(); off != tt.offset || v.Offset() != tt.offset {
			t.Errorf("%s: zone offset %d, Offset() %d, want %d", tt.key, off, v.Offset(), tt.offset)
		}
	}
	if doc.Table().Get("a").Time().Location() != doc.Table().Get("c").Time().Location() {
		t.Error("equal offsets should share one cached Location")
	}
}

// TestValueLimitCountsEveryValue checks that tables made by headers and
// dotted keys count toward the value limit, as well as scalars and arrays.
func TestValueLimitCountsEveryValue(t *testing.T) {
	tests := []struct {
		name string
		src  string
		max  int
		ok   bool
	}{
		{"scalars", "a = 1\nb = 2", 2, true},
		{"scalars over", "a = 1\nb = 2\nc = 3", 2, false},
		{"dotted tables count", "a.b.c = 1", 2, false},
		{"dotted tables at the limit", "a.b.c = 1", 3, true},
		{"header tables count", "[a]\n[b]\n[c]", 2, false},
		{"array of tables counts array and elements", "[[a]]\n[[a]]", 3, true},
		{"array of tables over", "[[a]]\n[[a]]\n[[a]]", 3, false},
		{"inline tables count", "a = {b = {c = 1}}", 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dec := toml.NewDecoder(strings.NewReader(tt.src))
			dec.MaxValues(tt.max)
			var v any
			err := dec.Decode(&v)
			if (err == nil) != tt.ok {
				t.Errorf("limit %d: err = %v, want ok = %t", tt.max, err, tt.ok)
			}
		})
	}
}
