package toml

import "unsafe"

// Format returns src in the one layout of this package, as gofmt does for
// Go: there are no options. src must be a valid TOML 1.0 document; an
// invalid one gives the parser's *ParseError and no output.
//
// Format changes only blanks, line breaks and commas, never what the
// document means or how it spells it. It never changes the order of keys
// or tables; which tables are headers, dotted keys or inline; which arrays
// span several lines; the text of any key, value or comment (quotes,
// escapes, number bases, underscores, date-time forms and multi-line
// strings stay byte for byte); or the file's line ending: every line ends
// as the first line of the file does, in LF or CRLF. Format(Format(x)) is
// Format(x).
//
// The layout is what the 151 real-world files of the project's corpus
// (pyproject.toml, Cargo.toml and lock files, tool configurations) do most,
// counted by file and, in brackets, by occurrence:
//
//   - One space each side of '=': 147 of 148 files (36,846 of 37,093 pairs).
//   - No indentation of keys, headers and comment lines: 132 of 148 files
//     indent no key (35,724 of 37,093 pairs); 140 of 142 files indent no
//     header.
//   - A blank line before each header, or before the comment lines right
//     above it, which belong to it: 127 of 132 files (8,002 of 8,145
//     headers). No blank line right after a header: 142 of 142 files
//     (8,201 of 8,219 headers). Elsewhere blank lines stay where they are,
//     at most one in a row (125 of 148 files never have two), none at the
//     start or the end of the file.
//   - No trailing blanks on any line (150 of 151 files), and one line
//     ending at the end of the file (143 of 150).
//   - No blanks inside a header's brackets or around the dots of a
//     dotted key (141 of 142 files; 15 of 15 files with dotted keys).
//   - One space before a comment that ends a line: 24 of 37 files that have
//     such comments (339 of 415 comments); the others mostly use two.
//   - Arrays on one line: no blanks inside the brackets (94 of 97 files),
//     one space after each comma (91 of 94 files), and no trailing comma.
//   - Inline tables: one space inside the braces, { a = 1, b = 2 } (60 of
//     73 files, 8,820 of 10,921 tables); {} when empty (3 of 4 files).
//   - Arrays over several lines: the elements indented by four spaces more
//     than the line that opens the array (43 of 84 files; 34 use two and
//     the Cargo.lock files one), a comma after every element, the last
//     included (79 of 84 files, 3,821 of 3,881 arrays), nothing after the
//     opening bracket but a comment (84 of 84), and the closing bracket on
//     a line of its own, indented as the line that opened the array (84 of
//     84). Elements that share a line keep sharing it, as gofmt keeps them
//     in a composite literal (2 of 84 files group elements); comment lines
//     inside the array are indented as its elements, and blank lines inside
//     it are kept, at most one in a row.
//
// TestFormatStyleFollowsCorpus recounts these figures from the corpus and
// fails if a rule stops being what the corpus does most.
func Format(src []byte) ([]byte, error) { return V1_0.Format(src) }

// Format is the package's Format for a document of TOML version v, which
// it keeps: a TOML 1.1 document stays 1.1, its inline tables over several
// lines laid out as arrays over several lines are (see Downgrade for a
// rewrite as TOML 1.0).
func (v Version) Format(src []byte) ([]byte, error) {
	if !v.valid() {
		return nil, v.unknown()
	}
	// The tree is dropped before Format returns, and the output holds
	// copies of the source's bytes: the source need not be copied, and the
	// tree can take pooled memory.
	doc, p, err := parseTransient(unsafe.String(unsafe.SliceData(src), len(src)), 0, v)
	if err != nil {
		return nil, err
	}
	defer p.release()
	return formatDocument(doc), nil
}

// formatDocument formats a parsed document, of either TOML version: a
// TOML 1.1 document keeps its 1.1 syntax, and its inline tables that span
// several lines are laid out as arrays that do.
func formatDocument(doc *Document) []byte {
	f := formatter{src: doc.Source(), nl: lineEnding(doc.Source())}
	f.out = make([]byte, 0, len(f.src)+len(f.src)/16+16)
	f.document()
	return f.out
}

// lineEnding returns the end of line of src's first line: "\r\n" or "\n"
// (for a document of one line, too).
func lineEnding(src string) string {
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			if i > 0 && src[i-1] == '\r' {
				return "\r\n"
			}
			return "\n"
		}
	}
	return "\n"
}

// formatIndent is the indentation of one level inside an array or inline
// table that spans several lines.
const formatIndent = "    "

// formatter writes the formatted document into out.
type formatter struct {
	src  string
	nl   string
	out  []byte
	toks []tok // scratch for the tokens of arrays and inline tables, a stack for nested ones
}

