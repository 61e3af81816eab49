#!/usr/bin/env bash
# Builds the shaded benchmark jar and runs every mystaff benchmark, then the memory measurement.
# Results (JMH text and JSON, memory output) go to mystaff-benchmarks/target/results/.
#
#   mystaff-benchmarks/run-benchmarks.sh            # everything (about 25 minutes on 2 cores)
#   mystaff-benchmarks/run-benchmarks.sh quick      # one short iteration each, to smoke-test
#
# Extra JMH options can be given after the mode, e.g. `run-benchmarks.sh full -f 2`.
# The benchmarks never run in `mvn verify`: there the module is only compiled.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
mode="${1:-full}"
shift || true
jar="$here/target/benchmarks.jar"
out="$here/target/results"

case "$mode" in
  full)  timing=() ;;
  quick) timing=(-wi 1 -w 1s -i 1 -r 1s) ;;
  *) echo "usage: $0 [full|quick] [extra JMH options]" >&2; exit 2 ;;
esac

echo "== building $jar"
(cd "$root" && mvn -B -q -P benchmarks -pl mystaff-benchmarks -am package -DskipTests)
mkdir -p "$out"

echo "== machine"
{ echo "cores: $(nproc)"; java -version 2>&1; uname -srm; } | tee "$out/machine.txt"

run() {
  local name="$1"; shift
  echo "== $name"
  java -jar "$jar" "$name" -prof gc "${timing[@]}" -rf json -rff "$out/$name.json" "$@" \
    | tee "$out/$name.txt" | sed -n '/^Benchmark /,$p'
}

# The CPU time the benchmark thread spent per operation in each measurement iteration: unlike the
# wall-clock score, it does not grow when the machine is busy with other work.
cpu_per_op() {
  echo "-- $1: benchmark-thread CPU time per operation, measurement iterations"
  awk '/^# Benchmark:/ {b=$3} /^# Parameters:/ {p=$3" "$4" "$5} /^# Warmup Iteration/ {w=1} /^Iteration/ {w=0}
       /CPU time per op/ && !w {sub(/^ +/, ""); print b, p, $0}' "$out/$1.txt"
}

# Authorization: one fork per trial; the agreement gate runs in every setup.
run AuthorizationBenchmark "$@"
cpu_per_op AuthorizationBenchmark
# Search: the 1M-user tenant takes minutes to load, so one JVM serves every trial.
run SearchBenchmark -f 0 "$@"
cpu_per_op SearchBenchmark
# A manager's sign-in and members page on the same large tenant (its own JVM: one more load).
run StaffSessionBenchmark -f 0 "$@"
cpu_per_op StaffSessionBenchmark
run PasswordResetBenchmark "$@"

echo "== memory: 1M users, 10k units, default heap"
java -cp "$jar" io.mystaff.benchmarks.MemoryFootprint LARGE_TENANT | tee "$out/memory-default-heap.txt"
echo "== memory: 1M users, 10k units, -Xmx2g"
java -Xmx2g -cp "$jar" io.mystaff.benchmarks.MemoryFootprint LARGE_TENANT | tee "$out/memory-xmx2g.txt"

echo "== results in $out"
