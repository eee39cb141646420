"""The campaigns façade: the list from the cache; create, edit, schedule, send, delete
through the outbox."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mailtrixy_desktop.services.commands import Commands, utc_now
from mailtrixy_desktop.store import campaigns as campaign_store
from mailtrixy_desktop.store.campaigns import CampaignRow, EmailAccountRow

if TYPE_CHECKING:  # pydantic stays off the way to the first paint
    from mailtrixy_desktop.api.models import Campaign, CampaignFields, CampaignStatus


def _model(
    row: CampaignRow | None,
    campaign_id: int,
    fields: CampaignFields,
    status: CampaignStatus | None = None,
) -> Campaign:
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
    if "schedule_at" in fields:
        data["schedule_at"] = fields["schedule_at"]
        data["status"] = "scheduled" if fields["schedule_at"] else "draft"
    if status is not None:
        data["status"] = status
    from mailtrixy_desktop.api.models import Campaign

    return Campaign.model_validate(data)


class CampaignsService:
    def __init__(self, commands: Commands) -> None:
        self._c = commands

    def all(
        self, *, status: CampaignStatus | None = None, search: str | None = None
    ) -> list[CampaignRow]:
        return campaign_store.campaigns(self._c.store, status=status, search=search)

    def get(self, campaign_id: int) -> CampaignRow | None:
        return campaign_store.campaign(self._c.store, campaign_id)

    def email_accounts(self) -> list[EmailAccountRow]:
        return campaign_store.email_accounts(self._c.store)

    def _write(
        self, model: Campaign, *, kind: str, target_id: int, payload: dict[str, Any]
    ) -> None:
        with self._c.store.transaction():
            campaign_store.upsert_campaigns(self._c.store, [model], overwrite_pending=True)
            campaign_store.set_campaigns_pending(self._c.store, [model.id])
            self._c.queue(kind=kind, target_type="campaign", target_id=target_id, payload=payload)
        self._c.announce("campaigns")

    def create(self, fields: CampaignFields) -> int:
        temp = self._c.temp_id("campaigns")
        self._write(
            _model(None, temp, fields), kind="campaign.create", target_id=temp, payload=dict(fields)
        )
        return temp

    def update(self, campaign_id: int, changes: CampaignFields) -> None:
        row = self._existing(campaign_id)
        self._write(
            _model(row, campaign_id, changes),
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
