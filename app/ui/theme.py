"""Light and dark palettes, and the colours a tag is drawn with in either.

Confirmed tags are a solid tint of the party colour; suggestions are a dashed underline
in the party colour over a faint tint; narration and untagged text stay plain.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    if dark:
        window, base, alt, text = "#25272b", "#1d1f22", "#2a2d31", "#e6e6e6"
        button, highlight, link, mid = "#30333a", "#3d6fb4", "#8ab4f8", "#44474d"
    else:
        window, base, alt, text = "#f3f3f1", "#ffffff", "#f7f7f5", "#1f2328"
        button, highlight, link, mid = "#ececea", "#2f6fbe", "#1a5fb4", "#c8c8c4"
    roles = {
        QPalette.Window: window,
        QPalette.WindowText: text,
        QPalette.Base: base,
        QPalette.AlternateBase: alt,
        QPalette.Text: text,
        QPalette.Button: button,
        QPalette.ButtonText: text,
        QPalette.ToolTipBase: base,
        QPalette.ToolTipText: text,
        QPalette.Highlight: highlight,
        QPalette.HighlightedText: "#ffffff",
        QPalette.Link: link,
        QPalette.Mid: mid,
        QPalette.PlaceholderText: "#8b8f96" if dark else "#7a7d82",
        QPalette.BrightText: "#ff6b6b",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.Text, QPalette.WindowText, QPalette.ButtonText):
        p.setColor(QPalette.Disabled, role, QColor("#7a7d82"))
    return p


def apply_theme(app: QApplication, name: str = "system", system_dark: bool | None = None) -> str:
    """Apply a palette; returns the theme actually used ("light" or "dark").

    ``system_dark`` answers for the system theme without asking Qt: the desk passes the
    answer remembered from its last start, so its first paint need not wait for Qt's enums,
    and checks it after that paint (app/ui/desk.py ``confirm_system_theme``).
    """
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")  # no change where Fusion is missing
    if name not in THEMES:
        name = "system"
    if name == "system":
        dark = system_is_dark(app) if system_dark is None else system_dark
        name = "dark" if dark else "light"
    app.setPalette(_palette(name == "dark"))
    app.setProperty("counterclaimTheme", name)
    return name


def system_is_dark(app: QApplication) -> bool:
    """Whether the desktop asks for dark colours (the first Qt.* enum costs about 20 ms)."""
    hints = app.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else None
    try:
        from PySide6.QtCore import Qt

        return scheme == Qt.ColorScheme.Dark
    except AttributeError:  # pragma: no cover - older Qt
        return False


def is_dark(app: QApplication | None = None) -> bool:
    app = app or QApplication.instance()
    return bool(app) and app.palette().color(QPalette.Base).lightness() < 128


def tint(colour: str, strength: float, dark: bool | None = None) -> QColor:
    """The party colour as a see-through fill: readable under text in either palette."""
    c = QColor(colour)
    if not c.isValid():
        c = QColor("#888888")
    dark = is_dark() if dark is None else dark
    alpha = strength * (1.25 if dark else 1.0)
    c.setAlphaF(max(0.0, min(1.0, alpha)))
    return c


def ink(colour: str, dark: bool | None = None) -> QColor:
    """The party colour made strong enough to draw lines with on the background."""
    c = QColor(colour)
    if not c.isValid():
        c = QColor("#888888")
    dark = is_dark() if dark is None else dark
    return c.lighter(130) if dark else c.darker(125)


# Strengths used everywhere a tag is drawn.
CONFIRMED_FILL = 0.34
SUGGESTED_FILL = 0.10
SELECTED_FILL = 0.60
