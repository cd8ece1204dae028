package schema

import (
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"github.com/seed02375186/toml"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// printer renders the validator's own messages, for the kinds of error
// the reporter has no wording of its own for.
var printer = message.NewPrinter(language.English)

// longEnum is the number of allowed values beyond which a message stops
// listing them and suggests the nearest one instead.
const longEnum = 10

// message renders the findings at one place as one message, prefixed by
// the key. A pattern is left out when something clearer failed there too
// (pyproject's version pattern beside the PEP 440 format).
func (r *reporter) message(key string, findings []finding) string {
	hasOther := false
	for _, f := range findings {
		if f.pattern == "" {
			hasOther = true
		}
	}
	var unknown string
	var texts []string
	for _, f := range findings {
		if f.pattern != "" && hasOther {
			continue
		}
		if f.unknown {
			unknown = "unknown key " + key + f.text
			continue
		}
		texts = appendNew(texts, r.findingText(f))
	}
	msg := strings.Join(texts, "; ")
	switch {
	case unknown != "" && msg != "":
		return unknown + "; " + msg
	case unknown != "":
		return unknown
	case key != "":
		return key + ": " + msg
	}
	return msg
}

// findingText says what a finding found, without the key.
func (r *reporter) findingText(f finding) string {
	found := func() string {
		if f.subject != "" {
			return f.subject
		}
		return r.found(f.loc)
	}
	switch {
	case f.missing != nil:
		return missingText(f.missing)
	case f.pattern != "":
		return found() + " does not match the pattern " + f.pattern
	case len(f.values) > longEnum:
		text := found() + " is not one of the " + strconv.Itoa(len(f.values)) + " " + enumName(f.schema)
		if len(f.types) > 0 {
			text += " (nor " + typeList(f.types) + ")"
		}
		if v := r.value(f.loc); v.Kind() == toml.KindString {
			if s := r.nearestValue(f, v.Str()); s != "" {
				text += "; did you mean " + strconv.Quote(s) + "?"
			}
		}
		return text
	case f.values != nil || f.types != nil:
		want := f.wants
		if want == nil {
			for _, v := range f.values {
				want = append(want, displayJSON(v))
			}
			for _, t := range f.types {
				want = append(want, typeNoun(t))
			}
		}
		// TOML has no null: an alternative of null is no help.
		if len(want) > 1 {
			want = slices.DeleteFunc(slices.Clone(want), func(w string) bool { return w == typeNoun("null") })
		}
		prefix := "expected "
		if f.types == nil && len(f.values) > 1 {
			prefix = "expected one of "
		}
		return prefix + orList(want) + ", found " + found()
	}
	return f.text
}

// nearestValue returns the string of a long enum nearest to s. A
// document may repeat one bad value many times over (a removed rule code
// in every per-file-ignores list); each is looked for once.
func (r *reporter) nearestValue(f finding, s string) string {
	id := f.schema + "\x00" + s
	if near, ok := r.nearest[id]; ok {
		return near
	}
	var names []string
	for _, v := range f.values {
		if name, ok := v.(string); ok {
			names = append(names, name)
		}
	}
	near := closest(s, names)
	if r.nearest == nil {
		r.nearest = make(map[string]string)
	}
	r.nearest[id] = near
	return near
}

// found describes the value at a location as the message's "found": its
// kind, and for a scalar its source text.
func (r *reporter) found(loc []string) string {
	v := r.value(loc)
	switch v.Kind() {
	case toml.KindTable:
		return "a table"
	case toml.KindArray:
		return "an array"
	case toml.KindInvalid:
		return "nothing"
	}
	text := r.doc.Text(v.Span())
	const maxQuoted = 40
	if len(text) > maxQuoted || strings.ContainsAny(text, "\n\r") {
		cut := min(len(text), maxQuoted)
		for cut > 0 && cut < len(text) && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text, _, _ = strings.Cut(text[:cut], "\n")
		text = strings.TrimRight(text, "\r") + "..."
	}
	return kindNouns[v.Kind()] + " " + text
}

var kindNouns = map[toml.Kind]string{
	toml.KindString:        "string",
	toml.KindInteger:       "integer",
	toml.KindFloat:         "float",
	toml.KindBool:          "boolean",
	toml.KindDateTime:      "offset date-time",
	toml.KindLocalDateTime: "local date-time",
	toml.KindLocalDate:     "local date",
	toml.KindLocalTime:     "local time",
}

// typeNoun names a JSON Schema type as the TOML a user would write.
func typeNoun(t string) string {
	switch t {
	case "object":
		return "a table"
	case "array":
		return "an array"
	case "integer":
		return "an integer"
	case "null":
		return "null (which TOML cannot write)"
	}
	return "a " + t
}

func typeList(types []string) string {
	nouns := make([]string, len(types))
	for i, t := range types {
		nouns[i] = typeNoun(t)
	}
	return orList(nouns)
}

// orList joins "a", "b" and "c" as `a, b or c`.
func orList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// missingText says which required keys are missing: `missing required
// key "name"`, or, when any of several sets would do, `missing required
// key "dynamic" or "version"`.
func missingText(sets [][]string) string {
	var alts []string
	n := 0
	for _, set := range sets {
		quoted := make([]string, len(set))
		for i, k := range set {
			quoted[i] = quoteKey(k)
		}
		n = max(n, len(set))
		alts = appendNew(alts, strings.Join(quoted, " and "))
	}
	noun := "key"
	if n > 1 {
		noun = "keys"
	}
	if len(alts) > 2 || len(alts) == 2 && n > 1 {
		return "missing required " + noun + " " + strings.Join(alts[:len(alts)-1], ", or ") + ", or " + alts[len(alts)-1]
	}
	return "missing required " + noun + " " + strings.Join(alts, " or ")
}

// quoteKey writes a key in double quotes, as messages name one key.
func quoteKey(k string) string { return strconv.Quote(k) }

// pathKey writes one key of a dotted path as TOML would: bare when it
// can be, else as a basic string.
func pathKey(k string) string {
	if k == "" {
		return `""`
	}
	for i := 0; i < len(k); i++ {
		if c := k[i]; !isAlnum(c) && c != '-' && c != '_' {
			return strconv.Quote(k)
		}
	}
	return k
}

// enumName names the list of values a schema location holds: "values
// of ruff's RuleSelector" for ruff.json's definitions/RuleSelector,
// "allowed values" for a list that is not a definition.
func enumName(location string) string {
	rawURL, frag, _ := strings.Cut(location, "#")
	rawURL, _, _ = strings.Cut(rawURL, "?")
	file := strings.TrimSuffix(path.Base(rawURL), ".json")
	toks := strings.Split(frag, "/")
	for i := len(toks) - 2; i >= 0; i-- {
		if toks[i] == "definitions" || toks[i] == "$defs" {
			name, _, _ := strings.Cut(toks[i+1], "@") // a pruned copy is NAME@n
			return "values of " + file + "'s " + name
		}
	}
	return "allowed values"
}

// formatText renders a failed format: `"x" is not a valid PEP 508
// dependency specifier: expected ...`.
func formatText(k *kind.Format) string {
	name := k.Want
	if f, ok := formats[k.Want]; ok {
		name = f.noun
	} else if n, ok := builtinFormatNouns[k.Want]; ok {
		name = n
	}
	text := displayJSON(k.Got) + " is not " + article(name) + " " + name
	if k.Err != nil {
		text += ": " + k.Err.Error()
	}
	return text
}

var builtinFormatNouns = map[string]string{
	"uri":       "absolute URI",
	"email":     "email address",
	"semver":    "semantic version",
	"date":      "RFC 3339 date",
	"time":      "RFC 3339 time",
	"date-time": "RFC 3339 date-time",
	"regex":     "regular expression",
}

func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiouAEIOU", rune(noun[0])) {
		return "an"
	}
	return "a"
}

