"""The Tags & Groups pane."""

from mailtrixy_desktop.ui.tags_groups.pane import TagsGroupsPane

__all__ = ["TagsGroupsPane"]
