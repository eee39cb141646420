"""The reply composer at the bottom of a conversation's thread.

Rich text is edited in a ``QTextEdit`` but never sent as ``toHtml()`` (a whole Qt
document with CSS): ``document_to_html`` walks the document and writes the few
tags a reply needs (``<p>``, ``<br>``, ``<b>``, ``<i>``, lists, ``<a href>``).
HTML coming in (a draft, a canned reply, a paste) is passed through the same
writer first, so what the person sees is what is sent.

The composer never talks to a service: it emits ``sendRequested`` and
``draftChanged`` and the pane queues the reply and stores the draft.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMimeData,
    QObject,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services.canned_replies import CannedReplies, CannedReply
from mailtrixy_desktop.ui.i18n import translated
from mailtrixy_desktop.ui.icons import icon

if TYPE_CHECKING:
    from mailtrixy_desktop.api.models import Reply

DRAFT_DELAY_MS = 400  # a draft is stored this long after the last change
ADDRESS_ERROR_DELAY_MS = 700  # a half-typed address is not called invalid at once
EDITOR_LINES = 5
PLACEHOLDER = QT_TRANSLATE_NOOP(
    "ReplyComposer", "Write a reply… (Ctrl+Enter to send, / for canned replies)"
)
LINK_SCHEMES = ("http", "https", "mailto")
ERROR_RED = "#E5484D"  # the palette has no error role; this red reads on light and dark

_LINE_BREAK = "\u2028"  # a <br> inside a block (Shift+Enter)
_OBJECT = "\ufffc"  # an image or other object: not part of a reply
_FLAT_BLOCKS = "p, ul, ol, li { margin-top: 0px; margin-bottom: 0px; }"
_NUMBERED = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}
# "/" then a shortcut, at the start of a line or after a space.
_CANNED_TRIGGER = re.compile(r"(?:^|(?<=\s))/([A-Za-z0-9_-]*)$")
_OWN_KEYS = {Qt.Key.Key_B, Qt.Key.Key_I, Qt.Key.Key_K, Qt.Key.Key_Return, Qt.Key.Key_Enter}
_POPUP_KEYS = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Escape,
}


# ---------------------------------------------------------------------- HTML out and in
def safe_href(href: str) -> str | None:
    """``href`` when it is a web or mail link, else None (``javascript:``, ``file:``…)."""
    href = href.strip()
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES:
        return None
    if parts.scheme.lower() == "mailto":
        return href if parts.path else None
    return href if parts.netloc else None


def _is_blank(text: str) -> bool:
    return not text.replace(_LINE_BREAK, "").replace(_OBJECT, "").strip()


def _inline_html(block: QTextBlock) -> str:
    """A block's text as escaped HTML with <a>, <b> and <i>, opened and closed as needed."""
    out: list[str] = []
    open_tags: list[tuple[str, str]] = []  # (tag, its opening markup), outermost first
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        text = fragment.text().replace(_OBJECT, "") if fragment.isValid() else ""
        if not text:
            continue
        fmt = fragment.charFormat()
        wanted: list[tuple[str, str]] = []
        href = safe_href(fmt.anchorHref()) if fmt.isAnchor() else None
        if href:
            wanted.append(("a", f'<a href="{html.escape(href, quote=True)}">'))
        if fmt.fontWeight() >= QFont.Weight.DemiBold:
            wanted.append(("b", "<b>"))
        if fmt.fontItalic():
            wanted.append(("i", "<i>"))
        keep = 0
        while keep < min(len(open_tags), len(wanted)) and open_tags[keep] == wanted[keep]:
            keep += 1
        out.extend(f"</{tag}>" for tag, _ in reversed(open_tags[keep:]))
        out.extend(markup for _, markup in wanted[keep:])
        open_tags = wanted
        out.append(html.escape(text, quote=False).replace(_LINE_BREAK, "<br>"))
    out.extend(f"</{tag}>" for tag, _ in reversed(open_tags))
    return "".join(out)


@dataclass
class _OpenList:
    index: int  # QTextList.objectIndex(): the same list across its blocks
    level: int
    tag: str


def document_to_html(document: QTextDocument) -> str:
    """The document as plain semantic HTML; "" when it holds no text.

    Lines typed one under the other are one ``<p>`` with ``<br>`` between them; an
    empty line starts a new ``<p>``. That is how mail reads (paragraphs with space
    between them), and ``load_html`` turns it back into the same lines.
    """
    out: list[str] = []
    lines: list[str] = []  # the lines of the paragraph being gathered
    lists: list[_OpenList] = []

    def close_paragraph() -> None:
        if lines:
            out.append("<p>" + "<br>".join(lines) + "</p>")
            lines.clear()

    def close_list() -> None:
        out.append(f"</li></{lists.pop().tag}>")

    block = document.begin()
    while block.isValid():
        text_list = block.textList()
        blank = _is_blank(block.text())
        if text_list is None:
            while lists:
                close_list()
            if blank:
                close_paragraph()
            else:
                lines.append(_inline_html(block))
        else:
            close_paragraph()
            index, level = text_list.objectIndex(), text_list.format().indent()
            while lists and (
                lists[-1].level > level or (lists[-1].level == level and lists[-1].index != index)
            ):
                close_list()
            if lists and lists[-1].index == index:
                out.append("</li><li>")
            else:
                tag = "ol" if text_list.format().style() in _NUMBERED else "ul"
                lists.append(_OpenList(index, level, tag))
                out.append(f"<{tag}><li>")
            if not blank:
                out.append(_inline_html(block))
        block = block.next()
    while lists:
        close_list()
    close_paragraph()
    return "".join(out)


