// Package schema validates parsed TOML documents against JSON Schema,
// offline, and says where in the source each violation is.
//
// It embeds a snapshot of the schemas that SchemaStore's catalog gives
// TOML files (pyproject.toml, Cargo.toml, ruff.toml, uv.toml, hatch.toml,
// rustfmt.toml, rust-toolchain.toml, pylock.toml, ... and every file they
// refer to), with SchemaStore's licence and notice. ForFile picks one by
// a file's name as the catalog's fileMatch patterns do; Open reads a
// schema a user names, by path or by SchemaStore URL. Nothing is ever
// fetched: a reference to any other URL is an *OfflineError naming it.
//
// Validation uses github.com/santhosh-tekuri/jsonschema/v6, which passes
// the JSON-Schema-Test-Suite for every draft from 4 to 2020-12. A document
// is converted to JSON's data model first: tables are objects, integers
// are exact (int64), offset date-times are RFC 3339 strings with their
// offset, local dates, times and date-times are their TOML text (so the
// "date" format accepts a local date). JSON has no nan or inf: a schema
// that accepts any value accepts them, and any other schema reports that
// it cannot check them.
//
// Every violation is reported, one per place, in document order, with the
// dotted key and the position of what is at fault: an unexpected key at
// the key, a missing key at the header, dotted key or inline table that
// made the table, a wrong value at the value, an element of an array of
// tables at its [[header]]. Where an anyOf or oneOf fails, the message is
// that of the alternative that got furthest into the document, or, when
// every alternative failed on the value itself, one that merges them
// ("expected a string or a table", `missing required key "dynamic" or
// "version"`). An enum of more than a few values is not listed: the
// message names it and suggests the nearest value.
//
// Formats are checked (also in drafts that make them annotations by
// default). Besides the validator's own (uri, email, date, time,
// date-time, semver, ...), these are registered: pep508 (a dependency
// specifier), pep440 (a version), pep440-specifiers (a version specifier
// set such as ">=3.9, <4"), pep508-identifier (a project name),
// pep517-backend-reference, python-identifier,
// python-qualified-identifier, python-module-name, pep561-stub-name, and
// the integer ranges uint, uint8, uint16 and uint32. SchemaStore's
// pyproject.json gives [project] and [build-system] no formats; the
// embedded copy adds pep508-identifier to project.name, pep440 to
// project.version, pep440-specifiers to project.requires-python, pep508 to
// the dependencies of [project], [build-system] and [dependency-groups],
// and pep517-backend-reference to build-system.build-backend. Formats no
// one registered (cargo.json's semver-requirement) are not checked.
//
// A schema is compiled for each document, pruned first to the parts the
// document can reach (see prune.go), since compiling all that
// pyproject.json refers to takes far longer than validating; a process
// that validates many documents against one schema compiles it whole
// once instead.
package schema
