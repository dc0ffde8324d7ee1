"""Importing the user's sales and dealers files, managing the active dataset, saving templates."""