def _flat_document(source_html: str) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultStyleSheet(_FLAT_BLOCKS)
    document.setHtml(source_html)
    return document


def _paragraph_gaps(document: QTextDocument) -> None:
    """An empty line between paragraphs that follow each other, as typing makes them."""
    block, previous_was_text = document.begin(), False
    while block.isValid():
        is_text = block.textList() is None and not _is_blank(block.text())
        if is_text and previous_was_text:
            start = block.position()
            QTextCursor(block).insertBlock(block.blockFormat(), QTextCharFormat())
            # Which half the old handle names is Qt's business: find the text again.
            block = document.findBlock(start + 1)
        previous_was_text = is_text
        block = block.next()


def _lines_as_blocks(document: QTextDocument) -> None:
    """Each <br> becomes a line of its own, as Enter makes them."""
    block = document.begin()
    while block.isValid():
        start, text = block.position(), block.text()
        # From the end, so the positions still to split stay where they were.
        for offset in reversed([i for i, ch in enumerate(text) if ch == _LINE_BREAK]):
            at = QTextCursor(document)
            at.setPosition(start + offset)
            at.setPosition(start + offset + 1, QTextCursor.MoveMode.KeepAnchor)
            at.removeSelectedText()
            at.insertBlock()
        # A line break became a block separator: the text is as long as before.
        block = document.findBlock(start + len(text)).next()


def load_html(document: QTextDocument, source_html: str) -> None:
    """Show ``source_html`` in ``document`` as the lines ``document_to_html`` wrote.

    Anything else the HTML carried (fonts, colours, tables, images, unsafe links)
    is dropped first by writing it through ``document_to_html``.
    """
    source = _flat_document(source_html)
    _paragraph_gaps(source)
    clean = document_to_html(source)
    document.setDefaultStyleSheet(_FLAT_BLOCKS)
    document.setHtml(clean)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    _paragraph_gaps(document)
    _lines_as_blocks(document)
    cursor.endEditBlock()


def html_fragment(source_html: str) -> QTextDocumentFragment:
    """``source_html`` cleaned as ``load_html`` does, ready for ``QTextCursor.insertFragment``."""
    document = QTextDocument()
    load_html(document, source_html)
    return QTextDocumentFragment(document)


# ---------------------------------------------------------------------- addresses
@lru_cache(maxsize=512)
def _checked(address: str) -> str | None:
    """The normalised address, or None when it is not one."""
    # Imported here: email-validator is not needed until someone types an address.
    from email_validator import EmailNotValidError, validate_email

    try:
        return str(validate_email(address, check_deliverability=False).normalized)
    except EmailNotValidError:
        return None


def split_addresses(text: str) -> list[str]:
    """The entries of a comma or semicolon separated field, as typed."""
    return [part.strip() for part in re.split(r"[,;]", text) if part.strip()]


def parse_addresses(text: str) -> tuple[list[str], list[str]]:
    """(valid addresses, normalised and without repeats; entries that are not addresses).

    "Bob <bob@example.com>", as mail programs copy it, counts as bob@example.com.
    """
    valid: list[str] = []
    invalid: list[str] = []
    seen: set[str] = set()
    for entry in split_addresses(text):
        named = re.fullmatch(r"[^<>]*<([^<>]+)>", entry)
        address = _checked(named.group(1).strip() if named else entry)
        if address is None:
            invalid.append(entry)
        elif address.casefold() not in seen:
            seen.add(address.casefold())
            valid.append(address)
    return valid, invalid


def invalid_message(entries: Sequence[str]) -> str:
    quoted = [f"“{entry}”" for entry in entries]
    translate = QCoreApplication.translate
    if len(quoted) == 1:
        return translate("ReplyComposer", "{address} is not a valid address").format(
            address=quoted[0]
        )
    return translate("ReplyComposer", "{addresses} and {last} are not valid addresses").format(
        addresses=", ".join(quoted[:-1]), last=quoted[-1]
    )


# ---------------------------------------------------------------------- the editor
def unlinked(fmt: QTextCharFormat) -> None:
    """Take the link (and its underline and colour) out of ``fmt``."""
    fmt.setAnchor(False)
    fmt.clearProperty(QTextFormat.Property.AnchorHref)
    fmt.clearProperty(QTextFormat.Property.TextUnderlineStyle)
    fmt.clearProperty(QTextFormat.Property.FontUnderline)
    fmt.clearForeground()


