"""pyogrio has no PyInstaller hook (pyinstaller-hooks-contrib#883): Cython modules, GDAL/PROJ data, libs."""

from PyInstaller.utils.hooks import collect_data_files, collect_dynamic_libs, collect_submodules

hiddenimports = collect_submodules("pyogrio", filter=lambda name: ".tests" not in name)
datas = collect_data_files("pyogrio", excludes=["**/tests/**"])
binaries = collect_dynamic_libs("pyogrio")
