"""Idempotency-Key: a repeated POST gets the first answer and has no second effect."""

from __future__ import annotations

import threading
import time
import uuid

import httpx

from tests.support.fixtures import Admin, Api


def _key() -> str:
    return str(uuid.uuid4())


def test_a_replayed_post_returns_the_first_response_without_a_second_effect(api: Api) -> None:
    contact = api.make_contact(name="Idem Reply")
    conversation_id = _conversation_for(api, contact["id"])
    key = _key()
    body = {"body_html": "<p>Your refund is on its way.</p>"}
    first = api.post(
        f"/conversations/{conversation_id}/reply", json=body, headers={"Idempotency-Key": key}
    )
    second = api.post(
        f"/conversations/{conversation_id}/reply", json=body, headers={"Idempotency-Key": key}
    )
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    messages = api.data(api.get(f"/conversations/{conversation_id}/messages"))
    assert [m["body_html"] for m in messages].count(body["body_html"]) == 1


def _conversation_for(api: Api, contact_id: int) -> int:
    admin = Admin(api.sandbox)
    try:
        return int(admin.simulate("new_conversation", contact_id=contact_id)["id"])
    finally:
        admin.close()


def test_without_a_key_each_post_takes_effect(api: Api) -> None:
    tag = f"nokey-{uuid.uuid4().hex[:8]}"
    assert api.post("/tags", json={"name": tag}).status_code == 201
    again = api.post("/tags", json={"name": tag})
    assert again.status_code == 422  # the second one really ran, and found the name taken


def test_the_same_key_from_another_token_is_a_different_request(api: Api, api_as) -> None:  # type: ignore[no-untyped-def]
    key = _key()
    other: Api = api_as("contacts-only-token")
    first = api.post("/tags", json={"name": f"tok-a-{key[:8]}"}, headers={"Idempotency-Key": key})
    second = other.post(
        "/tags", json={"name": f"tok-b-{key[:8]}"}, headers={"Idempotency-Key": key}
    )
    assert first.status_code == second.status_code == 201
    assert first.json()["data"]["id"] != second.json()["data"]["id"]


def test_a_replay_still_gets_the_first_answer_after_the_target_was_deleted(api: Api) -> None:
    key = _key()
    body = {"name": "Gone Soon", "email": f"gone-{key[:8]}@example.com"}
    created = api.post("/contacts", json=body, headers={"Idempotency-Key": key})
    assert created.status_code == 201
    contact_id = created.json()["data"]["id"]
    assert api.delete(f"/contacts/{contact_id}").status_code == 200
    replay = api.post("/contacts", json=body, headers={"Idempotency-Key": key})
    assert replay.status_code == 201
    assert replay.json() == created.json()
    assert api.get(f"/contacts/{contact_id}").status_code == 404  # and nothing was re-created


def test_a_key_reused_with_a_different_body_is_refused(api: Api) -> None:
    key = _key()
    first = api.post("/tags", json={"name": f"diff-{key[:8]}"}, headers={"Idempotency-Key": key})
    assert first.status_code == 201
    other = api.post("/tags", json={"name": f"other-{key[:8]}"}, headers={"Idempotency-Key": key})
    errors = api.errors(other, 422)
    assert "Idempotency-Key" in errors
    names = [t["name"] for t in api.data(api.get("/tags"))]
    assert f"other-{key[:8]}" not in names


def test_a_refused_request_is_not_stored_so_a_corrected_retry_runs(api: Api) -> None:
    """As with Stripe: a 422 took no effect, so the same key may carry the corrected request."""
    key = _key()
    bad = {"name": "Fixed Later", "email": "not-an-email"}
    first = api.post("/contacts", json=bad, headers={"Idempotency-Key": key})
    assert first.status_code == 422
    assert "idempotent-replayed" not in first.headers
    fixed = {**bad, "email": f"fixed-{key[:8]}@example.com"}
    second = api.post("/contacts", json=fixed, headers={"Idempotency-Key": key})
    assert second.status_code == 201
    assert second.json()["data"]["email"] == fixed["email"]


def test_key_order_and_spacing_do_not_make_a_different_request(api: Api) -> None:
    key = _key()
    name = f"order-{key[:8]}"
    first = api.post(
        "/tags",
        content=f'{{"name": "{name}", "color": "#112233"}}'.encode(),
        headers={"Idempotency-Key": key, "Content-Type": "application/json"},
    )
    second = api.post(
        "/tags",
        content=f'{{"color":"#112233","name":"{name}"}}'.encode(),
        headers={"Idempotency-Key": key, "Content-Type": "application/json"},
    )
    assert first.status_code == second.status_code == 201
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json() == first.json()


def test_a_key_whose_first_request_is_in_flight_is_a_409(admin: Admin, api: Api) -> None:
    admin.faults(processing_ms=1500)
    key = _key()
    body = {"name": f"slow-{key[:8]}"}
    results: dict[str, httpx.Response] = {}

    def first() -> None:
        with httpx.Client(
            base_url=api.sandbox.api_url,
            timeout=30,
            headers={"Authorization": f"Bearer {api.sandbox.token}"},
        ) as client:
            results["first"] = client.post("/tags", json=body, headers={"Idempotency-Key": key})

    thread = threading.Thread(target=first)
    thread.start()
    try:
        # Once the server holds the first request, the same key again is a conflict.
        deadline = time.monotonic() + 10
        while admin.client.get("/idempotency").json()["data"]["in_flight"] == 0:
            assert time.monotonic() < deadline, "the first request never arrived"
            time.sleep(0.01)
        second = api.post("/tags", json=body, headers={"Idempotency-Key": key})
        assert second.status_code == 409
        assert "still being processed" in second.json()["message"]
    finally:
        thread.join(timeout=30)
    assert results["first"].status_code == 201
    # Once the first has finished, the key replays its answer.
    admin.faults(processing_ms=0)
    replay = api.post("/tags", json=body, headers={"Idempotency-Key": key})
    assert replay.status_code == 201
    assert replay.json() == results["first"].json()


def test_an_empty_or_oversized_key_is_a_400(api: Api) -> None:
    for key in ("", "k" * 256):
        response = api.post("/tags", json={"name": "whatever"}, headers={"Idempotency-Key": key})
        assert response.status_code == 400
        assert "Idempotency-Key" in response.json()["message"]
