package main

import (
	"runtime/debug"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBuildVersion(t *testing.T) {
	const revision = "c11e688de7c79e60de8778383ae3aee43cbff2b9"
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: revision},
			{Key: "vcs.time", Value: "2026-12-05T15:24:40Z"},
			{Key: "vcs.modified", Value: modified},
		}
	}
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"no build information", nil, "(unknown)"},
		{"go install at a tag", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3"},
		{"go install at a commit without a tag",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261205152440-c11e688de7c7"}},
			"v0.0.0-20261205152440-c11e688de7c7"},
		{"build without VCS information", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "(devel)"},
		{"build with an empty main version", &debug.BuildInfo{}, "(devel)"},
		{"checkout stamped with a pseudo-version",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261205152440-c11e688de7c7"}, Settings: vcs("false")},
			"(devel c11e688de7c7)"},
		{"checkout after a tag, stamped with a pseudo-version",
			&debug.BuildInfo{Main: debug.Module{Version: "v1.2.4-0.20261205152440-c11e688de7c7"}, Settings: vcs("false")},
			"(devel c11e688de7c7)"},
		{"checkout with uncommitted changes",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261205152440-c11e688de7c7+dirty"}, Settings: vcs("true")},
			"(devel c11e688de7c7+dirty)"},
		{"checkout at a clean tag", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}, Settings: vcs("false")}, "v1.2.3"},
		{"checkout at a tag with changes",
			&debug.BuildInfo{Main: debug.Module{Version: "v1.2.3+dirty"}, Settings: vcs("true")},
			"(devel c11e688de7c7+dirty)"},
		{"checkout before Go stamped versions",
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("false")},
			"(devel c11e688de7c7)"},
		{"short revision",
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}}},
			"(devel abc)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, buildVersion(tt.info)); diff != "" {
				t.Errorf("buildVersion (-want +got):\n%s", diff)
			}
		})
	}
}

func TestModuleVersion(t *testing.T) {
	info := &debug.BuildInfo{Deps: []*debug.Module{
		{Path: "example.com/plain", Version: "v1.0.0"},
		{Path: tomlTestModule, Version: "v2.2.0"},
		{Path: "example.com/forked", Version: "v1.0.0", Replace: &debug.Module{Path: "example.com/fork", Version: "v1.0.1"}},
		{Path: "example.com/local", Version: "v1.0.0", Replace: &debug.Module{Path: "../local"}},
	}}
	tests := []struct {
		name string
		info *debug.BuildInfo
		path string
		want string
	}{
		{"no build information", nil, tomlTestModule, "(unknown)"},
		{"a dependency", info, tomlTestModule, "v2.2.0"},
		{"not a dependency", info, "example.com/absent", "(unknown)"},
		{"replaced by another version", info, "example.com/forked", "v1.0.1"},
		{"replaced by a directory", info, "example.com/local", "v1.0.0 (replaced by ../local)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, moduleVersion(tt.info, tt.path)); diff != "" {
				t.Errorf("moduleVersion (-want +got):\n%s", diff)
			}
		})
	}
}
