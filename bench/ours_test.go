package bench

// oursUnmarshal and oursMarshal are nil until the library's decoder and
// encoder exist, so that this module builds at every commit of the library;
// point them at toml.Unmarshal and toml.Marshal once those compile.
var (
	oursUnmarshal func(data []byte, v any) error
	oursMarshal   func(v any) ([]byte, error)
)
