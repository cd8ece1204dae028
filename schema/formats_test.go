package schema

import (
	"strings"
	"testing"
)

// formatCase is a value and whether a format accepts it.
type formatCase struct {
	in string
	ok bool
}

func runFormatCases(t *testing.T, check func(string) error, cases []formatCase) {
	t.Helper()
	for _, c := range cases {
		err := check(c.in)
		if (err == nil) != c.ok {
			t.Errorf("%q: error %v, want ok=%v", c.in, err, c.ok)
		}
	}
}

func TestPEP508(t *testing.T) {
	runFormatCases(t, checkRequirement, []formatCase{
		// The examples of the specification.
		{"A", true},
		{"A.B-C_D", true},
		{"aa", true},
		{"name", true},
		{"name<=1", true},
		{"name>=3", true},
		{"name>=3,<2", true},
		{"name@http://foo.com", true},
		{"name [fred,bar] @ http://foo.com ; python_version=='2.7'", true},
		{"name[quux, strange];python_version<'2.7' and platform_version=='2'", true},
		{"name; os_name=='a' or os_name=='b'", true},
		{"name; os_name=='a' and os_name=='b' or os_name=='c'", true},
		{"name; os_name=='a' and (os_name=='b' or os_name=='c')", true},
		{"name; (os_name=='a' or os_name=='b') and os_name=='c'", true},
		{`requests[security] >= 2.8.1, == 2.8.* ; python_version < "2.7"`, true},
		{"pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee9982d4bbb3c72346a6de940a148ea686", true},
		// Other spellings in use.
		{"name (>=1.0,<2)", true},
		{"tomli>=1.1.0; python_version < '3.11'", true},
		{"foo===arbitrary-thing", true},
		{"foo==1.0+local.7", true},
		{"foo!=1.*", true},
		{"foo ~= 1.4.2", true},
		{"numpy; extra == 'test'", true},
		{"x; 'linux' in sys_platform", true},
		{"x; sys_platform not in 'win32 cygwin'", true},
		{"x; python_version>='3.8'and os_name=='nt'", true},
		{"x; os.name == 'nt'", true}, // legacy, as packaging reads it
		{"x; platform_release >= \"5.10-ünicode\"", true},
		{"x[]", true},
		{"  x  ", true},
		{"x@ git+https://github.com/a/b.git@v1", true},
		{"x @ file:///tmp/x.whl ; extra == 'a'", true},
		{"x; dependency_groups == 'dev'", true},
		// Not specifiers.
		{"", false},
		{"-foo", false},
		{"foo-", false},
		{"foo bar", false},
		{"foo>=", false},
		{"foo>=1.0,", false},
		{"foo=1.0", false},
		{"foo>=1.0.*", false},
		{"foo~=1", false},
		{"foo<=1.0+local", false},
		{"foo (>=1.0", false},
		{"foo[bar", false},
		{"foo[bar,]", false},
		{"foo[-bar]", false},
		{"foo; python_version", false},
		{"foo; python_versio == '3'", false},
		{"foo; python_version == '3", false},
		{"foo; (python_version == '3'", false},
		{"foo; os_name == 'a' and", false},
		{"foo; os_name == 'a' andos_name == 'b'", false},
		{"foo; os_name notin 'a'", false},
		{"foo @ ", false},
		{"foo @ https://x.whl extra", false},
		{"foo==1.0 extra", false},
		{"foo>=1.0 ;", false},
		{"foo; " + strings.Repeat("(", 200) + "os_name=='a'" + strings.Repeat(")", 200), false},
	})
}

func TestPEP440Version(t *testing.T) {
	runFormatCases(t, checkPEP440Version, []formatCase{
		{"1", true},
		{"1.0", true},
		{"2024.1.15", true},
		{"v1.0", true},
		{"1!2.0", true},
		{"1.0a1", true},
		{"1.0-alpha.1", true},
		{"1.0b2", true},
		{"1.0rc1", true},
		{"1.0c1", true},
		{"1.0.RC1", true},
		{"1.0.post1", true},
		{"1.0-1", true},
		{"1.0.dev0", true},
		{"1.0a1.post2.dev3", true},
		{"1.0+local.1", true},
		{"1.0+ubuntu-1", true},
		{"", false},
		{"1.0 beta", false},
		{" 1.0", false},
		{"1.0.x", false},
		{"a1.0", false},
		{"1.0+", false},
		{"1.0+local..x", false},
		{"1..0", false},
		{"1.0_", false},
		{"latest", false},
		{"1.0.*", false},
	})
}

