"""Counted nouns ("1 contact", "2,500 contacts") in the app's language (issue 8).

Translations need the whole phrase with its number, one form per plural class, and
``pyside6-lupdate`` only marks a message as plural for ``self.tr(text, "", n)`` in a
class; so the nouns the panes count live here, each as its own literal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from mailtrixy_desktop.ui.i18n import number, plural


class Counts(QObject):
    def text(self, n: int, one: str, many: str | None = None) -> str:
        forms: dict[str, Callable[[], str]] = {
            "contact": lambda: self.tr("%Ln contact(s)", "", n),
            "member": lambda: self.tr("%Ln member(s)", "", n),
            "tag": lambda: self.tr("%Ln tag(s)", "", n),
            "group": lambda: self.tr("%Ln group(s)", "", n),
            "change": lambda: self.tr("%Ln change(s)", "", n),
            "later change": lambda: self.tr("%Ln later change(s)", "", n),
            "reply": lambda: self.tr("%Ln (reply|replies)", "", n),
            "attempt": lambda: self.tr("%Ln attempt(s)", "", n),
            "deal": lambda: self.tr("%Ln deal(s)", "", n),
            "conversation": lambda: self.tr("%Ln conversation(s)", "", n),
            "open conversation": lambda: self.tr("%Ln open conversation(s)", "", n),
            "recipient": lambda: self.tr("%Ln recipient(s)", "", n),
            "distinct recipient": lambda: self.tr("%Ln distinct recipient(s)", "", n),
            "campaign": lambda: self.tr("%Ln campaign(s)", "", n),
            "message": lambda: self.tr("%Ln message(s)", "", n),
            "webhook": lambda: self.tr("%Ln webhook(s)", "", n),
            "delivery": lambda: self.tr("%Ln (delivery|deliveries)", "", n),
            "operation": lambda: self.tr("%Ln operation(s)", "", n),
        }
        form = forms.get(one)
        if form is None:  # a noun nobody translated yet: English, as before
            return f"{number(n)} {one if n == 1 else (many or one + 's')}"
        # %Ln follows QLocale(); a bare C locale has no digit grouping, so put ours in.
        return plural(form(), n).replace(str(n), number(n), 1)


_counts: Counts | None = None


def count_text(n: int, one: str, many: str | None = None) -> str:
    """``n`` and the noun ``one`` (or ``many``), as a translated phrase."""
    global _counts
    if _counts is None:
        _counts = Counts()
    return _counts.text(n, one, many)
