"""PNG snapshots of the map: the hidden export view, the composition, the dialog (issue 6).

``spec`` (Qt-free) says what to export; ``renderer`` draws the map in a hidden view of k× size and
waits for the final frame; ``composer`` adds title, source line and DPI; ``session`` ties them to the
shared state for the dialog and the ``corridor-map export`` commands alike.
"""