func TestPEP440Specifiers(t *testing.T) {
	runFormatCases(t, checkSpecifierSet, []formatCase{
		{">=3.8", true},
		{">=3.8, <4", true},
		{"~=3.8,<3.13", true},
		{"==3.*", true},
		{"!=3.0.*,>=2.7", true},
		{"===foobar", true},
		{">= 3.9", true},
		{"<3.13.0a1", true},
		{"", false},
		{"3.8", false},
		{">=3.8,", false},
		{">=3.8 <4", false},
		{"~=3", false},
		{">=3.*", false},
		{"=>3.8", false},
	})
}

func TestNameFormats(t *testing.T) {
	t.Run("pep508-identifier", func(t *testing.T) {
		runFormatCases(t, checkName, []formatCase{
			{"a", true}, {"A1", true}, {"a.b-c_d", true}, {"0", true},
			{"", false}, {"-a", false}, {"a-", false}, {"a b", false}, {"a+b", false}, {"é", false},
		})
	})
	t.Run("python-identifier", func(t *testing.T) {
		runFormatCases(t, checkPythonIdentifier, []formatCase{
			{"a", true}, {"_x", true}, {"名前", true}, {"x1", true}, {"x\u0301", true},
			{"1x", false}, {"", false}, {"a-b", false}, {"a.b", false}, {"a b", false},
		})
	})
	t.Run("python-qualified-identifier", func(t *testing.T) {
		runFormatCases(t, checkQualifiedIdentifier, []formatCase{
			{"a", true}, {"a.b.c", true},
			{"a..b", false}, {".a", false}, {"a.", false}, {"a.1b", false},
		})
	})
	t.Run("pep561-stub-name", func(t *testing.T) {
		runFormatCases(t, checkStubName, []formatCase{
			{"foo-stubs", true}, {"foo-stubs.bar", true},
			{"foo", false}, {"foo-stubs.1", false}, {"-stubs", false}, {"foo.bar-stubs", false},
		})
	})
	t.Run("pep517-backend-reference", func(t *testing.T) {
		runFormatCases(t, checkBackendReference, []formatCase{
			{"setuptools.build_meta", true}, {"setuptools.build_meta:__legacy__", true}, {"backend", true},
			{"a:", false}, {":b", false}, {"a.:b", false}, {"a-b", false}, {"a:b:c", false},
		})
	})
}

func TestIntegerFormats(t *testing.T) {
	tests := []struct {
		format string
		in     any
		ok     bool
	}{
		{"uint8", int64(0), true},
		{"uint8", int64(255), true},
		{"uint8", int64(256), false},
		{"uint8", int64(-1), false},
		{"uint16", int64(65535), true},
		{"uint16", int64(65536), false},
		{"uint32", int64(4294967295), true},
		{"uint32", int64(4294967296), false},
		{"uint", int64(-1), false},
		{"uint", int64(9223372036854775807), true},
		{"uint8", 255.0, true},
		{"uint8", 1.5, true},   // not an integer: for the type keyword to say
		{"uint8", "300", true}, // not a number: likewise
		{"uint8", int64(300), false},
	}
	for _, tt := range tests {
		err := formats[tt.format].check(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("%s(%v): error %v, want ok=%v", tt.format, tt.in, err, tt.ok)
		}
	}
}

// TestFormatOverlays checks that each format the embedded pyproject.json
// adds is where it belongs (applyOverlay fails on a pointer that does not
// lead to a string schema without a format) and is checked there.
func TestFormatOverlays(t *testing.T) {
	for name, overlays := range formatOverlays {
		doc, err := loadDoc(storeURL(name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, o := range overlays {
			node := any(doc)
			for _, tok := range strings.Split(strings.TrimPrefix(o.pointer, "/"), "/") {
				switch n := node.(type) {
				case map[string]any:
					node = n[tok]
				case []any:
					node = n[0] // the only index the overlays use
				}
			}
			if got := node.(map[string]any)["format"]; got != o.format {
				t.Errorf("%s%s: format %v, want %s", name, o.pointer, got, o.format)
			}
		}
	}
	src := `[build-system]
requires = ["setuptools >= 40"]
build-backend = "setuptools.build_meta"
[project]
name = "p"
version = "1.0"
requires-python = ">=3.9"
dependencies = ["ok", "not ok"]
optional-dependencies.test = ["pytest", "pytest >="]
[dependency-groups]
dev = ["ruff", {include-group = "test"}, "ruff >"]
`
	got := validateString(t, Embedded("pyproject.json"), src)
	want := []string{"8:23:", "9:41:", "11:42:"}
	if len(got) != len(want) {
		t.Fatalf("violations %q, want at %q", got, want)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) || !strings.Contains(got[i], "PEP 508") {
			t.Errorf("violation %q, want a PEP 508 one at %s", got[i], want[i])
		}
	}
}
