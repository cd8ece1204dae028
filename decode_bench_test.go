package toml_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/seed02375186/toml"
)

// benchLocks are the Cargo.lock files decoding is measured on: a large
// and a middle-sized one.
var benchLocks = []string{
	"cargo-lock/jdx__mise__Cargo.lock.toml",
	"cargo-lock/rust-lang__cargo__Cargo.lock.toml",
}

func readBenchFile(b *testing.B, name string) []byte {
	b.Helper()
	data, err := os.ReadFile(filepath.Join(corpusDir, name))
	if os.IsNotExist(err) {
		b.Skipf("no real-world corpus at %s: %v", corpusDir, err)
	}
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkDecodeMapAny decodes Cargo.lock files into map[string]any.
func BenchmarkDecodeMapAny(b *testing.B) {
	for _, name := range benchLocks {
		b.Run(filepath.Base(name), func(b *testing.B) {
			data := readBenchFile(b, name)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var m map[string]any
				if err := toml.Unmarshal(data, &m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecodeStruct decodes Cargo.lock files into a typed struct.
func BenchmarkDecodeStruct(b *testing.B) {
	for _, name := range benchLocks {
		b.Run(filepath.Base(name), func(b *testing.B) {
			data := readBenchFile(b, name)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var lock cargoLock
				if err := toml.Unmarshal(data, &lock); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
