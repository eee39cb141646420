"""The sandbox answers with the reference's envelope."""

from __future__ import annotations

from tests.support.fixtures import Api


def test_team_members_are_listed(api: Api) -> None:
    members = api.data(api.get("/team-members"))
    assert {m["name"] for m in members} >= {"Sandbox Owner", "Support Agent"}
