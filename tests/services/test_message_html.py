"""Message bodies rendered safe: each hostile input loses its hostile part, nothing is fetched."""

from __future__ import annotations

import re

import pytest

from mailtrixy_desktop.services.message_html import registrable_domain, render_message

PNG = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=="
)


def html_of(body: str, *, allow_remote: bool = False) -> str:
    return render_message(body, None, allow_remote=allow_remote).html


def hrefs(fragment: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', fragment)


def srcs(fragment: str) -> list[str]:
    return re.findall(r'src="([^"]*)"', fragment)


# -- hostile bodies: what must never survive ------------------------------------------

HOSTILE = [
    ("script tag", "<p>Hi</p><script>alert('x')</script>", ["<script", "alert"]),
    ("script upper case", "<SCRIPT>alert(1)</SCRIPT>ok", ["script", "alert"]),
    ("img onerror", "<img src=x onerror=alert(1)>", ["onerror", "alert", "src="]),
    ("event handler", '<p onclick="steal()" onmouseover="x()">p</p>', ["onclick", "onmouseover"]),
    ("javascript link", '<a href="javascript:alert(1)">x</a>', ["javascript", "href="]),
    ("mixed-case javascript", '<a href="JaVaScRiPt:alert(1)">x</a>', ["javascript", "href="]),
    ("javascript with a tab", '<a href="jav&#x09;ascript:alert(1)">x</a>', ["script", "href="]),
    ("vbscript link", '<a href="vbscript:msgbox(1)">x</a>', ["vbscript", "href="]),
    ("data: html link", '<a href="data:text/html,<script>x</script>">x</a>', ["data:", "href="]),
    ("file image", '<img src="file:///etc/passwd">', ["file:", "passwd"]),
    ("file link", '<a href="file:///etc/passwd">pw</a>', ["file:", "href="]),
    ("qrc image", '<img src="qrc:/icons/app.svg">', ["qrc", "src="]),
    ("relative image", '<img src="/home/me/.ssh/id_rsa">', ["ssh", "src="]),
    ("svg data image", '<img src="data:image/svg+xml;base64,PHN2Zz4=">', ["svg", "src="]),
    (
        "style tag",
        "<style>body{background:url(http://t.example/x)}</style>ok",
        ["url(", "t.example"],
    ),
    (
        "style attribute",
        '<p style="background:url(http://t.example/x)">p</p>',
        ["style", "t.example"],
    ),
    ("css import", "<style>@import 'http://t.example/a.css';</style>", ["import", "t.example"]),
    (
        "table background",
        '<table background="http://t.example/b"><tr><td>x</td></tr></table>',
        ["t.example"],
    ),
    ("iframe", '<iframe src="http://t.example/"></iframe>', ["iframe", "t.example"]),
    ("object", '<object data="http://t.example/x.swf"></object>', ["object", "t.example"]),
    ("form", '<form action="http://t.example/"><input name="pw"></form>', ["form", "input"]),
    (
        "meta refresh",
        '<meta http-equiv="refresh" content="0;url=http://t.example">',
        ["meta", "t.example"],
    ),
    ("link stylesheet", '<link rel="stylesheet" href="http://t.example/s.css">', ["t.example"]),
    ("base href", '<base href="http://t.example/"><a href="x">x</a>', ["t.example", "href="]),
    ("class imitating ours", '<span class="mt-deceptive">fake</span>', ["class"]),
    (
        "our action scheme",
        '<a href="mailtrixy-action:discard/1">x</a>',
        ["mailtrixy-action", "href="],
    ),
]


@pytest.mark.parametrize(
    ("body", "forbidden"), [(b, f) for _, b, f in HOSTILE], ids=[name for name, _, _ in HOSTILE]
)
def test_hostile_parts_are_removed(body: str, forbidden: list[str]) -> None:
    rendered = render_message(body, None, allow_remote=False)
    for part in forbidden:
        assert part.lower() not in rendered.html.lower(), rendered.html
    # Nothing hostile becomes something to fetch.
    assert rendered.remote_image_urls == ()


def test_formatting_survives() -> None:
    body = (
        "<h2>Order</h2><p><b>bold</b> <i>it</i> <u>u</u> <s>s</s></p><ul><li>one</li></ul>"
        "<blockquote>quoted</blockquote><pre><code>x = 1</code></pre><hr>"
        '<table><tr><th colspan="2">h</th></tr><tr><td>a</td><td>b</td></tr></table>'
    )
    fragment = html_of(body)
    for tag in (
        "<h2>",
        "<b>",
        "<i>",
        "<u>",
        "<s>",
        "<ul>",
        "<li>",
        "<blockquote>",
        "<pre>",
        "<code>",
        "<hr>",
        "<table>",
        '<th colspan="2">',
        "<td>",
    ):
        assert tag in fragment


def test_text_is_escaped_not_interpreted() -> None:
    fragment = html_of("<p>a &lt;script&gt; &amp; b</p>")
    assert "&lt;script&gt;" in fragment
    assert "<script" not in fragment


# -- links -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "href", ["https://example.com/a?b=1&c=2", "http://example.com/", "mailto:a@b.example"]
)
def test_safe_links_are_kept_with_noopener(href: str) -> None:
    fragment = html_of(f'<a href="{href}" target="_blank">go</a>')
    assert hrefs(fragment) == [href.replace("&", "&amp;")]
    assert 'rel="noopener noreferrer"' in fragment
    assert "target" not in fragment


