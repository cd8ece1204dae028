package fuzz

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/seed02375186/toml"
)

// The struct shapes FuzzDecode decodes into: nested structs, maps of
// structs, slices of structs, pointers, every scalar type the decoder
// converts to, the local date-time types, and fields that take anything.
type (
	fuzzConfig struct {
		Title    string
		Count    int
		Small    int8
		Unsigned uint16
		Ratio    float64
		Single   float32
		Enabled  bool
		When     time.Time
		Date     toml.LocalDate `toml:",omitzero"` // the zero date is no date TOML can write
		Clock    toml.LocalTime
		Stamp    toml.LocalDateTime `toml:",omitzero"`
		Wait     time.Duration
		Tags     []string
		Matrix   [][]int64
		Fixed    [2]int
		Owner    fuzzOwner
		Servers  map[string]fuzzServer
		Products []fuzzProduct `toml:"products"`
		Next     *fuzzConfig
		Extra    map[string]any
		Anything any
	}
	fuzzOwner struct {
		Name string `toml:"name"`
		Born time.Time
	}
	fuzzServer struct {
		IP    string `toml:"ip"`
		Role  string
		Ports []uint16
	}
	fuzzProduct struct {
		Name  string
		SKU   int64
		Color *string
	}
)

// FuzzDecode checks, on any input, that Unmarshal does not panic decoding
// into any, into a map and into the struct shapes above; that its errors
// are positioned inside the input; that into any it accepts what Parse
// accepts and gives the same kinds and values; that Decoder.MaxValues
// draws its line exactly at the document's number of values; and that
// what Marshal writes for a decoded value decodes back to the same value
// (NaNs equal, offsets kept).
func FuzzDecode(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Fuzz(checkDecode)
}

// checkDecode is FuzzDecode's check of one input.
func checkDecode(t *testing.T, src []byte) {
	doc, parseErr := toml.Parse(src)
	var generic any
	err := toml.Unmarshal(src, &generic)
	if msg := checkDecodeError(src, err); msg != "" {
		t.Fatalf("input %q:\ninto any: %s", src, msg)
	}
	switch {
	case parseErr != nil && err == nil:
		t.Fatalf("input %q:\nParse rejects it (%v) but Unmarshal into any accepts it", src, parseErr)
	case parseErr != nil && err.Error() != parseErr.Error():
		t.Fatalf("input %q:\nParse and Unmarshal disagree on the syntax error:\nParse:     %v\nUnmarshal: %v", src, parseErr, err)
	case parseErr == nil && err != nil:
		t.Fatalf("input %q:\nParse accepts it but Unmarshal into any fails: %v", src, err)
	case parseErr == nil:
		if diff := diffTrees(plainTree(doc.Root()), plainGo(generic)); diff != "" {
			t.Fatalf("input %q:\nUnmarshal into any differs from the parsed document (-parsed +decoded):\n%s", src, diff)
		}
		if msg := checkMaxValues(src, countValues(doc.Root())-1); msg != "" {
			t.Fatalf("input %q:\n%s", src, msg)
		}
		var again any
		out := marshalAndDecode(t, src, generic, &again)
		if diff := diffTrees(plainGo(generic), plainGo(again)); diff != "" {
			t.Fatalf("input %q:\nMarshal wrote %q, which decodes different (-decoded +redecoded):\n%s", src, out, diff)
		}
	}

	var m map[string]any
	err = toml.Unmarshal(src, &m)
	if msg := checkDecodeError(src, err); msg != "" {
		t.Fatalf("input %q:\ninto map[string]any: %s", src, msg)
	}

	var config fuzzConfig
	err = toml.Unmarshal(src, &config)
	if msg := checkDecodeError(src, err); msg != "" {
		t.Fatalf("input %q:\ninto a struct: %s", src, msg)
	}
	if err == nil {
		var again fuzzConfig
		out := marshalAndDecode(t, src, config, &again)
		if diff := diffTrees(config, again, structOptions); diff != "" {
			t.Fatalf("input %q:\nMarshal wrote %q, which decodes different (-decoded +redecoded):\n%s", src, out, diff)
		}
	}
}

// structOptions compare decoded structs by value: NaNs are equal, a nil
// slice or map equals an empty one (Marshal need not write empty ones), and
// times must name the same instant with the same offset.
var structOptions = cmp.Options{
	cmpopts.EquateNaNs(),
	cmpopts.EquateEmpty(),
	cmp.Comparer(func(a, b time.Time) bool { return plainTime(a) == plainTime(b) }),
}

