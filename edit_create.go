package toml

import (
	"slices"
	"strings"
)

// create makes the patches that add a missing key: t.rest below the table
// t.parent, the last table the path found.
func (ed *edit) create(t target, value any) error {
	// The container the new key is written in: the innermost inline table
	// the path went through, or else the last table found.
	if in, ok := ed.innermostLiteral(t.chain); ok {
		if in.Kind() != KindTable {
			return ed.errorf(in.Span().Start, "%s is an array", describePath(ed.pathTo(t, in)))
		}
		text, v, err := ed.inlineValue(value, ed.stringStyle(t.parent))
		if err != nil {
			return err
		}
		ed.want = expectation{kind: expectSet, path: ed.path, value: v}
		key := joinPath(ed.path[len(ed.pathTo(t, in)):])
		ed.insertItem(in, -1, key, text)
		return nil
	}

	parent := t.parent
	switch parent.Table().Origin() {
	case DottedTable:
		return ed.createDotted(t, value)
	case RootTable, HeaderTable, ArrayElement, ImplicitTable:
	}

	// A Go table (or slice of tables) becomes a section of its own.
	if _, raw := value.(RawValue); !raw {
		if text, v, ok, err := ed.sectionValue(ed.path, value); err != nil {
			return err
		} else if ok {
			ed.want = expectation{kind: expectSet, path: ed.path, value: v}
			ed.insertLines(ed.doc.lastDescendantEnd(parent), text, true)
			return nil
		}
	}
	text, v, err := ed.inlineValue(value, ed.stringStyle(parent))
	if err != nil {
		return err
	}
	ed.want = expectation{kind: expectSet, path: ed.path, value: v}
	last := t.rest[len(t.rest)-1].Key
	switch {
	case len(t.rest) == 1 && parent.Table().Origin() != ImplicitTable:
		ed.addKeyToSection(parent, quoteKey(last), text)
	case len(t.rest) == 1:
		// A table that exists only as the parent of headers gets its own
		// header, right before the first of them.
		d := ed.doc
		first, _ := d.firstHeaderOf(parent)
		lines := headerLine(ed.path[:len(ed.path)-1], false, lineEnding(d.tree.src)) + d.keyLine(nil, quoteKey(last), text)
		ed.insertLines(d.ownerStart(first), lines, true)
	default:
		// New tables: a header for the last of them, after the parent's
		// last descendant.
		d := ed.doc
		lines := headerLine(ed.path[:len(ed.path)-1], false, lineEnding(d.tree.src)) + d.keyLine(nil, quoteKey(last), text)
		ed.insertLines(d.lastDescendantEnd(parent), lines, true)
	}
	return nil
}

// createDotted adds a key below a table that dotted keys define, with a
// dotted key of its own, after the last line that writes into the table.
func (ed *edit) createDotted(t target, value any) error {
	d, src := ed.doc, ed.doc.tree.src
	// After the last statement that writes a value into the table.
	stmts := d.dottedStmts(t.parent)
	if len(stmts) == 0 {
		return ed.errorf(t.parent.Span().Start, "found no line that writes into %s", describePath(ed.path[:len(ed.path)-len(t.rest)]))
	}
	lastStmt := stmts[len(stmts)-1]
	s := d.stmtAt(lastStmt)
	key := dottedPrefix(src, &s, t.chain) + "." + joinPath(t.rest)
	text, v, err := ed.inlineValue(value, ed.stringStyle(t.parent))
	if err != nil {
		return err
	}
	ed.want = expectation{kind: expectSet, path: ed.path, value: v}
	ed.insertLines(lastStmt+1, d.keyLine(&s, key, text), false)
	return nil
}

// dottedPrefix returns the first parts of the key of statement s that
// name the last table of chain, a table that dotted keys define: as many
// parts as the table lies below the table of its section.
func dottedPrefix(src string, s *stmt, chain []Value) string {
	section := 0
	for i, v := range chain {
		if i == 0 || hasHeader(v) {
			section = i
		}
	}
	parts := len(chain) - 1 - section
	end, n := s.key.Start, 0
	keyParts(src, s.key, func(p Span) {
		if n < parts {
			end = p.End
		}
		n++
	})
	return src[s.key.Start:end]
}

// dottedStmts returns, in order, the statements that write values into
// the table v, which dotted keys define.
func (d *Document) dottedStmts(v Value) []int {
	var stmts []int
	dottedLeaves(v, func(leaf Value) {
		if i, ok := d.keyvalStmt(leaf); ok {
			stmts = append(stmts, i)
		}
	})
	slices.Sort(stmts)
	return slices.Compact(stmts)
}

// pathTo returns the part of the edit's path that leads to v, one of the
// values of t.chain.
func (ed *edit) pathTo(t target, v Value) Path {
	for i, c := range t.chain {
		if c == v {
			return ed.path[:i]
		}
	}
	return ed.path
}

// joinPath writes keys as a dotted key, quoting those that need it.
func joinPath(p Path) string {
	var b strings.Builder
	for i, st := range p {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(quoteKey(st.Key))
	}
	return b.String()
}

// headerLine writes the header of the table (or array element) at path;
// its indexes are left out, as headers name the last element of an array
// of tables.
func headerLine(path Path, element bool, nl string) string {
	var keys Path
	for _, st := range path {
		if !st.IsIndex {
			keys = append(keys, st)
		}
	}
	if element {
		return "[[" + joinPath(keys) + "]]" + nl
	}
	return "[" + joinPath(keys) + "]" + nl
}
