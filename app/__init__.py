"""Counterclaim: compare the competing narratives inside news coverage."""

__version__ = "0.1.0"
