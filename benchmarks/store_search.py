"""Contacts search and windowed reads on a local cache of 100,000 contacts.

Fills a temporary cache through the store's own writer (pages of 100, one
transaction each, as sync writes them), then, on a reader connection as the UI
uses, times 1,000 searches (``contact_ids(search=...)``: 1-4 letter prefixes
and two-word queries), the same asked as the contacts pane asks them (the first
256 ids of a large answer and its count: ``ordered_contact_ids(first=256)``) and
1,000 windowed reads of 100 rows (``contacts_by_id``). DESIGN.md's budget:
search p95 <= 30 ms.

The store remembers answers until the cache changes, and the queries repeat: the
searches are timed with no answers remembered (each does all its work), and
once more with them, as the pane would see repeated searches.

Usage: python benchmarks/store_search.py [--contacts N] [--queries N] [--seed N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from mailtrixy_desktop.api.models import ContactSummary
from mailtrixy_desktop.store import contact_lists
from mailtrixy_desktop.store.contact_lists import contact_ids, count_contacts, ordered_contact_ids
from mailtrixy_desktop.store.contacts import contacts_by_id, upsert_contacts
from mailtrixy_desktop.store.database import Store


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words(
    "James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Nancy Daniel Lisa "
    "Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily "
    "Andrew Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Melissa George Deborah "
    "Jürgen Zoë Renée José Ana Chloé Mohammed Wei Yuki Olga Sven Ingrid Lars Noor Aiden "
    "Priya Raj Fatima Søren Åsa Björn François Hélène Łukasz Agnieszka Dmitri Giulia Marco "
    "Sofía Mateo Lucía Hiroshi Mei Ji-woo Aarav Ananya Kwame Amara Tomás Inês Jan Jana"
)
LAST = _words(
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez "
    "Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson "
    "White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott "
    "Müller Schmidt Schneider Fischer Weber Dubois Lefèvre Moreau Rossi Russo Bianchi "
    "Nowak Kowalski Wiśniewski Tanaka Suzuki Watanabe Chen Wang Li Zhang Kim Park Nguyen "
    "Singh Patel Kumar Andersson Johansson Hansen Jensen Nielsen O'Brien Murphy Kelly Walsh "
    "Novák Horváth Kovačević Yılmaz Öztürk Papadopoulos Silva Santos Oliveira Costa"
)
COMPANY_A = _words(
    "Acme Globex Initech Umbrella Stark Wayne Hooli Vandelay Soylent Cyberdyne Tyrell Wonka "
    "Aperture Massive Dynamic Blue Red Green North South Summit Pioneer Atlas Nova Zenith "
    "Apex Vertex Quantum Silver Golden Harbor River Oak Maple Cedar Pine Falcon Eagle Lion "
    "Nordic Alpine Coastal Urban Prime Bright Clear Swift Bold True"
)
COMPANY_B = _words(
    "Corp Inc GmbH Ltd Labs Systems Group Partners Holdings Logistics Foods Bank Media "
    "Software Consulting Energy Health Capital Ventures Studio Works Industries Solutions"
)
MAIL_HOSTS = ("gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com")
NOW = "2026-03-25T10:00:00Z"


def synthetic_contacts(count: int, rng: random.Random) -> Iterator[ContactSummary]:
    for contact_id in range(1, count + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        company = f"{rng.choice(COMPANY_A)} {rng.choice(COMPANY_B)}" if rng.random() < 0.8 else None
        local = f"{first}.{last}".lower().replace("'", "")
        if company and rng.random() < 0.6:
            host = company.split()[0].lower() + ".com"
        else:
            host = rng.choice(MAIL_HOSTS)
        tags = [{"id": t, "name": f"tag-{t}"} for t in rng.sample(range(1, 31), rng.randint(0, 3))]
        yield ContactSummary.model_validate(
            {
                "id": contact_id,
                "name": f"{first} {last}",
                "email": f"{local}{contact_id}@{host}",
                "company": company,
                "phone": f"+1 {rng.randint(200, 999)} {rng.randint(200, 999)} "
                f"{rng.randint(1000, 9999)}",
                "tags": tags,
                "created_at": NOW,
                "updated_at": NOW,
            }
        )


def queries(count: int, rng: random.Random) -> list[str]:
    words = FIRST + LAST + COMPANY_A
    result = []
    for _ in range(count):
        if rng.random() < 0.7:
            word = rng.choice(words)
            result.append(word[: rng.randint(1, 4)].lower())
        else:
            first = rng.choice(FIRST)[: rng.randint(2, 4)]
            second = rng.choice(LAST + COMPANY_A)[: rng.randint(1, 4)]
            result.append(f"{first} {second}".lower())
    return result


def timed(calls: list[Callable[[], object]]) -> list[float]:
    laps = []
    for call in calls:
        started = time.perf_counter()
        call()
        laps.append((time.perf_counter() - started) * 1000)
    return laps


def report(label: str, laps: list[float]) -> None:
    ordered = sorted(laps)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    print(
        f"{label}: p50 {statistics.median(ordered):.2f} ms, p95 {p95:.2f} ms, "
        f"max {ordered[-1]:.2f} ms over {len(ordered):,}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=20260325)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory(prefix="mtx-store-bench-") as folder:
        store = Store.open(Path(folder) / "workspace.sqlite3")
        started = time.perf_counter()
        models = list(synthetic_contacts(args.contacts, rng))
        built = time.perf_counter() - started
        started = time.perf_counter()
        for start in range(0, len(models), 100):
            with store.transaction():
                upsert_contacts(store, models[start : start + 100])
        written = time.perf_counter() - started
        del models
        size_mb = (Path(folder) / "workspace.sqlite3").stat().st_size / 1e6
        print(
            f"fill: {args.contacts:,} contacts as {args.contacts // 100:,} pages of 100 in "
            f"{written:.1f} s ({args.contacts / written:,.0f} contacts/s; models built in "
            f"{built:.1f} s); file {size_mb:.0f} MB before checkpoint"
        )

        reader = store.reader()
        started = time.perf_counter()
        everyone = contact_ids(reader)
        print(
            f"all {len(everyone):,} ids by name, first read after the writes: "
            f"{(time.perf_counter() - started) * 1000:.1f} ms"
        )
        texts = queries(args.queries, rng)
        kept = contact_lists.CHEAP_ANSWERS_KEPT, contact_lists.DEAR_ANSWERS_KEPT
        contact_lists.CHEAP_ANSWERS_KEPT = contact_lists.DEAR_ANSWERS_KEPT = 0
        report(
            "search contact_ids(search=...)",
            timed([lambda t=t: contact_ids(reader, search=t) for t in texts]),
        )
        report(
            "search as the pane asks (first 256 ids, count)",
            timed([lambda t=t: ordered_contact_ids(reader, search=t, first=256) for t in texts]),
        )
        sizes = [len(contact_ids(reader, search=t)) for t in texts]
        print(
            f"  matches per query: median {statistics.median(sizes):,.0f}, "
            f"max {max(sizes):,} (queries like {', '.join(repr(t) for t in texts[:6])})"
        )
        report(
            "count_contacts(search=...)",
            timed([lambda t=t: count_contacts(reader, search=t) for t in texts[:200]]),
        )
        windows = [rng.randrange(0, max(1, len(everyone) - 100)) for _ in range(args.queries)]
        report(
            "window of 100 rows contacts_by_id(ids[k:k+100])",
            timed([lambda k=k: contacts_by_id(reader, everyone[k : k + 100]) for k in windows]),
        )
        report(
            "search + first window of 32 rows (keystroke to rows, as the pane reads them)",
            timed(
                [
                    lambda t=t: contacts_by_id(
                        reader, ordered_contact_ids(reader, search=t, first=256).first[:32]
                    )
                    for t in texts
                ]
            ),
        )
        contact_lists.CHEAP_ANSWERS_KEPT, contact_lists.DEAR_ANSWERS_KEPT = kept
        with store.reader() as fresh:  # answers remembered from here on
            report(
                "search as the pane asks, answers remembered",
                timed([lambda t=t: ordered_contact_ids(fresh, search=t, first=256) for t in texts]),
            )
        reader.close()
        store.close()


if __name__ == "__main__":
    main()
