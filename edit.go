package toml

import (
	"fmt"
	"slices"
	"strings"
)

// An Editor changes a document's text in place: it patches only the bytes
// an edit concerns, so that every other byte (comments, blank lines,
// spelling, layout) stays as it was. Edits name what they change by a Path
// in its text form ("tool.ruff.lint.select", "package[3].name").
//
// New values are Go values, written by the encoder as Marshal writes them
// (inline), or TOML text given as a RawValue, written as it is.
//
// The rules an Editor follows:
//
//   - Placement follows the layout. A new key goes after the last key/value
//     line of its table and before that table's sub-tables. A new table goes
//     after the last of its parent's descendants, with the blank line before
//     it that the headers around it have. A key under a table that dotted
//     keys define continues in that style (tool.ruff.select = ... beside
//     tool.ruff.line-length = ...); a key in an inline table goes inside its
//     braces. A key whose table does not exist yet gets a [header] for it,
//     placed as a new table; a table that exists only as the parent of
//     headers (tool, when the file has [tool.ruff]) gets its header just
//     before its first sub-table. A Go table (a struct or a map) set where
//     a header can stand is written as a [header] section, a Go slice of
//     tables as [[header]] elements; anywhere else, and for a RawValue,
//     values are written inline.
//   - Style follows the neighbours: the indentation of the line a new key
//     follows and its spacing around '='; a new string in the quotes of
//     the strings beside it, when either quote would do; in an array written
//     one element per line a new element gets a line of its own, indented as
//     the others, and the array keeps its trailing comma, or its lack of one.
//   - Comment ownership: the comment lines right above a key or an array
//     element (no blank line between) and the comment at the end of its line
//     belong to it and go with it on delete; so do the comment lines right
//     above a table's header, and every line of its section. Other comments
//     stay where they are. A deletion that would leave two blank lines in a
//     row takes one of them along. A table that only the deleted key wrote
//     (made by its dotted key, or only the parent of its header) goes
//     with it, as does an array of tables with its last element: neither
//     has any text of its own left.
//   - Every edit is verified: the new text is parsed again and must hold
//     exactly the old document's data with the edit applied, or the edit
//     fails with an error and the document is left as it was. No edit can
//     produce invalid TOML, or another structure than the one asked for.
//   - Impossible edits (a key under a string, appending to a value that is
//     not an array, a path through an array of tables without an index, an
//     index out of range, deleting what is not there) are *EditErrors that
//     name the path, the reason and, where there is one, the place in the
//     document.
//
// Each edit parses the edited document once more, so an edit costs about
// as much as parsing the document; nothing else in it grows with the size
// of the document. An Editor is not safe for use by several goroutines.
type Editor struct {
	doc *Document // the document as it stands, parsed with its statements
}

// RawValue is a value given as TOML text, written into the document as it
// is: `"1.2.3"`, `42`, `["a", "b"]`, `{ version = "1", features = ["derive"] }`.
type RawValue string

// EditError is an edit that cannot be made, or that gave a document other
// than the one asked for (which is a bug of the Editor: please report it).
type EditError struct {
	Op      string // "set", "delete", "append" or "insert"
	Path    string // the path the edit named
	Message string // why it cannot be made
	// Line, Column and Offset are where in the document the reason lies,
	// when it lies somewhere: the value that is not a table, the array
	// that is too short. Line is 0 otherwise.
	Offset, Line, Column int
}

func (e *EditError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("toml: %s %s: %s (line %d, column %d)", e.Op, e.Path, e.Message, e.Line, e.Column)
	}
	return fmt.Sprintf("toml: %s %s: %s", e.Op, e.Path, e.Message)
}

// Position returns where in the document the error lies; its Line is 0
// when it lies nowhere in particular.
func (e *EditError) Position() Position {
	return Position{Offset: e.Offset, Line: e.Line, Column: e.Column}
}

// NewEditor parses src, a TOML 1.0 document, for editing. An invalid
// document gives the parser's *ParseError. V1_1.NewEditor edits a TOML
// 1.1 document.
func NewEditor(src []byte) (*Editor, error) { return V1_0.NewEditor(src) }

// NewEditor is the package's NewEditor for a document of TOML version v:
// the document is read, and each edit's result checked, as that version,
// and new values given as TOML text may use its syntax.
func (v Version) NewEditor(src []byte) (*Editor, error) {
	if !v.valid() {
		return nil, v.unknown()
	}
	doc, err := parseForEdit(string(src), v)
	if err != nil {
		return nil, err
	}
	return &Editor{doc: doc}, nil
}

