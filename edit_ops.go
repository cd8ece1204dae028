package toml

// target is what a path names in the document.
type target struct {
	found bool
	// value is the value the path names, when found.
	value Value
	// parent holds value (a table or an array); when the path is not
	// found, it is the last table found, where rest begins.
	parent Value
	// entry is value's entry in parent, when parent is a table.
	entry Entry
	// index is value's index in parent, when parent is an array.
	index int
	// rest is the steps of the path from parent on, when not found: keys
	// only.
	rest Path
	// chain is every value the path went through, from the root.
	chain []Value
}

// resolve follows the edit's path, making its negative indexes positive.
// A path that stops at a missing key is not an error: it is a value to
// create; any other dead end is.
func (ed *edit) resolve() (target, error) {
	cur := ed.doc.Root()
	t := target{chain: []Value{cur}}
	for i, st := range ed.path {
		if st.IsIndex {
			if cur.Kind() != KindArray {
				return t, ed.errorf(cur.Span().Start, "%s is %s, not an array", describePath(ed.path[:i]), kindPhrase(cur))
			}
			n := cur.Array().Len()
			idx := st.Index
			if idx < 0 {
				idx += n
			}
			if idx < 0 || idx >= n {
				return t, ed.errorf(cur.Span().Start, "index %d is out of range: %s has %d elements", st.Index, describePath(ed.path[:i]), n)
			}
			ed.path[i].Index = idx
			t.parent, t.index, t.entry = cur, idx, Entry{}
			cur = cur.Array().Index(idx)
			t.chain = append(t.chain, cur)
			continue
		}
		switch cur.Kind() {
		case KindTable:
			e, ok := cur.Table().Lookup(st.Key)
			if !ok {
				for _, later := range ed.path[i+1:] {
					if later.IsIndex {
						return t, ed.errorf(-1, "%s does not exist, so it has no element %d (add one with append)", describePath(ed.path[:i+1]), later.Index)
					}
				}
				t.parent, t.rest = cur, ed.path[i:]
				return t, nil
			}
			t.parent, t.entry = cur, e
			cur = e.Value
			t.chain = append(t.chain, cur)
		case KindArray:
			if cur.Array().OfTables() {
				return t, ed.errorf(cur.Span().Start, "%s is an array of tables: name one of its elements, as in %s",
					describePath(ed.path[:i]), append(append(ed.path[:i:i], PathStep{Index: -1, IsIndex: true}), ed.path[i:]...))
			}
			return t, ed.errorf(cur.Span().Start, "%s is an array, not a table", describePath(ed.path[:i]))
		default:
			return t, ed.errorf(cur.Span().Start, "%s is %s, not a table", describePath(ed.path[:i]), kindPhrase(cur))
		}
	}
	t.found, t.value = true, cur
	return t, nil
}

// describePath names a path in a message: the document itself for none.
func describePath(p Path) string {
	if len(p) == 0 {
		return "the document"
	}
	return p.String()
}

// kindPhrase names a value's kind with its article: "a string", "an
// inline table".
func kindPhrase(v Value) string {
	switch {
	case v.Kind() == KindArray && v.Array().OfTables():
		return "an array of tables"
	case v.Kind() == KindTable && v.Table().Origin() == InlineTable:
		return "an inline table"
	}
	return article(v.Kind().String())
}

// set makes the edit's patches for Set.
func (ed *edit) set(value any) error {
	t, err := ed.resolve()
	if err != nil {
		return err
	}
	if len(ed.path) == 0 || t.found && len(t.chain) == 1 {
		return ed.errorf(-1, "the path names the document itself, which is a table of its own")
	}
	if !t.found {
		return ed.create(t, value)
	}
	if literal(t.value) {
		text, v, err := ed.inlineValue(value, ed.stringStyle(t.parent))
		if err != nil {
			return err
		}
		s := t.value.Span()
		ed.patches = append(ed.patches, patch{s.Start, s.End, text})
		ed.want = expectation{kind: expectSet, path: ed.path, value: v}
		return nil
	}
	// A table with a header: a table value takes its place, as a section.
	if hasHeader(t.value) {
		text, v, ok, err := ed.tableSection(value, t.value.Table().Origin() == ArrayElement)
		if err != nil {
			return err
		}
		if ok {
			ed.replaceSection(t.value, text)
			ed.want = expectation{kind: expectSet, path: ed.path, value: v}
			return nil
		}
		if t.parent.Kind() == KindArray {
			_, v, _ := ed.inlineValue(value, '"')
			return ed.errorf(t.parent.Span().Start, "%s is an array of tables, and %s is not a table", describePath(ed.path[:len(ed.path)-1]), kindPhrase(v))
		}
	}
	// A table that dotted keys define, outside inline tables: the value
	// takes the place of its first line, and its other lines go.
	if t.value.Table().Origin() == DottedTable {
		if _, inInline := ed.innermostLiteral(t.chain); !inInline {
			d, src := ed.doc, ed.doc.tree.src
			stmts := d.dottedStmts(t.value)
			text, v, err := ed.inlineValue(value, ed.stringStyle(t.parent))
			if err != nil {
				return err
			}
			first := stmts[0]
			s := d.stmtAt(first)
			ed.patches = append(ed.patches, patch{s.key.Start, s.value.End, dottedPrefix(src, &s, t.chain) + src[s.key.End:s.value.Start] + text})
			// The table's other lines go, and the sections of its
			// sub-tables; the comment lines above the first line stay.
			for _, r := range d.ownedRanges(t.value) {
				if first < r[0] || first >= r[1] {
					ed.deleteStmts(r[0], r[1])
					continue
				}
				if from := d.ownerStart(first); r[0] < from {
					ed.deleteStmts(r[0], from)
				}
				if first+1 < r[1] {
					ed.deleteStmts(first+1, r[1])
				}
			}
			ed.want = expectation{kind: expectSet, path: ed.path, value: v}
			return nil
		}
	}
	// A table that headers below it make, an array of tables, or a table
	// with a header that becomes something else: it
	// goes, and the new value comes as a new one would.
	if err := ed.Editor.edit("set", ed.text, func(del *edit) error { return del.delete() }); err != nil {
		return err
	}
	if t, err = ed.resolve(); err != nil {
		return err
	}
	if t.found {
		return ed.errorf(-1, "%s is still there after its deletion", describePath(ed.path))
	}
	return ed.create(t, value)
}

