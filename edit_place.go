package toml

import (
	"slices"
	"sort"
	"strings"
)

// This file finds where in the text an edit goes: the statements of a
// key or a table, the comments that belong to them, the end of a table's
// section, and the place of a new key or table.

// stmtIndex returns the index of the statement that holds offset x.
func (d *Document) stmtIndex(x int) int {
	return sort.Search(len(d.stmts), func(i int) bool { return int(d.stmts[i]) > x }) - 1
}

// stmtAt reads statement i.
func (d *Document) stmtAt(i int) stmt { return scanStmt(d.tree.src, int(d.stmts[i])) }

// stmtStart returns the offset of statement i, or the end of the source
// for the index past the last.
func (d *Document) stmtStart(i int) int {
	if i >= len(d.stmts) {
		return len(d.tree.src)
	}
	return int(d.stmts[i])
}

// ownerStart returns the first statement that belongs with statement i:
// i itself, or the first of the comment lines right above it.
func (d *Document) ownerStart(i int) int {
	for i > 0 && d.stmtAt(i-1).kind == stmtComment {
		i--
	}
	return i
}

// isHeader reports whether a statement is a table header.
func isHeader(k stmtKind) bool { return k == stmtTable || k == stmtArrayTable }

// sectionEnd returns the index of the first statement after statement
// from that is a header, or the number of statements.
func (d *Document) sectionEnd(from int) int {
	for i := from; i < len(d.stmts); i++ {
		if isHeader(d.stmtAt(i).kind) {
			return i
		}
	}
	return len(d.stmts)
}

// keyvalStmt returns the index of the top-level key/value statement whose
// value is v, if v is written by one.
func (d *Document) keyvalStmt(v Value) (int, bool) {
	s := v.Span()
	i := d.stmtIndex(s.Start)
	if i < 0 {
		return 0, false
	}
	st := d.stmtAt(i)
	return i, st.kind == stmtKeyval && st.value == s
}

// hasHeader reports whether a table is defined by a header of its own: a
// [table] or an element of an array of tables.
func hasHeader(v Value) bool {
	if v.Kind() != KindTable {
		return false
	}
	o := v.Table().Origin()
	return o == HeaderTable || o == ArrayElement
}

// walkSections calls f with v and with every value below it, going into
// the tables that are not inline and the arrays of tables: every value
// whose text may lie in sections of its own.
func walkSections(v Value, f func(Value)) {
	f(v)
	switch {
	case v.Kind() == KindTable && v.Table().Origin() != InlineTable:
		c := v.Table().cursor()
		for _, child, ok := c.nextNamed(); ok; _, child, ok = c.nextNamed() {
			walkSections(child, f)
		}
	case v.Kind() == KindArray && v.Array().OfTables():
		c := v.Array().cursor()
		for e, ok := c.next(); ok; e, ok = c.next() {
			walkSections(e, f)
		}
	}
}

// dottedLeaves calls f with each value that the table v, which dotted
// keys define, holds through its dotted keys: the values of the key/value
// lines that write into it.
func dottedLeaves(v Value, f func(Value)) {
	if v.Kind() == KindTable && v.Table().Origin() == DottedTable {
		c := v.Table().cursor()
		for _, child, ok := c.nextNamed(); ok; _, child, ok = c.nextNamed() {
			dottedLeaves(child, f)
		}
		return
	}
	f(v)
}

// ownedRanges returns the statements (as ranges of indexes) that define v
// and everything it holds, each with the comments that belong to it: the
// sections of its headers and of its descendants' headers, and its
// key/value lines. They are sorted and do not overlap, and no two are
// parted by blank lines alone.
func (d *Document) ownedRanges(v Value) [][2]int {
	var ranges [][2]int
	walkSections(v, func(v Value) {
		switch {
		case hasHeader(v):
			h := d.stmtIndex(v.Span().Start)
			ranges = append(ranges, [2]int{d.ownerStart(h), d.ownerStart(d.sectionEnd(h + 1))})
		case literal(v):
			if i, ok := d.keyvalStmt(v); ok {
				ranges = append(ranges, [2]int{d.ownerStart(i), i + 1})
			}
		}
	})
	slices.SortFunc(ranges, func(a, b [2]int) int { return a[0] - b[0] })
	// Ranges that only blank lines part are one: the blank lines go too.
	merged := ranges[:0]
	for _, r := range ranges {
		if n := len(merged); n > 0 {
			end := merged[n-1][1]
			for end < r[0] && d.stmtAt(end).kind == stmtBlank {
				end++
			}
			if r[0] <= end {
				merged[n-1][1] = max(merged[n-1][1], r[1])
				continue
			}
		}
		merged = append(merged, r)
	}
	return merged
}

