# strata: list what a mounted image root holds, for a node's changes.
# argv: ROOT OUT   (this text is constant; all data comes as arguments)
# OUT/files: per entry seven NUL-terminated fields: path, type, mode, uid, gid, size, link target.
# OUT/sums: sha256sum -z of the regular files. OUT/dpkg-status: dpkg's database, when the image has one.
set -eu
root=$1; out=$2
cd "$root"
find . -xdev -mindepth 1 -printf '%P\0%y\0%m\0%U\0%G\0%s\0%l\0' > "$out/files"
find . -xdev -type f -print0 | xargs -0 -r sha256sum -z -- > "$out/sums"
if [ -f var/lib/dpkg/status ]; then cp var/lib/dpkg/status "$out/dpkg-status"; fi
