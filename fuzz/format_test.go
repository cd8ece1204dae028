package fuzz

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seed02375186/toml"
)

// FuzzFormat checks Format's promises on any input, in TOML 1.0 and in
// 1.1: an invalid document gives the parser's error and no output; a
// valid one comes out meaning the same (the same keys in the same order,
// kinds, values and table origins), with every comment kept, in order,
// next to the same key or value, and formatting the output again changes
// nothing.
func FuzzFormat(f *testing.F) {
	for _, s := range seeds11(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, v := range []toml.Version{toml.V1_0, toml.V1_1} {
			if msg := checkFormat(src, v); msg != "" {
				t.Fatalf("input %q, TOML %s:\n%s", src, v, msg)
			}
		}
	})
}

// TestFormatProperties checks FuzzFormat's properties on every valid case of
// toml-test and every accepted file of the corpus, whatever its size (the
// fuzz seeds stop at 32 kB), and on toml-test's TOML 1.1 cases.
func TestFormatProperties(t *testing.T) {
	for name, src := range validDocuments(t) {
		t.Run(name, func(t *testing.T) {
			if msg := checkFormat(src, toml.V1_0); msg != "" {
				t.Error(msg)
			}
		})
	}
	for name, src := range tomlTestCases11(t, "valid/") {
		t.Run("1.1/"+name, func(t *testing.T) {
			if msg := checkFormat(src, toml.V1_1); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// validDocuments returns toml-test's valid TOML 1.0.0 cases and the
// accepted corpus files (when the corpus is there), by name.
func validDocuments(t *testing.T) map[string][]byte {
	docs := make(map[string][]byte)
	for name, data := range tomlTestCases(t, "valid/") {
		docs[name] = data
	}
	if _, err := os.Stat(corpusDir); err != nil {
		t.Logf("no real-world corpus at %s: toml-test's cases only", corpusDir)
		return docs
	}
	files, err := filepath.Glob(filepath.Join(corpusDir, "*", "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		if strings.Contains(path, "_rejected") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		docs["corpus/"+filepath.Base(filepath.Dir(path))+"/"+filepath.Base(path)] = data
	}
	return docs
}

func checkFormat(src []byte, v toml.Version) string {
	out, err := v.Format(src)
	doc, perr := v.Parse(src)
	if perr != nil {
		if err == nil || err.Error() != perr.Error() || out != nil {
			return fmt.Sprintf("invalid input: Format gave %q, %v; want no output and the parse error %v", out, err, perr)
		}
		return ""
	}
	if err != nil {
		return fmt.Sprintf("Format of a valid document: %v", err)
	}
	formatted, err := v.Parse(out)
	if err != nil {
		return fmt.Sprintf("Format wrote %q, which does not parse: %v", out, err)
	}
	if diff := diffTrees(orderedTree(doc.Root()), orderedTree(formatted.Root())); diff != "" {
		return fmt.Sprintf("Format wrote %q, which means something else (-input +output):\n%s", out, diff)
	}
	if diff := diffTrees(commentsOf(doc), commentsOf(formatted)); diff != "" {
		return fmt.Sprintf("Format wrote %q, whose comments differ (-input +output):\n%s", out, diff)
	}
	again, err := v.Format(out)
	if err != nil || !bytes.Equal(again, out) {
		return fmt.Sprintf("Format is not idempotent: %q, then %q (%v)", out, again, err)
	}
	return ""
}

// node is a tree with its order and its forms: what Format must keep.
type node struct {
	Kind  string
	Text  string   `json:",omitempty"`
	Form  string   `json:",omitempty"` // a table's origin; "tables" for an array of tables
	Keys  []string `json:",omitempty"`
	Elems []node   `json:",omitempty"`
}

func orderedTree(v toml.Value) node {
	n := node{Kind: v.Kind().String()}
	switch v.Kind() {
	case toml.KindTable:
		n.Form = v.Table().Origin().String()
		for _, e := range v.Table().Entries() {
			n.Keys = append(n.Keys, e.Key.Name)
			n.Elems = append(n.Elems, orderedTree(e.Value))
		}
	case toml.KindArray:
		if v.Array().OfTables() {
			n.Form = "tables"
		}
		for _, e := range v.Array().Elems() {
			n.Elems = append(n.Elems, orderedTree(e))
		}
	default:
		n.Text = scalarText(v)
	}
	return n
}

// comment is a comment with what it belongs to: the last key, header or
// value that ends before it on its line, or else the first that starts
// after it; each named by its number in source order.
type comment struct {
	Text   string
	Anchor string
}

// commentsOf finds a document's comments with a scanner of its own (not
// the layout code Format uses): outside strings and quoted keys, whose
// quotes it follows, every '#' starts a comment, which ends with its
// line. What each belongs to comes from the tree's spans.
func commentsOf(doc *toml.Document) []comment {
	comments, _ := commentsAt(doc)
	return comments
}

// commentsAt is commentsOf with the offset of each comment.
func commentsAt(doc *toml.Document) ([]comment, []int) {
	src := doc.Source()
	var items []toml.Span // keys, headers and values, in source order
	var walk func(v toml.Value)
	walk = func(v toml.Value) {
		items = append(items, v.Span())
		switch v.Kind() {
		case toml.KindTable:
			for _, e := range v.Table().Entries() {
				items = append(items, e.Key.Span)
				walk(e.Value)
			}
		case toml.KindArray:
			for _, e := range v.Array().Elems() {
				walk(e)
			}
		}
	}
	for _, e := range doc.Table().Entries() {
		items = append(items, e.Key.Span)
		walk(e.Value)
	}
	// Tables made by dotted keys and implicit ones span their key: not
	// something a comment can sit beside on its own.
	items = slices.DeleteFunc(items, func(s toml.Span) bool { return s.End <= s.Start })
	slices.SortFunc(items, func(a, b toml.Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	items = slices.Compact(items)
	var comments []comment
	var offsets []int
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"', '\'':
			i = skipQuoted(src, i) - 1
		case '#':
			end := i
			for end < len(src) && src[end] != '\n' && src[end] != '\r' {
				end++
			}
			comments = append(comments, comment{Text: strings.TrimRight(src[i:end], " \t"), Anchor: anchorOf(src, items, i)})
			offsets = append(offsets, i)
			i = end
		}
	}
	return comments, offsets
}

// skipQuoted returns the offset after the string or quoted key that opens
// at i, of any of TOML's four kinds.
func skipQuoted(src string, i int) int {
	q := src[i]
	if strings.HasPrefix(src[i:], strings.Repeat(string(q), 3)) {
		end := i + 3
		for end < len(src) {
			if q == '"' && src[end] == '\\' {
				end += 2
				continue
			}
			if strings.HasPrefix(src[end:], strings.Repeat(string(q), 3)) {
				end += 3
				for end < len(src) && src[end] == q { // up to two quotes more belong to the string
					end++
				}
				return end
			}
			end++
		}
		return end
	}
	end := i + 1
	for end < len(src) && src[end] != q {
		if q == '"' && src[end] == '\\' {
			end++
		}
		end++
	}
	return end + 1
}

// anchorOf names what the comment at offset c belongs to. Inside an
// array or inline table only what it holds counts: a comment right after
// the opening bracket belongs to the first element, not to the key the
// bracket follows.
func anchorOf(src string, items []toml.Span, c int) string {
	lineStart := strings.LastIndexByte(src[:c], '\n') + 1
	inside := -1 // the start of the innermost array or table that holds c
	for _, s := range items {
		if s.Start < c && c < s.End {
			inside = s.Start
		}
	}
	after := -1
	for i, s := range items {
		if s.End <= c && s.End > lineStart && s.Start > inside {
			if after < 0 || s.End > items[after].End || s.End == items[after].End && s.Start > items[after].Start {
				after = i
			}
		}
	}
	if after >= 0 {
		return fmt.Sprintf("after item %d", after)
	}
	for i, s := range items {
		if s.Start > c {
			return fmt.Sprintf("before item %d", i)
		}
	}
	return "at the end"
}
