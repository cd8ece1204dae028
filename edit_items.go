package toml

import "strings"

// This file edits the inside of arrays in brackets and inline tables:
// their items (elements, or key/value pairs) with the commas, comments
// and line breaks between them.

// item is one element of an array, or one pair of an inline table.
type item struct {
	first   int  // the token that starts it: its key, or its value
	value   int  // the token of its value (the opening one of an array or table)
	start   int  // where its text starts
	end     int  // where its value ends
	comma   int  // the token of the comma after it, or -1
	ownLine bool // it starts its line: only blanks stand before it on it
}

// itemsOf reads the items of the array or inline table v, with its tokens.
func (d *Document) itemsOf(v Value) ([]tok, []item) {
	src := d.tree.src
	toks := scanBracketed(src, v.Span().Start, nil)
	var items []item
	pendingKey := -1
	children(toks, 0, func(k int) {
		switch toks[k].kind {
		case tokKey:
			pendingKey = k
		case tokValue, tokOpen:
			it := item{first: k, value: k, comma: -1}
			if pendingKey >= 0 {
				it.first = pendingKey
				pendingKey = -1
			}
			it.start, it.end = toks[it.first].span.Start, tokEnd(toks, k)
			it.ownLine = toks[it.first-1].kind == tokNewline
			items = append(items, it)
		case tokComma:
			if n := len(items); n > 0 && items[n-1].comma < 0 {
				items[n-1].comma = k
			}
		}
	})
	return toks, items
}

// lineIndent returns the blanks that start the line holding offset at.
func lineIndent(src string, at int) string {
	start := strings.LastIndexByte(src[:at], '\n') + 1
	return src[start:skipBlanks(src, start)]
}

// insertItem makes the patches that put a new item (key = text, or text
// alone for an array) into the array or inline table v, as item index of
// it (-1: last).
func (ed *edit) insertItem(v Value, index int, key, text string) {
	d, src := ed.doc, ed.doc.tree.src
	toks, items := d.itemsOf(v)
	if key != "" {
		text = key + " = " + text
	}
	if index < 0 || index > len(items) {
		index = len(items)
	}
	open, closing := toks[0], toks[toks[0].close]
	add := func(at int, s string) { ed.patches = append(ed.patches, patch{at, at, s}) }
	table := src[open.span.Start] == '{'

	onePerLine := toks[0].multiline
	for _, it := range items {
		onePerLine = onePerLine && it.ownLine
	}
	if !onePerLine {
		switch {
		case len(items) == 0 && table:
			ed.patches = append(ed.patches, patch{open.span.End, closing.span.Start, " " + text + " "})
		case len(items) == 0:
			// After the bracket: blanks inside stay, for a deletion to give
			// them back.
			add(open.span.End, text)
		case index < len(items):
			add(items[index].start, text+", ")
		case items[len(items)-1].comma >= 0:
			add(toks[items[len(items)-1].comma].span.End, " "+text+",")
		default:
			add(items[len(items)-1].end, ", "+text)
		}
		return
	}

	nl := lineEnding(src)
	// One item a line: the new one gets a line of its own, indented as the
	// others, with a comma after it when the last item has one.
	indent := lineIndent(src, v.Span().Start) + "    "
	trailing := true
	if len(items) > 0 {
		indent = lineIndent(src, items[len(items)-1].start)
		trailing = items[len(items)-1].comma >= 0
	}
	if index < len(items) {
		// Before the item, and the comment lines right above it.
		k := items[index].first - 1 // its line's line ending
		for k >= 2 && toks[k-1].kind == tokComment && toks[k-2].kind == tokNewline {
			k -= 2
		}
		add(toks[k].span.End, indent+text+","+nl)
		return
	}
	// After the last item's line, or after the line of the opening bracket.
	from := 1
	if len(items) > 0 {
		last := items[len(items)-1]
		from = last.value + 1
		if toks[last.value].kind == tokOpen {
			from = toks[last.value].close + 1
		}
		if !trailing {
			add(last.end, ",")
		}
	}
	comma := ""
	if trailing {
		comma = ","
	}
	for k := from; k < toks[0].close; k++ {
		if toks[k].kind == tokNewline {
			add(toks[k].span.End, indent+text+comma+nl)
			return
		}
	}
	// The closing bracket is on the last item's line.
	add(closing.span.Start, nl+indent+text+comma)
}

