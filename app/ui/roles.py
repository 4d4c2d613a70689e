"""Item data roles as plain ints.

In PySide6, comparing the ``role`` a model's data() receives with ``Qt.DisplayRole`` goes
through the enum machinery (about 4 µs each); a view asks data() thousands of times per
paint. Models compare against these ints instead.
"""

from PySide6.QtCore import Qt

DISPLAY = Qt.ItemDataRole.DisplayRole.value
EDIT = Qt.ItemDataRole.EditRole.value
DECORATION = Qt.ItemDataRole.DecorationRole.value
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
FONT = Qt.ItemDataRole.FontRole.value
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
USER = Qt.ItemDataRole.UserRole.value

HORIZONTAL = Qt.Orientation.Horizontal
