"""The Tags & Groups pane (``pane``; imported when first shown, so nothing here)."""
