"""Message bodies made safe to show: sanitised HTML, withheld remote images, flagged links.

A customer's message is hostile input. nh3 (ammonia) keeps only formatting tags and
harmless attributes, with links limited to http, https and mailto and images to
``cid:`` and ``data:image/*``; remote images are replaced by a visible placeholder
until the person allows them. A second pass over nh3's well-formed output swaps the
images and marks deceptive links (visible text showing one site, target another),
deciding like Thunderbird's phishing check: compare the registrable domains of the
text and the target. The view adds its own classes (``mt-*``); messages cannot carry
classes, so they cannot imitate them.
"""

from __future__ import annotations

import html
import ipaddress
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import nh3

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP

# What stands in for a blocked remote image; the UI passes its ``translated`` so a
# person reads it in the app's language (this layer has no Qt).
BLOCKED_NAMED = QT_TRANSLATE_NOOP("MessageHtml", "[image blocked: {alt}]")
BLOCKED = QT_TRANSLATE_NOOP("MessageHtml", "[image blocked]")
BLOCKED_TITLE = QT_TRANSLATE_NOOP("MessageHtml", "Remote image from {host}, not loaded")

__all__ = ["RenderedMessage", "registrable_domain", "render_message"]


@dataclass(frozen=True, slots=True)
class RenderedMessage:
    html: str  # a safe fragment for a QTextBrowser
    blocked_images: int  # remote images withheld (shown as placeholders)
    remote_image_urls: tuple[str, ...]  # what the view may fetch once they are allowed
    deceptive_links: tuple[tuple[str, str], ...]  # (text shown, real target)


# -- sanitising -------------------------------------------------------------------

_TAGS = {
    *("p", "br", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "sub", "sup"),
    *("ul", "ol", "li", "blockquote", "pre", "code", "a", "img", "hr", "span", "div"),
    *("h1", "h2", "h3", "h4", "h5", "h6"),
    *("table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"),
}
# Dropped with their content: their text is code, metadata or form furniture, not prose.
_DROP_WITH_CONTENT = {
    *("script", "style", "title", "head", "noscript", "template"),
    *("iframe", "object", "embed", "textarea", "select", "button"),
}
_ATTRIBUTES = {
    "*": {"title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
_LINK_SCHEMES = ("http:", "https:", "mailto:")
_REMOTE_SCHEMES = ("http:", "https:")
# Raster formats only: an SVG can carry scripts and references of its own.
_DATA_IMAGE = re.compile(r"data:image/(?:png|jpe?g|gif|webp|bmp);base64,", re.IGNORECASE)
_MAX_IMAGE_SIDE = 1600  # a width="99999" must not blow up the layout


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Per-tag URL rules on top of nh3's scheme list (which is one list for every tag)."""
    if tag == "a" and attribute == "href":
        href = value.strip()
        return href if href.lower().startswith(_LINK_SCHEMES) else None
    if tag == "img" and attribute == "src":
        src = value.strip()
        lowered = src.lower()
        if lowered.startswith(("cid:", *_REMOTE_SCHEMES)) or _DATA_IMAGE.match(src):
            return src
        return None
    if attribute in ("width", "height", "colspan", "rowspan"):
        number = value.strip().removesuffix("px")
        if not number.isdigit():
            return None
        limit = _MAX_IMAGE_SIDE if tag == "img" else 100
        return str(min(int(number), limit))
    return value


_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    clean_content_tags=_DROP_WITH_CONTENT,
    attributes=_ATTRIBUTES,
    attribute_filter=_attribute_filter,
    url_schemes={"http", "https", "mailto", "cid", "data"},
    url_relative="deny",  # a relative URL would resolve against our own resources
    link_rel="noopener noreferrer",
    strip_comments=True,
)


# -- deceptive links ----------------------------------------------------------------

# Second-level labels under which registrations happen (bank.co.uk, shop.com.au): a
# small stand-in for the Public Suffix List, enough to compare the sites a link names.
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "mil"}
_FILE_EXTENSIONS = {
    *("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "txt", "csv", "rtf"),
    *("png", "jpg", "jpeg", "gif", "svg", "webp", "htm", "html", "xml", "json", "js", "py"),
    *("exe", "msi", "dmg", "tar", "gz", "rar", "7z", "eml", "ics", "vcf"),
}
_BARE_DOMAIN = re.compile(
    r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?P<tld>[a-z]{2,63}|xn--[a-z0-9-]+)\.?"
    r"(?::\d+)?(?:[/?#].*)?$",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"^[^@\s/]+@(?:[^@\s/.]+\.)+[^@\s/.]+$")


