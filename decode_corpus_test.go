package toml_test

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seed02375186/toml"
)

// TestDecodeCorpusIntoAny decodes every real corpus file into an any and
// checks that the result holds exactly what the tree holds: the Go type
// of every value matches its TOML kind, and the values are equal.
func TestDecodeCorpusIntoAny(t *testing.T) {
	for _, name := range corpusFiles(t, false) {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(corpusDir, name))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := toml.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			var got any
			if err := toml.Unmarshal(data, &got); err != nil {
				t.Fatal(err)
			}
			var problems []string
			compareWithTree(&problems, "", doc.Root(), got)
			for _, p := range problems[:min(len(problems), 10)] {
				t.Error(p)
			}
		})
	}
}

// TestDecodeCorpusRejected checks that files a TOML parser must reject
// fail to decode with a ParseError.
func TestDecodeCorpusRejected(t *testing.T) {
	for _, name := range corpusFiles(t, true) {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(corpusDir, name))
			if err != nil {
				t.Fatal(err)
			}
			var got any
			err = toml.Unmarshal(data, &got)
			var pe *toml.ParseError
			if !errors.As(err, &pe) {
				t.Errorf("got %v, want a *toml.ParseError", err)
			}
		})
	}
}

// compareWithTree appends to problems every place where got, decoded
// into an any, differs from the tree's value v at path.
func compareWithTree(problems *[]string, path string, v toml.Value, got any) {
	fail := func(format string, args ...any) {
		*problems = append(*problems, path+": "+fmt.Sprintf(format, args...))
	}
	switch v.Kind() {
	case toml.KindString:
		if s, ok := got.(string); !ok || s != v.Str() {
			fail("got %#v, want string %q", got, v.Str())
		}
	case toml.KindInteger:
		if i, ok := got.(int64); !ok || i != v.Int() {
			fail("got %#v, want int64 %d", got, v.Int())
		}
	case toml.KindFloat:
		f, ok := got.(float64)
		same := ok && (math.Float64bits(f) == math.Float64bits(v.Float()) || math.IsNaN(f) && math.IsNaN(v.Float()))
		if !same {
			fail("got %#v, want float64 %v", got, v.Float())
		}
	case toml.KindBool:
		if b, ok := got.(bool); !ok || b != v.Bool() {
			fail("got %#v, want bool %v", got, v.Bool())
		}
	case toml.KindDateTime:
		tm, ok := got.(time.Time)
		_, gotOffset := tm.Zone()
		if !ok || !tm.Equal(v.Time()) || gotOffset != v.Offset() {
			fail("got %#v, want time.Time %v", got, v.Time())
		}
	case toml.KindLocalDateTime:
		if dt, ok := got.(toml.LocalDateTime); !ok || dt != v.LocalDateTime() {
			fail("got %#v, want LocalDateTime %v", got, v.LocalDateTime())
		}
	case toml.KindLocalDate:
		if d, ok := got.(toml.LocalDate); !ok || d != v.LocalDate() {
			fail("got %#v, want LocalDate %v", got, v.LocalDate())
		}
	case toml.KindLocalTime:
		if lt, ok := got.(toml.LocalTime); !ok || lt != v.LocalTime() {
			fail("got %#v, want LocalTime %v", got, v.LocalTime())
		}
	case toml.KindArray:
		s, ok := got.([]any)
		if !ok || len(s) != v.Array().Len() {
			fail("got %T of length %d, want []any of length %d", got, len(s), v.Array().Len())
			return
		}
		for i, e := range v.Array().Elems() {
			compareWithTree(problems, fmt.Sprintf("%s[%d]", path, i), e, s[i])
		}
	case toml.KindTable:
		m, ok := got.(map[string]any)
		if !ok || len(m) != v.Table().Len() {
			fail("got %T of length %d, want map[string]any of length %d", got, len(m), v.Table().Len())
			return
		}
		for _, e := range v.Table().Entries() {
			sub, ok := m[e.Key.Name]
			if !ok {
				fail("key %q missing", e.Key.Name)
				continue
			}
			compareWithTree(problems, strings.TrimPrefix(path+"."+e.Key.Name, "."), e.Value, sub)
		}
	default:
		fail("tree holds a value of kind %v", v.Kind())
	}
}

// readCorpusKind returns the files of one corpus folder, with their bytes.
func readCorpusKind(t *testing.T, kind string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, name := range corpusFiles(t, false) {
		if !strings.HasPrefix(name, kind+string(filepath.Separator)) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(corpusDir, name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = data
	}
	if len(files) == 0 {
		t.Fatalf("no files in %s/%s", corpusDir, kind)
	}
	return files
}

// decodeStrict decodes data into v, refusing unknown keys.
func decodeStrict(data []byte, v any) error {
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
