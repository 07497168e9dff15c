#!/usr/bin/env bash
# What Strata would have rebuilt over a repository's past: docs/impact.md, "Real repositories".
# From the checkout's root, after `mvn -B -q -DskipTests package`:
#     docs/bench/history-sweep.sh REPO LAYERS_FILE [COMMITS]
# REPO is a git clone (left unchanged: its objects gain commits, no branch or file moves); LAYERS_FILE
# a layers file for it, written as if at its root. The last COMMITS (default 200) first-parent commits
# are copied, each with the layers file added, into a branch strata-sweep of a scratch clone; then
# `strata impact --format json` runs on every consecutive pair. Prints the exit codes, any error
# line, and how many changes rebuilt how many nodes; keeps each result in $OUT (default
# /tmp/strata-sweep/out/N.json, N the pair's number, base first).
set -euo pipefail
REPO=$(cd "$1" && pwd)
LAYERS=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
COMMITS=${3:-200}
STRATA=$(cd "$(dirname "$0")/../.." && pwd)/bin/strata
WORK=${STRATA_SWEEP_DIR:-/tmp/strata-sweep}
OUT=$WORK/out
rm -rf "$WORK"
mkdir -p "$OUT"
git clone -q "$REPO" "$WORK/repo"
cd "$WORK/repo"
blob=$(git hash-object -w "$LAYERS")
parent=()
: > "$WORK/pairs"
export GIT_INDEX_FILE=$WORK/index
for commit in $(git rev-list --first-parent --reverse -n "$COMMITS" HEAD); do
    git read-tree "$commit"
    git update-index --add --cacheinfo "100644,$blob,layers.yaml"
    copy=$(git commit-tree "$(git write-tree)" "${parent[@]}" -m "$commit + layers.yaml")
    echo "$copy $commit" >> "$WORK/pairs"
    parent=(-p "$copy")
done
unset GIT_INDEX_FILE
git checkout -q -B strata-sweep "$copy"
n=0
base=
while read -r copy commit; do
    if [ -n "$base" ]; then
        n=$((n + 1))
        code=0
        "$STRATA" impact --config layers.yaml --base "$base" --head "$copy" --format json \
            --cache-dir "$WORK/cache" > "$OUT/$n.json" 2> "$OUT/$n.err" || code=$?
        echo "$n $code $commit" >> "$OUT/codes"
    fi
    base=$copy
done < "$WORK/pairs"
echo "exit codes (count code):"
awk '{print $2}' "$OUT/codes" | sort | uniq -c
echo "error lines (count line):"
cat "$OUT"/*.err | sort | uniq -c | sort -rn | head -20
echo "changes by nodes rebuilt (count nodes), and how often each node was rebuilt:"
python3 - "$OUT" <<'PY'
import collections, glob, json, sys
sizes, nodes = collections.Counter(), collections.Counter()
for path in glob.glob(sys.argv[1] + "/*.json"):
    try:
        rebuild = json.load(open(path))["rebuild"]
    except ValueError:
        continue
    sizes[len(rebuild)] += 1
    nodes.update(entry["node"] for entry in rebuild)
for size, count in sorted(sizes.items()):
    print(f"{count:7d} {size}")
for node, count in nodes.most_common():
    print(f"{count:7d} {node}")
PY
