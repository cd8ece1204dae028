package toml

import "math"

// genericValue builds the Go form of a value for an empty interface:
// map[string]any, []any, string, int64, float64, bool, time.Time,
// LocalDateTime, LocalDate or LocalTime. It needs no reflection, and no
// value can fail to fit.
func genericValue(v *Value) any {
	switch v.kind {
	case KindString:
		return v.str
	case KindInteger:
		return int64(v.bits)
	case KindFloat:
		return math.Float64frombits(v.bits)
	case KindBool:
		return v.bits != 0
	case KindDateTime:
		return v.Time()
	case KindLocalDateTime:
		return v.LocalDateTime()
	case KindLocalDate:
		return v.LocalDate()
	case KindLocalTime:
		return v.LocalTime()
	case KindArray:
		return genericArray(v.Array())
	case KindTable:
		return genericTable(v.Table(), nil)
	}
	return nil
}

func genericArray(a *Array) []any {
	s := make([]any, len(a.elems))
	for i, e := range a.elems {
		s[i] = genericValue(e)
	}
	return s
}

// genericTable adds the entries of t to m, made to t's size when nil.
func genericTable(t *Table, m map[string]any) map[string]any {
	if m == nil {
		m = make(map[string]any, len(t.entries))
	}
	for i := range t.entries {
		e := &t.entries[i]
		m[e.Key.Name] = genericValue(e.Value)
	}
	return m
}
