# Windows build of Corridor Map: build venv, PyInstaller bundle (dist\corridor-map\ with corridor-map.exe
# and the console twin corridor-map-cli.exe), its smoke test, then the Inno Setup installer.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1
# Needs Python 3.11+ (py launcher or python on PATH) and Inno Setup 6 (iscc on PATH or its default folder).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$version = (Select-String -Path src\corridor_map\__init__.py -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value

if (-not (Test-Path build\venv\Scripts\python.exe)) { python -m venv build\venv }
build\venv\Scripts\python -m pip install -q --disable-pip-version-check . pyinstaller==6.22.3 pyinstaller-hooks-contrib==2026.9 fastparquet==2026.9.0
if ($LASTEXITCODE) { throw "pip install failed" }

Remove-Item -Recurse -Force -ErrorAction SilentlyContinue dist\corridor-map, build\pyinstaller
build\venv\Scripts\pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller packaging\pyinstaller\corridor-map.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }
# the map pages a fresh install shows first, built from the bundle's own files (corridor_map/mapgen/prebuilt.py)
build\venv\Scripts\python -m corridor_map.mapgen.prebuilt dist\corridor-map\_internal\corridor_map\_data\prebuilt
if ($LASTEXITCODE) { throw "building the prebuilt map pages failed" }

$env:QT_QPA_PLATFORM = "offscreen"
dist\corridor-map\corridor-map-cli.exe --smoke-test
if ($LASTEXITCODE) { throw "smoke test of the frozen app failed" }
Remove-Item Env:QT_QPA_PLATFORM

$iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc /Q "/DAppVersion=$version" packaging\windows\corridor-map.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
Get-ChildItem dist\corridor-map-$version-setup.exe