def _ascii_host(host: str) -> str:
    host = host.lower().rstrip(".")
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def registrable_domain(host: str) -> str:
    """The part of a host a person registers ("bank.co.uk" of "login.bank.co.uk")."""
    host = _ascii_host(host).removeprefix("www.")
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        return host
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _shown_host(text: str) -> str | None:
    """The host a link's visible text names, if the text reads as an address at all."""
    lowered = text.lower()
    if lowered.startswith(_REMOTE_SCHEMES):
        candidate = text
    elif lowered.startswith("www.") or (
        (m := _BARE_DOMAIN.match(text)) is not None
        and m.group("tld").lower() not in _FILE_EXTENSIONS
    ):
        candidate = "http://" + text
    else:
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if "@" in parts.netloc:
        # "https://bank.com@evil.com" reads as bank.com but goes to evil.com.
        return parts.netloc.split("@", 1)[0].split(":", 1)[0] or None
    return parts.hostname


def _has_userinfo(url: str) -> bool:
    try:
        return "@" in urlsplit(url).netloc
    except ValueError:
        return True


def _is_deceptive(text: str, href: str) -> bool:
    # As Thunderbird does: spaces out, <...> and "..." unwrapped, a trailing slash ignored.
    shown = re.sub(r"\s+", "", text)
    shown = re.sub(r'^<(.+)>$|^"(.+)"$', r"\1\2", shown)
    if not shown:
        return False
    if href.lower().startswith(_REMOTE_SCHEMES) and _has_userinfo(href):
        # "https://bank.com@evil.com/" reads as bank.com but goes to evil.com, whatever
        # the text says.
        return True
    if shown.rstrip("/") == href.strip().rstrip("/"):
        return False
    if href.lower().startswith("mailto:"):
        if not _EMAIL.match(shown):
            return False
        address = unquote(href[len("mailto:") :].split("?", 1)[0]).strip()
        return shown.removeprefix("mailto:").lower() != address.lower()
    try:
        target = urlsplit(href)
    except ValueError:
        return True  # an href we cannot even parse is not one to trust
    shown_host = _shown_host(shown)
    if shown_host is None:
        return False
    if target.hostname is None:
        return True
    return registrable_domain(shown_host) != registrable_domain(target.hostname)


def _host_of(href: str) -> str:
    if href.lower().startswith("mailto:"):
        return unquote(href[len("mailto:") :].split("?", 1)[0])
    try:
        return urlsplit(href).hostname or href
    except ValueError:
        return href


# -- the second pass ----------------------------------------------------------------

_VOID = {"br", "hr", "img"}


def _attrs(attributes: Sequence[tuple[str, str | None]]) -> str:
    return "".join(
        f' {name}="{html.escape(value or "", quote=True)}"' for name, value in attributes
    )


