#!/usr/bin/env bash
# CPU cost of the tagger per pass, A/B of a git revision against this
# checkout, in one run: builds the `profile` example of khabar-tag-lab for
# both (the five sample articles tagged as one document N times), then
#   - counts instructions per pass with callgrind (N = 0 and N = 10; the
#     difference over 10 is one pass, independent of the machine's load),
#   - reads `perf stat -e task-clock` for N = 0 and N = 100, ROUNDS times,
#     A and B interleaved (CPU time, which the load moves less than wall time).
#
#   bash benches/tag_cpu_ab.sh REV [ROUNDS]      # e.g. main 5
#
# The revision is built from `git archive` in its own target directory
# (sharing one would let the two builds overwrite each other's artifacts).
set -euo pipefail
rev=${1:?revision}
rounds=${2:-5}
root=$(git rev-parse --show-toplevel)
work=${TAG_AB_DIR:-/tmp/tag-cpu-ab}
mkdir -p "$work/src"
rm -rf "$work/src"/*
git -C "$root" archive "$rev" | tar -x -C "$work/src"
(cd "$work/src" && CARGO_TARGET_DIR="$work/target" cargo build -q --release -p khabar-tag-lab --example profile)
cp "$work/target/release/examples/profile" "$work/profile-a"
(cd "$root" && cargo build -q --release -p khabar-tag-lab --example profile)
cp "$root/target/release/examples/profile" "$work/profile-b"
uptime
for side in a b; do
  for n in 0 10; do
    valgrind --tool=callgrind --callgrind-out-file="$work/cg-$side-$n.out" "$work/profile-$side" $n 2>&1 |
      sed -n "s/.*Collected : \([0-9]*\)/$side $n \1/p"
  done
done | awk '{ir[$1" "$2]=$3} END {
  a=(ir["a 10"]-ir["a 0"])/10; b=(ir["b 10"]-ir["b 0"])/10;
  printf "instructions per pass: A %.2f M, B %.2f M, B/A %.3f; start-up: A %.0f M, B %.0f M\n",
    a/1e6, b/1e6, b/a, ir["a 0"]/1e6, ir["b 0"]/1e6 }'
clock() { perf stat -x, -e task-clock "$1" "$2" 2>&1 | awk -F, '/task-clock/ {print $1}'; }
for r in $(seq "$rounds"); do
  for side in a b; do
    t0=$(clock "$work/profile-$side" 0)
    t1=$(clock "$work/profile-$side" 100)
    echo "$side $t0 $t1"
  done
done | python3 -c '
import statistics, sys
v = {}
for line in sys.stdin:
    side, t0, t1 = line.split()
    v.setdefault(side, []).append((float(t1) - float(t0)) / 100)
for side, xs in sorted(v.items()):
    print(side, "ms of CPU per pass:", " ".join(f"{x:.3f}" for x in xs), f"median {statistics.median(xs):.3f}")
a, b = statistics.median(v["a"]), statistics.median(v["b"])
print(f"B/A of the medians: {b / a:.3f}")
'
uptime
