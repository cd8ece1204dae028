module github.com/seed02375186/toml

go 1.26.8

require (
	github.com/google/go-cmp v0.7.0
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/toml-lang/toml-test/v2 v2.2.0
	golang.org/x/text v0.14.0
)

require github.com/BurntSushi/toml v1.6.0 // indirect
