"""Build-time helpers of ``packaging/build_geodata.py`` (never imported by the app)."""
