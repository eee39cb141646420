"""The contacts pane: a table over the cache, filters, bulk actions and a detail panel.

Nothing is imported here: the window imports ``pane`` when the pane is first shown.
"""
