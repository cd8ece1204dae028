package bench

import (
	"testing"

	"github.com/seed02375186/toml"
)

// largestOnTheirOwn is how many of the largest corpus files get a benchmark
// of their own besides the all-files one.
const largestOnTheirOwn = 5

// mapDocs are the documents decoded into map[string]any and parsed: every
// generated shape at 1 MB, the small pyproject, Cargo.lock at 10 MB for the
// memory comparison, and the real corpus.
func mapDocs(tb testing.TB) []benchDoc {
	docs := []benchDoc{generatedDoc(shapeNamed("pyproject"), smallPyproject)}
	for _, s := range Shapes {
		docs = append(docs, generatedDoc(s, 1*MB))
	}
	docs = append(docs, generatedDoc(shapeNamed("cargo-lock"), 10*MB))
	return append(docs, corpusDocs(tb, largestOnTheirOwn)...)
}

// BenchmarkDecodeMap decodes each document into a fresh map[string]any.
func BenchmarkDecodeMap(b *testing.B) {
	for _, doc := range mapDocs(b) {
		benchDecode(b, doc, func() any { return new(map[string]any) })
	}
}

// BenchmarkDecodeStruct decodes Cargo.lock and pyproject documents, generated
// and real, into the structs tools use for them.
func BenchmarkDecodeStruct(b *testing.B) {
	newCargo := func() any { return new(cargoLock) }
	newPyproject := func() any { return new(pyproject) }
	benchDecode(b, generatedDoc(shapeNamed("cargo-lock"), 1*MB), newCargo)
	benchDecode(b, generatedDoc(shapeNamed("pyproject"), smallPyproject), newPyproject)
	benchDecode(b, generatedDoc(shapeNamed("pyproject"), 1*MB), newPyproject)
	benchDecode(b, corpusKindDoc("cargo-lock"), newCargo)
	benchDecode(b, corpusKindDoc("pyproject"), newPyproject)
}

// benchDecode runs doc=<name>/lib=<lib> for every library, each op decoding
// every file of doc into a fresh value from newValue.
func benchDecode(b *testing.B, doc benchDoc, newValue func() any) {
	b.Run("doc="+doc.name, func(b *testing.B) {
		files := doc.load(b)
		for _, lib := range libraries {
			b.Run("lib="+lib.name, func(b *testing.B) {
				if lib.unmarshal == nil {
					b.Skipf("%s has no Unmarshal yet", lib.name)
				}
				// A library that rejects a file would be measured on less
				// work than the others, so check every file first.
				for _, f := range files {
					if err := lib.unmarshal(f, newValue()); err != nil {
						b.Fatalf("%s rejects a %s file: %v", lib.name, doc.name, err)
					}
				}
				b.SetBytes(totalBytes(files))
				b.ReportAllocs()
				loopWithCPU(b, func() {
					for _, f := range files {
						if err := lib.unmarshal(f, newValue()); err != nil {
							b.Fatal(err)
						}
					}
				})
			})
		}
	})
}

// BenchmarkParse builds our positioned tree alone, without decoding it into
// Go values; the peers have no equivalent public tree.
func BenchmarkParse(b *testing.B) {
	benchOurs(b, mapDocs(b), func(f []byte) error {
		_, err := toml.Parse(f)
		return err
	})
}

// benchOurs runs doc=<name>/lib=ours for each document, each op calling op
// on every file of the document: for what only this library does.
func benchOurs(b *testing.B, docs []benchDoc, op func([]byte) error) {
	for _, doc := range docs {
		b.Run("doc="+doc.name+"/lib=ours", func(b *testing.B) {
			files := doc.load(b)
			b.SetBytes(totalBytes(files))
			b.ReportAllocs()
			loopWithCPU(b, func() {
				for _, f := range files {
					if err := op(f); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// BenchmarkEncode encodes structs decoded from the Cargo.lock and pyproject
// documents. Every library encodes the same Go values, which go-toml decoded
// beforehand, and MB/s counts the size of the source documents so that the
// libraries are compared on equal work whatever layout they write.
func BenchmarkEncode(b *testing.B) {
	newCargo := func() any { return new(cargoLock) }
	newPyproject := func() any { return new(pyproject) }
	benchEncode(b, generatedDoc(shapeNamed("cargo-lock"), 1*MB), newCargo)
	benchEncode(b, generatedDoc(shapeNamed("pyproject"), smallPyproject), newPyproject)
	benchEncode(b, generatedDoc(shapeNamed("pyproject"), 1*MB), newPyproject)
	benchEncode(b, corpusKindDoc("cargo-lock"), newCargo)
	benchEncode(b, corpusKindDoc("pyproject"), newPyproject)
}

func benchEncode(b *testing.B, doc benchDoc, newValue func() any) {
	b.Run("doc="+doc.name, func(b *testing.B) {
		files := doc.load(b)
		values := make([]any, len(files))
		for i, f := range files {
			values[i] = newValue()
			if err := gotomlUnmarshal(f, values[i]); err != nil {
				b.Fatalf("decoding %s for the encoders: %v", doc.name, err)
			}
		}
		for _, lib := range libraries {
			b.Run("lib="+lib.name, func(b *testing.B) {
				if lib.marshal == nil {
					b.Skipf("%s has no Marshal yet", lib.name)
				}
				for _, v := range values {
					if _, err := lib.marshal(v); err != nil {
						b.Fatalf("%s cannot encode a %s value: %v", lib.name, doc.name, err)
					}
				}
				b.SetBytes(totalBytes(files))
				b.ReportAllocs()
				loopWithCPU(b, func() {
					for _, v := range values {
						if _, err := lib.marshal(v); err != nil {
							b.Fatal(err)
						}
					}
				})
			})
		}
	})
}

func totalBytes(files [][]byte) int64 {
	var n int64
	for _, f := range files {
		n += int64(len(f))
	}
	return n
}
