package bench

import "github.com/seed02375186/toml"

// Our decoder and encoder, named like the peers' in libraries_test.go.
var (
	oursUnmarshal = toml.Unmarshal
	oursMarshal   = toml.Marshal
)
