"""Command-line sub-commands (``corridor-map NAME``), each a module with ``add_parser`` and ``run``."""
