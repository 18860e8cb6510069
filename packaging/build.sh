#!/usr/bin/env bash
# Build the desktop bundles on this machine, from this checkout, with the project's own set-up:
#   dist/displacement-tracker/                          the one-folder bundle (window + dtrack)
#   dist/displacement-tracker-VERSION-linux-ARCH.tar.gz  the same folder, for any Linux
#   dist/displacement-tracker_VERSION_ARCH.deb           for Debian/Ubuntu (when dpkg-deb exists)
# then runs the frozen self-test offscreen. Options:
#   --no-deb         skip the archive and the .deb (only the folder)
#   --no-archive     skip the .tar.gz (CI: the .deb is what gets installed and tested)
#   --no-self-test   skip the frozen self-test
set -euo pipefail
cd "$(dirname "$0")/.."
deb=1 archive=1 selftest=1
for arg in "$@"; do
    case $arg in
        --no-deb) deb=0 archive=0 ;;
        --no-archive) archive=0 ;;
        --no-self-test) selftest=0 ;;
        *) echo "build: unknown option $arg (use --no-deb, --no-archive, --no-self-test)" >&2; exit 2 ;;
    esac
done

bash packaging/setup.sh
if ! .venv/bin/python -c 'import PyInstaller' 2>/dev/null; then
    echo "build: installing the build tools (the [build] extra)"
    .venv/bin/python -m pip install -q -e ".[gui,test,build]"
fi
version=$(.venv/bin/python -c 'import tracker; print(tracker.__version__)')
arch=$(uname -m)
start=$(date +%s)
rm -rf dist/displacement-tracker
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    packaging/displacement-tracker.spec
echo "build: dist/displacement-tracker ($(du -sh dist/displacement-tracker | cut -f1) unpacked, version $version," \
     "$(( $(date +%s) - start )) s)"

if [ "$selftest" = 1 ]; then
    QT_QPA_PLATFORM=offscreen dist/displacement-tracker/dtrack self-test
    QT_QPA_PLATFORM=offscreen dist/displacement-tracker/displacement-tracker --self-test
fi

if [ "$archive" = 1 ]; then
    tarball="dist/displacement-tracker-$version-linux-$arch.tar.gz"
    tar -C dist -czf "$tarball" displacement-tracker
    echo "build: $tarball ($(du -h "$tarball" | cut -f1))"
fi
if [ "$deb" = 1 ]; then
    if command -v dpkg-deb >/dev/null 2>&1; then
        debfile=$(bash packaging/linux/make-deb.sh dist/displacement-tracker "$version" dist)
        echo "build: $debfile ($(du -h "$debfile" | cut -f1))"
    else
        echo "build: no dpkg-deb here, so no .deb (the folder and the archive are made)"
    fi
fi
