package toml_test

import (
	"fmt"
	"sort"
	"testing"

	"github.com/seed02375186/toml"
)

// pyproject is a pyproject.toml: PEP 621 metadata, PEP 518 build
// requirements, PEP 735 dependency groups, and tools' own tables.
type pyproject struct {
	Project          *pep621Project                   `toml:"project"`
	BuildSystem      *buildSystem                     `toml:"build-system"`
	DependencyGroups map[string][]dependencyGroupItem `toml:"dependency-groups"`
	Tool             map[string]any                   `toml:"tool"`
}

type buildSystem struct {
	Requires     []string `toml:"requires"`
	BuildBackend string   `toml:"build-backend"`
	BackendPath  []string `toml:"backend-path"`
}

type pep621Project struct {
	Name                 string                       `toml:"name"`
	Version              string                       `toml:"version"`
	Description          string                       `toml:"description"`
	Readme               readme                       `toml:"readme"`
	RequiresPython       string                       `toml:"requires-python"`
	License              license                      `toml:"license"`
	LicenseFiles         licenseFiles                 `toml:"license-files"`
	Authors              []person                     `toml:"authors"`
	Maintainers          []person                     `toml:"maintainers"`
	Keywords             []string                     `toml:"keywords"`
	Classifiers          []string                     `toml:"classifiers"`
	URLs                 map[string]string            `toml:"urls"`
	Scripts              map[string]string            `toml:"scripts"`
	GUIScripts           map[string]string            `toml:"gui-scripts"`
	EntryPoints          map[string]map[string]string `toml:"entry-points"`
	Dependencies         []string                     `toml:"dependencies"`
	OptionalDependencies map[string][]string          `toml:"optional-dependencies"`
	Dynamic              []string                     `toml:"dynamic"`
	ImportNames          []string                     `toml:"import-names"`
}

type person struct {
	Name  string `toml:"name"`
	Email string `toml:"email"`
}

// readme is a path, or a table with a file or the text itself.
type readme struct {
	File        string `toml:"file"`
	Text        string `toml:"text"`
	ContentType string `toml:"content-type"`
}

func (r *readme) UnmarshalTOML(v toml.Value) error {
	if v.Kind() == toml.KindString {
		*r = readme{File: v.Str()}
		return nil
	}
	type plain readme
	return toml.DecodeValue(v, (*plain)(r))
}

// license is an SPDX expression (PEP 639), or a table with a file or the
// text (PEP 621).
type license struct {
	Expression string
	File       string `toml:"file"`
	Text       string `toml:"text"`
}

func (l *license) UnmarshalTOML(v toml.Value) error {
	if v.Kind() == toml.KindString {
		*l = license{Expression: v.Str()}
		return nil
	}
	type plain license
	return toml.DecodeValue(v, (*plain)(l))
}

// licenseFiles is a list of globs (PEP 639), or the table of globs or
// paths of its drafts, which Hatch still reads.
type licenseFiles struct {
	Globs []string `toml:"globs"`
	Paths []string `toml:"paths"`
}

func (l *licenseFiles) UnmarshalTOML(v toml.Value) error {
	if v.Kind() == toml.KindArray {
		return toml.DecodeValue(v, &l.Globs)
	}
	type plain licenseFiles
	return toml.DecodeValue(v, (*plain)(l))
}

// dependencyGroupItem is a requirement or {include-group = "name"}.
type dependencyGroupItem struct {
	Requirement  string
	IncludeGroup string `toml:"include-group"`
}

func (d *dependencyGroupItem) UnmarshalTOML(v toml.Value) error {
	if v.Kind() == toml.KindString {
		*d = dependencyGroupItem{Requirement: v.Str()}
		return nil
	}
	type plain dependencyGroupItem
	return toml.DecodeValue(v, (*plain)(d))
}

// TestDecodePyprojects decodes every pyproject.toml of the corpus into a
// typed struct, refusing unknown keys, and checks the values against the
// tree.
func TestDecodePyprojects(t *testing.T) {
	files := readCorpusKind(t, "pyproject")
	for _, name := range sortedNames(files) {
		t.Run(name, func(t *testing.T) {
			var got pyproject
			if err := decodeStrict(files[name], &got); err != nil {
				t.Fatal(err)
			}
			doc, err := toml.Parse(files[name])
			if err != nil {
				t.Fatal(err)
			}
			var problems []string
			if tool := doc.Table().Get("tool"); tool.Kind() != toml.KindInvalid {
				compareWithTree(&problems, "tool", tool, any(got.Tool))
			} else if got.Tool != nil {
				problems = append(problems, "tool: decoded from nothing")
			}
			if p := doc.Table().Get("project"); p.Kind() != toml.KindInvalid {
				project := p.Table()
				checkField(&problems, "project.name", got.Project.Name, strOf(project.Get("name")))
				checkField(&problems, "project.dependencies", len(got.Project.Dependencies), lenOf(project.Get("dependencies")))
				checkField(&problems, "project.classifiers", len(got.Project.Classifiers), lenOf(project.Get("classifiers")))
				checkField(&problems, "project.authors", len(got.Project.Authors), lenOf(project.Get("authors")))
				checkField(&problems, "project.optional-dependencies", len(got.Project.OptionalDependencies), lenOf(project.Get("optional-dependencies")))
				if r := project.Get("readme"); r.Kind() == toml.KindString {
					checkField(&problems, "project.readme", got.Project.Readme.File, r.Str())
				}
			} else if got.Project != nil {
				problems = append(problems, "project: decoded from nothing")
			}
			if b := doc.Table().Get("build-system"); b.Kind() != toml.KindInvalid {
				checkField(&problems, "build-system.build-backend", got.BuildSystem.BuildBackend, strOf(b.Table().Get("build-backend")))
				checkField(&problems, "build-system.requires", len(got.BuildSystem.Requires), lenOf(b.Table().Get("requires")))
			}
			for _, p := range problems {
				t.Error(p)
			}
		})
	}
}

