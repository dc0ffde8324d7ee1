"""The Qt layer: windows, panels, the web view, the bridge, dialogs. The only place PySide6 is imported."""

from corridor_map.ui.pyside_fix import make_none_immortal

make_none_immortal()
