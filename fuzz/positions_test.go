package fuzz

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/seed02375186/toml"
)

// positionAt computes the line and column of an offset the slow, obvious
// way, as the reference that the parser's positions must agree with:
// lines are counted by '\n', columns in characters from the line start.
func positionAt(src []byte, offset int) toml.Position {
	return newLineIndex(src).position(offset)
}

// lineIndex records, for every offset of a source, its line and where that
// line starts, so that many positions cost no more than one pass.
type lineIndex struct {
	src       []byte
	line      []int
	lineStart []int
}

func newLineIndex(src []byte) lineIndex {
	x := lineIndex{src: src, line: make([]int, len(src)+1), lineStart: make([]int, len(src)+1)}
	line, start := 1, 0
	for i := 0; i <= len(src); i++ {
		x.line[i], x.lineStart[i] = line, start
		if i < len(src) && src[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return x
}

func (x lineIndex) position(offset int) toml.Position {
	start := x.lineStart[offset]
	return toml.Position{Offset: offset, Line: x.line[offset], Column: utf8.RuneCount(x.src[start:offset]) + 1}
}

// checkParseError returns what is wrong with the error Parse gave for src,
// or "": it must be a *toml.ParseError with a message, at an offset inside
// the input whose line and column agree with the offset, and the same
// position must appear in Error(). A redefinition's first definition must
// be a real position before the error.
func checkParseError(src []byte, err error) string {
	var pe *toml.ParseError
	if !errors.As(err, &pe) {
		return fmt.Sprintf("error %q is a %T, not a *toml.ParseError", err, err)
	}
	if pe.Message == "" {
		return fmt.Sprintf("error %q has no message", err)
	}
	if pe.Offset < 0 || pe.Offset > len(src) {
		return fmt.Sprintf("error %q at offset %d, outside the %d-byte input", err, pe.Offset, len(src))
	}
	if got, want := pe.Position(), positionAt(src, pe.Offset); got != want {
		return fmt.Sprintf("error %q: position %+v disagrees with its offset, want %+v", err, got, want)
	}
	if where := fmt.Sprintf("line %d, column %d", pe.Line, pe.Column); !strings.Contains(pe.Error(), where) {
		return fmt.Sprintf("error %q does not say %q", err, where)
	}
	if pe.Previous.Line > 0 {
		prev := pe.Previous
		if prev.Offset < 0 || prev.Offset >= pe.Offset {
			return fmt.Sprintf("error %q: first definition at offset %d, not before the error at %d", err, prev.Offset, pe.Offset)
		}
		if want := positionAt(src, prev.Offset); prev != want {
			return fmt.Sprintf("error %q: first definition at %+v disagrees with its offset, want %+v", err, prev, want)
		}
	}
	return ""
}

// checkSpans returns what is wrong with the spans of an accepted document,
// or "": the root spans the input; every key and value spans a non-empty
// part of it (a table made by a dotted key or a header spans that key);
// Document.Position agrees with positionAt at each key, and Value.Position
// with Document.Position at each value; the text of each key's span is
// that key; and the text of each literal value's span (a scalar, a
// bracketed array, an inline table) parses as that value, in the version
// of TOML the document was read as. On the way it checks that the handles
// agree with each other: each table's Len counts the entries it yields and
// Get finds each of them, and each array's Len counts the elements it
// yields and Index returns them.
func checkSpans(src []byte, doc *toml.Document) string {
	root := doc.Root()
	if want := (toml.Span{Start: 0, End: len(src)}); root.Span() != want {
		return fmt.Sprintf("root spans %+v, want %+v", root.Span(), want)
	}
	if root.Kind() != toml.KindTable || root.Table() != doc.Table() {
		return fmt.Sprintf("Root gives a %v that is not the document's Table", root.Kind())
	}
	w := spanWalker{src: src, lines: newLineIndex(src), doc: doc}
	w.table(doc.Table())
	return w.problem
}

// spanWalker visits every key and value of a document, keeping the first
// problem it finds. The path to the current node is kept as parts and
// joined only for a message, so that walking stays cheap while fuzzing.
type spanWalker struct {
	src     []byte
	lines   lineIndex
	doc     *toml.Document
	path    []string
	problem string
}

func (w *spanWalker) fail(format string, args ...any) {
	w.problem = strings.Join(w.path, "") + ": " + fmt.Sprintf(format, args...)
}

func (w *spanWalker) table(t toml.Table) {
	n := 0
	for i, e := range t.Entries() {
		if w.problem != "" {
			return
		}
		if i != n {
			w.fail("entry %d is yielded as entry %d", n, i)
			return
		}
		n++
		w.path = append(w.path, "."+strconv.Quote(e.Key.Name))
		if msg := checkSpan(w.src, e.Key.Span); msg != "" {
			w.fail("key %s", msg)
			return
		}
		if got, want := w.doc.Position(e.Key.Span.Start), w.lines.position(e.Key.Span.Start); got != want {
			w.fail("Position of the key gives %+v, want %+v", got, want)
			return
		}
		if text := w.doc.Text(e.Key.Span); !namesKey(w.doc.Version(), text, e.Key.Name) {
			w.fail("the key's span holds %q, which does not name the key", text)
			return
		}
		if got := t.Get(e.Key.Name); got != e.Value {
			w.fail("Get of the key gives a %v at %+v, not the entry's value", got.Kind(), got.Span())
			return
		}
		w.value(e.Value)
		w.path = w.path[:len(w.path)-1]
	}
	if w.problem == "" && n != t.Len() {
		w.fail("the table yields %d entries but its Len is %d", n, t.Len())
	}
}

func (w *spanWalker) value(v toml.Value) {
	span := v.Span()
	if msg := checkSpan(w.src, span); msg != "" {
		w.fail("value %s", msg)
		return
	}
	if got, want := v.Position(), w.doc.Position(span.Start); got != want {
		w.fail("Position of the value gives %+v, want %+v", got, want)
		return
	}
	if isLiteral(v) && span.End-span.Start <= maxReparsed {
		text := w.doc.Text(span)
		again, err := w.doc.Version().Parse([]byte("x = " + text))
		if err != nil {
			w.fail("the value's span holds %q, which does not parse as a value: %v", text, err)
			return
		}
		if diff := diffTrees(plainTree(v), plainTree(again.Table().Get("x"))); diff != "" {
			w.fail("the value's span holds %q, which parses as another value (-value +span text):\n%s", text, diff)
			return
		}
	}
	switch v.Kind() {
	case toml.KindTable:
		if v.Table().Value() != v {
			w.fail("the table's Value is not the value")
			return
		}
		w.table(v.Table())
	case toml.KindArray:
		a := v.Array()
		if a.Value() != v {
			w.fail("the array's Value is not the value")
			return
		}
		n, length := 0, a.Len()
		for i, e := range a.Elems() {
			if w.problem != "" {
				return
			}
			w.path = append(w.path, "["+strconv.Itoa(i)+"]")
			if i != n {
				w.fail("element %d is yielded as element %d", n, i)
				return
			}
			n++
			// Index takes time in i for arrays that hold arrays or
			// tables, so only some indexes are checked: the first few
			// and the last.
			if i < maxIndexed || i == length-1 {
				if i >= length {
					w.fail("the array yields element %d but its Len is %d", i, length)
					return
				}
				if got := a.Index(i); got != e {
					w.fail("Index gives a %v at %+v, not the element", got.Kind(), got.Span())
					return
				}
			}
			w.value(e)
			w.path = w.path[:len(w.path)-1]
		}
		if w.problem == "" && n != length {
			w.fail("the array yields %d elements but its Len is %d", n, length)
		}
	}
}

// maxIndexed bounds the elements of an array that checkSpans looks up with
// Array.Index, besides the last.
const maxIndexed = 64

// maxReparsed bounds the span text that checkSpans parses again: a literal
// nested n deep is parsed once per level, and this keeps that to at most
// maxReparsed bytes per value.
const maxReparsed = 4096

// isLiteral reports whether a value is written out whole at its span:
// a scalar, a bracketed array or an inline table.
func isLiteral(v toml.Value) bool {
	switch v.Kind() {
	case toml.KindTable:
		return v.Table().Origin() == toml.InlineTable
	case toml.KindArray:
		return !v.Array().OfTables()
	}
	return true
}

// namesKey reports whether text, as the key of a key/value pair in TOML of
// the given version, is name.
func namesKey(version toml.Version, text, name string) bool {
	doc, err := version.Parse([]byte(text + " = 0"))
	if err != nil || doc.Table().Len() != 1 {
		return false
	}
	for _, e := range doc.Table().Entries() {
		return e.Key.Name == name && e.Value.Kind() == toml.KindInteger
	}
	return false
}

func checkSpan(src []byte, s toml.Span) string {
	if s.Start < 0 || s.End > len(src) || s.Start >= s.End {
		return fmt.Sprintf("span %+v is not a non-empty part of the %d-byte input", s, len(src))
	}
	return ""
}
