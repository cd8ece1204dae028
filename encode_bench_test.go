package toml_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

// lockFile is a Cargo.lock, as a program writing one would declare it.
type lockFile struct {
	Version  int               `toml:"version"`
	Package  []lockEntry       `toml:"package"`
	Metadata map[string]string `toml:"metadata,omitempty"`
}

type lockEntry struct {
	Name         string   `toml:"name"`
	Version      string   `toml:"version"`
	Source       string   `toml:"source,omitempty"`
	Checksum     string   `toml:"checksum,omitempty"`
	Dependencies []string `toml:"dependencies,omitempty,multiline"`
}

// benchmarkMarshal measures Marshal of the value that decode makes of each
// lock file; bytes per second count the TOML written.
func benchmarkMarshal(b *testing.B, decode func(data []byte) (any, error)) {
	for _, name := range benchLocks {
		b.Run(filepath.Base(name), func(b *testing.B) {
			v, err := decode(readBenchFile(b, name))
			if err != nil {
				b.Fatal(err)
			}
			out, err := toml.Marshal(v)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(out)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := toml.Marshal(v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMarshalStruct encodes a Cargo.lock held in typed structs.
func BenchmarkMarshalStruct(b *testing.B) {
	benchmarkMarshal(b, func(data []byte) (any, error) {
		var lock lockFile
		err := toml.Unmarshal(data, &lock)
		return &lock, err
	})
}

// BenchmarkMarshalMapAny encodes a Cargo.lock held in map[string]any.
func BenchmarkMarshalMapAny(b *testing.B) {
	benchmarkMarshal(b, func(data []byte) (any, error) {
		var m map[string]any
		err := toml.Unmarshal(data, &m)
		return m, err
	})
}

// BenchmarkMarshalDocument writes a parsed Cargo.lock tree back out.
func BenchmarkMarshalDocument(b *testing.B) {
	benchmarkMarshal(b, func(data []byte) (any, error) {
		return toml.Parse(data)
	})
}

// TestEncodeCargoLockLikeCargo checks that a Cargo.lock decoded into
// lockFile and encoded again, with Cargo's one-space indent, is the file
// Cargo wrote but for its comments: the encoder's output reads as a person
// (or Cargo) would write it.
func TestEncodeCargoLockLikeCargo(t *testing.T) {
	for _, name := range []string{
		"cargo-lock/BurntSushi__ripgrep__Cargo.lock.toml",
		"cargo-lock/rust-lang__cargo__Cargo.lock.toml",
	} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(corpusDir, name))
			if os.IsNotExist(err) {
				t.Skipf("no real-world corpus at %s: %v", corpusDir, err)
			}
			if err != nil {
				t.Fatal(err)
			}
			var lock lockFile
			if err := toml.Unmarshal(data, &lock); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			enc := toml.NewEncoder(&got)
			enc.SetIndent(" ")
			if err := enc.Encode(&lock); err != nil {
				t.Fatal(err)
			}
			want := withoutComments(string(data))
			if want != got.String() {
				t.Errorf("output differs from the file (-want +got):\n%s", cmp.Diff(want, got.String()))
			}
		})
	}
}

// withoutComments drops the lines that are comments.
func withoutComments(s string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		if !strings.HasPrefix(line, "#") {
			b.WriteString(line)
		}
	}
	return b.String()
}
