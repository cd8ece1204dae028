package toml_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/seed02375186/toml"
)

// TestDowngrade pins the TOML 1.0 text Downgrade writes for each construct
// of TOML 1.1.
func TestDowngrade(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"a TOML 1.0 document comes back as it is",
			"a = 1 # one\n", "a = 1 # one\n"},
		{"escapes",
			"a = \"\\e[1m\\x41\\xff\"\n\"k\\e\" = 1\n", "a = \"\\u001B[1m\\u0041\\u00FF\"\n\"k\\u001B\" = 1\n"},
		{"escapes in a multi-line string",
			"a = \"\"\"\n\\e\"\"\"\n", "a = \"\"\"\n\\u001B\"\"\"\n"},
		{"times without seconds",
			"t = 07:32\ndt = 1979-05-27 07:32\nodt = 1979-05-27T07:32Z\n", "t = 07:32:00\ndt = 1979-05-27 07:32:00\nodt = 1979-05-27T07:32:00Z\n"},
		{"a trailing comma",
			"a = { x = 1, }\n", "a = { x = 1 }\n"},
		{"an inline table over lines, onto one",
			"dep = {\n  version = \"1\",\n  features = [\"derive\"],\n}\nnext = 2\n",
			"dep = { version = \"1\", features = [\"derive\"] }\nnext = 2\n"},
		{"an inline table with comments, inside an array: the comments go above its line",
			"a = [{ x = 1, # why\n}]\n",
			"# why\na = [{ x = 1 }]\n"},
		{"an inline table with comments on a line of its own becomes a table",
			"[tool.ruff]\nline-length = 100\n# per file\nper-file = { # the old ones\n  \"a.py\" = \"py37\", # a\n  # more\n  \"b.py\" = \"py38\",\n}\nexclude = [\"x\"]\n\n[lint]\nselect = [\"E\"]\n",
			"[tool.ruff]\nline-length = 100\nexclude = [\"x\"]\n\n# per file\n[tool.ruff.per-file] # the old ones\n\"a.py\" = \"py37\" # a\n# more\n\"b.py\" = \"py38\"\n\n[lint]\nselect = [\"E\"]\n"},
		{"an inner table with comments becomes a sub-table",
			"t = {\n  a = 1,\n  b = { c = 2, # c\n  },\n}\n",
			"[t]\na = 1\n\n[t.b]\nc = 2 # c\n"},
		{"escapes inside a table that moves",
			"t = { # c\n  \"k\\e\" = \"\\x41\",\n}\n",
			"[t] # c\n\"k\\u001B\" = \"\\u0041\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := toml.Downgrade([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if _, err := toml.Parse(got); err != nil {
				t.Errorf("TOML 1.0 rejects the result: %v", err)
			}
		})
	}
}

// TestDowngradeInvalid checks that a document TOML 1.1 rejects gives that
// error and no output.
func TestDowngradeInvalid(t *testing.T) {
	out, err := toml.Downgrade([]byte("a = {\n"))
	var pe *toml.ParseError
	if out != nil || !errors.As(err, &pe) {
		t.Errorf("Downgrade = %q, %v; want no output and a *ParseError", out, err)
	}
}
