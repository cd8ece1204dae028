package fuzz

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	tomltest "github.com/toml-lang/toml-test/v2"

	"github.com/seed02375186/toml"
)

// FuzzParse11 checks, on any input, reading TOML 1.1 against reading TOML
// 1.0, and Portability against both:
//
//   - V1_1.Parse gives a document whose spans and positions are right
//     (checkSpans, its texts read back as TOML 1.1), or a positioned
//     *toml.ParseError; TOML 1.0 then fails at the same offset.
//   - A document that TOML 1.0 reads, TOML 1.1 reads the same.
//   - Marshal writes a 1.1 document as TOML 1.0 that Parse reads back to
//     the same values.
//   - A Decoder set to V1_1 accepts what V1_1.Parse accepts, into any with
//     the same values, and gives positioned errors into the struct shapes
//     of FuzzDecode.
//   - Portability fails exactly when V1_1.Parse does, with its error; it
//     says V1_0 exactly when Parse succeeds; its constructs are in source
//     order, each with a real position and a span whose text fits its
//     name; and Parse's error for a 1.1 document names one of them, at its
//     place.
func FuzzParse11(f *testing.F) {
	for _, s := range seeds11(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc11, err11 := toml.V1_1.Parse(src)
		doc10, err10 := toml.Parse(src)
		needs, uses, perr := toml.Portability(src)
		if msg := checkPortability(src, err11, err10, needs, uses, perr); msg != "" {
			t.Fatalf("input %q:\n%s", src, msg)
		}
		if msg := checkDecode11(src, doc11, err11); msg != "" {
			t.Fatalf("input %q:\n%s", src, msg)
		}
		if err11 != nil {
			if msg := checkParseError(src, err11); msg != "" {
				t.Fatalf("input %q:\n%s", src, msg)
			}
			var pe11, pe10 *toml.ParseError
			if errors.As(err11, &pe11) && (!errors.As(err10, &pe10) || pe10.Offset != pe11.Offset) {
				t.Fatalf("input %q:\nTOML 1.1 fails with %q, TOML 1.0 with %v, not at the same place", src, err11, err10)
			}
			return
		}
		if doc11.Version() != toml.V1_1 {
			t.Fatalf("input %q:\nV1_1.Parse gave a document of version %v", src, doc11.Version())
		}
		if msg := checkSpans(src, doc11); msg != "" {
			t.Fatalf("input %q:\n%s", src, msg)
		}
		if err10 == nil {
			if diff := diffTrees(plainTree(doc10.Root()), plainTree(doc11.Root())); diff != "" {
				t.Fatalf("input %q:\nTOML 1.0 and 1.1 read it differently (-1.0 +1.1):\n%s", src, diff)
			}
		}
		out, err := toml.Marshal(doc11)
		if err != nil {
			t.Fatalf("input %q:\nMarshal of the parsed document: %v", src, err)
		}
		again, err := toml.Parse(out)
		if err != nil {
			t.Fatalf("input %q:\nMarshal wrote %q, which TOML 1.0 rejects: %v", src, out, err)
		}
		if diff := diffTrees(plainTree(doc11.Root()), plainTree(again.Root())); diff != "" {
			t.Fatalf("input %q:\nMarshal wrote %q, which reads back different (-parsed +reparsed):\n%s", src, out, diff)
		}
	})
}

// checkDecode11 returns what is wrong with decoding src as TOML 1.1, given
// what V1_1.Parse gave, or "".
func checkDecode11(src []byte, doc *toml.Document, parseErr error) string {
	decode := func(v any) error {
		dec := toml.NewDecoder(bytes.NewReader(src))
		dec.Version(toml.V1_1)
		return dec.Decode(v)
	}
	var generic any
	err := decode(&generic)
	if msg := checkDecodeError(src, err); msg != "" {
		return "into any: " + msg
	}
	switch {
	case parseErr != nil && (err == nil || err.Error() != parseErr.Error()):
		return fmt.Sprintf("V1_1.Parse fails with %q, the decoder with %v", parseErr, err)
	case parseErr == nil && err != nil:
		return fmt.Sprintf("V1_1.Parse accepts it, the decoder into any fails: %v", err)
	case parseErr == nil:
		if diff := diffTrees(plainTree(doc.Root()), plainGo(generic)); diff != "" {
			return fmt.Sprintf("decoding into any differs from the parsed document (-parsed +decoded):\n%s", diff)
		}
	}
	var config fuzzConfig
	if msg := checkDecodeError(src, decode(&config)); msg != "" {
		return "into a struct: " + msg
	}
	return ""
}

// newerHint ends the message of TOML 1.0's error for a construct of 1.1.
const newerHint = " is TOML 1.1; parse with toml.V1_1 or --toml 1.1"

