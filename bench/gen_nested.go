package bench

import "strconv"

// GenerateNestedTables writes many tables nested four levels deep under a
// handful of regions, each server table full of dotted keys that create
// further implicit tables, plus a sub-table header below every server. The
// number of sibling tables under one parent grows with the document, which
// is where a parser that finds keys by scanning turns quadratic.
func GenerateNestedTables(size int) []byte {
	w := newWriter(size)
	regions := []string{"eu-west", "eu-north", "us-east", "ap-south"}
	for i := 0; len(w.b) < size; i++ {
		table := "region." + w.pick(regions) + ".server.srv-" + strconv.Itoa(i)
		w.str("[").str(table).str("]\n")
		w.str("host.name = ").quoted(w.name() + ".example.net")
		w.str("\nhost.ip = \"10.").int(w.intn(256)).str(".").int(w.intn(256)).str(".").int(w.intn(256)).str(`"`)
		w.str("\nnet.port = ").int(1024 + w.intn(60000))
		w.str("\nnet.tls.enabled = ").str(w.pick([]string{"true", "false"}))
		w.str("\nnet.tls.cert.path = ").quoted("/etc/ssl/" + w.name() + ".pem")
		w.str("\nlimits.cpu.max = ").int(1 + w.intn(64))
		w.str("\nlimits.memory.max = ").int(256 * (1 + w.intn(64)))
		w.str("\n\n[").str(table).str(".metrics.http]\n")
		w.str("enabled = true\nlabels.env = ").quoted(w.pick([]string{"prod", "staging", "dev"}))
		w.str("\nlabels.team = ").quoted(w.name()).str("\n\n")
	}
	return w.b
}
