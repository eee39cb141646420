"""The sandbox answers with the reference's envelope."""

from __future__ import annotations

from tests.support.fixtures import Api


def test_team_members_are_listed(api: Api) -> None:
    members = api.data(api.get("/team-members"))
    assert {m["name"] for m in members} >= {"Sandbox Owner", "Support Agent"}


def test_a_form_encoded_body_gets_a_sentence_about_the_content_type(api: Api) -> None:
    response = api.post(
        "/tags",
        content=b'{"name": "formish"}',
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 400
    assert "Content-Type: application/json" in response.json()["message"]
