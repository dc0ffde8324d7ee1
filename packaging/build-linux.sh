#!/usr/bin/env bash
# Build the Linux release from this checkout: the PyInstaller one-dir bundle dist/corridor-map/ and
# dist/corridor-map_<version>_<arch>.deb (bundle in /opt/corridor-map, /usr/bin/corridor-map, menu entry,
# icons). Makes its own build environment in build/venv. Needs python3 >= 3.11 with venv, binutils,
# dpkg-deb, network access to PyPI, and icu-devtools + gcc to trim Qt's ICU data.
# Environment: PYTHON (default python3); SKIP_PIP=1 reuses build/venv as it is; XZ_LEVEL (default 6).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
step() { echo "== $* ($(( $(date +%s) - started )) s)"; }

PYTHON=${PYTHON:-python3}
VENV=build/venv
PINS=(pyinstaller==6.22.3 pyinstaller-hooks-contrib==2026.9)
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' src/corridor_map/__init__.py)
arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
deb=dist/corridor-map_${version}_${arch}.deb
for tool in objdump strip dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing (apt-get install binutils dpkg)" >&2; exit 2; }
done
command -v icupkg >/dev/null && command -v gcc >/dev/null ||
  echo "warning: icupkg/gcc missing (apt-get install icu-devtools gcc): ICU data stays untrimmed, +17 MB" >&2

step "build environment $VENV"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
if [ "${SKIP_PIP:-0}" != 1 ]; then
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$VENV/bin/pip" install -q --progress-bar off . "${PINS[@]}"
fi

step "PyInstaller bundle dist/corridor-map"
rm -rf dist/corridor-map build/pyinstaller
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/pyinstaller/corridor-map.spec
# QtWebEngine creates an empty resources/locales folder at start-up when it is missing (it does so in a
# venv too); run as root it would land in /opt, unknown to dpkg, and survive removal. Ship it instead.
mkdir -p dist/corridor-map/_internal/PySide6/Qt/resources/locales

step "Debian package $deb"
stage=build/deb/root
rm -rf "$stage" "$deb"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/doc/corridor-map" "$stage/usr/share/icons/hicolor/scalable/apps"
cp -a dist/corridor-map "$stage/opt/corridor-map"
ln -s /opt/corridor-map/corridor-map "$stage/usr/bin/corridor-map"
install -m 644 packaging/linux/corridor-map.desktop "$stage/usr/share/applications/"
install -m 644 resources/icons/corridor-map.svg "$stage/usr/share/icons/hicolor/scalable/apps/"
for png in resources/icons/corridor-map-*.png; do
  n=$(basename "$png" .png); n=${n#corridor-map-}
  install -D -m 644 "$png" "$stage/usr/share/icons/hicolor/${n}x${n}/apps/corridor-map.png"
done
install -m 644 packaging/deb/copyright "$stage/usr/share/doc/corridor-map/copyright"
# Normalise permissions (a umask of 077 on the build machine must not make /opt unreadable).
find "$stage" -type d -exec chmod 755 {} +
find "$stage" -type f -perm /111 -exec chmod 755 {} +
find "$stage" -type f ! -perm /111 -exec chmod 644 {} +
size_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
depends=$(python3 packaging/deb/check_depends.py --depends)  # one table: corridor_map/system_libs.py
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$size_kb/" \
  -e "s/@DEPENDS@/$depends/" packaging/deb/control.in > "$stage/DEBIAN/control"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$stage/usr/share/applications/corridor-map.desktop"
fi
python3 packaging/deb/check_depends.py dist/corridor-map "$stage/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz -z"${XZ_LEVEL:-6}" --threads-max="$(nproc)" --build "$stage" "$deb" >/dev/null

step "done"
du -sh dist/corridor-map "$deb"
