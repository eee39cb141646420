"""Merge tags: the reference's {{contact.name}} form, custom fields, and tags that
match nothing, in a subject and in an HTML body that is sanitised afterwards."""

from __future__ import annotations

import re

from mailtrixy_desktop.services import merge_tags as m
from mailtrixy_desktop.services.message_html import render_message

ANA = m.contact_values(
    name="Ana Lima",
    email="ana@acme.test",
    company="Acme",
    phone=None,
    custom_fields={"department": "Sales", "seats": 12, "vip": True},
)
KEYS = {"department", "seats", "vip"}


def test_tags_are_found_with_spaces_inside_the_braces() -> None:
    tags = m.find_tags("Hi {{contact.name}}, {{ contact.company }}!")
    assert [t.path for t in tags] == ["contact.name", "contact.company"]
    assert tags[1].text == "{{ contact.company }}"
    assert m.find_tags("no tags, {single} braces, {{}") == []


def test_standard_and_custom_fields_are_filled_from_the_contact() -> None:
    subject = "{{contact.name}} at {{contact.company}}: {{contact.custom_fields.department}}"
    assert m.fill(subject, ANA, KEYS) == "Ana Lima at Acme: Sales"
    # A custom field by its key alone, numbers and yes/no as text.
    assert m.fill("{{contact.seats}} seats, vip {{contact.vip}}", ANA, KEYS) == "12 seats, vip yes"
    # A known field the contact has no value for is empty, as it would be in the email.
    assert m.fill("call {{contact.phone}}", ANA, KEYS) == "call "


def test_without_a_contact_tags_stay_as_written() -> None:
    assert m.fill("Hi {{contact.name}}", None, KEYS) == "Hi {{contact.name}}"


def test_a_tag_that_matches_nothing_is_reported_once_as_written() -> None:
    text = "Hi {{contact.nmae}} {{contact.nmae}} {{ deal.value }} {{contact.custom_fields.plan}}"
    assert m.unknown_tags(text, KEYS) == [
        "{{contact.nmae}}",
        "{{ deal.value }}",
        "{{contact.custom_fields.plan}}",
    ]
    assert m.unknown_tags("{{contact.email}} {{contact.department}}", KEYS) == []
    # Unknown tags stay in the filled text: that is what recipients would get.
    assert m.fill("Hi {{contact.nmae}}", ANA, KEYS) == "Hi {{contact.nmae}}"


def test_values_are_escaped_in_html_and_unknown_tags_highlighted_after_sanitising() -> None:
    evil = m.contact_values(name='<img src=x onerror="alert(1)">\ue000', email="e@x.test")
    body = (
        '<p title="{{contact.nope}}">Hello {{contact.name}}, {{contact.nope}}</p>'
        '<a href="https://x.test/?e={{contact.email}}">link</a><script>alert(2)</script>'
    )
    filled = m.fill_html(body, evil, set())
    safe = render_message(filled, None, allow_remote=False).html
    shown = m.highlight_unmatched(safe, lambda tag: f"<mark>{tag}</mark>")
    assert "<img" not in shown
    assert "<script" not in shown
    assert not re.search(r"<[^>]*onerror", shown)  # only ever text, never an attribute
    assert "&lt;img" in shown  # the name as text
    assert "Hello" in shown
    assert "<mark>{{contact.nope}}</mark>" in shown
    assert 'title="{{contact.nope}}"' in shown  # in an attribute: left as text, no markup
    assert 'href="https://x.test/?e=e@x.test"' in shown
    assert "\ue000" not in shown
    assert "\ue001" not in shown


def test_tag_for_inserts_the_spelled_out_forms() -> None:
    assert m.tag_for("name") == "{{contact.name}}"
    assert m.tag_for("department", custom=True) == "{{contact.custom_fields.department}}"
    assert m.known_tag("contact.custom_fields.department", KEYS)
    assert not m.known_tag("contact.custom_fields.department", set())
