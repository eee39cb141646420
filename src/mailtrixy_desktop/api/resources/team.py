"""``/team-members`` and ``/me``."""

from __future__ import annotations

from mailtrixy_desktop.api.models import Me, TeamMember
from mailtrixy_desktop.api.resources.base import Resource


class Team(Resource):
    async def members(self) -> list[TeamMember]:
        return await self._list_all(TeamMember, "/team-members")

    async def me(self) -> Me:
        return await self._get(Me, "/me")
