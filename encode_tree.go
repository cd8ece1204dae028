package toml

// This file writes document trees back as TOML, keeping every table's key
// order. A parser records a table's keys in the order they first appear,
// and TOML lets a table's plain keys sit in one block only: after its
// header, or as dotted keys in the block of the table above. So the writer
// sorts each table's entries into three phases by where they first appear:
//
//   - before the block: sub-tables whose headers came before the table's own
//     header ([a.b] written before [a], which TOML allows);
//   - in the block: key/value lines, including the dotted keys of dotted
//     tables, whose own entries are spread over the same three phases;
//   - after the block: the remaining [sub-tables] and [[arrays of tables]].
//
// Every tree a parser builds fits this pattern. A section that would have
// to appear between two lines of a block (which no parsed tree has) is
// written inline there instead, so that the order still holds.

// phase is where one entry of a table is written.
type phase uint8

const (
	phaseBefore  phase = iota // a section written before the table's header
	phaseLine                 // key = value in the table's block
	phaseDotted               // a dotted table: its entries have phases of their own
	phaseAfter                // a section written after the block
	phaseInlined              // a section that cannot keep its place, written as key = {...}
)

// treeIsSection reports whether a value is written under [header]s of its
// own: a table that is not inline, or an array of tables.
func treeIsSection(v Value) bool {
	switch v.Kind() {
	case KindTable:
		return v.Table().Origin() != InlineTable
	case KindArray:
		return v.Array().OfTables()
	}
	return false
}

// isSectionEntry is treeIsSection within a tree, where dotted tables are
// written as dotted keys.
func isSectionEntry(v Value) bool {
	return treeIsSection(v) && !isDottedEntry(v)
}

func isDottedEntry(v Value) bool {
	if v.Kind() != KindTable {
		return false
	}
	t := v.Table()
	return t.Origin() == DottedTable && t.Len() > 0
}

// eachEntry calls fn with every entry of t and its phase. beforeOK says
// whether sections may come before t's block: true for a table with a
// [header] of its own, false for the root and an array element, whose
// block comes first. For a dotted table, fn also learns whether its
// entries may come before the block.
func eachEntry(t Table, beforeOK bool, fn func(e Entry, ph phase, beforeOK bool)) {
	lastLine := lastLineOf(t)
	before := beforeOK
	c := t.cursor()
	for i := 0; ; i++ {
		e, ok := c.next()
		if !ok {
			break
		}
		v := e.Value
		switch {
		case isSectionEntry(v):
			switch {
			case i > lastLine:
				fn(e, phaseAfter, false)
			case before:
				fn(e, phaseBefore, false)
			default:
				fn(e, phaseInlined, false)
			}
		case isDottedEntry(v):
			childBefore := before && hasBefore(v.Table())
			fn(e, phaseDotted, childBefore)
			before = childBefore
		default:
			before = false
			fn(e, phaseLine, false)
		}
	}
}

// hasBefore reports whether a dotted table that may put sections before
// its block does: whether one of its sections comes before its first line.
func hasBefore(t Table) bool {
	lastLine := lastLineOf(t)
	c := t.cursor()
	for i := 0; ; i++ {
		e, ok := c.next()
		if !ok {
			break
		}
		switch v := e.Value; {
		case isSectionEntry(v):
			return i < lastLine
		case isDottedEntry(v):
			return hasBefore(v.Table())
		default:
			return false
		}
	}
	return false
}

// lastLineOf returns the index of t's last entry that is not a section,
// or -1.
func lastLineOf(t Table) int {
	lastLine := -1
	c := t.cursor()
	for i := 0; ; i++ {
		e, ok := c.next()
		if !ok {
			return lastLine
		}
		if !isSectionEntry(e.Value) {
			lastLine = i
		}
	}
}

// writeTreeRoot writes a table as a whole document.
func (e *encodeState) writeTreeRoot(t Table) {
	saved := e.keys
	e.keys = nil
	e.writeTreeLines(t, nil, false)
	e.writeTreeSections(t, phaseAfter, false)
	e.keys = saved
}

// writeTreeSection writes a table or an array of tables whose header path
// is e.keys.
func (e *encodeState) writeTreeSection(v Value) {
	if v.Kind() == KindArray {
		c := v.Array().cursor()
		for elem, ok := c.next(); ok; elem, ok = c.next() {
			e.writeHeader(true)
			e.writeTreeLines(elem.Table(), nil, false)
			e.writeTreeSections(elem.Table(), phaseAfter, false)
		}
		return
	}
	t := v.Table()
	e.writeTreeSections(t, phaseBefore, true)
	// An implicit table is named by its sub-tables' headers alone; any
	// other needs a header to exist, or to own its lines.
	needHeader := t.Origin() != ImplicitTable || t.Len() == 0
	eachEntry(t, true, func(_ Entry, ph phase, _ bool) {
		if ph != phaseBefore && ph != phaseAfter {
			needHeader = true
		}
	})
	if needHeader {
		e.writeHeader(false)
	}
	e.writeTreeLines(t, nil, true)
	e.writeTreeSections(t, phaseAfter, true)
}

// writeTreeSections writes the sections of t, and of its dotted tables,
// that belong to phase want (phaseBefore or phaseAfter).
func (e *encodeState) writeTreeSections(t Table, want phase, beforeOK bool) {
	eachEntry(t, beforeOK, func(en Entry, ph phase, childBefore bool) {
		switch {
		case ph == want:
			e.keys = append(e.keys, en.Key.Name)
			e.writeTreeSection(en.Value)
			e.keys = e.keys[:len(e.keys)-1]
		case ph == phaseDotted && (want == phaseAfter || childBefore):
			e.keys = append(e.keys, en.Key.Name)
			e.writeTreeSections(en.Value.Table(), want, childBefore)
			e.keys = e.keys[:len(e.keys)-1]
		}
	})
}

// writeTreeLines writes the key = value lines of t's block; prefix holds
// the dotted key of t relative to the table that owns the block.
func (e *encodeState) writeTreeLines(t Table, prefix []byte, beforeOK bool) {
	level := e.level()
	eachEntry(t, beforeOK, func(en Entry, ph phase, childBefore bool) {
		switch ph {
		case phaseLine, phaseInlined:
			e.writeIndent(level)
			e.b = append(e.b, prefix...)
			e.b = appendKey(e.b, en.Key.Name, 0)
			e.b = append(e.b, " = "...)
			e.b = appendInlineValue(e.b, en.Value, e.spelled)
			e.b = append(e.b, '\n')
		case phaseDotted:
			e.writeTreeLines(en.Value.Table(), appendKey(prefix, en.Key.Name, '.'), childBefore)
		}
	})
}