// countValues returns the number of values in v's tree, v included.
func countValues(v toml.Value) int {
	n := 1
	switch v.Kind() {
	case toml.KindTable:
		for _, e := range v.Table().Entries() {
			n += countValues(e.Value)
		}
	case toml.KindArray:
		for _, e := range v.Array().Elems() {
			n += countValues(e)
		}
	}
	return n
}

// checkMaxValues decodes a document of n values (the root not counted)
// with Decoder.MaxValues at n, which must succeed, and at n-1, which must
// fail with a ParseError naming the limit.
func checkMaxValues(src []byte, n int) string {
	decode := func(limit int) error {
		dec := toml.NewDecoder(bytes.NewReader(src))
		dec.MaxValues(limit)
		var v any
		return dec.Decode(&v)
	}
	if err := decode(n); err != nil {
		return fmt.Sprintf("the document holds %d values, but MaxValues(%d) rejects it: %v", n, n, err)
	}
	if n < 2 {
		return "" // MaxValues(0) means no limit
	}
	err := decode(n - 1)
	var pe *toml.ParseError
	if !errors.As(err, &pe) || !strings.Contains(pe.Message, strconv.Itoa(n-1)) {
		return fmt.Sprintf("the document holds %d values, but MaxValues(%d) gives %v, not a ParseError naming the limit", n, n-1, err)
	}
	return ""
}

// marshalAndDecode writes v with Marshal and decodes the result into into,
// failing the test if either step fails. It returns what Marshal wrote.
func marshalAndDecode(t *testing.T, src []byte, v, into any) []byte {
	t.Helper()
	out, err := toml.Marshal(v)
	if err != nil {
		t.Fatalf("input %q:\nMarshal of the decoded %T: %v", src, v, err)
	}
	if err := toml.Unmarshal(out, into); err != nil {
		t.Fatalf("input %q:\nMarshal of the decoded %T wrote %q, which does not decode: %v", src, v, out, err)
	}
	return out
}

// checkDecodeError returns what is wrong with an error of Unmarshal, or "":
// a syntax error must pass checkParseError, and every decode error must
// name a real position of the input whose line and column agree with it.
func checkDecodeError(src []byte, err error) string {
	if err == nil {
		return ""
	}
	var pe *toml.ParseError
	if errors.As(err, &pe) {
		return checkParseError(src, pe)
	}
	var decodeErrs []*toml.DecodeError
	var many toml.DecodeErrors
	var one *toml.DecodeError
	switch {
	case errors.As(err, &many):
		decodeErrs = many
	case errors.As(err, &one):
		decodeErrs = []*toml.DecodeError{one}
	default:
		return fmt.Sprintf("error %q is a %T, neither a *toml.ParseError nor a decode error", err, err)
	}
	if len(decodeErrs) == 0 {
		return fmt.Sprintf("error %q lists no errors", err)
	}
	for _, e := range decodeErrs {
		if e.Message == "" {
			return fmt.Sprintf("error %q has no message", e)
		}
		if e.Offset < 0 || e.Offset > len(src) {
			return fmt.Sprintf("error %q at offset %d, outside the %d-byte input", e, e.Offset, len(src))
		}
		got := toml.Position{Offset: e.Offset, Line: e.Line, Column: e.Column}
		if want := positionAt(src, e.Offset); got != want {
			return fmt.Sprintf("error %q: position %+v disagrees with its offset, want %+v", e, got, want)
		}
	}
	return ""
}

// plainGo turns what Unmarshal decodes into an any into the plain tree
// that plainTree makes of the document, so that the two compare directly.
func plainGo(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[k] = plainGo(e)
		}
		return m
	case []any:
		a := make([]any, len(v))
		for i, e := range v {
			a[i] = plainGo(e)
		}
		return a
	case string:
		return scalar{Kind: "string", Text: v}
	case int64:
		return scalar{Kind: "integer", Text: strconv.FormatInt(v, 10)}
	case float64:
		return scalar{Kind: "float", Text: floatText(v)}
	case bool:
		return scalar{Kind: "bool", Text: strconv.FormatBool(v)}
	case time.Time:
		return scalar{Kind: "datetime", Text: plainTime(v)}
	case toml.LocalDateTime:
		return scalar{Kind: "datetime-local", Text: clockText(v.String())}
	case toml.LocalDate:
		return scalar{Kind: "date-local", Text: v.String()}
	case toml.LocalTime:
		return scalar{Kind: "time-local", Text: clockText(v.String())}
	}
	return scalar{Kind: fmt.Sprintf("Go %T", v), Text: fmt.Sprint(v)}
}

// plainTime writes a time's clock reading, nanoseconds and offset.
func plainTime(t time.Time) string {
	_, offset := t.Zone()
	return t.Format("2006-01-02T15:04:05.999999999") + offsetText(offset)
}