// deleteOwned makes the patches that remove v's statements.
func (ed *edit) deleteOwned(v Value) {
	for _, r := range ed.doc.ownedRanges(v) {
		ed.deleteStmts(r[0], r[1])
	}
}

// deleteStmts makes the patch that removes statements from to to.
func (ed *edit) deleteStmts(from, to int) {
	d := ed.doc
	// A blank line on each side would become two in a row: one goes.
	blankBefore := from == 0 || d.stmtAt(from-1).kind == stmtBlank
	blankAfter := to == len(d.stmts) || d.stmtAt(to).kind == stmtBlank
	if blankBefore && blankAfter {
		switch {
		case to < len(d.stmts):
			to++
		case from > 0:
			from--
		}
	}
	start, end := d.stmtStart(from), d.stmtStart(to)
	if end == len(d.tree.src) && start > 0 && !strings.HasSuffix(d.tree.src, "\n") {
		// The last line goes, and had no line ending: the line before
		// loses its own, so that the file keeps ending as it did.
		start = lineEndBefore(d.tree.src, start)
	}
	ed.patches = append(ed.patches, patch{start, end, ""})
}

// replaceSection makes the patches that put text, a section, in the place
// of the table v, which has a header, and of its descendants: the comment
// lines above the header stay, and so do the blank lines that end its
// section; its other lines go, and text comes where the header was.
func (ed *edit) replaceSection(v Value, text string) {
	d := ed.doc
	h := d.stmtIndex(v.Span().Start)
	for _, r := range d.ownedRanges(v) {
		if h < r[0] || h >= r[1] {
			// A descendant's section, before the header or after it.
			ed.deleteStmts(r[0], r[1])
			continue
		}
		if from := d.ownerStart(h); r[0] < from {
			// Descendants' sections right before the header's comments.
			ed.deleteStmts(r[0], from)
		}
		to := r[1]
		for to > h+1 && d.stmtAt(to-1).kind == stmtBlank {
			to--
		}
		start, end := d.stmtStart(h), d.stmtStart(to)
		if end == len(d.tree.src) && !strings.HasSuffix(d.tree.src, "\n") {
			text = strings.TrimSuffix(text, lineEnding(d.tree.src))
		}
		ed.patches = append(ed.patches, patch{start, end, text})
	}
}

// lineEndBefore returns where the line ending that ends at start begins.
func lineEndBefore(src string, start int) int {
	start--
	if start > 0 && src[start-1] == '\r' {
		start--
	}
	return start
}

// lastDescendantEnd returns the index of the statement after the section
// that holds the last of v's descendants (or v's own header): where a new
// table below v, or after it, goes. For the root it is the end.
func (d *Document) lastDescendantEnd(v Value) int {
	if v.t == &d.tree && v.i == 0 {
		return len(d.stmts)
	}
	last := v.Span().End
	walkSections(v, func(v Value) { last = max(last, v.Span().End) })
	return d.ownerStart(d.sectionEnd(d.stmtIndex(last-1) + 1))
}

// firstHeaderOf returns the statement of the first header among v's
// descendants, for a table that has none of its own.
func (d *Document) firstHeaderOf(v Value) (int, bool) {
	first := -1
	walkSections(v, func(v Value) {
		if s := v.Span().Start; hasHeader(v) && (first < 0 || s < first) {
			first = s
		}
	})
	if first < 0 {
		return 0, false
	}
	return d.stmtIndex(first), true
}