// cargoManifest is a Cargo.toml, package or workspace.
type cargoManifest struct {
	CargoFeatures     []string                               `toml:"cargo-features"`
	Package           *cargoPackage                          `toml:"package"`
	Workspace         *cargoWorkspace                        `toml:"workspace"`
	Lib               *cargoTarget                           `toml:"lib"`
	Bin               []cargoTarget                          `toml:"bin"`
	Example           []cargoTarget                          `toml:"example"`
	Test              []cargoTarget                          `toml:"test"`
	Bench             []cargoTarget                          `toml:"bench"`
	Dependencies      map[string]cargoDependency             `toml:"dependencies"`
	DevDependencies   map[string]cargoDependency             `toml:"dev-dependencies"`
	BuildDependencies map[string]cargoDependency             `toml:"build-dependencies"`
	Target            map[string]cargoPlatform               `toml:"target"`
	Features          map[string][]string                    `toml:"features"`
	Patch             map[string]map[string]cargoDependency  `toml:"patch"`
	Profile           map[string]map[string]any              `toml:"profile"`
	Lints             inheritable[map[string]map[string]any] `toml:"lints"`
	Badges            map[string]map[string]string           `toml:"badges"`
}

type cargoPackage struct {
	Name          string                `toml:"name"`
	Version       inheritable[string]   `toml:"version"`
	Authors       inheritable[[]string] `toml:"authors"`
	Edition       inheritable[string]   `toml:"edition"`
	RustVersion   inheritable[string]   `toml:"rust-version"`
	Description   inheritable[string]   `toml:"description"`
	Documentation inheritable[string]   `toml:"documentation"`
	Readme        inheritable[any]      `toml:"readme"` // a path, or false
	Homepage      inheritable[string]   `toml:"homepage"`
	Repository    inheritable[string]   `toml:"repository"`
	License       inheritable[string]   `toml:"license"`
	LicenseFile   inheritable[string]   `toml:"license-file"`
	Keywords      inheritable[[]string] `toml:"keywords"`
	Categories    inheritable[[]string] `toml:"categories"`
	Workspace     string                `toml:"workspace"`
	Build         any                   `toml:"build"` // a path, or false
	Links         string                `toml:"links"`
	Exclude       inheritable[[]string] `toml:"exclude"`
	Include       inheritable[[]string] `toml:"include"`
	Publish       inheritable[any]      `toml:"publish"` // a bool or registries
	Metadata      map[string]any        `toml:"metadata"`
	DefaultRun    string                `toml:"default-run"`
	Autobins      *bool                 `toml:"autobins"`
	Autoexamples  *bool                 `toml:"autoexamples"`
	Autotests     *bool                 `toml:"autotests"`
	Autobenches   *bool                 `toml:"autobenches"`
	Autolib       *bool                 `toml:"autolib"`
	Resolver      string                `toml:"resolver"`
}

type cargoWorkspace struct {
	Members        []string                   `toml:"members"`
	Exclude        []string                   `toml:"exclude"`
	DefaultMembers []string                   `toml:"default-members"`
	Resolver       string                     `toml:"resolver"`
	Package        map[string]any             `toml:"package"`
	Dependencies   map[string]cargoDependency `toml:"dependencies"`
	Lints          map[string]map[string]any  `toml:"lints"`
	Metadata       map[string]any             `toml:"metadata"`
}

type cargoTarget struct {
	Name             string   `toml:"name"`
	Path             string   `toml:"path"`
	Test             *bool    `toml:"test"`
	Doctest          *bool    `toml:"doctest"`
	Bench            *bool    `toml:"bench"`
	Doc              *bool    `toml:"doc"`
	Harness          *bool    `toml:"harness"`
	Edition          string   `toml:"edition"`
	CrateType        []string `toml:"crate-type"`
	RequiredFeatures []string `toml:"required-features"`
	ProcMacro        bool     `toml:"proc-macro"`
}

