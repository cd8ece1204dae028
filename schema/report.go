package schema

import (
	"cmp"
	"math/big"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"github.com/seed02375186/toml"
)

// The validator reports a tree of errors: each keyword that failed, with
// the errors of the subschemas under it. The reporter turns the tree into
// findings, one per thing wrong, and the findings into violations, one
// per place in the document.

// place says where in the source a finding is shown.
type place uint8

const (
	atValue place = iota // the value at the location
	atKey                // the key that names the value at the location
	atTable              // the header, dotted key or braces that made the table
)

// finding is one thing wrong, at an instance location.
type finding struct {
	loc    []string // instance location: keys, and array indexes in decimal
	at     place
	schema string // location of the schema that failed, for messages

	// One of these says what is wrong.
	types   []string   // a value of the wrong type: the JSON types wanted
	values  []any      // a value not among these (enum and const)
	missing [][]string // required keys missing: any one of these sets would do
	pattern string     // a string that does not match this pattern
	text    string     // anything else: the message, without the key

	// wants says what the alternatives of a merged finding wanted, in
	// their order: "a boolean", `"auto"`.
	wants []string

	unknown bool   // an unexpected key; text holds a suggestion, if any
	subject string // what the message calls the value, when not the value at loc (a key name)

	// keyName is set for a key name that broke propertyNames; guess is
	// set when its location must be guessed (see tableWithKey).
	keyName string
	guess   *locationGuess
}

// locationGuess is what is known of where a key name that broke
// propertyNames is: the location of the error above it, the location the
// validator reported (of the right length, its last tokens perhaps
// overwritten), and the schema's location.
type locationGuess struct {
	above, reported []string
	schemaURL       string
}

// depth is how far into the document a finding is, for choosing the
// alternative that got furthest.
func (f finding) depth() int { return len(f.loc) }

func (f finding) isType() bool     { return f.types != nil && f.values == nil }
func (f finding) isValue() bool    { return f.values != nil || f.types != nil }
func (f finding) isRequired() bool { return f.missing != nil }

// reporter turns one document's validation errors into violations.
type reporter struct {
	doc    *toml.Document
	served *servedDocs

	keyIndex map[string]map[string][][]string // see tablesWithKey
	nearest  map[string]string                // see nearestValue
}

func (r *reporter) violations(ve *jsonschema.ValidationError, s *Schema) []Violation {
	findings := r.collect(ve, nil)
	r.placeKeyNames(findings)
	type group struct {
		v        Violation
		findings []finding
	}
	var groups []*group
	byPlace := make(map[string]*group)
	for _, f := range findings {
		key, offset := r.locate(f)
		id := strconv.Itoa(offset) + "\x00" + key
		g := byPlace[id]
		if g == nil {
			g = &group{v: Violation{Key: key, Position: r.doc.Position(offset), Tool: s.owner(f.loc)}}
			byPlace[id] = g
			groups = append(groups, g)
		}
		g.findings = append(g.findings, f)
	}
	out := make([]Violation, 0, len(groups))
	for _, g := range groups {
		g.v.Message = r.message(g.v.Key, g.findings)
		out = append(out, g.v)
	}
	slices.SortStableFunc(out, func(a, b Violation) int {
		return cmp.Or(cmp.Compare(a.Position.Offset, b.Position.Offset), strings.Compare(a.Message, b.Message))
	})
	return out
}

// owner returns the tool whose rules a location falls under.
func (s *Schema) owner(loc []string) string {
	if s.tool != "" {
		return s.tool
	}
	if s.toolTable != "" && len(loc) >= 2 && loc[0] == s.toolTable {
		return loc[1]
	}
	return ""
}

