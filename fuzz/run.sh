#!/bin/sh
# run.sh is the CI fuzz step: it runs each fuzz target for $FUZZTIME
# (default 20s), one after another (those of fuzz/, one of the root
# package and one of schema/, then the differential module's tests and
# fuzz target), stopping with a non-zero status at the first failure.
# A failing input is written to testdata/fuzz/<Target>/ beside the target;
# commit it once the bug is fixed, so that go test keeps checking it.
#
#   FUZZTIME=5m fuzz/run.sh          # longer, e.g. before a release
#   FUZZPARALLEL=2 fuzz/run.sh       # more workers (default 1: CI is shared)
set -eu

cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-20s}
parallel=${FUZZPARALLEL:-1}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# fuzz PACKAGE TARGET runs one target. Go 1.26's fuzzing coordinator can
# fail a target with a bare "context deadline exceeded" at the end of a
# -fuzztime given as a duration, having found nothing (golang/go#75804,
# fixed in Go 1.27): that one failure, with no failing input written and
# no seed failing, is reported and passed over; any other fails the step.
fuzz() {
	echo "fuzz: $2 for $fuzztime"
	if go test "$1" -run '^$' -fuzz "^$2\$" -fuzztime "$fuzztime" -parallel "$parallel" >"$log" 2>&1; then
		tail -n 2 "$log"
		return 0
	fi
	cat "$log"
	if grep -q '^    context deadline exceeded$' "$log" &&
		! grep -q -e 'Failing input written' -e 'failure while testing seed corpus' -e 'panic:' "$log"; then
		echo "fuzz: $2 stopped on Go's fuzzing deadline race (golang/go#75804), not on an input: passed over"
		return 0
	fi
	return 1
}

for target in FuzzParse FuzzParse11 FuzzDecode FuzzFormat FuzzEdit FuzzDowngrade; do
	fuzz ./fuzz "$target"
done

# Unmarshal's stream of array-of-tables elements, with batches of one: the
# target sits in the root package, whose tests alone can set the batch.
fuzz . FuzzUnmarshalStreams

# Schema validation of any document against the pyproject and Cargo
# schemas: the target sits in the schema package.
fuzz ./schema FuzzValidate

cd fuzz/differential
echo "fuzz: differential module tests"
go vet ./...
go test ./...
fuzz . FuzzDifferential
