"""The deal pipeline: a kanban board of six stage columns over the deals cache."""
