"""``ui``: everything Qt.

The main window, panes, item models over the store, delegates, dialogs, and
the one bridge (qasync) that turns service callbacks into Qt signals. The only
layer besides ``app`` that imports PySide6.
"""