type cargoPlatform struct {
	Dependencies      map[string]cargoDependency `toml:"dependencies"`
	DevDependencies   map[string]cargoDependency `toml:"dev-dependencies"`
	BuildDependencies map[string]cargoDependency `toml:"build-dependencies"`
}

// inheritable is a package field given in place or taken from the
// workspace with {workspace = true}.
type inheritable[T any] struct {
	Value     T
	Workspace bool
}

func (i *inheritable[T]) UnmarshalTOML(v toml.Value) error {
	if v.Kind() == toml.KindTable {
		if w := v.Table().Get("workspace"); w.Kind() == toml.KindBool {
			var ws struct {
				Workspace bool `toml:"workspace"`
			}
			err := toml.DecodeValue(v, &ws)
			i.Workspace = ws.Workspace
			return err
		}
	}
	return toml.DecodeValue(v, &i.Value)
}

// TestDecodeCargoManifests decodes every Cargo.toml of the corpus into a
// typed struct, refusing unknown keys, and checks values against the tree.
func TestDecodeCargoManifests(t *testing.T) {
	files := readCorpusKind(t, "cargo")
	for _, name := range sortedNames(files) {
		t.Run(name, func(t *testing.T) {
			var got cargoManifest
			if err := decodeStrict(files[name], &got); err != nil {
				t.Fatal(err)
			}
			doc, err := toml.Parse(files[name])
			if err != nil {
				t.Fatal(err)
			}
			var problems []string
			root := doc.Table()
			if p := root.Get("package"); p.Kind() != toml.KindInvalid {
				checkField(&problems, "package.name", got.Package.Name, strOf(p.Table().Get("name")))
				if v := p.Table().Get("version"); v.Kind() == toml.KindString {
					checkField(&problems, "package.version", got.Package.Version.Value, v.Str())
				}
			}
			checkField(&problems, "dependencies", len(got.Dependencies), lenOf(root.Get("dependencies")))
			if deps := root.Get("dependencies"); deps.Kind() != toml.KindInvalid {
				for _, e := range deps.Table().Entries() {
					if e.Value.Kind() == toml.KindString {
						checkField(&problems, "dependencies."+e.Key.Name, got.Dependencies[e.Key.Name].Version, e.Value.Str())
					}
				}
			}
			checkField(&problems, "features", len(got.Features), lenOf(root.Get("features")))
			checkField(&problems, "target", len(got.Target), lenOf(root.Get("target")))
			for _, p := range problems {
				t.Error(p)
			}
		})
	}
}

// cargoLock is a Cargo.lock.
type cargoLock struct {
	Version  int               `toml:"version"`
	Package  []lockedPackage   `toml:"package"`
	Metadata map[string]string `toml:"metadata"`
}

type lockedPackage struct {
	Name         string   `toml:"name"`
	Version      string   `toml:"version"`
	Source       string   `toml:"source"`
	Checksum     string   `toml:"checksum"`
	Dependencies []string `toml:"dependencies"`
}

// TestDecodeCargoLocks decodes every Cargo.lock of the corpus into a
// typed struct, refusing unknown keys.
func TestDecodeCargoLocks(t *testing.T) {
	files := readCorpusKind(t, "cargo-lock")
	for _, name := range sortedNames(files) {
		t.Run(name, func(t *testing.T) {
			var got cargoLock
			if err := decodeStrict(files[name], &got); err != nil {
				t.Fatal(err)
			}
			doc, err := toml.Parse(files[name])
			if err != nil {
				t.Fatal(err)
			}
			var problems []string
			packages := doc.Table().Get("package")
			checkField(&problems, "package", len(got.Package), lenOf(packages))
			if packages.Kind() != toml.KindInvalid && len(got.Package) == packages.Array().Len() {
				for i, p := range packages.Array().Elems() {
					path := fmt.Sprintf("package[%d]", i)
					checkField(&problems, path+".name", got.Package[i].Name, strOf(p.Table().Get("name")))
					checkField(&problems, path+".checksum", got.Package[i].Checksum, strOf(p.Table().Get("checksum")))
					checkField(&problems, path+".dependencies", len(got.Package[i].Dependencies), lenOf(p.Table().Get("dependencies")))
				}
			}
			for _, p := range problems {
				t.Error(p)
			}
		})
	}
}

func checkField[T comparable](problems *[]string, what string, got, want T) {
	if got != want {
		*problems = append(*problems, fmt.Sprintf("%s: got %v, want %v", what, got, want))
	}
}

// strOf returns a string value's text, or "" for a missing value.
func strOf(v toml.Value) string {
	if v.Kind() == toml.KindInvalid {
		return ""
	}
	return v.Str()
}

// lenOf returns the length of an array or table, or 0 for a missing value.
func lenOf(v toml.Value) int {
	switch {
	case v.Kind() == toml.KindInvalid:
		return 0
	case v.Kind() == toml.KindArray:
		return v.Array().Len()
	case v.Kind() == toml.KindTable:
		return v.Table().Len()
	}
	return -1
}

func sortedNames[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
