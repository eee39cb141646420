"""The Campaigns pane: campaigns with their statistics, the editor, sending."""