// collect returns the findings of an error and the errors below it.
// above is the location of the nearest error above it whose location can
// be trusted (see tableWithKey).
func (r *reporter) collect(e *jsonschema.ValidationError, above []string) []finding {
	loc := e.InstanceLocation
	f := finding{loc: loc, schema: e.SchemaURL}
	switch k := e.ErrorKind.(type) {
	case *kind.Schema, *kind.Group, *kind.Reference, *kind.AllOf:
		var out []finding
		for _, c := range e.Causes {
			out = append(out, r.collect(c, loc)...)
		}
		return out
	case *kind.AnyOf:
		return r.alternatives(e)
	case *kind.OneOf:
		if len(k.Subschemas) == 0 {
			return r.alternatives(e)
		}
		f.text = "matches more than one of the alternatives where exactly one must match"
	case *kind.AdditionalProperties:
		names := r.propertyNames(e.SchemaURL)
		var out []finding
		for _, p := range k.Properties {
			g := finding{loc: child(loc, p), at: atKey, schema: e.SchemaURL, unknown: true}
			if s := closest(p, names); s != "" {
				g.text = " (did you mean " + strconv.Quote(s) + "?)"
			}
			out = append(out, g)
		}
		return out
	case *kind.FalseSchema:
		switch parent, last := schemaParent(e.SchemaURL); {
		case last == "unevaluatedProperties" && r.isKey(loc):
			// The 2019-09 and later spelling of additionalProperties: false.
			f.at, f.unknown = atKey, true
			if s := closest(loc[len(loc)-1], r.propertyNames(parent)); s != "" {
				f.text = " (did you mean " + strconv.Quote(s) + "?)"
			}
		case last == "items" || last == "additionalItems" || last == "unevaluatedItems":
			f.text = "an element beyond those the array may hold"
		case r.isKey(loc):
			f.at, f.text = atKey, "key not allowed here"
		default:
			f.text = "not allowed here"
		}
	case *kind.PropertyNames:
		f.at, f.keyName = atKey, k.Property
		if len(above) >= len(loc) {
			f.loc = child(above[:len(loc)], k.Property)
		} else {
			f.guess = &locationGuess{above: above, reported: slices.Clone(loc), schemaURL: e.SchemaURL}
			f.loc = child(loc, k.Property) // of the right length until placeKeyNames
		}
		f.text = "key name not allowed"
		if why := r.reasons(e.Causes, strconv.Quote(k.Property)); why != "" {
			f.text += ": " + why
		}
	case *kind.Required:
		f.at, f.missing = atTable, [][]string{k.Missing}
	case *kind.Dependency:
		f.at, f.text = atTable, "with "+quoteKey(k.Prop)+" set, "+missingText([][]string{k.Missing})
	case *kind.DependentRequired:
		f.at, f.text = atTable, "with "+quoteKey(k.Prop)+" set, "+missingText([][]string{k.Missing})
	case *kind.Type:
		f.types = k.Want
	case *kind.Enum:
		f.values = k.Want
	case *kind.Const:
		f.values = []any{k.Want}
	case *kind.Pattern:
		f.pattern = k.Want
	case *kind.Format:
		f.text = formatText(k)
		if v := r.value(loc).Kind(); (k.Want == "time" || k.Want == "date-time") && (v == toml.KindLocalTime || v == toml.KindLocalDateTime) {
			f.text = "a " + kindNouns[v] + " has no offset from UTC, which an RFC 3339 " + k.Want + " needs (Z or +01:00 at the end)"
		}
	case *kind.Minimum:
		f.text = "must be at least " + ratText(k.Want) + ", found " + r.found(loc)
	case *kind.Maximum:
		f.text = "must be at most " + ratText(k.Want) + ", found " + r.found(loc)
	case *kind.ExclusiveMinimum:
		f.text = "must be more than " + ratText(k.Want) + ", found " + r.found(loc)
	case *kind.ExclusiveMaximum:
		f.text = "must be less than " + ratText(k.Want) + ", found " + r.found(loc)
	case *kind.MultipleOf:
		f.text = "must be a multiple of " + ratText(k.Want) + ", found " + r.found(loc)
	case *kind.MinLength:
		f.text = "must be at least " + plural(k.Want, "character") + " long, found " + strconv.Itoa(k.Got)
	case *kind.MaxLength:
		f.text = "must be at most " + plural(k.Want, "character") + " long, found " + strconv.Itoa(k.Got)
	case *kind.MinItems:
		f.text = "must have at least " + plural(k.Want, "element") + ", found " + strconv.Itoa(k.Got)
	case *kind.MaxItems:
		f.text = "must have at most " + plural(k.Want, "element") + ", found " + strconv.Itoa(k.Got)
	case *kind.MinProperties:
		f.text = "must have at least " + plural(k.Want, "key") + ", found " + strconv.Itoa(k.Got)
	case *kind.MaxProperties:
		f.text = "must have at most " + plural(k.Want, "key") + ", found " + strconv.Itoa(k.Got)
	case *kind.UniqueItems:
		f.loc = child(loc, strconv.Itoa(k.Duplicates[1]))
		f.text = "same as element " + strconv.Itoa(k.Duplicates[0]) + "; the elements must differ"
	case *kind.AdditionalItems:
		if n := r.arrayLen(loc); n >= k.Count {
			f.loc = child(loc, strconv.Itoa(n-k.Count))
		}
		f.text = "too many elements: " + plural(k.Count, "element") + " more than the schema allows"
	case *kind.Contains, *kind.MinContains:
		f.text = "must contain " + describeSchema(r.served.at(e.SchemaURL+"/contains"), "a matching element")
	case *kind.Not:
		f.text = describeNot(r.served.at(e.SchemaURL + "/not"))
		if key := dependencyKey(e.SchemaURL); key != "" {
			f.at, f.text = atTable, "with "+quoteKey(key)+" set, "+f.text
		}
	case *kind.InvalidJsonValue:
		if v, ok := k.Value.(nonFinite); ok {
			f.text = string(v) + " is not a number JSON can hold, so the schema cannot accept it"
		} else {
			f.text = k.LocalizedString(printer)
		}
	default:
		f.text = k.LocalizedString(printer)
	}
	return []finding{f}
}

