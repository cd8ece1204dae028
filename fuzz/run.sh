#!/bin/sh
# run.sh is the CI fuzz step: it runs each fuzz target for $FUZZTIME
# (default 20s), one after another (those of fuzz/, one of the root
# package and one of schema/, then the differential module's tests and
# fuzz target), stopping
# with a non-zero status at the first failure.
# A failing input is written to testdata/fuzz/<Target>/ beside the target;
# commit it once the bug is fixed, so that go test keeps checking it.
#
#   FUZZTIME=5m fuzz/run.sh          # longer, e.g. before a release
#   FUZZPARALLEL=2 fuzz/run.sh       # more workers (default 1: CI is shared)
set -eu

cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-20s}
parallel=${FUZZPARALLEL:-1}

for target in FuzzParse FuzzParse11 FuzzDecode FuzzFormat FuzzEdit FuzzDowngrade; do
	echo "fuzz: $target for $fuzztime"
	go test ./fuzz -run '^$' -fuzz "^$target\$" -fuzztime "$fuzztime" -parallel "$parallel"
done

# Unmarshal's stream of array-of-tables elements, with batches of one: the
# target sits in the root package, whose tests alone can set the batch.
echo "fuzz: FuzzUnmarshalStreams for $fuzztime"
go test . -run '^$' -fuzz '^FuzzUnmarshalStreams$' -fuzztime "$fuzztime" -parallel "$parallel"

# Schema validation of any document against the pyproject and Cargo
# schemas: the target sits in the schema package.
echo "fuzz: FuzzValidate for $fuzztime"
go test ./schema -run '^$' -fuzz '^FuzzValidate$' -fuzztime "$fuzztime" -parallel "$parallel"

cd fuzz/differential
echo "fuzz: differential module tests"
go vet ./...
go test ./...
echo "fuzz: FuzzDifferential for $fuzztime"
go test . -run '^$' -fuzz '^FuzzDifferential$' -fuzztime "$fuzztime" -parallel "$parallel"