// displayJSON writes a value of the JSON model as TOML would: strings in
// double quotes, arrays and tables inline.
func displayJSON(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case nil:
		return "null"
	case map[string]any, []any:
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Sprint(v)
		}
		return string(b)
	}
	return fmt.Sprint(v)
}

// describeSchema says in words what a small schema accepts, for "must
// contain" and "must not be": "version", one of "a" or "b", a table with
// "dynamic" listing "version". Larger schemas fall back to their JSON.
func describeSchema(s any, fallback string) string {
	obj, ok := s.(map[string]any)
	if !ok {
		return fallback
	}
	if c, ok := obj["const"]; ok {
		return displayJSON(c)
	}
	if e, ok := obj["enum"].([]any); ok && len(e) <= longEnum {
		var vals []string
		for _, v := range e {
			vals = append(vals, displayJSON(v))
		}
		return "one of " + orList(vals)
	}
	if alts, ok := obj["anyOf"].([]any); ok {
		var vals []string
		for _, a := range alts {
			vals = append(vals, describeSchema(a, ""))
		}
		if !slices.Contains(vals, "") {
			return orList(vals)
		}
	}
	if req, ok := obj["required"].([]any); ok && len(req) == 1 {
		name, _ := req[0].(string)
		props, _ := obj["properties"].(map[string]any)
		sub, _ := props[name].(map[string]any)
		if c, ok := sub["contains"]; ok {
			return "a table whose " + quoteKey(name) + " lists " + describeSchema(c, "a matching element")
		}
		return "a table with " + quoteKey(name)
	}
	b, err := json.Marshal(obj)
	if err != nil || len(b) > 120 {
		return fallback
	}
	return "matched by " + string(b)
}

