#!/usr/bin/env bash
# macOS build of Corridor Map: "dist/Corridor Map.app" (PyInstaller BUNDLE of the one-dir build), its smoke
# test, optional signing + notarisation, then dist/corridor-map-<version>-macos-<arch>.dmg with an
# /Applications link for drag-and-drop install. Runs on the architecture of the machine (arm64 on Apple
# silicon runners); build once per architecture.
#
#   bash packaging/macos/build-dmg.sh
#
# Signing (optional; without it the app is ad-hoc signed by PyInstaller and Gatekeeper asks on first open):
#   MACOS_SIGN_IDENTITY="Developer ID Application: ..."   codesign identity in the login/CI keychain
#   MACOS_NOTARY_PROFILE=name                             a `xcrun notarytool store-credentials` profile
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-python3}
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' src/corridor_map/__init__.py)
arch=$(uname -m)
app="dist/Corridor Map.app"
dmg="dist/corridor-map-${version}-macos-${arch}.dmg"

[ -x build/venv/bin/python ] || "$PYTHON" -m venv build/venv
build/venv/bin/pip install -q --disable-pip-version-check . pyinstaller==6.22.3 pyinstaller-hooks-contrib==2026.9 fastparquet==2026.9.0

rm -rf dist/corridor-map "$app" build/pyinstaller
build/venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/pyinstaller/corridor-map.spec

echo "== map pages a fresh install shows first (corridor_map/mapgen/prebuilt.py)"
data=$(find "$app/Contents" -path '*/corridor_map/_data' -type d | head -1)
build/venv/bin/python -m corridor_map.mapgen.prebuilt "$data/prebuilt"

echo "== smoke test"
QT_QPA_PLATFORM=offscreen "$app/Contents/MacOS/corridor-map" --smoke-test

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  echo "== codesign ($MACOS_SIGN_IDENTITY)"
  # Inside out: every Mach-O (QtWebEngineProcess.app helper included), then the app. Hardened runtime;
  # QtWebEngine's V8 needs JIT, hence the entitlements file.
  ent=packaging/macos/entitlements.plist
  find "$app/Contents" -type f \( -name "*.dylib" -o -name "*.so" -o -perm -u+x \) -print0 |
    xargs -0 file | grep -E "Mach-O" | cut -d: -f1 | while read -r bin; do
      codesign --force --timestamp --options runtime --entitlements "$ent" --sign "$MACOS_SIGN_IDENTITY" "$bin"
    done
  find "$app/Contents" -depth \( -name "*.app" -o -name "*.framework" \) | while read -r bundle; do
    codesign --force --timestamp --options runtime --entitlements "$ent" --sign "$MACOS_SIGN_IDENTITY" "$bundle"
  done
  codesign --force --timestamp --options runtime --entitlements "$ent" --sign "$MACOS_SIGN_IDENTITY" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
fi

echo "== $dmg"
stage=build/dmg
rm -rf "$stage" "$dmg"
mkdir -p "$stage"
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "Corridor Map $version" -srcfolder "$stage" -fs HFS+ -format UDZO -imagekey zlib-level=9 \
  -ov "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
  if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
  fi
fi
du -sh "$app" "$dmg"
