#!/usr/bin/env bash
# Build the Linux release from this checkout: the PyInstaller one-dir bundle dist/corridor-map/,
# dist/corridor-map_<version>_<arch>.deb (bundle in /opt/corridor-map, /usr/bin/corridor-map, menu entry,
# icons, "Open with" for .csv/.xlsx) and dist/Corridor_Map-<version>-<arch>.AppImage (the same bundle, one
# file, no root). Makes its own build environment in build/venv. Needs python3 >= 3.11 with venv, binutils,
# dpkg-deb, network access to PyPI, icu-devtools + gcc to trim Qt's ICU data, and for the AppImage Debian's
# squashfs-tools, libsquashfuse-dev, libfuse3-dev and the static decompressors (APPIMAGE_DEPS below).
# Environment: PYTHON (default python3); SKIP_PIP=1 reuses build/venv as it is; XZ_LEVEL (default 9);
# SKIP_APPIMAGE=1 builds no AppImage.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
step() { echo "== $* ($(( $(date +%s) - started )) s)"; }

PYTHON=${PYTHON:-python3}
VENV=build/venv
# fastparquet: the bundle leaves pyarrow out (162 MB); core/store.py reads a dataset that an earlier version
# of the app saved as Parquet, which pandas then reads with fastparquet (+13 MB).
PINS=(pyinstaller==6.22.3 pyinstaller-hooks-contrib==2026.9 fastparquet==2026.9.0)
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

step "Map pages a fresh install shows first (corridor_map/mapgen/prebuilt.py)"
# built from the same files as the bundle's, so their keys are the ones the installed app computes
"$VENV/bin/python" -m corridor_map.mapgen.prebuilt dist/corridor-map/_internal/corridor_map/_data/prebuilt

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
dpkg-deb --root-owner-group -Zxz -z"${XZ_LEVEL:-9}" --threads-max="$(nproc)" --build "$stage" "$deb" >/dev/null

# --- AppImage -----------------------------------------------------------------------------------------
# The type-2 runtime (the ELF head of the file) is built here from packaging/linux/appimage/runtime.c and
# Debian's static libsquashfuse + libfuse3: no registry ships a ready type-2 runtime (packaging/README.md).
APPIMAGE_DEPS="squashfs-tools libsquashfuse-dev libfuse3-dev zlib1g-dev liblzma-dev liblz4-dev liblzo2-dev libzstd-dev"
appimage=dist/Corridor_Map-${version}-$(uname -m).AppImage
if [ "${SKIP_APPIMAGE:-0}" != 1 ]; then
  step "AppImage $appimage"
  libdir=/usr/lib/$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
  for need in /usr/bin/mksquashfs "$libdir/libsquashfuse_ll.a" "$libdir/libfuse3.a" "$libdir/libzstd.a" \
    "$libdir/liblz4.a" "$libdir/liblzo2.a" "$libdir/liblzma.a" "$libdir/libz.a"; do
    [ -e "$need" ] || { echo "error: $need is missing (apt-get install $APPIMAGE_DEPS)" >&2; exit 2; }
  done
  work=build/appimage
  rm -rf "$work" "$appimage"
  mkdir -p "$work"
  gcc -O2 -Wall -static -o "$work/runtime" packaging/linux/appimage/runtime.c \
    -lsquashfuse_ll -lsquashfuse -lfuse3 -lzstd -llz4 -llzo2 -llzma -lz -lpthread -ldl 2>"$work/gcc.log" ||
    { cat "$work/gcc.log" >&2; exit 1; }
  strip "$work/runtime"
  printf 'AI\002' | dd of="$work/runtime" bs=1 seek=8 count=3 conv=notrunc status=none  # type-2 magic
  appdir=$work/AppDir
  mkdir -p "$appdir/usr/share/applications" "$appdir/usr/share/icons/hicolor/scalable/apps"
  cp -a dist/corridor-map "$appdir/corridor-map"
  ln -s corridor-map/corridor-map "$appdir/AppRun"
  install -m 644 packaging/linux/corridor-map.desktop "$appdir/corridor-map.desktop"
  install -m 644 packaging/linux/corridor-map.desktop "$appdir/usr/share/applications/"
  install -m 644 resources/icons/corridor-map-256.png "$appdir/corridor-map.png"
  ln -s corridor-map.png "$appdir/.DirIcon"
  install -m 644 resources/icons/corridor-map.svg "$appdir/usr/share/icons/hicolor/scalable/apps/"
  for png in resources/icons/corridor-map-*.png; do
    n=$(basename "$png" .png); n=${n#corridor-map-}
    install -D -m 644 "$png" "$appdir/usr/share/icons/hicolor/${n}x${n}/apps/corridor-map.png"
  done
  find "$appdir" -type d -exec chmod 755 {} +
  mksquashfs "$appdir" "$work/image.squashfs" -root-owned -noappend -no-progress -quiet \
    -comp zstd -Xcompression-level "${ZSTD_LEVEL:-19}" -b 1M -processors "$(nproc)" >/dev/null
  cat "$work/runtime" "$work/image.squashfs" > "$appimage"
  chmod 755 "$appimage"
  [ "$("$appimage" --appimage-offset)" = "$(stat -c %s "$work/runtime")" ] ||
    { echo "error: the AppImage runtime does not find its image" >&2; exit 1; }
fi

step "done"
du -sh dist/corridor-map "$deb"
[ "${SKIP_APPIMAGE:-0}" = 1 ] || du -sh "$appimage"