class RichTextEdit(QTextEdit):
    """A rich text editor that keeps only what a reply can carry.

    Pasted or dropped HTML is cleaned to the reply's tags, so nothing shows here
    that would not be sent. ``typed`` is emitted after a key changed the text,
    which is when the canned reply popup looks at what was typed.
    """

    typed = Signal()

    def __init__(self, parent: QWidget | None = None, *, lines: int = EDITOR_LINES) -> None:
        super().__init__(parent)
        self._lines = lines
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)
        self.document().setDefaultStyleSheet(_FLAT_BLOCKS)
        # Whoever shows a popup under the cursor (the canned replies) says whether it
        # is open and takes its keys (Up, Down, Enter, Tab, Esc) while it is.
        self.popup_open: Callable[[], bool] = lambda: False
        self.popup_key: Callable[[QKeyEvent], None] | None = None

    def sizeHint(self) -> QSize:
        margin = int(self.document().documentMargin())
        height = self.fontMetrics().lineSpacing() * self._lines + 2 * (margin + self.frameWidth())
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        margin = int(self.document().documentMargin())
        height = self.fontMetrics().lineSpacing() * 2 + 2 * (margin + self.frameWidth())
        return QSize(super().minimumSizeHint().width(), height)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._popup_wants(event):
                event.accept()  # Esc and Enter go to the popup, not to a dialog or pane
                return True
            own = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if own == Qt.KeyboardModifier.ControlModifier and event.key() in _OWN_KEYS:
                # Some platforms bind Ctrl+K to "delete to end of line"; here it is Link.
                event.ignore()
                return True
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._popup_wants(event)
            and self.popup_key is not None
        ):
            # Taken before QTextEdit sees Tab (focus change) or Enter (new line).
            self.popup_key(event)
            return True
        return super().event(event)

    def _popup_wants(self, event: QKeyEvent) -> bool:
        return (
            self.popup_key is not None
            and event.key() in _POPUP_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and self.popup_open()
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text() and event.text().isprintable():
            self._leave_link()
        super().keyPressEvent(event)
        if (event.text() and event.text().isprintable()) or event.key() == Qt.Key.Key_Backspace:
            self.typed.emit()

    def _leave_link(self) -> None:
        """Text typed right after a link is not part of it (as in mail programs)."""
        fmt = self.currentCharFormat()
        cursor = self.textCursor()
        if not fmt.isAnchor() or cursor.hasSelection():
            return
        ahead = QTextCursor(cursor)
        moved = ahead.movePosition(
            QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor
        )
        if (
            moved
            and not cursor.atBlockEnd()
            and ahead.charFormat().anchorHref() == fmt.anchorHref()
        ):
            return  # inside the link: typing there edits its text
        unlinked(fmt)
        self.setCurrentCharFormat(fmt)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasHtml() or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasHtml():
            self.textCursor().insertFragment(html_fragment(source.html()))
        elif source.hasText():
            self.textCursor().insertText(source.text())
        self.ensureCursorVisible()


# ---------------------------------------------------------------------- links
def normalise_link(text: str) -> tuple[str | None, str | None]:
    """(the URL to link to, or None; why not, or None) for what a person typed."""
    text = text.strip()
    if not text:
        return None, QCoreApplication.translate(
            "LinkDialog", "Enter a web address or an email address."
        )
    if " " in text:
        return None, QCoreApplication.translate("LinkDialog", "A link cannot contain spaces.")
    if ":" not in text.split("/", 1)[0] or text.lower().startswith("localhost:"):
        # No scheme typed: an address with @ mails, anything else is a web page.
        text = f"mailto:{text}" if "@" in text and "/" not in text else f"https://{text}"
    url = safe_href(text)
    if url is None:
        return None, QCoreApplication.translate(
            "LinkDialog", "Only web (http, https) and email (mailto) links can be added."
        )
    return url, None


class LinkDialog(QDialog):
    """Ask for a link's address; ``url`` holds it once accepted, ``removed`` when unlinked."""

    def __init__(self, url: str = "", *, can_remove: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("linkDialog")
        self.setWindowTitle(self.tr("Edit link") if can_remove else self.tr("Insert link"))
        self.setMinimumWidth(460)
        self.url = ""
        self.removed = False
        self.edit = QLineEdit(url)
        self.edit.setObjectName("linkUrl")
        self.edit.setAccessibleName(self.tr("Link address"))
        self.edit.setPlaceholderText(self.tr("https://example.com or name@example.com"))
        self.edit.selectAll()
        self.error = QLabel()
        self.error.setObjectName("linkUrlError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"QLabel {{ color: {ERROR_RED}; }}")
        self.error.hide()
        self.edit.textEdited.connect(lambda _t: self.error.hide())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Apply"))
        buttons.accepted.connect(self._apply)
        buttons.rejected.connect(self.reject)
        if can_remove:
            remove = buttons.addButton(
                self.tr("Remove link"), QDialogButtonBox.ButtonRole.ResetRole
            )
            remove.setObjectName("linkRemove")
            remove.clicked.connect(self._remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(6)
        label = QLabel(self.tr("Link to"))
        label.setBuddy(self.edit)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addWidget(buttons)

    def _apply(self) -> None:
        url, problem = normalise_link(self.edit.text())
        if url is None:
            self.error.setText(problem or "")
            self.error.show()
            self.adjustSize()  # room for the message under the field
            self.edit.setFocus()
            return
        self.url = url
        self.accept()

    def _remove(self) -> None:
        self.removed = True
        self.accept()


def _anchor_extent(cursor: QTextCursor) -> QTextCursor | None:
    """A cursor selecting the whole link the cursor is in, or None when it is in none."""
    block = cursor.block()
    at = cursor.positionInBlock()
    it = block.begin()
    fragments = []
    while not it.atEnd():
        if it.fragment().isValid():
            fragments.append(it.fragment())
        it += 1
    for i, fragment in enumerate(fragments):
        start = fragment.position() - block.position()
        if not start <= at <= start + fragment.length():
            continue
        href = fragment.charFormat().anchorHref() if fragment.charFormat().isAnchor() else ""
        if not href:
            continue
        first = last = i
        while first > 0 and fragments[first - 1].charFormat().anchorHref() == href:
            first -= 1
        while last + 1 < len(fragments) and fragments[last + 1].charFormat().anchorHref() == href:
            last += 1
        extent = QTextCursor(cursor)
        extent.setPosition(fragments[first].position())
        end = fragments[last].position() + fragments[last].length()
        extent.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return extent
    return None


# ---------------------------------------------------------------------- formatting bar
class FormatBar(QWidget):
    """Bold, italic, lists and links for a ``RichTextEdit``, following its cursor.

    The actions live on the editor (their shortcuts work while it has focus) and
    are shown as small tool buttons in a row that others may add to.
    """

    def __init__(self, editor: RichTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._link_dialog: LinkDialog | None = None
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(2)
        self.bold = self._action("format-bold", self.tr("Bold"), "Ctrl+B", self._toggle_bold)
        self.italic = self._action(
            "format-italic", self.tr("Italic"), "Ctrl+I", self._toggle_italic
        )
        self.bullets = self._action(
            "format-list-bulleted",
            self.tr("Bulleted list"),
            None,
            lambda: self._toggle_list(QTextListFormat.Style.ListDisc),
        )
        self.numbers = self._action(
            "format-list-numbered",
            self.tr("Numbered list"),
            None,
            lambda: self._toggle_list(QTextListFormat.Style.ListDecimal),
        )
        self.link = self._action(
            "format-link", self.tr("Link"), "Ctrl+K", self.edit_link, checkable=False
        )
        for action in (self.bold, self.italic, self.bullets, self.numbers, self.link):
            self.add_button(action)
        editor.cursorPositionChanged.connect(self.follow_cursor)
        editor.currentCharFormatChanged.connect(lambda _f: self.follow_cursor())
        self.follow_cursor()

    def _action(
        self,
        icon_name: str,
        text: str,
        shortcut: str | None,
        slot: Callable[[], None],
        *,
        checkable: bool = True,
    ) -> QAction:
        action = QAction(icon(icon_name), text, self.editor)
        action.setObjectName(f"format{text.title().replace(' ', '')}")
        action.setCheckable(checkable)
        tip = text
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            native = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{text} ({native})"
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.editor.addAction(action)
        return action

    def add_button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        button.setIconSize(QSize(16, 16))
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setObjectName(f"{action.objectName()}Button")
        button.setAccessibleName(action.text())
        self.row.addWidget(button)
        return button

    def follow_cursor(self) -> None:
        fmt = self.editor.currentCharFormat()
        self.bold.setChecked(fmt.fontWeight() >= QFont.Weight.DemiBold)
        self.italic.setChecked(fmt.fontItalic())
        current = self.editor.textCursor().currentList()
        style = current.format().style() if current is not None else None
        self.bullets.setChecked(style is not None and style not in _NUMBERED)
        self.numbers.setChecked(style in _NUMBERED)

    def _merge(self, fmt: QTextCharFormat) -> None:
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            cursor.mergeCharFormat(fmt)
        # Also the format of what is typed next (without a selection, only that).
        self.editor.mergeCurrentCharFormat(fmt)
        self.editor.setFocus()

    def _toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if self.bold.isChecked() else QFont.Weight.Normal)
        self._merge(fmt)

    def _toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(self.italic.isChecked())
        self._merge(fmt)

    def _toggle_list(self, style: QTextListFormat.Style) -> None:
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        current = cursor.currentList()
        numbered = style in _NUMBERED
        if current is not None and (current.format().style() in _NUMBERED) == numbered:
            # The same kind again: the selected lines leave the list.
            first, last = sorted((cursor.anchor(), cursor.position()))
            block = self.editor.document().findBlock(first)
            while block.isValid() and block.position() <= last:
                if block.textList() is not None:
                    block.textList().remove(block)
                    unindented = block.blockFormat()
                    unindented.setIndent(0)
                    QTextCursor(block).setBlockFormat(unindented)
                block = block.next()
        elif current is not None:
            fmt = current.format()
            fmt.setStyle(style)
            current.setFormat(fmt)
        else:
            cursor.createList(style)
        cursor.endEditBlock()
        self.follow_cursor()
        self.editor.setFocus()

    # ------------------------------------------------------------------ links
    def edit_link(self) -> None:
        cursor = self.editor.textCursor()
        existing = None if cursor.hasSelection() else _anchor_extent(cursor)
        if existing is not None:
            cursor = existing
        href = cursor.charFormat().anchorHref() if cursor.charFormat().isAnchor() else ""
        if not href and cursor.hasSelection():
            # A selected address is probably what the person wants to link to.
            selected = cursor.selectedText().strip()
            if normalise_link(selected)[0] and ("@" in selected or "." in selected):
                href = selected
        dialog = LinkDialog(href, can_remove=bool(existing), parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._link_dialog = dialog
        dialog.accepted.connect(lambda: self._apply_link(cursor, dialog.url, dialog.removed))
        dialog.finished.connect(lambda _r: setattr(self, "_link_dialog", None))
        dialog.finished.connect(lambda _r: self.editor.setFocus())
        # open(), not exec(): no nested event loop under qasync.
        dialog.open()

    def _apply_link(self, cursor: QTextCursor, url: str, removed: bool) -> None:
        cursor.beginEditBlock()
        if removed:
            self._unlink(cursor)
        elif cursor.hasSelection():
            cursor.mergeCharFormat(self._link_format(url))
        else:
            plain = QTextCharFormat(cursor.charFormat())
            shown = url.removeprefix("mailto:")
            cursor.insertText(shown, self._link_format(url))
            self.editor.setTextCursor(cursor)
            # What is typed after the new link is plain text again.
            unlinked(plain)
            self.editor.setCurrentCharFormat(plain)
        cursor.endEditBlock()

    def _link_format(self, url: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(url)
        fmt.setFontUnderline(True)
        fmt.setForeground(self.editor.palette().link())
        return fmt

    def _unlink(self, selection: QTextCursor) -> None:
        start, end = selection.selectionStart(), selection.selectionEnd()
        piece = QTextCursor(selection.document())
        position = start
        while position < end:
            piece.setPosition(position)
            piece.movePosition(QTextCursor.MoveOperation.NextCharacter)
            fmt = piece.charFormat()
            unlinked(fmt)
            piece.setPosition(position)
            piece.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
            piece.setCharFormat(fmt)
            position += 1


# ---------------------------------------------------------------------- canned replies popup
class CannedPopup(QListWidget):
    """The list of canned replies under the cursor while "/shortcut" is typed.

    It never takes the keyboard: the editor keeps focus and hands it Up, Down,
    Enter, Tab and Esc, so typing goes on filtering the list.
    """

    chosen = Signal(str)  # the shortcut

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("cannedRepliesPopup")
        self.setAccessibleName(self.tr("Canned replies"))
        self.setWindowFlags(Qt.WindowType.ToolTip)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setUniformItemSizes(True)
        self.setStyleSheet(
            "QListWidget#cannedRepliesPopup { border: 1px solid palette(mid); padding: 2px; }"
            " QListWidget#cannedRepliesPopup::item { padding: 4px 8px; border-radius: 3px; }"
            " QListWidget#cannedRepliesPopup::item:selected {"
            " background: palette(highlight); color: palette(highlighted-text); }"
        )
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemClicked.connect(lambda item: self.chosen.emit(item.data(Qt.ItemDataRole.UserRole)))

    def show_replies(self, replies: Sequence[CannedReply], below: QPoint, above: int) -> None:
        """List ``replies`` at ``below`` (global), or ending at ``above`` if out of room."""
        previous = self.current_shortcut()
        self.clear()
        for reply in replies:
            text = f"{reply.shortcut} — {reply.title}" if reply.title else reply.shortcut
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, reply.shortcut)
            item.setToolTip(reply.title or reply.shortcut)
            self.addItem(item)
            if reply.shortcut == previous:
                self.setCurrentItem(item)
        if self.currentItem() is None:
            self.setCurrentRow(0)
        self.ensurePolished()  # the item padding of the style sheet counts in the heights
        rows = min(len(replies), 8)
        height = self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 4  # + padding
        width = max(280, min(460, self.sizeHintForColumn(0) + 2 * self.frameWidth() + 24))
        self.resize(width, height)
        screen = self.screen().availableGeometry()
        x = max(screen.left(), min(below.x(), screen.right() - width))
        y = below.y() if below.y() + height <= screen.bottom() else above - height
        self.move(x, y)
        self.show()

    def current_shortcut(self) -> str | None:
        item = self.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def step(self, rows: int) -> None:
        self.setCurrentRow(max(0, min(self.count() - 1, self.currentRow() + rows)))


# ---------------------------------------------------------------------- address rows
class _AddressField:
    """A "Cc" or "Bcc" line with the message naming what is not an address."""

    def __init__(self, name: str, label: str, parent: QWidget) -> None:
        self.label = QLabel(label, parent)
        self.edit = QLineEdit(parent)
        self.edit.setObjectName(name)
        self.edit.setAccessibleName(label)
        self.edit.setAccessibleDescription(
            QCoreApplication.translate("_AddressField", "Addresses separated by commas")
        )
        self.edit.setPlaceholderText(
            QCoreApplication.translate("_AddressField", "name@example.com, another@example.com")
        )
        self.edit.setClearButtonEnabled(True)
        self.label.setBuddy(self.edit)
        self.error = QLabel(parent)
        self.error.setObjectName(f"{name}Error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"QLabel {{ color: {ERROR_RED}; }}")
        self.error.hide()
        # A half-typed address is not an error yet: the message waits for a pause.
        self.timer = QTimer(parent)
        self.timer.setSingleShot(True)
        self.timer.setInterval(ADDRESS_ERROR_DELAY_MS)
        self.timer.timeout.connect(self.show_error)
        self.edit.editingFinished.connect(self.show_error)

    def invalid(self) -> list[str]:
        return parse_addresses(self.edit.text())[1]

    def valid(self) -> list[str]:
        return parse_addresses(self.edit.text())[0]

    def refresh(self, *, at_once: bool = False) -> None:
        """Follow the text: the error look now, the message after a pause (or at once)."""
        bad = self.invalid()
        self.edit.setProperty("invalid", bool(bad))
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)
        if not bad:
            self.timer.stop()
            self.error.hide()
        elif at_once or self.error.isVisible():
            self.show_error()
        else:
            self.timer.start()

    def show_error(self) -> None:
        self.timer.stop()
        bad = self.invalid()
        self.error.setText(invalid_message(bad) if bad else "")
        self.error.setVisible(bool(bad))


# ---------------------------------------------------------------------- the composer
_STYLE = f"""
QFrame#replyComposer {{
    background: palette(base);
    border: 1px solid palette(mid);
    border-radius: 6px;
}}
QLineEdit#replyCc, QLineEdit#replyBcc {{
    background: transparent;
    border: none;
    border-bottom: 1px solid palette(midlight);
    padding: 3px 2px;
}}
QLineEdit#replyCc:focus, QLineEdit#replyBcc:focus {{
    border-bottom: 1px solid palette(highlight);
}}
QLineEdit#replyCc[invalid="true"], QLineEdit#replyBcc[invalid="true"] {{
    border-bottom: 1px solid {ERROR_RED};
}}
QFrame#replyBottomRule {{
    border: none;
    border-top: 1px solid palette(midlight);
}}
"""


class Composer(QFrame):
    """Writes one reply: rich text, cc and bcc, canned replies, a draft kept as it is typed.

    Signals:
        sendRequested(dict): ``{"body_html", "cc", "bcc"}`` on Send or Ctrl+Enter, when
            the body has text and every address is valid. The composer keeps the text;
            the pane calls ``clear()`` once the reply is queued.
        draftChanged(dict): ``{"body_html", "cc", "bcc"}`` (cc and bcc as typed, even
            if invalid) ~400 ms after the last change; all empty means no draft.
    """

    sendRequested = Signal(object)
    draftChanged = Signal(object)

    def __init__(self, canned: CannedReplies | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("replyComposer")
        self.setAccessibleName(self.tr("Reply"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(_STYLE)
        self._canned = canned
        self._reason: str | None = None
        self._loading = False
        self._draft_pending = False
        self._manage_dialog: QDialog | None = None

        self.editor = RichTextEdit(self)
        self.editor.setObjectName("replyEditor")
        self.editor.setAccessibleName(self.tr("Reply"))
        self.editor.setPlaceholderText(translated(PLACEHOLDER))
        self.editor.setFrameShape(QFrame.Shape.NoFrame)
        self.editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.editor.viewport().setAutoFillBackground(False)
        self.editor.setStyleSheet("QTextEdit#replyEditor { background: transparent; }")

        # Cc and Bcc, shown under a toggle (and by themselves when a draft has some).
        self.addresses = QWidget(self)
        self.addresses.setObjectName("replyAddresses")
        grid = QGridLayout(self.addresses)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.cc_field = _AddressField("replyCc", "Cc", self.addresses)
        self.bcc_field = _AddressField("replyBcc", "Bcc", self.addresses)
        for row, field in enumerate((self.cc_field, self.bcc_field)):
            field.label.setEnabled(False)  # a quiet label, as in mail programs
            grid.addWidget(field.label, row * 2, 0, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(field.edit, row * 2, 1)
            grid.addWidget(field.error, row * 2 + 1, 1)
            field.edit.textChanged.connect(lambda _t, f=field: self._addresses_edited(f))
        grid.setColumnStretch(1, 1)
        self.cc = self.cc_field.edit
        self.bcc = self.bcc_field.edit
        self.addresses.hide()

        # The bottom bar: formatting, canned replies, Cc/Bcc, and Send.
        self.format_bar = FormatBar(self.editor, self)
        self.format_bar.setObjectName("replyToolbar")
        self.canned_button = QToolButton(self.format_bar)
        self.canned_button.setObjectName("replyCannedButton")
        self.canned_button.setIcon(icon("canned-reply"))
        self.canned_button.setIconSize(QSize(16, 16))
        self.canned_button.setAutoRaise(True)
        self.canned_button.setToolTip(self.tr("Insert canned reply (type / and its shortcut)"))
        self.canned_button.setAccessibleName(self.tr("Insert canned reply"))
        self.canned_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.canned_menu = QMenu(self.canned_button)
        self.canned_menu.setObjectName("replyCannedMenu")
        self.canned_menu.aboutToShow.connect(self._fill_canned_menu)
        self.canned_button.setMenu(self.canned_menu)
        self.format_bar.row.addSpacing(6)
        self.format_bar.row.addWidget(self.canned_button)
        self.cc_toggle = QToolButton(self.format_bar)
        self.cc_toggle.setObjectName("replyCcBccToggle")
        self.cc_toggle.setText(self.tr("Cc/Bcc"))
        self.cc_toggle.setCheckable(True)
        self.cc_toggle.setAutoRaise(True)
        self.cc_toggle.setToolTip(self.tr("Show or hide the Cc and Bcc fields"))
        self.cc_toggle.setAccessibleName(self.tr("Cc and Bcc"))
        self.cc_toggle.toggled.connect(self._show_addresses)
        self.format_bar.row.addSpacing(6)
        self.format_bar.row.addWidget(self.cc_toggle)
        self.format_bar.row.addStretch(1)

        self.reason_label = QLabel(self)
        self.reason_label.setObjectName("replyDisabledReason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setAccessibleName(self.tr("Why replying is not possible"))
        self.bar_stack = QStackedWidget(self)
        self.bar_stack.addWidget(self.format_bar)
        self.bar_stack.addWidget(self.reason_label)
        self.bar_stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName("replySend")
        self.send_button.setAccessibleName(self.tr("Send reply"))
        self.send_button.setToolTip(self.tr("Send (Ctrl+Enter)"))
        self.send_button.setDefault(True)
        self.send_button.setAutoDefault(False)
        self.send_button.clicked.connect(self.send)

        rule = QFrame(self)
        rule.setObjectName("replyBottomRule")
        rule.setFixedHeight(1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(6, 4, 8, 6)
        bottom.setSpacing(8)
        bottom.addWidget(self.bar_stack, 1)
        bottom.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignVCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        top = QVBoxLayout()
        top.setContentsMargins(10, 6, 10, 0)
        top.addWidget(self.addresses)
        layout.addLayout(top)
        # The text lines up with the Cc and Bcc labels above it.
        editor_row = QHBoxLayout()
        editor_row.setContentsMargins(6, 2, 6, 2)
        editor_row.addWidget(self.editor)
        layout.addLayout(editor_row, 1)
        layout.addWidget(rule)
        layout.addLayout(bottom)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.send)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.flush_draft)
        self.editor.textChanged.connect(self._changed)

        self.popup = CannedPopup(self.editor)
        self.popup.chosen.connect(self.insert_canned)
        self.editor.popup_open = self.popup.isVisible
        self.editor.popup_key = self._popup_key
        self.editor.typed.connect(self._update_popup)
        self.editor.cursorPositionChanged.connect(self._cursor_moved)
        self.editor.installEventFilter(self)

        self.setFocusProxy(self.editor)
        self._update_send()

    # ------------------------------------------------------------------ what is written
    def body_html(self) -> str:
        return document_to_html(self.editor.document())

    def body_text(self) -> str:
        """The reply as plain text, for telling whether there is anything to send."""
        return self.editor.toPlainText().replace(_OBJECT, "").strip()

    def reply(self) -> Reply:
        """The reply as it would be sent (cc and bcc only the valid addresses)."""
        return {
            "body_html": self.body_html(),
            "cc": self.cc_field.valid(),
            "bcc": self.bcc_field.valid(),
        }

    def draft(self) -> Reply:
        """What a stored draft holds: the text and the addresses as typed."""
        return {
            "body_html": self.body_html() if self.body_text() else "",
            "cc": split_addresses(self.cc.text()),
            "bcc": split_addresses(self.bcc.text()),
        }

    def can_send(self) -> bool:
        return (
            self._reason is None
            and bool(self.body_text())
            and not self.cc_field.invalid()
            and not self.bcc_field.invalid()
        )

    # ------------------------------------------------------------------ sending
    def send(self) -> bool:
        """Emit ``sendRequested`` if the reply can go; True when it was emitted."""
        if self._reason is not None:
            return False
        if self.cc_field.invalid() or self.bcc_field.invalid():
            self.cc_toggle.setChecked(True)
            self.cc_field.refresh(at_once=True)
            self.bcc_field.refresh(at_once=True)
            return False
        if not self.body_text():
            self.editor.setFocus()
            return False
        self.popup.hide()
        # The reply is about to be queued: a draft of it stored now would outlive it.
        self._draft_timer.stop()
        self._draft_pending = False
        self.sendRequested.emit(self.reply())
        return True

    def _update_send(self) -> None:
        self.send_button.setEnabled(self.can_send())

    # ------------------------------------------------------------------ drafts
    def set_draft(self, body_html: str, cc: Sequence[str] = (), bcc: Sequence[str] = ()) -> None:
        """Show a stored draft (or nothing) without emitting ``draftChanged``."""
        self._loading = True
        try:
            self.popup.hide()
            load_html(self.editor.document(), body_html or "")
            self.editor.moveCursor(QTextCursor.MoveOperation.End)
            self.cc.setText(", ".join(cc))
            self.bcc.setText(", ".join(bcc))
        finally:
            self._loading = False
        self._draft_timer.stop()
        self._draft_pending = False
        self.cc_toggle.setChecked(bool(cc or bcc))
        for field in (self.cc_field, self.bcc_field):
            field.refresh(at_once=True)
        self.format_bar.follow_cursor()
        self._update_send()

    def clear(self) -> None:
        """Empty the composer; a pending draft change is dropped, not emitted."""
        self.set_draft("", (), ())

    def flush_draft(self) -> None:
        """Emit ``draftChanged`` now if a change is waiting (before switching conversations)."""
        self._draft_timer.stop()
        if self._draft_pending:
            self._draft_pending = False
            self.draftChanged.emit(self.draft())

    def _changed(self) -> None:
        self._update_send()
        if self._loading:
            return
        self._draft_pending = True
        self._draft_timer.start()

    def _addresses_edited(self, field: _AddressField) -> None:
        if not self._loading:
            field.refresh()
        self._show_address_count()
        self._changed()

    # ------------------------------------------------------------------ cc and bcc
    def _show_addresses(self, shown: bool) -> None:
        self.addresses.setVisible(shown)
        self._show_address_count()
        if shown and not self._loading and self.isVisible() and not self.cc.text():
            self.cc.setFocus()

    def _show_address_count(self) -> None:
        # Hidden fields still count: the toggle says that they hold addresses.
        count = len(split_addresses(self.cc.text())) + len(split_addresses(self.bcc.text()))
        hidden = not self.cc_toggle.isChecked() and count
        self.cc_toggle.setText(f"Cc/Bcc ({count})" if hidden else "Cc/Bcc")

    # ------------------------------------------------------------------ enabled or not
    def set_enabled_reason(self, reason: str | None) -> None:
        """None enables the composer; a sentence disables it and says why instead of the bar."""
        self._reason = reason
        enabled = reason is None
        for widget in (self.editor, self.addresses, self.format_bar):
            widget.setEnabled(enabled)
        self.reason_label.setText(reason or "")
        # "Write a reply…" would contradict the sentence in the bar.
        self.editor.setPlaceholderText(translated(PLACEHOLDER) if enabled else "")
        self.bar_stack.setCurrentWidget(self.format_bar if enabled else self.reason_label)
        if not enabled:
            self.popup.hide()
        self._update_send()

    def enabled_reason(self) -> str | None:
        return self._reason

    def focus_editor(self) -> None:
        self.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.editor.ensureCursorVisible()

    # ------------------------------------------------------------------ canned replies
    def set_canned(self, canned: CannedReplies | None) -> None:
        self._canned = canned
        self.popup.hide()

    def canned(self) -> CannedReplies | None:
        return self._canned

    def insert_canned(self, shortcut: str) -> bool:
        """Put the reply in place of the "/shortcut" being typed (or at the cursor)."""
        reply = self._canned.find(shortcut) if self._canned is not None else None
        self.popup.hide()
        if reply is None:
            return False
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        trigger = self._trigger()
        if trigger is not None:
            cursor.clearSelection()
            cursor.setPosition(trigger[0], QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.insertFragment(html_fragment(reply.body_html))
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()
        return True

    def _trigger(self) -> tuple[int, str] | None:
        """(where the "/" is, the shortcut typed after it) when the cursor ends one."""
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            return None
        block = cursor.block()
        match = _CANNED_TRIGGER.search(block.text()[: cursor.positionInBlock()])
        if match is None:
            return None
        return block.position() + match.start(), match.group(1)

    def _update_popup(self) -> None:
        trigger = self._trigger() if self._canned is not None else None
        replies = self._canned.matching(trigger[1]) if self._canned and trigger else []
        if not replies or not self.editor.isVisible():
            self.popup.hide()
            return
        rect = self.editor.cursorRect()
        viewport = self.editor.viewport()
        self.popup.show_replies(
            replies,
            viewport.mapToGlobal(rect.bottomLeft() + QPoint(0, 4)),
            viewport.mapToGlobal(rect.topLeft()).y() - 4,
        )

    def _cursor_moved(self) -> None:
        if self.popup.isVisible():
            self._update_popup()

    def _popup_key(self, event: QKeyEvent) -> None:
        """A key for the open popup: move, choose, or close it."""
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.popup.step(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.popup.step(-8 if key == Qt.Key.Key_PageUp else 8)
        elif key == Qt.Key.Key_Escape:
            self.popup.hide()  # the typed "/shortcut" stays as text
        else:
            shortcut = self.popup.current_shortcut()
            if shortcut is not None:
                self.insert_canned(shortcut)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() in (QEvent.Type.FocusOut, QEvent.Type.Hide):
            self.popup.hide()
        return super().eventFilter(watched, event)

    def _fill_canned_menu(self) -> None:
        menu = self.canned_menu
        menu.clear()
        replies = self._canned.all() if self._canned is not None else []
        for reply in replies:
            text = f"{reply.title or reply.shortcut}\t/{reply.shortcut}"
            action = menu.addAction(text.replace("&", "&&"))
            action.triggered.connect(lambda _c=False, s=reply.shortcut: self.insert_canned(s))
        if not replies:
            empty = menu.addAction(self.tr("No canned replies yet"))
            empty.setEnabled(False)
        menu.addSeparator()
        manage = menu.addAction(self.tr("Manage canned replies…"))
        manage.setObjectName("replyManageCanned")
        manage.setEnabled(self._canned is not None)
        manage.triggered.connect(self.manage_canned)

    def manage_canned(self) -> QDialog | None:
        """Open the canned replies window (one at a time)."""
        if self._canned is None:
            return None
        if self._manage_dialog is not None:
            self._manage_dialog.raise_()
            self._manage_dialog.activateWindow()
            return self._manage_dialog
        # Imported here: the dialog builds on this module's editor.
        from mailtrixy_desktop.ui.inbox.canned_replies_dialog import CannedRepliesDialog

        dialog = CannedRepliesDialog(self._canned, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "_manage_dialog", None))
        self._manage_dialog = dialog
        dialog.open()
        return dialog
