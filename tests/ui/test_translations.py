"""Translations (issue 8): the German source is complete and current, the German app
speaks German, plurals take their forms, and without a translator the app is English."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenuBar, QWidget

from mailtrixy_desktop.sync.connectivity import NO_CONNECTION
from mailtrixy_desktop.ui import i18n
from mailtrixy_desktop.ui.counts import count_text
from tests.ui.conftest import run, until

if TYPE_CHECKING:
    import asyncio

    from mailtrixy_desktop.app.runner import AppSession

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "src/mailtrixy_desktop/resources/translations/mailtrixy_desktop_de.ts"
LUPDATE = ROOT / ".venv/bin/pyside6-lupdate"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314 - our own file
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_the_german_source_has_a_finished_translation_for_every_string() -> None:
    messages = _messages(TS)
    assert len(messages) > 400
    for (context, source), message in messages.items():
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, (context, source, translation.get("type"))
        if message.get("numerus") == "yes":
            forms = [f.text for f in translation.iter("numerusform")]
            assert len(forms) == 2, (context, source)  # German: one, other
            assert all(forms), (context, source)
        else:
            assert translation.text, (context, source)


def test_the_german_source_holds_exactly_the_strings_of_the_current_code(
    tmp_path: Path,
) -> None:
    """What scripts/update_translations.sh would extract now, and no more: a string
    added or changed in the code without running it (and translating) fails here."""
    if not LUPDATE.exists() and shutil.which("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "mailtrixy_desktop_de.ts"
    shutil.copy(TS, fresh)
    script = ROOT / "scripts/update_translations.sh"
    # The script writes the .ts it finds; point it at a copy through a private tree.
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__"))
    (tree / "scripts").mkdir()
    shutil.copy(script, tree / "scripts")
    lupdate = str(LUPDATE) if LUPDATE.exists() else shutil.which("pyside6-lupdate")
    subprocess.run(
        ["bash", str(tree / "scripts/update_translations.sh")],
        check=True,
        capture_output=True,
        env={"LUPDATE": str(lupdate), "PATH": "/usr/bin:/bin"},
    )
    updated = tree / "src/mailtrixy_desktop/resources/translations/mailtrixy_desktop_de.ts"
    before, after = _messages(TS), _messages(updated)
    assert sorted(set(after) - set(before)) == [], "new strings: run update_translations.sh"
    assert sorted(set(before) - set(after)) == [], "strings no longer in the code"
    for key, message in after.items():
        assert message.find("translation").get("type") is None, key  # type: ignore[union-attr]


@pytest.fixture
def german(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    default = QLocale()
    locale = i18n.install("de", cache_dir=tmp_path / "qm")
    assert locale.language() == QLocale.Language.German
    yield
    i18n.uninstall()
    QLocale.setDefault(default)


def test_plural_forms_in_german_and_in_english(qapp: QApplication, german: None) -> None:
    assert count_text(1, "contact") == "1 Kontakt"
    assert count_text(2500, "contact") == "2.500 Kontakte"
    assert count_text(1, "reply") == "1 Antwort"
    assert i18n.translated(NO_CONNECTION).startswith("Keine Verbindung zum Server.")
    i18n.uninstall()
    QLocale.setDefault(QLocale.c())
    assert count_text(1, "contact") == "1 contact"
    assert count_text(2500, "contact") == "2,500 contacts"
    assert count_text(1, "reply") == "1 reply"
    assert count_text(3, "reply") == "3 replies"
    assert i18n.plural("%Ln change(s) (has|have) gone", 1) == "%Ln change has gone"


def _menu_titles(window: QMainWindow) -> list[str]:
    bar = window.findChild(QMenuBar)
    assert bar is not None
    return [action.text() for action in bar.actions()]


def _sidebar_titles(window: QMainWindow) -> list[str]:
    navigation = window.findChild(QWidget, "navigation")
    model = navigation.model()  # type: ignore[attr-defined]
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def _open_window(
    loop: asyncio.AbstractEventLoop, sandbox, tmp_path: Path, sessions: list[AppSession]
) -> QMainWindow:
    from mailtrixy_desktop.app.runner import AppSession

    session = AppSession(sandbox.url, sandbox.token, tmp_path / "app")
    sessions.append(session)
    return run(loop, session.start(sync=False))


def test_the_german_app_shows_german_in_the_window_and_a_pane(
    loop: asyncio.AbstractEventLoop,
    german: None,
    sandbox,
    tmp_path: Path,
    sessions: list[AppSession],
) -> None:
    window = _open_window(loop, sandbox, tmp_path, sessions)
    assert _menu_titles(window) == ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"]
    titles = _sidebar_titles(window)
    assert titles[:3] == ["Kontakte", "Posteingang", "Deals"]
    assert "Postausgang" in titles
    pane = window.findChild(QWidget, "contactsPane")
    assert pane is not None

    async def search_placeholder() -> None:
        search = await until(lambda: window.findChild(QWidget, "contactsSearch"))
        assert search.placeholderText() == "Name, E-Mail, Firma suchen"

    run(loop, search_placeholder())
    labels = [label.text() for label in window.findChildren(QLabel)]
    assert not any("contacts" in text.split() for text in labels), labels


def _pane(window: QMainWindow, name: str) -> QWidget:
    names = [entry.object_name for entry in window.entries]  # type: ignore[attr-defined]
    window.show_pane(names.index(name))  # type: ignore[attr-defined]
    pane = window.findChild(QWidget, name)
    assert pane is not None, name
    return pane


def _text(pane: QWidget, name: str) -> str:
    widget = pane.findChild(QWidget, name)
    assert widget is not None, name
    return str(widget.text())  # type: ignore[attr-defined]


def test_every_pane_speaks_german_where_a_person_looks(
    loop: asyncio.AbstractEventLoop,
    german: None,
    sandbox,
    tmp_path: Path,
    sessions: list[AppSession],
) -> None:
    """Buttons, filters, column titles, statuses and empty states: the strings that were
    plain English literals in helpers, tables, models and delegates (issue 8)."""
    from PySide6.QtWidgets import QComboBox

    from mailtrixy_desktop.services import outbox_view
    from mailtrixy_desktop.store.outbox import OpState
    from mailtrixy_desktop.ui.campaigns.formatting import status_title, timing
    from mailtrixy_desktop.ui.deals.formatting import stage_title
    from mailtrixy_desktop.ui.webhooks.pane import EMPTY

    window = _open_window(loop, sandbox, tmp_path, sessions)

    contacts = _pane(window, "contactsPane")
    assert _text(contacts, "contactsImport") == "Importieren…"
    assert _text(contacts, "contactsExport") == "Exportieren…"
    assert _text(contacts, "contactNew") == "Neuer Kontakt"
    assert _text(contacts, "contactsBulkAddTag") == "Tag hinzufügen"
    tag_filter = contacts.findChild(QComboBox, "contactsTagFilter")
    assert tag_filter is not None
    assert tag_filter.itemText(0) == "Alle Tags"
    assert contacts.model.headerData(1, Qt.Orientation.Horizontal) == "E-Mail"  # type: ignore[attr-defined]

    deals = _pane(window, "dealsPane")
    assert _text(deals, "dealColumnTitle-won") == "Gewonnen"
    assert _text(deals, "dealColumnTitle-negotiation") == "Verhandlung"
    assert stage_title("lost") == "Verloren"
    sort = deals.findChild(QComboBox, "dealSort")
    assert sort is not None
    assert sort.itemText(0) == "Sortierung: Letzte Änderung"

    campaigns = _pane(window, "campaignsPane")
    status = campaigns.findChild(QComboBox, "campaignStatusFilter")
    assert status is not None
    assert status.itemText(0).startswith("Alle Kampagnen")
    assert [status.itemText(i).split(" (")[0] for i in range(1, status.count())] == [
        "Entwurf",
        "Geplant",
        "Wird gesendet",
        "Gesendet",
        "Pausiert",
    ]
    assert status_title("sent") == "Gesendet"

    class Row:  # just what timing() reads
        status = "sent"
        completed_at = sent_at = schedule_at = None
        created_at = None

    assert timing(Row()) == "Gesendet"  # type: ignore[arg-type]

    webhooks = _pane(window, "webhooksPane")
    assert _text(webhooks, "webhookNew") == "Neuer Webhook…"
    assert _text(webhooks, "webhookRefresh") == "Aktualisieren"
    assert i18n.translated(EMPTY).startswith("Noch keine Webhooks.")
    # The token lacks the webhooks scope: the notice and the buttons' tooltips say so.
    from mailtrixy_desktop.services.admin import NO_WEBHOOKS_SCOPE

    admin = webhooks.workspace.admin  # type: ignore[attr-defined]
    admin._webhooks_forbidden = NO_WEBHOOKS_SCOPE
    webhooks._update_actions()  # type: ignore[attr-defined]
    blocked = (
        "Dem API-Token dieses Arbeitsbereichs fehlt der Bereich „webhooks“, daher können "
        "hier keine Webhooks angelegt oder gelöscht werden."
    )
    assert _text(webhooks, "webhookScopeNotice").startswith(blocked)
    new_webhook = webhooks.findChild(QWidget, "webhookNew")
    assert new_webhook is not None
    assert new_webhook.toolTip().startswith(blocked)
    admin._webhooks_forbidden = None

    outbox = _pane(window, "outboxPane")
    assert _text(outbox, "outboxEmpty").startswith("Nichts wartet.")
    assert i18n.translated(outbox_view.state_word(OpState.HELD)) == "Zur Prüfung zurückgehalten"

    tags = _pane(window, "tagsGroupsPane")
    assert _text(tags, "tagNew") == "Neues Tag…"
    assert _text(tags, "groupNew") == "Neue Gruppe…"


def test_a_description_made_below_the_ui_is_translated_whole(
    qapp: QApplication, german: None
) -> None:
    """services/outbox_view marks its sentences and their parts; the UI translates the
    whole: nouns, the sentence around them, and the 'and' that joins parts."""
    from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP

    target = QT_TRANSLATE_NOOP("OutboxView", "{noun} {name}").format(
        noun=QT_TRANSLATE_NOOP("OutboxNouns", "deal"), name="“Acme”"
    )
    close = QT_TRANSLATE_NOOP("OutboxView", "Close {target}").format(target=target)
    both = QT_TRANSLATE_NOOP("OutboxView", "{first} and {last}").format(
        first=close, last=QT_TRANSLATE_NOOP("OutboxView", "relabel it")
    )
    assert str(both) == "Close deal “Acme” and relabel it"  # English as a str
    assert i18n.translated(both) == "Deal “Acme” schließen und Labels ändern"


def test_without_a_translator_the_app_stays_english(
    loop: asyncio.AbstractEventLoop,
    sandbox,
    tmp_path: Path,
    sessions: list[AppSession],
) -> None:
    i18n.uninstall()
    window = _open_window(loop, sandbox, tmp_path, sessions)
    assert _menu_titles(window) == ["&File", "&Edit", "&View", "&Help"]
    assert _sidebar_titles(window)[:3] == ["Contacts", "Inbox", "Deals"]


def test_import_reasons_are_german_where_the_import_dialog_shows_them(
    qapp: QApplication, german: None, tmp_path: Path
) -> None:
    """Rows keep their reasons in English (the job stores them so, and older jobs did);
    the preview's table, the mapping's problems and a saved report say them in German."""
    from mailtrixy_desktop.services.contact_csv import (
        ColumnMapping,
        ColumnTarget,
        inspect_file,
        reason_message,
        validate,
    )
    from mailtrixy_desktop.ui.contacts.import_dialog import IssuesModel

    path = tmp_path / "contacts.csv"
    path.write_text(
        "name,email\n"
        "Ada,ada@example.com\n"  # row 2
        ",bob@example.com\n"  # 3: no name
        "Ada again,ADA@example.com\n"  # 4: repeats row 2
        "Cy,not-an-email\n"  # 5
        "Dee,dee@example.com\n",  # 6: the workspace has her
        encoding="utf-8",
    )
    inspection = inspect_file(path)
    preview = validate(inspection, inspection.mapping, lambda emails: {"dee@example.com": 42})
    assert preview.duplicate_rows[0].reason == "The same email as row 2."  # kept in English
    model = IssuesModel()
    model.set_issues([*preview.bad_rows, *preview.duplicate_rows, *preview.existing_rows])
    reasons = {
        int(model.index(row, 0).data()): model.index(row, 2).data()
        for row in range(model.rowCount())
    }
    assert reasons[3] == "Der Name fehlt."
    assert reasons[4] == "Dieselbe E-Mail-Adresse wie in Zeile 2."
    assert reasons[5].startswith("Die E-Mail-Adresse ist ungültig: ")
    assert reasons[6] == "Kontakt 42 hat diese E-Mail-Adresse."
    # As a job stores them: two problems of one row, a skip, and a server's own words.
    both = reason_message("The email is missing. The name is missing.")
    assert i18n.translated(both) == "Die E-Mail-Adresse fehlt. Der Name fehlt."
    assert i18n.translated(reason_message("Already in the workspace.")) == (
        "Schon im Arbeitsbereich."
    )
    assert i18n.translated(reason_message("phone: is not valid")) == "phone: is not valid"
    problems = ColumnMapping((ColumnTarget("name"),)).problems()
    assert [i18n.translated(p) for p in problems] == [
        "Keine Spalte ist dem Feld E-Mail zugeordnet."
    ]
    assert problems == ["No column is mapped to email."]


def test_an_outbox_description_has_german_months_and_digit_grouping(
    qapp: QApplication, german: None, tmp_path: Path
) -> None:
    """services/outbox_view passes moments and counts as values; the UI writes them the
    locale's way ("15. März", "2.500")."""
    from mailtrixy_desktop.services import outbox_view
    from mailtrixy_desktop.store.database import Store
    from mailtrixy_desktop.store.outbox import Operation, OpState

    def op(kind: str, target: str, payload: dict[str, object]) -> Operation:
        made = "2026-03-01T09:00:00+00:00"
        return Operation(
            1, kind, target, 7, payload, None, None, "k", OpState.QUEUED, 0, 0.0, None, None,
            made, made,
        )  # fmt: skip

    with Store.open(tmp_path / "ws.sqlite3") as store:
        schedule = outbox_view.describe(
            op("campaign.update", "campaign", {"schedule_at": "2026-03-15T12:00:00Z"}), store
        )
        members = outbox_view.describe(
            op("group.add_members", "group", {"contact_ids": list(range(1, 2501))}), store
        )
    assert "15 Mar" in schedule  # English as a str
    assert "2,500 contacts" in members
    german_schedule = i18n.translated(schedule)
    assert german_schedule.startswith("Kampagne #7 für 15. März, ")
    assert "Mar " not in german_schedule
    german_members = i18n.translated(members)
    assert german_members.startswith("2.500 Kontakte ")
    assert "Gruppe #7" in german_members


