// Package fuzz holds the fuzz targets of the toml package: hostile input
// must give a value or a clean, positioned error, and what the library
// writes must read back as the same value. Run one target longer with
//
//	go test ./fuzz -run '^$' -fuzz '^FuzzParse$' -fuzztime 30m -parallel 1
//
// New crashers land in testdata/fuzz/<Target>/ and from then on run as
// regression cases with plain go test.
package fuzz

import (
	"testing"

	"github.com/seed02375186/toml"
)

// FuzzParse checks, on any input, that Parse does not panic; that an error
// is a *toml.ParseError at a real position whose line and column agree with
// its offset; that an accepted document's keys and values span real parts
// of the input; and that Marshal writes the document so that Parse reads
// back the same values, kind for kind (NaNs equal, -0 kept).
func FuzzParse(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Fuzz(checkParse)
}

// checkParse is FuzzParse's check of one input.
func checkParse(t *testing.T, src []byte) {
	doc, err := toml.Parse(src)
	if err != nil {
		if doc != nil {
			t.Errorf("Parse returned a document with the error %q", err)
		}
		if msg := checkParseError(src, err); msg != "" {
			t.Fatalf("input %q:\n%s", src, msg)
		}
		return
	}
	if msg := checkSpans(src, doc); msg != "" {
		t.Fatalf("input %q:\n%s", src, msg)
	}
	out, err := toml.Marshal(doc)
	if err != nil {
		t.Fatalf("input %q:\nMarshal of the parsed document: %v", src, err)
	}
	again, err := toml.Parse(out)
	if err != nil {
		t.Fatalf("input %q:\nMarshal wrote %q, which Parse rejects: %v", src, out, err)
	}
	if diff := diffTrees(plainTree(doc.Root()), plainTree(again.Root())); diff != "" {
		t.Fatalf("input %q:\nMarshal wrote %q, which reads back different (-parsed +reparsed):\n%s", src, out, diff)
	}
}
