package toml

import (
	"bytes"
	"strings"
)

// inlineValue returns the text of a new value as it is written in a
// key/value pair or an array, with the value parsed from it, which the
// edited document must hold. A Go string that a literal string can hold
// takes quote's quotes.
func (ed *edit) inlineValue(value any, quote byte) (string, Value, error) {
	var text string
	raw, isRaw := value.(RawValue)
	str, isString := value.(string)
	switch {
	case isRaw:
		text = strings.TrimSpace(string(raw))
	case isString && quote == '\'' && literalFits(str):
		text = "'" + str + "'"
	default:
		var b bytes.Buffer
		enc := NewEncoder(&b)
		enc.SetTablesInline(true)
		if err := enc.Encode(map[string]any{"v": value}); err != nil {
			return "", Value{}, ed.errorf(-1, "cannot write the value: %v", err)
		}
		out := b.String()
		if !strings.HasPrefix(out, "v = ") {
			return "", Value{}, ed.errorf(-1, "cannot write the value: %T has no TOML form (nil?)", value)
		}
		text = strings.TrimSuffix(out[len("v = "):], "\n")
	}
	doc, err := ed.doc.Version().ParseString("v = " + text + "\n")
	if err != nil || doc.Table().Len() != 1 || doc.Table().Get("v").Span().End != len("v = ")+len(text) {
		msg := "is not one TOML value"
		if pe, ok := err.(*ParseError); ok {
			msg = "is not one TOML value: " + pe.Message
		}
		return "", Value{}, ed.errorf(-1, "%q %s", text, msg)
	}
	return text, doc.Table().Get("v"), nil
}

// literalFits reports whether a literal string can hold s: no apostrophe,
// no line break, no control character but tab.
func literalFits(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\'' || isStringControl(c) {
			return false
		}
	}
	return true
}

// sectionValue returns, for a Go table or slice of tables, the section
// text that writes it at path ([path] and its pairs, or [[path]] for each
// element), and the value parsed from it. ok is false for other values,
// which are written inline.
func (ed *edit) sectionValue(path Path, value any) (text string, v Value, ok bool, err error) {
	var keys []string
	for _, st := range path {
		if !st.IsIndex {
			keys = append(keys, st.Key)
		}
	}
	// The value as Marshal would write it, below its path's keys.
	var wrapped any = value
	for i := len(keys) - 1; i >= 0; i-- {
		wrapped = map[string]any{keys[i]: wrapped}
	}
	var b bytes.Buffer
	if err := NewEncoder(&b).Encode(wrapped); err != nil {
		return "", Value{}, false, ed.errorf(-1, "cannot write the value: %v", err)
	}
	out := b.String()
	doc, perr := ParseString(out)
	if perr != nil {
		return "", Value{}, false, ed.errorf(-1, "cannot write the value: the encoder wrote %q: %v", out, perr)
	}
	v = doc.Root()
	for _, k := range keys {
		v = v.Table().Get(k)
	}
	switch {
	case v.Kind() == KindTable && v.Table().Origin() == HeaderTable && strings.HasPrefix(out, "["):
	case v.Kind() == KindArray && v.Array().OfTables():
	default:
		return "", Value{}, false, nil
	}
	return strings.ReplaceAll(out, "\n", lineEnding(ed.doc.tree.src)), v, true, nil
}
