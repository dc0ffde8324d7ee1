"""Runtime hook of the frozen Corridor Map: runs before the app's first import.

The bundle carries two PROJ databases of different versions (pyogrio's and pyproj's wheels) and each
package finds its own. A PROJ_DATA/PROJ_LIB/GDAL_DATA inherited from the user's machine (QGIS and
OSGeo4W set them globally) would point one of them at the wrong ``proj.db``, so the frozen app drops them.
"""

import os

for _name in ("PROJ_DATA", "PROJ_LIB", "GDAL_DATA", "GDAL_DRIVER_PATH"):
    os.environ.pop(_name, None)
