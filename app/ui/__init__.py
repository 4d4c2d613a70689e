"""The desk (Qt): windows, panes, dialogs, item models, undo commands and workers."""