// tableSection returns the section that writes value at the edit's path,
// as a [table] or, for element, an element of an array of tables: a Go
// table as Marshal writes it, or the pairs of a RawValue inline table as
// they are written. ok is false when value is no table.
func (ed *edit) tableSection(value any, element bool) (string, Value, bool, error) {
	if raw, isRaw := value.(RawValue); isRaw {
		_, v, err := ed.inlineValue(raw, '"')
		if err != nil || v.Kind() != KindTable {
			return "", Value{}, false, err
		}
		text, v, err := ed.sectionFromInline(v, element)
		return text, v, err == nil, err
	}
	if !element {
		return ed.sectionValue(ed.path, value)
	}
	text, v, ok, err := ed.sectionValue(ed.path[:len(ed.path)-1], []any{value})
	if !ok || err != nil {
		return "", Value{}, false, err
	}
	return text, v.Array().Index(0), true, nil
}

// literal reports whether a value is written where it stands, as one piece
// of text: a scalar, an array in brackets, an inline table.
func literal(v Value) bool {
	switch v.Kind() {
	case KindTable:
		return v.Table().Origin() == InlineTable
	case KindArray:
		return !v.Array().OfTables()
	}
	return true
}

// delete makes the edit's patches for Delete.
func (ed *edit) delete() error {
	t, err := ed.resolve()
	if err != nil {
		return err
	}
	if !t.found {
		return ed.errorf(-1, "%s does not exist", describePath(ed.path))
	}
	if len(t.chain) == 1 {
		return ed.errorf(-1, "the document itself cannot be deleted")
	}
	ed.want = expectation{kind: expectDelete, path: ed.path}
	if in, ok := ed.innermostLiteral(t.chain[:len(t.chain)-1]); ok {
		// Inside an array in brackets or an inline table.
		ed.deleteItem(in, t)
		return nil
	}
	ed.deleteOwned(t.value)
	return nil
}

// innermostLiteral returns the innermost array in brackets or inline table
// among the values of a chain, if any.
func (ed *edit) innermostLiteral(chain []Value) (Value, bool) {
	for i := len(chain) - 1; i >= 0; i-- {
		if v := chain[i]; (v.Kind() == KindArray || v.Kind() == KindTable) && literal(v) {
			return v, true
		}
	}
	return Value{}, false
}

// insert makes the edit's patches for Append (index -1) and Insert.
func (ed *edit) insert(index int, value any) error {
	t, err := ed.resolve()
	if err != nil {
		return err
	}
	if !t.found {
		if index > 0 {
			return ed.errorf(-1, "%s does not exist, so it has no index %d", describePath(ed.path), index)
		}
		var array any = []any{value}
		if raw, ok := value.(RawValue); ok {
			array = "[" + raw + "]"
		}
		if err := ed.create(t, array); err != nil {
			return err
		}
		// create set the expectation for the whole new array; it is an
		// insertion into an empty one.
		ed.want = expectation{kind: expectInsert, path: ed.path, value: ed.want.value.Array().Index(0), index: 0}
		return nil
	}
	if t.value.Kind() != KindArray {
		return ed.errorf(t.value.Span().Start, "%s is %s, not an array", describePath(ed.path), kindPhrase(t.value))
	}
	a := t.value.Array()
	if index < 0 {
		index = a.Len()
	}
	if index > a.Len() {
		return ed.errorf(t.value.Span().Start, "index %d is out of range: %s has %d elements", index, describePath(ed.path), a.Len())
	}
	if a.OfTables() {
		return ed.insertTableElement(t, index, value)
	}
	text, v, err := ed.inlineValue(value, ed.stringStyle(t.value))
	if err != nil {
		return err
	}
	ed.want = expectation{kind: expectInsert, path: ed.path, value: v, index: index}
	ed.insertItem(t.value, index, "", text)
	return nil
}
