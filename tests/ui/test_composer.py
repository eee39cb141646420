"""The reply composer as a person uses it: formatting, addresses, sending, drafts, canned replies.

Widgets are found by the objectNames DESIGN.md fixes (replyEditor, replyCc, replyBcc,
replySend); what is asserted is what the person sees or what leaves the composer.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor, QTextDocument, QTextListFormat
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton, QTextEdit

from mailtrixy_desktop.services.canned_replies import CannedReplies, CannedReply
from mailtrixy_desktop.ui.inbox.canned_replies_dialog import CannedRepliesDialog
from mailtrixy_desktop.ui.inbox.composer import (
    Composer,
    LinkDialog,
    document_to_html,
    load_html,
    normalise_link,
    parse_addresses,
)

# The offscreen platform cannot pass size hints to a window manager nor raise a window
# (the canned replies popup is one): limits of the test platform, not of the composer.
pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support propagateSizeHints\(\)$",
    r"^This plugin does not support raise\(\)$",
)

CTRL = Qt.KeyboardModifier.ControlModifier
WAIT_MS = 3000


@pytest.fixture
def canned(tmp_path: Path) -> CannedReplies:
    replies = CannedReplies(tmp_path / "canned_replies.json")
    replies.save(CannedReply("thx", "Thanks", "<p>Thanks for <b>writing</b>!</p>"))
    replies.save(CannedReply("refund", "Refund policy", "<p>Refunds take 5 days.</p>"))
    return replies


@pytest.fixture
def composer(qtbot: Any, canned: CannedReplies) -> Iterator[Composer]:
    widget = Composer(canned)
    qtbot.addWidget(widget)
    widget.resize(800, 260)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.focus_editor()
    yield widget
    widget.popup.hide()


def _editor(composer: Composer) -> QTextEdit:
    editor = composer.findChild(QTextEdit, "replyEditor")
    assert editor is not None
    return editor


def _field(composer: Composer, name: str) -> QLineEdit:
    field = composer.findChild(QLineEdit, name)
    assert field is not None
    return field


def _send_button(composer: Composer) -> QPushButton:
    button = composer.findChild(QPushButton, "replySend")
    assert button is not None
    return button


def _type_bold(qtbot: Any, editor: QTextEdit, text: str) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)


# ---------------------------------------------------------------------- body_html
def _html_of(source: str) -> str:
    document = QTextDocument()
    load_html(document, source)
    return document_to_html(document)


def test_typing_bold_text_and_sending_gives_clean_html(qtbot: Any, composer: Composer) -> None:
    editor = _editor(composer)
    qtbot.keyClicks(editor, "Hello ")
    _type_bold(qtbot, editor, "Ann")
    qtbot.keyClicks(editor, ", thanks")

    with qtbot.waitSignal(composer.sendRequested, timeout=WAIT_MS) as sent:
        qtbot.mouseClick(_send_button(composer), Qt.MouseButton.LeftButton)

    reply = sent.args[0]
    assert reply == {"body_html": "<p>Hello <b>Ann</b>, thanks</p>", "cc": [], "bcc": []}
    assert "style" not in reply["body_html"]
    assert "<!DOCTYPE" not in reply["body_html"]
    # The pane clears the composer once the reply is queued; it does not clear itself.
    assert editor.toPlainText() == "Hello Ann, thanks"


def test_the_serializer_writes_paragraphs_lines_lists_links_and_escapes_text() -> None:
    document = QTextDocument()
    cursor = QTextCursor(document)
    cursor.insertText("Hi <Ann> & co,")
    cursor.insertBlock()
    cursor.insertBlock()
    cursor.insertText("See ")
    link = cursor.charFormat()
    link.setAnchor(True)
    link.setAnchorHref('https://example.com/?a=1&b="2"')
    cursor.insertText("our page", link)
    plain = cursor.charFormat()
    plain.setAnchor(False)
    plain.setAnchorHref("")
    cursor.insertText(" and ", plain)
    italic = cursor.charFormat()
    italic.setFontItalic(True)
    cursor.insertText("this", italic)
    cursor.insertBlock()
    cursor.insertText("Second line", plain)
    cursor.insertBlock()
    cursor.createList(QTextListFormat.Style.ListDisc)
    cursor.insertText("one")
    cursor.insertBlock()
    cursor.insertText("two")
    cursor.insertBlock()
    cursor.currentList().remove(cursor.block())
    cursor.createList(QTextListFormat.Style.ListDecimal)
    cursor.insertText("first")

    assert document_to_html(document) == (
        "<p>Hi &lt;Ann&gt; &amp; co,</p>"
        '<p>See <a href="https://example.com/?a=1&amp;b=&quot;2&quot;">our page</a>'
        " and <i>this</i><br>Second line</p>"
        "<ul><li>one</li><li>two</li></ul>"
        "<ol><li>first</li></ol>"
    )


def test_formats_that_overlap_are_nested_properly() -> None:
    assert _html_of('<p><a href="https://x.org">a <b>b <i>c</i></b></a> d</p>') == (
        '<p><a href="https://x.org">a <b>b <i>c</i></b></a> d</p>'
    )
    assert _html_of("<p><b>a <i>b</i></b><i> c</i></p>") == "<p><b>a <i>b</i></b><i> c</i></p>"


def test_nested_lists_stay_inside_their_item() -> None:
    source = "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"
    assert _html_of(source) == source


def test_html_from_elsewhere_loses_styles_scripts_and_unsafe_links() -> None:
    hostile = (
        '<h1 style="color:red">Title</h1><p><span style="font-size:30px">big</span> '
        '<a href="javascript:alert(1)">click</a> <img src="https://x.org/t.png"></p>'
        "<table><tr><td>cell</td></tr></table>"
    )
    result = _html_of(hostile)
    assert result == "<p><b>Title</b></p><p>big click </p><p>cell</p>"


def test_a_draft_written_by_the_serializer_comes_back_unchanged() -> None:
    body = (
        "<p>Hi <b>Ann</b>,</p><p>Thanks for writing.<br>We will <i>call</i> you.</p>"
        '<ul><li>one</li><li><a href="mailto:ann@example.com">mail</a></li></ul><p>Bob</p>'
    )
    assert _html_of(body) == body
    document = QTextDocument()
    load_html(document, body)
    # A paragraph break shows as an empty line, a <br> as the next line, as typed.
    assert document.toPlainText().split("\n")[:5] == [
        "Hi Ann,",
        "",
        "Thanks for writing.",
        "We will call you.",
        "one",
    ]


def test_an_empty_body_cannot_be_sent(qtbot: Any, composer: Composer) -> None:
    editor = _editor(composer)
    assert not _send_button(composer).isEnabled()
    qtbot.keyClicks(editor, "   ")
    assert composer.body_text() == ""
    assert not _send_button(composer).isEnabled()
    qtbot.keyClicks(editor, "ok")
    assert _send_button(composer).isEnabled()


def test_pasted_html_is_cleaned_to_what_will_be_sent(composer: Composer) -> None:
    mime = QMimeData()
    mime.setHtml('<p style="color:red">Red <b>bold</b></p><script>alert(1)</script>')
    _editor(composer).insertFromMimeData(mime)
    assert composer.body_html() == "<p>Red <b>bold</b></p>"


# ---------------------------------------------------------------------- addresses
def test_an_invalid_cc_disables_send_and_names_the_address(qtbot: Any, composer: Composer) -> None:
    qtbot.keyClicks(_editor(composer), "Hello")
    assert _send_button(composer).isEnabled()

    qtbot.mouseClick(composer.cc_toggle, Qt.MouseButton.LeftButton)
    cc = _field(composer, "replyCc")
    assert cc.isVisible()
    qtbot.keyClicks(cc, "ann@example.com, bob@")

    assert not _send_button(composer).isEnabled()
    error = composer.findChild(QLabel, "replyCcError")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text() == "“bob@” is not a valid address"
    assert cc.property("invalid") is True

    qtbot.keyClicks(cc, "example.com")
    assert not error.isVisible()
    assert _send_button(composer).isEnabled()
    assert cc.property("invalid") is False


def test_addresses_are_parsed_into_a_clean_list() -> None:
    valid, invalid = parse_addresses(
        " ann@example.com ; Bob <bob@example.org>,, ANN@example.com, x@, two words@a.b "
    )
    assert valid == ["ann@example.com", "bob@example.org"]
    assert invalid == ["x@", "two words@a.b"]


def test_ctrl_enter_sends_with_the_parsed_cc_and_bcc(qtbot: Any, composer: Composer) -> None:
    editor = _editor(composer)
    qtbot.keyClicks(editor, "See you")
    composer.cc_toggle.setChecked(True)
    qtbot.keyClicks(_field(composer, "replyCc"), "ann@example.com; carl@example.com")
    qtbot.keyClicks(_field(composer, "replyBcc"), "Boss <boss@example.com>")
    editor.setFocus()

    with qtbot.waitSignal(composer.sendRequested, timeout=WAIT_MS) as sent:
        qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert sent.args[0] == {
        "body_html": "<p>See you</p>",
        "cc": ["ann@example.com", "carl@example.com"],
        "bcc": ["boss@example.com"],
    }
    assert editor.toPlainText() == "See you"  # Ctrl+Enter did not add a line

    # From the Bcc field too, and with the keypad's Enter.
    with qtbot.waitSignal(composer.sendRequested, timeout=WAIT_MS):
        qtbot.keyClick(_field(composer, "replyBcc"), Qt.Key.Key_Enter, CTRL)


def test_ctrl_enter_with_an_invalid_address_shows_why_instead_of_sending(
    qtbot: Any, composer: Composer
) -> None:
    sent: list[object] = []
    composer.sendRequested.connect(sent.append)
    composer.set_draft("<p>Hello</p>", [], ["nobody"])
    assert composer.bcc.isVisible()
    error = composer.findChild(QLabel, "replyBccError")
    assert error is not None
    assert error.isVisible()
    assert error.text() == "“nobody” is not a valid address"
    qtbot.keyClick(_editor(composer), Qt.Key.Key_Return, CTRL)
    assert sent == []


# ---------------------------------------------------------------------- formatting
def test_the_toolbar_follows_the_cursor_and_makes_lists(qtbot: Any, composer: Composer) -> None:
    editor = _editor(composer)
    bar = composer.format_bar
    _type_bold(qtbot, editor, "Bold")
    qtbot.keyClicks(editor, " plain")
    assert not bar.bold.isChecked()
    editor.moveCursor(QTextCursor.MoveOperation.StartOfBlock)
    editor.moveCursor(QTextCursor.MoveOperation.Right)
    assert bar.bold.isChecked()

    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    bar.bullets.trigger()
    assert bar.bullets.isChecked()
    qtbot.keyClicks(editor, "item")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "next")
    bar.numbers.trigger()  # the same list, numbered
    assert bar.numbers.isChecked()
    assert not bar.bullets.isChecked()
    assert composer.body_html() == "<p><b>Bold</b> plain</p><ol><li>item</li><li>next</li></ol>"
    bar.numbers.trigger()  # off again for this line
    assert composer.body_html() == "<p><b>Bold</b> plain</p><ol><li>item</li></ol><p>next</p>"


def test_ctrl_k_links_the_selection(qtbot: Any, composer: Composer) -> None:
    editor = _editor(composer)
    qtbot.keyClicks(editor, "Read the docs")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 4)
    editor.setTextCursor(cursor)

    qtbot.keyClick(editor, Qt.Key.Key_K, CTRL)
    dialog = composer.window().findChild(LinkDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    url = dialog.findChild(QLineEdit, "linkUrl")
    assert url is not None
    url.setText("javascript:alert(1)")
    dialog._apply()
    error = dialog.findChild(QLabel, "linkUrlError")
    assert error is not None
    assert error.isVisible()
    assert dialog.isVisible()

    url.setText("docs.example.com/start")
    dialog._apply()
    assert composer.body_html() == (
        '<p>Read the <a href="https://docs.example.com/start">docs</a></p>'
    )
    # What is typed after the link is not part of it.
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " first")
    assert composer.body_html() == (
        '<p>Read the <a href="https://docs.example.com/start">docs</a> first</p>'
    )


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        ("https://example.com", "https://example.com"),
        ("example.com", "https://example.com"),
        ("ann@example.com", "mailto:ann@example.com"),
        ("mailto:ann@example.com", "mailto:ann@example.com"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("", None),
    ],
)
def test_links_go_to_web_pages_or_mail_addresses_only(typed: str, url: str | None) -> None:
    assert normalise_link(typed)[0] == url


# ---------------------------------------------------------------------- canned replies
def test_slash_shortcut_and_enter_inserts_the_canned_reply(qtbot: Any, composer: Composer) -> None:
    editor = _editor(composer)
    qtbot.keyClicks(editor, "Hi Ann,")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "/th")
    qtbot.waitUntil(composer.popup.isVisible, timeout=WAIT_MS)
    assert [composer.popup.item(i).text() for i in range(composer.popup.count())] == [
        "thx — Thanks"
    ]
    qtbot.keyClicks(editor, "x")
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    assert not composer.popup.isVisible()
    assert editor.toPlainText() == "Hi Ann,\nThanks for writing!"
    assert "/thx" not in composer.body_html()
    assert composer.body_html() == "<p>Hi Ann,<br>Thanks for <b>writing</b>!</p>"


def test_the_popup_lists_matches_and_escape_keeps_the_typed_text(
    qtbot: Any, composer: Composer
) -> None:
    editor = _editor(composer)
    qtbot.keyClicks(editor, "see /")
    qtbot.waitUntil(composer.popup.isVisible, timeout=WAIT_MS)
    assert composer.popup.count() == 2
    qtbot.keyClicks(editor, "r")
    assert composer.popup.count() == 1
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not composer.popup.isVisible()
    assert editor.toPlainText() == "see /r"

    # A slash inside a word (and/or) is just a slash.
    qtbot.keyClicks(editor, " and/r")
    assert not composer.popup.isVisible()


def test_tab_and_a_click_also_choose_a_canned_reply(qtbot: Any, composer: Composer) -> None:
    editor = _editor(composer)
    qtbot.keyClicks(editor, "/")
    qtbot.waitUntil(composer.popup.isVisible, timeout=WAIT_MS)
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "Thanks for writing!"  # refund, then thx: Down chose thx

    editor.clear()
    qtbot.keyClicks(editor, "/ref")
    qtbot.waitUntil(composer.popup.isVisible, timeout=WAIT_MS)
    popup = composer.popup
    rect = popup.visualItemRect(popup.item(0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.toPlainText() == "Refunds take 5 days."


def test_the_canned_menu_inserts_at_the_cursor(qtbot: Any, composer: Composer) -> None:
    qtbot.keyClicks(_editor(composer), "Note: ")
    composer._fill_canned_menu()
    titles = [a.text() for a in composer.canned_menu.actions() if a.text()]
    assert titles[:2] == ["Refund policy\t/refund", "Thanks\t/thx"]
    assert titles[-1] == "Manage canned replies…"
    composer.canned_menu.actions()[0].trigger()
    assert _editor(composer).toPlainText() == "Note: Refunds take 5 days."


# ---------------------------------------------------------------------- drafts
def test_draft_changed_fires_after_typing_and_carries_the_text(
    qtbot: Any, composer: Composer
) -> None:
    drafts: list[dict[str, Any]] = []
    composer.draftChanged.connect(drafts.append)
    editor = _editor(composer)
    qtbot.keyClicks(editor, "Half a tho")
    qtbot.keyClicks(editor, "ught")
    with qtbot.waitSignal(composer.draftChanged, timeout=WAIT_MS):
        pass
    assert drafts == [{"body_html": "<p>Half a thought</p>", "cc": [], "bcc": []}]

    # Addresses are kept as typed, even unfinished ones.
    composer.cc_toggle.setChecked(True)
    qtbot.keyClicks(_field(composer, "replyCc"), "ann@example.com, bo")
    composer.flush_draft()
    assert drafts[-1] == {
        "body_html": "<p>Half a thought</p>",
        "cc": ["ann@example.com", "bo"],
        "bcc": [],
    }
    count = len(drafts)
    composer.flush_draft()  # nothing pending: nothing emitted
    assert len(drafts) == count


def test_emptying_the_composer_sends_an_empty_draft(qtbot: Any, composer: Composer) -> None:
    editor = _editor(composer)
    qtbot.keyClicks(editor, "x")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    with qtbot.waitSignal(composer.draftChanged, timeout=WAIT_MS) as changed:
        pass
    assert changed.args[0] == {"body_html": "", "cc": [], "bcc": []}


def test_set_draft_restores_the_text_and_opens_cc_without_emitting(
    qtbot: Any, composer: Composer
) -> None:
    drafts: list[object] = []
    composer.draftChanged.connect(drafts.append)
    assert not _field(composer, "replyCc").isVisible()

    composer.set_draft("<p>Dear <b>Ann</b></p>", ["ann@example.com"], [])

    assert _editor(composer).toPlainText() == "Dear Ann"
    assert composer.body_html() == "<p>Dear <b>Ann</b></p>"
    assert _field(composer, "replyCc").isVisible()
    assert _field(composer, "replyCc").text() == "ann@example.com"
    assert _send_button(composer).isEnabled()
    composer.flush_draft()
    assert drafts == []

    composer.clear()
    assert _editor(composer).toPlainText() == ""
    assert not _field(composer, "replyCc").isVisible()
    assert not _send_button(composer).isEnabled()
    composer.flush_draft()
    assert drafts == []


def test_a_disabled_composer_says_why_and_does_not_send(qtbot: Any, composer: Composer) -> None:
    sent: list[object] = []
    composer.sendRequested.connect(sent.append)
    qtbot.keyClicks(_editor(composer), "Hello")
    composer.set_enabled_reason(
        "Your token cannot send replies (it lacks the conversations scope)."
    )
    reason = composer.findChild(QLabel, "replyDisabledReason")
    assert reason is not None
    assert reason.isVisible()
    assert "conversations scope" in reason.text()
    assert not _editor(composer).isEnabled()
    assert not _send_button(composer).isEnabled()
    assert not composer.send()

    composer.set_enabled_reason(None)
    assert not reason.isVisible()
    assert _send_button(composer).isEnabled()
    assert composer.send()
    assert len(sent) == 1


# ---------------------------------------------------------------------- managing canned replies
def test_the_manage_dialog_saves_a_new_canned_reply_to_the_file(
    qtbot: Any, composer: Composer, canned: CannedReplies
) -> None:
    dialog = composer.manage_canned()
    assert isinstance(dialog, CannedRepliesDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)

    qtbot.keyClicks(dialog.shortcut, "THX")
    qtbot.keyClicks(dialog.title, "Another thanks")
    qtbot.keyClicks(dialog.body, "Cheers")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text("shortcut") == "The shortcut “THX” is already in use."

    dialog.shortcut.setText("two words")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "no spaces" in dialog.error_text("shortcut")

    dialog.shortcut.setText("cheers")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text("shortcut") == ""

    on_disk = CannedReplies(canned.path)
    assert on_disk.find("cheers") == CannedReply("cheers", "Another thanks", "<p>Cheers</p>")
    listed = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "/cheers — Another thanks" in listed
    assert dialog.list.currentItem().text() == "/cheers — Another thanks"

    # The composer finds it at once.
    dialog.reject()
    editor = _editor(composer)
    qtbot.keyClicks(editor, "/chee")
    qtbot.waitUntil(composer.popup.isVisible, timeout=WAIT_MS)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "Cheers"


def test_deleting_a_canned_reply_asks_first(qtbot: Any, canned: CannedReplies) -> None:
    dialog = CannedRepliesDialog(canned, select="thx")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.shortcut.text() == "thx"

    box = dialog.delete()
    assert isinstance(box, QMessageBox)
    assert box.objectName() == "cannedDeleteConfirm"
    assert "/thx" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert canned.find("thx") is not None

    box = dialog.delete()
    assert box is not None
    confirm = box.findChild(QPushButton, "confirmDelete")
    assert confirm is not None
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert canned.find("thx") is None
    assert CannedReplies(canned.path).find("thx") is None
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
        "/refund — Refund policy"
    ]


def test_leaving_a_changed_canned_reply_asks_to_save_it(qtbot: Any, canned: CannedReplies) -> None:
    dialog = CannedRepliesDialog(canned, select="refund")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.title, " (EU)")
    dialog.list.setCurrentRow(1)  # thx

    box = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "cannedUnsavedConfirm"
    )
    assert dialog.shortcut.text() == "refund"  # still on the changed reply
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert canned.find("refund") == CannedReply(
        "refund", "Refund policy (EU)", "<p>Refunds take 5 days.</p>"
    )
    assert dialog.shortcut.text() == "thx"
