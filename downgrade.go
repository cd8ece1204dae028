package toml

import (
	"fmt"
	"sort"
	"strings"
)

// Downgrade rewrites a TOML 1.1 document as TOML 1.0 holding the same
// data, for readers that know only 1.0 (Python's tomllib before 3.15,
// Cargo before Rust 1.94). It changes only what 1.1 added, and leaves
// every other byte as it was:
//
//   - \e becomes \u001B, and \xHH becomes \u00HH;
//   - a time without seconds gets them: 14:15 becomes 14:15:00;
//   - an inline table over several lines, or with a trailing comma, goes
//     onto one line, { a = 1, b = 2 }, its comments moved to lines of
//     their own above the key/value line that holds it;
//   - but an inline table that holds comments and is the value of a
//     key/value line of its own becomes a [table] at the end of its
//     table's section (its pairs and comments as lines of it, its inner
//     tables with comments sub-tables), as TOML 1.0 can keep the comments
//     there where they were.
//
// A document that uses none of these comes back as it is; one that is not
// TOML 1.1 gives the *ParseError of reading it as 1.1. The result is
// checked: it is parsed as TOML 1.0 and must hold the same data, or
// Downgrade fails (a bug, to be reported) rather than return it.
func Downgrade(src []byte) ([]byte, error) {
	out, err := downgrade(string(src))
	if err != nil {
		return nil, err
	}
	return []byte(out), nil
}

func downgrade(src string) (string, error) {
	var uses []Construct
	p := newParser(src, 0, V1_1, false)
	p.uses = &uses
	p.recordStmts = true
	doc, err := p.parse()
	if err != nil {
		return "", err
	}
	if len(uses) == 0 {
		return src, nil
	}
	sortConstructs(uses)
	d := downgrader{doc: doc, src: src, nl: lineEnding(src)}
	for _, u := range uses {
		switch u.Name {
		case constructEscapeE, constructEscapeX, constructNoSeconds:
			d.scalarFixes = append(d.scalarFixes, u)
		default:
			d.tableMarks = append(d.tableMarks, u)
		}
	}
	d.rewriteTables()
	// The scalar fixes not inside a rewritten table stand alone.
	for _, u := range d.scalarFixes {
		if !d.insideRewritten(u.Span.Start) {
			d.patches = append(d.patches, patch{u.Span.Start, u.Span.End, fixText(src, u)})
		}
	}
	out := applyPatches(src, d.patches)
	again, err := ParseString(out)
	if err != nil {
		return "", fmt.Errorf("toml: Downgrade wrote TOML 1.0 that does not parse (%v); this is a bug", err)
	}
	if !equalValues(doc.Root(), again.Root()) {
		return "", fmt.Errorf("toml: Downgrade wrote TOML 1.0 that holds other data; this is a bug")
	}
	return out, nil
}

// downgrader collects the patches of a downgrade.
type downgrader struct {
	doc         *Document
	src, nl     string
	scalarFixes []Construct // escapes and times, in order
	tableMarks  []Construct // line breaks, comments and commas inside inline tables, in order
	rewritten   []Span      // the inline tables rewritten whole, in order
	patches     []patch
}

// fixText is the TOML 1.0 text of an escape or time construct.
func fixText(src string, u Construct) string {
	switch u.Name {
	case constructEscapeE:
		return `\u001B`
	case constructEscapeX:
		return `\u00` + strings.ToUpper(src[u.Span.Start+2:u.Span.End])
	}
	return ":00"
}

// insideRewritten reports whether offset lies in an inline table that is
// rewritten whole.
func (d *downgrader) insideRewritten(at int) bool {
	i := sort.Search(len(d.rewritten), func(i int) bool { return d.rewritten[i].End > at })
	return i < len(d.rewritten) && d.rewritten[i].Start <= at
}

// marked reports whether a construct of the kinds in list lies in s.
func marked(list []Construct, s Span) bool {
	i := sort.Search(len(list), func(i int) bool { return list[i].Span.Start >= s.Start })
	return i < len(list) && list[i].Span.Start < s.End
}

// rewriteTables finds the outermost inline tables that TOML 1.0 cannot
// read as they are written, and rewrites each.
func (d *downgrader) rewriteTables() {
	if len(d.tableMarks) == 0 {
		return
	}
	var walk func(v Value)
	walk = func(v Value) {
		switch v.Kind() {
		case KindTable:
			if v.Table().Origin() == InlineTable && marked(d.tableMarks, v.Span()) {
				d.rewritten = append(d.rewritten, v.Span())
				d.rewrite(v)
				return
			}
			for _, e := range v.Table().Entries() {
				walk(e.Value)
			}
		case KindArray:
			for _, e := range v.Array().Elems() {
				walk(e)
			}
		}
	}
	walk(d.doc.Root())
	sort.Slice(d.rewritten, func(i, j int) bool { return d.rewritten[i].Start < d.rewritten[j].Start })
}

