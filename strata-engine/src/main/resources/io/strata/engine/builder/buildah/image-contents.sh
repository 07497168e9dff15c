# strata: list what a mounted image root holds, for a node's changes and its SBOM.
# argv: ROOT OUT   (this text is constant; all data comes as arguments)
# OUT/files: per entry seven NUL-terminated fields: path, type, mode, uid, gid, size, link target.
# OUT/sums: sha256sum -z of the regular files. OUT/dpkg-status: dpkg's database, when the image
# has one; else OUT/rpm-packages: the packages of its rpm database, when it has one and this host
# has rpm (which reads a copy of the database's files, so that the image gains no lock file), or
# OUT/packages-note: why they could not be listed;
# OUT/os-release: the distribution's os-release, when it has one. A file is copied only when no
# part of its path is a symbolic link: a link in an image may point anywhere on this host.
set -eu
root=$1; out=$2
cd "$root"
nolink() {
    cur=.
    rest=$1
    while [ -n "$rest" ]; do
        part=${rest%%/*}
        if [ "$part" = "$rest" ]; then rest=; else rest=${rest#*/}; fi
        cur=$cur/$part
        if [ -L "$cur" ]; then return 1; fi
    done
}
plain() { nolink "$1" && [ -f "$1" ]; }
find . -xdev -mindepth 1 -printf '%P\0%y\0%m\0%U\0%G\0%s\0%l\0' > "$out/files"
find . -xdev -type f -print0 | xargs -0 -r sha256sum -z -- > "$out/sums"
if plain var/lib/dpkg/status; then
    cp var/lib/dpkg/status "$out/dpkg-status"
else
    for db in usr/lib/sysimage/rpm var/lib/rpm; do
        if nolink "$db" && [ -d "$db" ]; then
            if ! command -v rpm > /dev/null 2>&1; then
                echo "the image has an rpm database but this host has no rpm to read it (apt-get install rpm)" > "$out/packages-note"
            else
                mkdir "$out/rpmdb"
                find "$db" -mindepth 1 -maxdepth 1 -type f -exec cp {} "$out/rpmdb/" \;
                if rpm --dbpath "$out/rpmdb" -qa --qf '%{NAME}\t%{EPOCHNUM}\t%{VERSION}\t%{RELEASE}\t%{ARCH}\t%{SIZE}\n' \
                    > "$out/rpm-packages.part" 2> "$out/packages-note"; then
                    mv "$out/rpm-packages.part" "$out/rpm-packages"
                    rm -f "$out/packages-note"
                fi
                rm -rf "$out/rpmdb"
            fi
            break
        fi
    done
fi
for f in usr/lib/os-release etc/os-release; do
    if plain "$f"; then cp "$f" "$out/os-release"; break; fi
done
