package differential

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	gotoml "github.com/pelletier/go-toml/v2"

	"github.com/seed02375186/toml"
)

func parsePlain(t *testing.T, src string) (ourTree, theirTree any) {
	t.Helper()
	doc, err := toml.Parse([]byte(src))
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	var their any
	if err := gotoml.Unmarshal([]byte(src), &their); err != nil {
		t.Fatalf("go-toml Unmarshal(%q): %v", src, err)
	}
	return ours(doc.Root()), theirs(their)
}

// TestPlainTreesAgree checks that the two sides of the comparison spell
// the same values the same way, for the values that are easy to spell
// differently.
func TestPlainTreesAgree(t *testing.T) {
	tests := []struct{ name, src string }{
		{"nan", "a = nan\nb = -nan\nc = +nan"},
		{"infinities and zeros", "a = inf\nb = -inf\nc = -0.0\nd = +0.0\ne = 0e0"},
		{"offset date-times", "a = 1979-05-27T07:32:00Z\nb = 1979-05-27T00:32:00-07:00\nc = 1979-05-27 07:32:00.999999+05:30\nd = 1979-05-27T07:32:00-00:00"},
		{"local kinds", "a = 1979-05-27T07:32:00.5\nb = 1979-05-27\nc = 07:32:00.000001\nd = 00:00:00"},
		{"fraction beyond nanoseconds", "a = 07:32:00.1234567891\nb = 1979-05-27T07:32:00.0000000009Z"},
		{"nesting", "[[x]]\ny = [1, 'a', {z = [true]}]\n[[x]]\n[x.t]\nk.l = 3"},
		{"integers", "a = 0x7FFFFFFFFFFFFFFF\nb = -9223372036854775808\nc = 0o17\nd = 0b101\ne = 1_000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ourTree, theirTree := parsePlain(t, tt.src)
			if diff := cmp.Diff(theirTree, ourTree); diff != "" {
				t.Errorf("plain trees differ (-go-toml +ours):\n%s", diff)
			}
		})
	}
}

// TestPlainTreesTellApart checks that values TOML tells apart stay apart,
// so that the differential fuzzer cannot miss a wrong value.
func TestPlainTreesTellApart(t *testing.T) {
	tests := []struct{ name, a, b string }{
		{"sign of zero", "a = 0.0", "a = -0.0"},
		{"integer and float", "a = 1", "a = 1.0"},
		{"offset", "a = 1979-05-27T07:32:00Z", "a = 1979-05-27T08:32:00+01:00"},
		{"fraction digits", "a = 07:32:00.1", "a = 07:32:00.01"},
		{"local date-time and date", "a = 1979-05-27T00:00:00", "a = 1979-05-27"},
		{"local and offset date-time", "a = 1979-05-27T00:00:00", "a = 1979-05-27T00:00:00Z"},
		{"string and integer", "a = '1'", "a = 1"},
		{"array and table", "a = [{}]", "a = {}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ourA, theirA := parsePlain(t, tt.a)
			ourB, theirB := parsePlain(t, tt.b)
			if cmp.Equal(ourA, theirB) {
				t.Errorf("our tree of %q equals go-toml's tree of %q: %v", tt.a, tt.b, ourA)
			}
			if cmp.Equal(theirA, ourB) {
				t.Errorf("go-toml's tree of %q equals our tree of %q: %v", tt.a, tt.b, theirA)
			}
		})
	}
}

// TestCompare checks the verdicts of compare: agreement, each known
// deviation, and disagreements it must not excuse.
func TestCompare(t *testing.T) {
	tests := []struct {
		name, src string
		agree     bool
	}{
		{"both accept the same values", "a = [1, 'x', {b = nan}]", true},
		{"both reject", "a = ", true},
		{"nesting at the limit", "a = " + strings.Repeat("[", toml.MaxDepth) + strings.Repeat("]", toml.MaxDepth), true},
		{"nesting past the limit, which we refuse by design", "a = " + strings.Repeat("[", toml.MaxDepth+1) + strings.Repeat("]", toml.MaxDepth+1), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, _ := compare([]byte(tt.src))
			if agree := msg == ""; agree != tt.agree {
				t.Errorf("compare gave %q, want agreement %v", msg, tt.agree)
			}
		})
	}
}

// TestKnownDeviation checks that each deviation excuses only its own case.
func TestKnownDeviation(t *testing.T) {
	shallow := map[string]any{"a": []any{int64(1)}}
	deep := any(int64(1))
	for range toml.MaxDepth + 1 {
		deep = []any{deep}
	}
	ourErr := errors.New("rejected")
	_, escapeErr := toml.Parse([]byte(`a = "\e"`))
	_, otherEscapeErr := toml.Parse([]byte(`a = "\q"`))
	tests := []struct {
		name     string
		src      string
		ourErr   error
		their    any
		theirErr error
		want     string // the deviation's name, or ""
	}{
		{"we reject what go-toml accepts, shallow", "", ourErr, shallow, nil, ""},
		{"we reject what go-toml accepts, past the limit", "", ourErr, deep, nil, "nesting deeper than toml.MaxDepth"},
		{"we accept what go-toml accepts, past the limit", "", nil, deep, nil, ""},
		{"both reject", "", ourErr, nil, errors.New("also rejected"), ""},
		{`we reject \e, go-toml accepts it`, `a = "\e"`, escapeErr, map[string]any{"a": "\x1b"}, nil, `go-toml accepts the escape \e`},
		{`we reject \q, go-toml accepts it`, `a = "\q"`, otherEscapeErr, map[string]any{"a": "q"}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if d := knownDeviation([]byte(tt.src), tt.ourErr, tt.their, tt.theirErr); d != nil {
				got = d.name
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("knownDeviation (-want +got):\n%s", diff)
			}
		})
	}
}
