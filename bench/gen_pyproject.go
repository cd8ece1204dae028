package bench

import "strconv"

// pyprojectHead is a typical pyproject.toml of about 2.4 KB: PEP 621
// metadata, a build system and the usual tool sections. GeneratePyproject
// starts every document with it.
const pyprojectHead = `[build-system]
requires = ["hatchling>=1.18", "hatch-vcs>=0.3"]
build-backend = "hatchling.build"

[project]
name = "example-service"
dynamic = ["version"]
description = "An example service used to benchmark TOML decoding"
readme = "README.md"
requires-python = ">=3.9"
license = { text = "MIT" }
authors = [
  { name = "Ada Lovelace", email = "ada@example.com" },
  { name = "Alan Turing", email = "alan@example.com" },
]
keywords = ["toml", "benchmark", "config", "parser"]
classifiers = [
  "Development Status :: 5 - Production/Stable",
  "Intended Audience :: Developers",
  "License :: OSI Approved :: MIT License",
  "Programming Language :: Python :: 3",
  "Programming Language :: Python :: 3.9",
  "Programming Language :: Python :: 3.12",
]
dependencies = [
  "httpx>=0.25",
  "pydantic>=2.5,<3",
  "rich>=13.0",
  "typing-extensions>=4.8; python_version < '3.11'",
]

[project.optional-dependencies]
dev = ["pytest>=7.4", "pytest-cov", "mypy>=1.7", "ruff>=0.1.6"]
docs = ["sphinx>=7", "furo"]

[project.scripts]
example = "example_service.cli:main"

[project.urls]
Homepage = "https://example.com/service"
Source = "https://github.com/example/service"

[tool.hatch.version]
source = "vcs"

[tool.ruff]
line-length = 100
target-version = "py39"
src = ["src", "tests"]

[tool.ruff.lint]
select = ["E", "F", "W", "I", "UP", "B", "SIM", "RUF"]
ignore = ["E501", "B008"]

[tool.ruff.lint.per-file-ignores]
"tests/**" = ["S101", "PLR2004"]
"__init__.py" = ["F401"]

[tool.pytest.ini_options]
minversion = "7.0"
addopts = "-ra -q --strict-markers"
testpaths = ["tests"]
filterwarnings = ["error", 'ignore:.*deprecated:DeprecationWarning']

[tool.mypy]
python_version = "3.9"
strict = true
warn_unreachable = true
exclude = ['^build/', '^docs/']

[[tool.mypy.overrides]]
module = ["rich.*", "httpx.*"]
ignore_missing_imports = true

[tool.coverage.run]
branch = true
source = ["example_service"]
omit = ["*/__main__.py"]

[tool.coverage.report]
fail_under = 92.5
show_missing = true
exclude_lines = ["pragma: no cover", "if TYPE_CHECKING:", "raise NotImplementedError"]

[tool.black]
line-length = 100
target-version = ["py39", "py310", "py311", "py312"]
include = '\.pyi?$'

[tool.isort]
profile = "black"
known_first_party = ["example_service"]
skip_glob = ["docs/*", "build/*"]

[tool.codespell]
skip = "*.lock,*.svg"
ignore-words-list = "nd,te"
`

// GeneratePyproject writes pyprojectHead and, to reach larger sizes, one
// [tool.<name>] section per plugin, each with scalars, arrays, an inline table
// and a sub-table, the way tool configuration grows in real projects.
func GeneratePyproject(size int) []byte {
	w := newWriter(size)
	w.str(pyprojectHead)
	for i := 0; len(w.b) < size; i++ {
		tool := "plugin-" + w.name() + "-" + strconv.Itoa(i)
		w.str("\n[tool.").str(tool).str("]\n")
		w.str("enabled = true\nlevel = ").int(w.intn(10))
		w.str("\nthreshold = 0.").int(10 + w.intn(90))
		w.str("\npaths = [").quoted("src/" + w.name()).str(", ").quoted("tests/" + w.name()).str("]")
		w.str("\nenv = { NAME = ").quoted(w.name()).str(", RETRIES = ").int(w.intn(5)).str(" }\n")
		w.str("\n[tool.").str(tool).str(".options]\n")
		w.str("requires = [").quoted(w.name() + ">=" + w.semver()).str("]\n")
		w.str("description = ").quoted("Options for " + tool).str("\n")
	}
	return w.b
}