// rewrite makes the patches for one outermost inline table v.
func (d *downgrader) rewrite(v Value) {
	toks := scanBracketed(d.src, v.Span().Start, nil)
	i, own := d.doc.keyvalStmt(v)
	if own && hasComments(toks) {
		d.toSection(v, toks, i)
		return
	}
	var comments []string
	text := d.oneLine(toks, 0, &comments)
	d.patches = append(d.patches, patch{v.Span().Start, v.Span().End, text})
	if len(comments) > 0 {
		// Above the key/value line that holds the table.
		s := d.doc.stmtAt(d.doc.stmtIndex(v.Span().Start))
		indent := d.src[s.start:s.body]
		var b strings.Builder
		for _, c := range comments {
			b.WriteString(indent + c + d.nl)
		}
		d.patches = append(d.patches, patch{s.start, s.start, b.String()})
	}
}

func hasComments(toks []tok) bool {
	for _, t := range toks {
		if t.kind == tokComment {
			return true
		}
	}
	return false
}

// text returns src[s] with the escape and time fixes inside it made.
func (d *downgrader) text(s Span) string {
	i := sort.Search(len(d.scalarFixes), func(i int) bool { return d.scalarFixes[i].Span.Start >= s.Start })
	if i == len(d.scalarFixes) || d.scalarFixes[i].Span.Start >= s.End {
		return d.src[s.Start:s.End]
	}
	var b strings.Builder
	at := s.Start
	for ; i < len(d.scalarFixes) && d.scalarFixes[i].Span.Start < s.End; i++ {
		u := d.scalarFixes[i]
		b.WriteString(d.src[at:u.Span.Start])
		b.WriteString(fixText(d.src, u))
		at = u.Span.End
	}
	b.WriteString(d.src[at:s.End])
	return b.String()
}

// keyText returns the key at s with its parts joined by bare dots and the
// escapes of its quoted parts made TOML 1.0.
func (d *downgrader) keyText(s Span) string {
	t := d.text(s)
	return string(appendKeyText(nil, t, Span{0, len(t)}))
}

// value returns the TOML 1.0 text of the value whose first token is
// toks[k]: inline tables on one line (their comments added to comments),
// arrays as they are written but for the tables they hold.
func (d *downgrader) value(toks []tok, k int, comments *[]string) string {
	if toks[k].kind != tokOpen {
		return d.text(toks[k].span)
	}
	if d.src[toks[k].span.Start] == '{' {
		return d.oneLine(toks, k, comments)
	}
	var b strings.Builder
	at := toks[k].span.Start
	children(toks, k, func(c int) {
		if toks[c].kind == tokValue || toks[c].kind == tokOpen {
			b.WriteString(d.src[at:toks[c].span.Start])
			b.WriteString(d.value(toks, c, comments))
			at = tokEnd(toks, c)
		}
	})
	b.WriteString(d.src[at:tokEnd(toks, k)])
	return b.String()
}

// oneLine writes the inline table whose opening token is toks[open] on
// one line, { a = 1, b = 2 }, adding its comments to comments.
func (d *downgrader) oneLine(toks []tok, open int, comments *[]string) string {
	var b strings.Builder
	b.WriteByte('{')
	first := true
	children(toks, open, func(k int) {
		switch toks[k].kind {
		case tokKey:
			if !first {
				b.WriteByte(',')
			}
			first = false
			b.WriteByte(' ')
			b.WriteString(d.keyText(toks[k].span))
			b.WriteString(" = ")
		case tokValue, tokOpen:
			b.WriteString(d.value(toks, k, comments))
		case tokComment:
			*comments = append(*comments, d.src[toks[k].span.Start:toks[k].span.End])
		}
	})
	if !first {
		b.WriteByte(' ')
	}
	b.WriteByte('}')
	return b.String()
}

