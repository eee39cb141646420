"""Turning what a person types into safe search expressions.

User text never reaches SQL or the FTS5 query language as syntax: it is cut
into words (letters and digits only), and each word becomes a quoted prefix
term, so quotes, ``*``, ``-``, ``:``, parentheses and the words AND/OR/NOT/NEAR
are plain text. The whole expression is then bound as a parameter.
"""

from __future__ import annotations

import re
import unicodedata

# Letters and digits, like the unicode61 tokenizer's token characters, so each
# word here is one token there (a quoted multi-token word would be a phrase).
_WORD = re.compile(r"[^\W_]+")
MAX_TERMS = 12
MAX_QUERY_CHARS = 500  # a pasted page of text is not a search
LIKE_ESCAPE = "\\"


def search_words(text: str | None) -> list[str]:
    """The distinct words of a query, in order; accents stay (FTS5 folds them itself)."""
    if not text:
        return []
    words: list[str] = []
    for word in _WORD.findall(unicodedata.normalize("NFC", text[:MAX_QUERY_CHARS])):
        if word.casefold() not in (w.casefold() for w in words):
            words.append(word)
    return words[:MAX_TERMS]


def fts_query(text: str | None) -> str | None:
    """An FTS5 MATCH expression: every word must begin some token of the row.

    ``jan acm`` becomes ``"jan"* "acm"*``, which finds "Jane Smith, Acme". None when
    the text has no words (empty, or only punctuation): the caller then does not
    filter at all, as an empty search box shows everything.
    """
    words = search_words(text)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def like_contains(text: str) -> str:
    """A LIKE pattern for "contains text", with ``%``, ``_`` and ``\\`` taken literally;
    use it with ``ESCAPE '\\'``."""
    escaped = (
        text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )
    return f"%{escaped}%"