def test_a_deceptive_link_is_flagged_and_listed() -> None:
    rendered = render_message(
        '<p>Log in at <a href="https://evil.example/login">https://www.mybank.com/login</a></p>',
        None,
        allow_remote=False,
    )
    assert rendered.deceptive_links == (
        ("https://www.mybank.com/login", "https://evil.example/login"),
    )
    assert 'class="mt-deceptive"' in rendered.html
    assert "evil.example" in rendered.html.split("</a>", 1)[1]  # the mark names the real site


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("www.mybank.com", "https://evil.example/"),
        ("mybank.com", "https://evil.example/"),
        ("HTTPS://MyBank.com", "https://mybank.com.evil.example/"),
        ("https://paypal.com", "https://pаypal.com/"),  # a Cyrillic "а"
        ("https://mybank.com@evil.example/", "https://evil.example/"),
        ("click here", "https://mybank.com@evil.example/"),  # the host hides behind a user name
        ("support@mybank.com", "mailto:support@evil.example"),
    ],
)
def test_deceptive_links(text: str, href: str) -> None:
    rendered = render_message(f'<a href="{href}">{text}</a>', None, allow_remote=False)
    assert len(rendered.deceptive_links) == 1, (text, href)


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("www.mybank.com", "https://mybank.com/"),
        ("https://MyBank.com/help", "https://www.mybank.com/help"),
        ("mybank.com", "https://login.mybank.com/"),  # same registrable domain
        ("mybank.co.uk", "https://secure.mybank.co.uk/"),
        ("Read our terms", "https://tracking.example/c/123"),  # text is not an address
        ("report.pdf", "https://files.example/123"),  # a file name, not a domain
        ("https://example.com/", "https://example.com"),  # only a trailing slash differs
        ("<https://example.com>", "https://example.com"),
        ("mail us", "mailto:help@example.com"),
        ("help@example.com", "mailto:Help@Example.com?subject=Hi"),
    ],
)
def test_honest_links_are_not_flagged(text: str, href: str) -> None:
    rendered = render_message(
        f'<a href="{href}">{text.replace("<", "&lt;").replace(">", "&gt;")}</a>',
        None,
        allow_remote=False,
    )
    assert rendered.deceptive_links == (), (text, href)
    assert "mt-deceptive" not in rendered.html


