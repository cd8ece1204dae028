package bench

import "github.com/seed02375186/toml"

// oursMarshal is nil until the library's encoder exists, so that this module
// builds at every commit of the library; point it at toml.Marshal then.
var (
	oursUnmarshal = toml.Unmarshal
	oursMarshal   func(v any) ([]byte, error)
)
