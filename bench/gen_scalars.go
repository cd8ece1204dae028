package bench

import "strconv"

// GenerateMixedScalars writes one [[record]] table after another, each
// holding every TOML number and date-time form: decimal, signed, underscored,
// hex, octal and binary integers; plain, exponent, underscored, signed and
// special (inf, nan) floats; booleans; offset date-times with Z, numeric
// offsets, a space separator and fractions; local date-times, local dates and
// local times. Values are random so no parser can cache them.
func GenerateMixedScalars(size int) []byte {
	w := newWriter(size)
	for i := 0; len(w.b) < size; i++ {
		w.str("[[record]]\nid = ").int(i)
		w.str("\ncount = ").int(w.intn(1_000_000))
		w.str("\nbalance = -").int(w.intn(100_000))
		w.str("\ndelta = +").int(w.intn(100))
		w.str("\npopulation = ").int(1 + w.intn(999)).str("_").str(pad(w.intn(1000), 3)).str("_").str(pad(w.intn(1000), 3))
		w.str("\nmask = 0x").hex(4).str("_").hex(4)
		w.str("\nmode = 0o").str(strconv.FormatInt(int64(w.intn(0o7777)), 8))
		w.str("\nflags = 0b").str(strconv.FormatInt(int64(w.intn(256)), 2))
		w.str("\nratio = ").int(w.intn(100)).str(".").str(pad(w.intn(10000), 4))
		w.str("\nepsilon = ").int(1 + w.intn(9)).str(".").int(w.intn(1000)).str("e-").int(1 + w.intn(30))
		w.str("\nmass = -").int(1 + w.intn(9)).str("E+").int(w.intn(30))
		w.str("\nprecise = 9_224.").str(pad(w.intn(1000), 3)).str("_").str(pad(w.intn(1000), 3))
		w.str("\nlimit = ").str(w.pick([]string{"inf", "+inf", "-inf", "nan", "+nan", "-nan", "0.0", "-0.0"}))
		w.str("\nactive = ").str(w.pick([]string{"true", "false"}))
		w.str("\ncreated = ").date().str("T").clock().str("Z")
		w.str("\nupdated = ").date().str("T").clock().str(".").str(pad(w.intn(1_000_000), 6)).str("-07:00")
		w.str("\nseen = ").date().str(" ").clock().str("+05:30")
		w.str("\nlocal = ").date().str("T").clock().str(".").str(pad(w.intn(1000), 3))
		w.str("\nday = ").date()
		w.str("\nalarm = ").clock().str(".").int(w.intn(10))
		w.str("\nsamples = [").int(w.intn(100)).str(", ").int(w.intn(100)).str(".5, 0x").hex(2).str(", ").date().str("]\n\n")
	}
	return w.b
}

// date writes a valid calendar date; days stop at 28 so every month has them.
func (w *writer) date() *writer {
	return w.str(pad(1970+w.intn(60), 4)).str("-").str(pad(1+w.intn(12), 2)).str("-").str(pad(1+w.intn(28), 2))
}

// clock writes a time of day with seconds, which TOML 1.0 requires.
func (w *writer) clock() *writer {
	return w.str(pad(w.intn(24), 2)).str(":").str(pad(w.intn(60), 2)).str(":").str(pad(w.intn(60), 2))
}

// pad formats n with leading zeros to width digits.
func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}
