#!/usr/bin/env bash
# Build benchmarks of docs/benchmarks.md ("Builds"). Run as an ordinary user with the toolchain of
# .ci/run (buildah, ansible, mmdebstrap, skopeo, docker-registry, apache2-utils) from the checkout's
# root, after `mvn -B -q -DskipTests package`:
#     docs/bench/builds.sh [RUNS [CASE...]]
# CASE: drivers, chain, parallel, connections, plan (default: all); the root is always built.
# Everything lives in a private folder (store, registry, sites), removed at the end. Prints one
# line per measurement: name, the median over RUNS runs (default 3), and each run's value.
set -euo pipefail
RUNS=${1:-3}
shift || true
CASES=" ${*:-drivers chain parallel connections plan} "
want() { [[ $CASES == *" $1 "* ]]; }
JAR=$(pwd)/strata-cli/target/strata.jar
EXAMPLE=$(pwd)/examples/cluster
B=$(mktemp -d /var/tmp/strata-bench.XXXXXX)
trap 'kill "$REG_PID" 2>/dev/null || true; for s in overlay vfs; do [ -d "$B/$s" ] && CONTAINERS_STORAGE_CONF=$B/$s.conf XDG_RUNTIME_DIR=$B/$s-xdg buildah unshare -- rm -rf "$B/$s"; done; rm -rf "$B"' EXIT

# A store per driver, each with its own runtime folder.
for s in overlay vfs; do
    mkdir -p "$B/$s" "$B/$s-xdg"; chmod 700 "$B/$s-xdg"
    printf '[storage]\ndriver = "%s"\ngraphroot = "%s"\nrootless_storage_path = "%s"\n' "$s" "$B/$s" "$B/$s" > "$B/$s.conf"
done
store() { export CONTAINERS_STORAGE_CONF=$B/$1.conf XDG_RUNTIME_DIR=$B/$1-xdg; }

# A registry with htpasswd auth on a free port.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
REG=127.0.0.1:$PORT
mkdir -p "$B/registry/data"
printf %s bench-pw | htpasswd -B -i -c "$B/registry/htpasswd" bench 2>/dev/null
printf 'version: 0.1\nlog: {level: warn}\nstorage: {filesystem: {rootdirectory: %s}, delete: {enabled: true}}\nhttp: {addr: "%s"}\nauth: {htpasswd: {realm: bench, path: %s}}\n' \
    "$B/registry/data" "$REG" "$B/registry/htpasswd" > "$B/registry/config.yml"
docker-registry serve "$B/registry/config.yml" > "$B/registry/log" 2>&1 & REG_PID=$!
until curl -s -o /dev/null "http://$REG/v2/"; do sleep 0.1; done
export STRATA_REGISTRY_USER=bench STRATA_REGISTRY_PASSWORD=bench-pw

# The site: the example plus a 5-layer chain, two independent 10-copy layers and a 10-command layer.
S=$B/site
cp -r "$EXAMPLE" "$S"
sed -i "s/children: \['hsn'\]/children: ['hsn', 'l1', 'par-a', 'par-b', 'tasks10']/" "$S/layers.yaml"
cat >> "$S/layers.yaml" <<YAML
l1: {image_types: [{type: base, pb: chain.yml, children: [l2]}]}
l2: {image_types: [{type: base, pb: chain.yml, children: [l3]}]}
l3: {image_types: [{type: base, pb: chain.yml, children: [l4]}]}
l4: {image_types: [{type: base, pb: chain.yml, children: [l5]}]}
l5: {image_types: [{type: base, pb: chain.yml}]}
par-a: {image_types: [{type: base, pb: copy10.yml}]}
par-b: {image_types: [{type: base, pb: copy10.yml}]}
tasks10: {image_types: [{type: base, pb: command10.yml}]}
settings:
  registry: '$REG'
  build: {insecure_registries: ['$REG']}
YAML
printf -- '- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.copy: {content: "{{ 1000000 | random }}\\n", dest: "/etc/chain-{{ 1000000 | random }}"}\n' > "$S/chain.yml"
{ printf -- '- hosts: all\n  gather_facts: false\n  tasks:\n'
  for i in $(seq 1 10); do printf '    - ansible.builtin.copy: {content: "file %s {{ 1000000 | random }}\\n", dest: /etc/bench-%s}\n' "$i" "$i"; done; } > "$S/copy10.yml"
{ printf -- '- hosts: all\n  gather_facts: false\n  tasks:\n'
  for i in $(seq 1 10); do printf '    - ansible.builtin.command: /bin/true\n'; done; } > "$S/command10.yml"

n=0
strata() { n=$((n+1)); W=$B/work-$n; java -jar "$JAR" build --config "$S/layers.yaml" --work-dir "$W" --progress plain "$@" > "$W.out" 2>&1 \
    || { cat "$W.out" >&2; exit 1; }; }
