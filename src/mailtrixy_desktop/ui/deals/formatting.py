"""Words and numbers on the board: stage names, money for the locale, dates.

Money is formatted from the ``Decimal`` itself: the digits never pass through a
float, so 0.10 + 0.20 shows as 0.30 and a total of 12,345,678.91 keeps its cents.
QLocale supplies the grouping, the decimal mark and where the symbol goes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Final

from PySide6.QtCore import QCoreApplication, QLocale

from mailtrixy_desktop.api.models import STAGES, Stage
from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.ui.i18n import translated

STAGE_TITLES: Final[Mapping[Stage, str]] = {
    "lead": QT_TRANSLATE_NOOP("Stages", "Lead"),
    "qualified": QT_TRANSLATE_NOOP("Stages", "Qualified"),
    "proposal": QT_TRANSLATE_NOOP("Stages", "Proposal"),
    "negotiation": QT_TRANSLATE_NOOP("Stages", "Negotiation"),
    "won": QT_TRANSLATE_NOOP("Stages", "Won"),
    "lost": QT_TRANSLATE_NOOP("Stages", "Lost"),
}
CLOSED_STAGES: Final = frozenset({"won", "lost"})

# The symbols an English-speaking reader knows (CLDR's "standard" symbols); a
# currency not listed here is written with its ISO code.
_SYMBOLS: Final = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "CNY": "CN¥",
    "INR": "₹",
    "KRW": "₩",
    "CAD": "CA$",
    "AUD": "A$",
    "NZD": "NZ$",
    "HKD": "HK$",
    "MXN": "MX$",
    "BRL": "R$",
    "TWD": "NT$",
    "ILS": "₪",
    "VND": "₫",
    "PHP": "₱",
}
# Currencies without minor units (ISO 4217 exponent 0).
_WHOLE: Final = frozenset(
    {"JPY", "KRW", "VND", "CLP", "ISK", "PYG", "UGX", "XAF", "XOF", "XPF", "RWF", "KMF", "GNF"}
    | {"DJF", "BIF", "VUV"}
)


def display_locale(locale: QLocale | None = None) -> QLocale:
    """The person's locale; the bare "C" locale (no language set at all) reads as US
    English, whose grouping and symbol placement it otherwise lacks."""
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale


def stage_title(stage: str) -> str:
    title = STAGE_TITLES.get(stage)  # type: ignore[call-overload]
    return translated(title) if title is not None else stage.capitalize()


def next_stage(stage: Stage, step: int) -> Stage | None:
    """The stage ``step`` columns to the right (negative: left) in pipeline order."""
    index = STAGES.index(stage) + step
    return STAGES[index] if 0 <= index < len(STAGES) else None


def currency_symbol(currency: str, locale: QLocale | None = None) -> str:
    locale = display_locale(locale)
    code = currency.upper()
    own_code = locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    own_symbol = locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol)
    if code == own_code and own_symbol:
        return own_symbol
    symbol = _SYMBOLS.get(code)
    if symbol is None:
        return code
    if symbol == own_symbol and code != own_code:
        # "$" in a Canadian locale means CAD: another dollar says which one it is.
        return "US$" if code == "USD" else code
    return symbol


def _digits(value: Decimal, places: int, locale: QLocale) -> str:
    """``value`` (not negative) with the locale's grouping and decimal mark, no float."""
    quantum = Decimal(1).scaleb(-places)
    try:
        rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # too many digits to quantize: show what there is
        rounded = value
    text = f"{rounded:f}"
    whole, _, fraction = text.partition(".")
    number = int(whole)
    if number < 2**63:
        grouped = locale.toString(number)  # the locale's grouping (Indian lakhs included)
    else:
        grouped = f"{number:,}".replace(",", locale.groupSeparator())
    if places and fraction:
        return f"{grouped}{locale.decimalPoint()}{fraction[:places].ljust(places, '0')}"
    return grouped


def format_money(
    value: Decimal,
    currency: str,
    locale: QLocale | None = None,
    *,
    cents: bool | None = None,
) -> str:
    """``value`` in ``currency`` for ``locale`` ("$12,500", "12.500,50 €").

    ``cents``: True always shows the minor units, False never; None (the default)
    shows them only when there are any, so a board of round numbers stays quiet.
    """
    locale = display_locale(locale)
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    # Painting asks for the same few hundred values again and again.
    return _format_money(value, currency, locale.name(), locale, cents)


@lru_cache(maxsize=4096)
def _format_money(
    value: Decimal, currency: str, _locale_name: str, locale: QLocale, cents: bool | None
) -> str:
    minor = 0 if currency.upper() in _WHOLE else 2
    if cents is None:
        places = minor if value != value.to_integral_value() else 0
    else:
        places = minor if cents else 0
    negative = value < 0
    digits = _digits(abs(value), places, locale)
    symbol = currency_symbol(currency, locale)
    one = locale.toString(1)
    # The locale's pattern, learnt from a whole number: where the symbol and sign go.
    pattern = locale.toCurrencyString(-1 if negative else 1, symbol)
    if one not in pattern:
        pattern = f"{'-' if negative else ''}{symbol}{one}"
    text = pattern.replace(one, digits, 1)
    if symbol.isalpha():  # a code, not a sign: "CHF 1,200", never "CHF1,200"
        text = text.replace(symbol + digits, f"{symbol}\N{NO-BREAK SPACE}{digits}")
    return text


def format_totals(totals: Mapping[str, Decimal], locale: QLocale | None = None) -> list[str]:
    """One formatted total per currency, in currency order."""
    return [format_money(totals[c], c, locale) for c in sorted(totals)]


def short_date(day: dt.date, today: dt.date | None = None, locale: QLocale | None = None) -> str:
    """ "12 Mar" this year, "12 Mar 2027" otherwise."""
    locale = display_locale(locale)
    today = today or dt.date.today()
    month = _month(day.month, locale.name(), locale)
    this_year, other_year = _day_forms(locale.name())
    if day.year == today.year:
        return this_year.format(day=day.day, month=month)
    return other_year.format(day=day.day, month=month, year=day.year)


@lru_cache(maxsize=8)
def _day_forms(_locale_name: str) -> tuple[str, str]:
    # Where a language puts the day and the month ("12. März" in German); once per
    # locale, as cards paint by the hundred.
    return (
        QCoreApplication.translate("DateForm", "{day} {month}"),
        QCoreApplication.translate("DateForm", "{day} {month} {year}"),
    )


@lru_cache(maxsize=64)
def _month(month: int, _locale_name: str, locale: QLocale) -> str:
    return locale.monthName(month, QLocale.FormatType.ShortFormat)
