package toml

import (
	"math"
	"strconv"
	"strings"
)

// scalar is a number as the lexer read it: its kind and its bits (an
// int64, or a float64's IEEE bits).
type scalar struct {
	kind Kind
	bits uint64
}

// number reads an integer or a float at pos into v.
//
//	integer = dec-int / hex-int / oct-int / bin-int
//	float   = float-int-part ( exp / frac [ exp ] ) / special-float
func (l *lexer) number(v *scalar) error {
	s := l.src
	start := l.pos
	i := start
	neg := false
	if c := s[i]; c == '+' || c == '-' {
		neg = c == '-'
		i++
	}
	if i+3 <= len(s) && (s[i:i+3] == "inf" || s[i:i+3] == "nan") {
		f := math.Inf(1)
		if s[i] == 'n' {
			f = math.NaN()
		}
		if neg {
			f = math.Copysign(f, -1)
		}
		v.kind, v.bits = KindFloat, math.Float64bits(f)
		return l.endNumber(start, i+3)
	}
	if i == start && i+1 < len(s) && s[i] == '0' {
		switch s[i+1] {
		case 'x':
			return l.prefixedInt(v, start, 16)
		case 'o':
			return l.prefixedInt(v, start, 8)
		case 'b':
			return l.prefixedInt(v, start, 2)
		}
	}
	intStart := i
	i, err := l.digitRun(i, "integer")
	if err != nil {
		return err
	}
	if s[intStart] == '0' && i-intStart > 1 {
		return l.errorAt(intStart, "leading zeros are not allowed in a decimal number")
	}
	isFloat := false
	if i < len(s) && s[i] == '.' {
		isFloat = true
		if i, err = l.digitRun(i+1, "fraction"); err != nil {
			return err
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		isFloat = true
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i, err = l.digitRun(i, "exponent"); err != nil {
			return err
		}
	}
	text := s[start:i]
	hasUnderscore := strings.IndexByte(text, '_') >= 0
	if hasUnderscore {
		l.buf = l.buf[:0]
		for j := 0; j < len(text); j++ {
			if text[j] != '_' {
				l.buf = append(l.buf, text[j])
			}
		}
		text = string(l.buf)
	}
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && math.IsInf(f, 0) {
			return l.errorAt(start, "float %s is out of range for a 64-bit float", s[start:i])
		}
		v.kind, v.bits = KindFloat, math.Float64bits(f)
		return l.endNumber(start, i)
	}
	digits := text
	if digits[0] == '+' || digits[0] == '-' {
		digits = digits[1:]
	}
	var u uint64
	for j := 0; j < len(digits); j++ {
		d := uint64(digits[j] - '0')
		if u > (math.MaxUint64-d)/10 {
			u = math.MaxUint64
			break
		}
		u = u*10 + d
	}
	limit := uint64(math.MaxInt64)
	if neg {
		limit++
	}
	if u > limit {
		return l.errorAt(start, "integer %s is out of range for a 64-bit signed integer", s[start:i])
	}
	if neg {
		u = -u
	}
	v.kind, v.bits = KindInteger, u
	return l.endNumber(start, i)
}

// digitRun reads digits with single underscores between them:
// DIGIT *( DIGIT / "_" DIGIT ).
func (l *lexer) digitRun(i int, what string) (int, error) {
	s := l.src
	if i >= len(s) || !isDigit(s[i]) {
		return i, l.errorAt(i, "expected a digit in the %s, found %s", what, l.describe(i))
	}
	for i < len(s) {
		if isDigit(s[i]) {
			i++
			continue
		}
		if s[i] == '_' {
			if i+1 >= len(s) || !isDigit(s[i+1]) {
				return i, l.errorAt(i, "an underscore in a number must stand between two digits")
			}
			i++
			continue
		}
		break
	}
	return i, nil
}

// prefixedInt reads hex-int, oct-int or bin-int ("0x", "0o", "0b" and
// digits with single underscores between them). They take no sign.
func (l *lexer) prefixedInt(v *scalar, start, base int) error {
	s := l.src
	i := start + 2
	var u uint64
	digits := 0
	for i < len(s) {
		c := s[i]
		if c == '_' {
			if digits == 0 || i+1 >= len(s) || digitValue(s[i+1], base) < 0 {
				return l.errorAt(i, "an underscore in a number must stand between two digits")
			}
			i++
			continue
		}
		d := digitValue(c, base)
		if d < 0 {
			break
		}
		if u > (math.MaxInt64-uint64(d))/uint64(base) {
			return l.errorAt(start, "integer %s is out of range for a 64-bit signed integer", l.numberText(start))
		}
		u = u*uint64(base) + uint64(d)
		digits++
		i++
	}
	if digits == 0 {
		return l.errorAt(i, "expected a base-%d digit after %s, found %s", base, s[start:start+2], l.describe(i))
	}
	v.kind, v.bits = KindInteger, u
	return l.endNumber(start, i)
}

func digitValue(c byte, base int) int {
	d := hexValue(c)
	if d >= base {
		return -1
	}
	return d
}

// endNumber checks that a number is not followed by more of what looks like
// a number (1x, 1.2.3, 0_), so the error names the number instead of
// complaining about what follows it.
func (l *lexer) endNumber(start, end int) error {
	if end < len(l.src) {
		if c := l.src[end]; isBareKeyChar(c) || c == '.' || c == '+' {
			return l.errorAt(start, "invalid number %s", l.numberText(start))
		}
	}
	l.pos = end
	return nil
}

// numberText returns the run of number-like characters at start, for messages.
func (l *lexer) numberText(start int) string {
	i := start
	for i < len(l.src) && (isBareKeyChar(l.src[i]) || strings.IndexByte(".+:", l.src[i]) >= 0) {
		i++
	}
	return l.src[start:i]
}
