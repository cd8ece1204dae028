// Package toml reads and writes TOML 1.0.0, and reads TOML 1.1.0 when asked.
//
// There are two ways in. Unmarshal and Decoder fill Go values (structs,
// maps, slices, any) from a document, in the manner of encoding/json;
// Marshal and Encoder write them back. Parse gives the document itself: a
// tree of Values, Tables and Arrays in source order, in which every key,
// value and table header carries the span of its source text, so that a
// tool can say where anything came from, or edit a document in place.
// Value, Table and Array are small handles, passed by value, into a tree
// that holds no pointers: a node costs 16 bytes and the garbage collector
// never scans it.
//
// The parser implements TOML 1.0.0 and TOML 1.1.0 in full (it passes every
// case of both toml-test suites). It reads 1.0 unless a call asks for 1.1
// (V1_1.Parse, Decoder.Version), and names each construct of 1.1 that it
// meets in a 1.0 document; Portability lists them all. The encoder writes
// TOML 1.0, which readers of both versions accept. Every error is a
// *ParseError or a *DecodeError whose Error text begins with the line and
// column. No input can make the parser panic, recurse without bound (see
// MaxDepth) or take more than linear time; Decoder can also cap the input
// size and the number of values.
//
// Layers, each in its own files: lexer.go and number.go read tokens
// (toml11.go the constructs of TOML 1.1, and version.go the versions);
// parser.go applies the grammar and TOML's table rules and builds the tree
// of tree.go in the memory of arena.go; decode*.go walk the tree into Go
// values; encode*.go write Go values and trees as TOML. fields.go holds the
// struct-field rules that decoding and encoding share.
package toml