// checkPortability returns what is wrong with Portability's answer for
// src (needs, uses, perr), given what V1_1.Parse and Parse said, or "".
func checkPortability(src []byte, err11, err10 error, needs toml.Version, uses []toml.Construct, perr error) string {
	if err11 != nil {
		if err10 == nil {
			return fmt.Sprintf("TOML 1.0 reads what TOML 1.1 rejects with %q", err11)
		}
		if perr == nil || perr.Error() != err11.Error() || uses != nil {
			return fmt.Sprintf("V1_1.Parse fails with %q; Portability gives %v, %d constructs, %v", err11, needs, len(uses), perr)
		}
		if strings.HasSuffix(err10.Error(), newerHint) {
			return fmt.Sprintf("Parse offers TOML 1.1 (%q), which rejects the input too (%q)", err10, err11)
		}
		return ""
	}
	if perr != nil {
		return fmt.Sprintf("V1_1.Parse succeeds, Portability fails: %v", perr)
	}
	if (needs == toml.V1_0) != (err10 == nil) || (needs == toml.V1_0) != (len(uses) == 0) {
		return fmt.Sprintf("Portability says %v with %d constructs, and Parse (TOML 1.0) says %v", needs, len(uses), err10)
	}
	lines := newLineIndex(src)
	for i, u := range uses {
		if i > 0 && u.Span.Start < uses[i-1].Span.Start {
			return fmt.Sprintf("construct %d (%s at %d) comes before the one ahead of it (at %d)", i, u.Name, u.Span.Start, uses[i-1].Span.Start)
		}
		if u.Span.Start < 0 || u.Span.End > len(src) || u.Span.Start > u.Span.End {
			return fmt.Sprintf("%s spans %+v, outside the %d-byte input", u.Name, u.Span, len(src))
		}
		if want := lines.position(u.Span.Start); u.Position != want {
			return fmt.Sprintf("%s at %+v, want %+v", u.Name, u.Position, want)
		}
		if msg := checkConstructText(u.Name, string(src[u.Span.Start:u.Span.End]), src[:u.Span.Start]); msg != "" {
			return msg
		}
	}
	if err10 != nil {
		var pe *toml.ParseError
		if !errors.As(err10, &pe) {
			return fmt.Sprintf("Parse's error %q is a %T", err10, err10)
		}
		for _, u := range uses {
			if u.Span.Start == pe.Offset && pe.Message == u.Name+newerHint {
				return ""
			}
		}
		return fmt.Sprintf("Parse's error %q names none of the %d constructs", err10, len(uses))
	}
	return ""
}

// checkConstructText returns what is wrong with text, the span of a
// construct named name, which before precedes, or "".
func checkConstructText(name, text string, before []byte) string {
	ok := false
	switch name {
	case `\e escape`:
		ok = text == `\e`
	case `\xHH escape`:
		ok = len(text) == 4 && text[:2] == `\x` && isHex(text[2]) && isHex(text[3])
	case "trailing comma in an inline table":
		ok = text == ","
	case "comment in an inline table":
		ok = strings.HasPrefix(text, "#") && !strings.ContainsAny(text, "\n")
	case "newline in an inline table":
		ok = text == "\n" || text == "\r\n"
	case "time without seconds":
		// Right after the minutes: hh:mm.
		n := len(before)
		ok = text == "" && n >= 5 && before[n-3] == ':' && isDigit(before[n-1]) && isDigit(before[n-2]) && isDigit(before[n-4]) && isDigit(before[n-5])
	default:
		return fmt.Sprintf("unknown construct %q", name)
	}
	if !ok {
		return fmt.Sprintf("%s spans %q", name, text)
	}
	return ""
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHex(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// seeds11 returns the inputs of FuzzParse11: every case of toml-test's
// TOML 1.1.0 suite, valid and invalid, a document with each construct of
// TOML 1.1, and the toml-test 1.0 cases and corpus files that the other
// targets start from (no document nested at the depth limit: see seeds;
// TestDepthLimit11 reads TOML 1.1 at the limit).
func seeds11(f *testing.F) [][]byte {
	f.Helper()
	cases := tomltest.TestCases()
	list, err := fs.ReadFile(cases, "files-toml-1.1.0")
	if err != nil {
		f.Fatalf("reading toml-test's list of TOML 1.1.0 cases: %v", err)
	}
	var inputs [][]byte
	for _, name := range strings.Fields(string(list)) {
		if !strings.HasSuffix(name, ".toml") {
			continue
		}
		data, err := fs.ReadFile(cases, name)
		if err != nil {
			f.Fatalf("reading toml-test case: %v", err)
		}
		inputs = append(inputs, data)
	}
	inputs = append(inputs, []byte("a = \"\\e\\x41\"\n\"k\\e\" = '''x'''\nt = [07:32, 1979-05-27 07:32Z, 1979-05-27T07:32-07:00]\n"+
		"b = { # c\r\n  d = 1, # e\n\n  f.g = {h = 2,},\n}\n"))
	seen := make(map[string]bool, len(inputs))
	for _, s := range inputs {
		seen[string(s)] = true
	}
	for _, s := range seeds(f) {
		if !seen[string(s)] {
			inputs = append(inputs, s)
		}
	}
	return inputs
}
