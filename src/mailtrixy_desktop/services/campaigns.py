"""The campaigns façade: the list from the cache; create, edit, schedule, send, delete
through the outbox; a sending campaign's figures fetched while someone watches."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from mailtrixy_desktop.services.commands import Commands, utc_now
from mailtrixy_desktop.store import campaigns as campaign_store
from mailtrixy_desktop.store import outbox as outbox_store
from mailtrixy_desktop.store import tags_groups
from mailtrixy_desktop.store.campaigns import CampaignRow, EmailAccountRow
from mailtrixy_desktop.store.contact_lists import custom_field_names
from mailtrixy_desktop.store.outbox import Operation, OpState

if TYPE_CHECKING:  # pydantic stays off the way to the first paint
    from mailtrixy_desktop.api.client import MailTrixyClient
    from mailtrixy_desktop.api.models import Campaign, CampaignFields, CampaignStatus

EDITABLE = ("draft", "scheduled")


def _model(
    row: CampaignRow | None,
    campaign_id: int,
    fields: CampaignFields,
    status: CampaignStatus | None = None,
    recipients: int | None = None,
) -> Campaign:
    from mailtrixy_desktop.api.models import Campaign

    now = utc_now()
    data: dict[str, Any] = {
        "id": campaign_id,
        "name": "",
        "subject": "",
        "status": "draft",
        "created_at": now,
        "updated_at": now,
    }
    if row is not None:
        data.update(
            name=row.name,
            subject=row.subject,
            status=row.status,
            from_email=row.from_email,
            from_name=row.from_name,
            recipients_count=row.recipients_count,
            stats={
                "delivered": row.delivered,
                "opened": row.opened,
                "clicked": row.clicked,
                "bounced": row.bounced,
                "unsubscribed": row.unsubscribed,
            },
            schedule_at=row.schedule_at,
            sent_at=row.sent_at,
            created_at=row.created_at,
            recipient_groups=row.recipient_groups,
            email_account_id=row.email_account_id,
        )
    for key in (
        "name",
        "subject",
        "from_email",
        "from_name",
        "body_html",
        "recipient_groups",
        "email_account_id",
    ):
        if key in fields:
            data[key] = fields[key]
    if recipients is not None:
        data["recipients_count"] = recipients
    if "schedule_at" in fields:
        data["schedule_at"] = fields["schedule_at"]
        data["status"] = "scheduled" if fields["schedule_at"] else "draft"
    if status is not None:
        data["status"] = status
    return Campaign.model_validate(data)


class CampaignsService:
    def __init__(self, commands: Commands) -> None:
        self._c = commands

    # ------------------------------------------------------------------ reads
    def all(
        self, *, status: CampaignStatus | None = None, search: str | None = None
    ) -> list[CampaignRow]:
        return campaign_store.campaigns(self._c.store, status=status, search=search)

    def get(self, campaign_id: int) -> CampaignRow | None:
        return campaign_store.campaign(self._c.store, campaign_id)

    def body_html(self, campaign_id: int) -> str | None:
        return campaign_store.campaign_body_html(self._c.store, campaign_id)

    def status_counts(self) -> dict[CampaignStatus, int]:
        return campaign_store.campaign_status_counts(self._c.store)

    def email_accounts(self) -> list[EmailAccountRow]:
        return campaign_store.email_accounts(self._c.store)

    def groups(self) -> list[tuple[int, str]]:
        """(id, name) of the workspace's contact groups, by name."""
        return tags_groups.group_choices(self._c.store)

    def distinct_recipients(self, group_ids: Iterable[int]) -> int:
        return campaign_store.distinct_recipients(self._c.store, group_ids)

    def custom_field_keys(self) -> list[str]:
        """The custom field keys the cached contacts have: what a merge tag may name."""
        return custom_field_names(self._c.store)

    def refused(self, campaign_id: int | None = None) -> list[Operation]:
        """Campaign changes the server refused that are still in the outbox, newest
        first (only those on ``campaign_id`` when given)."""
        sql = "SELECT id FROM outbox WHERE target_type = 'campaign' AND state = ?"
        params: list[object] = [OpState.NEEDS_ATTENTION.value]
        if campaign_id is not None:
            sql += " AND target_id = ?"
            params.append(campaign_id)
        ops = (outbox_store.get(self._c.store, i) for i in self._c.store.column(sql, params))
        return sorted((op for op in ops if op is not None), key=lambda op: -op.id)

    def waiting(self, campaign_id: int) -> Operation | None:
        """The latest change to ``campaign_id`` the outbox has not delivered yet."""
        found = self._c.store.scalar(
            "SELECT max(id) FROM outbox WHERE target_type = 'campaign' AND target_id = ? "
            "AND state IN (?, ?)",
            (campaign_id, OpState.QUEUED.value, OpState.SENDING.value),
        )
        return None if found is None else outbox_store.get(self._c.store, int(found))

    async def refresh(self, client: MailTrixyClient, campaign_id: int) -> CampaignRow | None:
        """The campaign as the server has it now, into the cache (a row with changes
        still waiting in the outbox keeps them); announced as a change of campaigns."""
        campaign = await client.campaigns.get(campaign_id)
        campaign_store.upsert_campaigns(self._c.store, [campaign])
        self._c.changes.publish({"campaigns"})
        return self.get(campaign_id)

    # ------------------------------------------------------------------ writes
    def _write(
        self, model: Campaign, *, kind: str, target_id: int, payload: dict[str, Any]
    ) -> None:
        with self._c.store.transaction():
            campaign_store.upsert_campaigns(self._c.store, [model], overwrite_pending=True)
            campaign_store.set_campaigns_pending(self._c.store, [model.id])
            self._c.queue(kind=kind, target_type="campaign", target_id=target_id, payload=payload)
        self._c.announce("campaigns")

    def _recipients(self, fields: CampaignFields) -> int | None:
        # Shown at once from the cached memberships; the server's count replaces it.
        if "recipient_groups" not in fields:
            return None
        return self.distinct_recipients(fields["recipient_groups"])

    def create(self, fields: CampaignFields) -> int:
        temp = self._c.temp_id("campaigns")
        self._write(
            _model(None, temp, fields, recipients=self._recipients(fields)),
            kind="campaign.create",
            target_id=temp,
            payload=dict(fields),
        )
        return temp

    def update(self, campaign_id: int, changes: CampaignFields) -> None:
        row = self._existing(campaign_id)
        self._write(
            _model(row, campaign_id, changes, recipients=self._recipients(changes)),
            kind="campaign.update",
            target_id=campaign_id,
            payload=dict(changes),
        )

    def send_now(self, campaign_id: int) -> None:
        row = self._existing(campaign_id)
        self._write(
            _model(row, campaign_id, {}, status="sending"),
            kind="campaign.send",
            target_id=campaign_id,
            payload={},
        )

    def delete(self, campaign_id: int) -> None:
        with self._c.store.transaction():
            campaign_store.delete_campaigns(self._c.store, [campaign_id])
            if campaign_id < 0:
                self._c.cancel_local("campaign", campaign_id)
            else:
                self._c.queue(
                    kind="campaign.delete",
                    target_type="campaign",
                    target_id=campaign_id,
                    payload={},
                )
        self._c.announce("campaigns")

    def _existing(self, campaign_id: int) -> CampaignRow:
        row = campaign_store.campaign(self._c.store, campaign_id)
        if row is None:
            raise KeyError(campaign_id)
        return row
