package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
	"github.com/seed02375186/toml/internal/tagged"
)

func TestJSONGolden(t *testing.T) {
	kinds := filepath.Join("testdata", "kinds.toml")
	tests := []struct {
		name   string
		stdin  string
		args   []string
		golden string
	}{
		{"every kind, indented", "", []string{kinds}, "json-kinds"},
		{"every kind, compact", "", []string{"--compact", kinds}, "json-kinds-compact"},
		{"from stdin", "b = 1\na = [1.5, 1979-05-27T00:00:00+01:30]\n", nil, "json-stdin"},
		{"from stdin by dash", "x.y.z = 'deep'\n", []string{"-", "--compact"}, "json-stdin-dash"},
		{"invalid input", "a = 1\na = 2\n", nil, "json-invalid"},
		{"missing file", "", []string{"testdata/missing.toml"}, "json-missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runCLI(t, tt.stdin, append([]string{"json"}, tt.args...)...)
			checkGolden(t, tt.golden, got.transcript())
		})
	}
}

func TestAppendJSONString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `"plain"`},
		{"<a href=\"x\">&</a>", `"<a href=\"x\">&</a>"`},
		{"tab\tnl\ncr\rbs\\", `"tab\tnl\ncr\rbs\\"`},
		{"\x00\x1f\x7f", `"\u0000\u001f` + "\x7f" + `"`},
		{"é☕😀", `"é☕😀"`},
		{"bad \xff byte", `"bad \ufffd byte"`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := string(tagged.AppendJSONString(nil, tt.in))
			if got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			var back string
			if err := json.Unmarshal([]byte(got), &back); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			if want := strings.ToValidUTF8(tt.in, "\ufffd"); back != want {
				t.Errorf("reads back as %q, want %q", back, want)
			}
		})
	}
}

// TestJSONCorpus converts every accepted corpus file and checks the JSON
// against the document tree, value by value, keys in document order.
func TestJSONCorpus(t *testing.T) {
	needCorpus(t)
	files, err := filepath.Glob(filepath.Join(corpusDir, "*", "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		if strings.Contains(path, "_rejected") {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := toml.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			got := runCLI(t, "", "json", path)
			if got.code != exitOK {
				t.Fatalf("exit %d: %s", got.code, got.stderr)
			}
			dec := json.NewDecoder(strings.NewReader(got.stdout))
			dec.UseNumber()
			if err := matchJSON(dec, doc.Root(), "$"); err != nil {
				t.Fatal(err)
			}
			if _, err := dec.Token(); err != io.EOF {
				t.Errorf("after the document: %v, want EOF", err)
			}
		})
	}
}

// matchJSON reads one JSON value from dec's token stream and checks it
// against v: same keys in the same order, same elements, and each scalar
// as toml json's table of conversions says.
func matchJSON(dec *json.Decoder, v toml.Value, at string) error {
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("%s: %v", at, err)
	}
	switch v.Kind() {
	case toml.KindTable:
		if tok != json.Delim('{') {
			return fmt.Errorf("%s: got %v, want an object", at, tok)
		}
		for _, e := range v.Table().Entries() {
			key, err := dec.Token()
			if err != nil || key != e.Key.Name {
				return fmt.Errorf("%s: got key %v (%v), want %q", at, key, err, e.Key.Name)
			}
			if err := matchJSON(dec, e.Value, at+"."+e.Key.Name); err != nil {
				return err
			}
		}
		if end, err := dec.Token(); end != json.Delim('}') {
			return fmt.Errorf("%s: got %v (%v), want the end of the object", at, end, err)
		}
		return nil
	case toml.KindArray:
		if tok != json.Delim('[') {
			return fmt.Errorf("%s: got %v, want an array", at, tok)
		}
		for i, e := range v.Array().Elems() {
			if err := matchJSON(dec, e, fmt.Sprintf("%s[%d]", at, i)); err != nil {
				return err
			}
		}
		if end, err := dec.Token(); end != json.Delim(']') {
			return fmt.Errorf("%s: got %v (%v), want the end of the array", at, end, err)
		}
		return nil
	}
	var want any
	switch v.Kind() {
	case toml.KindString:
		want = v.Str()
	case toml.KindInteger:
		want = json.Number(fmt.Sprint(v.Int()))
	case toml.KindBool:
		want = v.Bool()
	case toml.KindFloat:
		n, ok := tok.(json.Number)
		if f, err := n.Float64(); !ok || err != nil || f != v.Float() {
			return fmt.Errorf("%s: got %v, want %v", at, tok, v.Float())
		}
		return nil
	case toml.KindDateTime:
		want = v.Time().Format("2006-01-02T15:04:05.999999999Z07:00")
	default:
		want = v.LocalDateTime().String()
		switch v.Kind() {
		case toml.KindLocalDate:
			want = v.LocalDate().String()
		case toml.KindLocalTime:
			want = v.LocalTime().String()
		}
	}
	if !cmp.Equal(want, tok) {
		return fmt.Errorf("%s: got %#v, want %#v", at, tok, want)
	}
	return nil
}

func TestWriteJSONIndents(t *testing.T) {
	var out bytes.Buffer
	e := &env{stdout: &out}
	if err := writeJSON(e, []byte(`{"a":[1,{"b":2}]}`), false); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"a\": [\n    1,\n    {\n      \"b\": 2\n    }\n  ]\n}\n"
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
