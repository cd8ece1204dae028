package toml_test

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

type packageManifest struct {
	Package struct {
		Name    string
		Version string
		Edition string
	}
	Dependencies map[string]any
}

const manifestWithTypos = `[package]
name = "demo"
verison = "1.0.0"
edition = "2021"
x = 1

[dependencies]
serde = "1"

[pakage.metadata]
docs = true
`

// TestDecoderDisallowUnknownFields checks that strict mode reports every
// unknown key, in document order, with its position and a suggestion.
func TestDecoderDisallowUnknownFields(t *testing.T) {
	dec := toml.NewDecoder(strings.NewReader(manifestWithTypos))
	dec.DisallowUnknownFields()
	var m packageManifest
	err := dec.Decode(&m)
	want := "toml: 3 errors:\n" +
		"\tline 3, column 1: unknown key package.verison (did you mean \"version\"?)\n" +
		"\tline 5, column 1: unknown key package.x\n" +
		"\tline 10, column 2: unknown key pakage (did you mean \"package\"?)"
	if err == nil {
		t.Fatalf("no error, want %q", want)
	}
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("Error() (-want +got):\n%s", diff)
	}
	var list toml.DecodeErrors
	if !errors.As(err, &list) {
		t.Fatalf("error is %T, want toml.DecodeErrors", err)
	}
	type unknown struct {
		Key          string
		Line, Column int
		Kind         toml.Kind
		Type         string
	}
	var got []unknown
	for _, e := range list {
		got = append(got, unknown{e.Key, e.Line, e.Column, e.Kind, e.Type.String()})
	}
	wantList := []unknown{
		{"package.verison", 3, 1, toml.KindString, "struct { Name string; Version string; Edition string }"},
		{"package.x", 5, 1, toml.KindInteger, "struct { Name string; Version string; Edition string }"},
		{"pakage", 10, 2, toml.KindTable, "toml_test.packageManifest"},
	}
	if diff := cmp.Diff(wantList, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	// Known keys are still decoded.
	if m.Package.Name != "demo" || m.Package.Edition != "2021" || m.Dependencies["serde"] != "1" {
		t.Errorf("known keys not decoded: %+v", m)
	}
}

// TestDecoderUnknownFieldWithTypeErrors checks that unknown keys and type
// errors are reported together, in document order.
func TestDecoderUnknownFieldWithTypeErrors(t *testing.T) {
	dec := toml.NewDecoder(strings.NewReader("b = 1\nname = 2\nnmae = \"x\""))
	dec.DisallowUnknownFields()
	err := dec.Decode(&struct{ Name string }{})
	want := "toml: 3 errors:\n" +
		"\tline 1, column 1: unknown key b\n" +
		"\tline 2, column 8: name: cannot decode integer 2 into string\n" +
		"\tline 3, column 1: unknown key nmae (did you mean \"name\"?)"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}

