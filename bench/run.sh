#!/bin/sh
# run.sh runs the benchmarks and prints benchstat tables: ours against
# go-toml v2 and BurntSushi side by side, our Parse alone, and our cost at
# 1 MB against 10 MB.
#
# Usage: ./run.sh [-count N] [-benchtime T] [-bench REGEXP] [-out DIR]
#        ./run.sh -report DIR    (tables from an earlier run's DIR/all.txt)
# Defaults: -count 6, -benchtime 1s, every benchmark, raw results in a
# temporary directory (kept, and named at the end).
# Needs only Go: benchstat is installed with `go install` on first use.
set -eu

count=6
benchtime=1s
bench='.'
out=''
report=false
while [ $# -gt 0 ]; do
	case $1 in
	-count) count=$2; shift 2 ;;
	-benchtime) benchtime=$2; shift 2 ;;
	-bench) bench=$2; shift 2 ;;
	-out) out=$2; shift 2 ;;
	-report) out=$2; report=true; shift 2 ;;
	*) echo "usage: $0 [-count N] [-benchtime T] [-bench REGEXP] [-out DIR] | -report DIR" >&2; exit 2 ;;
	esac
done

case $out in
'' | /*) ;;
*) out=$PWD/$out ;; # it must survive the cd below
esac
cd "$(dirname "$0")"
[ -n "$out" ] || out=$(mktemp -d "${TMPDIR:-/tmp}/toml-bench.XXXXXX")
mkdir -p "$out"

bin=$(go env GOBIN)
[ -n "$bin" ] || bin=$(go env GOPATH | cut -d: -f1)/bin
benchstat=$bin/benchstat
if [ ! -x "$benchstat" ]; then
	go install golang.org/x/perf/cmd/benchstat@latest
fi

# Each round runs every benchmark once, in a fresh process; rounds repeat
# -count times. Interleaving the libraries this way spreads a burst of load
# from other processes over all of them instead of one library's samples.
# -run '^$' skips the tests.
$report || : > "$out/all.txt"
i=1
$report && i=$((count + 1)) # no rounds: only the tables
while [ "$i" -le "$count" ]; do
	echo "round $i of $count" >&2
	go test -run '^$' -bench "$bench" -benchtime "$benchtime" -count 1 -timeout 0 . | tee -a "$out/all.txt"
	i=$((i + 1))
done
if grep -q '^FAIL' "$out/all.txt"; then
	echo "run.sh: a benchmark failed; see $out/all.txt" >&2
	exit 1
fi

# Each table is one benchmark family; -col turns one name key (/lib or
# /size) into columns so the libraries, or the sizes, sit side by side.
section() {
	title=$1 family=$2 col=$3
	if grep -q "^Benchmark$family/" "$out/all.txt"; then
		printf '\n## %s\n\n' "$title"
		"$benchstat" -filter ".name:$family" -col "$col" "$out/all.txt"
	fi
}
section 'Decode into map[string]any' DecodeMap /lib
section 'Decode into structs' DecodeStruct /lib
section 'Encode structs' Encode /lib
section 'Memory: 10 MB Cargo.lock into map[string]any' PeakMemory /lib
section 'Parse into the positioned tree (ours only)' Parse /lib
section 'Scaling: 1 MB against 10 MB (ours only)' Scaling /size

# The issue's targets, row by row: see targets.awk for the rules.
printf '\n## Targets: at least 1.5x go-toml on CPU time, fewer allocs/op, lower peak heap\n'
for family in DecodeMap DecodeStruct Encode PeakMemory; do
	if grep -q "^Benchmark$family/" "$out/all.txt"; then
		echo
		"$benchstat" -format csv -filter ".name:$family" -col /lib "$out/all.txt" 2>/dev/null | awk -f targets.awk
	fi
done

printf '\nRaw results: %s/all.txt\n' "$out"
