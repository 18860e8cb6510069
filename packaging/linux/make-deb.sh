#!/usr/bin/env bash
# Wrap the frozen one-folder bundle in a .deb with dpkg-deb (no other Debian tools needed):
#   /opt/displacement-tracker/        the bundle as built
#   /usr/bin/displacement-tracker, /usr/bin/dtrack     relative links into it
#   /usr/share/applications/, mime/packages/, icons/hicolor/     menu entry, .dtdb type, icon
# The menu, MIME and icon caches are refreshed by the triggers of shared-mime-info,
# desktop-file-utils and the icon theme, so the package needs no maintainer scripts, and
# removing it removes every file it installed. Users' databases live in their home folders
# and are never touched.
#
#   bash packaging/linux/make-deb.sh dist/displacement-tracker VERSION OUT_DIR
set -euo pipefail
bundle=$1 version=$2 out=$3
here="$(cd "$(dirname "$0")" && pwd)"
pkg=displacement-tracker
arch=$(dpkg --print-architecture)
root="build/deb/${pkg}_${version}_${arch}"
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
    "$root/usr/share/mime/packages" "$root/usr/share/doc/$pkg"
cp -a "$bundle" "$root/opt/$pkg"
ln -s "../../opt/$pkg/displacement-tracker" "$root/usr/bin/displacement-tracker"
ln -s "../../opt/$pkg/dtrack" "$root/usr/bin/dtrack"
install -m 644 "$here/../displacement-tracker.desktop" "$root/usr/share/applications/$pkg.desktop"
install -m 644 "$here/displacement-tracker-mime.xml" "$root/usr/share/mime/packages/$pkg.xml"
for size in 48 128 256; do
    install -D -m 644 "$here/../icons/$pkg-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/$pkg.png"
done
cat > "$root/usr/share/doc/$pkg/copyright" <<COPYRIGHT
Displacement Tracker $version
License: GPL-3.0-or-later
The bundled Noto Sans Arabic font is under the SIL Open Font License 1.1 (opt/$pkg/_internal/resources/fonts/OFL.txt).
COPYRIGHT
# The bundle carries Python, Qt and every Python library; what it takes from the system is the
# C library, the graphics stack and X11/Wayland client libraries (as packaging/setup.sh installs).
glibc=$(getconf GNU_LIBC_VERSION | awk '{print $2}')  # (no 'ldd | head': head closing the pipe early failed the build under pipefail)
cat > "$root/DEBIAN/control" <<CONTROL
Package: $pkg
Version: $version
Architecture: $arch
Maintainer: Displacement Tracker maintainers <noreply@example.org>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: libc6 (>= $glibc), libgl1, libegl1, libfontconfig1, libfreetype6, libxkbcommon0, libglib2.0-0, libdbus-1-3, libxcb-cursor0, libxkbcommon-x11-0
Recommends: shared-mime-info, desktop-file-utils, xdg-utils
Section: misc
Priority: optional
Homepage: https://example.org/displacement-tracker
Description: offline registration of displaced households and border-crossing flows
 Register displaced households and count people at border crossings, offline,
 in Arabic or English. Everything is kept in one encrypted file per office;
 offices exchange signed, encrypted bundles on a USB stick. Exports HXL-tagged
 CSV and XLSX; draws charts, an offline map and a PDF situation report.
 Includes the dtrack command line.
CONTROL
mkdir -p "$out"
# gzip -6: close to xz's size for these libraries, many times faster to build, and every dpkg reads it.
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$out/${pkg}_${version}_${arch}.deb" >/dev/null
rm -rf "$root"
echo "$out/${pkg}_${version}_${arch}.deb"
