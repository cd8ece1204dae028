package toml

import (
	"strconv"
	"sync/atomic"
	"time"
)

// LocalDate is a TOML local date: a calendar day with no clock and no zone.
type LocalDate struct {
	Year  int
	Month time.Month
	Day   int
}

// LocalTime is a TOML local time: a clock reading with no day and no zone.
type LocalTime struct {
	Hour       int
	Minute     int
	Second     int
	Nanosecond int
}

// LocalDateTime is a TOML local date-time: a date and a clock with no zone.
type LocalDateTime struct {
	LocalDate
	LocalTime
}

// String returns the date as RFC 3339 writes it: 1979-05-27.
func (d LocalDate) String() string { return string(d.appendTo(nil)) }

// String returns the time as RFC 3339 writes it: 07:32:00, with as many
// fractional digits as the nanoseconds need (at most 9).
func (t LocalTime) String() string { return string(t.appendTo(nil)) }

// String returns the date-time as RFC 3339 writes it: 1979-05-27T07:32:00.
func (dt LocalDateTime) String() string {
	b := dt.LocalDate.appendTo(make([]byte, 0, 32))
	b = append(b, 'T')
	return string(dt.LocalTime.appendTo(b))
}

// In returns the instant at which the date begins in loc.
func (d LocalDate) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// In returns the instant the date-time names in loc.
func (dt LocalDateTime) In(loc *time.Location) time.Time {
	return time.Date(dt.Year, dt.Month, dt.Day, dt.Hour, dt.Minute, dt.Second, dt.Nanosecond, loc)
}

// MarshalText writes the date in RFC 3339 form.
func (d LocalDate) MarshalText() ([]byte, error) { return d.appendTo(nil), nil }

// MarshalText writes the time in RFC 3339 form.
func (t LocalTime) MarshalText() ([]byte, error) { return t.appendTo(nil), nil }

// MarshalText writes the date-time in RFC 3339 form.
func (dt LocalDateTime) MarshalText() ([]byte, error) { return []byte(dt.String()), nil }

// UnmarshalText reads a date in the form TOML writes it.
func (d *LocalDate) UnmarshalText(b []byte) error {
	v, err := parseDateTimeText(string(b), KindLocalDate)
	if err == nil {
		*d = v.date
	}
	return err
}

// UnmarshalText reads a time in the form TOML writes it.
func (t *LocalTime) UnmarshalText(b []byte) error {
	v, err := parseDateTimeText(string(b), KindLocalTime)
	if err == nil {
		*t = v.clock
	}
	return err
}

// UnmarshalText reads a date-time in the form TOML writes it.
func (dt *LocalDateTime) UnmarshalText(b []byte) error {
	v, err := parseDateTimeText(string(b), KindLocalDateTime)
	if err == nil {
		*dt = LocalDateTime{v.date, v.clock}
	}
	return err
}

func (d LocalDate) appendTo(b []byte) []byte {
	b = appendPadded(b, d.Year, 4)
	b = append(b, '-')
	b = appendPadded(b, int(d.Month), 2)
	b = append(b, '-')
	return appendPadded(b, d.Day, 2)
}

func (t LocalTime) appendTo(b []byte) []byte {
	b = appendPadded(b, t.Hour, 2)
	b = append(b, ':')
	b = appendPadded(b, t.Minute, 2)
	b = append(b, ':')
	b = appendPadded(b, t.Second, 2)
	if t.Nanosecond != 0 {
		var digits [9]byte
		n := t.Nanosecond
		for i := 8; i >= 0; i-- {
			digits[i] = byte('0' + n%10)
			n /= 10
		}
		end := 9
		for end > 1 && digits[end-1] == '0' {
			end--
		}
		b = append(b, '.')
		b = append(b, digits[:end]...)
	}
	return b
}

