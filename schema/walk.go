package schema

import "strings"

// The keywords whose values are subschemas, by shape. Everything else in
// a schema object is data (enum, const, default, ...) or an annotation,
// and a walk must not mistake a "$ref" or a "description" inside data for
// a keyword.
var (
	schemaKeywords = []string{
		"additionalItems", "additionalProperties", "contains", "propertyNames",
		"if", "then", "else", "not", "unevaluatedItems", "unevaluatedProperties",
		"contentSchema", "items",
	}
	schemaListKeywords = []string{"allOf", "anyOf", "oneOf", "prefixItems", "items"}
	schemaMapKeywords  = []string{
		"properties", "patternProperties", "definitions", "$defs",
		"dependentSchemas", "dependencies",
	}
)

// eachSubschema calls fn with every direct subschema of a schema object.
func eachSubschema(obj map[string]any, fn func(sub any)) {
	for _, kw := range schemaKeywords {
		if sub, ok := obj[kw]; ok && isSchema(sub) {
			fn(sub)
		}
	}
	for _, kw := range schemaListKeywords {
		if list, ok := obj[kw].([]any); ok {
			for _, sub := range list {
				fn(sub)
			}
		}
	}
	for _, kw := range schemaMapKeywords {
		if m, ok := obj[kw].(map[string]any); ok {
			for _, sub := range m {
				// dependencies maps a key to a schema or to a list of keys.
				if isSchema(sub) {
					fn(sub)
				}
			}
		}
	}
}

func isSchema(v any) bool {
	switch v.(type) {
	case map[string]any, bool:
		return true
	}
	return false
}

// annotations are keywords that describe and do not validate. They make
// up most of SchemaStore's files, and dropping them on load makes the
// compiler's work (its own validation of each schema against its
// metaschema, among it) smaller.
var annotations = map[string]bool{
	"title": true, "description": true, "markdownDescription": true, "$comment": true,
	"examples": true, "default": true, "deprecated": true, "readOnly": true, "writeOnly": true,
	"enumDescriptions": true, "markdownEnumDescriptions": true, "deprecationMessage": true,
}

// stripAnnotations removes the annotations, and the x-... extensions of
// editors, from every schema object of a freshly parsed document, in place.
func stripAnnotations(doc any) any {
	obj, ok := doc.(map[string]any)
	if !ok {
		return doc
	}
	for k := range obj {
		if annotations[k] || strings.HasPrefix(k, "x-") {
			delete(obj, k)
		}
	}
	eachSubschema(obj, func(sub any) { stripAnnotations(sub) })
	return obj
}
