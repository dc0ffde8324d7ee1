"""The Qt layer: windows, panels, the web view, the bridge, dialogs. The only place PySide6 is imported."""
