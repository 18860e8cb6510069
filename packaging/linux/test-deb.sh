#!/usr/bin/env bash
# Install the .deb into a private root (dpkg --root: the machine's own system is not touched), check it
# as a desktop would use it, remove it, and check that nothing it installed is left:
#   - the programs run from /usr/bin (dtrack --version, a database made with dtrack init);
#   - the .dtdb type is known from the MIME database, and the menu entry claims it (gio, which
#     xdg-open uses on GNOME, answers from the same files a desktop reads);
#   - the menu entry's Exec line, given a .dtdb as a double-click gives it, opens the start screen
#     with that file chosen (offscreen; the app reports what it shows and quits).
#   bash packaging/linux/test-deb.sh [dist/displacement-tracker_VERSION_ARCH.deb]
set -euo pipefail
cd "$(dirname "$0")/../.."
deb=${1:-$(ls -t dist/displacement-tracker_*.deb 2>/dev/null | sed -n 1p)}
[ -f "$deb" ] || { echo "test-deb: no .deb; build one with bash packaging/build.sh" >&2; exit 1; }
if ! command -v update-desktop-database >/dev/null 2>&1 || ! command -v update-mime-database >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "test-deb: installing desktop-file-utils and shared-mime-info (to read the menu and MIME entries)"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        desktop-file-utils shared-mime-info libglib2.0-bin >/dev/null
fi

root=$(mktemp -d) home=$(mktemp -d)
trap 'rm -rf "$root" "$home"' EXIT
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
# --force-depends: the private root has no libc6 or X libraries of its own (the machine's are used)
dpkgr() { dpkg --root="$root" --force-not-root --force-script-chrootless --force-depends "$@"; }
fail() { echo "test-deb: FAIL $*" >&2; exit 1; }
ok() { echo "test-deb: ok   $*"; }

dpkgr -i "$deb" >/dev/null 2>&1 || { dpkgr -i "$deb"; fail "dpkg could not install $deb"; }
installed=$(dpkgr -L displacement-tracker | wc -l)
ok "installed $(basename "$deb") ($installed paths)"

share="$root/usr/share"
export PATH="$root/usr/bin:$PATH" XDG_DATA_DIRS="$share" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config"
export QT_QPA_PLATFORM=offscreen DTRACK_PASSPHRASE="deb test $$"
version=$(dtrack --version) || fail "dtrack does not run from /usr/bin"
ok "$version from $(command -v dtrack)"
dtrack init "$home/office.dtdb" --organisation "Package check" >/dev/null || fail "dtrack init"

desktop="$share/applications/displacement-tracker.desktop"
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$desktop" || fail "the menu entry does not validate"
fi
update-mime-database "$share/mime" >/dev/null
update-desktop-database "$share/applications"
type=$(gio info -a standard::content-type "$home/office.dtdb" | sed -n 's/.*standard::content-type: //p')
[ "$type" = application/x-displacement-tracker ] || fail ".dtdb is seen as '$type'"
handlers=$(gio mime application/x-displacement-tracker)
grep -q "Default application.*displacement-tracker.desktop" <<<"$handlers" || fail "no application opens .dtdb: $handlers"
ok ".dtdb is application/x-displacement-tracker, opened by displacement-tracker.desktop"

exec_line=$(sed -n 's/^Exec=//p' "$desktop" | sed -n 1p)
command=${exec_line//%f/$home/office.dtdb}
# shellcheck disable=SC2086  # the Exec line is split into words as a desktop splits it
timeout 60 $command --settings "$home/preferences.ini" --report-start "$home/start.json" 2>/dev/null \
    || fail "the Exec line ($exec_line) did not start the app"
grep -q "\"selected\": \"$home/office.dtdb\"" "$home/start.json" || fail "the start screen showed $(cat "$home/start.json")"
grep -q '"visible": true' "$home/start.json" || fail "the start screen was not shown"
ok "Exec line '$exec_line' opens the start screen on the double-clicked file"

# (dpkg warns that mime/ and applications/ still hold the caches made above: they are not the package's)
dpkgr --purge displacement-tracker >/dev/null 2>&1 || { dpkgr --purge displacement-tracker; fail "dpkg could not remove it"; }
mkdir -p "$share/mime/packages"  # on a real system shared-mime-info's own type list keeps this folder
update-mime-database "$share/mime" >/dev/null  # what the shared-mime-info trigger does after removal
update-desktop-database "$share/applications"
left=$(cd "$root" && find . \( -type f -o -type l \) ! -path './var/lib/dpkg/*' ! -path './usr/share/mime/*' \
       ! -name mimeinfo.cache | sort)
[ -z "$left" ] || fail "removal left: $left"
grep -q dtdb "$share/mime/globs2" 2>/dev/null && fail "the .dtdb type outlived the package"
[ -f "$home/office.dtdb" ] || fail "removing the package touched the user's database"
ok "removed: no file left behind, the user's database kept"
