"""The inbox pane: filters, the conversation list, the thread and the composer."""
