package main

import (
	"bytes"
	"io"
	"os"
	"testing"
)

func TestUseColor(t *testing.T) {
	devNull, err := os.Open(os.DevNull) // a character device, as a terminal is
	if err != nil {
		t.Fatal(err)
	}
	defer devNull.Close()
	file, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()

	t.Setenv("TERM", "xterm")
	tests := []struct {
		name    string
		noColor bool
		w       io.Writer
		want    bool
	}{
		{"character device", false, devNull, true},
		{"character device with NO_COLOR", true, devNull, false},
		{"regular file", false, file, false},
		{"buffer", false, new(bytes.Buffer), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", "") // set, even empty, turns colour off
			if !tt.noColor {
				os.Unsetenv("NO_COLOR") // t.Setenv restores it after the test
			}
			if got := useColor(tt.w); got != tt.want {
				t.Errorf("useColor = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPaint(t *testing.T) {
	if got := paint(false, red, "x"); got != "x" {
		t.Errorf("without colour: %q", got)
	}
	if got, want := paint(true, red, "x"), "\x1b[31mx\x1b[0m"; got != want {
		t.Errorf("with colour: %q, want %q", got, want)
	}
	if got := paint(true, red, ""); got != "" {
		t.Errorf("empty text: %q, want nothing", got)
	}
}
