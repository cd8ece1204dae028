package toml

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DecodeError is a value that Unmarshal or Decode could not store: a TOML
// kind that does not fit the Go type, a number out of range, an error from
// an Unmarshaler or a TextUnmarshaler, or, under DisallowUnknownFields, a
// key that no field takes.
type DecodeError struct {
	// Key is the dotted path of the value, array indexes in brackets, as
	// in tool.ruff.lint.select[3]; it is empty for the document itself.
	Key string

	Offset int // byte offset of the value (of the key, for an unknown key)
	Line   int // 1-based
	Column int // 1-based, in characters

	Kind Kind         // the TOML kind of the value
	Type reflect.Type // the Go type it was to be stored in (the struct, for an unknown key)

	// Message says what went wrong, naming the key.
	Message string

	// Err is the error of an Unmarshaler, a TextUnmarshaler or
	// time.ParseDuration, if one caused this error.
	Err error

	doc *Document // the document it is about, if the walk had one
}

func (e *DecodeError) Error() string {
	return "toml: " + e.where() + ": " + e.Message
}

// where is the position as messages write it; a DecodeValue on a node
// outside a decoding knows only the byte offset.
func (e *DecodeError) where() string {
	if e.Line == 0 {
		return fmt.Sprintf("byte %d", e.Offset)
	}
	return fmt.Sprintf("line %d, column %d", e.Line, e.Column)
}

// Unwrap returns the error that caused this one, if any.
func (e *DecodeError) Unwrap() error { return e.Err }

// Position returns where the error is.
func (e *DecodeError) Position() Position {
	return Position{Offset: e.Offset, Line: e.Line, Column: e.Column}
}

// DecodeErrors is every problem one decoding found, in document order. It
// is returned only when there are at least two; errors.As finds the first
// *DecodeError in it.
type DecodeErrors []*DecodeError

// Error lists the errors one per line.
func (errs DecodeErrors) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "toml: %d errors:", len(errs))
	for _, e := range errs {
		fmt.Fprintf(&b, "\n\t%s: %s", e.where(), e.Message)
	}
	return b.String()
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (errs DecodeErrors) Unwrap() []error {
	out := make([]error, len(errs))
	for i, e := range errs {
		out[i] = e
	}
	return out
}

// UndecodedKey is a key of the document that no Go value took.
type UndecodedKey struct {
	Key      string   // dotted path, as in DecodeError.Key
	Position Position // where the key is written
}

// finish puts what the walk found in document order. The tree is walked
// in its own order, in which a table collects entries from anywhere in the
// source; sorting by offset gives the order a reader sees.
func (d *decodeState) finish() ([]UndecodedKey, error) {
	slices.SortStableFunc(d.undecoded, func(a, b UndecodedKey) int { return a.Position.Offset - b.Position.Offset })
	slices.SortStableFunc(d.errs, func(a, b *DecodeError) int { return a.Offset - b.Offset })
	switch len(d.errs) {
	case 0:
		return d.undecoded, nil
	case 1:
		return d.undecoded, d.errs[0]
	}
	return d.undecoded, DecodeErrors(d.errs)
}

// keyPath renders the current path as a dotted key.
func (d *decodeState) keyPath() string { return formatPath(d.path) }

// report records an error at a byte offset, prefixing the message with
// the key path.
func (d *decodeState) report(offset int, kind Kind, t reflect.Type, msg string, cause error) {
	key := d.keyPath()
	if key != "" {
		msg = key + ": " + msg
	}
	p := d.position(offset)
	d.errs = append(d.errs, &DecodeError{Key: key, Offset: p.Offset, Line: p.Line, Column: p.Column,
		Kind: kind, Type: t, Message: msg, Err: cause, doc: d.doc})
}

// position turns an offset into a line and column; a walk that does not
// know its document (DecodeValue on a bare node) has offsets only.
func (d *decodeState) position(offset int) Position {
	if d.doc == nil {
		return Position{Offset: offset}
	}
	return d.doc.Position(offset)
}

func (d *decodeState) failf(v Value, t reflect.Type, format string, args ...any) {
	d.report(v.Span().Start, v.Kind(), t, fmt.Sprintf(format, args...), nil)
}

func (d *decodeState) mismatch(v Value, t reflect.Type) {
	d.failf(v, t, "cannot decode %s into %s", describeValue(d.doc, v), t)
}

// wrap reports an error from a method of the target type.
func (d *decodeState) wrap(v Value, t reflect.Type, err error) {
	d.wrapAt(v.Span().Start, v.Kind(), t, err)
}

func (d *decodeState) wrapAt(offset int, kind Kind, t reflect.Type, err error) {
	text := err.Error()
	// A ParseError from reading text (LocalDate.UnmarshalText) has a
	// position within that text only, which would mislead next to ours.
	var pe *ParseError
	if errors.As(err, &pe) {
		text = pe.Message
	}
	d.report(offset, kind, t, fmt.Sprintf("cannot decode into %s: %s", t, text), err)
}

// unknownKey notes a key that names no field of struct type t, and makes
// it an error in strict mode.
func (d *decodeState) unknownKey(e *Entry, t reflect.Type, fields *structFields) {
	key := d.keyPath()
	p := d.position(e.Key.Span.Start)
	d.undecoded = append(d.undecoded, UndecodedKey{Key: key, Position: p})
	if !d.strict {
		return
	}
	msg := "unknown key " + key
	if s := closestField(e.Key.Name, fields); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	d.errs = append(d.errs, &DecodeError{Key: key, Offset: p.Offset, Line: p.Line, Column: p.Column,
		Kind: e.Value.Kind(), Type: t, Message: msg, doc: d.doc})
}

// kindNouns name the kinds in messages.
var kindNouns = [...]string{
	KindString:        "string",
	KindInteger:       "integer",
	KindFloat:         "float",
	KindBool:          "boolean",
	KindDateTime:      "offset date-time",
	KindLocalDateTime: "local date-time",
	KindLocalDate:     "local date",
	KindLocalTime:     "local time",
	KindArray:         "array",
	KindTable:         "table",
}

// maxQuoted is how much of a scalar's source text a message quotes.
const maxQuoted = 40

// describeValue names a value's kind and, for a scalar, quotes its source
// text: `string "80"`, `integer 3`, `table`.
func describeValue(doc *Document, v Value) string {
	k := v.Kind()
	noun := "value"
	if int(k) < len(kindNouns) && kindNouns[k] != "" {
		noun = kindNouns[k]
	}
	if k == KindArray || k == KindTable || doc == nil {
		return noun
	}
	text := doc.Text(v.Span())
	if len(text) > maxQuoted || strings.ContainsAny(text, "\n\r") {
		cut := min(len(text), maxQuoted)
		for cut > 0 && cut < len(text) && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text, _, _ = strings.Cut(text[:cut], "\n")
		text = strings.TrimRight(text, "\r") + "..."
	}
	return noun + " " + text
}

// sourceText returns a scalar as the document writes it, or in a
// canonical form when the walk does not know the document.
func (d *decodeState) sourceText(v Value) string {
	if d.doc != nil {
		return d.doc.Text(v.Span())
	}
	if isDateTimeKind(v.Kind()) {
		return string(dateTimeText(v))
	}
	return strconv.FormatFloat(v.Float(), 'g', -1, 64)
}