func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var buf [20]byte
	s := strconv.AppendInt(buf[:0], int64(n), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// dateTime is a parsed date-time of any of the four kinds; the kind says
// which parts are meaningful.
type dateTime struct {
	date          LocalDate
	clock         LocalTime
	offsetMinutes int
}

func (d dateTime) toTime() time.Time {
	loc := time.UTC
	if d.offsetMinutes != 0 {
		loc = fixedZone(d.offsetMinutes)
	}
	return time.Date(d.date.Year, d.date.Month, d.date.Day,
		d.clock.Hour, d.clock.Minute, d.clock.Second, d.clock.Nanosecond, loc)
}

// zones holds one Location per offset in minutes (within ±24 hours), made on
// first use: documents repeat a few offsets, and time.FixedZone allocates.
var zones [2*24*60 + 1]atomic.Pointer[time.Location]

func fixedZone(offsetMinutes int) *time.Location {
	if offsetMinutes <= -24*60 || offsetMinutes >= 24*60 {
		return time.FixedZone("", offsetMinutes*60)
	}
	slot := &zones[offsetMinutes+24*60]
	if loc := slot.Load(); loc != nil {
		return loc
	}
	loc := time.FixedZone("", offsetMinutes*60)
	slot.Store(loc)
	return loc
}

// A Value keeps its date-time in two fields: bits holds the offset, year,
// month, day, hour, minute and second; frac the nanoseconds.
func packDateTime(d dateTime) (bits uint64, frac uint32) {
	bits = uint64(d.offsetMinutes+offsetBias)<<42 | uint64(d.date.Year)<<26 | uint64(d.date.Month)<<22 |
		uint64(d.date.Day)<<17 | uint64(d.clock.Hour)<<12 | uint64(d.clock.Minute)<<6 | uint64(d.clock.Second)
	return bits, uint32(d.clock.Nanosecond)
}

// offsetBias keeps the offset (within ±24 hours, in minutes) non-negative.
const offsetBias = 1 << 11

func unpackDateTime(bits uint64, frac uint32) dateTime {
	return dateTime{
		date: LocalDate{
			Year:  int(bits >> 26 & 0xffff),
			Month: time.Month(bits >> 22 & 0xf),
			Day:   int(bits >> 17 & 0x1f),
		},
		clock: LocalTime{
			Hour:       int(bits >> 12 & 0x1f),
			Minute:     int(bits >> 6 & 0x3f),
			Second:     int(bits & 0x3f),
			Nanosecond: int(frac),
		},
		offsetMinutes: int(bits>>42&0xfff) - offsetBias,
	}
}

// parseDateTimeText reads a whole string as a date-time of the given kind.
func parseDateTimeText(s string, want Kind) (dateTime, error) {
	d, kind, n, msg := scanDateTime(s, 0)
	if msg == "" && (n != len(s) || kind != want) || msg == noSecondsMessage {
		msg = "expected a " + want.String() + " in RFC 3339 form"
	}
	if msg != "" {
		return dateTime{}, &ParseError{Offset: n, Line: 1, Column: n + 1, Message: msg}
	}
	return d, nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digitsAt reads exactly n decimal digits at s[i:].
func digitsAt(s string, i, n int) (int, bool) {
	if i+n > len(s) {
		return 0, false
	}
	v := 0
	for _, c := range []byte(s[i : i+n]) {
		if !isDigit(c) {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// looksLikeDateTime reports whether s[i:] starts a date (dddd-) or a time (dd:).
func looksLikeDateTime(s string, i int) bool {
	if _, ok := digitsAt(s, i, 4); ok && i+4 < len(s) && s[i+4] == '-' {
		return true
	}
	_, ok := digitsAt(s, i, 2)
	return ok && i+2 < len(s) && s[i+2] == ':'
}

// scanDateTime reads a date-time value at s[i:]. It returns the value, its
// kind, the offset just past it (or of the fault) and, on failure, what was
// wrong. A time without seconds, which only TOML 1.1 allows, fails with
// noSecondsMessage right after its minutes: see parser.withoutSeconds.
//
//	offset-date-time = full-date time-delim partial-time time-offset
//	local-date-time  = full-date time-delim partial-time
//	local-date       = full-date
//	local-time       = partial-time
func scanDateTime(s string, i int) (d dateTime, kind Kind, end int, msg string) {
	if _, ok := digitsAt(s, i, 2); ok && i+2 < len(s) && s[i+2] == ':' {
		end, msg = scanPartialTime(s, i, &d.clock)
		return d, KindLocalTime, end, msg
	}
	// full-date = date-fullyear "-" date-month "-" date-mday
	y, ok1 := digitsAt(s, i, 4)
	m, ok2 := digitsAt(s, i+5, 2)
	day, ok3 := digitsAt(s, i+8, 2)
	if !ok1 || !ok2 || !ok3 || s[i+4] != '-' || s[i+7] != '-' {
		return d, 0, i, "malformed date: expected YYYY-MM-DD"
	}
	if m < 1 || m > 12 {
		return d, 0, i + 5, "invalid date: month must be 01 to 12"
	}
	if day < 1 || day > daysIn(time.Month(m), y) {
		return d, 0, i + 8, "invalid date: " + time.Month(m).String() + " " + strconv.Itoa(y) + " has no day " + strconv.Itoa(day)
	}
	d.date = LocalDate{y, time.Month(m), day}
	i += 10
	// time-delim = "T" / %x20 ; T, t, or space. A space is a delimiter
	// only when a time follows; otherwise the date stands alone.
	if i < len(s) && (s[i] == 'T' || s[i] == 't' || s[i] == ' ') {
		if s[i] == ' ' {
			if _, ok := digitsAt(s, i+1, 2); !ok {
				return d, KindLocalDate, i, ""
			}
		}
		end, msg = scanPartialTime(s, i+1, &d.clock)
		if msg != "" {
			return d, 0, end, msg
		}
		i = end
	} else {
		return d, KindLocalDate, i, ""
	}
	// time-offset = "Z" / time-numoffset ; time-numoffset = ( "+" / "-" ) time-hour ":" time-minute
	if i >= len(s) {
		return d, KindLocalDateTime, i, ""
	}
	switch s[i] {
	case 'Z', 'z':
		return d, KindDateTime, i + 1, ""
	case '+', '-':
		h, ok1 := digitsAt(s, i+1, 2)
		mi, ok2 := digitsAt(s, i+4, 2)
		if !ok1 || !ok2 || s[i+3] != ':' {
			return d, 0, i, "malformed time offset: expected Z, +HH:MM or -HH:MM"
		}
		if h > 23 || mi > 59 {
			return d, 0, i, "invalid time offset: hours must be 00 to 23 and minutes 00 to 59"
		}
		d.offsetMinutes = h*60 + mi
		if s[i] == '-' {
			d.offsetMinutes = -d.offsetMinutes
		}
		return d, KindDateTime, i + 6, ""
	}
	return d, KindLocalDateTime, i, ""
}

// scanPartialTime reads time-hour ":" time-minute ":" time-second [ "." 1*DIGIT ].
func scanPartialTime(s string, i int, t *LocalTime) (int, string) {
	h, ok1 := digitsAt(s, i, 2)
	m, ok2 := digitsAt(s, i+3, 2)
	if !ok1 || !ok2 || s[i+2] != ':' {
		return i, "malformed time: expected HH:MM:SS"
	}
	if i+5 >= len(s) || s[i+5] != ':' {
		return i + 5, noSecondsMessage
	}
	sec, ok := digitsAt(s, i+6, 2)
	if !ok {
		return i + 6, "malformed time: expected two digits of seconds"
	}
	if h > 23 {
		return i, "invalid time: hour must be 00 to 23"
	}
	if m > 59 {
		return i + 3, "invalid time: minute must be 00 to 59"
	}
	if sec > 60 {
		return i + 6, "invalid time: second must be 00 to 60"
	}
	if sec == 60 {
		// A leap second cannot be checked without a table of them, and Go's
		// time cannot hold one; TOML parsers in practice reject it.
		return i + 6, "invalid time: leap second 60 is not supported"
	}
	*t = LocalTime{Hour: h, Minute: m, Second: sec}
	i += 8
	if i < len(s) && s[i] == '.' {
		i++
		start := i
		ns, scale := 0, 100000000
		for i < len(s) && isDigit(s[i]) {
			ns += int(s[i]-'0') * scale // digits past the ninth are truncated
			scale /= 10
			i++
		}
		if i == start {
			return i, "malformed time: expected digits after the decimal point"
		}
		t.Nanosecond = ns
	}
	return i, ""
}

func daysIn(m time.Month, year int) int {
	switch m {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}
