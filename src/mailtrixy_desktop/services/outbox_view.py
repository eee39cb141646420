"""The outbox as a person sees it: what each operation is, in words, and what they
can do with it (retry now, edit, discard).

DESIGN.md, "Writes and the outbox", step 7: nothing leaves the queue silently.
Editing marks an operation "being edited" (the engine leaves it alone, and later
operations on its target wait behind it) until it is saved or the edit is
cancelled; discarding drops it and gives the cache back the server's version.

Names are read from the cache (contacts, deals, conversations…); things created
offline have negative ids and are named from their cached rows too. No Qt here.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from mailtrixy_desktop.api import errors
from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP, Moment, Number
from mailtrixy_desktop.store import campaigns, contacts, conversations, deals, tags_groups, team
from mailtrixy_desktop.store import outbox as outbox_store
from mailtrixy_desktop.store import webhooks as webhook_store
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_desktop.store.tables import Table, set_pending
from mailtrixy_desktop.sync.operations import TARGETS
from mailtrixy_desktop.sync.outbox_engine import RESOURCE_OF

if TYPE_CHECKING:
    from mailtrixy_desktop.api.client import MailTrixyClient
    from mailtrixy_desktop.store.database import Queryable, Store
    from mailtrixy_desktop.store.outbox import Operation

# What the pane's State column says.
STATE_WORDS: dict[OpState, str] = {
    OpState.QUEUED: QT_TRANSLATE_NOOP("OutboxStates", "Queued"),
    OpState.SENDING: QT_TRANSLATE_NOOP("OutboxStates", "Sending"),
    OpState.HELD: QT_TRANSLATE_NOOP("OutboxStates", "Held for review"),
    OpState.NEEDS_ATTENTION: QT_TRANSLATE_NOOP("OutboxStates", "Needs attention"),
    OpState.EDITING: QT_TRANSLATE_NOOP("OutboxStates", "Being edited"),
    OpState.MAYBE_DELIVERED: QT_TRANSLATE_NOOP("OutboxStates", "Outcome unknown"),
    OpState.DONE: QT_TRANSLATE_NOOP("OutboxStates", "Sent"),
}
# States that want the person's decision (the status bar counts them apart).
ATTENTION = (OpState.NEEDS_ATTENTION, OpState.HELD, OpState.MAYBE_DELIVERED)
# States the engine will send by itself.
WAITING = (OpState.QUEUED, OpState.SENDING)
# Not SENDING: its request may be on the wire, and an edit could not be told apart
# from what the server already took.
EDITABLE = (
    OpState.QUEUED,
    OpState.HELD,
    OpState.NEEDS_ATTENTION,
    OpState.MAYBE_DELIVERED,
    OpState.EDITING,
)
RETRYABLE = (
    OpState.QUEUED,
    OpState.SENDING,
    OpState.NEEDS_ATTENTION,
    OpState.MAYBE_DELIVERED,
    OpState.EDITING,
)

FIELD_WORDS: dict[str, str] = {
    "group_ids": QT_TRANSLATE_NOOP("OutboxFields", "groups"),
    "custom_fields": QT_TRANSLATE_NOOP("OutboxFields", "custom fields"),
    "expected_close_date": QT_TRANSLATE_NOOP("OutboxFields", "expected close date"),
    "assignee_id": QT_TRANSLATE_NOOP("OutboxFields", "assignee"),
    "contact_id": QT_TRANSLATE_NOOP("OutboxFields", "contact"),
    "contact_ids": QT_TRANSLATE_NOOP("OutboxFields", "contacts"),
    "snoozed_until": QT_TRANSLATE_NOOP("OutboxFields", "snooze time"),
    "schedule_at": QT_TRANSLATE_NOOP("OutboxFields", "schedule"),
    "recipient_groups": QT_TRANSLATE_NOOP("OutboxFields", "recipients"),
    "email_account_id": QT_TRANSLATE_NOOP("OutboxFields", "sending account"),
    "from_email": QT_TRANSLATE_NOOP("OutboxFields", "from address"),
    "from_name": QT_TRANSLATE_NOOP("OutboxFields", "from name"),
    "body_html": QT_TRANSLATE_NOOP("OutboxFields", "text"),
    "is_active": QT_TRANSLATE_NOOP("OutboxFields", "active"),
    "color": QT_TRANSLATE_NOOP("OutboxFields", "colour"),
    "cc": QT_TRANSLATE_NOOP("OutboxFields", "Cc"),
    "bcc": QT_TRANSLATE_NOOP("OutboxFields", "Bcc"),
}
_NOUNS: dict[str, tuple[str, str]] = {
    "contact": (
        QT_TRANSLATE_NOOP("OutboxNouns", "contact"),
        QT_TRANSLATE_NOOP("OutboxNouns", "contacts"),
    ),
    "deal": (
        QT_TRANSLATE_NOOP("OutboxNouns", "deal"),
        QT_TRANSLATE_NOOP("OutboxNouns", "deals"),
    ),
    "conversation": (
        QT_TRANSLATE_NOOP("OutboxNouns", "conversation"),
        QT_TRANSLATE_NOOP("OutboxNouns", "conversations"),
    ),
    "campaign": (
        QT_TRANSLATE_NOOP("OutboxNouns", "campaign"),
        QT_TRANSLATE_NOOP("OutboxNouns", "campaigns"),
    ),
    "tag": (
        QT_TRANSLATE_NOOP("OutboxNouns", "tag"),
        QT_TRANSLATE_NOOP("OutboxNouns", "tags"),
    ),
    "group": (
        QT_TRANSLATE_NOOP("OutboxNouns", "group"),
        QT_TRANSLATE_NOOP("OutboxNouns", "groups"),
    ),
    "webhook": (
        QT_TRANSLATE_NOOP("OutboxNouns", "webhook"),
        QT_TRANSLATE_NOOP("OutboxNouns", "webhooks"),
    ),
}


_STAGES: dict[str, str] = {
    "lead": QT_TRANSLATE_NOOP("Stages", "Lead"),
    "qualified": QT_TRANSLATE_NOOP("Stages", "Qualified"),
    "proposal": QT_TRANSLATE_NOOP("Stages", "Proposal"),
    "negotiation": QT_TRANSLATE_NOOP("Stages", "Negotiation"),
    "won": QT_TRANSLATE_NOOP("Stages", "Won"),
    "lost": QT_TRANSLATE_NOOP("Stages", "Lost"),
}


def _list(items: Iterable[str]) -> str:
    """a, b, c (marked pieces stay marked)."""
    found = list(items)
    if not found:
        return ""
    head = found[0]
    for item in found[1:]:
        head = QT_TRANSLATE_NOOP("OutboxView", "{first}, {second}").format(first=head, second=item)
    return head


def field_word(name: str) -> str:
    return FIELD_WORDS.get(name, name.replace("_", " "))


def state_word(state: OpState) -> str:
    return STATE_WORDS.get(state, str(state.value).replace("_", " ").capitalize())


def _quoted(text: str) -> str:
    return f"“{text}”"


def _words(items: Sequence[str]) -> str:
    """a, b and c (marked, so that the UI can say it in its language)."""
    if len(items) <= 1:
        return items[0] if items else ""
    head = items[0]
    for item in items[1:-1]:
        head = QT_TRANSLATE_NOOP("OutboxView", "{first}, {second}").format(first=head, second=item)
    return QT_TRANSLATE_NOOP("OutboxView", "{first} and {last}").format(first=head, last=items[-1])


def _when(value: object) -> str | None:
    """An ISO time from a payload as the person's local "3 May 09:00": a ``Moment``,
    which the UI writes with the month names of its language."""
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone()
    return Moment(local, year=local.year != dt.datetime.now().year)


# ---------------------------------------------------------------------- names
def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def contact_name(store: Queryable, contact_id: int | None) -> str | None:
    if contact_id is None:
        return None
    row = contacts.contact(store, contact_id)
    if row is not None:
        return row.name or row.email
    # A contact deleted from the cache may still be named by its deals or conversations.
    for table in ("conversations", "deals"):
        name = store.scalar(
            f"SELECT contact_name FROM {table} WHERE contact_id = ? AND contact_name <> '' LIMIT 1",
            (contact_id,),
        )
        if isinstance(name, str):
            return name
    return None


def _group_names(store: Queryable) -> dict[int, str]:
    return dict(tags_groups.group_choices(store))


def _target_name(store: Queryable, op: Operation) -> str | None:
    """The target's name as the cache has it (None: not in the cache)."""
    target_id = op.target_id
    remembered = (op.context or {}).get("target_name")
    if target_id is None:
        return remembered if isinstance(remembered, str) else None
    name: str | None = None
    kind = op.target_type
    if kind == "contact":
        name = contact_name(store, target_id)
    elif kind == "deal":
        deal = deals.deal(store, target_id)
        name = _quoted(deal.title) if deal is not None else None
    elif kind == "conversation":
        conversation = conversations.conversation(store, target_id)
        name = _quoted(conversation.subject) if conversation is not None else None
    elif kind == "campaign":
        campaign = campaigns.campaign(store, target_id)
        name = _quoted(campaign.name) if campaign is not None else None
    elif kind == "tag":
        tag = next((t for t in tags_groups.tag_choices(store) if t.id == target_id), None)
        name = _quoted(tag.name) if tag is not None else None
    elif kind == "group":
        group = _group_names(store).get(target_id)
        name = _quoted(group) if group is not None else None
    elif kind == "webhook":
        hook = next((w for w in webhook_store.webhooks(store) if w.id == target_id), None)
        name = hook.url if hook is not None else None
    if name is None and isinstance(remembered, str):
        name = remembered
    return name


