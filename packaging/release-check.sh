#!/usr/bin/env bash
# Release check, run before every release (and by .ci/run when it fits its time budget):
# from a clean clone, build the bundle, the .deb and the AppImage (packaging/build-linux.sh), install the
# .deb with apt-get, run the installed app offline (smoke test, check-data, PNG and PDF export, the first
# export after installing with the map page from the package, QtPdf and
# QtPrintSupport importable), check the menu entry with its "Open with" file types and that the app
# writes nothing into /opt, remove the package and check it left nothing; then run the AppImage's smoke
# test offline as an unprivileged user. Prints sizes and times and fails above the size limits
# (MAX_INSTALLED_MB, MAX_DEB_MB, MAX_APPIMAGE_MB).
#
#   bash packaging/release-check.sh              # clone of HEAD (what a tag would build)
#   bash packaging/release-check.sh --worktree   # the working tree as it is, uncommitted files included
#
# Needs root (apt-get, unshare -n) and network access to PyPI and the Debian mirror for the build and the
# .deb's dependencies; the app itself runs without network. RUNS=N sets the timed smoke-test runs (3);
# KEEP=1 keeps the clone with its dist/ (bundle and .deb) instead of deleting it.
set -euo pipefail

# Everything inside main: bash reads the whole function before running it, so editing this file while a
# check runs cannot change the running check.
main() {
  repo=$(cd "$(dirname "$0")/.." && pwd)
  runs=${RUNS:-3}
  work=$(mktemp -d /tmp/corridor-map-release.XXXXXX)
  started=$(date +%s)
  step() { echo "== $* ($(( $(date +%s) - started )) s)"; }
  fail() { echo "RELEASE CHECK FAILED: $*" >&2; exit 1; }
  [ "$(id -u)" = 0 ] || fail "run as root (apt-get install, unshare -n)"
  export DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen

  step "clean copy in $work/src"
  if [ "${1:-}" = --worktree ]; then
    mkdir -p "$work/src"
    (cd "$repo" && git ls-files -z -co --exclude-standard | tar --null -T - -cf -) | tar -C "$work/src" -xf -
  else
    git clone -q --no-local "$repo" "$work/src"
  fi
  cd "$work/src"

  build_started=$(date +%s)
  bash packaging/build-linux.sh
  build_s=$(( $(date +%s) - build_started ))
  deb=$(ls dist/corridor-map_*.deb)

  step "install $deb"
  installed() { dpkg-query -W -f '${db:Status-Abbrev} ${Package}\n' | awk '$1 == "ii" { print $2 }' | sort; }
  installed_before=$(installed)
  trap 'echo "note: the test install may still be present: apt-get remove --purge corridor-map" >&2' ERR
  apt-get install -y -qq "./$deb" >/dev/null
  added=$(comm -13 <(echo "$installed_before") <(installed) | tr '\n' ' ')
  echo "installed: $added"
  test -f /usr/share/applications/corridor-map.desktop || fail "no menu entry"
  test -L /usr/bin/corridor-map || fail "no /usr/bin/corridor-map"
  grep -q '^MimeType=.*text/csv.*spreadsheetml' /usr/share/applications/corridor-map.desktop ||
    fail "the menu entry offers no \"Open with\" for .csv/.xlsx"
  grep -q '^Exec=corridor-map %F' /usr/share/applications/corridor-map.desktop || fail "Exec takes no files"
  test -f /usr/share/icons/hicolor/256x256/apps/corridor-map.png || fail "no icon"
  installed_kb=$(dpkg-query -W -f '${Installed-Size}' corridor-map)

  median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
  seconds() {  # seconds CMD...: wall time of one run, which must exit 0
    local t0; t0=$(date +%s.%N)
    "$@" >/dev/null 2>"$work/last.err" || { tail -20 "$work/last.err" >&2; fail "$* exited non-zero"; }
    awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN { printf "%.2f\n", a - b }'
  }

  step "installed app, offline (unshare -n)"
  marker="$work/marker"; touch "$marker"; sleep 1
  home="$work/home"; mkdir -p "$home"
  env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u XDG_STATE_HOME HOME="$home" \
    unshare -n /usr/bin/corridor-map --smoke-test 2>"$work/smoke.err" | tee "$work/smoke.out" \
    || { tail -20 "$work/smoke.err" >&2; fail "smoke test"; }
  unshare -n /usr/bin/corridor-map check-data --json >"$work/check.json" 2>"$work/check.err" \
    || { tail "$work/check.err" >&2; fail "check-data"; }
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('check-data:', [(f['kind'], f['rows'], f['accepted']) for f in d['files']])" "$work/check.json"
  if /usr/bin/corridor-map export --help >/dev/null 2>&1; then
    unshare -n /usr/bin/corridor-map export --sample --select THA,VNM "$work/export.png" >/dev/null 2>"$work/export.err" \
      || { tail "$work/export.err" >&2; fail "export"; }
    echo "export: $(python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print('%dx%d PNG' % struct.unpack('>II', d[16:24]))" "$work/export.png")"
  fi
  # the first export after installing, for a user who never ran the app: the map page comes with the
  # package (mapgen/prebuilt.py), nothing is built; then a later export, for the ratio
  fresh="$work/fresh-home"; mkdir -p "$fresh"
  fresh_run=(env -u XDG_CACHE_HOME -u XDG_DATA_HOME -u XDG_CONFIG_HOME HOME="$fresh" CORRIDOR_MAP_DEBUG=1 unshare -n)
  first_export_s=$(seconds "${fresh_run[@]}" /usr/bin/corridor-map export --sample "$fresh/first.png")
  grep -q "map page from the package" "$work/last.err" && ! grep -q "map page built" "$work/last.err" \
    || { grep -i "map page" "$work/last.err" >&2; fail "the first export after installing built its map page"; }
  grep -q "checked sample from the package" "$work/last.err" \
    || { grep -i "sample" "$work/last.err" >&2; fail "the first export after installing checked the sample again"; }
  later_export_s=$(seconds "${fresh_run[@]}" /usr/bin/corridor-map export --sample "$fresh/later.png")
  echo "export after installing: first ${first_export_s} s (map page and checked sample from the package), later ${later_export_s} s"
  unshare -n /usr/bin/corridor-map export --sample --paper A4 "$work/export.pdf" >/dev/null 2>"$work/pdf.err" \
    || { tail "$work/pdf.err" >&2; fail "PDF export"; }
  python3 - "$work/export.pdf" <<'PY' || fail "the PDF export is not a one-page A4 PDF"