// blankBeforeHeaders reports whether the headers of the document are set
// apart by a blank line (before them, or before the comment lines that
// belong to them), as most are: the style of a new header. A document
// with no header to go by gets the blank line.
func (d *Document) blankBeforeHeaders() bool {
	with, without := 0, 0
	for i := 1; i < len(d.stmts) && with+without < 8; i++ {
		if !isHeader(d.stmtAt(i).kind) {
			continue
		}
		if j := d.ownerStart(i); j > 0 {
			if d.stmtAt(j-1).kind == stmtBlank {
				with++
			} else {
				without++
			}
		}
	}
	return with >= without
}

// insertLines makes the patch that puts lines (each ending with the
// document's line ending) before statement i, or at the end. Around a
// header, blank lines follow the document's style.
func (ed *edit) insertLines(i int, lines string, header bool) {
	d, src := ed.doc, ed.doc.tree.src
	nl := lineEnding(src)
	at := d.stmtStart(i)
	var before, after string
	if at == len(src) && at > 0 && !strings.HasSuffix(src, "\n") {
		// The file ends without a line ending, and still will.
		before = nl
		lines = strings.TrimSuffix(lines, nl)
	}
	if header && d.blankBeforeHeaders() {
		if at > 0 && (i == 0 || d.stmtAt(i-1).kind != stmtBlank) {
			before += nl
		}
		if i < len(d.stmts) && d.stmtAt(i).kind != stmtBlank {
			after = nl
		}
	}
	ed.patches = append(ed.patches, patch{at, at, before + lines + after})
}

// keyLine returns the line of a new key/value pair, laid out as the
// statement like (a key/value pair beside it) is, or with no indentation
// and one space around '='.
func (d *Document) keyLine(like *stmt, key, value string) string {
	src := d.tree.src
	indent, sep := "", " = "
	if like != nil {
		indent = src[like.start:like.body]
		if like.kind == stmtKeyval {
			sep = src[like.key.End:like.value.Start]
		}
	}
	return indent + key + sep + value + lineEnding(src)
}

// addKeyToSection makes the patch that adds the pair key = value to the
// section of table v (the root, a [table] or an array element): after its
// last key/value line, or right after its header.
func (ed *edit) addKeyToSection(v Value, key, value string) {
	d := ed.doc
	from := 0
	if hasHeader(v) {
		from = d.stmtIndex(v.Span().Start) + 1
	}
	end := d.sectionEnd(from)
	last := -1
	for i := from; i < end; i++ {
		if d.stmtAt(i).kind == stmtKeyval {
			last = i
		}
	}
	switch {
	case last >= 0:
		s := d.stmtAt(last)
		ed.insertLines(last+1, d.keyLine(&s, key, value), false)
	case from > 0:
		s := d.stmtAt(from - 1) // the header
		ed.insertLines(from, d.keyLine(&s, key, value), false)
	case end < len(d.stmts):
		// The root has no pair yet, but the document has tables: the pair
		// goes before the first, and its comments.
		at := d.ownerStart(end)
		line := d.keyLine(nil, key, value)
		if d.blankBeforeHeaders() {
			line += lineEnding(d.tree.src)
		}
		ed.insertLines(at, line, false)
	default:
		ed.insertLines(len(d.stmts), d.keyLine(nil, key, value), false)
	}
}

// stringStyle returns the quote that the strings among a table's or an
// array's values use: '\” when literal strings are more, else '"'.
func (ed *edit) stringStyle(container Value) byte {
	src := ed.doc.tree.src
	literal, basic := 0, 0
	count := func(v Value) {
		if v.Kind() == KindString {
			s := v.Span()
			if s.End-s.Start >= 6 && (strings.HasPrefix(src[s.Start:], `"""`) || strings.HasPrefix(src[s.Start:], "'''")) {
				return
			}
			if src[s.Start] == '\'' {
				literal++
			} else {
				basic++
			}
		}
	}
	switch container.Kind() {
	case KindTable:
		for _, e := range container.Table().Entries() {
			count(e.Value)
		}
	case KindArray:
		for _, e := range container.Array().Elems() {
			count(e)
		}
	}
	if literal > basic {
		return '\''
	}
	return '"'
}