def _target(store: Queryable, op: Operation) -> str:
    """ "contact Jane Smith", "deal “Acme renewal”", or what can be said without the cache."""
    singular = _NOUNS.get(op.target_type, (op.target_type.replace("_", " "), ""))[0]
    name = _target_name(store, op)
    if name is not None:
        return QT_TRANSLATE_NOOP("OutboxView", "{noun} {name}").format(noun=singular, name=name)
    if op.target_id is not None and op.target_id < 0:
        return QT_TRANSLATE_NOOP("OutboxView", "a new {noun}").format(noun=singular)
    if op.target_id is None:
        return QT_TRANSLATE_NOOP("OutboxView", "a {noun}").format(noun=singular)
    return QT_TRANSLATE_NOOP("OutboxView", "{noun} #{id}").format(noun=singular, id=op.target_id)


def _member_name(store: Queryable, member_id: object) -> str | None:
    found = _int(member_id)
    if found is None:
        return None
    return next((m.name for m in team.team_members(store) if m.id == found), None)


# ---------------------------------------------------------------------- describing
def describe(op: Operation, store: Queryable) -> str:
    """One line for the Outbox pane: "Reply to “Billing question” (Jane Smith)"."""
    try:
        return _describe(op, store)
    except Exception:  # a description must never take the pane down
        return _fallback(op, store)


