package bench

// escapeWords mixes plain words with every escape TOML basic strings allow,
// including \u and \U code points, so decoders must unescape as they go.
var escapeWords = []string{
	"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing",
	`\"quoted\"`, `C:\\Program Files\\app`, `tab\there`, `line\nbreak`,
	`\u00e9t\u00e9`, `\U0001F600`, `bell\b`, `feed\f`, `carriage\r`,
	"naïve", "日本語", "Ωμέγα",
}

// GenerateEscapedStrings writes [[entry]] tables, each with a long basic
// string full of escapes, a multi-line basic string with line-ending
// backslashes, and a multi-line literal string holding a regular expression,
// as gitleaks and cliff configs do.
func GenerateEscapedStrings(size int) []byte {
	w := newWriter(size)
	for i := 0; len(w.b) < size; i++ {
		w.str("[[entry]]\nid = ").int(i).str("\ntext = \"")
		for range 60 + w.intn(120) {
			w.str(w.pick(escapeWords)).str(" ")
		}
		w.str("\"\nbody = \"\"\"\n")
		for range 3 + w.intn(5) {
			for range 8 + w.intn(8) {
				w.str(w.pick(escapeWords)).str(" ")
			}
			w.str("\\\n    ")
		}
		w.str("end\"\"\"\nregex = '''(?i)\\b(")
		for range 2 + w.intn(4) {
			w.str(w.name()).str("|")
		}
		w.str(`x)[\w.-]{0,50}?(?:=|>|:{1,3}=|\|\|:|<=|=>|:)(?:'|\"|\s|=|\x60){0,5}([a-z0-9]{32})\b'''`).str("\n\n")
	}
	return w.b
}