import re, sys
data = open(sys.argv[1], "rb").read()
box = [float(v) for v in re.search(rb"/MediaBox\s*\[([^\]]+)\]", data).group(1).split()]
w, h = sorted((box[2] - box[0], box[3] - box[1]))
assert data.startswith(b"%PDF-") and abs(w - 595.3) < 3 and abs(h - 841.9) < 3, (data[:8], box)
print(f"export: PDF {len(data)} bytes, {w:.0f}x{h:.0f} pt (A4)")
PY
  mkdir -p "$work/sheets"
  unshare -n /usr/bin/corridor-map factsheet THA DEU --combined --png --lang both --sample --out "$work/sheets" \
    >"$work/sheets.out" 2>"$work/sheets.err" || { tail "$work/sheets.err" >&2; fail "fact sheets"; }
  [ -s "$work/sheets/THA-en-zh.pdf" ] && [ -s "$work/sheets/THA-en-zh.png" ] && ls "$work"/sheets/fact-sheets-*.pdf >/dev/null \
    || fail "the fact sheets, their PNG pictures or the combined book are missing: $(ls "$work/sheets")"
  echo "fact sheets: $(tail -1 "$work/sheets.out"); $(ls "$work/sheets" | tr '\n' ' ')"
  CORRIDOR_MAP_IMPORT_CHECK=PySide6.QtPdf,PySide6.QtPrintSupport,fastparquet,cramjam,pypdf unshare -n /usr/bin/corridor-map \
    || fail "QtPdf/QtPrintSupport/fastparquet/pypdf not importable in the bundle"
  written=$(find /opt/corridor-map -newer "$marker" | head -5)
  [ -z "$written" ] || fail "the app wrote into its install folder: $written"
  echo "user files written under a fresh HOME: $(cd "$home" && find . -type f | sed 's|^\./||' | tr '\n' ' ')"

  step "start time: installed app vs build venv, median of $runs (after one warm-up run each, alternating)"
  frozen=(unshare -n /usr/bin/corridor-map --smoke-test)
  venv=(unshare -n build/venv/bin/corridor-map --smoke-test)
  seconds "${frozen[@]}" >/dev/null
  seconds "${venv[@]}" >/dev/null
  : >"$work/frozen.times"
  : >"$work/venv.times"
  for _ in $(seq "$runs"); do
    seconds "${frozen[@]}" >>"$work/frozen.times"
    seconds "${venv[@]}" >>"$work/venv.times"
  done
  echo "installed: $(tr '\n' ' ' <"$work/frozen.times")s; venv: $(tr '\n' ' ' <"$work/venv.times")s"
  frozen_s=$(median <"$work/frozen.times")
  venv_s=$(median <"$work/venv.times")

  step "remove"
  apt-get remove --purge -y -qq corridor-map >/dev/null
  test ! -e /opt/corridor-map || fail "/opt/corridor-map left behind: $(find /opt/corridor-map | head)"
  test ! -e /usr/share/applications/corridor-map.desktop || fail "menu entry left behind"
  read -ra others <<< "$(echo "$added" | tr ' ' '\n' | grep -vx corridor-map | tr '\n' ' ' || true)"
  if [ "${#others[@]}" -gt 0 ]; then apt-get purge -y -qq "${others[@]}" >/dev/null; fi  # what the install pulled in
  trap - ERR

  appimage=$(ls dist/Corridor_Map-*.AppImage)
  step "AppImage $appimage: offline (unshare -n), as an unprivileged user, a fresh HOME"
  appdir=$(mktemp -d /tmp/corridor-map-appimage.XXXXXX)
  chmod 755 "$appdir"
  cp "$appimage" "$appdir/"
  mkdir -m 700 "$appdir/home"
  chown nobody "$appdir/home"
  as_user=(unshare -n setpriv --reuid=nobody --regid=nogroup --clear-groups
    env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u XDG_STATE_HOME -u XDG_RUNTIME_DIR
    HOME="$appdir/home" TMPDIR="$appdir/home")
  app="$appdir/$(basename "$appimage")"
  "${as_user[@]}" "$app" --smoke-test 2>"$work/appimage.err" | tee "$work/appimage.out" \
    || { tail -20 "$work/appimage.err" >&2; fail "AppImage smoke test"; }
  "${as_user[@]}" "$app" export --sample --paper A4 "$appdir/home/export.pdf" >/dev/null 2>"$work/appimage-pdf.err" \
    || { tail "$work/appimage-pdf.err" >&2; fail "AppImage PDF export"; }
  echo "AppImage: $(grep -m1 -o 'extracting\|cannot mount' "$work/appimage.err" >/dev/null && echo "ran extracted (no FUSE for this user)" || echo "ran mounted (FUSE)")"
  appimage_s=$(seconds "${as_user[@]}" "$app" --smoke-test)
  left=$(find "$appdir/home" -maxdepth 1 -name 'appimage_extracted_*' -o -maxdepth 1 -name '.mount_*' | head -3)
  [ -z "$left" ] || fail "the AppImage left its extracted copy behind: $left"
  rm -rf "$appdir"

  mb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1e6 }'; }
  installed_mb=$(( installed_kb * 1024 / 1000000 ))
  deb_mb=$(mb "$(stat -c %s "$deb")")
  appimage_mb=$(mb "$(stat -c %s "$appimage")")

  echo
  echo "== summary"
  printf '%-34s %s\n' "bundle (du -sh dist/corridor-map)" "$(du -sh dist/corridor-map | cut -f1)" \
    "installed (dpkg Installed-Size)" "${installed_mb} MB (limit ${MAX_INSTALLED_MB:-445})" \
    ".deb ($(basename "$deb"))" "${deb_mb} MB, $(stat -c %s "$deb") bytes (limit ${MAX_DEB_MB:-130})" \
    "AppImage ($(basename "$appimage"))" "${appimage_mb} MB, $(stat -c %s "$appimage") bytes (limit ${MAX_APPIMAGE_MB:-160})" \
    "build (build-linux.sh)" "${build_s} s" \
    "smoke test, installed .deb (median)" "${frozen_s} s" \
    "smoke test, build venv (median)" "${venv_s} s" \
    "smoke test, AppImage (one run)" "${appimage_s} s" \
    "export, first after install / later" "${first_export_s} s / ${later_export_s} s" \
    "release check total" "$(( $(date +%s) - started )) s"
  if [ "${KEEP:-0}" = 1 ]; then echo "kept: $work/src/dist"; else rm -rf "$work"; fi
  [ "$installed_mb" -le "${MAX_INSTALLED_MB:-445}" ] || fail "installed size ${installed_mb} MB > ${MAX_INSTALLED_MB:-445} MB"
  [ "$deb_mb" -le "${MAX_DEB_MB:-130}" ] || fail ".deb ${deb_mb} MB > ${MAX_DEB_MB:-130} MB"
  [ "$appimage_mb" -le "${MAX_APPIMAGE_MB:-160}" ] || fail "AppImage ${appimage_mb} MB > ${MAX_APPIMAGE_MB:-160} MB"
}

main "$@"; exit $?  # on one line: nothing after it is read, even if the file changed meanwhile
