"""The narrative view: competing narratives side by side (panes per party, rows per topic)."""

from app.ui.narrative.view import NarrativeView

__all__ = ["NarrativeView"]
