package toml

import (
	"reflect"
	"testing"
)

// TestEditDistance pins the distance that decides suggestions.
func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"version", "version", 0},
		{"verison", "version", 1}, // a swap is one edit
		{"pakage", "package", 1},
		{"requires_python", "requires-python", 1},
		{"", "abc", 3},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := editDistance(tt.a, tt.b); got != tt.want {
				t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

// TestClosestField checks which field, if any, an unknown key suggests.
func TestClosestField(t *testing.T) {
	fields := cachedFields(reflect.TypeFor[struct {
		Name           string
		Version        string
		RequiresPython string `toml:"requires-python"`
		X              int
	}]())
	tests := []struct {
		key  string
		want string
	}{
		{"verison", "version"}, // untagged: suggested in the key's case
		{"VERISON", "Version"}, // a key not in lower case gets the Go name
		{"requires_python", "requires-python"},
		{"nmae", "name"},
		{"y", ""},                 // one letter off, but the whole key
		{"description", ""},       // nothing near
		{"versions-and-more", ""}, // too far for its length
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			if got := closestField(tt.key, fields); got != tt.want {
				t.Errorf("closestField(%q) = %q, want %q", tt.key, got, tt.want)
			}
		})
	}
}