// document writes every statement, deciding on the blank lines between
// them.
func (f *formatter) document() {
	src := f.src
	var (
		blank       bool // a blank line is due before the next line written
		afterHeader bool // the last line written is a header
		// comments is where the comment lines written last, with no blank
		// line among them or after them, start in out, or -1: they belong
		// to a header that follows.
		comments = -1
		// blankEnd is the end in out of the last blank line written.
		blankEnd = -1
	)
	writeBlank := func() {
		if blank && len(f.out) > 0 {
			f.out = append(f.out, f.nl...)
			blankEnd = len(f.out)
		}
		blank = false
	}
	for at := 0; at < len(src); {
		s := scanStmt(src, at)
		at = s.next
		switch s.kind {
		case stmtBlank:
			if !afterHeader {
				blank = true
			}
			comments = -1
			continue
		case stmtComment:
			writeBlank()
			if comments < 0 {
				comments = len(f.out)
			}
			f.out = append(f.out, src[s.comment.Start:s.comment.End]...)
			f.out = append(f.out, f.nl...)
			afterHeader = false
			continue
		case stmtTable, stmtArrayTable:
			switch {
			case comments > 0 && comments != blankEnd:
				// A blank line before the header's comments.
				f.out = append(f.out[:comments], append([]byte(f.nl), f.out[comments:]...)...)
			case comments < 0:
				blank = true
			}
			writeBlank()
			open := 1
			if s.kind == stmtArrayTable {
				open = 2
			}
			f.out = append(f.out, "[["[:open]...)
			f.out = appendKeyText(f.out, src, s.key)
			f.out = append(f.out, "]]"[:open]...)
			afterHeader = true
		case stmtKeyval:
			writeBlank()
			f.out = appendKeyText(f.out, src, s.key)
			f.out = append(f.out, " = "...)
			f.value(s.value, 0)
			afterHeader = false
		}
		comments = -1
		if s.hasComment() {
			f.out = append(f.out, ' ')
			f.out = append(f.out, src[s.comment.Start:s.comment.End]...)
		}
		f.out = append(f.out, f.nl...)
	}
}

// value writes a value whose line is at indentation level.
func (f *formatter) value(v Span, level int) {
	switch f.src[v.Start] {
	case '[', '{':
		f.toks = scanBracketed(f.src, v.Start, f.toks[:0])
		f.bracketed(f.toks, 0, level)
	default:
		f.out = append(f.out, f.src[v.Start:v.End]...)
	}
}

// bracketed writes the array or inline table whose opening token is
// toks[open], on a line at indentation level.
func (f *formatter) bracketed(toks []tok, open, level int) {
	src := f.src
	closing := toks[open].close
	element := func(k int, level int) {
		if toks[k].kind == tokOpen {
			f.bracketed(toks, k, level)
			return
		}
		f.out = append(f.out, src[toks[k].span.Start:toks[k].span.End]...)
	}
	table := src[toks[open].span.Start] == '{'
	if !toks[open].multiline {
		// No comments either: a comment ends its line.
		f.out = append(f.out, src[toks[open].span.Start])
		if table && closing > open+1 {
			f.out = append(f.out, ' ')
		}
		first := true
		children(toks, open, func(k int) {
			switch toks[k].kind {
			case tokKey:
				if !first {
					f.out = append(f.out, ", "...)
				}
				first = false
				f.out = appendKeyText(f.out, src, toks[k].span)
				f.out = append(f.out, " = "...)
			case tokValue, tokOpen:
				if !table {
					if !first {
						f.out = append(f.out, ", "...)
					}
					first = false
				}
				element(k, level)
			}
		})
		if table && closing > open+1 {
			f.out = append(f.out, ' ')
		}
		f.out = append(f.out, src[toks[closing].span.Start])
		return
	}

	// Over several lines: each line of the source inside the brackets that
	// holds elements or a comment gives one line, indented one level in.
	f.out = append(f.out, src[toks[open].span.Start])
	k := open + 1
	if toks[k].kind == tokComment {
		// A comment right after the opening bracket stays there.
		f.out = append(f.out, ' ')
		f.out = append(f.out, src[toks[k].span.Start:toks[k].span.End]...)
		k++
	}
	var (
		lineStarted bool // the current output line has elements
		blankDue    bool // a blank line separates the next line from the last
		wroteLine   bool // some line was written inside the brackets
		newlines    int  // ends of line in a row since the last element or comment
	)
	startLine := func() {
		if lineStarted {
			f.out = append(f.out, ' ')
			return
		}
		if blankDue && wroteLine {
			f.out = append(f.out, f.nl...)
		}
		blankDue = false
		f.out = append(f.out, f.nl...)
		f.indent(level + 1)
		lineStarted, wroteLine = true, true
	}
	for ; k < closing; k++ {
		t := toks[k]
		switch t.kind {
		case tokNewline:
			if newlines++; newlines >= 2 {
				blankDue = true
			}
			lineStarted = false
			continue
		case tokComma:
			continue
		case tokComment:
			startLine()
			f.out = append(f.out, src[t.span.Start:t.span.End]...)
		case tokKey:
			startLine()
			f.out = appendKeyText(f.out, src, t.span)
			f.out = append(f.out, " = "...)
			k++
			element(k, level+1)
			f.out = append(f.out, ',')
		case tokValue, tokOpen:
			startLine()
			element(k, level+1)
			f.out = append(f.out, ',')
		}
		if toks[k].kind == tokOpen {
			k = toks[k].close
		}
		newlines = 0
	}
	f.out = append(f.out, f.nl...)
	f.indent(level)
	f.out = append(f.out, src[toks[closing].span.Start])
}

func (f *formatter) indent(level int) {
	for range level {
		f.out = append(f.out, formatIndent...)
	}
}
