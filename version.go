package toml

import "fmt"

// Version is a version of the TOML specification, by which a document is
// read. Parse, ParseString, Unmarshal and a new Decoder read TOML 1.0.0;
// TOML 1.1.0 is read only when asked for, per call: V1_1.Parse,
// V1_1.ParseString, or Decoder.Version(V1_1). Nothing global changes it.
//
// TOML 1.1.0 (2025-12-18) adds to 1.0.0, and changes nothing 1.0.0 allows:
// newlines, comments and a trailing comma inside inline tables; the \e and
// \xHH escapes in basic strings and quoted keys; and times and date-times
// without seconds (14:15, 1979-05-27 07:32), read as seconds zero. A
// document read as 1.0 that uses any of these is rejected with a
// *ParseError at the first, which names it and says it is TOML 1.1, if
// the document is TOML 1.1 (otherwise the error is the one reading it as
// 1.1 gives). Portability lists all of them at once.
//
// Bare keys are ASCII letters, digits, '-' and '_' in TOML 1.1.0 as in
// 1.0.0: drafts of 1.1 allowed other letters, the release does not.
//
// The encoder always writes TOML 1.0.0, which readers of either version
// accept.
type Version uint8

// The versions of TOML.
const (
	V1_0 Version = iota // TOML 1.0.0, the default
	V1_1                // TOML 1.1.0
)

// String returns the version's full number, "1.0.0" or "1.1.0", as the
// specification and toml-test name it.
func (v Version) String() string {
	switch v {
	case V1_0:
		return "1.0.0"
	case V1_1:
		return "1.1.0"
	}
	return fmt.Sprintf("Version(%d)", uint8(v))
}

// ParseVersion reads a TOML version as a command-line flag gives it:
// "1.0" or "1.0.0", "1.1" or "1.1.0".
func ParseVersion(s string) (Version, error) {
	switch s {
	case "1.0", "1.0.0":
		return V1_0, nil
	case "1.1", "1.1.0":
		return V1_1, nil
	}
	return 0, fmt.Errorf("toml: unknown TOML version %q (want 1.0 or 1.1)", s)
}

// valid reports whether v is one of the versions this package reads.
func (v Version) valid() bool { return v <= V1_1 }

// unknown is the error for a Version that is not one of the constants.
func (v Version) unknown() error {
	return fmt.Errorf("toml: unknown TOML version %s (want toml.V1_0 or toml.V1_1)", v)
}

// Parse is the package's Parse for a document of TOML version v.
func (v Version) Parse(data []byte) (*Document, error) {
	if !v.valid() {
		return nil, v.unknown()
	}
	return newParser(string(data), 0, v, false).parse()
}

// ParseString is the package's ParseString for a document of TOML version v.
func (v Version) ParseString(src string) (*Document, error) {
	if !v.valid() {
		return nil, v.unknown()
	}
	return newParser(src, 0, v, false).parse()
}

// Version returns the version of TOML the document was parsed as.
func (d *Document) Version() Version { return d.tree.version }

// The constructs of TOML 1.1 that TOML 1.0 does not allow, as Construct
// names them and the errors of a 1.0 parse say.
const (
	constructInlineNewline = "newline in an inline table"
	constructInlineComma   = "trailing comma in an inline table"
	constructInlineComment = "comment in an inline table"
	constructEscapeE       = `\e escape`
	constructEscapeX       = `\xHH escape`
	constructNoSeconds     = "time without seconds"
)

// newerHint ends the message of an error for a construct of TOML 1.1 met
// while reading TOML 1.0: it says how to read the document as 1.1, in the
// library and with the toml command.
const newerHint = " is TOML 1.1; parse with toml.V1_1 or --toml 1.1"

// noSecondsMessage is the message for a time without seconds in TOML 1.0.
// The date-time scanner, which has no lexer, returns it as it is.
const noSecondsMessage = constructNoSeconds + newerHint

// newer is the error for a construct of TOML 1.1 (one of the construct
// names) at offset at, in a document read as TOML 1.0. It marks the parse
// as failed on a 1.1 construct: see parser.parse.
func (l *lexer) newer(at int, construct string) error {
	l.sawNewer = true
	return l.errorAt(at, "%s", construct+newerHint)
}

// Construct is one use of a construct of TOML 1.1 that TOML 1.0 does not
// allow, found by Portability. Name is one of:
//
//   - "newline in an inline table": one line break (LF or CRLF) between
//     the braces of an inline table but inside no value; Span is the line
//     break itself. A table written over five lines has four (or more, with
//     blank lines), each reported at the end of its line.
//   - "comment in an inline table": a comment between the braces of an
//     inline table; Span is the comment, from # to the end of its line
//     (the line break is a construct of its own).
//   - "trailing comma in an inline table": a comma after the last pair of
//     an inline table; Span is the comma.
//   - `\e escape`: Span is the two bytes \e, in a basic string, a
//     multi-line basic string or a quoted key.
//   - `\xHH escape`: Span is the four bytes \xHH, in the same places.
//   - "time without seconds": a local time, local date-time or offset
//     date-time whose seconds are left out (14:15, 1979-05-27 07:32Z);
//     Span is empty and sits right after the minutes, where ":00" would
//     go.
//
// Position is where Span starts. The spans are byte offsets into the
// document, as in Document.Text, so that a tool can rewrite each construct
// in TOML 1.0 terms: join the lines of an inline table, drop its comments
// or move them out, drop the comma, write \e as \u001B and \xHH as
// \u00HH, insert ":00".
type Construct struct {
	Name     string
	Span     Span
	Position Position
}

// Portability reads data as TOML 1.1 and returns every use of a construct
// of TOML 1.1 that TOML 1.0 does not allow, in source order, with the
// lowest version of TOML that can read the document: V1_0 when there is
// none, V1_1 otherwise. A document that is not TOML 1.1 either gives the
// *ParseError of TOML 1.1 and no constructs.
//
// Parse, ParseString and Unmarshal look for none of this: they read TOML
// 1.0 and stop at the first 1.1 construct.
func Portability(data []byte) (needs Version, uses []Construct, err error) {
	p := newParser(string(data), 0, V1_1, false)
	p.uses = &uses
	doc, err := p.parse()
	if err != nil {
		return 0, nil, err
	}
	if len(uses) == 0 {
		return V1_0, nil, nil
	}
	// Most are found in order; a trailing comma only once the blank
	// lines and comments after it are read.
	sortConstructs(uses)
	for i := range uses {
		uses[i].Position = doc.Position(uses[i].Span.Start)
	}
	return V1_1, uses, nil
}

// sortConstructs puts constructs in source order: by start, and an empty
// span before one that starts at the same place.
func sortConstructs(uses []Construct) {
	// Insertion sort: the list is in order but for a few trailing commas,
	// each a few places late.
	for i := 1; i < len(uses); i++ {
		for j := i; j > 0 && uses[j].Span.Start < uses[j-1].Span.Start; j-- {
			uses[j], uses[j-1] = uses[j-1], uses[j]
		}
	}
}

// use records a construct of TOML 1.1 at src[start:end] if Portability
// asked for them.
func (l *lexer) use(construct string, start, end int) {
	if l.uses != nil {
		*l.uses = append(*l.uses, Construct{Name: construct, Span: Span{start, end}})
	}
}