# seconds of a phase in a node's log ("timings: from 0.21s, playbook 5.10s, ...")
phase() { grep -o "timings: .*" "$W/logs/$1.log" | grep -o "$2 [0-9.]*s" | grep -o '[0-9.]*' || echo 0; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.2f", b - a}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
report() { local name=$1; shift; printf '%-58s %8.2f s   (%s)\n' "$name" "$(median "$@")" "$*"; }

store overlay
strata --node my-fav-os/base --tag root
report "root: mmdebstrap minbase+python3 (packages phase)" "$(phase my-fav-os-base packages)"
report "root: commit" "$(phase my-fav-os-base commit)"
report "root: first push of the 216 MB root" "$(phase my-fav-os-base push)"
BASE=$REG/ca/my-fav-os-base:root

want drivers && for driver in overlay vfs; do
    store $driver
    [ $driver = vfs ] && buildah pull -q --tls-verify=false --creds bench:bench-pw "docker://$BASE" > /dev/null
    F=(); P=(); C=(); U=(); L=(); T=()
    for r in $(seq 1 "$RUNS"); do
        t0=$(now); strata --node hsn/base --from "$BASE" --tag "$driver$r" --storage-driver $driver; T+=("$(since "$t0")")
        F+=("$(phase hsn-base from)"); P+=("$(phase hsn-base playbook)"); C+=("$(phase hsn-base commit)"); U+=("$(phase hsn-base push)")
        strata --node hsn/base --from "$BASE" --tag "local$driver$r" --storage-driver $driver --registry localhost
        L+=("$(phase hsn-base tag)")
    done
    report "$driver: hsn layer, buildah from (pull check of the parent)" "${F[@]}"
    report "$driver: hsn layer, playbook (gather_facts + 1 template)" "${P[@]}"
    report "$driver: hsn layer, label + commit" "${C[@]}"
    report "$driver: hsn layer, push 3 tags (parent blobs in the registry)" "${U[@]}"
    report "$driver: hsn layer, local tags only (no registry)" "${L[@]}"
    report "$driver: hsn layer, whole strata build --node" "${T[@]}"
done

store overlay
CH=(); J1=(); J2=(); CR=(); BU=(); PA=(); PW=(); PC=(); PT=()
for r in $(seq 1 "$RUNS"); do
    if want chain; then t0=$(now); strata --start-at l1/base --tag chain$r -j 1; CH+=("$(since "$t0")"); fi
    if want parallel; then
        t0=$(now); strata --start-at par-a/base --start-at par-b/base --tag serial$r -j 1; J1+=("$(since "$t0")")
        t0=$(now); strata --start-at par-a/base --start-at par-b/base --tag parallel$r -j 2; J2+=("$(since "$t0")")
    fi
    if want connections; then
        strata --node tasks10/base --from "$BASE" --tag chroot$r --connection chroot; CR+=("$(phase tasks10-base playbook)")
        strata --node tasks10/base --from "$BASE" --tag buildah$r --connection buildah; BU+=("$(phase tasks10-base playbook)")
        # The paper's way: the buildah connection with Ansible's defaults (no pipelining,
        # interpreter discovery), the container as the inventory's only host.
        c=$(buildah from -q --pull=never "$BASE")
        printf '[all]\n%s ansible_connection=containers.podman.buildah\n' "$c" > "$B/paper-inventory"
        t0=$(now); buildah unshare -- ansible-playbook -i "$B/paper-inventory" "$S/command10.yml" < /dev/null > "$B/paper.out" 2>&1 \
            || { cat "$B/paper.out" >&2; exit 1; }
        PA+=("$(since "$t0")"); buildah rm "$c" > /dev/null
    fi
    if want plan; then
        # The example's plan below the published root: hsn, then compute and uan side by side,
        # then slurm for each type. Wall time of the runner against the critical path it reports.
        t0=$(now); strata --start-at hsn/base --tag plan$r -j 2; PT+=("$(since "$t0")")
        PW+=("$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["seconds"])' "$W/result.json")")
        PC+=("$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["criticalPath"]["seconds"])' "$W/result.json")")
    fi
done
want chain && report "5-layer chain (l1..l5, 1 copy task each), whole run" "${CH[@]}"
want parallel && report "two independent 10-copy layers, -j 1" "${J1[@]}"
want parallel && report "two independent 10-copy layers, -j 2" "${J2[@]}"
if want connections; then
    report "10 command tasks, community.general.chroot (playbook)" "${CR[@]}"
    report "10 command tasks, containers.podman.buildah as strata runs it" "${BU[@]}"
    report "10 command tasks, containers.podman.buildah, Ansible defaults" "${PA[@]}"
fi
if want plan; then
    report "example plan from hsn/base, -j 2: runner wall time" "${PW[@]}"
    report "example plan from hsn/base, -j 2: critical path" "${PC[@]}"
    report "example plan from hsn/base, -j 2: whole strata build" "${PT[@]}"
    R=(); for i in "${!PW[@]}"; do R+=("$(awk -v w="${PW[$i]}" -v c="${PC[$i]}" 'BEGIN {printf "%.3f", w / c}')"); done
    report "example plan: wall time / critical path" "${R[@]}"
fi
echo "load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(buildah --version | cut -d' ' -f1-3)"