// Bytes returns the document's text as it stands after the edits.
func (e *Editor) Bytes() []byte { return []byte(e.doc.Source()) }

// String returns the document's text as it stands after the edits.
func (e *Editor) String() string { return e.doc.Source() }

// Document returns the document as it stands after the edits, to read.
func (e *Editor) Document() *Document { return e.doc }

// Set sets the value at path: it replaces the value there, or creates the
// key, and the tables it needs, where the rules of Editor place them.
func (e *Editor) Set(path string, value any) error {
	return e.edit("set", path, func(ed *edit) error { return ed.set(value) })
}

// Delete removes the key, table, array element or [[header]] element at
// path, with the comments that belong to it.
func (e *Editor) Delete(path string) error {
	return e.edit("delete", path, func(ed *edit) error { return ed.delete() })
}

// Append adds value at the end of the array at path: a static array, or an
// array of tables, to which value (a table) is added as a [[header]]
// element. A missing array is created with value as its one element.
func (e *Editor) Append(path string, value any) error {
	return e.edit("append", path, func(ed *edit) error { return ed.insert(-1, value) })
}

// Insert adds value to the array at path so that it becomes element index
// (0 to the array's length; index equal to the length appends).
func (e *Editor) Insert(path string, index int, value any) error {
	if index < 0 {
		return &EditError{Op: "insert", Path: path, Message: fmt.Sprintf("index %d is negative (0 puts the value first)", index)}
	}
	return e.edit("insert", path, func(ed *edit) error { return ed.insert(index, value) })
}

// edit is one edit being made: what it names, and the patches and the
// expected result it comes to.
type edit struct {
	*Editor
	op      string
	text    string // the path as given
	path    Path   // the path with its indexes made positive
	patches []patch
	want    expectation
}

// patch replaces src[start:end] with text.
type patch struct {
	start, end int
	text       string
}

func (e *Editor) edit(op, path string, make func(*edit) error) error {
	p, err := ParsePath(path)
	if err != nil {
		return &EditError{Op: op, Path: path, Message: "bad path: " + err.Error()}
	}
	ed := &edit{Editor: e, op: op, text: path, path: p}
	// An edit made of two (Set over a table with a header deletes it
	// first) is undone whole if its second part fails.
	before := e.doc
	err = make(ed)
	if err == nil {
		err = ed.commit()
	}
	if err != nil {
		e.doc = before
	}
	return err
}

// errorf makes the EditError of this edit, at offset (or nowhere, for -1).
func (ed *edit) errorf(offset int, format string, args ...any) *EditError {
	err := &EditError{Op: ed.op, Path: ed.text, Message: fmt.Sprintf(format, args...)}
	if offset >= 0 {
		p := ed.doc.Position(offset)
		err.Offset, err.Line, err.Column = p.Offset, p.Line, p.Column
	}
	return err
}

// commit applies the patches, parses the result and checks it holds what
// the edit wants; only then does the document change.
func (ed *edit) commit() error {
	src := ed.doc.Source()
	text := applyPatches(src, ed.patches)
	if text == src {
		// Setting a value to its own text: nothing to check.
		return ed.check(ed.doc)
	}
	doc, err := parseForEdit(text, ed.doc.Version())
	if err != nil {
		return ed.errorf(-1, "the edit would make the document invalid (%v); the document is unchanged. This is a bug of the Editor", err)
	}
	if err := ed.check(doc); err != nil {
		return err
	}
	ed.doc = doc
	return nil
}

// check verifies that doc holds what the edit wants.
func (ed *edit) check(doc *Document) error {
	if msg := ed.want.mismatch(ed.doc.Root(), doc.Root()); msg != "" {
		return ed.errorf(-1, "the edit would change the document otherwise than asked (%s); the document is unchanged. This is a bug of the Editor", msg)
	}
	return nil
}

// applyPatches returns src with the patches applied; they may come in any
// order but must not overlap, but for insertions at the same offset, which
// keep their order.
func applyPatches(src string, patches []patch) string {
	slices.SortStableFunc(patches, func(a, b patch) int { return a.start - b.start })
	var b strings.Builder
	n := len(src)
	for _, p := range patches {
		n += len(p.text) - (p.end - p.start)
	}
	b.Grow(max(n, 0))
	at := 0
	for _, p := range patches {
		b.WriteString(src[at:max(at, p.start)])
		b.WriteString(p.text)
		at = max(at, p.end)
	}
	b.WriteString(src[at:])
	return b.String()
}
