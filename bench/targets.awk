# targets.awk reads `benchstat -format csv -col /lib` output and prints a
# markdown table checking the issue's targets for each row: our speed at
# least 1.5 times go-toml's, and fewer allocations per op. Speed is judged
# on cpu-sec/op (process CPU time), which load from other processes on a
# shared machine does not inflate; wall-clock sec/op is shown beside it.
# Rows with a peak-B metric (BenchmarkPeakMemory) are checked instead for
# the memory target: a lower peak heap than go-toml's.
BEGIN { FS = "," }
# A header row names the libraries; the next names the unit of the block.
$2 == "ours" && $1 == "" {
	for (i = 2; i <= NF; i++) if ($i != "") col[$i] = i
	header = 1
	next
}
header { unit = $2; header = 0; next }
$1 == "" || $1 == "geomean" || !("gotoml" in col) { next }
{
	row = $1
	sub(/-[0-9]+$/, "", row) # the GOMAXPROCS suffix
	if (!(row in seen)) { seen[row] = 1; order[++n] = row }
	ours[row, unit] = $(col["ours"])
	peer[row, unit] = $(col["gotoml"])
}
function ratio(a, b) { return (a > 0 && b != "") ? b / a : 0 }
END {
	for (i = 1; i <= n; i++) {
		r = order[i]
		if ((r, "peak-B") in ours) {
			po = ours[r, "peak-B"]; pp = peer[r, "peak-B"]
			printf "%s: peak heap %.1f MiB ours, %.1f MiB go-toml; target met: %s\n", r, po / 1048576, pp / 1048576, (po + 0 < pp + 0) ? "yes" : "no"
			memory = 1
		}
	}
	if (memory) exit
	print "| benchmark | speed vs go-toml (CPU) | speed vs go-toml (wall) | allocs/op ours | allocs/op go-toml | target met |"
	print "|---|---:|---:|---:|---:|:---:|"
	for (i = 1; i <= n; i++) {
		r = order[i]
		cpu = ratio(ours[r, "cpu-sec/op"], peer[r, "cpu-sec/op"])
		wall = ratio(ours[r, "sec/op"], peer[r, "sec/op"])
		ao = ours[r, "allocs/op"]; ap = peer[r, "allocs/op"]
		ok = (cpu >= 1.5 && ao + 0 < ap + 0) ? "yes" : "no"
		printf "| %s | %.2f× | %.2f× | %d | %d | %s |\n", r, cpu, wall, ao, ap, ok
	}
}
