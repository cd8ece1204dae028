package schema

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/seed02375186/toml"
)

// Schema is a JSON Schema that TOML documents are validated against:
// one of the embedded SchemaStore schemas, or a local file. It is
// compiled for each document, pruned to the parts the document reaches,
// so that validating one file costs little more than the schemas it uses.
// A Schema is safe for concurrent use.
type Schema struct {
	name string // how messages name it: "pyproject.json", or a file's path
	url  string // where its root document is loaded from

	// owner says whose rules the schema holds; see Violation.Tool.
	tool      string // a tool's own file (ruff.toml): that tool
	toolTable string // a standard's file: the table whose sub-tables are the tools' ("tool")
}

// standards are the embedded schemas of files whose format a standard
// defines (PEP 621, PEP 517, PEP 735, PEP 751, the Cargo manifest), with
// the table in which each tool keeps its own sub-table. The other
// embedded schemas are a tool's own configuration file.
var standards = map[string]string{
	"pyproject.json": "tool",
	"pylock.json":    "tool",
	"cargo.json":     "",
}

// ForFile returns the embedded schema that SchemaStore's catalog gives a
// file by its name (its fileMatch patterns: pyproject.toml, Cargo.toml,
// ruff.toml and .ruff.toml, ...), or nil if none does.
func ForFile(filePath string) *Schema {
	for _, e := range catalog() {
		for _, pattern := range e.FileMatch {
			if matchFile(pattern, filePath) {
				name, ok := embeddedName(e.URL)
				if !ok {
					continue
				}
				return embedded(name, e.Name)
			}
		}
	}
	return nil
}

// Embedded returns the embedded schema file of that name
// ("pyproject.json"), or nil if there is none.
func Embedded(name string) *Schema {
	if _, ok := embeddedName(storeURL(name)); !ok {
		return nil
	}
	tool := strings.TrimSuffix(name, ".json")
	for _, e := range catalog() {
		if n, ok := embeddedName(e.URL); ok && n == name {
			tool = e.Name
		}
	}
	return embedded(name, tool)
}

func embedded(name, catalogName string) *Schema {
	s := &Schema{name: name, url: storeURL(name)}
	if table, ok := standards[name]; ok {
		s.toolTable = table
	} else {
		s.tool = catalogName
	}
	return s
}

// Open returns the schema a user names: a path, relative to dir when it
// is not absolute, or a URL. A SchemaStore URL
// (https://json.schemastore.org/NAME.json and the catalog's other
// spellings) names the embedded copy; a file:// URL a local file. Any
// other URL is an *OfflineError. The schema is read when Open is called,
// so that a missing or malformed file is reported here; the files it
// refers to are read when a document needs them.
func Open(ref, dir string) (*Schema, error) {
	if name, ok := embeddedName(ref); ok {
		s := Embedded(name)
		return &Schema{name: s.name, url: s.url}, nil
	}
	var fileURL string
	switch u, err := url.Parse(ref); {
	case err == nil && u.Scheme == "file":
		fileURL = ref
	case err == nil && len(u.Scheme) > 1: // not a Windows drive letter
		return nil, &OfflineError{URL: ref}
	default:
		p := ref
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		slashed := filepath.ToSlash(abs)
		if !strings.HasPrefix(slashed, "/") {
			slashed = "/" + slashed // C:/x is file:///C:/x
		}
		fileURL = (&url.URL{Scheme: "file", Path: slashed}).String()
	}
	if _, err := loadDoc(fileURL); err != nil {
		return nil, err
	}
	return &Schema{name: ref, url: fileURL}, nil
}

// Name returns the schema's name: the embedded file's name, or the path
// or URL it was opened by.
func (s *Schema) Name() string { return s.name }

// Violation is one place where a document breaks its schema.
type Violation struct {
	// Key is the dotted path of the key or value at fault, array indexes
	// in brackets (tool.ruff.lint.select[3]), as toml.DecodeError.Key
	// writes it; empty for the document itself.
	Key string

	// Position is where the fault is: an unexpected key at the key; a
	// missing key at the header, dotted key or inline table that made the
	// table that lacks it (the top of the document for the root table);
	// a wrong value at the value, an element of an array of tables at its
	// [[header]].
	Position toml.Position

	// Message says what is wrong, naming the key.
	Message string

	// Tool is the tool whose own rules the violation breaks: the NAME of a
	// [tool.NAME] table in pyproject.toml and pylock.toml, or the tool
	// of a tool's configuration file (ruff.toml gives "Ruff"). It is empty
	// for the rules of a standard (pyproject.toml outside [tool], all of
	// Cargo.toml) and for a schema opened by Open. Tools' schemas lag or
	// lead the tools, so a caller may treat these as warnings.
	Tool string
}

func (v Violation) String() string {
	return fmt.Sprintf("%d:%d: %s", v.Position.Line, v.Position.Column, v.Message)
}

