package fuzz

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/seed02375186/toml"
)

// FuzzEdit applies a random sequence of edits (chosen from seed among the
// paths the document holds) to any valid input, of TOML 1.0 or else 1.1,
// and checks the Editor's promises after each: see checkEdits.
func FuzzEdit(f *testing.F) {
	for i, s := range seeds11(f) {
		f.Add(s, uint64(i))
	}
	f.Fuzz(func(t *testing.T, src []byte, seed uint64) {
		if _, err := toml.V1_1.Parse(src); err != nil {
			return
		}
		if msg := checkEdits(src, seed, 6); msg != "" {
			t.Fatalf("input %q, seed %d:\n%s", src, seed, msg)
		}
	})
}

// TestEditProperties runs checkEdits on every valid case of toml-test, in
// TOML 1.0 and 1.1, and every accepted corpus file, with a few seeds each.
func TestEditProperties(t *testing.T) {
	docs := validDocuments(t)
	for name, src := range tomlTestCases11(t, "valid/") {
		docs["1.1/"+name] = src
	}
	for name, src := range docs {
		t.Run(name, func(t *testing.T) {
			seeds := 8
			if len(src) > 64<<10 {
				seeds = 2 // each edit parses the document again
			}
			for seed := range uint64(seeds) {
				if msg := checkEdits(src, seed, 6); msg != "" {
					t.Fatalf("seed %d:\n%s", seed, msg)
				}
			}
		})
	}
}

// TestEditNoChange checks that an Editor with no edit gives back its input
// byte for byte.
func TestEditNoChange(t *testing.T) {
	for name, src := range validDocuments(t) {
		ed, err := toml.NewEditor(src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := ed.Bytes(); string(got) != string(src) {
			t.Errorf("%s: Bytes without an edit differs from the input", name)
		}
	}
}

// checkEdits checks that an Editor with no edit gives back src byte for
// byte, then applies n random edits to it, one after another, and checks
// after each that:
//   - an edit that fails leaves the text as it was, and fails only for a
//     reason the model agrees with (the path is not there, or goes through
//     what cannot hold it);
//   - the text parses, and its data is the model's: the document decoded
//     once before the edits, with the same edits made on Go maps and slices;
//   - no comment is lost but those of what a delete removed, and no other
//     appears;
//   - undoing the edit gives back the text before it, byte for byte: a
//     deletion of what was just inserted, or a set of the old text.
func checkEdits(src []byte, seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, seed>>32|1))
	version := toml.V1_0
	if _, err := toml.Parse(src); err != nil {
		version = toml.V1_1
	}
	ed, err := version.NewEditor(src)
	if err != nil {
		return fmt.Sprintf("NewEditor: %v", err)
	}
	if ed.String() != string(src) {
		return "with no edit, the Editor's text is not its input"
	}
	decode := func(text []byte, v any) error {
		dec := toml.NewDecoder(bytes.NewReader(text))
		dec.Version(version)
		return dec.Decode(v)
	}
	var model any
	if err := decode(src, &model); err != nil {
		return fmt.Sprintf("Unmarshal: %v", err)
	}
	var log []string
	for range n {
		before := ed.String()
		doc := ed.Document()
		e := randomEdit(r, doc)
		log = append(log, e.String())
		err := e.apply(ed)
		wantErr := e.model(&model, doc)
		if err != nil {
			var ee *toml.EditError
			if !errors.As(err, &ee) || strings.Contains(ee.Message, "bug") {
				return fmt.Sprintf("edits %q:\n%v", log, err)
			}
			if ed.String() != before {
				return fmt.Sprintf("edits %q: the failed edit changed the text", log)
			}
			if wantErr == nil {
				return fmt.Sprintf("edits %q: the Editor refused with %v; the model took it", log, err)
			}
			model = nil
			if err := decode([]byte(before), &model); err != nil {
				return err.Error()
			}
			continue
		}
		if wantErr != nil {
			return fmt.Sprintf("edits %q: the Editor made an edit the model refuses (%v); text:\n%s", log, wantErr, ed.String())
		}
		after := ed.String()
		var got any
		if err := decode([]byte(after), &got); err != nil {
			return fmt.Sprintf("edits %q: the text does not parse: %v\n%s", log, err, after)
		}
		if diff := diffTrees(model, got, cmpopts.EquateNaNs()); diff != "" {
			return fmt.Sprintf("edits %q: the data differs from the model's (-model +text):\n%s\ntext before:\n%s\ntext after:\n%s", log, diff, before, after)
		}
		if msg := checkComments(doc, after, e, version); msg != "" {
			return fmt.Sprintf("edits %q: %s\ntext before:\n%s\ntext after:\n%s", log, msg, before, after)
		}
		if undo := e.undo(doc); undo != nil {
			if err := undo.apply(ed); err != nil {
				return fmt.Sprintf("edits %q: undo %s: %v", log, undo, err)
			}
			if ed.String() != before {
				return fmt.Sprintf("edits %q: undo %s does not give back the text:\n%s\nwant:\n%s", log, undo, ed.String(), before)
			}
			if err := e.apply(ed); err != nil || ed.String() != after {
				return fmt.Sprintf("edits %q: the edit again after its undo gave %v:\n%s", log, err, ed.String())
			}
		}
	}
	return ""
}

