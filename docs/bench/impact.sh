#!/usr/bin/env bash
# Impact benchmark of docs/benchmarks.md ("Impact analysis on a large site"), from the checkout's
# root, after `mvn -B -q -DskipTests package`:
#     docs/bench/impact.sh [RUNS]
# Generates the large site once (in $STRATA_BENCH_SITE, default /tmp/strata-large-site; $STRATA_BENCH_SCALE
# times larger when set, e.g. 4: about 6,000 nodes and 120,000 files), then runs
# `bin/strata impact ... --format json` RUNS times (default 11) and prints the median, fastest and
# slowest wall time (JVM start included) and the largest peak RSS.
#
# Which change ($STRATA_BENCH_CHANGE): `first` (default), the generator's 500 files (main~1..main);
# `second`, another change on branch `next` (100 role templates, main..next), made once here.
# The analysis cache ($STRATA_BENCH_CACHE): `none` (default, --no-cache: a cold run); `warm`,
# each timed run on a fresh cache folder that an untimed run of the first change filled.
set -euo pipefail
RUNS=${1:-11}
SITE=${STRATA_BENCH_SITE:-/tmp/strata-large-site}
SCALE=${STRATA_BENCH_SCALE:-1}
CHANGE=${STRATA_BENCH_CHANGE:-first}
CACHE=${STRATA_BENCH_CACHE:-none}
if [ ! -d "$SITE/.git" ]; then
    mvn -B -q -pl strata-cli -am test-compile
    java -cp strata-cli/target/test-classes:strata-cli/target/strata.jar io.strata.cli.bench.LargeSiteGenerator "$SITE" "$SCALE"
    git -C "$SITE" gc -q
fi
if ! git -C "$SITE" rev-parse -q --verify refs/heads/next > /dev/null; then
    git -C "$SITE" checkout -q -b next main
    for i in $(seq 0 99); do
        echo "# next {{ next_$i | default('') }}" >> "$SITE/roles/r$(( i * 29 % (3000 * SCALE) ))/templates/b.j2"
    done
    git -C "$SITE" commit -q -a -m "a second change: 100 role templates"
    git -C "$SITE" checkout -q main
fi
case $CHANGE in
    first) range=(--base main~1 --head main) ;;
    second) range=(--base main --head next) ;;
    *) echo "STRATA_BENCH_CHANGE: first or second" >&2; exit 2 ;;
esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
millis() { date +%s%3N; }
for _ in $(seq "$RUNS"); do
    case $CACHE in
        none) cache=(--no-cache) ;;
        warm)
            rm -rf "$T/cache"
            bin/strata impact --config "$SITE/layers.yaml" --base main~1 --head main --format json \
                --cache-dir "$T/cache" > /dev/null
            cache=(--cache-dir "$T/cache") ;;
        *) echo "STRATA_BENCH_CACHE: none or warm" >&2; exit 2 ;;
    esac
    start=$(millis)
    /usr/bin/time -f %M -o "$T/rss" bin/strata impact --config "$SITE/layers.yaml" "${range[@]}" "${cache[@]}" \
        --format json > "$T/impact.json"
    echo $(( $(millis) - start )) >> "$T/wall"
    cat "$T/rss" >> "$T/rsses"
done
summary() { sort -n "$1" | awk '{v[NR] = $1} END {printf "median %d ms, fastest %d ms, slowest %d ms", v[int((NR + 1) / 2)], v[1], v[NR]}'; }
echo "impact ($CHANGE change, cache: $CACHE) wall time ($RUNS runs): $(summary "$T/wall")"
echo "peak RSS: $(sort -n "$T/rsses" | tail -1) KB"
python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print("rebuilt %d (%d directly affected), reused %d" % (len(r["rebuild"]), sum(n["start"] for n in r["rebuild"]), len(r["reuse"])))' "$T/impact.json"
