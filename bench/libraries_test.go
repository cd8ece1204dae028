package bench

import (
	burntsushi "github.com/BurntSushi/toml"
	gotoml "github.com/pelletier/go-toml/v2"
)

// library is one TOML implementation under comparison. Its name is the
// value of the lib= key in benchmark names, so `benchstat -col /lib` puts
// the libraries side by side.
type library struct {
	name string
	// unmarshal decodes data into the value v points to; nil while the
	// library has no decoder, and benchmarks then skip it.
	unmarshal func(data []byte, v any) error
	// marshal encodes v as a TOML document; nil like unmarshal.
	marshal func(v any) ([]byte, error)
}

// libraries lists ours first so that tables read left to right from the
// subject to its competitors.
var libraries = []library{
	{name: "ours", unmarshal: oursUnmarshal, marshal: oursMarshal},
	{name: "gotoml", unmarshal: gotomlUnmarshal, marshal: gotoml.Marshal},
	{name: "burntsushi", unmarshal: burntsushi.Unmarshal, marshal: burntsushi.Marshal},
}

// gotomlUnmarshal is the reference decoder: the tests compare the others
// with it, and it prepares the values the encode benchmarks write, since it
// is the library the issue measures against.
var gotomlUnmarshal = gotoml.Unmarshal
