package toml

import (
	"math"
	"reflect"
)

// decodeInt stores an integer into a signed integer of any size, refusing
// values out of its range.
func (d *decodeState) decodeInt(v Value, rv reflect.Value) {
	if v.Kind() != KindInteger {
		d.mismatch(v, rv.Type())
		return
	}
	i := v.Int()
	if rv.OverflowInt(i) {
		d.failf(v, rv.Type(), "%d is out of range for %s", i, rv.Type())
		return
	}
	rv.SetInt(i)
}

// decodeUint stores an integer into an unsigned integer of any size,
// refusing negative values and values out of its range.
func (d *decodeState) decodeUint(v Value, rv reflect.Value) {
	if v.Kind() != KindInteger {
		d.mismatch(v, rv.Type())
		return
	}
	i := v.Int()
	if i < 0 || rv.OverflowUint(uint64(i)) {
		d.failf(v, rv.Type(), "%d is out of range for %s", i, rv.Type())
		return
	}
	rv.SetUint(uint64(i))
}

// decodeFloat stores a float, or an integer the float type holds exactly.
func (d *decodeState) decodeFloat(v Value, rv reflect.Value) {
	switch v.Kind() {
	case KindFloat:
		f := v.Float()
		if rv.Kind() == reflect.Float32 && !math.IsInf(f, 0) && rv.OverflowFloat(f) {
			d.failf(v, rv.Type(), "%s is out of range for %s", d.sourceText(v), rv.Type())
			return
		}
		rv.SetFloat(f)
	case KindInteger:
		i := v.Int()
		if !intFitsFloat(i, rv.Kind()) {
			d.failf(v, rv.Type(), "%d cannot be held exactly by %s", i, rv.Type())
			return
		}
		rv.SetFloat(float64(i))
	default:
		d.mismatch(v, rv.Type())
	}
}

// intFitsFloat reports whether a float of kind k holds i exactly.
func intFitsFloat(i int64, k reflect.Kind) bool {
	// Every integer of magnitude up to 2^24 (float32) or 2^53 (float64)
	// is exact; beyond, only those the conversion brings back unchanged.
	// 2^63 itself is the one float64 that int64 cannot hold back.
	if k == reflect.Float32 {
		f := float32(i)
		return f < 1<<63 && int64(f) == i
	}
	f := float64(i)
	return f < 1<<63 && int64(f) == i
}