// toSection makes the patches that turn the inline table v, the value of
// key/value statement i, into a [table] at the end of its section: the
// statement goes, and the section comes before the next header.
func (d *downgrader) toSection(v Value, toks []tok, i int) {
	doc := d.doc
	s := doc.stmtAt(i)
	// The header: the section's own header's key, then the statement's.
	sectionKey := ""
	for h := i - 1; h >= 0; h-- {
		if hs := doc.stmtAt(h); isHeader(hs.kind) {
			sectionKey = d.keyText(hs.key) + "."
			break
		}
	}
	key := sectionKey + d.keyText(s.key)
	var b strings.Builder
	// The comment lines above the statement go with it.
	from := doc.ownerStart(i)
	for c := from; c < i; c++ {
		cs := doc.stmtAt(c)
		b.WriteString(d.src[cs.comment.Start:cs.comment.End] + d.nl)
	}
	b.WriteString("[" + key + "]")
	// A comment after the opening brace, or else after the statement's
	// value, ends the header's line.
	body := toks
	if toks[1].kind == tokComment {
		b.WriteString(" " + d.src[toks[1].span.Start:toks[1].span.End])
		body = append(append([]tok(nil), toks[0]), toks[2:]...)
		body[0].close -= 1
		for k := range body {
			if body[k].kind == tokOpen && k > 0 {
				body[k].close -= 1
			}
		}
	} else if s.hasComment() {
		b.WriteString(" " + d.src[s.comment.Start:s.comment.End])
	}
	b.WriteString(d.nl)
	var later []string // sub-tables with comments, after the pairs
	d.sectionBody(&b, body, 0, key, &later)
	if toks[1].kind == tokComment && s.hasComment() {
		// The comment after the closing brace ends the pairs.
		b.WriteString(d.src[s.comment.Start:s.comment.End] + d.nl)
	}
	for _, l := range later {
		b.WriteString(d.nl + l)
	}
	// The statement and its comment lines go; the section comes at the end
	// of the statement's section, before the next header and its comments.
	end := doc.ownerStart(doc.sectionEnd(i + 1))
	at := doc.stmtStart(end)
	text := b.String()
	if end < len(doc.stmts) {
		text += d.nl // a blank line before the next header
	}
	// The statement goes; a blank line each side of it would be two in a
	// row: one goes too.
	to := i + 1
	if (from == 0 || doc.stmtAt(from-1).kind == stmtBlank) && to < len(doc.stmts) && doc.stmtAt(to).kind == stmtBlank {
		to++
	}
	// The line the section comes after, once the statement has gone.
	before := end - 1
	if before >= from && before < to {
		before = from - 1
	}
	switch {
	case at == len(d.src) && !strings.HasSuffix(d.src, "\n"):
		text = d.nl + d.nl + strings.TrimSuffix(text, d.nl)
	case before >= 0 && doc.stmtAt(before).kind != stmtBlank:
		text = d.nl + text
	}
	d.patches = append(d.patches, patch{doc.stmtStart(from), doc.stmtStart(to), ""}, patch{at, at, text})
	// The fixes of the statement's own key are in the text above.
	d.rewritten = append(d.rewritten, Span{doc.stmtStart(from), s.next})
}

// sectionBody writes the pairs and comments of the inline table whose
// opening token is toks[open] as the lines of the section [key]; its inner
// inline tables that hold comments go to later as sections of their own.
func (d *downgrader) sectionBody(b *strings.Builder, toks []tok, open int, key string, later *[]string) {
	lineHasPair := false
	children(toks, open, func(k int) {
		switch toks[k].kind {
		case tokKey:
			if lineHasPair {
				b.WriteString(d.nl)
			}
			keyText := d.keyText(toks[k].span)
			v := k + 1
			if toks[v].kind == tokOpen && d.src[toks[v].span.Start] == '{' && hasComments(toks[v:toks[v].close+1]) {
				var sub strings.Builder
				subKey := key + "." + keyText
				sub.WriteString("[" + subKey + "]" + d.nl)
				d.sectionBody(&sub, toks, v, subKey, later)
				*later = append(*later, sub.String())
				lineHasPair = false
				return
			}
			var comments []string
			value := d.value(toks, v, &comments)
			for _, c := range comments {
				b.WriteString(c + d.nl)
			}
			b.WriteString(keyText + " = " + value)
			lineHasPair = true
		case tokComment:
			if lineHasPair {
				b.WriteString(" ")
			}
			b.WriteString(d.src[toks[k].span.Start:toks[k].span.End] + d.nl)
			lineHasPair = false
		case tokNewline:
			if lineHasPair {
				b.WriteString(d.nl)
				lineHasPair = false
			}
		}
	})
	if lineHasPair {
		b.WriteString(d.nl)
	}
}
