package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The SchemaStore snapshot: schemastore/ mirrors SchemaStore's src/ tree
// (schemas/json/NAME.json, test/ and negative_test/), with the catalog
// entries for the TOML file names and SchemaStore's LICENSE and NOTICE,
// which must travel with the files. What is embedded is compact/: each
// schema with its annotations (descriptions, titles, examples, editor
// extensions) removed and its JSON minified, a fifth of the size, which
// is what loading a schema costs most; TestCompactSchemas keeps it equal
// to what compaction makes of schemas/json.
//
//go:embed schemastore/compact/*.json schemastore/catalog.json schemastore/LICENSE schemastore/NOTICE
var store embed.FS

const storeDir = "schemastore/compact/"

// Notice returns SchemaStore's NOTICE, which a program that embeds these
// schemas passes on with its own notices (the schemas are Apache-2.0).
func Notice() string {
	b, _ := store.ReadFile("schemastore/NOTICE")
	return string(b)
}

// catalogEntry is one schema of SchemaStore's catalog.json.
type catalogEntry struct {
	Name      string   `json:"name"`
	FileMatch []string `json:"fileMatch"`
	URL       string   `json:"url"`
}

var catalog = sync.OnceValue(func() []catalogEntry {
	data, err := store.ReadFile("schemastore/catalog.json")
	if err != nil {
		panic(err) // embedded: cannot happen
	}
	var c struct {
		Schemas []catalogEntry `json:"schemas"`
	}
	if err := json.Unmarshal(data, &c); err != nil {
		panic(fmt.Sprintf("schema: embedded catalog.json: %v", err))
	}
	return c.Schemas
})

// matchFile reports whether a catalog fileMatch pattern matches a file
// path, as editors read the catalog: a pattern without a slash is matched
// against the base name, with * and ? as in path.Match; "**/" stands for
// any number of directories, so "**/tombi/config.toml" matches a path that
// ends in tombi/config.toml.
func matchFile(pattern, filePath string) bool {
	filePath = strings.ReplaceAll(filePath, `\`, "/")
	if !strings.Contains(pattern, "/") {
		ok, _ := path.Match(pattern, path.Base(filePath))
		return ok
	}
	rest, anyDir := strings.CutPrefix(pattern, "**/")
	if !anyDir {
		ok, _ := path.Match(pattern, filePath)
		return ok
	}
	parts := strings.Split(filePath, "/")
	n := strings.Count(rest, "/") + 1
	if len(parts) < n {
		return false
	}
	ok, _ := path.Match(rest, strings.Join(parts[len(parts)-n:], "/"))
	return ok
}

// storeHosts are the hosts that serve SchemaStore's schemas by file name:
// https://json.schemastore.org/NAME.json, and the same under www.
var storeHosts = map[string]bool{
	"json.schemastore.org": true,
	"www.schemastore.org":  true,
	"schemastore.org":      true,
}

// rawStorePrefix is where GitHub serves SchemaStore's tree; the catalog
// names some schemas by it.
const rawStorePrefix = "https://raw.githubusercontent.com/SchemaStore/schemastore/master/src/schemas/json/"

// otherIDs are the embedded schemas whose $id is not a SchemaStore URL;
// a $ref to such an $id must find the file too.
var otherIDs = map[string]string{
	"https://github.com/sagiegurari/cargo-make": "cargo-make.json",
}

// embeddedName returns the embedded file a URL names, if any.
func embeddedName(rawURL string) (string, bool) {
	rawURL, _, _ = strings.Cut(rawURL, "#")
	if name, ok := otherIDs[rawURL]; ok {
		return name, true
	}
	var name string
	if rest, ok := strings.CutPrefix(rawURL, rawStorePrefix); ok {
		name = rest
	} else {
		u, err := url.Parse(rawURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || !storeHosts[u.Host] || u.RawQuery != "" {
			return "", false
		}
		name = strings.TrimPrefix(u.Path, "/")
	}
	if !strings.HasSuffix(name, ".json") || strings.Contains(name, "/") {
		return "", false
	}
	if _, err := store.Open(storeDir + name); err != nil {
		return "", false
	}
	return name, true
}

// storeURL is the URL by which an embedded file is compiled.
func storeURL(name string) string { return "https://json.schemastore.org/" + name }

// parsedDocs holds each schema file parsed and stripped of annotations,
// by URL, so that checking many files parses each schema once. The
// documents are never changed after they are stored: pruning copies.
var parsedDocs sync.Map // string -> *docEntry

type docEntry struct {
	once sync.Once
	doc  any
	err  error
}

// loadDoc returns the parsed, stripped schema document at a URL: an
// embedded file for a SchemaStore URL, a local file for a file:// URL.
// Any other URL is an error that names it: nothing is fetched.
func loadDoc(rawURL string) (any, error) {
	rawURL, _, _ = strings.Cut(rawURL, "#")
	key := rawURL
	if name, ok := embeddedName(rawURL); ok {
		key = name // one parse whatever URL names it
	}
	e, _ := parsedDocs.LoadOrStore(key, new(docEntry))
	entry := e.(*docEntry)
	entry.once.Do(func() { entry.doc, entry.err = readDoc(rawURL) })
	return entry.doc, entry.err
}

func readDoc(rawURL string) (any, error) {
	var data []byte
	var err error
	name, isEmbedded := embeddedName(rawURL)
	if isEmbedded {
		data, err = store.ReadFile(storeDir + name)
	} else if strings.HasPrefix(rawURL, "file:") {
		var file string
		file, err = jsonschema.FileLoader{}.ToFile(rawURL)
		if err == nil {
			data, err = os.ReadFile(file)
		}
	} else {
		return nil, &OfflineError{URL: rawURL}
	}
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayURL(rawURL), err)
	}
	if !isEmbedded {
		return stripAnnotations(doc), nil // the embedded files are stripped already
	}
	if err := applyOverlay(name, doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// OfflineError reports a schema URL that is neither one of the embedded
// SchemaStore schemas nor a local file: validation never uses the
// network.
type OfflineError struct {
	URL string
}

func (e *OfflineError) Error() string {
	return fmt.Sprintf("schema %s is not one of the embedded SchemaStore schemas, and schemas are never fetched from the network", e.URL)
}

// displayURL shortens a URL for messages: a local file by its path.
func displayURL(rawURL string) string {
	if strings.HasPrefix(rawURL, "file:") {
		if file, err := (jsonschema.FileLoader{}).ToFile(rawURL); err == nil {
			return file
		}
	}
	return rawURL
}
