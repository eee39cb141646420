"""Deals in the pipeline. Money is ``Decimal``: a float cannot hold 0.10 exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import AwareDatetime

from mailtrixy_desktop.api.models.base import ContactRef, Model, Ref
from mailtrixy_desktop.api.models.fields import Stage


class Deal(Model):
    id: int
    title: str
    value: Decimal
    currency: str
    stage: Stage
    contact: ContactRef
    assignee: Ref | None = None
    expected_close_date: dt.date | None = None
    created_at: AwareDatetime
    updated_at: AwareDatetime
    notes: str | None = None  # only from GET /deals/{id} and write answers
