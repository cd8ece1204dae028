module github.com/seed02375186/toml/bench

go 1.26.8

replace github.com/seed02375186/toml => ..

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/pelletier/go-toml/v2 v2.4.3
	github.com/seed02375186/toml v0.0.0-00010101000000-000000000000
)

require github.com/google/go-cmp v0.7.0