// reasons renders the findings under an error about a value that is not
// in the document (a key's name) as one clause.
func (r *reporter) reasons(causes []*jsonschema.ValidationError, subject string) string {
	var texts []string
	for _, c := range causes {
		for _, f := range r.collect(c, nil) {
			f.subject = subject
			texts = appendNew(texts, r.findingText(f))
		}
	}
	return strings.Join(texts, "; ")
}

// alternatives reports a failed anyOf or oneOf: the branch that got
// furthest, as python-jsonschema's best_match does, or one finding that
// merges the branches when each failed on the value itself: "expected a
// string or a table", "expected one of ...", `missing "a" or "b"`.
func (r *reporter) alternatives(e *jsonschema.ValidationError) []finding {
	here := len(e.InstanceLocation)
	branches := make([][]finding, len(e.Causes))
	for i, c := range e.Causes {
		branches[i] = r.collect(c, e.InstanceLocation)
	}
	at := func(b []finding, is func(finding) bool) bool {
		return len(b) == 1 && b[0].depth() == here && b[0].at == atValue && is(b[0])
	}
	// Each branch wanted another kind or value: say what would do.
	merged := finding{loc: e.InstanceLocation, schema: e.SchemaURL}
	allValue := len(branches) > 0
	for _, b := range branches {
		if !at(b, finding.isValue) {
			allValue = false
			break
		}
		merged.types = appendNew(merged.types, b[0].types...)
		merged.values = appendNewValues(merged.values, b[0].values...)
		for _, v := range b[0].values {
			merged.wants = appendNew(merged.wants, displayJSON(v))
		}
		for _, t := range b[0].types {
			merged.wants = appendNew(merged.wants, typeNoun(t))
		}
		if merged.schema == e.SchemaURL && len(b[0].values) > 0 {
			merged.schema = b[0].schema // an enum's name for long lists
		}
	}
	if allValue {
		return []finding{merged}
	}
	// The branches that accept the value's kind.
	var rest [][]finding
	for _, b := range branches {
		if !at(b, finding.isType) {
			rest = append(rest, b)
		}
	}
	if len(rest) == 0 {
		rest = branches
	}
	// Each wanted other keys in the table: say which would do.
	required := len(rest) > 1
	for _, b := range rest {
		if len(b) != 1 || b[0].depth() != here || !b[0].isRequired() {
			required = false
			break
		}
	}
	if required {
		merged := finding{loc: e.InstanceLocation, at: atTable, schema: e.SchemaURL}
		for _, b := range rest {
			merged.missing = append(merged.missing, b[0].missing...)
		}
		return []finding{merged}
	}
	best := rest[0]
	for _, b := range rest[1:] {
		if d, bd := deepest(b), deepest(best); d > bd || d == bd && len(b) < len(best) {
			best = b
		}
	}
	return best
}