def _fallback(op: Operation, store: Queryable) -> str:
    action = op.kind.rpartition(".")[2].replace("_", " ")
    try:
        target = _target(store, op)
    except Exception:
        target = op.target_type
    sentence = {
        "create": QT_TRANSLATE_NOOP("OutboxView", "Create {target}"),
        "update": QT_TRANSLATE_NOOP("OutboxView", "Edit {target}"),
        "delete": QT_TRANSLATE_NOOP("OutboxView", "Delete {target}"),
    }.get(action)
    if sentence is None:
        return f"{action.capitalize()} {target}"
    return sentence.format(target=target)


def _fields(payload: Mapping[str, Any], skip: Iterable[str] = ()) -> str:
    skipped = set(skip)
    return _list(field_word(k) for k in payload if k not in skipped)


def _describe(op: Operation, store: Queryable) -> str:
    kind, payload = op.kind, op.payload
    target_type, _, action = kind.partition(".")
    if kind == "conversation.reply":
        conversation = (
            conversations.conversation(store, op.target_id) if op.target_id is not None else None
        )
        if conversation is None:
            return QT_TRANSLATE_NOOP("OutboxView", "Reply in {target}").format(
                target=_target(store, op)
            )
        who = conversation.contact_name or conversation.contact_email
        if who:
            return QT_TRANSLATE_NOOP("OutboxView", "Reply to {subject} ({who})").format(
                subject=_quoted(conversation.subject), who=who
            )
        return QT_TRANSLATE_NOOP("OutboxView", "Reply to {subject}").format(
            subject=_quoted(conversation.subject)
        )
    if kind == "conversation.update":
        return _conversation_update(op, store)
    if action == "create":
        return _created(op, store)
    if action == "delete":
        return QT_TRANSLATE_NOOP("OutboxView", "Delete {target}").format(target=_target(store, op))
    if kind == "deal.lose":
        reason = str(payload.get("reason") or "").strip()
        if reason:
            return QT_TRANSLATE_NOOP("OutboxView", "Move {target} to Lost ({reason})").format(
                target=_target(store, op), reason=reason
            )
        return QT_TRANSLATE_NOOP("OutboxView", "Move {target} to Lost").format(
            target=_target(store, op)
        )
    if kind == "deal.update" and "stage" in payload:
        stage = _STAGES.get(str(payload["stage"])) or str(payload["stage"]).capitalize()
        rest = _fields(payload, ("stage",))
        if rest:
            return QT_TRANSLATE_NOOP(
                "OutboxView", "Move {target} to {stage}, and change {fields}"
            ).format(target=_target(store, op), stage=stage, fields=rest)
        return QT_TRANSLATE_NOOP("OutboxView", "Move {target} to {stage}").format(
            target=_target(store, op), stage=stage
        )
    if kind == "campaign.send":
        return QT_TRANSLATE_NOOP("OutboxView", "Send {target}").format(target=_target(store, op))
    if kind == "campaign.update" and set(payload) == {"schedule_at"}:
        when = _when(payload["schedule_at"])
        if when is None:
            return QT_TRANSLATE_NOOP("OutboxView", "Unschedule {target}").format(
                target=_target(store, op)
            )
        return QT_TRANSLATE_NOOP("OutboxView", "Schedule {target} for {when}").format(
            target=_target(store, op), when=when
        )
    if kind in ("tag.update", "group.update") and set(payload) == {"name"}:
        if target_type == "tag":
            return QT_TRANSLATE_NOOP("OutboxView", "Rename tag to {name}").format(
                name=_quoted(str(payload["name"]))
            )
        return QT_TRANSLATE_NOOP("OutboxView", "Rename group to {name}").format(
            name=_quoted(str(payload["name"]))
        )
    if kind == "tag.update" and set(payload) == {"color"}:
        return QT_TRANSLATE_NOOP("OutboxView", "Recolour {target}").format(
            target=_target(store, op)
        )
    if kind in ("group.add_members", "group.remove_members"):
        ids = [i for i in payload.get("contact_ids", []) if _int(i) is not None]
        if len(ids) == 1:
            members: str = contact_name(store, ids[0]) or QT_TRANSLATE_NOOP(
                "OutboxView", "a contact"
            )
        else:
            members = QT_TRANSLATE_NOOP("OutboxView", "{count} contacts").format(
                count=Number(len(ids))
            )
        group = _target(store, op)
        if kind == "group.add_members":
            return QT_TRANSLATE_NOOP("OutboxView", "Add {who} to {group}").format(
                who=members, group=group
            )
        return QT_TRANSLATE_NOOP("OutboxView", "Remove {who} from {group}").format(
            who=members, group=group
        )
    if action == "update":
        fields = _fields(payload)
        if fields:
            return QT_TRANSLATE_NOOP("OutboxView", "Edit {target}: {fields}").format(
                target=_target(store, op), fields=fields
            )
        return QT_TRANSLATE_NOOP("OutboxView", "Edit {target}").format(target=_target(store, op))
    return _fallback(op, store)