// Validate validates a parsed document and returns every violation, in
// document order; none when the document is valid. An error means the
// schema itself could not be used: it is malformed, or it refers to a
// file that cannot be read or to a URL that is not embedded (schemas are
// never fetched).
func (s *Schema) Validate(doc *toml.Document) (violations []Violation, err error) {
	defer func() {
		// The compiler and validator are another module's code run on
		// the user's input: if they fail, say so rather than take the
		// caller down.
		if r := recover(); r != nil {
			violations, err = nil, fmt.Errorf("schema %s: validator failed: %v", s.name, r)
		}
	}()
	inst := instance(doc.Root())
	compiled, served, err := s.compiled(inst)
	if err != nil {
		return nil, err
	}
	return validate(doc, inst, compiled, served, s)
}

// wholeAfter is how many documents a process validates against one schema
// before it compiles the schema whole, once, for all that follow: a
// whole pyproject.json takes about as long to compile as eight documents'
// pruned copies of it.
const wholeAfter = 8

// wholeSchema is a schema compiled whole, for a process that validates
// many documents against it.
type wholeSchema struct {
	uses   atomic.Int64
	once   sync.Once
	sch    *jsonschema.Schema
	served *servedDocs
	err    error
}

var wholeSchemas sync.Map // URL -> *wholeSchema

// compiled returns the schema compiled for inst: pruned for it, or, once
// the process has validated wholeAfter documents against the schema,
// whole. A whole schema that cannot be compiled (it refers to a file that
// no document has reached) leaves each document its pruned copy.
func (s *Schema) compiled(inst any) (*jsonschema.Schema, *servedDocs, error) {
	v, _ := wholeSchemas.LoadOrStore(s.url, new(wholeSchema))
	w := v.(*wholeSchema)
	if w.uses.Add(1) > wholeAfter {
		w.once.Do(func() { w.sch, w.served, w.err = s.compile(nil, false) })
		if w.err == nil && w.sch != nil {
			return w.sch, w.served, nil
		}
	}
	return s.compile(inst, true)
}

func validate(doc *toml.Document, inst any, compiled *jsonschema.Schema, served *servedDocs, s *Schema) ([]Violation, error) {
	verr := compiled.Validate(inst)
	if verr == nil {
		return nil, nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(verr, &ve) {
		return nil, verr
	}
	r := &reporter{doc: doc, served: served}
	return r.violations(ve, s), nil
}

// compile compiles the schema pruned for the value inst (or whole, for
// the tests that check pruning changes nothing), and returns the
// documents the compiler loaded, by URL, for messages that quote them.
func (s *Schema) compile(inst any, pruned bool) (*jsonschema.Schema, *servedDocs, error) {
	session := newPruneSession()
	root := s.url
	if pruned {
		root = session.add(s.url, inst, "")
	}
	served := &servedDocs{docs: make(map[string]any)}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.AssertFormat()
	registerFormats(c)
	c.UseLoader(&loader{session: session, served: served})
	compiled, err := c.Compile(root)
	if err != nil {
		return nil, nil, fmt.Errorf("schema %s: %w", s.name, unwrapCompileError(err))
	}
	return compiled, served, nil
}

// unwrapCompileError finds an *OfflineError or a file error inside the
// compiler's wrapping, which repeats the URL.
func unwrapCompileError(err error) error {
	var offline *OfflineError
	if errors.As(err, &offline) {
		return offline
	}
	var load *jsonschema.LoadURLError
	if errors.As(err, &load) {
		return fmt.Errorf("cannot read %s: %w", displayURL(load.URL), load.Err)
	}
	return err
}

// loader gives the compiler the schema documents: the pruned copies of
// this compilation, and the embedded and local files.
type loader struct {
	session *pruneSession
	served  *servedDocs
}

func (l *loader) Load(rawURL string) (any, error) {
	var doc any
	if n, ok := l.session.lookup(rawURL); ok {
		whole, err := loadDoc(l.session.fileURL(n))
		if err != nil {
			return nil, err
		}
		doc = l.session.prune(n, whole)
	} else {
		var err error
		if doc, err = loadDoc(rawURL); err != nil {
			return nil, err
		}
	}
	l.served.add(rawURL, doc)
	return doc, nil
}

// servedDocs are the documents a compilation loaded, by URL.
type servedDocs struct {
	mu   sync.Mutex
	docs map[string]any
}

func (s *servedDocs) add(rawURL string, doc any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[rawURL] = doc
}

// at returns the schema at a location the validator reports
// (URL#/json/pointer), or nil.
func (s *servedDocs) at(location string) any {
	rawURL, frag, _ := strings.Cut(location, "#")
	s.mu.Lock()
	node, ok := s.docs[rawURL]
	s.mu.Unlock()
	if !ok {
		return nil
	}
	frag, err := url.PathUnescape(frag)
	if err != nil {
		return nil
	}
	if frag == "" {
		return node
	}
	for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch n := node.(type) {
		case map[string]any:
			node = n[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n) {
				return nil
			}
			node = n[i]
		default:
			return nil
		}
	}
	return node
}