func deepest(fs []finding) int {
	d := -1
	for _, f := range fs {
		d = max(d, f.depth())
	}
	return d
}

// locate finds a finding's place in the source: its dotted key and the
// offset to report. A location the document does not have (which the
// validator does not make) is reported at the deepest node it has.
func (r *reporter) locate(f finding) (key string, offset int) {
	node := r.doc.Root()
	var b strings.Builder
	var entry toml.Entry
	haveEntry := false
walk:
	for _, tok := range f.loc {
		switch node.Kind() {
		case toml.KindTable:
			e, ok := node.Table().Lookup(tok)
			if !ok {
				break walk
			}
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(pathKey(tok))
			node, entry, haveEntry = e.Value, e, true
		case toml.KindArray:
			i, err := strconv.Atoi(tok)
			if a := node.Array(); err != nil || i < 0 || i >= a.Len() {
				break walk
			}
			b.WriteString("[" + tok + "]")
			node, haveEntry = node.Array().Index(i), false
		default:
			break walk
		}
	}
	switch {
	case f.at == atKey && haveEntry:
		return b.String(), entry.Key.Span.Start
	case node.Kind() == toml.KindTable && node.Table().Origin() == toml.RootTable:
		return b.String(), 0
	}
	return b.String(), node.Span().Start
}

// value returns the node at an instance location, or the zero Value.
func (r *reporter) value(loc []string) toml.Value {
	node := r.doc.Root()
	for _, tok := range loc {
		switch node.Kind() {
		case toml.KindTable:
			node = node.Table().Get(tok)
		case toml.KindArray:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= node.Array().Len() {
				return toml.Value{}
			}
			node = node.Array().Index(i)
		default:
			return toml.Value{}
		}
	}
	return node
}

// isKey reports whether a location names a key of a table (rather than
// an element of an array, or the document).
func (r *reporter) isKey(loc []string) bool {
	return len(loc) > 0 && r.value(loc[:len(loc)-1]).Kind() == toml.KindTable
}

func (r *reporter) arrayLen(loc []string) int {
	return r.value(loc).Array().Len()
}

// placeKeyNames sets the location of each key name that broke
// propertyNames whose location had to be guessed. The validator hands
// such an error a location that shares its memory with the walk's, and
// that may have been overwritten by the time it is read (jsonschema
// v6.0.3, validator.go: InstanceLocation = vd.vloc), though it keeps its
// length; every other error's location is a copy. The first tokens are
// those of the nearest error above it; the table is then one at the
// right depth below that holds the key: the one the reported location
// names, else the one the schema location names through properties, else
// the one that shares the most tokens with the reported location; and
// one that another such error has not claimed already, for each table
// with a bad key name has an error of its own.
func (r *reporter) placeKeyNames(findings []finding) {
	claimed := make(map[string]bool)
	id := func(loc []string) string { return strings.Join(loc, "\x00") }
	for _, f := range findings {
		if f.keyName != "" && f.guess == nil {
			claimed[id(f.loc)] = true
		}
	}
	for i := range findings {
		f := &findings[i]
		if f.guess == nil {
			continue
		}
		var candidates [][]string
		depth := len(f.guess.reported)
		rebuilt := append(slices.Clone(f.guess.above), f.guess.reported[len(f.guess.above):]...)
		if r.hasKey(rebuilt, f.keyName) {
			candidates = append(candidates, rebuilt)
		}
		if named := propertiesPath(f.guess.schemaURL); len(named) == depth && slices.Equal(named[:len(f.guess.above)], f.guess.above) && r.hasKey(named, f.keyName) {
			candidates = append(candidates, named)
		}
		below := slices.Clone(r.tablesWithKey(f.guess.above, depth-len(f.guess.above), f.keyName))
		shared := func(c []string) int {
			n := 0
			for i := range c {
				if c[i] == rebuilt[i] {
					n++
				}
			}
			return n
		}
		slices.SortStableFunc(below, func(a, b []string) int { return cmp.Compare(shared(b), shared(a)) })
		candidates = append(candidates, below...)
		if len(candidates) == 0 {
			continue // not found: left where the validator said
		}
		table := candidates[0]
		for _, c := range candidates {
			if !claimed[id(child(c, f.keyName))] {
				table = c
				break
			}
		}
		f.loc = child(table, f.keyName)
		claimed[id(f.loc)] = true
	}
}

