package toml

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestLayoutMatchesTree reads every valid document's layout, in TOML 1.0
// and 1.1, and checks it
// against the parser's tree: the statements tile the source; each header
// and each top-level value is a node of the tree with the same span; the
// tokens inside each array are its elements, and those inside each inline
// table its keys and values, in order.
func TestLayoutMatchesTree(t *testing.T) {
	for _, v := range []Version{V1_0, V1_1} {
		for name, src := range validInputs(t, v.String()) {
			t.Run(v.String()+"/"+name, func(t *testing.T) {
				doc, err := parseForEdit(src, v)
				if err != nil {
					t.Fatal(err)
				}
				if err := checkLayout(doc); err != nil {
					t.Error(err)
				}
			})
		}
	}
}

// checkLayout returns what is wrong with the layout of doc, if anything.
func checkLayout(doc *Document) (err error) {
	src := doc.Source()
	spans := make(map[Span]Value) // every node but the root, by span
	var walk func(v Value)
	walk = func(v Value) {
		spans[v.Span()] = v
		switch v.Kind() {
		case KindTable:
			for _, e := range v.Table().Entries() {
				walk(e.Value)
			}
		case KindArray:
			for _, e := range v.Array().Elems() {
				walk(e)
			}
		}
	}
	for _, e := range doc.Table().Entries() {
		walk(e.Value)
	}
	at := 0
	var starts []uint32
	defer func() {
		if !slices.Equal(starts, doc.stmts) && err == nil {
			err = fmt.Errorf("the parser noted statements at %v, the layout finds them at %v", doc.stmts, starts)
		}
	}()
	for at < len(src) {
		starts = append(starts, uint32(at))
		s := scanStmt(src, at)
		if s.next <= at {
			return fmt.Errorf("statement at %d does not advance: %+v", at, s)
		}
		switch s.kind {
		case stmtTable, stmtArrayTable:
			if _, ok := spans[Span{s.body, s.end}]; !ok {
				return fmt.Errorf("header %q at %d is no node of the tree", src[s.body:s.end], s.body)
			}
		case stmtKeyval:
			v, ok := spans[s.value]
			if !ok {
				return fmt.Errorf("value %q at %d is no node of the tree", src[s.value.Start:s.value.End], s.value.Start)
			}
			if err := checkInside(src, v, spans); err != nil {
				return err
			}
		case stmtComment:
			if !strings.HasPrefix(src[s.comment.Start:], "#") {
				return fmt.Errorf("comment line at %d: comment %v", at, s.comment)
			}
		}
		if s.hasComment() && src[s.comment.Start] != '#' {
			return fmt.Errorf("comment of line at %d starts with %q", at, src[s.comment.Start])
		}
		if rest := strings.Trim(src[s.contentEnd():s.newline], " \t"); rest != "" {
			return fmt.Errorf("line at %d: %q left between the content and the end of line", at, rest)
		}
		at = s.next
	}
	return nil
}

// checkInside checks the tokens inside an array or inline table v, and
// inside every array or inline table it holds.
func checkInside(src string, v Value, spans map[Span]Value) error {
	var want []Span
	switch v.Kind() {
	case KindArray:
		for _, e := range v.Array().Elems() {
			want = append(want, e.Span())
		}
	case KindTable:
		var leaves func(t Table)
		leaves = func(t Table) {
			for _, e := range t.Entries() {
				if e.Value.Kind() == KindTable && e.Value.Table().Origin() == DottedTable {
					leaves(e.Value.Table())
					continue
				}
				want = append(want, e.Value.Span())
			}
		}
		leaves(v.Table())
	default:
		return nil
	}
	toks := scanBracketed(src, v.Span().Start, nil)
	if end := toks[0].close; end != len(toks)-1 || toks[end].span.End != v.Span().End {
		return fmt.Errorf("%s at %d: its tokens do not end at its end %d", v.Kind(), v.Span().Start, v.Span().End)
	}
	var got []Span
	var err error
	children(toks, 0, func(k int) {
		tk := toks[k]
		text := src[tk.span.Start:tk.span.End]
		switch tk.kind {
		case tokValue, tokOpen:
			s := Span{tk.span.Start, tokEnd(toks, k)}
			got = append(got, s)
			if inner, ok := spans[s]; ok && err == nil {
				err = checkInside(src, inner, spans)
			}
		case tokComma:
			if text != "," {
				err = fmt.Errorf("comma token %q", text)
			}
		case tokComment:
			if text[0] != '#' || strings.ContainsAny(text, "\r\n") {
				err = fmt.Errorf("comment token %q", text)
			}
		case tokNewline:
			if text != "\n" && text != "\r\n" {
				err = fmt.Errorf("newline token %q", text)
			}
		case tokClose:
			err = fmt.Errorf("closing token at %d among the children", tk.span.Start)
		}
	})
	if err != nil {
		return err
	}
	if len(got) != len(want) {
		return fmt.Errorf("%s at %d: %d values in the layout, %d in the tree", v.Kind(), v.Span().Start, len(got), len(want))
	}
	// Dotted keys inside an inline table put values in the order of their
	// tables' entries, which need not be the source order.
	if v.Kind() == KindArray {
		for i := range got {
			if got[i] != want[i] {
				return fmt.Errorf("array at %d: element %d spans %v in the layout, %v in the tree", v.Span().Start, i, got[i], want[i])
			}
		}
	}
	for _, s := range got {
		if _, ok := spans[s]; !ok {
			return fmt.Errorf("value %q at %d is no node of the tree", src[s.Start:s.End], s.Start)
		}
	}
	return nil
}