def _created(op: Operation, store: Queryable) -> str:
    payload = op.payload
    noun = _NOUNS.get(op.target_type, (op.target_type, ""))[0]
    if op.target_type == "contact":
        name, email = payload.get("name"), payload.get("email")
        if name and email:
            return QT_TRANSLATE_NOOP("OutboxView", "Create contact {name} ({email})").format(
                name=name, email=email
            )
        if name or email:
            return QT_TRANSLATE_NOOP("OutboxView", "Create contact {name}").format(
                name=name or email
            )
    for key in ("title", "name"):
        value = payload.get(key)
        if isinstance(value, str) and value:
            return QT_TRANSLATE_NOOP("OutboxView", "Create {noun} {name}").format(
                noun=noun, name=_quoted(value)
            )
    return QT_TRANSLATE_NOOP("OutboxView", "Create {target}").format(target=_target(store, op))


def _conversation_update(op: Operation, store: Queryable) -> str:
    payload = op.payload
    target = _target(store, op)
    parts: list[str] = []
    status = payload.get("status")
    if status == "closed":
        parts.append(QT_TRANSLATE_NOOP("OutboxView", "Close {target}").format(target=target))
    elif status == "open":
        parts.append(QT_TRANSLATE_NOOP("OutboxView", "Reopen {target}").format(target=target))
    elif status == "snoozed":
        when = _when(payload.get("snoozed_until"))
        parts.append(
            QT_TRANSLATE_NOOP("OutboxView", "Snooze {target} until {when}").format(
                target=target, when=when
            )
            if when
            else QT_TRANSLATE_NOOP("OutboxView", "Snooze {target}").format(target=target)
        )
    if "assignee_id" in payload:
        member = payload["assignee_id"]
        name = _member_name(store, member)
        if member is None:
            parts.append(
                QT_TRANSLATE_NOOP("OutboxView", "Unassign {target}").format(target=target)
                if not parts
                else QT_TRANSLATE_NOOP("OutboxView", "unassign it")
            )
        else:
            who: str = name or QT_TRANSLATE_NOOP("OutboxView", "a team member")
            parts.append(
                QT_TRANSLATE_NOOP("OutboxView", "Assign {target} to {who}").format(
                    target=target, who=who
                )
                if not parts
                else QT_TRANSLATE_NOOP("OutboxView", "assign it to {who}").format(who=who)
            )
    if "labels" in payload:
        labels = [str(label) for label in payload["labels"] or []]
        words: str = ", ".join(labels) if labels else QT_TRANSLATE_NOOP("OutboxView", "none")
        parts.append(
            QT_TRANSLATE_NOOP("OutboxView", "Set the labels of {target} to {labels}").format(
                target=target, labels=words
            )
            if not parts
            else QT_TRANSLATE_NOOP("OutboxView", "relabel it")
        )
    rest = [k for k in payload if k not in ("status", "snoozed_until", "assignee_id", "labels")]
    if rest:
        fields = _list(field_word(k) for k in rest)
        parts.append(
            QT_TRANSLATE_NOOP("OutboxView", "Edit {target}: {fields}").format(
                target=target, fields=fields
            )
            if not parts
            else QT_TRANSLATE_NOOP("OutboxView", "change {fields}").format(fields=fields)
        )
    if parts:
        return _words(parts)
    return QT_TRANSLATE_NOOP("OutboxView", "Change {target}").format(target=target)


