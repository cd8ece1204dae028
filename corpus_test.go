package toml_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seed02375186/toml"
)

// corpusDir holds real-world TOML files beside the repository; a clone
// without it skips the tests that read it.
const corpusDir = "../shared/corpus/real"

// corpusFiles returns the corpus files below dir, relative to corpusDir.
func corpusFiles(t testing.TB, rejected bool) []string {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("no real-world corpus at %s (it sits beside the repository in CI): %v", corpusDir, err)
	}
	var files []string
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".toml") {
			return nil
		}
		rel, _ := filepath.Rel(corpusDir, path)
		if strings.HasPrefix(rel, "_rejected"+string(filepath.Separator)) == rejected {
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestCorpusMatchesTomllib parses every accepted corpus file and compares
// its values with what Python's tomllib read from the same file, through
// the hashes of a canonical form that testdata/corpus_canon.py wrote.
func TestCorpusMatchesTomllib(t *testing.T) {
	files := corpusFiles(t, false)
	want := readCorpusHashes(t)
	for _, rel := range files {
		t.Run(rel, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(corpusDir, rel))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := toml.Parse(data)
			if err != nil {
				t.Fatalf("tomllib accepts this file, Parse does not: %v", err)
			}
			var b strings.Builder
			canonical(&b, doc.Root())
			sum := sha256.Sum256([]byte(b.String()))
			got := hex.EncodeToString(sum[:])
			w, ok := want[filepath.ToSlash(rel)]
			if !ok {
				t.Fatalf("no tomllib hash for this file: run python3 testdata/corpus_canon.py %s", corpusDir)
			}
			if got != w {
				t.Errorf("values differ from tomllib's (canonical form hash %s, want %s); canonical form:\n%.2000s", got, w, b.String())
			}
		})
	}
}

// TestCorpusRejected checks that every file tomllib rejects is rejected,
// with a ParseError whose position lies inside the file.
func TestCorpusRejected(t *testing.T) {
	files := corpusFiles(t, true)
	if len(files) == 0 {
		t.Fatal("no rejected corpus files found")
	}
	for _, rel := range files {
		t.Run(rel, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(corpusDir, rel))
			if err != nil {
				t.Fatal(err)
			}
			_, err = toml.Parse(data)
			var pe *toml.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse accepted a file tomllib rejects (err = %v)", err)
			}
			if pe.Offset < 0 || pe.Offset > len(data) || pe.Line < 1 || pe.Column < 1 {
				t.Errorf("error position out of the input: %+v", pe)
			}
			t.Log(pe)
		})
	}
}

func readCorpusHashes(t *testing.T) map[string]string {
	f, err := os.Open("testdata/corpus.sha256")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	hashes := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, path, ok := strings.Cut(sc.Text(), "  ")
		if ok {
			hashes[path] = sum
		}
	}
	return hashes
}

// canonical writes a value in the form corpus_canon.py documents.
func canonical(b *strings.Builder, v toml.Value) {
	switch v.Kind() {
	case toml.KindTable:
		var entries []toml.Entry
		for _, e := range v.Table().Entries() {
			entries = append(entries, e)
		}
		slices.SortFunc(entries, func(x, y toml.Entry) int { return strings.Compare(x.Key.Name, y.Key.Name) })
		b.WriteByte('{')
		for _, e := range entries {
			fmt.Fprintf(b, "s%d:%s", len(e.Key.Name), e.Key.Name)
			canonical(b, e.Value)
		}
		b.WriteByte('}')
	case toml.KindArray:
		b.WriteByte('[')
		for i, e := range v.Array().Elems() {
			if i > 0 {
				b.WriteByte(',')
			}
			canonical(b, e)
		}
		b.WriteByte(']')
	case toml.KindString:
		fmt.Fprintf(b, "s%d:%s", len(v.Str()), v.Str())
	case toml.KindInteger:
		fmt.Fprintf(b, "i%d", v.Int())
	case toml.KindFloat:
		if math.IsNaN(v.Float()) {
			b.WriteString("fnan")
		} else {
			fmt.Fprintf(b, "f%d", math.Float64bits(v.Float()))
		}
	case toml.KindBool:
		fmt.Fprintf(b, "b%t", v.Bool())
	case toml.KindDateTime:
		d, c := v.LocalDate(), v.LocalTime()
		fmt.Fprintf(b, "d%04d-%02d-%02dT%02d:%02d:%02d.%06d%d", d.Year, d.Month, d.Day, c.Hour, c.Minute, c.Second, c.Nanosecond/1000, v.Offset()/60)
	case toml.KindLocalDateTime:
		d, c := v.LocalDate(), v.LocalTime()
		fmt.Fprintf(b, "l%04d-%02d-%02dT%02d:%02d:%02d.%06d", d.Year, d.Month, d.Day, c.Hour, c.Minute, c.Second, c.Nanosecond/1000)
	case toml.KindLocalDate:
		d := v.LocalDate()
		fmt.Fprintf(b, "D%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case toml.KindLocalTime:
		c := v.LocalTime()
		fmt.Fprintf(b, "T%02d:%02d:%02d.%06d", c.Hour, c.Minute, c.Second, c.Nanosecond/1000)
	}
}