// checkComments compares the comments of the document before an edit
// with those of the text after it. An edit that adds something keeps
// them all; a set of an existing value loses those inside it, and only
// those; a delete loses some, and keeps the others in their order.
func checkComments(doc *toml.Document, after string, e randomEditOp, version toml.Version) string {
	b, offsets := commentsAt(doc)
	a := commentTexts(after, version)
	var want []string
	old := lookup(doc.Root(), e.path)
	switch {
	case e.op == "delete" || e.op == "set" && !literalValue(old):
		// What goes is the value's lines, with the comments that belong to
		// them: those left keep their order.
		i := 0
		for _, c := range a {
			for i < len(b) && b[i].Text != c {
				i++
			}
			if i == len(b) {
				return fmt.Sprintf("comment %q appeared, or moved", c)
			}
			i++
		}
		return ""
	case e.op == "set" && old.Kind() != toml.KindInvalid:
		s := old.Span()
		for k, c := range b {
			if offsets[k] < s.Start || offsets[k] >= s.End {
				want = append(want, c.Text)
			}
		}
	default:
		for _, c := range b {
			want = append(want, c.Text)
		}
	}
	if !slices.Equal(a, want) {
		return fmt.Sprintf("comments changed: %q, then %q", want, a)
	}
	return ""
}

// literalValue reports whether v is written in one piece where it stands:
// a scalar, an array in brackets or an inline table (or is not there).
func literalValue(v toml.Value) bool {
	switch v.Kind() {
	case toml.KindTable:
		return v.Table().Origin() == toml.InlineTable
	case toml.KindArray:
		return !v.Array().OfTables()
	}
	return true
}

// commentTexts returns the comments of a valid document in order.
func commentTexts(src string, version toml.Version) []string {
	doc, err := version.Parse([]byte(src))
	if err != nil {
		return nil
	}
	var texts []string
	for _, c := range commentsOf(doc) {
		texts = append(texts, c.Text)
	}
	return texts
}

// randomEditOp is one edit, made through the Editor and on the model.
type randomEditOp struct {
	op    string // set, delete, append, insert
	path  toml.Path
	index int
	value any
}

func (e randomEditOp) String() string {
	return fmt.Sprintf("%s %s %d %#v", e.op, e.path, e.index, e.value)
}

func (e randomEditOp) apply(ed *toml.Editor) error {
	switch e.op {
	case "set":
		return ed.Set(e.path.String(), e.value)
	case "delete":
		return ed.Delete(e.path.String())
	case "append":
		return ed.Append(e.path.String(), e.value)
	}
	return ed.Insert(e.path.String(), e.index, e.value)
}

// undo returns the edit that takes e back, given the document before it,
// when there is one that must give back the same bytes.
func (e randomEditOp) undo(doc *toml.Document) *randomEditOp {
	switch e.op {
	case "append", "insert":
		v := lookup(doc.Root(), e.path)
		if v.Kind() != toml.KindArray || v.Array().OfTables() {
			return nil // a new array, or a [[header]]: its deletion may leave a blank line
		}
		i := e.index
		if e.op == "append" {
			i = v.Array().Len()
		}
		return &randomEditOp{op: "delete", path: append(slices.Clone(e.path), toml.PathStep{Index: i, IsIndex: true})}
	case "set":
		v := lookup(doc.Root(), e.path)
		switch {
		case v.Kind() == toml.KindInvalid:
			return nil // a new key; its deletion may take a neighbour's blank line
		case v.Kind() == toml.KindTable && v.Table().Origin() != toml.InlineTable,
			v.Kind() == toml.KindArray && v.Array().OfTables():
			return nil
		}
		return &randomEditOp{op: "set", path: e.path, value: toml.RawValue(doc.Text(v.Span()))}
	}
	return nil
}

