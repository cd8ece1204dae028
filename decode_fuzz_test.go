package toml_test

import (
	"errors"
	"testing"
	"time"

	"github.com/seed02375186/toml"
)

// fuzzTarget has a field of every kind of destination, so that fuzzed
// documents reach each decoding rule, matching or not.
type fuzzTarget struct {
	unexportedLeaf
	*otherUnexportedLeaf
	S     string
	I8    int8
	U     uint
	F32   float32
	B     bool
	T     time.Time
	D     time.Duration
	LD    toml.LocalDate
	LT    toml.LocalTime
	LDT   toml.LocalDateTime
	A     [2]int
	Sl    []fuzzTarget
	M     map[string]*fuzzTarget
	Any   any
	Bytes []byte
	C     colour
	U2    stringOrList
	Raw   *toml.Value
	Node  toml.Value
	P     **int
}

// FuzzUnmarshal checks that no input panics the decoder, that decoding
// into any fails exactly when parsing does, and that every error names a
// place inside the input.
func FuzzUnmarshal(f *testing.F) {
	for _, seed := range []string{
		"s = 'x'\ni8 = 300\nu = -1\nf32 = 1e39\nb = true",
		"t = 1979-05-27T07:32:00Z\nd = \"1s\"\nld = 1979-05-27\nlt = 07:32:00\nldt = 1979-05-27T07:32:00",
		"a = [1, 2, 3]\n[[sl]]\ns = 1\n[m.k]\nany = {x = [1, 'a']}",
		"bytes = 'b'\nc = 'red'\nu2 = ['a']\nraw = 1\nnode = [1, {a = 2}]\np = 2",
		"[m]\nk = 1\n[sl]\n",
		"unexportedLeaf = 'x'\notherUnexportedLeaf = 'y'",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, parseErr := toml.Parse(data)
		var generic any
		if err := toml.Unmarshal(data, &generic); (err == nil) != (parseErr == nil) {
			t.Fatalf("Unmarshal into any: %v; Parse: %v", err, parseErr)
		}
		var typed fuzzTarget
		err := toml.Unmarshal(data, &typed)
		if typed.unexportedLeaf.text != "" || typed.otherUnexportedLeaf != nil {
			t.Fatalf("an unexported embedded value took a key: %+v", typed)
		}
		var list toml.DecodeErrors
		var one *toml.DecodeError
		var pe *toml.ParseError
		switch {
		case err == nil:
		case errors.As(err, &list):
			for _, e := range list {
				checkFuzzPosition(t, data, e.Offset, e.Line)
			}
		case errors.As(err, &one):
			checkFuzzPosition(t, data, one.Offset, one.Line)
		case errors.As(err, &pe):
			checkFuzzPosition(t, data, pe.Offset, pe.Line)
		default:
			t.Fatalf("error of type %T: %v", err, err)
		}
	})
}

func checkFuzzPosition(t *testing.T, data []byte, offset, line int) {
	t.Helper()
	if offset < 0 || offset > len(data) || line < 1 {
		t.Fatalf("error at offset %d, line %d: outside the %d-byte input", offset, line, len(data))
	}
}
