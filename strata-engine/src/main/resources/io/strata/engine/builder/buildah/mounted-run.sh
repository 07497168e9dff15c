# strata: run one command with a working container's root mounted at a fixed directory.
# argv: CONTAINER ROOTDIR BINDS COMMAND [ARG...]   (this text is constant; all data comes as arguments)
# BINDS=1 also binds /dev, /proc, /sys and a read-only /etc/resolv.conf into the root (chroot work).
set -eu
c=$1; root=$2; binds=$3; shift 3
m=$(buildah mount "$c")
case "$m" in /*) ;; *) echo "strata: buildah mount gave no path" >&2; exit 70;; esac
[ -d "$m" ] && [ -d "$root" ] || { echo "strata: mount path or root dir missing" >&2; exit 70; }
had_ansible=0; [ -e "$m/root/.ansible" ] && had_ansible=1
made_resolv=0
mount --bind "$m" "$root"
if [ "$binds" = 1 ]; then
  if [ -d "$root/etc" ] && [ ! -e "$root/etc/resolv.conf" ] && [ ! -L "$root/etc/resolv.conf" ]; then
    : > "$root/etc/resolv.conf"; made_resolv=1
  fi
  for d in dev proc sys; do mkdir -p "$root/$d"; mount --rbind "/$d" "$root/$d"; done
  if [ -f "$root/etc/resolv.conf" ] && [ ! -L "$root/etc/resolv.conf" ]; then
    mount --bind /etc/resolv.conf "$root/etc/resolv.conf"
    mount -o remount,bind,ro "$root/etc/resolv.conf"
  fi
fi
rc=0
"$@" </dev/null || rc=$?
umount -l "$root" || { echo "strata: unmounting $root failed" >&2; [ "$rc" -ne 0 ] || rc=71; }
[ "$made_resolv" = 0 ] || rm -f "$m/etc/resolv.conf"
[ "$had_ansible" = 1 ] || rm -rf "$m/root/.ansible"
buildah umount "$c" >/dev/null || true
exit "$rc"
