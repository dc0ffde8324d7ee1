"""Corridor Map: an offline desktop map explorer of vehicle exports from Chongqing."""

__version__ = "0.1.0"
APP_NAME = "Corridor Map"
ORG_NAME = "CorridorMap"