// lookup follows a path with positive indexes, or returns the zero Value.
func lookup(v toml.Value, p toml.Path) toml.Value {
	for _, st := range p {
		switch {
		case st.IsIndex && v.Kind() == toml.KindArray && st.Index < v.Array().Len():
			v = v.Array().Index(st.Index)
		case !st.IsIndex && v.Kind() == toml.KindTable:
			v = v.Table().Get(st.Key)
		default:
			return toml.Value{}
		}
	}
	return v
}

// randomEdit picks an edit of a path the document holds, or of a new key
// beside one.
func randomEdit(r *rand.Rand, doc *toml.Document) randomEditOp {
	// A random walk down from the root: each step stops, or goes into one
	// of the value's children. (Listing every path first would take time
	// and memory quadratic in the depth of the deepest seeds.)
	var p toml.Path
	v := doc.Root()
	for len(p) == 0 || r.IntN(3) != 0 {
		var n int
		switch v.Kind() {
		case toml.KindTable:
			n = v.Table().Len()
		case toml.KindArray:
			n = v.Array().Len()
		}
		if n == 0 {
			break
		}
		i := r.IntN(n)
		if v.Kind() == toml.KindArray {
			p = append(p, toml.PathStep{Index: i, IsIndex: true})
			v = v.Array().Index(i)
			continue
		}
		for k, e := range v.Table().Entries() {
			if k == i {
				p = append(p, toml.PathStep{Key: e.Key.Name})
				v = e.Value
				break
			}
		}
	}
	switch k := r.IntN(10); {
	case k < 3:
		return randomEditOp{op: "set", path: p, value: randomValue(r)}
	case k < 5 && v.Kind() == toml.KindTable:
		np := append(slices.Clone(p), toml.PathStep{Key: randomKey(r)})
		if r.IntN(3) == 0 {
			np = append(np, toml.PathStep{Key: randomKey(r)})
		}
		return randomEditOp{op: "set", path: np, value: randomValue(r)}
	case k < 7 && len(p) > 0:
		return randomEditOp{op: "delete", path: p}
	case k < 8 && v.Kind() == toml.KindTable:
		return randomEditOp{op: "append", path: append(slices.Clone(p), toml.PathStep{Key: randomKey(r)}), value: randomValue(r)}
	case v.Kind() == toml.KindArray:
		if v.Array().OfTables() {
			return randomEditOp{op: "append", path: p, value: map[string]any{randomKey(r): randomScalar(r)}}
		}
		if r.IntN(2) == 0 {
			return randomEditOp{op: "insert", path: p, index: r.IntN(v.Array().Len() + 1), value: randomScalar(r)}
		}
		return randomEditOp{op: "append", path: p, value: randomScalar(r)}
	}
	return randomEditOp{op: "set", path: p, value: randomScalar(r)}
}

func randomKey(r *rand.Rand) string {
	keys := []string{"new", "x", "name", "k-1", "with space", "a.b", "ü", "version"}
	return keys[r.IntN(len(keys))]
}

func randomScalar(r *rand.Rand) any {
	switch r.IntN(6) {
	case 0:
		return int64(r.IntN(1000) - 500)
	case 1:
		return []string{"plain", "it's", `a "quoted" \ one`, "", "line\nbreak"}[r.IntN(5)]
	case 2:
		return r.IntN(2) == 0
	case 3:
		return 1.5
	case 4:
		return toml.RawValue([]string{"0x1F", "'lit'", "1979-05-27", "inf", `"""ml"""`}[r.IntN(5)])
	}
	return []any{int64(1), "two"}
}

func randomValue(r *rand.Rand) any {
	switch r.IntN(5) {
	case 0:
		return map[string]any{"a": int64(1), "b": map[string]any{"c": "d"}}
	case 1:
		return toml.RawValue(`{ x = 1, y = [2, 3] }`)
	case 2:
		return []map[string]any{{"n": int64(1)}, {"n": int64(2)}}
	}
	return randomScalar(r)
}