// describeNot says what a "not" schema forbids: `"dynamic" must not list
// "version"`, `must not have "x"`, `must not be "console_scripts" or
// "gui_scripts"`.
func describeNot(s any) string {
	obj, _ := s.(map[string]any)
	if req, ok := obj["required"].([]any); ok && len(req) == 1 {
		name, _ := req[0].(string)
		props, _ := obj["properties"].(map[string]any)
		sub, _ := props[name].(map[string]any)
		if c, ok := sub["contains"]; ok {
			return quoteKey(name) + " must not list " + describeSchema(c, "such an element")
		}
		if len(obj) == 1 {
			return "must not have " + quoteKey(name)
		}
	}
	return "must not be " + describeSchema(s, "what the schema excludes")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// appendNewValues appends the JSON values not in list already.
func appendNewValues(list []any, items ...any) []any {
	for _, it := range items {
		dup := false
		for _, x := range list {
			if displayJSON(x) == displayJSON(it) {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, it)
		}
	}
	return list
}

// closest returns the name nearest to s, or "" if none is near enough to
// be a likely typo: names are compared without (ASCII) case, and may be
// at most a third of s's length away (at least one edit, never all of s).
// It is the rule the toml package suggests field names by. Enums run to
// thousands of names (ruff's rule codes), so names whose length alone
// puts them too far are skipped, and the rows of the distance table are
// reused.
func closest(s string, names []string) string {
	limit := max(1, len(s)/3)
	best, bestDist := "", limit+1
	var d distance
	for _, name := range names {
		if diff := len(name) - len(s); diff >= bestDist || -diff >= bestDist {
			continue
		}
		dist := d.between(s, name)
		if dist > 0 && dist < bestDist && dist < len(s) {
			best, bestDist = name, dist
		}
	}
	return best
}

// distance computes edit distances with rows it keeps between calls.
type distance struct {
	prev2, prev, cur []int
}

// between counts the insertions, deletions, substitutions and swaps of
// adjacent bytes that turn a into b, ignoring ASCII case (optimal string
// alignment), so that "verison" is one edit from "version".
func (d *distance) between(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		// Typos are found in short names; long ones are not worth the
		// quadratic work.
		if strings.EqualFold(a, b) {
			return 0
		}
		return max(len(a), len(b))
	}
	if cap(d.cur) < len(b)+1 {
		d.prev2, d.prev, d.cur = make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)
	}
	prev2, prev, cur := d.prev2[:len(b)+1], d.prev[:len(b)+1], d.cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if lower(a[i-1]) == lower(b[j-1]) {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && lower(a[i-1]) == lower(b[j-2]) && lower(a[i-2]) == lower(b[j-1]) {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	d.prev2, d.prev, d.cur = prev2, prev, cur
	return prev[len(b)]
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
