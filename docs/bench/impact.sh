#!/usr/bin/env bash
# Impact benchmark of docs/benchmarks.md ("Impact analysis on a large site"), from the checkout's
# root, after `mvn -B -q -DskipTests package`:
#     docs/bench/impact.sh [RUNS]
# Generates the large site once (in $STRATA_BENCH_SITE, default /tmp/strata-large-site; $STRATA_BENCH_SCALE
# times larger when set, e.g. 4: about 6,000 nodes and 120,000 files), then runs
# `bin/strata impact ... --format json` RUNS times (default 11) and prints the median, fastest and
# slowest wall time (JVM start included) and the largest peak RSS.
set -euo pipefail
RUNS=${1:-11}
SITE=${STRATA_BENCH_SITE:-/tmp/strata-large-site}
SCALE=${STRATA_BENCH_SCALE:-1}
if [ ! -d "$SITE/.git" ]; then
    mvn -B -q -pl strata-cli -am test-compile
    java -cp strata-cli/target/test-classes:strata-cli/target/strata.jar io.strata.cli.bench.LargeSiteGenerator "$SITE" "$SCALE"
    git -C "$SITE" gc -q
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
millis() { date +%s%3N; }
for _ in $(seq "$RUNS"); do
    start=$(millis)
    /usr/bin/time -f %M -o "$T/rss" bin/strata impact --config "$SITE/layers.yaml" --base HEAD~1 --head HEAD \
        --format json > "$T/impact.json"
    echo $(( $(millis) - start )) >> "$T/wall"
    cat "$T/rss" >> "$T/rsses"
done
summary() { sort -n "$1" | awk '{v[NR] = $1} END {printf "median %d ms, fastest %d ms, slowest %d ms", v[int((NR + 1) / 2)], v[1], v[NR]}'; }
echo "impact wall time ($RUNS runs): $(summary "$T/wall")"
echo "peak RSS: $(sort -n "$T/rsses" | tail -1) KB"
python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print("rebuilt %d (%d directly affected), reused %d" % (len(r["rebuild"]), sum(n["start"] for n in r["rebuild"]), len(r["reuse"])))' "$T/impact.json"
