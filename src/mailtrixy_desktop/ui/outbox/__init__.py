"""The Outbox pane: every change not yet delivered, why it waits, and what can be done."""