def test_dates_are_written_the_german_way(qapp: QApplication, german: None) -> None:
    import datetime as dt

    from mailtrixy_desktop.ui.deals.formatting import short_date
    from mailtrixy_desktop.ui.i18n import moment_text

    today = dt.date(2026, 1, 5)
    assert short_date(dt.date(2026, 3, 12), today) == "12. März"
    assert short_date(dt.date(2027, 3, 12), today) == "12. März 2027"
    moment = dt.datetime(2026, 3, 15, 12, 0, tzinfo=dt.UTC).astimezone()
    assert moment_text(moment, "d MMM yyyy").startswith("15. März 2026")


def test_a_blocked_image_is_named_in_german(qapp: QApplication, german: None) -> None:
    from mailtrixy_desktop.services.message_html import render_message
    from mailtrixy_desktop.ui.i18n import translated

    body = '<p>Hallo</p><img src="https://tracker.example/o.gif" alt="Logo">'
    rendered = render_message(body, None, allow_remote=False, translate=translated)
    assert "[Bild blockiert: Logo]" in rendered.html
    assert "Externes Bild von tracker.example, nicht geladen" in rendered.html
    # Below the UI, without a translator: the English words.
    assert "[image blocked: Logo]" in render_message(body, None, allow_remote=False).html
