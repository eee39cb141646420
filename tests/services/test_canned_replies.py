"""Canned replies kept in a local JSON file: lookups, validation, atomic writes, bad files."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from mailtrixy_desktop.services.canned_replies import (
    CannedReplies,
    CannedReply,
    CannedReplyError,
    shortcut_problem,
)

THX = CannedReply("thx", "Thanks", "<p>Thanks for writing!</p>")
REFUND = CannedReply("refund", "Refund policy", "<p>Refunds take <b>5 days</b>.</p>")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "workspace" / "canned_replies.json"


def test_a_missing_file_is_an_empty_collection_and_nothing_is_seeded(path: Path) -> None:
    canned = CannedReplies(path)
    assert canned.all() == []
    assert not path.exists()


def test_saved_replies_are_found_by_shortcut_in_any_case_and_survive_a_restart(
    path: Path,
) -> None:
    canned = CannedReplies(path)
    canned.save(THX)
    canned.save(REFUND)

    again = CannedReplies(path)
    assert again.all() == [REFUND, THX]
    assert again.find("THX") == THX
    assert again.find("nope") is None


def test_matching_lists_replies_by_shortcut_prefix(path: Path) -> None:
    canned = CannedReplies(path)
    for reply in (THX, REFUND, CannedReply("Thanks-long", "Long thanks", "<p>…</p>")):
        canned.save(reply)
    assert [r.shortcut for r in canned.matching("th")] == ["Thanks-long", "thx"]
    assert [r.shortcut for r in canned.matching("")] == ["refund", "Thanks-long", "thx"]
    assert canned.matching("x") == []


def test_saving_the_same_shortcut_replaces_it(path: Path) -> None:
    canned = CannedReplies(path)
    canned.save(THX)
    canned.save(CannedReply("THX", "Thanks again", "<p>Cheers</p>"))
    assert canned.all() == [CannedReply("THX", "Thanks again", "<p>Cheers</p>")]


def test_renaming_a_reply_moves_it_and_refuses_a_shortcut_in_use(path: Path) -> None:
    canned = CannedReplies(path)
    canned.save(THX)
    canned.save(REFUND)
    canned.save(CannedReply("thanks", THX.title, THX.body_html), replacing="thx")
    assert [r.shortcut for r in canned.all()] == ["refund", "thanks"]

    with pytest.raises(CannedReplyError) as refused:
        canned.save(CannedReply("Refund", "x", "<p>x</p>"), replacing="thanks")
    assert refused.value.field == "shortcut"
    assert "“Refund” is already in use" in refused.value.message
    assert [r.shortcut for r in CannedReplies(path).all()] == ["refund", "thanks"]


@pytest.mark.parametrize("shortcut", ["", "two words", "thx!", "a/b", "x" * 33])
def test_shortcuts_are_one_short_word(path: Path, shortcut: str) -> None:
    assert shortcut_problem(shortcut)
    with pytest.raises(CannedReplyError):
        CannedReplies(path).save(CannedReply(shortcut, "t", "<p>b</p>"))
    assert not path.exists()


@pytest.mark.parametrize("shortcut", ["thx", "Re-open_2", "x" * 32])
def test_letters_digits_dash_and_underscore_make_a_shortcut(shortcut: str) -> None:
    assert shortcut_problem(shortcut) is None


def test_remove(path: Path) -> None:
    canned = CannedReplies(path)
    canned.save(THX)
    assert canned.remove("Thx")
    assert not canned.remove("thx")
    assert CannedReplies(path).all() == []


def test_writes_replace_the_file_whole_and_leave_no_temporary_files(path: Path) -> None:
    canned = CannedReplies(path)
    canned.save(THX)
    canned.save(REFUND)
    assert sorted(p.name for p in path.parent.iterdir()) == ["canned_replies.json"]
    data = json.loads(path.read_text("utf-8"))
    assert data["version"] == 1
    assert [r["shortcut"] for r in data["replies"]] == ["refund", "thx"]


def test_a_failed_write_keeps_the_file_and_the_collection_as_they_were(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    canned = CannedReplies(path)
    canned.save(THX)

    def refuse(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        canned.save(REFUND)
    monkeypatch.undo()
    assert canned.all() == [THX]
    assert CannedReplies(path).all() == [THX]
    assert sorted(p.name for p in path.parent.iterdir()) == ["canned_replies.json"]


def test_a_corrupt_file_is_set_aside_and_the_collection_starts_empty(
    path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path.parent.mkdir(parents=True)
    path.write_text("{not json", "utf-8")
    with caplog.at_level(logging.WARNING):
        canned = CannedReplies(path)
    assert canned.all() == []
    assert "unreadable" in caplog.text
    kept = [p for p in path.parent.iterdir() if p.name.startswith("canned_replies.json.unreadable")]
    assert [p.read_text("utf-8") for p in kept] == ["{not json"]

    canned.save(THX)
    assert CannedReplies(path).all() == [THX]


def test_malformed_and_repeated_entries_are_skipped(
    path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path.parent.mkdir(parents=True)
    entries = [
        {"shortcut": "thx", "title": "Thanks", "body_html": "<p>Thanks!</p>"},
        {"shortcut": "bad one", "title": "x", "body_html": "<p>x</p>"},
        {"shortcut": "THX", "title": "again", "body_html": "<p>again</p>"},
        {"shortcut": "nobody"},
        "text",
    ]
    path.write_text(json.dumps({"version": 1, "replies": entries}), "utf-8")
    with caplog.at_level(logging.WARNING):
        canned = CannedReplies(path)
    assert canned.all() == [CannedReply("thx", "Thanks", "<p>Thanks!</p>")]
    assert "skipping" in caplog.text
