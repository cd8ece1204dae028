package schema

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMessagesPyproject pins the wording of each kind of violation, on
// pyproject.json: one message per place, naming the key.
func TestMessagesPyproject(t *testing.T) {
	const head = "[project]\nname = \"p\"\nversion = \"1\"\n"
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"a format and a pattern fail at one place: one message, the format's",
			"[project]\nname = \"p\"\nversion = \"1.0 beta\"\n",
			[]string{`3:11: project.version: "1.0 beta" is not a PEP 440 version: see https://packaging.python.org/en/latest/specifications/version-specifiers/`}},
		{"a dependency's not, and a oneOf that matched twice",
			"[project]\nname = \"p\"\nversion = \"1.0\"\ndynamic = [\"version\"]\n",
			[]string{`1:1: project: with "version" set, "dynamic" must not list "version"; matches more than one of the alternatives where exactly one must match`}},
		{"contains", "[project]\nname = \"p\"\ndynamic = [\"readme\"]\n",
			[]string{`3:11: project.dynamic: must contain "version"`}},
		{"unknown key with a suggestion", head + "licence = \"MIT\"\n",
			[]string{`4:1: unknown key project.licence (did you mean "license"?)`}},
		{"unique elements", head + "keywords = [\"a\", \"b\", \"a\"]\n",
			[]string{`4:23: project.keywords[2]: same as element 0; the elements must differ`}},
		{"PEP 508", head + "dependencies = [\"requests >= 2.0;\", \"flask[async\", \"numpy ~= 1\", \"x @ https://a/b.whl ; python_version<'3'\"]\n",
			[]string{
				`4:17: project.dependencies[0]: "requests >= 2.0;" is not a PEP 508 dependency specifier: expected a marker name or a quoted string, found the end (at character 17)`,
				`4:37: project.dependencies[1]: "flask[async" is not a PEP 508 dependency specifier: expected ',' or ']' in the extras, found the end (at character 12)`,
				`4:52: project.dependencies[2]: "numpy ~= 1" is not a PEP 508 dependency specifier: ~=1 needs at least two release numbers (~=1.0) (at character 10)`,
			}},
		{"key names", head + "[project.entry-points.console_scripts]\nx = \"a:b\"\n",
			[]string{`4:23: project.entry-points.console_scripts: key name not allowed: must not be "console_scripts" or "gui_scripts"`}},
		{"names, specifiers and merged types",
			"[project]\nname = \"p_\"\nversion = \"1\"\nrequires-python = \">=3.8,\"\nreadme = 5\nlicense = 3\n",
			[]string{
				`2:8: project.name: "p_" is not a PEP 508 name: a name must end with a letter or digit: "p_" (at character 2)`,
				`4:19: project.requires-python: ">=3.8," is not a PEP 440 version specifier: a clause between commas is empty`,
				`5:10: project.readme: expected a string or a table, found integer 5`,
				`6:11: project.license: expected a table or a string, found integer 3`,
			}},
		{"build backend", "[build-system]\nrequires = [\"setuptools\"]\nbuild-backend = \"setuptools.build_meta:\"\n",
			[]string{`3:17: build-system.build-backend: "setuptools.build_meta:" is not a PEP 517 build backend (module.path:object.path): object "": a part between dots is empty`}},
		{"alternatives that each want a key", head + "authors = [{}]\n",
			[]string{`4:12: project.authors[0]: missing required key "name" or "email"`}},
		{"a built-in format", head + "urls.home = \"not a url\"\n",
			[]string{`4:13: project.urls.home: "not a url" is not an absolute URI: relative url`}},
		{"a tool's long enum: the nearest value", "[tool.ruff.lint]\nselect = [\"E5O1\", \"F\"]\n",
			[]string{`2:11: tool.ruff.lint.select[0]: string "E5O1" is not one of the ` + ruffRules(t) + ` values of ruff's RuleSelector; did you mean "E501"?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, validateString(t, Embedded("pyproject.json"), tt.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// ruffRules counts the values of ruff.json's RuleSelector.
func ruffRules(t *testing.T) string {
	t.Helper()
	doc, err := loadDoc(storeURL("ruff.json"))
	if err != nil {
		t.Fatal(err)
	}
	defs := doc.(map[string]any)["definitions"].(map[string]any)
	enum := defs["RuleSelector"].(map[string]any)["enum"].([]any)
	return strconv.Itoa(len(enum))
}

// TestMessagesAlternatives checks how a failed anyOf or oneOf is told:
// merged when every branch failed on the value itself, else the branch
// that got furthest into the document; and how a long enum and a key
// name that breaks propertyNames are told.
func TestMessagesAlternatives(t *testing.T) {
	dir := t.TempDir()
	writeSchema(t, dir, "s.json", `{"properties": {
		"types": {"anyOf": [{"type": "string"}, {"type": "object"}, {"type": "array"}]},
		"values": {"anyOf": [{"type": "boolean"}, {"enum": ["auto", "never"]}]},
		"consts": {"oneOf": [{"const": "a"}, {"const": "b"}]},
		"deep": {"anyOf": [
			{"type": "string"},
			{"type": "object", "required": ["w"]},
			{"type": "object", "properties": {"x": {"type": "object", "properties": {"y": {"type": "integer"}}}}}
		]},
		"fewest": {"oneOf": [
			{"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}}},
			{"type": "object", "properties": {"a": {"type": "integer"}, "b": {"type": "string"}}}
		]},
		"long": {"enum": ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo", "lima"]},
		"names": {"type": "object", "propertyNames": {"pattern": "^[a-z]+$"}}
	}}`)
	s, err := Open("s.json", dir)
	if err != nil {
		t.Fatal(err)
	}
	src := `types = 1
values = "sometimes"
consts = "c"
deep = {x = {y = "z"}}
fewest = {a = "s", b = 2}
long = "hotle"
names = {ok = 1, Bad = 2}
`
	want := []string{
		`1:9: types: expected a string, a table or an array, found integer 1`,
		`2:10: values: expected a boolean, "auto" or "never", found string "sometimes"`,
		`3:10: consts: expected one of "a" or "b", found string "c"`,
		`4:18: deep.x.y: expected an integer, found string "z"`,
		`5:24: fewest.b: expected a string, found integer 2`,
		`6:8: long: string "hotle" is not one of the 12 allowed values; did you mean "hotel"?`,
		`7:18: names.Bad: key name not allowed: "Bad" does not match the pattern ^[a-z]+$`,
	}
	if diff := cmp.Diff(want, validateString(t, s, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestClosest(t *testing.T) {
	tests := []struct {
		s     string
		names []string
		want  string
	}{
		{"verison", []string{"name", "version", "versions"}, "version"},
		{"Verison", []string{"version"}, "version"},     // case aside
		{"E5O1", []string{"E501", "E50", "E5"}, "E501"}, // nearest, not first
		{"ab", []string{"abc"}, "abc"},
		{"x", []string{"y"}, ""},                      // the whole of s
		{"name", []string{"name"}, ""},                // the key itself
		{"version", []string{"v", "versionnnnn"}, ""}, // too far by length
		{"features", []string{"featurs", "feature"}, "featurs"},
	}
	for _, tt := range tests {
		if got := closest(tt.s, tt.names); got != tt.want {
			t.Errorf("closest(%q, %q) = %q, want %q", tt.s, tt.names, got, tt.want)
		}
	}
}

// TestKeyNamePlaces checks where key names that break propertyNames are
// reported when several tables hold the same bad name: each at its own
// table, whatever order the validator visited the tables in (it walks
// maps, so the test repeats).
func TestKeyNamePlaces(t *testing.T) {
	dir := t.TempDir()
	writeSchema(t, dir, "s.json", `{"additionalProperties": {"type": "object", "propertyNames": {"pattern": "^[a-z]+$"}}}`)
	s, err := Open("s.json", dir)
	if err != nil {
		t.Fatal(err)
	}
	src := "[a]\nBad = 1\n[b]\nok = 1\n[c]\nWorse = 1\nBad = 2\n[d]\nx = 1\n[e]\nBad = 3\n[f]\ny = 1\n"
	var want []string
	for _, at := range []string{"2:1: a.Bad", "6:1: c.Worse", "7:1: c.Bad", "11:1: e.Bad"} {
		name := at[strings.LastIndex(at, ".")+1:]
		want = append(want, at+`: key name not allowed: "`+name+`" does not match the pattern ^[a-z]+$`)
	}
	for range 30 {
		if diff := cmp.Diff(want, validateString(t, s, src)); diff != "" {
			t.Fatalf("(-want +got):\n%s", diff)
		}
	}
}

// TestMessagesDraft2020 checks a user's schema in draft 2020-12 (not
// pruned; the keywords that later drafts added), the bounds of numbers,
// and TOML's local times, which RFC 3339's time format does not take.
func TestMessagesDraft2020(t *testing.T) {
	dir := t.TempDir()
	writeSchema(t, dir, "s.json", `{
		"$schema": "https://json-schema.org/draft/2020-12/schema",
		"$defs": {"port": {"type": "integer", "minimum": 1, "maximum": 65535}},
		"properties": {
			"server": {
				"type": "object",
				"properties": {"host": {"type": "string"}, "port": {"$ref": "#/$defs/port"}},
				"dependentRequired": {"tls": ["cert"]},
				"unevaluatedProperties": false
			},
			"pair": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false},
			"when": {"type": "string", "format": "date"},
			"at": {"type": "string", "format": "date-time"},
			"t": {"type": "string", "format": "time"},
			"ratio": {"exclusiveMinimum": 0, "multipleOf": 0.5},
			"name": {"minLength": 2},
			"tags": {"minItems": 1}
		}
	}`)
	s, err := Open("s.json", dir)
	if err != nil {
		t.Fatal(err)
	}
	src := `when = 2024-01-15
at = 2024-01-15T10:00:00+02:00
t = 10:00:00
pair = ["a", 1, true]
ratio = 0.75
name = "x"
tags = []
[server]
host = "h"
port = 70000
tls = true
hots = 1
`
	want := []string{
		`3:5: t: a local time has no offset from UTC, which an RFC 3339 time needs (Z or +01:00 at the end)`,
		`4:17: pair[2]: an element beyond those the array may hold`,
		`5:9: ratio: must be a multiple of 0.5, found float 0.75`,
		`6:8: name: must be at least 2 characters long, found 1`,
		`7:8: tags: must have at least 1 element, found 0`,
		`8:1: server: with "tls" set, missing required key "cert"`,
		`10:8: server.port: must be at most 65535, found integer 70000`,
		`11:1: unknown key server.tls`,
		`12:1: unknown key server.hots (did you mean "host"?)`,
	}
	if diff := cmp.Diff(want, validateString(t, s, src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
