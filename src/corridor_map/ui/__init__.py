"""The Qt layer: windows, panels, the web view, the bridge, dialogs. The only place PySide6 is imported."""

import PySide6.QtCore  # noqa: F401  (first, so that its import hook is set right before any other import)

from corridor_map.ui.pyside_fix import make_none_immortal, skip_source_reading

make_none_immortal()
skip_source_reading()
