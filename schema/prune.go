package schema

import (
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// Pruning: compile only what a document reaches.
//
// The compiler compiles a schema file whole, with every file it refers to,
// and validates each against its metaschema: SchemaStore's pyproject.json
// reaches 27 files and takes 150 ms or more to compile. A document uses a
// small part of that. Before compiling, each schema object on the
// document's path is copied without the parts that cannot apply to the
// document (or with true in their place):
//
//   - properties for keys the table does not have (a property applies only
//     to a key that is there), dropped altogether unless unknown keys are
//     errors, whose messages suggest the nearest name;
//   - keywords of objects at a value that is not a table, and keywords of
//     arrays at a value that is not an array, dropped;
//   - additionalProperties when every key of the table is named in
//     properties, and the schema of a dependency whose key is absent.
//
// A $ref on the path to a definition of the same file, or to another file
// as a whole, is pointed at a copy pruned for the value at that place
// (definitions are copied under a new name, NAME@n; files get a URL of
// their own with ?toml-instance=n). The definitions that nothing refers to
// any more are dropped, and the files nothing refers to are never loaded.
// The result validates the document exactly as the whole schema does,
// since every keyword that could apply to it is still there.
//
// A file is pruned only if its local references all point into its
// definitions (a "#" or "#/properties/..." would apply a pruned copy to
// another value) and it has no $id below its root; the others are
// compiled whole. Only draft-06 and draft-07 files are pruned: later
// drafts let keywords beside a $ref apply, and have dynamic references.

// instanceParam names, in a pruned file's URL, its entry in the session.
const instanceParam = "toml-instance"

// prunedFile is a schema file to be pruned for one value of the document.
type prunedFile struct {
	url  string // the file's own URL
	inst any    // the value it will validate
	path string // where that value is, for memo keys
}

// pruneSession is one compilation's set of pruned files.
type pruneSession struct {
	mu    sync.Mutex
	files []prunedFile
	byKey map[string]int
}

func newPruneSession() *pruneSession {
	return &pruneSession{byKey: make(map[string]int)}
}

// add returns the URL of fileURL pruned for the value inst at path.
func (s *pruneSession) add(fileURL string, inst any, path string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := fileURL + "\x00" + path
	n, ok := s.byKey[key]
	if !ok {
		n = len(s.files)
		s.files = append(s.files, prunedFile{url: fileURL, inst: inst, path: path})
		s.byKey[key] = n
	}
	return withInstance(fileURL, n)
}

func withInstance(fileURL string, n int) string {
	u, err := url.Parse(fileURL)
	if err != nil {
		return fileURL
	}
	q := u.Query()
	q.Set(instanceParam, strconv.Itoa(n))
	u.RawQuery = q.Encode()
	return u.String()
}

// lookup returns the number of the pruned file a URL names, if it names one.
func (s *pruneSession) lookup(rawURL string) (int, bool) {
	rawURL, _, _ = strings.Cut(rawURL, "#")
	u, err := url.Parse(rawURL)
	if err != nil || !u.Query().Has(instanceParam) {
		return 0, false
	}
	n, err := strconv.Atoi(u.Query().Get(instanceParam))
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil || n < 0 || n >= len(s.files) {
		return 0, false
	}
	return n, true
}

// pruneInfo is what pruning needs to know of a file, found once per file.
type pruneInfo struct {
	ok      bool
	defsKey string // "definitions" or "$defs"
}

var pruneInfos sync.Map // URL -> pruneInfo

func pruneInfoOf(fileURL string, doc map[string]any) pruneInfo {
	if v, ok := pruneInfos.Load(fileURL); ok {
		return v.(pruneInfo)
	}
	info := findPruneInfo(doc)
	pruneInfos.Store(fileURL, info)
	return info
}

func findPruneInfo(doc map[string]any) pruneInfo {
	if d, ok := doc["$schema"].(string); ok && !strings.Contains(d, "draft-07") && !strings.Contains(d, "draft-06") {
		return pruneInfo{}
	}
	info := pruneInfo{ok: true, defsKey: "definitions"}
	_, hasDefs := doc["definitions"]
	_, hasDollarDefs := doc["$defs"]
	switch {
	case hasDefs && hasDollarDefs:
		return pruneInfo{}
	case hasDollarDefs:
		info.defsKey = "$defs"
	}
	var walk func(node any, root bool)
	walk = func(node any, root bool) {
		obj, ok := node.(map[string]any)
		if !ok || !info.ok {
			return
		}
		if _, ok := obj["$id"]; ok && !root {
			info.ok = false
			return
		}
		if ref, ok := obj["$ref"].(string); ok && strings.HasPrefix(ref, "#") {
			if _, _, ok := localDef(ref, info.defsKey); !ok {
				info.ok = false
				return
			}
		}
		eachSubschema(obj, func(sub any) { walk(sub, false) })
	}
	walk(doc, true)
	return info
}

// localDef splits a local reference into a definition: "#/definitions/X"
// gives X's escaped name and whole=true; "#/definitions/X/properties/y"
// gives X and whole=false. ok is false for any other reference.
func localDef(ref, defsKey string) (name string, whole, ok bool) {
	rest, found := strings.CutPrefix(ref, "#/"+defsKey+"/")
	if !found || rest == "" {
		return "", false, false
	}
	name, _, more := strings.Cut(rest, "/")
	return name, !more, name != ""
}

// unescapeDef turns a definition's name as a reference writes it (a
// percent-encoded JSON pointer token) into the key of the definitions map.
func unescapeDef(token string) (string, bool) {
	s, err := url.PathUnescape(token)
	if err != nil {
		return "", false
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(s), true
}

// pruner prunes one file for one value.
type pruner struct {
	session *pruneSession
	base    *url.URL       // the file's URL, against which references resolve
	defsKey string         // where the file keeps its definitions
	defs    map[string]any // the file's definitions
	made    map[string]any // the pruned copies of definitions, by new name
	memo    map[string]string
}

// prune returns the document of file n of the session pruned for its
// value, with a URL of its own as its $id. A file that cannot be pruned is
// returned whole.
func (s *pruneSession) prune(n int, doc any) any {
	s.mu.Lock()
	f := s.files[n]
	s.mu.Unlock()
	obj, ok := doc.(map[string]any)
	if !ok {
		return doc
	}
	info := pruneInfoOf(f.url, obj)
	if !info.ok {
		return doc
	}
	// References resolve against the file's $id, as the compiler resolves
	// those that pruning leaves alone.
	base, err := url.Parse(f.url)
	if err != nil {
		return doc
	}
	if id, ok := obj["$id"].(string); ok {
		ref, err := url.Parse(id)
		if err != nil {
			return doc
		}
		base = base.ResolveReference(ref)
		base.Fragment = ""
	}
	defs, _ := obj[info.defsKey].(map[string]any)
	p := &pruner{
		session: s, base: base, defsKey: info.defsKey, defs: defs,
		made: make(map[string]any), memo: make(map[string]string),
	}
	root := make(map[string]any, len(obj))
	for k, v := range obj {
		if k != info.defsKey {
			root[k] = v
		}
	}
	out := p.node(root, f.inst, f.path).(map[string]any)
	out["$id"] = withInstance(base.String(), n)
	if kept := p.reachable(out); len(kept) > 0 {
		out[info.defsKey] = kept
	}
	return out
}

// node returns a schema object pruned for the value inst.
func (p *pruner) node(sch any, inst any, path string) any {
	obj, ok := sch.(map[string]any)
	if !ok {
		return sch
	}
	if ref, ok := obj["$ref"].(string); ok {
		// Draft 6 and 7 ignore the keywords beside a $ref.
		return p.ref(obj, ref, inst, path)
	}
	out := make(map[string]any, len(obj))
	for k, v := range obj {
		out[k] = v
	}
	table, isTable := inst.(map[string]any)
	_, isArray := inst.([]any)

	if !isTable {
		for _, kw := range objectKeywords {
			delete(out, kw)
		}
	} else {
		props, _ := obj["properties"].(map[string]any)
		if props != nil {
			// The names of absent keys are kept where an unknown key is an
			// error, for its message to suggest one.
			keepNames := obj["additionalProperties"] == false || obj["unevaluatedProperties"] == false
			pruned := make(map[string]any, len(table))
			for k, sub := range props {
				if v, ok := table[k]; ok {
					pruned[k] = p.node(sub, v, path+"/"+escapeToken(k))
				} else if keepNames {
					pruned[k] = true
				}
			}
			out["properties"] = pruned
		}
		if _, ok := obj["additionalProperties"].(map[string]any); ok && obj["patternProperties"] == nil {
			extra := false
			for k := range table {
				if _, named := props[k]; !named {
					extra = true
					break
				}
			}
			if !extra {
				out["additionalProperties"] = true
			}
		}
		if deps, ok := obj["dependencies"].(map[string]any); ok {
			pruned := make(map[string]any, len(deps))
			for k, dep := range deps {
				_, present := table[k]
				switch {
				case !isSchema(dep):
					pruned[k] = dep
				case present:
					pruned[k] = p.node(dep, inst, path)
				default:
					pruned[k] = true
				}
			}
			out["dependencies"] = pruned
		}
	}
	if !isArray {
		for _, kw := range arrayKeywords {
			delete(out, kw)
		}
	}
	// The keywords that apply their schemas to the value itself.
	for _, kw := range []string{"allOf", "anyOf", "oneOf"} {
		if list, ok := obj[kw].([]any); ok {
			pruned := make([]any, len(list))
			for i, sub := range list {
				pruned[i] = p.node(sub, inst, path)
			}
			out[kw] = pruned
		}
	}
	for _, kw := range []string{"not", "if", "then", "else"} {
		if sub, ok := obj[kw]; ok {
			out[kw] = p.node(sub, inst, path)
		}
	}
	return out
}

// The keywords that apply only to a table, and only to an array: at a
// value of another kind they do nothing, and go.
var (
	objectKeywords = []string{
		"properties", "patternProperties", "additionalProperties", "propertyNames",
		"dependencies", "dependentSchemas", "dependentRequired", "unevaluatedProperties",
	}
	arrayKeywords = []string{"items", "additionalItems", "prefixItems", "contains", "unevaluatedItems"}
)

// escapeToken writes a key as a JSON pointer token.
func escapeToken(key string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(key)
}

// ref prunes the target of a $ref for inst, when the target is a whole
// definition of this file or a whole file, and the value is a table (the
// only kind pruning gains much on).
func (p *pruner) ref(obj map[string]any, ref string, inst any, path string) any {
	if _, ok := inst.(map[string]any); !ok {
		return obj
	}
	var target string
	if strings.HasPrefix(ref, "#") {
		token, whole, ok := localDef(ref, p.defsKey)
		if !ok || !whole {
			return obj
		}
		name, ok := p.specialize(token, inst, path)
		if !ok {
			return obj
		}
		target = "#/" + p.defsKey + "/" + name
	} else {
		r, err := url.Parse(ref)
		if err != nil {
			return obj
		}
		abs := p.base.ResolveReference(r)
		if abs.Fragment != "" || abs.RawQuery != "" {
			return obj
		}
		// A file that cannot be read, or pruned, is left to the compiler
		// under its own URL.
		fileURL := abs.String()
		doc, err := loadDoc(fileURL)
		if m, ok := doc.(map[string]any); err != nil || !ok || !pruneInfoOf(fileURL, m).ok {
			return obj
		}
		target = p.session.add(fileURL, inst, path)
	}
	out := make(map[string]any, len(obj))
	for k, v := range obj {
		out[k] = v
	}
	out["$ref"] = target
	return out
}

// specialize makes a copy of the definition token names, pruned for inst,
// and returns the copy's name as a reference writes it.
func (p *pruner) specialize(token string, inst any, path string) (string, bool) {
	key := token + "\x00" + path
	if name, ok := p.memo[key]; ok {
		return name, true
	}
	name, ok := unescapeDef(token)
	if !ok {
		return "", false
	}
	def, ok := p.defs[name]
	if !ok {
		return "", false
	}
	n := len(p.memo)
	newToken := token + "@" + strconv.Itoa(n)
	p.memo[key] = newToken
	p.made[name+"@"+strconv.Itoa(n)] = nil // reserved: a cycle back here finds the name
	p.made[name+"@"+strconv.Itoa(n)] = p.node(def, inst, path)
	return newToken, true
}

// reachable returns the definitions, original and pruned, that the pruned
// root refers to, directly or through other definitions.
func (p *pruner) reachable(root map[string]any) map[string]any {
	kept := make(map[string]any)
	var visit func(node any)
	visit = func(node any) {
		obj, ok := node.(map[string]any)
		if !ok {
			return
		}
		if ref, ok := obj["$ref"].(string); ok {
			if token, _, ok := localDef(ref, p.defsKey); ok {
				if name, ok := unescapeDef(token); ok {
					if _, done := kept[name]; !done {
						def, found := p.made[name]
						if !found {
							def, found = p.defs[name]
						}
						if found {
							kept[name] = def
							visit(def)
						}
					}
				}
			}
		}
		eachSubschema(obj, visit)
	}
	visit(root)
	return kept
}

// fileURL returns the URL of the file that pruned file n is a copy of.
func (s *pruneSession) fileURL(n int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.files[n].url
}
