package bench

// cargoLock is the part of a Cargo.lock that tools read: the lock format and
// the resolved packages.
type cargoLock struct {
	Version int            `toml:"version,omitempty"`
	Package []cargoPackage `toml:"package"`
}

type cargoPackage struct {
	Name         string   `toml:"name"`
	Version      string   `toml:"version"`
	Source       string   `toml:"source,omitempty"`
	Checksum     string   `toml:"checksum,omitempty"`
	Dependencies []string `toml:"dependencies,omitempty"`
}

// pyproject holds the PEP 517 and PEP 621 fields whose types every real
// pyproject.toml agrees on; tool configuration stays untyped because each
// tool defines its own. Fields that are sometimes a string and sometimes a
// table (license, readme) are left out so that every corpus file decodes.
type pyproject struct {
	BuildSystem struct {
		Requires     []string `toml:"requires,omitempty"`
		BuildBackend string   `toml:"build-backend,omitempty"`
		BackendPath  []string `toml:"backend-path,omitempty"`
	} `toml:"build-system"`
	Project struct {
		Name                 string              `toml:"name"`
		Version              string              `toml:"version,omitempty"`
		Description          string              `toml:"description,omitempty"`
		RequiresPython       string              `toml:"requires-python,omitempty"`
		Dynamic              []string            `toml:"dynamic,omitempty"`
		Keywords             []string            `toml:"keywords,omitempty"`
		Classifiers          []string            `toml:"classifiers,omitempty"`
		Authors              []pyprojectPerson   `toml:"authors,omitempty"`
		Dependencies         []string            `toml:"dependencies,omitempty"`
		OptionalDependencies map[string][]string `toml:"optional-dependencies,omitempty"`
		Scripts              map[string]string   `toml:"scripts,omitempty"`
		URLs                 map[string]string   `toml:"urls,omitempty"`
	} `toml:"project"`
	Tool map[string]any `toml:"tool,omitempty"`
}

type pyprojectPerson struct {
	Name  string `toml:"name,omitempty"`
	Email string `toml:"email,omitempty"`
}