def summarize(ops: Sequence[Operation], store: Queryable, *, most: int = 3) -> str:
    """Several operations in one phrase, for a confirmation: "Delete 3 contacts and
    Reply to “Billing question” (Jane Smith)"."""
    if not ops:
        return QT_TRANSLATE_NOOP("OutboxView", "nothing")
    by_kind: dict[str, list[Operation]] = {}
    for op in ops:
        by_kind.setdefault(op.kind, []).append(op)
    parts: list[str] = []
    for kind, group in by_kind.items():
        if len(group) == 1:
            parts.append(describe(group[0], store))
            continue
        target_type, _, action = kind.partition(".")
        plural = _NOUNS.get(target_type, (target_type, target_type + "s"))[1]
        count = Number(len(group))
        phrase = {
            "create": QT_TRANSLATE_NOOP("OutboxView", "Create {count} {things}"),
            "update": QT_TRANSLATE_NOOP("OutboxView", "Change {count} {things}"),
            "delete": QT_TRANSLATE_NOOP("OutboxView", "Delete {count} {things}"),
            "reply": QT_TRANSLATE_NOOP("OutboxView", "{count} replies"),
            "send": QT_TRANSLATE_NOOP("OutboxView", "Send {count} {things}"),
            "add_members": QT_TRANSLATE_NOOP("OutboxView", "Add members to {count} {things}"),
            "remove_members": QT_TRANSLATE_NOOP(
                "OutboxView", "Remove members from {count} {things}"
            ),
        }.get(action, QT_TRANSLATE_NOOP("OutboxView", "{count} changes to {things}"))
        parts.append(phrase.format(count=count, things=plural))
    if len(parts) > most:
        shown = _list(parts[:most])
        left = len(parts) - most
        if left == 1:
            return QT_TRANSLATE_NOOP("OutboxView", "{shown} and 1 other kind of change").format(
                shown=shown
            )
        return QT_TRANSLATE_NOOP("OutboxView", "{shown} and {left} other kinds of change").format(
            shown=shown, left=left
        )
    text = _words(parts)
    return text if text[:1].isupper() else text[0].upper() + text[1:]