class _Rewriter(HTMLParser):
    """Re-serialises nh3's output, swapping images and marking deceptive links."""

    def __init__(self, *, allow_remote: bool, translate: Callable[[str], str] = str) -> None:
        super().__init__(convert_charrefs=True)
        self.allow_remote = allow_remote
        self.translate = translate
        self.out: list[str] = []
        self.blocked = 0
        self.remote: dict[str, None] = {}  # ordered set
        self.deceptive: list[tuple[str, str]] = []
        self._link: tuple[str, list[str]] | None = None  # href, text seen so far

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self._image(dict(attrs))
            return
        if tag == "a":
            href = dict(attrs).get("href")
            self._link = (href, []) if href else None
        self.out.append(f"<{tag}{_attrs(attrs)}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.out.append(f"</{tag}>")
        if tag == "a" and self._link is not None:
            href, pieces = self._link
            self._link = None
            text = "".join(pieces).strip()
            if _is_deceptive(text, href):
                self.deceptive.append((text, href))
                real = _host_of(href)
                title = f"This link goes to {real}, not where its text says"
                self.out.append(
                    f'<span class="mt-deceptive" title="{html.escape(title, quote=True)}">'
                    f"&nbsp;⚠&nbsp;{html.escape(real)}</span>"
                )

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link[1].append(data)
        self.out.append(html.escape(data, quote=False))

    def _image(self, attrs: dict[str, str | None]) -> None:
        src = attrs.get("src") or ""
        alt = (attrs.get("alt") or "").strip()
        if src.lower().startswith(_REMOTE_SCHEMES):
            if self.allow_remote:
                self.remote[src] = None
            else:
                self.blocked += 1
                label = self.translate(BLOCKED_NAMED.format(alt=alt) if alt else BLOCKED)
                title = self.translate(BLOCKED_TITLE.format(host=_host_of(src)))
                self.out.append(
                    f'<span class="mt-blocked-image" title="{html.escape(title, quote=True)}">'
                    f"{html.escape(label)}</span>"
                )
                return
        elif not src:
            # Its source was unsafe and is gone; the alt text still tells what it was.
            if alt:
                self.out.append(f"[image: {html.escape(alt)}]")
            return
        kept = [(name, value) for name, value in attrs.items() if value is not None]
        self.out.append(f"<img{_attrs(kept)}>")


# -- plain text ---------------------------------------------------------------------

_AUTOLINK = re.compile(
    r"(?P<url>\b(?:https?://|www\.)[^\s<>\"']+)|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)]}'\""


def _linkify_line(line: str) -> str:
    out: list[str] = []
    last = 0
    for m in _AUTOLINK.finditer(line):
        found = m.group(0)
        if m.group("url"):
            # Sentence punctuation after a URL is not part of it ("see https://x.com.").
            while found and found[-1] in _TRAILING:
                if found[-1] == ")" and found.count("(") >= found.count(")"):
                    break
                found = found[:-1]
            href = found if found.lower().startswith(_REMOTE_SCHEMES) else "https://" + found
        else:
            href = "mailto:" + found
        start, end = m.start(), m.start() + len(found)
        out.append(_escape_text(line[last:start]))
        out.append(
            f'<a href="{html.escape(href, quote=True)}" rel="noopener noreferrer">'
            f"{_escape_text(found)}</a>"
        )
        last = end
    out.append(_escape_text(line[last:]))
    return "".join(out)


def _escape_text(text: str) -> str:
    # Runs of spaces keep their width (indented quotes, aligned columns).
    return html.escape(text, quote=False).replace("  ", "&nbsp; ")


def _plain_to_html(text: str) -> str:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).split("\n")
    return '<div class="mt-plain">' + "<br>".join(_linkify_line(x) for x in lines) + "</div>"


# -- the entry point ----------------------------------------------------------------


def render_message(
    body_html: str | None,
    body_text: str | None,
    *,
    allow_remote: bool,
    translate: Callable[[str], str] = str,
) -> RenderedMessage:
    """A message body as safe HTML; the HTML body wins, else the text body.
    ``translate`` puts the few words this adds (a blocked image) in the app's language."""
    if body_html is not None and body_html.strip():
        rewriter = _Rewriter(allow_remote=allow_remote, translate=translate)
        rewriter.feed(_CLEANER.clean(body_html))
        rewriter.close()
        return RenderedMessage(
            "".join(rewriter.out),
            rewriter.blocked,
            tuple(rewriter.remote),
            tuple(rewriter.deceptive),
        )
    if body_text:
        return RenderedMessage(_plain_to_html(body_text), 0, (), ())
    return RenderedMessage("", 0, (), ())