// TestDecoderUndecoded checks that keys without a destination are listed
// without failing, and that Unmarshaler and map contents count as decoded.
func TestDecoderUndecoded(t *testing.T) {
	src := `title = "t"
extra = 1
[owner]
name = "n"
dob = 1979-05-27
[custom]
anything = 1
[free]
x.y = 2
[[servers]]
ip = "a"
port = 1
`
	var into struct {
		Title string
		Owner struct{ Name string }
		Free  map[string]any
		// Custom is decoded by an Unmarshaler, which owns the keys inside.
		Custom  rootTaker
		Servers []struct{ IP string }
	}
	dec := toml.NewDecoder(strings.NewReader(src))
	if err := dec.Decode(&into); err != nil {
		t.Fatal(err)
	}
	want := []toml.UndecodedKey{
		{Key: "extra", Position: toml.Position{Offset: 12, Line: 2, Column: 1}},
		{Key: "owner.dob", Position: toml.Position{Offset: 41, Line: 5, Column: 1}},
		{Key: "servers[0].port", Position: toml.Position{Offset: 116, Line: 12, Column: 1}},
	}
	if diff := cmp.Diff(want, dec.Undecoded()); diff != "" {
		t.Errorf("Undecoded (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"anything"}, into.Custom.Keys); diff != "" {
		t.Errorf("Unmarshaler saw (-want +got):\n%s", diff)
	}
}

// TestDecoderLimits checks the input-size and value-count limits and
// their errors.
func TestDecoderLimits(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		maxInput  int64
		maxValues int
		want      string // "" for success
	}{
		{"input at the limit", "a = 1\n", 6, 0, ""},
		{"input over the limit", "a = 1\nb = 2\n", 8, 0, "toml: line 2, column 3: input is larger than the limit of 8 bytes"},
		{"values at the limit", "a = 1\nb = [2]", 0, 3, ""},
		{"values over the limit", "a = 1\nb = [2, 3]", 0, 3, "toml: line 2, column 9: document holds more than 3 values"},
		{"no limits by default", strings.Repeat("[[a]]\n", 1000), 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dec := toml.NewDecoder(strings.NewReader(tt.src))
			dec.MaxInputSize(tt.maxInput)
			dec.MaxValues(tt.maxValues)
			var v any
			err := dec.Decode(&v)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Decode error (-want +got):\n%s", diff)
			}
			if err != nil {
				var pe *toml.ParseError
				if !errors.As(err, &pe) {
					t.Errorf("error is %T, want *toml.ParseError", err)
				}
			}
		})
	}
}

// TestDecoderReadError checks that a failing reader's error is wrapped.
func TestDecoderReadError(t *testing.T) {
	boom := errors.New("boom")
	err := toml.NewDecoder(iotest.ErrReader(boom)).Decode(new(any))
	if !errors.Is(err, boom) {
		t.Errorf("got %v, want an error wrapping %v", err, boom)
	}
}

// TestDecoderMatchesUnmarshal checks that both entry points decode alike.
func TestDecoderMatchesUnmarshal(t *testing.T) {
	var viaUnmarshal, viaDecoder packageManifest
	errU := toml.Unmarshal([]byte(manifestWithTypos), &viaUnmarshal)
	errD := toml.NewDecoder(strings.NewReader(manifestWithTypos)).Decode(&viaDecoder)
	if errU != nil || errD != nil {
		t.Fatalf("Unmarshal: %v; Decode: %v", errU, errD)
	}
	if diff := cmp.Diff(viaUnmarshal, viaDecoder); diff != "" {
		t.Errorf("(-Unmarshal +Decoder):\n%s", diff)
	}
}

// unexportedLeaf and otherUnexportedLeaf are values of their own with
// unexported names; embedded together, neither's UnmarshalText is
// promoted, so each is a field that reflection cannot set.
type unexportedLeaf struct{ text string }

func (l *unexportedLeaf) UnmarshalText(b []byte) error { l.text = string(b); return nil }
func (l unexportedLeaf) MarshalText() ([]byte, error)  { return []byte(l.text), nil }

type otherUnexportedLeaf struct{ text string }

func (l *otherUnexportedLeaf) UnmarshalText(b []byte) error { l.text = string(b); return nil }
func (l otherUnexportedLeaf) MarshalText() ([]byte, error)  { return []byte(l.text), nil }

// TestDecodeUnexportedEmbeddedValues checks that unexported embedded
// values take no keys (the encoder writes none for them) rather than
// panicking, and that strict mode calls their keys unknown.
func TestDecodeUnexportedEmbeddedValues(t *testing.T) {
	src := "unexportedLeaf = \"x\"\nOther = 1"
	var into struct {
		unexportedLeaf
		*otherUnexportedLeaf
		Other int
	}
	dec := toml.NewDecoder(strings.NewReader(src))
	dec.DisallowUnknownFields()
	err := dec.Decode(&into)
	want := "toml: line 1, column 1: unknown key unexportedLeaf"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	if into.Other != 1 || into.unexportedLeaf.text != "" || into.otherUnexportedLeaf != nil {
		t.Errorf("decoded %+v, want only Other set", into)
	}
}
