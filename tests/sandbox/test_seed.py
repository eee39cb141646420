"""The demo seed: deterministic, realistic, and covering every state the panes show."""

from __future__ import annotations

from mailtrixy_sandbox.config import SeedSizes
from mailtrixy_sandbox.db import Database
from mailtrixy_sandbox.seed import seed_demo

SIZES = SeedSizes(contacts=400, conversations=120, deals=60, campaigns=12)


def _seeded(seed: int = 7) -> Database:
    db = Database(None)
    seed_demo(db, seed, SIZES)
    return db


def _content(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Everything but timestamps, which follow the moment of seeding."""
    return {
        "contacts": [tuple(r) for r in db.all(
            "SELECT id, name, email, company, phone, custom_fields FROM contacts ORDER BY id")],
        "tags": [tuple(r) for r in db.all("SELECT * FROM contact_tags ORDER BY 1, 2")],
        "members": [tuple(r) for r in db.all(
            "SELECT group_id, contact_id FROM group_members ORDER BY 1, 2")],
        "conversations": [tuple(r) for r in db.all(
            "SELECT id, subject, status, contact_id, assignee_id, labels FROM conversations")],
        "messages": [tuple(r) for r in db.all(
            "SELECT id, conversation_id, direction, body_text FROM messages ORDER BY id")],
        "deals": [tuple(r) for r in db.all(
            "SELECT id, title, value, currency, stage, contact_id FROM deals ORDER BY id")],
        "campaigns": [tuple(r) for r in db.all(
            "SELECT id, name, status, recipients_count, delivered FROM campaigns ORDER BY id")],
    }


def test_the_same_seed_gives_the_same_workspace() -> None:
    assert _content(_seeded(7)) == _content(_seeded(7))


def test_another_seed_gives_other_people() -> None:
    assert _content(_seeded(7))["contacts"] != _content(_seeded(8))["contacts"]


def test_sizes_are_honoured_and_emails_are_unique() -> None:
    db = _seeded()
    assert db.scalar("SELECT COUNT(*) FROM contacts") == SIZES.contacts
    assert db.scalar("SELECT COUNT(DISTINCT lower(email)) FROM contacts") == SIZES.contacts
    assert db.scalar("SELECT COUNT(*) FROM conversations") == SIZES.conversations
    assert db.scalar("SELECT COUNT(*) FROM deals") == SIZES.deals
    assert db.scalar("SELECT COUNT(*) FROM campaigns") == SIZES.campaigns


def test_every_state_a_pane_shows_is_present() -> None:
    db = _seeded()
    stages = {r[0] for r in db.all("SELECT DISTINCT stage FROM deals")}
    assert stages == {"lead", "qualified", "proposal", "negotiation", "won", "lost"}
    assert len({r[0] for r in db.all("SELECT DISTINCT currency FROM deals")}) >= 2
    statuses = {r[0] for r in db.all("SELECT DISTINCT status FROM campaigns")}
    assert statuses == {"draft", "scheduled", "sending", "sent", "paused"}
    assert {r[0] for r in db.all("SELECT DISTINCT status FROM conversations")} == {
        "open", "snoozed", "closed"}
    assert db.scalar("SELECT COUNT(*) FROM conversations WHERE assignee_id IS NULL") > 0
    assert db.scalar("SELECT COUNT(*) FROM team_members") >= 3


def test_contacts_look_like_people_with_companies_tags_groups_and_custom_fields() -> None:
    db = _seeded()
    assert db.scalar("SELECT COUNT(*) FROM contacts WHERE company IS NULL") > 0
    assert db.scalar("SELECT COUNT(*) FROM contacts WHERE phone IS NULL") > 0
    assert db.scalar("SELECT COUNT(*) FROM contacts WHERE custom_fields LIKE '%department%'") > 0
    assert db.scalar("SELECT COUNT(DISTINCT tag_id) FROM contact_tags") >= 10
    assert db.scalar("SELECT COUNT(DISTINCT group_id) FROM group_members") >= 6
    # Names from several locales, so search and sorting meet non-ASCII text.
    assert db.scalar("SELECT COUNT(*) FROM contacts WHERE name <> CAST(name AS BLOB) "
                     "OR length(CAST(name AS BLOB)) > length(name)") > 0


def test_messages_include_what_a_mail_client_must_handle() -> None:
    db = _seeded()
    html = [r[0] or "" for r in db.all("SELECT body_html FROM messages")]
    assert any("<script" in h for h in html)
    assert any('src="https://' in h for h in html)  # remote images and tracking pixels
    assert any("javascript:" in h for h in html)
    assert db.scalar("SELECT COUNT(*) FROM messages WHERE body_html IS NULL") > 0  # plain text
    assert db.scalar("SELECT COUNT(*) FROM messages WHERE direction = 'outbound'") > 0
