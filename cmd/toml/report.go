package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	tomltest "github.com/toml-lang/toml-test/v2"

	"github.com/seed02375186/toml"
	"github.com/seed02375186/toml/internal/tagged"
)

// writeText writes each failed case (every case's status if verbose),
// then the totals, ending with the summary line.
func (rep *report) writeText(w io.Writer, verbose, color bool) error {
	var b bytes.Buffer
	for _, t := range rep.Tests {
		switch {
		case t.Failed():
			writeFailure(&b, t, color)
		case verbose && t.Skipped:
			fmt.Fprintf(&b, "SKIP %s\n", t.Path)
		case verbose:
			fmt.Fprintf(&b, "%s %s\n", paint(color, green, "PASS"), t.Path)
		}
	}
	encoder := "none"
	if rep.Encoder != nil {
		encoder = strings.Join(rep.Encoder, " ")
	}
	fmt.Fprintf(&b, "%s, TOML %s; decoder: %s; encoder: %s\n", rep.Suite, rep.TOML, strings.Join(rep.Decoder, " "), encoder)
	fmt.Fprintf(&b, "valid: %d passed, %d failed; invalid: %d passed, %d failed; encoder: %d passed, %d failed\n",
		rep.PassedValid, rep.FailedValid, rep.PassedInvalid, rep.FailedInvalid, rep.PassedEncoder, rep.FailedEncoder)
	summary := rep.summary()
	if rep.Failed > 0 {
		summary = paint(color, boldRed, summary)
	}
	fmt.Fprintln(&b, summary)
	_, err := w.Write(b.Bytes())
	return err
}

// writeFailure shows one failed case: its name, why it failed, its input,
// and what was wanted against what came out.
func writeFailure(b *bytes.Buffer, t tomltest.Test, color bool) {
	kind := "decoder"
	if t.Encoder() {
		kind = "encoder"
	}
	fmt.Fprintf(b, "%s %s (%s)\n", paint(color, boldRed, "FAIL"), t.Path, kind)
	writeIndented(b, t.Failure, "    ")
	fmt.Fprintf(b, "  input:\n")
	writeNumbered(b, t.Input)
	switch {
	case t.Invalid():
		fmt.Fprintf(b, "  want: an error\n  got:\n")
		writeIndented(b, t.Output, "    ")
	case t.OutputFromStderr || t.Want == "":
		// The failure message holds the error, or there is nothing to compare.
	default:
		want, got := comparable(t)
		fmt.Fprintf(b, "  diff (-want +got):\n")
		for _, l := range diffLines(want, got) {
			style := ""
			switch l[0] {
			case '-':
				style = red
			case '+':
				style = green
			}
			fmt.Fprintf(b, "    %s\n", paint(color, style, l))
		}
	}
	b.WriteByte('\n')
}

// comparable returns a case's wanted and actual output in a form whose
// line diff shows the difference: decoder JSON indented with sorted keys;
// for an encoder, both TOML documents decoded to tagged JSON, when they
// parse (else the TOML as it is).
func comparable(t tomltest.Test) (want, got string) {
	if t.Encoder() {
		w, werr := taggedOfTOML(t.Want)
		g, gerr := taggedOfTOML(t.Output)
		if werr == nil && gerr == nil {
			return normalizeJSON(w), normalizeJSON(g)
		}
		return t.Want, t.Output
	}
	return normalizeJSON(t.Want), normalizeJSON(t.Output)
}

func taggedOfTOML(s string) (string, error) {
	doc, err := toml.Parse([]byte(s))
	if err != nil {
		return "", err
	}
	return string(tagged.AppendDocument(nil, doc)), nil
}

// normalizeJSON indents JSON with its object keys sorted, so that key
// order does not show as a difference; text that is not JSON is returned
// unchanged.
func normalizeJSON(s string) string {
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return s
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return s
	}
	return b.String()
}

func writeIndented(b *bytes.Buffer, s, indent string) {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		fmt.Fprintf(b, "%s(empty)\n", indent)
		return
	}
	for line := range strings.SplitSeq(s, "\n") {
		fmt.Fprintf(b, "%s%s\n", indent, visible([]byte(line)))
	}
}

// writeNumbered writes a case's input with line numbers, control
// characters made visible (invalid cases are full of them).
func writeNumbered(b *bytes.Buffer, s string) {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		fmt.Fprintf(b, "    (empty)\n")
		return
	}
	for i, line := range strings.Split(s, "\n") {
		if line == "" {
			fmt.Fprintf(b, "    %3d |\n", i+1)
			continue
		}
		fmt.Fprintf(b, "    %3d | %s\n", i+1, visible([]byte(line)))
	}
}