def test_a_link_with_markup_inside_is_judged_by_its_text() -> None:
    rendered = render_message(
        '<a href="https://evil.example/"><b>www.</b><span>mybank.com</span></a>',
        None,
        allow_remote=False,
    )
    assert rendered.deceptive_links == (("www.mybank.com", "https://evil.example/"),)


@pytest.mark.parametrize(
    ("host", "domain"),
    [
        ("www.Example.COM", "example.com"),
        ("a.b.example.com", "example.com"),
        ("shop.example.co.uk", "example.co.uk"),
        ("example.com.", "example.com"),
        ("192.168.1.1", "192.168.1.1"),
    ],
)
def test_registrable_domain(host: str, domain: str) -> None:
    assert registrable_domain(host) == domain


# -- images ------------------------------------------------------------------------------


def test_remote_images_are_blocked_with_a_visible_placeholder() -> None:
    rendered = render_message(
        '<p>Hi</p><img src="http://tracker.example/open.gif?u=42" alt="Company logo">'
        '<img src="https://tracker.example/pixel.png">',
        None,
        allow_remote=False,
    )
    assert rendered.blocked_images == 2
    assert rendered.remote_image_urls == ()
    assert srcs(rendered.html) == []
    assert "tracker.example/open" not in rendered.html
    assert "[image blocked: Company logo]" in rendered.html
    assert "[image blocked]" in rendered.html


def test_remote_images_are_kept_once_allowed() -> None:
    rendered = render_message(
        '<img src="http://tracker.example/open.gif?u=42" width="99999" height="20">'
        '<img src="http://tracker.example/open.gif?u=42">',
        None,
        allow_remote=True,
    )
    assert rendered.blocked_images == 0
    assert rendered.remote_image_urls == ("http://tracker.example/open.gif?u=42",)
    assert srcs(rendered.html) == ["http://tracker.example/open.gif?u=42"] * 2
    assert 'width="1600"' in rendered.html  # an absurd size is capped


def test_inline_images_are_kept() -> None:
    rendered = render_message(
        f'<img src="{PNG}" alt="dot"><img src="cid:logo@mail">', None, allow_remote=False
    )
    assert srcs(rendered.html) == [PNG, "cid:logo@mail"]
    assert rendered.blocked_images == 0


def test_an_image_whose_source_was_unsafe_keeps_its_alt_text() -> None:
    assert html_of('<img src="file:///etc/passwd" alt="Invoice scan">') == "[image: Invoice scan]"


# -- plain text --------------------------------------------------------------------------


def test_plain_text_keeps_line_breaks_and_escapes_markup() -> None:
    rendered = render_message(
        None, "Hello <b>Anna</b>,\n\nline two\r\n  indented & more", allow_remote=False
    )
    assert "&lt;b&gt;Anna&lt;/b&gt;" in rendered.html
    assert "<b>" not in rendered.html
    assert rendered.html.count("<br>") == 3
    assert "&nbsp; indented &amp; more" in rendered.html


def test_plain_text_links_bare_urls() -> None:
    fragment = render_message(
        None,
        "See https://example.com/a_(b). Or www.example.org, or write to me@example.com.",
        allow_remote=False,
    ).html
    assert hrefs(fragment) == [
        "https://example.com/a_(b)",
        "https://www.example.org",
        "mailto:me@example.com",
    ]
    assert "</a>. Or" in fragment


def test_plain_text_cannot_smuggle_a_link() -> None:
    fragment = render_message(
        None, 'https://x.example/"onmouseover="alert(1)', allow_remote=False
    ).html
    assert re.search(r"<[^>]*onmouseover", fragment) is None  # only text, never an attribute
    assert hrefs(fragment) == ["https://x.example/"]


def test_html_wins_over_text_and_empty_bodies_are_empty() -> None:
    assert "<b>" in html_of("<b>rich</b>")
    assert render_message("  ", "plain", allow_remote=False).html.endswith("plain</div>")
    assert render_message(None, None, allow_remote=False).html == ""