// hasKey reports whether the value at a location is a table holding key.
func (r *reporter) hasKey(loc []string, key string) bool {
	v := r.value(loc)
	_, ok := v.Table().Lookup(key)
	return v.Kind() == toml.KindTable && ok
}

// tablesWithKey returns the locations of the tables depth levels below
// the location above that hold key, in document order. The tables at
// that depth are indexed by their keys once per reporter, so that many
// such errors cost one walk.
func (r *reporter) tablesWithKey(above []string, depth int, key string) [][]string {
	id := strings.Join(above, "\x00") + "\x01" + strconv.Itoa(depth)
	index, ok := r.keyIndex[id]
	if !ok {
		index = make(map[string][][]string)
		var walk func(v toml.Value, path []string)
		walk = func(v toml.Value, path []string) {
			if len(path) == len(above)+depth {
				for _, e := range v.Table().Entries() {
					index[e.Key.Name] = append(index[e.Key.Name], slices.Clone(path))
				}
				return
			}
			switch v.Kind() {
			case toml.KindTable:
				for _, e := range v.Table().Entries() {
					walk(e.Value, append(path, e.Key.Name))
				}
			case toml.KindArray:
				for i, e := range v.Array().Elems() {
					walk(e, append(path, strconv.Itoa(i)))
				}
			}
		}
		walk(r.value(above), slices.Clone(above))
		if r.keyIndex == nil {
			r.keyIndex = make(map[string]map[string][][]string)
		}
		r.keyIndex[id] = index
	}
	return index[key]
}

// propertiesPath returns the instance location a schema location names
// when it goes through properties alone, as .../properties/a/properties/b
// /propertyNames names a.b; nil otherwise.
func propertiesPath(schemaURL string) []string {
	_, frag, _ := strings.Cut(schemaURL, "#")
	frag = strings.TrimSuffix(frag, "/propertyNames")
	toks := strings.Split(strings.TrimPrefix(frag, "/"), "/")
	if frag == "" || len(toks)%2 != 0 {
		return nil
	}
	var path []string
	for i := 0; i < len(toks); i += 2 {
		if toks[i] != "properties" {
			return nil
		}
		tok, err := url.PathUnescape(toks[i+1])
		if err != nil {
			return nil
		}
		path = append(path, strings.NewReplacer("~1", "/", "~0", "~").Replace(tok))
	}
	return path
}

// propertyNames returns the keys a schema object names in properties.
func (r *reporter) propertyNames(schemaURL string) []string {
	obj, _ := r.served.at(schemaURL).(map[string]any)
	props, _ := obj["properties"].(map[string]any)
	names := make([]string, 0, len(props))
	for name := range props {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

func child(loc []string, tok string) []string {
	return append(slices.Clip(loc), tok)
}

// schemaParent splits a schema location into the location of the schema
// object that holds the last keyword, and that keyword:
// "u#/properties/a/items" gives "u#/properties/a" and "items".
func schemaParent(schemaURL string) (parent, last string) {
	i := strings.LastIndexByte(schemaURL, '/')
	if i < 0 || !strings.Contains(schemaURL[:i+1], "#") {
		return schemaURL, ""
	}
	return schemaURL[:i], schemaURL[i+1:]
}

// ratText writes a bound as a number: 65535, 0.5.
func ratText(r *big.Rat) string {
	if r == nil {
		return "?"
	}
	if r.IsInt() {
		return r.Num().String()
	}
	f, _ := r.Float64()
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// dependencyKey returns KEY when a schema location is that of
// dependencies/KEY (the schema that applies when a table has KEY).
func dependencyKey(schemaURL string) string {
	_, frag, _ := strings.Cut(schemaURL, "#")
	i := strings.LastIndex(frag, "/dependencies/")
	if i < 0 {
		return ""
	}
	key := frag[i+len("/dependencies/"):]
	if strings.Contains(key, "/") {
		return ""
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(key)
}

func appendNew[T comparable](list []T, items ...T) []T {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}
