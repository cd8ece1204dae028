package toml

import "math"

// genericValue builds the Go form of a value for an empty interface:
// map[string]any, []any, string, int64, float64, bool, time.Time,
// LocalDateTime, LocalDate or LocalTime. It needs no reflection, and no
// value can fail to fit.
func (d *decodeState) genericValue(v *Value) any {
	switch v.kind {
	case KindString:
		return d.strings.box(v.str)
	case KindInteger:
		return d.ints.box(int64(v.bits))
	case KindFloat:
		return d.floats.box(math.Float64frombits(v.bits))
	case KindBool:
		return v.bits != 0
	case KindDateTime:
		return d.times.box(v.Time())
	case KindLocalDateTime:
		return d.localDateTimes.box(v.LocalDateTime())
	case KindLocalDate:
		return d.localDates.box(v.LocalDate())
	case KindLocalTime:
		return d.localTimes.box(v.LocalTime())
	case KindArray:
		return d.genericArray(v.Array())
	case KindTable:
		return d.genericTable(v.Table(), nil)
	}
	return nil
}

func (d *decodeState) genericArray(a *Array) []any {
	s := d.anySlice(len(a.elems))
	for i, e := range a.elems {
		s[i] = d.genericValue(e)
	}
	return s
}

// anySlice returns a []any of length and capacity n. Short ones are cut
// from a block shared by the decode, so that the many small arrays of a
// lock file cost no allocation each; the block doubles as it fills.
func (d *decodeState) anySlice(n int) []any {
	if n == 0 {
		return []any{}
	}
	const largest = 256
	if n > largest {
		return make([]any, n)
	}
	if len(d.anys)+n > cap(d.anys) {
		d.anys = make([]any, 0, max(n, min(2*cap(d.anys), 16*largest), 64))
	}
	start := len(d.anys)
	d.anys = d.anys[:start+n]
	return d.anys[start : start+n : start+n]
}

// genericTable adds the entries of t to m, made to t's size when nil.
func (d *decodeState) genericTable(t *Table, m map[string]any) map[string]any {
	if m == nil {
		m = make(map[string]any, len(t.entries))
	}
	for i := range t.entries {
		e := &t.entries[i]
		m[e.Key.Name] = d.genericValue(e.Value)
	}
	return m
}