def _value_text(store: Queryable, field: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return QT_TRANSLATE_NOOP("OutboxView", "(empty)")
    if field in ("group_ids", "recipient_groups") and isinstance(value, list):
        names = _group_names(store)
        return ", ".join(names.get(v, f"#{v}") if isinstance(v, int) else str(v) for v in value)
    if field == "assignee_id":
        return _member_name(store, value) or f"#{value}"
    if field == "contact_id":
        return contact_name(store, _int(value)) or f"#{value}"
    if field == "contact_ids" and isinstance(value, list):
        return QT_TRANSLATE_NOOP("OutboxView", "{count} contacts").format(count=Number(len(value)))
    if field in ("snoozed_until", "schedule_at"):
        return _when(value) or str(value)
    if isinstance(value, bool):
        return (
            QT_TRANSLATE_NOOP("OutboxView", "yes")
            if value
            else QT_TRANSLATE_NOOP("OutboxView", "no")
        )
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {'(empty)' if v is None else v}" for k, v in value.items())
    return str(value)


def changed_fields(op: Operation, store: Queryable) -> list[tuple[str, str]]:
    """(field, new value) for a change of fields, as the detail area lists them; none
    for a reply (its text is the composer's to show) or an operation without fields."""
    if op.kind == "conversation.reply":
        return []
    return [(field_word(k), _value_text(store, k, v)) for k, v in op.payload.items()]


def field_errors(op: Operation) -> dict[str, list[str]]:
    """The server's messages per field, kept from a 422 refusal."""
    found = (op.result or {}).get("field_errors")
    if not isinstance(found, dict):
        return {}
    return {
        str(k): [str(m) for m in v] if isinstance(v, list) else [str(v)] for k, v in found.items()
    }


def sendable(ops: Sequence[Operation]) -> int:
    """How many of the open ``ops`` the engine will send by itself: waiting ones not
    held back behind a change to the same target that needs the person (refused, held
    or being edited). The status bar counts these down while the queue drains."""
    stuck: set[tuple[str, int | None]] = set()
    count = 0
    for op in sorted(ops, key=lambda o: o.id):
        target = (op.target_type, op.target_id)
        if op.state in WAITING:
            if target not in stuck:
                count += 1
        elif op.state in (OpState.HELD, OpState.NEEDS_ATTENTION, OpState.EDITING):
            stuck.add(target)
    return count


# ---------------------------------------------------------------------- what may be done
def can_edit(op: Operation) -> bool:
    """A reply is edited in its composer; other operations need fields to change."""
    if op.state not in EDITABLE:
        return False
    if op.kind == "conversation.reply":
        # One that may have arrived is not rewritten: the customer could get both.
        return op.state is not OpState.MAYBE_DELIVERED
    return bool(op.payload)


def can_retry(op: Operation) -> bool:
    return op.state in RETRYABLE


def can_send_as_is(op: Operation) -> bool:
    return op.state is OpState.HELD


# ---------------------------------------------------------------------- editing
def begin_edit(store: Store, op_id: int) -> Operation | None:
    """Mark the operation "being edited", remembering the state it came from.

    Returns the operation, or None when it cannot be edited now (gone, sent, or
    on the wire). Editing one already being edited carries on with it.
    """
    with store.transaction():
        op = outbox_store.get(store, op_id)
        if op is None or op.state not in EDITABLE:
            return None
        if op.state is not OpState.EDITING:
            context = dict(op.context or {})
            context["edit_from"] = op.state.value
            outbox_store.update_context(store, op_id, context)
            # The reason stays visible while the person fixes what it names.
            outbox_store.set_state(store, op_id, OpState.EDITING, error=op.last_error)
    return outbox_store.get(store, op_id)


def save_edit(store: Store, op_id: int, payload: Mapping[str, Any]) -> bool:
    """The edited operation goes back into the queue, due at once, its error cleared.

    False when it is no longer being edited (discarded, or sent before the edit
    began to count): the person's new text is then the caller's to keep.
    """
    with store.transaction():
        op = outbox_store.get(store, op_id)
        if op is None or op.state is not OpState.EDITING:
            return False
        context = dict(op.context or {})
        came_from = context.pop("edit_from", None)
        if op.kind == "conversation.reply":
            context.update(_reply_context(store, op, held=came_from == OpState.HELD.value))
            _rewrite_local_copy(store, op, payload)
        outbox_store.update_payload(store, op_id, payload)
        outbox_store.update_context(store, op_id, context)
        outbox_store.set_state(store, op_id, OpState.QUEUED, error=None, next_attempt_at=0.0)
        # A refusal's field errors were about the old payload.
        store.execute("UPDATE outbox SET result = NULL WHERE id = ?", (op_id,))
    return True


def cancel_edit(store: Store, op_id: int) -> bool:
    """Back to where it was before the edit began (queued, held, needs attention...)."""
    with store.transaction():
        op = outbox_store.get(store, op_id)
        if op is None or op.state is not OpState.EDITING:
            return False
        context = dict(op.context or {})
        came_from = context.pop("edit_from", OpState.QUEUED.value)
        try:
            state = OpState(came_from)
        except ValueError:
            state = OpState.QUEUED
        outbox_store.update_context(store, op_id, context)
        outbox_store.set_state(store, op_id, state, error=op.last_error)
    return True


def _reply_context(store: Store, op: Operation, *, held: bool) -> dict[str, Any]:
    """What the conversation looked like when the reply was (re)written.

    A held reply was edited after the person was told what changed: it is not held
    again. A queued one is checked against the conversation as the cache shows it
    now, which is what the person saw while editing."""
    if held:
        return {"checked": True}
    if op.target_id is None:
        return {}
    row = conversations.conversation(store, op.target_id)
    if row is None:
        return {}
    known = [m.id for m in conversations.conversation_messages(store, op.target_id) if m.id > 0]
    return {
        "messages_count": row.messages_count,
        "status": row.status,
        "assignee_id": row.assignee.id if row.assignee else None,
        "last_message_id": max(known) if known else None,
    }


def _rewrite_local_copy(store: Store, op: Operation, payload: Mapping[str, Any]) -> None:
    """The queued copy in the thread shows the text that will be sent."""
    local_id = _int((op.context or {}).get("local_message_id"))
    if local_id is None or op.target_id is None:
        return
    row = next(
        (m for m in conversations.conversation_messages(store, op.target_id) if m.id == local_id),
        None,
    )
    if row is None:
        return
    from mailtrixy_desktop.api.models import Message

    message = Message.model_validate(
        {
            "id": row.id,
            "conversation_id": row.conversation_id,
            "direction": row.direction,
            "body_html": payload.get("body_html", row.body_html),
            "body_text": None,
            "sender": None
            if row.sender is None
            else {"id": row.sender.id, "name": row.sender.name, "email": row.sender_email},
            "cc": payload.get("cc", list(row.cc)),
            "bcc": payload.get("bcc", list(row.bcc)),
            "created_at": row.created_at,
        }
    )
    conversations.upsert_messages(store, [message], overwrite_pending=True)
    conversations.set_messages_pending(store, [local_id])


# ---------------------------------------------------------------------- retry, discard
def retry(store: Store, op_ids: Iterable[int]) -> int:
    """Send these now: waiting ones skip their backoff; refused or unsettled ones go
    back into the queue; one left "being edited" goes as it was. How many."""
    count = 0
    with store.transaction():
        for op_id in op_ids:
            op = outbox_store.get(store, op_id)
            if op is None or op.state not in RETRYABLE:
                continue
            state = op.state
            if state is OpState.EDITING:
                cancel_edit(store, op_id)
                again = outbox_store.get(store, op_id)
                if again is None or again.state not in RETRYABLE:
                    continue
                state = again.state
            if state in WAITING:
                outbox_store.retry_now(store, op_id)
            else:
                outbox_store.set_state(
                    store, op_id, OpState.QUEUED, error=None, next_attempt_at=0.0
                )
            count += 1
    return count


@dataclass(frozen=True)
class Discarded:
    count: int  # operations removed
    # Targets whose optimistic change was dropped: the server's version is fetched again.
    targets: tuple[tuple[str, int], ...]
    resources: frozenset[str]  # what changed in the cache, for the change broadcast


def discard_plan(store: Store, op_ids: Iterable[int]) -> list[Operation]:
    """What discarding ``op_ids`` removes: them, and, for a thing created offline
    whose creation is discarded, every change to it (it will never exist)."""
    wanted = set(op_ids)
    open_ops = outbox_store.open_operations(store)
    chosen = [op for op in open_ops if op.id in wanted]
    unborn = {
        (op.target_type, op.target_id)
        for op in chosen
        if op.kind.endswith(".create") and op.target_id is not None and op.target_id < 0
    }
    return [op for op in open_ops if op.id in wanted or (op.target_type, op.target_id) in unborn]


def discard(store: Store, op_ids: Iterable[int]) -> Discarded:
    """Drop operations (the UI has asked). Their optimistic changes stop being
    "pending", so that the server's version replaces them: at once through ``restore``
    when online, else with the next full sync (even after a restart)."""
    resources: set[str] = set()
    restore: list[tuple[str, int]] = []
    with store.transaction():
        ops = discard_plan(store, op_ids)
        for op in ops:
            outbox_store.discard(store, op.id)
        for op in ops:
            local_id = _int((op.context or {}).get("local_message_id"))
            if op.kind == "conversation.reply" and local_id is not None and local_id < 0:
                conversations.delete_messages(store, [local_id])
                resources.add("messages")
        touched = {
            (op.target_type, op.target_id)
            for op in ops
            if op.target_id is not None and op.kind != "conversation.reply"
        }
        for target_type, target_id in sorted(touched, key=lambda t: (t[0], t[1] or 0)):
            target = TARGETS.get(target_type)
            if target is None or target_id is None:
                continue
            if outbox_store.has_open_after(store, target_type, target_id, 0):
                continue  # another change to it still waits: its optimistic state stays
            resources.add(RESOURCE_OF.get(target_type, target_type))
            if target_id < 0:
                target.delete(store, [target_id])  # created offline, never sent
            else:
                _forget_local_version(store, target.table, target_id)
                restore.append((target_type, target_id))
    return Discarded(len(ops), tuple(restore), frozenset(resources))


# Tables whose upserts keep a newer row over an older server version (by updated_at).
_DATED = {"contacts": "created_at", "deals": "created_at", "conversations": "NULL"}


def _forget_local_version(store: Store, table: str, row_id: int) -> None:
    """The row stops being "pending", and its optimistic "updated now" is taken back
    (to when it was created, which no server version predates): the next version the
    server sends, by a fetch or a full sync, is written over it."""
    set_pending(store, cast(Table, table), [row_id], False)
    dated = _DATED.get(table)
    if dated is not None:
        store.execute(f"UPDATE {table} SET updated_at = {dated} WHERE id = ?", (row_id,))


async def restore(
    client: MailTrixyClient,
    store: Store,
    targets: Iterable[tuple[str, int]],
    *,
    wait_online: Callable[[], Awaitable[None]] | None = None,
    attempts: int = 5,
    pause: float = 1.0,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> set[str]:
    """Fetch the server's version of what a discard touched; what changed in the cache.

    Discarding is often done offline: each round waits for the connection first.
    What still cannot be fetched after ``attempts`` rounds stays as it is; its rows
    are no longer pending, so the next full sync writes the server's version."""
    changed: set[str] = set()
    left = list(targets)
    for round_ in range(attempts):
        if wait_online is not None:
            await wait_online()
        failed: list[tuple[str, int]] = []
        for target_type, target_id in left:
            target = TARGETS.get(target_type)
            if target is None or target.fetch is None:
                continue
            try:
                current = await target.fetch(client, target_id)
            except errors.NotFound:
                target.delete(store, [target_id])
            except (errors.NetworkError, errors.ServerError, errors.RateLimited):
                failed.append((target_type, target_id))
                continue
            except errors.ApiError:
                continue
            else:
                if outbox_store.has_open_after(store, target_type, target_id, 0):
                    continue  # changed again meanwhile: that change's optimistic state wins
                target.upsert(store, [current], overwrite_pending=True)
            changed.add(RESOURCE_OF.get(target_type, target_type))
        left = failed
        if not left:
            break
        await sleep(pause * 2**round_)
    return changed