// deleteItem makes the patches that remove, from the array or inline
// table in, the items that hold t.value (one, or several for a table
// that dotted keys define inside an inline table).
func (ed *edit) deleteItem(in Value, t target) {
	d := ed.doc
	toks, items := d.itemsOf(in)
	// The spans of the values that go.
	gone := make(map[Span]bool)
	dottedLeaves(t.value, func(leaf Value) { gone[leaf.Span()] = true })
	del := make([]bool, len(items))
	left := 0
	for i, it := range items {
		del[i] = gone[Span{toks[it.value].span.Start, it.end}]
		if !del[i] {
			left++
		}
	}
	open, closing := toks[0], toks[toks[0].close]
	cut := func(from, to int) { ed.patches = append(ed.patches, patch{from, to, ""}) }
	onePerLine := toks[0].multiline
	for _, it := range items {
		onePerLine = onePerLine && it.ownLine
	}
	if left == 0 && !onePerLine {
		if src := d.tree.src; src[open.span.Start] == '{' {
			cut(open.span.End, closing.span.Start)
		} else {
			last := items[len(items)-1]
			end := last.end
			if last.comma >= 0 {
				end = toks[last.comma].span.End
			}
			cut(items[0].start, end)
		}
		return
	}
	lastKept := -1
	for i := range items {
		if !del[i] {
			lastKept = i
		}
	}
	for i := 0; i < len(items); i++ {
		if !del[i] {
			continue
		}
		// A run of items that go, from i to j.
		j := i
		for j+1 < len(items) && del[j+1] {
			j++
		}
		switch {
		case onePerLine:
			// Their lines go, with the comment lines right above the first.
			k := items[i].first - 1
			for k >= 2 && toks[k-1].kind == tokComment && toks[k-2].kind == tokNewline {
				k -= 2
			}
			end := -1
			after := items[j].value + 1
			if toks[items[j].value].kind == tokOpen {
				after = toks[items[j].value].close + 1
			}
			for m := after; m < toks[0].close; m++ {
				if toks[m].kind == tokOpen {
					m = toks[m].close
					continue
				}
				if toks[m].kind == tokNewline {
					end = toks[m].span.End
					break
				}
			}
			if end < 0 {
				// The closing bracket shares the last line: the line ending
				// before the run goes instead, unless a comment ends the
				// line before, which needs it.
				from := toks[k].span.Start
				if toks[k-1].kind == tokComment {
					from = items[i].start
				}
				cut(from, items[j].end)
				if c := items[j].comma; c >= 0 {
					cut(items[j].end, toks[c].span.End)
				}
			} else {
				cut(toks[k].span.End, end)
				if c := items[j].comma; c >= 0 && toks[c].span.Start >= end {
					// A comma that opens a later line goes too.
					cut(toks[c].span.Start, toks[c].span.End)
				}
			}
			if lastKept >= 0 && j > lastKept && items[j].comma < 0 && items[lastKept].comma >= 0 {
				// The last item had no comma after it: the new last loses
				// its own.
				c := toks[items[lastKept].comma].span
				cut(c.Start, c.End)
			}
		case j < len(items)-1:
			cut(items[i].start, items[j+1].start)
		default:
			// The run ends the list. With a trailing comma, from the comma
			// of the item before it to its own, which stays the trailing
			// one; without, from the end of the item before it.
			if c := items[j].comma; c >= 0 {
				cut(toks[items[lastKept].comma].span.End, toks[c].span.End)
			} else {
				cut(items[lastKept].end, items[j].end)
			}
		}
		i = j
	}
}

// insertTableElement makes the patches that add a [[header]] element to
// the array of tables t.value, as element index. The value must be a
// table: a Go struct or map, written as Marshal writes it, or a RawValue
// inline table, whose pairs become the element's lines as they are
// written.
func (ed *edit) insertTableElement(t target, index int, value any) error {
	d := ed.doc
	_, inline, err := ed.inlineValue(value, '"')
	if err != nil {
		return err
	}
	if inline.Kind() != KindTable {
		return ed.errorf(t.value.Span().Start, "%s is an array of tables, and %s is not a table", describePath(ed.path), kindPhrase(inline))
	}
	var text string
	var v Value
	if _, raw := value.(RawValue); raw {
		text, v, err = ed.sectionFromInline(inline, true)
	} else {
		var ok bool
		text, v, ok, err = ed.sectionValue(ed.path, []any{value})
		if err == nil && !ok {
			err = ed.errorf(-1, "the encoder does not write %T as a table", value)
		}
		v = v.Array().Index(0)
	}
	if err != nil {
		return err
	}
	ed.want = expectation{kind: expectInsert, path: ed.path, value: v, index: index}
	a := t.value.Array()
	if index < a.Len() {
		ed.insertLines(d.ownerStart(d.stmtIndex(a.Index(index).Span().Start)), text, true)
		return nil
	}
	ed.insertLines(d.lastDescendantEnd(a.Index(a.Len()-1)), text, true)
	return nil
}

// sectionFromInline writes the inline table v (of a document of its own)
// as the section of the table at the edit's path ([path], or [[path]] for
// an element): its header, then each of its pairs on a line, as they are
// written in v.
func (ed *edit) sectionFromInline(v Value, element bool) (string, Value, error) {
	src := v.t.src
	nl := lineEnding(ed.doc.tree.src)
	path := ed.path
	if element && len(path) > 0 && path[len(path)-1].IsIndex {
		path = path[:len(path)-1]
	}
	toks := scanBracketed(src, v.Span().Start, nil)
	b := []byte(headerLine(path, element, nl))
	children(toks, 0, func(k int) {
		switch toks[k].kind {
		case tokKey:
			b = appendKeyText(b, src, toks[k].span)
			b = append(b, " = "...)
		case tokValue, tokOpen:
			b = append(b, src[toks[k].span.Start:tokEnd(toks, k)]...)
			b = append(b, nl...)
		}
	})
	doc, err := ed.doc.Version().ParseString(string(b))
	if err != nil {
		return "", Value{}, ed.errorf(-1, "cannot write %s as a section: %v", src[v.Span().Start:v.Span().End], err)
	}
	table := doc.Root()
	for _, st := range path {
		if !st.IsIndex {
			table = table.Table().Get(st.Key)
		}
		if table.Kind() == KindArray {
			table = table.Array().Index(table.Array().Len() - 1)
		}
	}
	return string(b), table, nil
}