// model makes the edit on the decoded document, or says why it cannot
// be made.
func (e randomEditOp) model(root *any, doc *toml.Document) (err error) {
	if len(e.path) == 0 {
		return errors.New("the path names the document")
	}
	v := goValue(e.value)
	var f func(old any, ok bool) (any, bool, error)
	create := true
	switch e.op {
	case "set":
		f = func(any, bool) (any, bool, error) { return v, true, nil }
	case "delete":
		create = false
		f = func(_ any, ok bool) (any, bool, error) {
			if !ok {
				return nil, false, errors.New("no such key")
			}
			return nil, false, nil
		}
		defer func() {
			if err == nil {
				pruneEmpty(root, doc, e.path)
			}
		}()
	default:
		f = func(old any, ok bool) (any, bool, error) {
			if !ok {
				if e.op == "insert" && e.index > 0 {
					return nil, false, errors.New("no such array")
				}
				return []any{v}, true, nil
			}
			arr, isArray := old.([]any)
			if !isArray {
				return nil, false, errors.New("not an array")
			}
			i := len(arr)
			if e.op == "insert" {
				i = e.index
			}
			if i > len(arr) {
				return nil, false, errors.New("index out of range")
			}
			return slices.Insert(arr, i, v), true, nil
		}
	}
	if e.op == "append" || e.op == "insert" {
		if a := lookup(doc.Root(), e.path); a.Kind() == toml.KindArray && a.Array().OfTables() {
			if _, ok := v.(map[string]any); !ok {
				return errors.New("an element of an array of tables must be a table")
			}
		}
	}
	if e.op == "set" {
		if parent := lookup(doc.Root(), e.path[:len(e.path)-1]); parent.Kind() == toml.KindArray && parent.Array().OfTables() {
			if _, ok := v.(map[string]any); !ok {
				return errors.New("an element of an array of tables must be a table")
			}
		}
	}
	nv, err := update(*root, e.path, create, f)
	if err != nil {
		return err
	}
	*root = nv
	return nil
}

// pruneEmpty removes, after a delete at p, the tables on the way that the
// document wrote only through dotted keys or as the parents of headers and
// that are now empty: they have no text left.
func pruneEmpty(root *any, doc *toml.Document, p toml.Path) {
	for n := len(p) - 1; n > 0; n-- {
		v := lookup(doc.Root(), p[:n])
		tablesArray := v.Kind() == toml.KindArray && v.Array().OfTables()
		if v.Kind() != toml.KindTable && !tablesArray {
			return
		}
		if tablesArray {
			if n != len(p)-1 {
				return
			}
		} else if o := v.Table().Origin(); o != toml.DottedTable && o != toml.ImplicitTable && !tablesArray {
			return
		}
		emptied := false
		nv, err := update(*root, p[:n], false, func(old any, ok bool) (any, bool, error) {
			a, isArray := old.([]any)
			if m, isMap := old.(map[string]any); ok && (isMap && len(m) == 0 || isArray && len(a) == 0) {
				emptied = true
				return nil, false, nil
			}
			return old, true, nil
		})
		if err != nil || !emptied {
			return
		}
		*root = nv
	}
}

// update applies f to the value at p below v (in place where it can),
// and returns v. f gets the value there and whether there is one, and
// returns the new value and whether to keep one. Missing tables on the
// way are made when create is set.
func update(v any, p toml.Path, create bool, f func(old any, ok bool) (any, bool, error)) (any, error) {
	st := p[0]
	switch c := v.(type) {
	case map[string]any:
		if st.IsIndex {
			return nil, errors.New("an index into a table")
		}
		child, ok := c[st.Key]
		if len(p) == 1 {
			nv, keep, err := f(child, ok)
			if err != nil {
				return nil, err
			}
			if keep {
				c[st.Key] = nv
			} else {
				delete(c, st.Key)
			}
			return c, nil
		}
		if !ok {
			if !create {
				return nil, errors.New("no such key")
			}
			child = map[string]any{}
		}
		nc, err := update(child, p[1:], create, f)
		if err != nil {
			return nil, err
		}
		c[st.Key] = nc
		return c, nil
	case []any:
		if !st.IsIndex || st.Index < 0 || st.Index >= len(c) {
			return nil, errors.New("no such element")
		}
		if len(p) == 1 {
			nv, keep, err := f(c[st.Index], true)
			if err != nil {
				return nil, err
			}
			if !keep {
				return slices.Delete(c, st.Index, st.Index+1), nil
			}
			c[st.Index] = nv
			return c, nil
		}
		nc, err := update(c[st.Index], p[1:], create, f)
		if err != nil {
			return nil, err
		}
		c[st.Index] = nc
		return c, nil
	}
	return nil, errors.New("not a table or an array")
}

// goValue is what Unmarshal into any makes of an edit's value.
func goValue(v any) any {
	src := ""
	if raw, ok := v.(toml.RawValue); ok {
		src = "v = " + string(raw) + "\n"
	} else {
		b, err := toml.Marshal(map[string]any{"v": v})
		if err != nil {
			return err
		}
		src = string(b)
	}
	var m map[string]any
	if err := toml.Unmarshal([]byte(src), &m); err != nil {
		return err
	}
	return m["v"]
}
