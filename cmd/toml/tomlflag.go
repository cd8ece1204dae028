package main

import (
	"errors"
	"flag"

	"github.com/seed02375186/toml"
)

// versionValue is the --toml flag of every command that reads TOML: the
// version of TOML to read, 1.0 (the default) or 1.1, as toml-test names
// it (1.0.0 and 1.1.0 are accepted too).
type versionValue toml.Version

func (v *versionValue) String() string {
	if v == nil || toml.Version(*v) == toml.V1_0 {
		return "1.0"
	}
	return "1.1"
}

func (v *versionValue) Set(s string) error {
	parsed, err := toml.ParseVersion(s)
	if err != nil {
		return errors.New("want 1.0 or 1.1")
	}
	*v = versionValue(parsed)
	return nil
}

// tomlFlag adds --toml to fs and returns where its value goes.
func tomlFlag(fs *flag.FlagSet) *toml.Version {
	v := new(toml.Version)
	fs.Var((*versionValue)(v), "toml", "TOML version: 1.0 or 1.1")
	return v
}
