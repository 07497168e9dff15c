# strata: list what a mounted image root holds, for a node's changes and its SBOM.
# argv: ROOT OUT   (this text is constant; all data comes as arguments)
# OUT/files: per entry seven NUL-terminated fields: path, type, mode, uid, gid, size, link target.
# OUT/sums: sha256sum -z of the regular files. OUT/dpkg-status: dpkg's database, when the image
# has one; OUT/os-release: the distribution's os-release, when it has one. A file is copied only
# when no part of its path is a symbolic link: a link in an image may point anywhere on this host.
set -eu
root=$1; out=$2
cd "$root"
plain() {
    cur=.
    rest=$1
    while [ -n "$rest" ]; do
        part=${rest%%/*}
        if [ "$part" = "$rest" ]; then rest=; else rest=${rest#*/}; fi
        cur=$cur/$part
        if [ -L "$cur" ]; then return 1; fi
    done
    [ -f "$cur" ]
}
find . -xdev -mindepth 1 -printf '%P\0%y\0%m\0%U\0%G\0%s\0%l\0' > "$out/files"
find . -xdev -type f -print0 | xargs -0 -r sha256sum -z -- > "$out/sums"
if plain var/lib/dpkg/status; then cp var/lib/dpkg/status "$out/dpkg-status"; fi
for f in usr/lib/os-release etc/os-release; do
    if plain "$f"; then cp "$f" "$out/os-release"; break; fi
done
