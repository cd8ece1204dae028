package toml_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
	"github.com/seed02375186/toml/internal/tagged"
)

func TestVersionNames(t *testing.T) {
	tests := []struct {
		in      string
		want    toml.Version
		wantErr bool
	}{
		{"1.0", toml.V1_0, false},
		{"1.0.0", toml.V1_0, false},
		{"1.1", toml.V1_1, false},
		{"1.1.0", toml.V1_1, false},
		{"1", 0, true},
		{"1.2", 0, true},
		{"v1.1", 0, true},
		{"", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := toml.ParseVersion(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseVersion(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
	for v, want := range map[toml.Version]string{toml.V1_0: "1.0.0", toml.V1_1: "1.1.0", 7: "Version(7)"} {
		if got := v.String(); got != want {
			t.Errorf("Version(%d).String() = %q, want %q", uint8(v), got, want)
		}
	}
}

// TestUnknownVersion checks that a Version that is none of the constants
// is an error wherever a version is given, not a guess.
func TestUnknownVersion(t *testing.T) {
	const want = "toml: unknown TOML version Version(2) (want toml.V1_0 or toml.V1_1)"
	_, err1 := toml.Version(2).Parse([]byte("a = 1"))
	_, err2 := toml.Version(2).ParseString("a = 1")
	dec := toml.NewDecoder(strings.NewReader("a = 1"))
	dec.Version(2)
	var v any
	err3 := dec.Decode(&v)
	for i, err := range []error{err1, err2, err3} {
		if err == nil || err.Error() != want {
			t.Errorf("call %d: error %v, want %q", i, err, want)
		}
	}
}

// TestDocumentVersion checks that a document knows what it was read as,
// and that the default is TOML 1.0.
func TestDocumentVersion(t *testing.T) {
	src := "a = 1\n"
	for _, tt := range []struct {
		name  string
		parse func() (*toml.Document, error)
		want  toml.Version
	}{
		{"Parse", func() (*toml.Document, error) { return toml.Parse([]byte(src)) }, toml.V1_0},
		{"ParseString", func() (*toml.Document, error) { return toml.ParseString(src) }, toml.V1_0},
		{"V1_0.Parse", func() (*toml.Document, error) { return toml.V1_0.Parse([]byte(src)) }, toml.V1_0},
		{"V1_1.Parse", func() (*toml.Document, error) { return toml.V1_1.Parse([]byte(src)) }, toml.V1_1},
		{"V1_1.ParseString", func() (*toml.Document, error) { return toml.V1_1.ParseString(src) }, toml.V1_1},
	} {
		doc, err := tt.parse()
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := doc.Version(); got != tt.want {
			t.Errorf("%s: Version() = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestParse11 reads each construct of TOML 1.1 as V1_1, checking the
// values as tagged JSON; TOML 1.0 rejects each input (TestNewerIn10).
func TestParse11(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"escape e", `a = "\e[1m"`, `{"a":{"type":"string","value":"\u001b[1m"}}`},
		{"escape x", `a = "caf\xe9 \x41\x00\xFF"`, `{"a":{"type":"string","value":"café A\u0000ÿ"}}`},
		{"escapes in a multi-line string", "a = \"\"\"\n\\e\\x41\\\n  \\x42\"\"\"", `{"a":{"type":"string","value":"\u001bAB"}}`},
		{"escapes in a quoted key", `"\e\x41" = 1`, `{"\u001bA":{"type":"integer","value":"1"}}`},
		{"escapes in a dotted key and a header", "\"\\x61\".b = 1\n[\"\\x63\".\"d\\e\"]", `{"a":{"b":{"type":"integer","value":"1"}},"c":{"d\u001b":{}}}`},
		{"local time", "a = 14:15", `{"a":{"type":"time-local","value":"14:15:00"}}`},
		{"local date-time", "a = 1979-05-27 07:32", `{"a":{"type":"datetime-local","value":"1979-05-27T07:32:00"}}`},
		{"local date-time with T", "a = 1979-05-27T07:32\n", `{"a":{"type":"datetime-local","value":"1979-05-27T07:32:00"}}`},
		{"offset date-time Z", "a = 1979-05-27T07:32Z", `{"a":{"type":"datetime","value":"1979-05-27T07:32:00Z"}}`},
		{"offset date-time", "a = 1979-05-27 07:32-07:00 # c", `{"a":{"type":"datetime","value":"1979-05-27T07:32:00-07:00"}}`},
		{"times in an array", "a = [00:00, 23:59,]", `{"a":[{"type":"time-local","value":"00:00:00"},{"type":"time-local","value":"23:59:00"}]}`},
		{"trailing comma", "a = {b = 1,}", `{"a":{"b":{"type":"integer","value":"1"}}}`},
		{"trailing comma and blanks", "a = {b = 1 ,\t}", `{"a":{"b":{"type":"integer","value":"1"}}}`},
		{"newlines", "a = {\n  b = 1,\n  c = 2\n}", `{"a":{"b":{"type":"integer","value":"1"},"c":{"type":"integer","value":"2"}}}`},
		{"CRLF newlines", "a = {\r\n  b = 1,\r\n}\r\n", `{"a":{"b":{"type":"integer","value":"1"}}}`},
		{"newline before a comma", "a = {b = 1\n, c = 2}", `{"a":{"b":{"type":"integer","value":"1"},"c":{"type":"integer","value":"2"}}}`},
		{"blank lines", "a = {\n\n b = 1\n\n}", `{"a":{"b":{"type":"integer","value":"1"}}}`},
		{"empty over lines", "a = {\n}", `{"a":{}}`},
		{"empty with a comment", "a = { # nothing\n}", `{"a":{}}`},
		{"comments", "a = { # one\n  b = 1, # two\n  # three\n  c = 2 # four\n} # five", `{"a":{"b":{"type":"integer","value":"1"},"c":{"type":"integer","value":"2"}}}`},
		{"a comment holding a comma and a brace", "a = { b = 1 # , }\n}", `{"a":{"b":{"type":"integer","value":"1"}}}`},
		{"nested", "a = {\n  b = {\n    c = [\n      1,\n    ],\n  },\n}", `{"a":{"b":{"c":[{"type":"integer","value":"1"}]}}}`},
		{"dotted keys", "a = {\n  b.c = 1,\n  b.d = 2,\n}", `{"a":{"b":{"c":{"type":"integer","value":"1"},"d":{"type":"integer","value":"2"}}}}`},
		{"in an array of inline tables", "a = [\n  {\n    b = 1,\n  },\n  {c = 2,},\n]", `{"a":[{"b":{"type":"integer","value":"1"}},{"c":{"type":"integer","value":"2"}}]}`},
		{"the next pair", "a = {\n b = 1,\n}\nc = 2", `{"a":{"b":{"type":"integer","value":"1"}},"c":{"type":"integer","value":"2"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := toml.V1_1.Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(tagged.AppendDocument(nil, doc))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if _, err := toml.Parse([]byte(tt.in)); err == nil {
				t.Errorf("Parse (TOML 1.0) accepts it too")
			}
		})
	}
	// What TOML 1.0 allows reads the same in 1.1.
	for _, in := range []string{
		`a = '\e\x41'`,
		`a = '''\e'''`,
		`a = "\\e\\x41"`,
		"a = 14:15:16.5",
		"a = 1979-05-27 07:32:00Z",
		"a = [\n  1,\n]",
		"a = { b = 1, c = [\n 2 # comment\n] }",
	} {
		doc10, err10 := toml.Parse([]byte(in))
		doc11, err11 := toml.V1_1.Parse([]byte(in))
		if err10 != nil || err11 != nil {
			t.Errorf("%q: %v, %v", in, err10, err11)
			continue
		}
		if got10, got11 := string(tagged.AppendDocument(nil, doc10)), string(tagged.AppendDocument(nil, doc11)); got10 != got11 {
			t.Errorf("%q reads as %s in TOML 1.0 and %s in 1.1", in, got10, got11)
		}
	}
}

// TestParse11Errors pins errors that TOML 1.1 gives: its constructs have
// limits, and a 1.0 document's errors stay as they were.
func TestParse11Errors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"x needs two digits", `a = "\x4"`, `toml: line 1, column 6: invalid escape: \x needs 2 hexadecimal digits`},
		{"x at the end", `a = "\x`, `toml: line 1, column 6: invalid escape: \x needs 2 hexadecimal digits`},
		{"other escape", `a = "\a"`, `toml: line 1, column 6: invalid escape sequence \a (TOML 1.1 allows \b \t \n \f \r \e \" \\ \xHH \uXXXX \UXXXXXXXX)`},
		{"capital E", `a = "\E"`, `toml: line 1, column 6: invalid escape sequence \E (TOML 1.1 allows \b \t \n \f \r \e \" \\ \xHH \uXXXX \UXXXXXXXX)`},
		{"fraction without seconds", "a = 07:32.5", `toml: line 1, column 10: malformed time: a fraction of a second needs the seconds (HH:MM:SS.fff)`},
		{"hour over without seconds", "a = 24:00", `toml: line 1, column 5: invalid time: hour must be 00 to 23`},
		{"minute over without seconds", "a = 1979-05-27 23:60Z", `toml: line 1, column 19: invalid time: minute must be 00 to 59`},
		{"bad offset without seconds", "a = 1979-05-27 07:32+7:00", `toml: line 1, column 21: malformed time offset: expected Z, +HH:MM or -HH:MM`},
		{"one digit of minutes", "a = 07:3", `toml: line 1, column 5: malformed time: expected HH:MM:SS`},
		{"colon without seconds", "a = 07:32:", `toml: line 1, column 11: malformed time: expected two digits of seconds`},
		{"text after the minutes", "a = 07:32x", `toml: line 1, column 5: invalid number 07:32x`},
		{"comma alone", "a = {,}", `toml: line 1, column 6: expected a key (bare, "quoted" or 'literal'), found ','`},
		{"comma alone over lines", "a = {\n,\n}", `toml: line 2, column 1: expected a key (bare, "quoted" or 'literal'), found ','`},
		{"two commas", "a = {b = 1,,}", `toml: line 1, column 12: expected a key (bare, "quoted" or 'literal'), found ','`},
		{"two commas over lines", "a = {b = 1,\n,}", `toml: line 2, column 1: expected a key (bare, "quoted" or 'literal'), found ','`},
		{"newline inside a pair", "a = {b\n= 1}", `toml: line 1, column 7: expected '=' after key b, found end of line`},
		{"newline after the equals sign", "a = {b =\n1}", `toml: line 1, column 9: expected a value, found end of line`},
		{"newline inside a dotted key", "a = {b.\nc = 1}", `toml: line 1, column 8: expected a key (bare, "quoted" or 'literal'), found end of line`},
		{"no comma between lines", "a = {\nb = 1\nc = 2\n}", `toml: line 3, column 1: expected ',' or '}' after a value in an inline table, found 'c'`},
		{"unterminated", "a = {\n b = 1,\n", `toml: line 1, column 5: unterminated inline table: no closing '}'`},
		{"unterminated after a comment", "a = { # c", `toml: line 1, column 5: unterminated inline table: no closing '}'`},
		{"lone carriage return", "a = {\r b = 1}", `toml: line 1, column 6: a carriage return (U+000D) must be followed by a line feed`},
		{"control character in a comment", "a = { # \x01\n}", `toml: line 1, column 9: control character U+0001 is not allowed in a comment`},
		{"still one table", "a = {\n b = 1,\n}\n[a.c]", `toml: line 4, column 2: cannot define keys inside a: it is defined as an inline table, which cannot be extended (first defined at line 1, column 1)`},
		{"unicode bare key, as in drafts of 1.1", "é = 1", `toml: line 1, column 1: expected a key (bare, "quoted" or 'literal'), found 'é'`},
		{"unicode in a dotted key", "a.é = 1", `toml: line 1, column 3: expected a key (bare, "quoted" or 'literal'), found 'é'`},
		{"duplicate over lines", "a = {\n b = 1,\n b = 2,\n}", `toml: line 3, column 2: key b is already defined as an integer value (first defined at line 2, column 2)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := toml.V1_1.Parse([]byte(tt.in))
			if err == nil {
				t.Fatal("V1_1.Parse accepted invalid input")
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			// TOML 1.0 rejects it at the same place.
			_, err10 := toml.Parse([]byte(tt.in))
			var pe, pe10 *toml.ParseError
			if !errors.As(err, &pe) || !errors.As(err10, &pe10) || pe.Offset != pe10.Offset {
				t.Errorf("Parse (TOML 1.0) gives %v, not an error at the same place", err10)
			}
		})
	}
}

// TestNewerIn10 checks that TOML 1.0 names each construct of TOML 1.1 at
// its place, wherever it stands, and says how to read it; and that a
// document that is not TOML 1.1 either gets the error 1.1 gives.
func TestNewerIn10(t *testing.T) {
	const hint = " is TOML 1.1; parse with toml.V1_1 or --toml 1.1"
	tests := []struct {
		name, in, want string
	}{
		{"escape e", `a = "\e"`, `line 1, column 6: \e escape` + hint},
		{"escape e in a multi-line string", "a = \"\"\"\nx\\e\"\"\"", `line 2, column 2: \e escape` + hint},
		{"escape e in a key", `"a\e" = 1`, `line 1, column 3: \e escape` + hint},
		{"escape e in a header", `["\e"]`, `line 1, column 3: \e escape` + hint},
		{"escape x", `a = "\x41"`, `line 1, column 6: \xHH escape` + hint},
		{"escape x in a multi-line string", "a = \"\"\"\\x41\"\"\"", `line 1, column 8: \xHH escape` + hint},
		{"escape x in a key", `a."\xe9" = 1`, `line 1, column 4: \xHH escape` + hint},
		{"escape x with one digit", `a = "\x4"`, `line 1, column 6: invalid escape sequence \x (TOML 1.0 allows \b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX)`},
		{"local time", "a = 14:15", `line 1, column 10: time without seconds` + hint},
		{"local date-time", "a = 1979-05-27 07:32", `line 1, column 21: time without seconds` + hint},
		{"offset date-time", "a = [1979-05-27T07:32Z]", `line 1, column 22: time without seconds` + hint},
		{"fraction without seconds", "a = 07:32.5", `line 1, column 10: malformed time: a fraction of a second needs the seconds (HH:MM:SS.fff)`},
		{"newline after the brace", "a = {\n b = 1 }", `line 1, column 6: newline in an inline table` + hint},
		{"CRLF after a value", "a = { b = 1\r\n}", `line 1, column 12: newline in an inline table` + hint},
		{"newline after a comma", "a = { b = 1,\n c = 2 }", `line 1, column 13: newline in an inline table` + hint},
		{"comment", "a = { # c\n}", `line 1, column 7: comment in an inline table` + hint},
		{"comment after a value", "a = { b = 1 # c\n}", `line 1, column 13: comment in an inline table` + hint},
		{"trailing comma", "a = { b = 1, }", `line 1, column 12: trailing comma in an inline table` + hint},
		{"trailing comma before a newline", "a = { b = 1,\n}", `line 1, column 13: newline in an inline table` + hint},
		{"the first of several", "a = \"\\e\"\nb = { c = 1, }", `line 1, column 6: \e escape` + hint},
		// Not TOML 1.1 either: the error is 1.1's, which names no construct.
		{"unterminated", "a = {\n b = 1", `line 1, column 5: unterminated inline table: no closing '}'`},
		{"a later fault", "a = \"\\e\"\nb = \"\\q\"", `line 2, column 6: invalid escape sequence \q (TOML 1.1 allows \b \t \n \f \r \e \" \\ \xHH \uXXXX \UXXXXXXXX)`},
		{"a later duplicate", "a = { b = 1, }\na = 2", `line 2, column 1: key a is already defined as an inline table, which cannot be extended (first defined at line 1, column 1)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := toml.Parse([]byte(tt.in))
			if err == nil {
				t.Fatal("Parse accepted a TOML 1.1 construct")
			}
			if diff := cmp.Diff("toml: "+tt.want, err.Error()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			var pe *toml.ParseError
			if !errors.As(err, &pe) {
				t.Errorf("error is %T, want *toml.ParseError", err)
			}
			// The decoder reads TOML 1.0 by default and says the same.
			var v any
			if err := toml.Unmarshal([]byte(tt.in), &v); err == nil || err.Error() != "toml: "+tt.want {
				t.Errorf("Unmarshal: %v", err)
			}
			// If the message offers TOML 1.1, TOML 1.1 reads the document.
			if _, err11 := toml.V1_1.Parse([]byte(tt.in)); (err11 == nil) != strings.HasSuffix(tt.want, hint) {
				t.Errorf("V1_1.Parse: %v", err11)
			}
		})
	}
}

// everyConstruct holds each construct of TOML 1.1, some more than once,
// in a string, a multi-line string, a key, a header and values.
const everyConstruct = "name = \"every construct\"\n" + // 1
	"esc = \"\\e[1m bold \\e[0m\"\n" + // 2
	"hex = 'literal \\x41'\n" + // 3: not an escape
	"\"\\x41\".b = \"caf\\xE9\"\n" + // 4
	"text = \"\"\"\n" + // 5
	"\\e and \\x7F\"\"\"\n" + // 6
	"[\"t\\e\"]\n" + // 7
	"time = 14:15\n" + // 8
	"local = 1979-05-27 07:32\n" + // 9
	"offset = [1979-05-27T07:32Z, 1979-05-27T07:32:00Z]\n" + // 10
	"point = { x = 1, y = 2, }\n" + // 11
	"contact = { # who\r\n" + // 12
	"    name = \"Donald\", # a comment\n" + // 13
	"\n" + // 14
	"    # a comment alone\n" + // 15
	"    email = \"d@duckburg.com\",\n" + // 16
	"}\n" // 17

func TestPortability(t *testing.T) {
	needs, uses, err := toml.Portability([]byte(everyConstruct))
	if err != nil {
		t.Fatal(err)
	}
	if needs != toml.V1_1 {
		t.Errorf("needs %v, want %v", needs, toml.V1_1)
	}
	type use struct {
		Name         string
		Line, Column int
		Text         string
	}
	want := []use{
		{`\e escape`, 2, 8, `\e`},
		{`\e escape`, 2, 19, `\e`},
		{`\xHH escape`, 4, 2, `\x41`},
		{`\xHH escape`, 4, 16, `\xE9`},
		{`\e escape`, 6, 1, `\e`},
		{`\xHH escape`, 6, 8, `\x7F`},
		{`\e escape`, 7, 4, `\e`},
		{"time without seconds", 8, 13, ""},
		{"time without seconds", 9, 25, ""},
		{"time without seconds", 10, 27, ""},
		{"trailing comma in an inline table", 11, 23, ","},
		{"comment in an inline table", 12, 13, "# who"},
		{"newline in an inline table", 12, 18, "\r\n"},
		{"comment in an inline table", 13, 22, "# a comment"},
		{"newline in an inline table", 13, 33, "\n"},
		{"newline in an inline table", 14, 1, "\n"},
		{"comment in an inline table", 15, 5, "# a comment alone"},
		{"newline in an inline table", 15, 22, "\n"},
		{"trailing comma in an inline table", 16, 29, ","},
		{"newline in an inline table", 16, 30, "\n"},
	}
	var got []use
	for _, u := range uses {
		got = append(got, use{u.Name, u.Position.Line, u.Position.Column, everyConstruct[u.Span.Start:u.Span.End]})
		if u.Position.Offset != u.Span.Start {
			t.Errorf("%s at %v: Position.Offset %d is not the span's start %d", u.Name, u.Position, u.Position.Offset, u.Span.Start)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Parse (TOML 1.0) fails at the first.
	_, err = toml.Parse([]byte(everyConstruct))
	var pe *toml.ParseError
	if !errors.As(err, &pe) || pe.Line != want[0].Line || pe.Column != want[0].Column {
		t.Errorf("Parse: %v, want an error at line %d, column %d", err, want[0].Line, want[0].Column)
	}
}

func TestPortabilityOfOtherDocuments(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		wantNeeds toml.Version
		wantUses  int
		wantErr   string
	}{
		{"empty", "", toml.V1_0, 0, ""},
		{"TOML 1.0", "a = { b = 1 }\nc = \"\\u001B\"\nd = 07:32:00", toml.V1_0, 0, ""},
		{"one construct", "a = 07:32", toml.V1_1, 1, ""},
		{"not TOML 1.1", "a = {\n b = 1,,\n}", 0, 0, "toml: line 2, column 8: expected a key (bare, \"quoted\" or 'literal'), found ','"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			needs, uses, err := toml.Portability([]byte(tt.in))
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			if needs != tt.wantNeeds || len(uses) != tt.wantUses || gotErr != tt.wantErr {
				t.Errorf("Portability = %v, %d constructs, error %q; want %v, %d, %q", needs, len(uses), gotErr, tt.wantNeeds, tt.wantUses, tt.wantErr)
			}
		})
	}
}

// TestDecode11 decodes a TOML 1.1 document into structs, maps and any
// with Decoder.Version, and checks that Unmarshal stays TOML 1.0.
func TestDecode11(t *testing.T) {
	src := "title = \"\\e[1mTOML\\e[0m \\x31.1\"\n" +
		"start = 1979-05-27 07:32Z\n" +
		"alarm = 06:30\n" +
		"owner = {\n" +
		"  name = \"Tom\", # the author\n" +
		"  langs = [\"en\", \"fr\"],\n" +
		"}\n"
	type owner struct {
		Name  string   `toml:"name"`
		Langs []string `toml:"langs"`
	}
	type config struct {
		Title string          `toml:"title"`
		Start time.Time       `toml:"start"`
		Alarm toml.LocalTime  `toml:"alarm"`
		Owner owner           `toml:"owner"`
		Rest  map[string]bool `toml:"-"`
	}
	wantStruct := config{
		Title: "\x1b[1mTOML\x1b[0m 1.1",
		Start: time.Date(1979, 5, 27, 7, 32, 0, 0, time.UTC),
		Alarm: toml.LocalTime{Hour: 6, Minute: 30},
		Owner: owner{"Tom", []string{"en", "fr"}},
	}
	wantAny := map[string]any{
		"title": "\x1b[1mTOML\x1b[0m 1.1",
		"start": time.Date(1979, 5, 27, 7, 32, 0, 0, time.UTC),
		"alarm": toml.LocalTime{Hour: 6, Minute: 30},
		"owner": map[string]any{"name": "Tom", "langs": []any{"en", "fr"}},
	}
	for _, tt := range []struct {
		name string
		into any
		want any
	}{
		{"struct", new(config), &wantStruct},
		{"map", new(map[string]any), &wantAny},
		{"any", new(any), func() *any { var v any = wantAny; return &v }()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dec := toml.NewDecoder(strings.NewReader(src))
			dec.Version(toml.V1_1)
			if err := dec.Decode(tt.into); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, tt.into); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			fresh := reflect.New(reflect.TypeOf(tt.into).Elem()).Interface()
			if err := toml.Unmarshal([]byte(src), fresh); err == nil || !strings.Contains(err.Error(), "is TOML 1.1") {
				t.Errorf("Unmarshal: %v, want the TOML 1.1 error", err)
			}
		})
	}
}

// TestMarshal11Document checks that the encoder writes a document read as
// TOML 1.1 as TOML 1.0, with the same values: no \e, no \xHH, seconds
// always, inline tables on one line.
func TestMarshal11Document(t *testing.T) {
	doc, err := toml.V1_1.Parse([]byte(everyConstruct))
	if err != nil {
		t.Fatal(err)
	}
	out, err := toml.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	again, err := toml.Parse(out)
	if err != nil {
		t.Fatalf("Marshal wrote what TOML 1.0 rejects: %v\n%s", err, out)
	}
	if needs, uses, err := toml.Portability(out); needs != toml.V1_0 || err != nil {
		t.Errorf("Marshal wrote TOML that needs %v (%v, %v):\n%s", needs, uses, err, out)
	}
	// Scalars that TOML 1.0 can read keep their spelling, as in any
	// Document; the others are written in normal form.
	for _, line := range []string{
		`hex = 'literal \x41'`,
		`esc = "\u001B[1m bold \u001B[0m"`,
		"offset = [1979-05-27T07:32:00Z, 1979-05-27T07:32:00Z]",
	} {
		if !strings.Contains(string(out), line+"\n") {
			t.Errorf("Marshal wrote no line %s:\n%s", line, out)
		}
	}
	want, got := string(tagged.AppendDocument(nil, doc)), string(tagged.AppendDocument(nil, again))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("values differ (-1.1 document +Marshal's):\n%s", diff)
	}
	for _, v := range []any{doc.Table().Get("t\x1b").Table().Get("time"), toml.LocalTime{Hour: 14, Minute: 15}} {
		s, err := toml.Marshal(map[string]any{"t": v})
		if err != nil || string(s) != "t = 14:15:00\n" {
			t.Errorf("Marshal of %v: %q, %v; want seconds", v, s, err)
		}
	}
	if s := fmt.Sprint(doc.Table().Get("esc")); !strings.Contains(s, `\u001B`) {
		t.Errorf("Value.String() of a string with ESC is %s, want \\u001B", s)
	}
}

// TestPositions11 checks the keys and values of a TOML 1.1 document: each
// key's name and source text, and where each key and value starts, in
// an inline table over several lines, with escaped keys (one too long for
// the tree to keep its length) and times without seconds.
func TestPositions11(t *testing.T) {
	long := strings.Repeat("\\x41", 80) // 320 bytes of source, 80 of name
	src := "t = {\r\n" +
		"  \"k\\e\" = 07:32, # c\n" +
		"  # c\n" +
		"  '\\e' = {\n" +
		"    \"" + long + "\" = 1979-05-27 07:32Z,\n" +
		"  },\n" +
		"}\n"
	doc, err := toml.V1_1.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	type node struct {
		Key, KeyText    string
		KeyLine, KeyCol int
		Kind            toml.Kind
		ValueText       string
		ValLine, ValCol int
	}
	var got []node
	var walk func(tab toml.Table)
	walk = func(tab toml.Table) {
		for _, e := range tab.Entries() {
			kp, vp := doc.Position(e.Key.Span.Start), e.Value.Position()
			got = append(got, node{e.Key.Name, doc.Text(e.Key.Span), kp.Line, kp.Column, e.Value.Kind(), doc.Text(e.Value.Span()), vp.Line, vp.Column})
			if e.Value.Kind() == toml.KindTable {
				walk(e.Value.Table())
			}
		}
	}
	walk(doc.Table())
	inner := "{\n    \"" + long + "\" = 1979-05-27 07:32Z,\n  }"
	want := []node{
		{"t", "t", 1, 1, toml.KindTable, src[4 : len(src)-1], 1, 5},
		{"k\x1b", `"k\e"`, 2, 3, toml.KindLocalTime, "07:32", 2, 11},
		{`\e`, `'\e'`, 4, 3, toml.KindTable, inner, 4, 10},
		{strings.Repeat("A", 80), `"` + long + `"`, 5, 5, toml.KindDateTime, "1979-05-27 07:32Z", 5, 330},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDepthLimit11 nests multi-line inline tables with trailing commas at
// the depth limit and one past it: TOML 1.1 reads the first and rejects
// the second at the limit; TOML 1.0 names the first construct of the one
// and gives 1.1's error for the other; Portability finds every construct
// of the first.
func TestDepthLimit11(t *testing.T) {
	nested := func(depth int) string {
		return "a = " + strings.Repeat("{\na=", depth-1) + "1" + strings.Repeat(",\n}", depth-1)
	}
	atLimit, past := nested(toml.MaxDepth), nested(toml.MaxDepth+1)
	if _, err := toml.V1_1.Parse([]byte(atLimit)); err != nil {
		t.Errorf("V1_1.Parse at the limit: %v", err)
	}
	_, err := toml.V1_1.Parse([]byte(past))
	// At the key inside the innermost table, at the start of its line.
	want := fmt.Sprintf("toml: line %d, column 1: document nests deeper than %d tables and arrays", toml.MaxDepth+1, toml.MaxDepth)
	if err == nil || err.Error() != want {
		t.Errorf("V1_1.Parse past the limit: %v, want %q", err, want)
	}
	if _, err10 := toml.Parse([]byte(past)); err10 == nil || err10.Error() != want {
		t.Errorf("Parse past the limit: %v, want %q", err10, want)
	}
	if _, err10 := toml.Parse([]byte(atLimit)); err10 == nil || !strings.HasSuffix(err10.Error(), "newline in an inline table is TOML 1.1; parse with toml.V1_1 or --toml 1.1") {
		t.Errorf("Parse at the limit: %v", err10)
	}
	needs, uses, err := toml.Portability([]byte(atLimit))
	// Each table has a newline after its opening brace, and a trailing
	// comma and a newline before its closing one.
	if wantUses := 3 * (toml.MaxDepth - 1); err != nil || needs != toml.V1_1 || len(uses) != wantUses {
		t.Errorf("Portability at the limit: %v, %d constructs, %v; want %v, %d", needs, len(uses), err, toml.V1_1, wantUses)
	}
}
