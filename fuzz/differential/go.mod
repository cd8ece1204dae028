// Module differential compares the toml package with a second TOML 1.0.0
// implementation on fuzzed input. It is a module of its own so that the
// library's go.mod never names the other implementation.
module github.com/seed02375186/toml/fuzz/differential

go 1.26.8

require (
	github.com/google/go-cmp v0.7.0
	github.com/pelletier/go-toml/v2 v2.3.1
	github.com/seed02375186/toml v0.0.0
	github.com/toml-lang/toml-test/v2 v2.2.0
)

require github.com/BurntSushi/toml v1.6.0 // indirect

replace github.com/seed02375186/toml => ../..
